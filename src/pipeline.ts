/**
 * The one place that composes the stages on one machine, with the map/reduce steps of mapreduce.ts that the
 * distributed mode runs as jobs:
 *
 *   read   readStep per shard of input files, in worker threads → records spooled, line counts merged
 *   clean  mapStep per shard with the merged counts (cleaning and signing in worker threads)
 *   dedup, write   reduceStep over the shard folders
 *
 * Text lives in the shard folders of a private temporary folder; memory holds signatures and counts only. That
 * folder is never fsynced: it is removed at the end of the run, and an interrupted run starts again from its inputs,
 * so forcing its ~3 copies of the corpus to disk would only make the run wait on the disk.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DedupOptions } from './dedup/index.js';
import type { InputFile } from './io/discover.js';
import type { ReadOptions } from './io/read.js';
import { createSpoolDir } from './io/spool.js';
import type { LineSink } from './io/write.js';
import {
  CandidateKeys,
  IdRenamer,
  mapStep,
  planShardRenames,
  readStep,
  reduceStep,
  shardDirName,
  type ReadResult,
  type RunSummary,
  type ShardRenames,
} from './mapreduce.js';
import { debugMemory } from './debug.js';
import { collectGarbage, COLLECT_MIN_ITEMS } from './memory.js';
import type { OutputRecord } from './types.js';
import type { PackedSignatures } from './workers/clean-batch.js';
import { BATCH_RECORDS, CleanPool, cleanStageOptions, WORKER_RESOURCE_LIMITS } from './workers/clean-stage.js';
import { clusterDetails, clusterDetailsOnThread } from './workers/cluster-details.js';
import { LineCounts } from './workers/line-counts.js';
import type { ReadTask, ReadTaskResult } from './workers/read-worker.js';

export { cleanRecord } from './workers/clean-batch.js';
export { clusterLines, clusterRoles, INPUT_FAILURES, writeRecords, type RunSummary } from './mapreduce.js';
export { memberView, previewOf } from './member-view.js';

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
  /** Worker threads for reading, cleaning and signing (default: every core); 1 runs in-process. Output is the same for any value. */
  jobs?: number;
}

/** Where a run sends its messages and outputs. */
export interface PipelineIo {
  output?: LineSink;
  rejects?: LineSink;
  clusters?: LineSink;
  /** One-line messages for the user: problems with inputs and warnings. */
  message(kind: 'problem' | 'warning', text: string): void;
  /** Called as records are read and cleaned, for progress displays. */
  progress?(stage: string, done: number): void;
  /** Sees every cleaned record in output order, with `duplicate_of`/`duplicates` set, whether written or dropped (for stats and reports). */
  onRecord?(record: OutputRecord, dropped: boolean): void | Promise<void>;
}

export interface RunResult {
  summary: RunSummary;
  /** The cluster records, for a run without record output (`dupes`, stats, reports); a run with it writes them to its clusters sink only. */
  clusters: object[];
}

/** Files per shard at most: a shard is a unit of work for a thread (~8 MB of generated news). Each shard costs a
 *  task, a line-count table and five work files: at 512, reading 100k documents took ~0.4 s longer at --jobs 2. */
export const MAX_SHARD_FILES = 2048;
/** Shards per job at least, when there are files enough: the threads finish together rather than one waiting on a big last shard. */
export const SHARDS_PER_JOB = 4;
/** Fewer files than this are read on the main thread: starting threads (~0.1 s) costs more than it saves. */
const MIN_FILES_FOR_READ_THREADS = 64;
/** Shards cleaned at once: while one shard's last batches finish, the next one's keep the threads busy. */
const MAP_SHARDS_AT_ONCE = 2;
/** Read shards in flight per job: one running, one queued. */
const READS_IN_FLIGHT_PER_JOB = 2;

/** A run's local shard: contiguous input files; stdin is always a shard of its own, read on the main thread. */
interface LocalShard {
  index: number;
  files: InputFile[];
  stdin: boolean;
}

/**
 * Cuts the inputs, in order, into shards of at most MAX_SHARD_FILES files, at least SHARDS_PER_JOB per job when
 * there are files enough. The cut never changes the output (see mapreduce.ts), only how the work spreads.
 */
