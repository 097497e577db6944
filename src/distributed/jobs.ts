/**
 * The two kinds of job a worker runs, and where their outputs go in the work folder:
 *
 *   <work-dir>/<run>/stats/shard-NNNNN/{rows.jsonl, …, counts.bin, ids.jsonl}   the read step's folder
 *   <work-dir>/<run>/stats.bin, renames.json                       merged by the coordinator
 *   <work-dir>/<run>/map/shard-NNNNN/{records.jsonl, …, summary.json}   the map step's shard folder
 *
 * Inputs are read once, by the stats job; the map job cleans the records it spooled, then deletes them.
 *
 * Every shard folder is written under a temporary name and renamed into place, so one that exists is complete:
 * a retried job rewrites it whole, a rerun skips it.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { InputFile } from '../io/discover.js';
import { commitDir, decodeLineCounts, encodeLineCounts, isShardDone, mapStep, READ_FILES, readShardSummary, readStep, shardDirName, type MapOptions, type ShardRenames, type ShardSummary } from '../mapreduce.js';
import { trackTemporary, untrackTemporary } from '../io/write.js';
import type { LineCounts } from '../workers/line-counts.js';
import { bandedKey, storeBandKeys } from './bands.js';

/** What every job of a run carries. `run` is the run's folder name under each machine's own --work-dir. */
export interface JobData {
  run: string;
  /** Prefix of the run's Redis keys. */
  prefix: string;
  shard: number;
  files: InputFile[];
  options: Omit<MapOptions, 'jobs'>;
}

export interface MapJobData extends JobData {
  /** Run-wide unique ids for the shard's repeated ones (usually empty). */
  renames: ShardRenames;
}

export const statsDir = (runDir: string, shard: number): string => join(runDir, 'stats', shardDirName(shard));
export const mapDir = (runDir: string, shard: number): string => join(runDir, 'map', shardDirName(shard));
export const STATS_FILES = { counts: 'counts.bin', ids: 'ids.jsonl' } as const;
export const globalStatsPath = (runDir: string): string => join(runDir, 'stats.bin');
export const renamesPath = (runDir: string): string => join(runDir, 'renames.json');

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stats job: the read step into the shard's stats folder, with its line counts and ids (one
 * `[file, record ? 1 : 0, id]` line each), committed as one folder.
 */
export async function runStatsJob(runDir: string, data: JobData): Promise<{ documents: number }> {
  const dir = statsDir(runDir, data.shard);
  if (await exists(join(dir, STATS_FILES.counts))) return { documents: -1 };
  const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  trackTemporary(tmp);
  let documents = 0;
  try {
    const { counts, ids } = await readStep(data.files, data.options.read, tmp, { shard: data.shard });
    await writeFile(join(tmp, STATS_FILES.ids), ids.map((r) => JSON.stringify([r.file, r.record ? 1 : 0, r.id]) + '\n').join(''));
    await writeFile(join(tmp, STATS_FILES.counts), encodeLineCounts(counts!));
    documents = counts!.documents;
    await commitDir(tmp, dir);
  } finally {
    await rm(tmp, { recursive: true, force: true });
    untrackTemporary(tmp);
  }
  return { documents };
}

/** The merged line counts of a run, loaded once per worker process and run. */
let cachedStats: { path: string; counts: LineCounts } | null = null;

async function globalStats(runDir: string): Promise<LineCounts> {
  const path = globalStatsPath(runDir);
  if (cachedStats?.path !== path) cachedStats = { path, counts: decodeLineCounts(await readFile(path)) };
  return cachedStats.counts;
}

/**
 * Map job: cleans and signs the shard with the run's merged line counts, adding each document to its band
 * buckets in Redis before the shard folder is committed; then marks the shard banded. A shard already done is
 * left as it is.
 */
export async function runMapJob(runDir: string, data: MapJobData, redis: Redis, jobs: number, progress?: (stage: 'read' | 'clean', done: number) => void): Promise<ShardSummary> {
  const dir = mapDir(runDir, data.shard);
  // Done by an earlier attempt: its buckets were filled before the folder appeared (the coordinator refills
  // them from the signatures should Redis have lost them).
  if (await isShardDone(dir)) return readShardSummary(dir);
  await mkdir(join(runDir, 'map'), { recursive: true });
  const stats = data.options.skipCleaning ? null : await globalStats(runDir);
  const summary = await mapStep(statsDir(runDir, data.shard), stats, { ...data.options, jobs }, dir, data.renames, {
    onSignatures: (signatures, firstIndex) => storeBandKeys(redis, data.prefix, data.shard, signatures, firstIndex),
    progress: (done) => progress?.('clean', done),
  });
  await redis.sadd(bandedKey(data.prefix), String(data.shard));
  // The spooled records are a copy of the inputs, no longer needed once the shard is cleaned.
  await rm(join(statsDir(runDir, data.shard), READ_FILES.rows), { force: true });
  return summary;
}
