/**
 * How a distributed run is cut and named: contiguous shards of the sorted input files (so shard order is input
 * order and the joined output is the single-machine one), and a run id from the inputs and options, so that a
 * rerun of the same command finds its own work folder and Redis keys and resumes there.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { InputFile } from '../io/discover.js';

/** An input with what the plan and the run id look at. */
export interface SizedFile extends InputFile {
  bytes: number;
  mtimeMs: number;
}

export interface Shard {
  index: number;
  files: InputFile[];
  bytes: number;
}

/** Input bytes per shard by default: a few seconds to a minute of cleaning per job, small enough to retry. */
export const DEFAULT_SHARD_BYTES = 64 << 20;

/** Sizes and modification times of the inputs (absolute paths, so every machine names them the same way). */
export async function sizeFiles(files: readonly InputFile[]): Promise<SizedFile[]> {
  return Promise.all(
    files.map(async (f) => {
      const s = await stat(f.path);
      return { path: resolve(f.path), name: f.name, bytes: s.size, mtimeMs: s.mtimeMs };
    }),
  );
}

/**
 * Cuts the files, in their order, into `shards` contiguous runs of about equal weight (bytes + 1 per file, so a
 * folder of empty files still spreads). Deterministic: the same files and count give the same shards. Exactly
 * min(shards, files) shards, none empty; a file larger than a shard's share makes a shard of its own.
 */
export function planShards(files: readonly SizedFile[], options: { shards?: number; shardBytes?: number } = {}): Shard[] {
  if (!files.length) return [];
  const weight = (f: SizedFile): number => f.bytes + 1;
  const total = files.reduce((sum, f) => sum + weight(f), 0);
  const wanted = options.shards ?? Math.ceil(total / (options.shardBytes ?? DEFAULT_SHARD_BYTES));
  const count = Math.max(1, Math.min(files.length, wanted));
  const shards: Shard[] = [{ index: 0, files: [], bytes: 0 }];
  let before = 0;
  files.forEach((f, i) => {
    const current = shards[shards.length - 1];
    const shardsLeft = count - shards.length;
    // A new shard when this file's weight share has moved past the current one, or when every file left must
    // start a shard of its own to reach `count`.
    if (current.files.length && shardsLeft > 0 && (files.length - i <= shardsLeft || Math.floor((before * count) / total) >= shards.length))
      shards.push({ index: shards.length, files: [], bytes: 0 });
    const shard = shards[shards.length - 1];
    shard.files.push({ path: f.path, name: f.name });
    shard.bytes += f.bytes;
    before += weight(f);
  });
  return shards;
}

/** Hex id of a run: the inputs (path, name, size, mtime), the shard cut and every option that changes the output.
 *  `version` names the signature scheme: a run's shards are only joined with shards signed the same way (3:
 *  one-permutation MinHash, whose band keys never meet those of version 2's 128 permutations). */
export function runId(files: readonly SizedFile[], shards: readonly Shard[], options: unknown): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ version: 3, files: files.map((f) => [f.path, f.name, f.bytes, f.mtimeMs]), cut: shards.map((s) => s.files.length), options }));
  return h.digest('hex').slice(0, 16);
}