export function localShards(files: readonly InputFile[], jobs: number): LocalShard[] {
  const perShard = Math.max(1, Math.min(MAX_SHARD_FILES, Math.ceil(files.length / (jobs * SHARDS_PER_JOB))));
  const shards: LocalShard[] = [];
  let current: LocalShard | null = null;
  for (const file of files) {
    const stdin = file.path === '-';
    if (!current || stdin || current.stdin || current.files.length >= perShard) {
      current = { index: shards.length, files: [], stdin };
      shards.push(current);
    }
    current.files.push(file);
  }
  return shards;
}

const READ_WORKER_URL = new URL('./workers/read-worker.js', import.meta.url);

/**
 * Runs readStep on every shard, on `jobs` threads when worth it, and hands each result to `onShard` in shard
 * order. At most jobs × READS_IN_FLIGHT_PER_JOB shards are read ahead of the one being handed over.
 */
async function readShards(shards: readonly LocalShard[], dirs: readonly string[], options: PipelineOptions, jobs: number, onShard: (result: ReadResult, shard: LocalShard) => Promise<void>): Promise<void> {
  const countLines = !options.skipCleaning;
  const inProcess = (shard: LocalShard): Promise<ReadResult> => readStep(shard.files, options.read, dirs[shard.index], { shard: shard.index, countLines, durable: false });
  const files = shards.reduce((n, s) => n + s.files.length, 0);
  const threaded = jobs > 1 && shards.length > 1 && files >= MIN_FILES_FOR_READ_THREADS && existsSync(fileURLToPath(READ_WORKER_URL));
  if (!threaded) {
    for (const shard of shards) await onShard(await inProcess(shard), shard);
    return;
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: READ_WORKER_URL.href, minThreads: jobs, maxThreads: jobs, idleTimeout: 1000, resourceLimits: WORKER_RESOURCE_LIMITS });
  // Streams do not cross threads; stdin shards are read here.
  const { stdin: _stdin, ...read } = options.read;
  const start = (shard: LocalShard): Promise<ReadResult> => {
    if (shard.stdin) return inProcess(shard);
    const task: ReadTask = { files: shard.files, read, dir: dirs[shard.index], shard: shard.index, countLines, durable: false };
    return (pool.run(task) as Promise<ReadTaskResult>).then((r) => ({ summary: r.summary, ids: r.ids, counts: r.counts ? new LineCounts(r.counts) : null }));
  };
  const inFlight: Promise<ReadResult>[] = [];
  let next = 0;
  try {
    while (next < shards.length || inFlight.length) {
      while (next < shards.length && inFlight.length < jobs * READS_IN_FLIGHT_PER_JOB) {
        const task = start(shards[next++]);
        task.catch(() => undefined);
        inFlight.push(task);
      }
      const index = next - inFlight.length;
      await onShard(await inFlight.shift()!, shards[index]);
    }
  } finally {
    await Promise.allSettled(inFlight);
    await pool.destroy();
  }
}

/** Runs `work` on each item with at most `limit` at once; resolves when all are done, rejects on the first failure. */
async function forEachAtMost<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

type Timer = <T>(stage: string, run: () => Promise<T>) => Promise<T>;

/**
 * The map side of a run: every shard read into `readDirs` (line counts merged), then cleaned and signed into
 * `mapDirs`. The line counts and the clean workers live only here: gone before the reduce step starts. Returns
 * the band keys of every signed document, gathered as the signatures were written (so the reduce step does not
 * read every signature file back to find its candidates), or null when duplicates are not looked for.
 */
