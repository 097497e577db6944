/**
 * The pipeline's split made explicit, so one machine and many run the same code (pipeline.ts in-process,
 * distributed/ as BullMQ jobs):
 *
 *   readStep(shard files)              → a read folder: records as read, rejects, line counts of the shard
 *   mapStep(read folder, all counts)   → a shard folder: cleaned records, rejects, signatures, summary
 *   reduceStep(shard folders)          → band join → verified pairs → clusters → records written in shard order
 *
 * Cleaning needs the line counts of the whole run (a template line is one that many documents share), so the
 * read step runs over every shard before any map step, and the merged counts equal a single pass's exactly:
 * output is byte-identical whatever the number of shards. Inputs are read once: the map step cleans the read
 * folder's records. A shard folder appears whole or not at all (written
 * under a temporary name, renamed into place), so a retried or repeated map step replaces it whole and a
 * folder that exists is a finished shard.
 */
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { bandingFor, describeClusters, editPairs, emptySignatureTable, planClusters, type Cluster, type DedupOptions, type DedupResult, type DocSignature } from './dedup/index.js';
import { BandBuckets } from './dedup/lsh.js';
import { atLeast, copyU32, decodeSignatures, flagsOf, layoutAt, SIGNATURES_FILE, SIGNATURES_HEADER, signatureStarts } from './dedup/signature-file.js';
import { debugMemory } from './debug.js';
import { collectGarbage, COLLECT_MIN_ITEMS } from './memory.js';
import type { InputFile } from './io/discover.js';
import { readInput, type ReadEvent, type ReadOptions, type RejectReason } from './io/read.js';
import { readAhead } from './io/read-ahead.js';
import { FileLines, jsonLine, trackTemporary, untrackTemporary, type LineSink } from './io/write.js';
import type { OutputRecord, SourceRecord } from './types.js';
import type { CleanedBatch, PackedSignatures } from './workers/clean-batch.js';
import { cleanStageOptions, runCleanBatches, type CleanPool } from './workers/clean-stage.js';
import { clusterDetails, type ClusterDetails, type DetailsTask } from './workers/cluster-details.js';
import { LineCounts } from './workers/line-counts.js';
import { NO_VIEW } from './member-view.js';

/* ------------------------------------------------------------------ accounting */

/** The run's accounting: read = written + duplicates + rejected, always. */
export interface RunSummary {
  files: number;
  read: number;
  written: number;
  /** Records dropped as copies of a kept representative. */
  duplicates: number;
  /** Records written but marked `duplicate_of` (`--no-dedup`); part of `written`. */
  markedDuplicates: number;
  rejected: number;
  rejectReasons: Partial<Record<RejectReason, number>>;
  /** Inputs that failed (missing, unreadable, binary, malformed lines …): non-zero exit. */
  inputProblems: number;
  clusters: number;
  candidatePairs: number;
  verifiedPairs: number;
  /** Seconds spent in each stage. */
  seconds: Record<string, number>;
}

/** Reject reasons that mean the input itself was bad, rather than a cleaning decision. */
export const INPUT_FAILURES: ReadonlySet<RejectReason> = new Set(['binary', 'undecodable', 'malformed JSONL line', 'truncated input']);

/* ------------------------------------------------------------------ read step */

/** One input read by the read step: a record or a reject, with the id as read. */
export interface ReadId {
  id: string;
  /** Index of the file in the shard's file list. */
  file: number;
  record: boolean;
}

/** Files of a read step's folder. */
export const READ_FILES = {
  rows: 'rows.jsonl',
  rejects: 'read-rejects.jsonl',
  summary: 'read-summary.json',
} as const;

/** A read step's accounting, kept in its folder as read-summary.json. */
export interface ReadSummary {
  shard: number;
  files: number;
  /** Records and rejects read. */
  read: number;
  /** Records spooled for cleaning (rows.jsonl). */
  records: number;
  rejected: number;
  readRejectReasons: Partial<Record<RejectReason, number>>;
  inputProblems: number;
  /** Problems and warnings with the inputs, in read order, for the run to print. */
  messages: ShardMessage[];
  seconds: number;
}

