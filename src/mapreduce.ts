/**
 * The pipeline's split made explicit, so one machine and many run the same code:
 *
 *   statsStep(shard)                → line counts of the shard (mergeable: counts add up)
 *   mapStep(shard, global counts)   → a shard folder: cleaned records, rejects, signatures, summary
 *   reduceStep(shard folders)       → band join → verified pairs → clusters → records written in shard order
 *
 * Cleaning needs the line counts of the whole run (a template line is one that many documents share), so the
 * stats step runs over every shard before any map step, and the merged counts equal a single pass's exactly:
 * output is byte-identical whatever the number of shards. A shard folder appears whole or not at all (written
 * under a temporary name, renamed into place), so a retried or repeated map step replaces it whole and a
 * folder that exists is a finished shard.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findDuplicates, type DedupOptions, type DedupResult, type DocSignature } from './dedup/index.js';
import type { InputFile } from './io/discover.js';
import { readInput, type ReadOptions, type RejectReason } from './io/read.js';
import { Spool } from './io/spool.js';
import { jsonLine, trackTemporary, untrackTemporary, type LineSink } from './io/write.js';
import { clusterRecords, INPUT_FAILURES, writeRecords, type RunSummary } from './pipeline.js';
import type { OutputRecord, SourceRecord } from './types.js';
import { unpackSignatures } from './workers/clean-batch.js';
import { cleanStageOptions, runCleanBatches } from './workers/clean-stage.js';
import { LineCounts } from './workers/line-counts.js';

/* ------------------------------------------------------------------ stats step */

/** One input read by the stats step: a record (its text counted) or a reject, with the id as read. */
export interface ReadId {
  id: string;
  /** Index of the file in the shard's file list. */
  file: number;
  record: boolean;
}

/**
 * Counts, for every normalised line, the documents of `files` holding it (as the pipeline's read stage does).
 * `onId` sees each record's and reject's id in read order, for run-wide id uniqueness (see IdRenamer).
 */
export async function statsStep(files: readonly InputFile[], read: ReadOptions, onId?: (id: ReadId) => void | Promise<void>): Promise<LineCounts> {
  const counts = new LineCounts();
  for (let f = 0; f < files.length; f++) {
    for await (const event of readInput(files[f], read)) {
      if (event.type === 'record') {
        counts.addDocument(event.record.text);
        await onId?.({ id: event.record.id, file: f, record: true });
      } else if (event.type === 'reject') {
        await onId?.({ id: event.id, file: f, record: false });
      }
    }
  }
  return counts;
}

/** Occupied slots of a table: line hash and documents holding the line. */
export function* lineCountEntries(counts: LineCounts): Generator<[hash: number, documents: number]> {
  const shared = counts.share();
  const keys = new Uint32Array(shared.keys);
  const docs = new Uint32Array(shared.counts);
  for (let i = 0; i < keys.length; i++) if (docs[i] !== 0) yield [keys[i], docs[i]];
}

/**
 * The counts of several shards as one table: per line the sum of its documents, documents summed. Equal to the
 * counts of one pass over all shards, since each document is in exactly one shard.
 */
export function mergeLineCounts(parts: Iterable<LineCounts>): LineCounts {
  const merged = new LineCounts();
  for (const part of parts) {
    // LineCounts has no add(hash, n) (see the report): n increments give the same count.
    for (const [hash, n] of lineCountEntries(part)) for (let k = 0; k < n; k++) merged.increment(hash);
    merged.documents += part.documents;
  }
  return merged;
}

const LINE_COUNTS_MAGIC = 0x31434c43; // "CLC1"

