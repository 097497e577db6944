/**
 * The one place that composes the stages: read → clean → sign → find duplicates → write.
 * Text lives in temporary spools between stages; memory holds signatures and counts only.
 */
import { findDuplicates, type Cluster, type DedupOptions, type DocSignature } from './dedup/index.js';
import type { InputFile } from './io/discover.js';
import { readInput, type ReadEvent, type ReadOptions, type RejectReason } from './io/read.js';
import { readAhead } from './io/read-ahead.js';
import { createSpoolDir, Spool } from './io/spool.js';
import { jsonLine, type LineSink } from './io/write.js';
import type { OutputRecord } from './types.js';
import { unpackSignatures } from './workers/clean-batch.js';
import { cleanStageOptions, runCleanBatches } from './workers/clean-stage.js';
import { LineCounts } from './workers/line-counts.js';

export { cleanRecord } from './workers/clean-batch.js';

export interface PipelineOptions {
  read: ReadOptions;
  dedup: DedupOptions;
  /** Drop duplicates (clean) or only mark them (`--no-dedup`). */
  dropDuplicates: boolean;
  /** Skip duplicate detection entirely (clean with `--no-dedup` still marks, so this is for speed floors). */
  detectDuplicates: boolean;
  /** Skip cleaning: bodies are written as read (benchmark floor). */
  skipCleaning?: boolean;
  keepNoise: boolean;
  /** Bodies shorter than this are rejected. */
  minChars: number;
  /** Worker threads for cleaning and signing (default: every core); 1 runs in-process. Output is the same for any value. */
  jobs?: number;
}

/** Where a run sends its messages and outputs. */
export interface PipelineIo {
  output?: LineSink;
  rejects?: LineSink;
  clusters?: LineSink;
  /** One-line messages for the user: problems with inputs and warnings. */
  message(kind: 'problem' | 'warning', text: string): void;
  /** Called as records are read, for progress displays. */
  progress?(stage: string, done: number): void;
  /** Sees every cleaned record in output order, with `duplicate_of`/`duplicates` set, whether written or dropped (for stats and reports). */
  onRecord?(record: OutputRecord, dropped: boolean): void | Promise<void>;
}

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

/** A record after the read stage, as spooled. */
interface ReadRow {
  id: string;
  text: string;
  encoding: string;
  extra?: Record<string, unknown>;
}

/** Reject reasons that mean the input itself was bad, rather than a cleaning decision. */
export const INPUT_FAILURES: ReadonlySet<RejectReason> = new Set(['binary', 'undecodable', 'malformed JSONL line', 'truncated input']);

function emptySummary(files: number): RunSummary {
  return { files, read: 0, written: 0, duplicates: 0, markedDuplicates: 0, rejected: 0, rejectReasons: {}, inputProblems: 0, clusters: 0, candidatePairs: 0, verifiedPairs: 0, seconds: {} };
}

async function reject(summary: RunSummary, io: PipelineIo, id: string, reason: RejectReason, text: string | null): Promise<void> {
  summary.rejected++;
  summary.rejectReasons[reason] = (summary.rejectReasons[reason] ?? 0) + 1;
  if (INPUT_FAILURES.has(reason)) summary.inputProblems++;
  await io.rejects?.write(jsonLine({ id, reason, text }));
}

/** Ids must be unique for deduplication: a repeated id (same relative name under two arguments) gets `~N`. */
function uniqueId(seen: Set<string>, id: string): string {
  let unique = id;
  for (let n = 2; seen.has(unique); n++) unique = `${id}~${n}`;
  seen.add(unique);
  return unique;
}

/** Files read at once, and characters each may buffer ahead (see read-ahead.ts). */
const READ_AHEAD_FILES = 16;
const READ_AHEAD_CHARS = 1 << 22;

async function* withFile(file: InputFile, events: AsyncIterable<ReadEvent>): AsyncGenerator<{ file: InputFile; event: ReadEvent }> {
  for await (const event of events) yield { file, event };
}

const eventSize = ({ event }: { event: ReadEvent }): number => (event.type === 'record' ? event.record.text.length : event.type === 'reject' ? (event.text?.length ?? 0) : 0);

/** Stage 1: read every input into a spool, gathering the corpus statistics cleaning needs. */
async function readStage(files: InputFile[], options: PipelineOptions, io: PipelineIo, summary: RunSummary, spool: Spool<ReadRow>): Promise<LineCounts | null> {
  const stats = options.skipCleaning ? null : new LineCounts();
  const seen = new Set<string>();
  const events = readAhead(files, (file) => withFile(file, readInput(file, options.read)), { depth: READ_AHEAD_FILES, maxBuffered: READ_AHEAD_CHARS, size: eventSize });
  for await (const { file, event } of events) {
    if (event.type === 'record') {
      summary.read++;
      const { id, text, encoding, extra } = event.record;
      const row: ReadRow = { id: uniqueId(seen, id), text, encoding };
      if (row.id !== id) io.message('warning', `${file.path}: id ${id} already used, renamed ${row.id}`);
      if (extra) row.extra = extra;
      stats?.addDocument(text);
      await spool.add(row);
      io.progress?.('read', summary.read);
    } else if (event.type === 'reject') {
      summary.read++;
      io.message('problem', event.message);
      await reject(summary, io, uniqueId(seen, event.id), event.reason, event.text);
    } else if (event.type === 'problem') {
      summary.inputProblems++;
      io.message('problem', `${event.path}: ${event.message}`);
    } else {
      io.message('warning', `${event.path}: ${event.message}`);
    }
  }
  await spool.close();
  return stats;
}