async function readAndClean(shards: readonly LocalShard[], readDirs: readonly string[], mapDirs: readonly string[], options: PipelineOptions, io: PipelineIo, time: Timer): Promise<CandidateKeys | null> {
  const stageOptions = cleanStageOptions(options);
  const stats = options.skipCleaning ? null : new LineCounts();
  const renames: ShardRenames[] = [];
  let read = 0;
  let records = 0;
  await time('read', () => {
    // Every id of the run is held only while reading.
    const renamer = new IdRenamer();
    return readShards(shards, readDirs, options, stageOptions.jobs, async (result, shard) => {
      for (const m of result.summary.messages) io.message(m.kind, m.text);
      const planned = planShardRenames(renamer, result.ids);
      for (const r of planned.renamed) io.message('warning', `${shard.files[r.file].path}: id ${r.id} already used, renamed ${r.unique}`);
      renames[shard.index] = planned.renames;
      // The shard's file list is not needed again (see runPipeline).
      shard.files = [];
      if (result.counts) stats!.addCounts(result.counts);
      read += result.summary.read;
      records += result.summary.records;
      io.progress?.('read', read);
    });
  });

  // Threads pay off only past one batch of records.
  const pool = await CleanPool.create(stats, { ...stageOptions, jobs: records > BATCH_RECORDS ? stageOptions.jobs : 1 });
  const cleaned = new Map<number, number>();
  const candidates = options.detectDuplicates ? new CandidateKeys(options.dedup, records) : null;
  try {
    await time('clean', () =>
      forEachAtMost(shards, MAP_SHARDS_AT_ONCE, async (shard) => {
        const progress = (done: number): void => {
          cleaned.set(shard.index, done);
          let total = 0;
          for (const n of cleaned.values()) total += n;
          io.progress?.('clean', total);
        };
        const onSignatures = async (signed: PackedSignatures, first: number): Promise<void> => candidates!.addBatch(shard.index, first, signed);
        await mapStep(readDirs[shard.index], stats, options, mapDirs[shard.index], renames[shard.index], { pool, progress, durable: false, onSignatures: candidates ? onSignatures : undefined });
        // The read folder's records are a copy of the input: free the disk as soon as they are cleaned.
        await rm(readDirs[shard.index], { recursive: true, force: true });
      }),
    );
  } finally {
    await pool.close();
  }
  return candidates;
}

/**
 * Runs the whole pipeline. `corpus clean` writes records to `io.output`; `corpus dupes` leaves
 * `io.output` unset and uses the returned clusters.
 *
 * The file list is let go once read: at a million inputs it is ~130 MB of small objects, and every full garbage
 * collection of the main thread while the workers clean (hundreds of them) would mark it again (~50 s of a 1M run).
 * A caller that passes its only reference (`files.splice(0)`) lets it be freed.
 */
export async function runPipeline(files: InputFile[], options: PipelineOptions, io: PipelineIo): Promise<RunResult> {
  const work = await createSpoolDir();
  const seconds: Record<string, number> = {};
  const time: Timer = async (stage, run) => {
    const start = process.hrtime.bigint();
    try {
      return await run();
    } finally {
      seconds[stage] = Number(process.hrtime.bigint() - start) / 1e9;
      debugMemory(stage);
    }
  };
  try {
    // What finding a large run's inputs left in the heap goes before the read threads start (see memory.ts).
    const fileCount = files.length;
    if (fileCount >= COLLECT_MIN_ITEMS) collectGarbage();
    const shards = localShards(files, cleanStageOptions(options).jobs);
    files = [];
    const readDirs = shards.map((s) => join(work.dir, 'read', shardDirName(s.index)));
    const mapDirs = shards.map((s) => join(work.dir, 'map', shardDirName(s.index)));
    let candidates = await readAndClean(shards, readDirs, mapDirs, options, io, time);
    const members = candidates ? await time('candidates', async () => candidates!.members()) : 'all';
    candidates = null; // its keys (140 MB per million documents) are not needed by the reduce

    // With a second core, the clusters' details are read back on it while the records are written.
    const runDetails = cleanStageOptions(options).jobs > 1 ? clusterDetailsOnThread : clusterDetails;
    const result = await reduceStep(mapDirs, { dedup: options.dedup, detectDuplicates: options.detectDuplicates, dropDuplicates: options.dropDuplicates, runDetails }, io, members, fileCount);
    const dedup = (seconds.candidates ?? 0) + (result.summary.seconds.dedup ?? 0);
    result.summary.seconds = { read: seconds.read, clean: seconds.clean, dedup, write: result.summary.seconds.write };
    return result;
  } finally {
    await work.dispose();
  }
}
