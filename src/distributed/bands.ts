/**
 * LSH band buckets in Redis, in the spirit of datasketch's Redis storage: one set per (band, band key), holding
 * the documents (`shard:index`) whose MinHash has that band. Workers add to them as they sign; the reduce step
 * SCANs them, and every bucket with two or more members names documents that may be duplicates.
 *
 * Memory: every non-empty document is a member of `bands` sets, so Redis holds bands × documents members (each
 * nearly all in one-member buckets: measured ~250 bytes per member on Redis 7.0, ~8.7 KB per document at 35 bands).
 */
import type { Redis } from 'ioredis';
import type { DedupOptions, DocSignature } from '../dedup/index.js';
import type { CandidateMembers } from '../mapreduce.js';
import { packSignatures, type PackedSignatures } from '../workers/clean-batch.js';

/** Redis key of the bucket of `band` with band key `key`. */
export const bandBucketKey = (prefix: string, band: number, key: number): string => `${prefix}:band:${band}:${(key >>> 0).toString(16).padStart(8, '0')}`;

/** Set member naming a document: its shard and index among the shard's signatures. */
export const memberOf = (shard: number, index: number): string => `${shard}:${index}`;

export function parseMember(member: string): { shard: number; index: number } {
  const m = /^(\d+):(\d+)$/.exec(member);
  if (!m) throw new Error(`not a band bucket member: ${member}`);
  return { shard: Number(m[1]), index: Number(m[2]) };
}

/** Set of the shards whose band keys are all stored (a shard's map step adds itself last). */
export const bandedKey = (prefix: string): string => `${prefix}:banded`;

/** Commands per pipeline round trip. */
const PIPELINE_COMMANDS = 4096;

/**
 * Adds the documents to their band buckets. Empty documents (no shingles) are never candidates, as in
 * findDuplicates. Adding is idempotent: a retried shard adds the same members again.
 */
export async function storeBands(redis: Redis, prefix: string, shard: number, signatures: readonly DocSignature[], firstIndex: number, dedup: DedupOptions): Promise<void> {
  await storeBandKeys(redis, prefix, shard, packSignatures(signatures, dedup), firstIndex);
}

/** storeBands with the band keys a clean worker worked out (see PackedSignatures). */
export async function storeBandKeys(redis: Redis, prefix: string, shard: number, batch: Pick<PackedSignatures, 'signed' | 'bandKeys' | 'bands'>, firstIndex: number): Promise<void> {
  let pipeline = redis.pipeline();
  let queued = 0;
  for (let i = 0; i < batch.signed.length; i++) {
    if (!batch.signed[i]) continue;
    const member = memberOf(shard, firstIndex + i);
    for (let band = 0; band < batch.bands; band++) {
      pipeline.sadd(bandBucketKey(prefix, band, batch.bandKeys[i * batch.bands + band]), member);
      if (++queued >= PIPELINE_COMMANDS) {
        await execOrThrow(pipeline);
        pipeline = redis.pipeline();
        queued = 0;
      }
    }
  }
  if (queued) await execOrThrow(pipeline);
}

async function execOrThrow(pipeline: ReturnType<Redis['pipeline']>): Promise<void> {
  const results = (await pipeline.exec()) ?? [];
  for (const [err] of results) if (err) throw err;
}

/** Keys looked at per SCAN call. */
const SCAN_COUNT = 1000;

/**
 * The documents sharing a bucket with another, per shard: SCANs every bucket of the run and reads the members of
 * each. SCAN may return a key twice; sets make that harmless. The loop ends when the cursor comes back to 0.
 */
export async function scanCandidates(redis: Redis, prefix: string): Promise<CandidateMembers> {
  const members = new Map<number, Set<number>>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:band:*`, 'COUNT', SCAN_COUNT);
    cursor = next;
    if (!keys.length) continue;
    const pipeline = redis.pipeline();
    for (const key of keys) pipeline.smembers(key);
    for (const [err, result] of (await pipeline.exec()) ?? []) {
      if (err) throw err;
      const bucket = result as string[];
      if (bucket.length < 2) continue;
      for (const m of bucket) {
        const { shard, index } = parseMember(m);
        let set = members.get(shard);
        if (!set) members.set(shard, (set = new Set()));
        set.add(index);
      }
    }
  } while (cursor !== '0');
  return members;
}

/** Removes every key of a run (buckets and markers), freeing Redis memory once the run is written. */
export async function deleteRunKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', SCAN_COUNT);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}