export interface ReadResult {
  summary: ReadSummary;
  /** Line counts of the shard's records, or null when not counted (no cleaning). */
  counts: LineCounts | null;
  /** Every record's and reject's id as read, in read order (see planRenames). */
  ids: ReadId[];
}

/** Files read at once within a shard, and characters each may buffer ahead (see read-ahead.ts). */
const READ_AHEAD_FILES = 16;
const READ_AHEAD_CHARS = 1 << 22;

const eventSize = ({ event }: { event: ReadEvent }): number => (event.type === 'record' ? event.record.text.length : event.type === 'reject' ? (event.text?.length ?? 0) : 0);

async function* withIndex(file: number, events: AsyncIterable<ReadEvent>): AsyncGenerator<{ file: number; event: ReadEvent }> {
  for await (const event of events) yield { file, event };
}

export interface ReadStepOptions {
  shard?: number;
  /** Count lines for cleaning (default); off when nothing will be cleaned. */
  countLines?: boolean;
  /** fsync the folder's files (default): off for a run's private temporary folder, which no later run reads. */
  durable?: boolean;
  progress?(done: number): void;
}

/**
 * Reads, decodes and splits the files of one shard into `dir` (created): the records as JSON lines for the map
 * step, the rejects, and a summary; and counts, for every normalised line, the documents holding it. Counts
 * are mergeable (LineCounts.addCounts): the shards' merged counts equal a single pass's, so cleaning, and so
 * the output, do not depend on the cut. Ids are left as read; planRenames makes them unique across the run.
 */
export async function readStep(files: readonly InputFile[], read: ReadOptions, dir: string, options: ReadStepOptions = {}): Promise<ReadResult> {
  const started = process.hrtime.bigint();
  await mkdir(dir, { recursive: true });
  const counts = options.countLines === false ? null : new LineCounts();
  const ids: ReadId[] = [];
  const summary: ReadSummary = { shard: options.shard ?? 0, files: files.length, read: 0, records: 0, rejected: 0, readRejectReasons: {}, inputProblems: 0, messages: [], seconds: 0 };
  const durable = options.durable ?? true;
  const rows = await FileLines.open(join(dir, READ_FILES.rows), durable);
  const rejects = await FileLines.open(join(dir, READ_FILES.rejects), durable);
  const indexes = files.map((_, i) => i);
  const events = readAhead(indexes, (i) => withIndex(i, readInput(files[i], read)), { depth: READ_AHEAD_FILES, maxBuffered: READ_AHEAD_CHARS, size: eventSize });
  for await (const { file, event } of events) {
    if (event.type === 'record') {
      summary.read++;
      summary.records++;
      const { id, text, encoding, extra } = event.record;
      const row: SourceRecord = { id, text, encoding };
      if (extra) row.extra = extra;
      counts?.addDocument(text);
      ids.push({ id, file, record: true });
      await rows.writeLine(JSON.stringify(row));
      options.progress?.(summary.read);
    } else if (event.type === 'reject') {
      summary.read++;
      summary.rejected++;
      summary.readRejectReasons[event.reason] = (summary.readRejectReasons[event.reason] ?? 0) + 1;
      if (INPUT_FAILURES.has(event.reason)) summary.inputProblems++;
      summary.messages.push({ kind: 'problem', text: event.message });
      ids.push({ id: event.id, file, record: false });
      await rejects.writeLine(JSON.stringify({ id: event.id, reason: event.reason, text: event.text }));
    } else if (event.type === 'problem') {
      summary.inputProblems++;
      summary.messages.push({ kind: 'problem', text: `${event.path}: ${event.message}` });
    } else {
      summary.messages.push({ kind: 'warning', text: `${event.path}: ${event.message}` });
    }
  }
  await rows.close();
  await rejects.close();
  summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await writeFile(join(dir, READ_FILES.summary), JSON.stringify(summary, null, 2) + '\n');
  return { summary, counts, ids };
}

