/**
 * The word-level edit similarity each cluster member reports against its representative. It is the one
 * similarity that needs the members' word codes, read back from the shards' signature files, and the last work of
 * clustering (a third of the reduce step's time before the records are written, on the generated 100k corpus):
 * with a thread to spare it runs on a thread of its own while the main thread writes the records.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { layoutAt, signatureStarts, SIGNATURES_FILE, wordCodesOf } from '../dedup/signature-file.js';
import { editSimilarity } from '../dedup/verify.js';

/** The pairs whose edit similarity is wanted, by where their documents' signatures are. */
export interface EditTask {
  shardDirs: string[];
  /** Four numbers per pair: the representative's shard (position in `shardDirs`) and index there, then the copy's. */
  pairs: Uint32Array;
}

/** Edit similarity of every pair of `task`, in its order. */
export async function memberEdits(task: EditTask): Promise<Float64Array<ArrayBuffer>> {
  const { shardDirs, pairs } = task;
  const wanted = new Map<number, Set<number>>();
  for (let p = 0; p < pairs.length; p += 2) {
    let set = wanted.get(pairs[p]);
    if (!set) wanted.set(pairs[p], (set = new Set()));
    set.add(pairs[p + 1]);
  }
  const codes = new Map<number, Map<number, string>>();
  for (const [shard, indexes] of wanted) {
    const bytes = await readFile(join(shardDirs[shard], SIGNATURES_FILE));
    const byIndex = new Map<number, string>();
    for (const [index, start] of signatureStarts(bytes, indexes)) byIndex.set(index, wordCodesOf(bytes, layoutAt(bytes, start)));
    codes.set(shard, byIndex);
  }
  const at = (p: number): string => codes.get(pairs[p])?.get(pairs[p + 1]) ?? '';
  const edits = new Float64Array(pairs.length / 4);
  for (let k = 0; k < edits.length; k++) edits[k] = editSimilarity(at(4 * k), at(4 * k + 2));
  return edits;
}

/** Fewer pairs than this are compared on the calling thread: starting a thread (~40 ms) would cost more. */
export const EDIT_THREAD_MIN_PAIRS = 2000;

const EDIT_WORKER_URL = new URL('./edit-worker.js', import.meta.url);

/**
 * memberEdits on a thread of its own, which takes `task.pairs` (transferred); on the calling thread for fewer than
 * `minPairs` pairs, or when running from TypeScript sources (no compiled worker).
 */
export function memberEditsOnThread(task: EditTask, minPairs = EDIT_THREAD_MIN_PAIRS): Promise<Float64Array> {
  if (task.pairs.length / 4 < minPairs || !existsSync(fileURLToPath(EDIT_WORKER_URL))) return memberEdits(task);
  return new Promise((resolve, reject) => {
    const worker = new Worker(EDIT_WORKER_URL, { workerData: task, transferList: [task.pairs.buffer as ArrayBuffer] });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`edit similarity thread exited (${code}) without a result`)));
  });
}