/** The table as bytes: magic, documents, slots, then the key and count arrays (the table itself, no rehash on load). */
export function encodeLineCounts(counts: LineCounts): Buffer {
  const shared = counts.share();
  const slots = shared.keys.byteLength / 4;
  const header = Buffer.alloc(16);
  header.writeUInt32LE(LINE_COUNTS_MAGIC, 0);
  header.writeDoubleLE(shared.documents, 4);
  header.writeUInt32LE(slots, 12);
  return Buffer.concat([header, Buffer.from(shared.keys as unknown as ArrayBuffer), Buffer.from(shared.counts as unknown as ArrayBuffer)]);
}

/** A read-only table from `encodeLineCounts` bytes (lookups and sharing with worker threads; never incremented). */
export function decodeLineCounts(bytes: Buffer): LineCounts {
  if (bytes.length < 16 || bytes.readUInt32LE(0) !== LINE_COUNTS_MAGIC) throw new Error('not a line-counts file');
  const documents = bytes.readDoubleLE(4);
  const slots = bytes.readUInt32LE(12);
  if (bytes.length !== 16 + slots * 8) throw new Error('truncated line-counts file');
  const keys = new SharedArrayBuffer(slots * 4);
  const counts = new SharedArrayBuffer(slots * 4);
  new Uint8Array(keys).set(bytes.subarray(16, 16 + slots * 4));
  new Uint8Array(counts).set(bytes.subarray(16 + slots * 4));
  return new LineCounts({ keys, counts, documents });
}

/**
 * Run-wide unique ids, as the pipeline gives them: a repeated id gets `~2`, `~3` … in read order. Fed every
 * shard's ids in shard order, it yields the renames each map step applies (usually none).
 */
export class IdRenamer {
  private seen = new Set<string>();
  unique(id: string): string {
    let unique = id;
    for (let n = 2; this.seen.has(unique); n++) unique = `${id}~${n}`;
    this.seen.add(unique);
    return unique;
  }
}

/**
 * The renames of a run, per shard: the shard's n-th record or reject (from 0, in read order) → its unique id,
 * for the ids of each shard in shard order (statsStep's `onId`). Only renamed ids are listed; usually none.
 */
export function planRenames(shardIds: Iterable<Iterable<string>>): Record<number, Record<number, string>> {
  const renamer = new IdRenamer();
  const renames: Record<number, Record<number, string>> = {};
  let shard = 0;
  for (const ids of shardIds) {
    let n = 0;
    for (const id of ids) {
      const unique = renamer.unique(id);
      if (unique !== id) (renames[shard] ??= {})[n] = unique;
      n++;
    }
    shard++;
  }
  return renames;
}

/* ------------------------------------------------------------------ map step */

/** What cleaning and signing need, the same for every shard of a run. */
export interface MapOptions {
  read: ReadOptions;
  dedup: DedupOptions;
  detectDuplicates: boolean;
  skipCleaning?: boolean;
  keepNoise: boolean;
  minChars: number;
  /** Worker threads for cleaning (default: every core); the output is the same for any value. */
  jobs?: number;
}

export interface ShardMessage {
  kind: 'problem' | 'warning';
  text: string;
}

/** A finished shard's accounting, kept in its folder as summary.json. */
export interface ShardSummary {
  shard: number;
  files: number;
  read: number;
  /** Records cleaned and kept (written to records.jsonl, before deduplication). */
  kept: number;
  rejected: number;
  /** Rejected while reading, and while cleaning: reported in that order, as the single-machine run does. */
  readRejectReasons: Partial<Record<RejectReason, number>>;
  cleanRejectReasons: Partial<Record<RejectReason, number>>;
  inputProblems: number;
  /** Problems and warnings with the inputs, for the coordinator to print. */
  messages: ShardMessage[];
  signatures: number;
  seconds: number;
}

/** Files of a shard folder. */
export const SHARD_FILES = {
  records: 'records.jsonl',
  readRejects: 'read-rejects.jsonl',
  cleanRejects: 'clean-rejects.jsonl',
  signatures: 'signatures.bin',
  summary: 'summary.json',
} as const;

export const shardDirName = (shard: number): string => `shard-${String(shard).padStart(5, '0')}`;