/** Stage 2: clean and sign the spooled records in batches (worker threads for jobs > 1), reject empty or short bodies. */
async function cleanStage(
  input: Spool<ReadRow>,
  stats: LineCounts | null,
  options: PipelineOptions,
  io: PipelineIo,
  summary: RunSummary,
  output: Spool<OutputRecord>,
): Promise<DocSignature[]> {
  const signatures: DocSignature[] = [];
  let done = 0;
  const stageOptions = cleanStageOptions(options);
  await runCleanBatches(input.path, input.count, stats, stageOptions, async (batch) => {
    for (const r of batch.rejects) await reject(summary, io, r.id, r.reason, r.text);
    await output.addLines(batch.lines, batch.kept);
    if (batch.signatures) for (const s of unpackSignatures(batch.signatures)) signatures.push(s);
    done += batch.kept + batch.rejects.length;
    io.progress?.('clean', done);
  });
  await output.close();
  return signatures;
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

/** What a cluster record shows of each member: kept instead of the whole record, so memory does not hold member texts. */
interface MemberView {
  title: string | null;
  site: string | null;
  date: string | null;
  chars: number;
  preview: string;
}

/** The cluster records of `corpus dupes --json` and `--dupes-out`, with titles and previews read back from the cleaned records. */
export async function clusterRecords(clusters: readonly Cluster[], cleaned: AsyncIterable<OutputRecord>): Promise<object[]> {
  const wanted = new Map<string, MemberView>();
  const members = new Set(clusters.flatMap((c) => c.members.map((m) => m.id)));
  for await (const r of cleaned)
    if (members.has(r.id)) wanted.set(r.id, { title: r.title, site: r.site, date: r.date, chars: r.chars_kept, preview: previewOf(r.text) });
  return clusters.map((cluster, i) => ({
    cluster: i + 1,
    kept: cluster.kept,
    members: cluster.members.map((m) => {
      const r = wanted.get(m.id);
      return {
        ...m,
        title: r?.title ?? null,
        site: r?.site ?? null,
        date: r?.date ?? null,
        chars: r?.chars ?? 0,
        preview: r?.preview ?? '',
      };
    }),
  }));
}

/** First words of a body, on one line. */
export function previewOf(text: string, chars = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= chars ? flat : flat.slice(0, chars - 1).trimEnd() + '…';
}

export interface RunResult {
  summary: RunSummary;
  clusters: object[];
}

/**
 * Runs the whole pipeline. `corpus clean` writes records to `io.output`; `corpus dupes` leaves
 * `io.output` unset and uses the returned clusters.
 */
export async function runPipeline(files: InputFile[], options: PipelineOptions, io: PipelineIo): Promise<RunResult> {
  const summary = emptySummary(files.length);
  const spools = await createSpoolDir();
  const time = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const start = process.hrtime.bigint();
    try {
      return await work();
    } finally {
      summary.seconds[stage] = Number(process.hrtime.bigint() - start) / 1e9;
      if (process.env.CORPUS_DEBUG_MEMORY) {
        const m = process.memoryUsage();
        process.stderr.write(`[memory] after ${stage}: rss ${(m.rss / 1e6).toFixed(0)} MB, heap ${(m.heapUsed / 1e6).toFixed(0)} MB, external ${(m.external / 1e6).toFixed(0)} MB, array buffers ${(m.arrayBuffers / 1e6).toFixed(0)} MB\n`);
      }
    }
  };
  try {
    const read = await Spool.create<ReadRow>(spools.dir, 'read.jsonl');
    const stats = await time('read', () => readStage(files, options, io, summary, read));
    const cleaned = await Spool.create<OutputRecord>(spools.dir, 'clean.jsonl');
    const signatures = await time('clean', () => cleanStage(read, stats, options, io, summary, cleaned));
    const result = await time('dedup', async () => (options.detectDuplicates ? findDuplicates(signatures, options.dedup) : { clusters: [], candidatePairs: 0, verifiedPairs: 0 }));
    signatures.length = 0;
    summary.clusters = result.clusters.length;
    summary.candidatePairs = result.candidatePairs;
    summary.verifiedPairs = result.verifiedPairs;
    const clusters = result.clusters.length && (io.clusters || !io.output) ? await clusterRecords(result.clusters, cleaned.read()) : [];
    for (const c of clusters) await io.clusters?.write(jsonLine(c));
    await time('write', () => writeRecords(cleaned.read(), result.clusters, options, io, summary));
    return { summary, clusters };
  } finally {
    await spools.dispose();
  }
}

/** Stage 4: write each cleaned record in order, dropping or marking duplicates (also the distributed reduce's last step). */
export async function writeRecords(
  cleaned: AsyncIterable<OutputRecord>,
  clusters: readonly Cluster[],
  options: Pick<PipelineOptions, 'dropDuplicates'>,
  io: Pick<PipelineIo, 'output' | 'onRecord'>,
  summary: RunSummary,
): Promise<void> {
  const { copiesOf, keptFor } = clusterRoles(clusters);
  for await (const record of cleaned) {
    const kept = keptFor.get(record.id);
    const copies = copiesOf.get(record.id);
    if (copies) record.duplicates = copies;
    if (kept !== undefined) {
      record.duplicate_of = kept;
      if (options.dropDuplicates) {
        summary.duplicates++;
        await io.onRecord?.(record, true);
        continue;
      }
      summary.markedDuplicates++;
    }
    await io.onRecord?.(record, false);
    summary.written++;
    await io.output?.write(jsonLine(record));
  }
}
