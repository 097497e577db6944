/**
 * What the cluster records show beyond the clustering itself: each copy's word-level edit similarity to its
 * representative, and each member's view (member-view.ts). Both are read back from the shards' signature files for
 * the clusters' members only, and they are the last work of deduplication (the edit similarities were a third of the
 * reduce step's time before the records are written, on the generated 100k corpus): with a core to spare they are
 * found on a thread of their own while the main thread writes the records.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { layoutAt, signatureStarts, SIGNATURES_FILE, viewBytesOf, wordCodesOf } from '../dedup/signature-file.js';
import { editSimilarity } from '../dedup/verify.js';

/** The clusters' members and pairs, by where their documents' signatures are. */
export interface DetailsTask {
  shardDirs: string[];
  /** Two numbers per member: its shard (position in `shardDirs`) and its index there. */
  members: Uint32Array;
  /** Four numbers per (representative, copy) pair: the representative's shard and index, then the copy's. */
  pairs: Uint32Array;
}

export interface ClusterDetails {
  /** Edit similarity of each pair, in the task's order. */
  edits: Float64Array;
  /** Each member's view as UTF-8: member k's (in the task's order) is viewBytes[viewStarts[k] … viewEnds[k]), empty
   *  when not found. Bytes rather than strings: they cross threads without a copy, and a million documents' views
   *  held as strings on both threads put the run over its memory bound. */
  viewBytes: Uint8Array;
  viewStarts: Uint32Array;
  viewEnds: Uint32Array;
}

/** A document's place as one number: shard · 2^32 + index. */
const placeOf = (shard: number, index: number): number => shard * 4294967296 + index;

/** The details of a task's members and pairs, read from their shards' signature files. */
export async function clusterDetails(task: DetailsTask): Promise<ClusterDetails> {
  const { shardDirs, members, pairs } = task;
  const wanted = new Map<number, Set<number>>();
  const want = (shard: number, index: number): void => {
    let set = wanted.get(shard);
    if (!set) wanted.set(shard, (set = new Set()));
    set.add(index);
  };
  // Each member's position in the task (a document is a member of one cluster at most).
  const memberAt = new Map<number, number>();
  for (let m = 0; m < members.length; m += 2) {
    want(members[m], members[m + 1]);
    memberAt.set(placeOf(members[m], members[m + 1]), m / 2);
  }
  for (let p = 0; p < pairs.length; p += 2) want(pairs[p], pairs[p + 1]);
  const codes = new Map<number, string>();
  const viewStarts = new Uint32Array(members.length / 2);
  const viewEnds = new Uint32Array(members.length / 2);
  let viewBytes = new Uint8Array(1 << 16);
  let used = 0;
  for (const [shard, indexes] of wanted) {
    const bytes = await readFile(join(shardDirs[shard], SIGNATURES_FILE));
    for (const [index, start] of signatureStarts(bytes, indexes)) {
      const l = layoutAt(bytes, start);
      codes.set(placeOf(shard, index), wordCodesOf(bytes, l));
      const member = memberAt.get(placeOf(shard, index));
      if (member === undefined) continue;
      const view = viewBytesOf(bytes, l);
      if (used + view.length > viewBytes.length) {
        const grown = new Uint8Array(Math.max(viewBytes.length * 2, used + view.length));
        grown.set(viewBytes.subarray(0, used));
        viewBytes = grown;
      }
      viewBytes.set(view, used);
      viewStarts[member] = used;
      viewEnds[member] = used += view.length;
    }
  }
  const codesAt = (p: number): string => codes.get(placeOf(pairs[p], pairs[p + 1])) ?? '';
  const edits = new Float64Array(pairs.length / 4);
  for (let k = 0; k < edits.length; k++) edits[k] = editSimilarity(codesAt(4 * k), codesAt(4 * k + 2));
  return { edits, viewBytes: viewBytes.slice(0, used), viewStarts, viewEnds };
}

/** Fewer members than this are read on the calling thread: starting a thread (~40 ms) would cost more. */
export const DETAILS_THREAD_MIN_MEMBERS = 2000;

const DETAILS_WORKER_URL = new URL('./cluster-details-worker.js', import.meta.url);

/**
 * clusterDetails on a thread of its own, which takes the task's arrays (transferred); on the calling thread for
 * fewer than `minMembers` members, or when running from TypeScript sources (no compiled worker).
 */
export function clusterDetailsOnThread(task: DetailsTask, minMembers = DETAILS_THREAD_MIN_MEMBERS): Promise<ClusterDetails> {
  if (task.members.length / 2 < minMembers || !existsSync(fileURLToPath(DETAILS_WORKER_URL))) return clusterDetails(task);
  return new Promise((resolve, reject) => {
    const worker = new Worker(DETAILS_WORKER_URL, { workerData: task, transferList: [task.members.buffer as ArrayBuffer, task.pairs.buffer as ArrayBuffer] });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`cluster details thread exited (${code}) without a result`)));
  });
}