/** Reject reasons that mean the input itself was bad (as in pipeline.ts). */

/** Whether a shard folder is complete: it exists only after its atomic rename, with summary.json inside. */
export async function isShardDone(dir: string): Promise<boolean> {
  try {
    return (await stat(join(dir, SHARD_FILES.summary))).isFile();
  } catch {
    return false;
  }
}

export async function readShardSummary(dir: string): Promise<ShardSummary> {
  return JSON.parse(await readFile(join(dir, SHARD_FILES.summary), 'utf8')) as ShardSummary;
}

/** Buffered appends to a file (few large writes). */
class FileLines {
  private pending: (string | Buffer)[] = [];
  private size = 0;
  private constructor(private readonly handle: FileHandle) {}
  static async open(path: string): Promise<FileLines> {
    return new FileLines(await open(path, 'w'));
  }
  async write(data: string | Buffer): Promise<void> {
    this.pending.push(data);
    this.size += data.length;
    if (this.size >= 1 << 18) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.size) return;
    const parts = this.pending.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p));
    this.pending = [];
    this.size = 0;
    await this.handle.write(Buffer.concat(parts));
  }
  async close(): Promise<void> {
    await this.flush();
    await this.handle.sync();
    await this.handle.close();
  }
}

export interface MapHooks {
  /** Sees each batch of signatures (shard-local indexes from `firstIndex`) before the shard is committed, e.g. to store band keys. */
  onSignatures?(signatures: DocSignature[], firstIndex: number): Promise<void>;
  /** Records read, then records cleaned, in this shard. */
  progress?(stage: 'read' | 'clean', done: number): void;
}

/**
 * Reads, cleans and signs the files of one shard with the run's global line counts, into `dir` (the shard's
 * folder, e.g. `<work>/shard-00003`). Everything is written to a temporary folder beside it and renamed into
 * place at the end, so `dir` appears complete or not at all; an existing `dir` (a concurrent attempt that
 * finished first) is left as it is, since both attempts write the same bytes. `renames` maps the shard's
 * n-th record or reject (from 0, in read order) to its run-wide unique id.
 */