export async function readReadSummary(dir: string): Promise<ReadSummary> {
  return JSON.parse(await readFile(join(dir, READ_FILES.summary), 'utf8')) as ReadSummary;
}

/** Occupied slots of a table: line hash and documents holding the line. */
export function* lineCountEntries(counts: LineCounts): Generator<[hash: number, documents: number]> {
  const shared = counts.share();
  const keys = new Uint32Array(shared.keys);
  const docs = new Uint32Array(shared.counts);
  for (let i = 0; i < keys.length; i++) if (docs[i] !== 0) yield [keys[i], docs[i]];
}

/** The counts of several shards as one table (see LineCounts.addCounts). */
export function mergeLineCounts(parts: Iterable<LineCounts>): LineCounts {
  const merged = new LineCounts();
  for (const part of parts) merged.addCounts(part);
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
 * Run-wide unique ids: a repeated id (the same relative name under two arguments) gets `~2`, `~3` … in read
 * order, shard after shard.
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

/** The renamed ids of one shard: its k-th record (from 0, in read order) or k-th reject → its unique id. */
export interface ShardRenames {
  records?: Record<number, string>;
  rejects?: Record<number, string>;
}

/** One id renamed, for the warning the run prints. */
export interface Renamed {
  /** Index of the file in the shard's file list. */
  file: number;
  id: string;
  unique: string;
}

/**
 * The renames of one shard, given the shards before it were fed to the same renamer (in shard order): usually
 * none. Returns what to apply in the map step and what to tell the user.
 */
export function planShardRenames(renamer: IdRenamer, ids: Iterable<ReadId>): { renames: ShardRenames; renamed: Renamed[] } {
  const renames: ShardRenames = {};
  const renamed: Renamed[] = [];
  let records = 0;
  let rejects = 0;
  for (const r of ids) {
    const k = r.record ? records++ : rejects++;
    const unique = renamer.unique(r.id);
    if (unique === r.id) continue;
    (r.record ? (renames.records ??= {}) : (renames.rejects ??= {}))[k] = unique;
    renamed.push({ file: r.file, id: r.id, unique });
  }
  return { renames, renamed };
}

/** The renames of every shard of a run, from their ids in shard order. */
export function planRenames(shardIds: Iterable<Iterable<ReadId>>): ShardRenames[] {
  const renamer = new IdRenamer();
  return [...shardIds].map((ids) => planShardRenames(renamer, ids).renames);
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
  signatures: SIGNATURES_FILE,
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

export interface MapHooks {
  /** Sees each batch of signatures (shard-local indexes from `firstIndex`) before the shard is committed, e.g. to store band keys. */
  onSignatures?(signatures: PackedSignatures, firstIndex: number): Promise<void>;
  /** Records cleaned so far in this shard. */
  progress?(done: number): void;
  /** The run's clean workers (one pool for every shard); without it the step starts a pool of its own. */
  pool?: CleanPool;
  /** fsync the shard folder's files before it is renamed into place (default): off for a run's private temporary folder. */
  durable?: boolean;
}

/**
 * Cleans and signs the records of one read step's folder (`readDir`) with the run's global line counts, into
 * `dir` (the shard's folder, e.g. `<work>/shard-00003`). Everything is written to a temporary folder beside it and
 * renamed into place at the end, so `dir` appears complete or not at all; an existing `dir` (a concurrent attempt
 * that finished first) is left as it is, since both attempts write the same bytes. `renames` gives run-wide
 * unique ids to the shard's repeated ones (see planShardRenames).
 */
export async function mapStep(
  readDir: string,
  stats: LineCounts | null,
  options: MapOptions,
  dir: string,
  renames: ShardRenames = {},
  hooks: MapHooks = {},
): Promise<ShardSummary> {
  const started = process.hrtime.bigint();
  const read = await readReadSummary(readDir);
  const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  await mkdir(tmp, { recursive: true });
  trackTemporary(tmp);
  try {
    const { records: _records, seconds: _seconds, ...readCounts } = read;
    const summary: ShardSummary = { ...readCounts, kept: 0, cleanRejectReasons: {}, signatures: 0, seconds: 0 };
    const durable = hooks.durable ?? true;
    if (!(await copyRenamed(join(readDir, READ_FILES.rejects), join(tmp, SHARD_FILES.readRejects), renames.rejects, durable)))
      await copyFile(join(readDir, READ_FILES.rejects), join(tmp, SHARD_FILES.readRejects));
    const rowsPath = join(tmp, 'rows.renamed.jsonl');
    const renamed = await copyRenamed(join(readDir, READ_FILES.rows), rowsPath, renames.records, durable);

    const records = await FileLines.open(join(tmp, SHARD_FILES.records), durable);
    const cleanRejects = await FileLines.open(join(tmp, SHARD_FILES.cleanRejects), durable);
    const signatures = await FileLines.open(join(tmp, SHARD_FILES.signatures), durable);
    await signatures.write(SIGNATURES_HEADER);
    let done = 0;
    const onBatch = async (batch: CleanedBatch): Promise<void> => {
      for (const r of batch.rejects) {
        summary.rejected++;
        summary.cleanRejectReasons[r.reason] = (summary.cleanRejectReasons[r.reason] ?? 0) + 1;
        await cleanRejects.writeLine(JSON.stringify({ id: r.id, reason: r.reason, text: r.text }));
      }
      await records.write(Buffer.from(batch.lines.buffer, batch.lines.byteOffset, batch.lines.byteLength));
      summary.kept += batch.kept;
      if (batch.signatures) {
        await hooks.onSignatures?.(batch.signatures, summary.signatures);
        await signatures.write(batch.signatures.encoded);
        summary.signatures += batch.signatures.count;
      }
      done += batch.kept + batch.rejects.length;
      hooks.progress?.(done);
    };
    const rowsFile = renamed ? rowsPath : join(readDir, READ_FILES.rows);
    if (hooks.pool) await hooks.pool.run(rowsFile, onBatch);
    else await runCleanBatches(rowsFile, options.skipCleaning ? null : stats, cleanStageOptions(options), onBatch);
    await records.close();
    await cleanRejects.close();
    await signatures.close();
    await rm(rowsPath, { force: true });
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
 * Copies a JSONL file of `{ id, … }` lines, giving the k-th line the id `renames[k]` where there is one. Copies
 * nothing and returns false when there are no renames (the usual case).
 */
async function copyRenamed(from: string, to: string, renames: Readonly<Record<number, string>> = {}, durable = true): Promise<boolean> {
  if (!Object.keys(renames).length) return false;
  const out = await FileLines.open(to, durable);
  let k = 0;
  for await (const line of fileLines(from)) {
    const unique = renames[k++];
    if (unique === undefined) {
      await out.writeLine(line);
      continue;
    }
    // Keys in their order, id first: the same bytes as a record read under its unique id.
    const { id: _id, ...rest } = JSON.parse(line) as { id: string };
    await out.writeLine(JSON.stringify({ id: unique, ...rest }));
  }
  await out.close();
  return true;
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

export async function readShardSignatures(dir: string, wanted?: ReadonlySet<number>): Promise<Map<number, DocSignature>> {
  return decodeSignatures(await readFile(join(dir, SHARD_FILES.signatures)), wanted);
}

/* ------------------------------------------------------------------ reduce step */

export interface ReduceOptions {
  dedup: DedupOptions;
  detectDuplicates: boolean;
  /** Drop duplicates (clean) or only mark them (`--no-dedup`). */
  dropDuplicates: boolean;
  /** How the clusters' details are read back (default: clusterDetails, on this thread). */
  runDetails?: DetailsRunner;
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
  /** The cluster records, for a run without record output (`dupes`, stats, reports); a run with it writes them to its clusters sink only. */
  clusters: object[];
}

/**
 * Band keys of every signed document with a body, gathered while the clean stage writes the signatures (so no
 * signature file is read back to find candidates), and the candidate members they give, found on this machine as the
 * distributed run finds them in Redis: every document's keys in one typed array (bands × 4 bytes per document),
 * then per band the documents grouped by key (BandBuckets); a document with a predecessor in its group marks
 * both. Only these documents' signatures are then loaded (see CandidateMembers): on a million documents the keys
 * take 140 MB where every signature would take over 1 GB. The members do not depend on the order of `add`.
 */
export class CandidateKeys {
  private readonly banding: ReturnType<typeof bandingFor>;
  private keys: Uint32Array;
  private shardOf: Uint32Array;
  private indexOf: Uint32Array;
  private n = 0;

  /** `expected`: documents to hold; the arrays are sized once for them (one large array is given back to the
   *  system when freed, see SignatureTable) and doubled only if more come. */
  constructor(dedup: DedupOptions, expected: number) {
    this.banding = bandingFor(dedup);
    const rows = Math.max(1024, expected);
    this.keys = new Uint32Array(this.banding.bands * rows);
    this.shardOf = new Uint32Array(rows);
    this.indexOf = new Uint32Array(rows);
  }

  /**
   * The documents of a clean batch, shard `shard` from local index `first` on, by the band keys the worker
   * computed; a document with an empty body is never a candidate.
   */
  addBatch(shard: number, first: number, batch: Pick<PackedSignatures, 'signed' | 'bandKeys' | 'bands'>): void {
    const bands = this.banding.bands;
    if (batch.bands !== bands) throw new Error(`band keys for ${batch.bands} bands, expected ${bands}`);
    for (let i = 0; i < batch.signed.length; i++) if (batch.signed[i]) this.push(shard, first + i, batch.bandKeys.subarray(i * bands, (i + 1) * bands));
  }

  private push(shard: number, index: number, keys: Uint32Array): void {
    const n = this.n;
    if (n === this.shardOf.length) {
      this.keys = grown(this.keys, this.keys.length * 2);
      this.shardOf = grown(this.shardOf, n * 2);
      this.indexOf = grown(this.indexOf, n * 2);
    }
    this.keys.set(keys, n * this.banding.bands);
    this.shardOf[n] = shard;
    this.indexOf[n] = index;
    this.n = n + 1;
  }

  members(): CandidateMembers {
    const { n, keys, shardOf, indexOf } = this;
    const bands = this.banding.bands;
    const member = new Uint8Array(n);
    const buckets = new BandBuckets(n);
    for (let band = 0; band < bands; band++) {
      buckets.fill(n, (i) => keys[i * bands + band]);
      for (let i = 0; i < n; i++) if (buckets.previous[i] >= 0) member[i] = member[buckets.previous[i]] = 1;
    }
    const members = new Map<number, Set<number>>();
    for (let i = 0; i < n; i++) {
      if (!member[i]) continue;
      let set = members.get(shardOf[i]);
      if (!set) members.set(shardOf[i], (set = new Set()));
      set.add(indexOf[i]);
    }
    return members;
  }
}

/** Signatures in the shards, from their summaries. */
async function signatureCount(shardDirs: readonly string[]): Promise<number> {
  let count = 0;
  for (const summary of await Promise.all(shardDirs.map(readShardSummary))) count += summary.signatures;
  return count;
}

function grown(a: Uint32Array, length: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(length);
  b.set(a);
  return b;
}

/** The cleaned records of the shards as JSON lines (bytes, each ending in "\n"), in shard order: the order a single-machine run writes. */
async function* shardRecords(shardDirs: readonly string[]): AsyncGenerator<Buffer> {
  for (const dir of shardDirs) yield* byteLines(join(dir, SHARD_FILES.records));
}

/**
 * The non-empty lines of a file as byte views, each with its "\n" (added to a last line without one): lines are
 * cut from the chunks read, never decoded.
 */
export async function* byteLines(path: string): AsyncGenerator<Buffer> {
  let rest: Buffer[] = [];
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    // A chunk inside a long line is kept aside and joined once, when the line ends.
    if (chunk.indexOf(10) < 0) {
      rest.push(chunk);
      continue;
    }
    const data: Buffer = rest.length ? Buffer.concat([...rest, chunk]) : chunk;
    let from = 0;
    for (let nl = data.indexOf(10, from); nl >= 0; nl = data.indexOf(10, from)) {
      if (nl > from) yield data.subarray(from, nl + 1);
      from = nl + 1;
    }
    rest = from < data.length ? [data.subarray(from)] : [];
  }
  if (rest.length) yield Buffer.concat([...rest, Buffer.from('\n')]);
}

async function* fileLines(path: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(path, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield line;
}

/** Finds the clusters' details from where their members are (clusterDetails, on the calling thread or one of its own). */
export type DetailsRunner = (task: DetailsTask) => Promise<ClusterDetails>;

/** What each cluster member shows (its view, see member-view.ts), by id. */
export type MemberViews = Pick<ReadonlyMap<string, string>, 'get'>;

export interface ShardClusters extends DedupResult {
  /** The members' views, once every copy's `edit` is set: these details are read back apart (see cluster-details.ts). */
  details: Promise<MemberViews>;
}

/**
 * Clusters over the shards' signatures, loading only the candidate members, and of those only what
 * clustering reads (SignatureTable). The members' edit similarities and views are left to `runDetails`, which reads
 * them back: the clusters are complete once `details` settles, and the caller may write the records meanwhile.
 */
export async function clusterShards(shardDirs: readonly string[], members: CandidateMembers, dedup: DedupOptions, runDetails: DetailsRunner = clusterDetails): Promise<ShardClusters> {
  let rows = 0;
  if (members === 'all') rows = await signatureCount(shardDirs);
  else for (const wanted of members.values()) rows += wanted.size;
  const table = emptySignatureTable(dedup, rows);
  // Where each row came from, to read its word codes back.
  const rowShard: number[] = [];
  const rowIndex: number[] = [];
  let minhash = new Uint32Array(0);
  let shingles = new Uint32Array(0);
  for (let s = 0; s < shardDirs.length; s++) {
    const wanted = members === 'all' ? undefined : members.get(s);
    if (members !== 'all' && !wanted?.size) continue;
    const bytes = await readFile(join(shardDirs[s], SHARD_FILES.signatures));
    for (const [index, start] of signatureStarts(bytes, wanted)) {
      const l = layoutAt(bytes, start);
      minhash = atLeast(minhash, l.minhashCount);
      shingles = atLeast(shingles, l.shingleValues);
      const { shingleCount, length, hasTitle, hasSite, hasDate } = flagsOf(bytes, l);
      table.add({ id: l.id, minhash: copyU32(bytes, l.minhash, l.minhashCount, minhash), shingles: copyU32(bytes, l.shingles, l.shingleValues, shingles), shingleCount, length, hasTitle, hasSite, hasDate });
      rowShard.push(s);
      rowIndex.push(index);
    }
  }
  table.sortById();
  const plan = planClusters(table, dedup);
  // The plan's garbage (candidate pairs, verification) goes before the clusters are described: at a million
  // documents it was the run's peak, on top of the table still in use.
  if (table.size >= COLLECT_MIN_ITEMS) collectGarbage();
  debugMemory('dedup plan');
  const placeOf = (position: number): [number, number] => [rowShard[table.row(position)], rowIndex[table.row(position)]];
  const pairs = editPairs(plan.clusters);
  const positions = plan.clusters.flat();
  const task: DetailsTask = {
    shardDirs: [...shardDirs],
    members: Uint32Array.from(positions.flatMap(placeOf)),
    pairs: Uint32Array.from(pairs.flatMap(([rep, copy]) => [...placeOf(rep), ...placeOf(copy)])),
  };
  const memberIds = positions.map((position) => table.id(position));
  const copyIds = pairs.map(([, copy]) => table.id(copy));
  const found = runDetails(task);
  // Every copy's edit is set when the details come; until then 0.
  const clusters = describeClusters(table, plan.clusters, new Float64Array(pairs.length), dedup);
  const copies = new Map(clusters.flatMap((c) => c.members.slice(1).map((m) => [m.id, m] as const)));
  const details = found.then(({ edits, viewBytes, viewStarts, viewEnds }): MemberViews => {
    copyIds.forEach((id, k) => (copies.get(id)!.edit = edits[k]));
    // Decoded one at a time as the cluster records are written.
    const bytes = Buffer.from(viewBytes.buffer, viewBytes.byteOffset, viewBytes.byteLength);
    const memberOf = new Map(memberIds.map((id, k) => [id, k]));
    return {
      get(id) {
        const k = memberOf.get(id);
        return k === undefined ? undefined : bytes.toString('utf8', viewStarts[k], viewEnds[k]);
      },
    };
  });
  // Awaited by the caller once the records are written; a failure meanwhile is not an unhandled rejection.
  details.catch(() => undefined);
  return { clusters, candidatePairs: plan.candidatePairs, verifiedPairs: plan.verifiedPairs, details };
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
  // Between passes of a large run, the last pass's dead data is collected (see memory.ts).
  const collect = summary.read >= COLLECT_MIN_ITEMS ? collectGarbage : () => undefined;
  if (options.detectDuplicates) collect(); // the candidate search's band keys
  const result: ShardClusters = options.detectDuplicates ? await clusterShards(shardDirs, members, options.dedup, options.runDetails) : { clusters: [], candidatePairs: 0, verifiedPairs: 0, details: Promise.resolve(new Map()) };
  summary.seconds.dedup = Number(process.hrtime.bigint() - started) / 1e9;
  if (options.detectDuplicates) collect(); // the signature table
  debugMemory('dedup');
  summary.clusters = result.clusters.length;
  summary.candidatePairs = result.candidatePairs;
  summary.verifiedPairs = result.verifiedPairs;

  const writeStarted = process.hrtime.bigint();
  for (const kind of [SHARD_FILES.readRejects, SHARD_FILES.cleanRejects])
    if (sinks.rejects) for (const dir of shardDirs) for await (const line of fileLines(join(dir, kind))) await sinks.rejects.write(line + '\n');

  await writeRecords(shardRecords(shardDirs), result.clusters, options, sinks, summary);
  // The cluster records follow, from the members' views kept with their signatures: a run with record output writes
  // them to its clusters sink, a run without (dupes, stats, report) gets them back.
  const views = await result.details;
  const clusters: object[] = [];
  if (sinks.clusters || !sinks.output)
    for (const line of clusterLines(result.clusters, views)) {
      await sinks.clusters?.write(line);
      if (!sinks.output) clusters.push(JSON.parse(line) as object);
    }
  debugMemory('write');
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

/** Who each record is in the clusters: the representative with its copies, or a copy with its representative. */
export function clusterRoles(clusters: readonly Cluster[]): { copiesOf: Map<string, string[]>; keptFor: Map<string, string> } {
  const copiesOf = new Map<string, string[]>();
  const keptFor = new Map<string, string>();
  for (const cluster of clusters) {
    const copies = cluster.members.map((m) => m.id).filter((id) => id !== cluster.kept);
    copiesOf.set(cluster.kept, copies);
    for (const id of copies) keptFor.set(id, cluster.kept);
  }
  return { copiesOf, keptFor };
}

/**
 * The cluster records of `--dupes-out` and `corpus dupes --json`, one JSON line each: every member's similarities
 * and then its view (`views`, by id). Joined from those strings rather than built as objects and serialised (on a
 * million documents the objects' garbage grew the heap by ~450 MB).
 */
export function* clusterLines(clusters: readonly Cluster[], views: MemberViews): Generator<string> {
  for (let i = 0; i < clusters.length; i++) {
    const cluster = clusters[i];
    // Each member's fields, then its view's: the key order of { ...member, ...view }.
    const parts = cluster.members.map((m) => JSON.stringify(m).slice(0, -1) + ',' + (views.get(m.id) || NO_VIEW).slice(1));
    yield `{"cluster":${i + 1},"kept":${JSON.stringify(cluster.kept)},"members":[${parts.join(',')}]}\n`;
  }
}

/** The reduce step's last stage: writes each cleaned record in order, dropping or marking duplicates. */
export async function writeRecords(
  cleaned: AsyncIterable<Buffer>,
  clusters: readonly Cluster[],
  options: { dropDuplicates: boolean },
  io: Pick<ReduceSinks, 'output' | 'onRecord'>,
  summary: RunSummary,
): Promise<void> {
  const { copiesOf, keptFor } = clusterRoles(clusters);
  for await (const line of cleaned) {
    const id = recordId(line);
    const kept = keptFor.get(id);
    const copies = copiesOf.get(id);
    // Most records are in no cluster: written as the map step serialised them (the same bytes), never decoded,
    // so the record text does not pass through the JavaScript heap (on a million documents its garbage grew
    // the heap to 4 GB).
    if (kept === undefined && copies === undefined && !io.onRecord) {
      summary.written++;
      await io.output?.write(line);
      continue;
    }
    if (!io.onRecord) {
      // A dropped copy is counted, never decoded; a kept record gets its field added to its bytes.
      if (kept !== undefined && options.dropDuplicates) {
        summary.duplicates++;
        continue;
      }
      let out = copies ? withLastField(line, 'duplicates', copies) : line;
      if (kept !== undefined) {
        out = withLastField(out, 'duplicate_of', kept);
        summary.markedDuplicates++;
      }
      summary.written++;
      await io.output?.write(out);
      continue;
    }
    const record = JSON.parse(line.toString('utf8')) as OutputRecord;
    if (copies) record.duplicates = copies;
    if (kept !== undefined) {
      record.duplicate_of = kept;
      if (options.dropDuplicates) {
        summary.duplicates++;
        await io.onRecord(record, true);
        continue;
      }
      summary.markedDuplicates++;
    }
    await io.onRecord(record, false);
    summary.written++;
    await io.output?.write(jsonLine(record));
  }
}

/**
 * A cleaned record's JSON line with one more field after its last, the same bytes as parsing the line, setting
 * the field and serialising the record again: the clean step wrote the line with JSON.stringify, which that
 * round trip reproduces, and its records never hold `duplicates` or `duplicate_of` (a key already present would
 * keep its place when set). Saves decoding and re-encoding the record's text (most of writing a cluster's records).
 */
export function withLastField(line: Buffer, key: string, value: unknown): Buffer {
  let end = line.length;
  if (line[end - 1] === 0x0a) end--;
  if (line[end - 1] !== 0x7d) throw new Error('not a JSON object line');
  const comma = line[end - 2] === 0x7b ? '' : ','; // "{}" has no field to follow
  return Buffer.concat([line.subarray(0, end - 1), Buffer.from(`${comma}${JSON.stringify(key)}:${JSON.stringify(value)}}\n`, 'utf8')]);
}

const ID_PREFIX = Buffer.from('{"id":"');

/**
 * The id of a cleaned record's JSON line (UTF-8 bytes) without decoding the record: records are serialised id
 * first, so the id is the JSON string after `{"id":` (escapes honoured; a UTF-8 sequence never holds a quote or
 * backslash byte). Any other line is parsed whole.
 */
export function recordId(line: Buffer): string {
  if (line.length < ID_PREFIX.length || !line.subarray(0, ID_PREFIX.length).equals(ID_PREFIX)) return (JSON.parse(line.toString('utf8')) as OutputRecord).id;
  let i = ID_PREFIX.length;
  while (i < line.length) {
    const c = line[i];
    if (c === 0x5c) i += 2; // backslash: skip the escaped character
    else if (c === 0x22) break; // closing quote
    else i++;
  }
  return JSON.parse(line.toString('utf8', ID_PREFIX.length - 1, i + 1)) as string;
}