export async function mapStep(
  files: readonly InputFile[],
  stats: LineCounts | null,
  options: MapOptions,
  dir: string,
  shard = 0,
  renames: Readonly<Record<number, string>> = {},
  hooks: MapHooks = {},
): Promise<ShardSummary> {
  const started = process.hrtime.bigint();
  const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  await mkdir(tmp, { recursive: true });
  trackTemporary(tmp);
  try {
    const summary: ShardSummary = {
      shard,
      files: files.length,
      read: 0,
      kept: 0,
      rejected: 0,
      readRejectReasons: {},
      cleanRejectReasons: {},
      inputProblems: 0,
      messages: [],
      signatures: 0,
      seconds: 0,
    };
    const readRejects = await FileLines.open(join(tmp, SHARD_FILES.readRejects));
    const spool = await Spool.create<SourceRecord>(tmp, 'read.spool.jsonl');
    let n = 0;
    for (const file of files) {
      for await (const event of readInput(file, options.read)) {
        if (event.type === 'record') {
          summary.read++;
          const { id, text, encoding, extra } = event.record;
          const row: SourceRecord = { id: renames[n++] ?? id, text, encoding };
          if (row.id !== id) summary.messages.push({ kind: 'warning', text: `${file.path}: id ${id} already used, renamed ${row.id}` });
          if (extra) row.extra = extra;
          await spool.add(row);
          hooks.progress?.('read', summary.read);
        } else if (event.type === 'reject') {
          summary.read++;
          summary.rejected++;
          summary.readRejectReasons[event.reason] = (summary.readRejectReasons[event.reason] ?? 0) + 1;
          if (INPUT_FAILURES.has(event.reason)) summary.inputProblems++;
          summary.messages.push({ kind: 'problem', text: event.message });
          await readRejects.write(jsonLine({ id: renames[n++] ?? event.id, reason: event.reason, text: event.text }));
        } else if (event.type === 'problem') {
          summary.inputProblems++;
          summary.messages.push({ kind: 'problem', text: `${event.path}: ${event.message}` });
        } else {
          summary.messages.push({ kind: 'warning', text: `${event.path}: ${event.message}` });
        }
      }
    }
    await spool.close();
    await readRejects.close();

    const records = await FileLines.open(join(tmp, SHARD_FILES.records));
    const cleanRejects = await FileLines.open(join(tmp, SHARD_FILES.cleanRejects));
    const signatures = await FileLines.open(join(tmp, SHARD_FILES.signatures));
    await signatures.write(SIGNATURES_HEADER);
    let done = 0;
    const stageOptions = cleanStageOptions(options);
    await runCleanBatches(spool.path, spool.count, options.skipCleaning ? null : stats, stageOptions, async (batch) => {
      for (const r of batch.rejects) {
        summary.rejected++;
        summary.cleanRejectReasons[r.reason] = (summary.cleanRejectReasons[r.reason] ?? 0) + 1;
        await cleanRejects.write(jsonLine({ id: r.id, reason: r.reason, text: r.text }));
      }
      await records.write(batch.lines);
      summary.kept += batch.kept;
      if (batch.signatures) {
        const signed = unpackSignatures(batch.signatures);
        await hooks.onSignatures?.(signed, summary.signatures);
        for (const s of signed) await signatures.write(encodeSignature(s));
        summary.signatures += signed.length;
      }
      done += batch.kept + batch.rejects.length;
      hooks.progress?.('clean', done);
    });
    await records.close();
    await cleanRejects.close();
    await signatures.close();
    await rm(spool.path, { force: true });
    summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await writeFile(join(tmp, SHARD_FILES.summary), JSON.stringify(summary, null, 2) + '\n');
    await commitDir(tmp, dir);
    return await readShardSummary(dir);
  } finally {
    await rm(tmp, { recursive: true, force: true });
    untrackTemporary(tmp);
  }
}

/**
 * Renames a finished temporary folder into place. When the target exists already (another attempt of the same
 * shard finished first, with the same content), the temporary folder is dropped instead.
 */
export async function commitDir(tmp: string, dir: string): Promise<void> {
  try {
    await rename(tmp, dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
  }
}

/* ------------------------------------------------------------------ signatures file */

const SIGNATURES_HEADER = Buffer.from('CSIG0001');

/**
 * One signature as bytes: id (UTF-8), word codes (UTF-16 code units, which may be lone surrogates, so never
 * UTF-8), MinHash slots, shingle sample, then shingle count, length, words and the title/site/date flags.
 */
export function encodeSignature(s: DocSignature): Buffer {
  const id = Buffer.from(s.id, 'utf8');
  const size = 4 + id.length + 4 + s.wordCodes.length * 2 + 4 + s.minhash.length * 4 + 4 + s.shingles.length * 4 + 24 + 1;
  const b = Buffer.alloc(4 + size);
  let o = b.writeUInt32LE(size, 0);
  o = b.writeUInt32LE(id.length, o);
  o += id.copy(b, o);
  o = b.writeUInt32LE(s.wordCodes.length, o);
  for (let i = 0; i < s.wordCodes.length; i++) o = b.writeUInt16LE(s.wordCodes.charCodeAt(i), o);
  o = b.writeUInt32LE(s.minhash.length, o);
  for (const v of s.minhash) o = b.writeUInt32LE(v, o);
  o = b.writeUInt32LE(s.shingles.length, o);
  for (const v of s.shingles) o = b.writeUInt32LE(v, o);
  o = b.writeDoubleLE(s.shingleCount ?? s.shingles.length, o);
  o = b.writeDoubleLE(s.length, o);
  o = b.writeDoubleLE(s.words, o);
  b.writeUInt8((s.hasTitle ? 1 : 0) | (s.hasSite ? 2 : 0) | (s.hasDate ? 4 : 0), o);
  return b;
}

/** The signatures of a signatures file, in order; `wanted` (local indexes) keeps only those. */
export function decodeSignatures(bytes: Buffer, wanted?: ReadonlySet<number>): Map<number, DocSignature> {
  if (!bytes.subarray(0, SIGNATURES_HEADER.length).equals(SIGNATURES_HEADER)) throw new Error('not a signatures file');
  const out = new Map<number, DocSignature>();
  let o = SIGNATURES_HEADER.length;
  for (let index = 0; o < bytes.length; index++) {
    const size = bytes.readUInt32LE(o);
    const start = o + 4;
    o = start + size;
    if (o > bytes.length) throw new Error('truncated signatures file');
    if (wanted && !wanted.has(index)) continue;
    let p = start;
    const idLen = bytes.readUInt32LE(p);
    const id = bytes.toString('utf8', p + 4, p + 4 + idLen);
    p += 4 + idLen;
    const wcLen = bytes.readUInt32LE(p);
    p += 4;
    const codes: number[] = new Array(wcLen);
    for (let i = 0; i < wcLen; i++, p += 2) codes[i] = bytes.readUInt16LE(p);
    let wordCodes = '';
    for (let i = 0; i < codes.length; i += 8192) wordCodes += String.fromCharCode(...codes.slice(i, i + 8192));
    const u32 = (): Uint32Array => {
      const len = bytes.readUInt32LE(p);
      p += 4;
      const a = new Uint32Array(len);
      for (let i = 0; i < len; i++, p += 4) a[i] = bytes.readUInt32LE(p);
      return a;
    };
    const minhash = u32();
    const shingles = u32();
    const shingleCount = bytes.readDoubleLE(p);
    const length = bytes.readDoubleLE(p + 8);
    const words = bytes.readDoubleLE(p + 16);
    const flags = bytes.readUInt8(p + 24);
    out.set(index, { id, minhash, shingles, shingleCount, wordCodes, length, words, hasTitle: (flags & 1) !== 0, hasSite: (flags & 2) !== 0, hasDate: (flags & 4) !== 0 });
  }
  return out;
}

export async function readShardSignatures(dir: string, wanted?: ReadonlySet<number>): Promise<Map<number, DocSignature>> {
  return decodeSignatures(await readFile(join(dir, SHARD_FILES.signatures)), wanted);
}

/* ------------------------------------------------------------------ reduce step */

export interface ReduceOptions {
  dedup: DedupOptions;
  detectDuplicates: boolean;
  /** Drop duplicates (clean) or only mark them (`--no-dedup`). */
  dropDuplicates: boolean;
}

/** Where the reduce step sends its outputs (the pipeline's PipelineIo, minus reading). */
export interface ReduceSinks {
  output?: LineSink;
  rejects?: LineSink;
  clusters?: LineSink;
  progress?(stage: string, done: number): void;
  onRecord?(record: OutputRecord, dropped: boolean): void | Promise<void>;
}

/**
 * Which documents can be in a candidate pair: per shard (position in `shardDirs`), the local indexes of its
 * documents that share a band bucket with another document; `'all'` when not narrowed (the in-process path).
 * Handing findDuplicates exactly the documents of buckets with two or more members gives the same candidate
 * pairs, clusters and counts as handing it all of them: every such bucket is kept whole, and a document in none
 * is in no pair.
 */
export type CandidateMembers = Map<number, Set<number>> | 'all';

export interface ReduceResult {
  summary: RunSummary;
  clusters: object[];
}

/** Reads a JSONL file line by line. */
/** The cleaned records of the shards, in shard order: the same order a single-machine run writes. */
async function* shardRecords(shardDirs: readonly string[]): AsyncGenerator<OutputRecord> {
  for (const dir of shardDirs) for await (const line of fileLines(join(dir, SHARD_FILES.records))) yield JSON.parse(line) as OutputRecord;
}

async function* fileLines(path: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(path, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield line;
}

/** Clusters over the shards' signatures, loading only the candidate members. */
export async function clusterShards(shardDirs: readonly string[], members: CandidateMembers, dedup: DedupOptions): Promise<DedupResult> {
  const signatures: DocSignature[] = [];
  for (let s = 0; s < shardDirs.length; s++) {
    const wanted = members === 'all' ? undefined : members.get(s);
    if (members !== 'all' && !wanted?.size) continue;
    for (const sig of (await readShardSignatures(shardDirs[s], wanted)).values()) signatures.push(sig);
  }
  return findDuplicates(signatures, dedup);
}

/**
 * Joins the shards: clusters their candidate documents, writes the duplicate clusters, then every shard's
 * records in shard order (copies dropped or marked), and the rejects (all shards' read rejects, then all clean
 * rejects: the order of a single-machine run). `files` is the number of inputs of the run, for the summary.
 */
export async function reduceStep(shardDirs: readonly string[], options: ReduceOptions, sinks: ReduceSinks, members: CandidateMembers = 'all', files?: number): Promise<ReduceResult> {
  const shardSummaries = await Promise.all(shardDirs.map(readShardSummary));
  const summary = sumShardSummaries(shardSummaries, files);
  const started = process.hrtime.bigint();
  const result: DedupResult = options.detectDuplicates ? await clusterShards(shardDirs, members, options.dedup) : { clusters: [], candidatePairs: 0, verifiedPairs: 0 };
  summary.seconds.dedup = Number(process.hrtime.bigint() - started) / 1e9;
  summary.clusters = result.clusters.length;
  summary.candidatePairs = result.candidatePairs;
  summary.verifiedPairs = result.verifiedPairs;

  const writeStarted = process.hrtime.bigint();
  for (const kind of [SHARD_FILES.readRejects, SHARD_FILES.cleanRejects])
    if (sinks.rejects) for (const dir of shardDirs) for await (const line of fileLines(join(dir, kind))) await sinks.rejects.write(line + '\n');

  const clusters = result.clusters.length && (sinks.clusters || !sinks.output) ? await clusterRecords(result.clusters, shardRecords(shardDirs)) : [];
  for (const c of clusters) await sinks.clusters?.write(jsonLine(c));
  await writeRecords(shardRecords(shardDirs), result.clusters, options, sinks, summary);
  summary.seconds.write = Number(process.hrtime.bigint() - writeStarted) / 1e9;
  return { summary, clusters };
}

/** The run's summary so far (no records written yet) from the shards' summaries. */
export function sumShardSummaries(shards: readonly ShardSummary[], files?: number): RunSummary {
  const summary: RunSummary = { files: files ?? 0, read: 0, written: 0, duplicates: 0, markedDuplicates: 0, rejected: 0, rejectReasons: {}, inputProblems: 0, clusters: 0, candidatePairs: 0, verifiedPairs: 0, seconds: {} };
  const add = (reasons: Partial<Record<RejectReason, number>>): void => {
    for (const [reason, n] of Object.entries(reasons) as [RejectReason, number][]) summary.rejectReasons[reason] = (summary.rejectReasons[reason] ?? 0) + n;
  };
  // Reasons in the order a single-machine run meets them: reading first, then cleaning.
  for (const s of shards) add(s.readRejectReasons);
  for (const s of shards) add(s.cleanRejectReasons);
  let mapSeconds = 0;
  for (const s of shards) {
    if (files === undefined) summary.files += s.files;
    summary.read += s.read;
    summary.rejected += s.rejected;
    summary.inputProblems += s.inputProblems;
    mapSeconds += s.seconds;
  }
  summary.seconds.map = mapSeconds;
  return summary;
}
