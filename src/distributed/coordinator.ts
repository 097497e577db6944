/**
 * The coordinator of `corpus clean … --queue redis://…`: plans the shards, runs the stats phase and the map phase
 * as BullMQ jobs (one per shard, skipping shards already done by an earlier run of the same command), merges the
 * line counts in between, then runs the reduce step itself: band buckets from Redis, signatures from the shard
 * folders, records written in shard order — the bytes of a single-machine run.
 */
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { InputFile } from '../io/discover.js';
import { decodeLineCounts, encodeLineCounts, IdRenamer, isShardDone, planShardRenames, readShardSignatures, readShardSummary, reduceStep, type MapOptions, type ReadId, type ReduceResult, type ReduceSinks, type ShardMessage, type ShardRenames } from '../mapreduce.js';
import { LineCounts } from '../workers/line-counts.js';
import { bandedKey, deleteRunKeys, scanCandidates, storeBands } from './bands.js';
import { STATS_FILES, exists, globalStatsPath, mapDir, renamesPath, statsDir, type JobData, type MapJobData } from './jobs.js';
import { planShards, runId, sizeFiles, type Shard } from './plan.js';
import { bullConnection, connectRedis, QUEUE_NAME } from './redis.js';

export interface CoordinatorOptions {
  queue: string;
  workDir: string;
  shards?: number;
  map: Omit<MapOptions, 'jobs'>;
  dropDuplicates: boolean;
  /** Shards done / to do, waiting, and other notes for the person running it. */
  log(text: string): void;
  message(kind: ShardMessage['kind'], text: string): void;
  progress?(stage: string, done: number): void;
}

/** Attempts of a job that throws (a bad disk, a lost connection) before the run fails. */
const JOB_ATTEMPTS = 3;
/** How often the coordinator looks at the shard folders and job states besides queue events. */
const POLL_MS = 500;
/** A "still waiting" note at most this often, when no shard finishes. */
const WAITING_NOTE_MS = 30_000;

/** Runs a distributed clean and returns what reduceStep returns; shard messages go to `message` in shard order. */
export async function runCoordinator(inputFiles: readonly InputFile[], options: CoordinatorOptions, sinks: ReduceSinks): Promise<ReduceResult> {
  const files = await sizeFiles(inputFiles);
  const shards = planShards(files, { shards: options.shards });
  const id = runId(files, shards, { map: options.map, dropDuplicates: options.dropDuplicates });
  const run = `run-${id}`;
  const runDir = resolve(options.workDir, run);
  const prefix = `corpus:${id}`;
  await mkdir(join(runDir, 'stats'), { recursive: true });
  await mkdir(join(runDir, 'map'), { recursive: true });
  await writeFile(join(runDir, 'plan.json'), JSON.stringify({ run, prefix, shards }, null, 2) + '\n');

  const redis = await connectRedis(options.queue);
  const queue = new Queue(QUEUE_NAME, { connection: bullConnection(options.queue) });
  const events = new QueueEvents(QUEUE_NAME, { connection: bullConnection(options.queue) });
  try {
    await events.waitUntilReady();
    const base = (shard: Shard): JobData => ({ run, prefix, shard: shard.index, files: shard.files, options: options.map });
    const started = process.hrtime.bigint();
    const seconds = (): number => Number(process.hrtime.bigint() - started) / 1e9;

    await runPhase({ queue, events, runId: id, phase: 'stats', shards, log: options.log, isDone: (s) => exists(join(statsDir(runDir, s.index), STATS_FILES.counts)), data: base });
    const statsSeconds = seconds();
    const renames = await mergeStats(runDir, shards);

    const progress = new Map<number, { stage: string; done: number }>();
    const onProgress = (shard: number, stage: string, done: number): void => {
      progress.set(shard, { stage, done });
      let total = 0;
      for (const p of progress.values()) total += p.done;
      options.progress?.(stage === 'read' ? 'read' : 'clean', total);
    };
    await runPhase({
      queue,
      events,
      runId: id,
      phase: 'map',
      shards,
      log: options.log,
      onProgress,
      isDone: (s) => isShardDone(mapDir(runDir, s.index)),
      data: (s): MapJobData => ({ ...base(s), renames: renames.renames[s.index] ?? {} }),
    });
    const mapSeconds = seconds() - statsSeconds;

    const dirs = shards.map((s) => mapDir(runDir, s.index));
    for (const dir of dirs) for (const m of (await readShardSummary(dir)).messages) options.message(m.kind, m.text);
    for (const warning of renames.warnings) options.message('warning', warning);
    await ensureBands(redis, prefix, dirs, options.map);
    const members = options.map.detectDuplicates ? await scanCandidates(redis, prefix) : 'all';
    const result = await reduceStep(dirs, { dedup: options.map.dedup, detectDuplicates: options.map.detectDuplicates, dropDuplicates: options.dropDuplicates }, sinks, members, inputFiles.length);
    result.summary.seconds = { ...result.summary.seconds, stats: statsSeconds, map: mapSeconds };
    await deleteRunKeys(redis, prefix);
    await removeStaleAttempts(runDir);
    return result;
  } finally {
    await events.close();
    await queue.close();
    redis.disconnect();
  }
}

interface Phase<D extends JobData> {
  queue: Queue;
  events: QueueEvents;
  runId: string;
  phase: 'stats' | 'map';
  shards: readonly Shard[];
  isDone(shard: Shard): Promise<boolean>;
  data(shard: Shard): D;
  log(text: string): void;
  onProgress?(shard: number, stage: string, done: number): void;
}

/** Job id of a shard's job: the same on a rerun, so a job still queued from an earlier run is not added twice. */
const jobIdOf = (runId: string, phase: string, shard: number): string => `${runId}-${phase}-${shard}`;

/**
 * Enqueues a job for every shard not done yet and waits until each shard's folder exists. Waits on queue events
 * (completed, failed, progress) and, since events can be missed across a reconnect, also looks every POLL_MS.
 * A job that failed for good fails the run with its reason.
 */
async function runPhase<D extends JobData>(p: Phase<D>): Promise<void> {
  const pending = new Map<string, Shard>();
  for (const shard of p.shards) if (!(await p.isDone(shard))) pending.set(jobIdOf(p.runId, p.phase, shard.index), shard);
  p.log(`${p.phase}: ${p.shards.length} shard${p.shards.length === 1 ? '' : 's'}, ${p.shards.length - pending.size} done already, ${pending.size} to do`);
  if (!pending.size) return;

  let wake: (() => void) | null = null;
  const nudge = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const onEvent = ({ jobId }: { jobId: string }): void => {
    if (pending.has(jobId)) nudge();
  };
  const onProgress = ({ jobId, data }: { jobId: string; data: unknown }): void => {
    const shard = pending.get(jobId);
    const d = data as { stage?: string; done?: number };
    if (shard && typeof d?.done === 'number') p.onProgress?.(shard.index, d.stage ?? 'clean', d.done);
  };
  p.events.on('completed', onEvent);
  p.events.on('failed', onEvent);
  p.events.on('progress', onProgress);
  try {
    for (const [jobId, shard] of pending) await enqueue(p, jobId, shard);
    let lastChange = Date.now();
    while (pending.size) {
      await new Promise<void>((done) => {
        wake = done;
        setTimeout(nudge, POLL_MS);
      });
      for (const [jobId, shard] of [...pending]) {
        if (await p.isDone(shard)) {
          pending.delete(jobId);
          lastChange = Date.now();
          continue;
        }
        const job = await p.queue.getJob(jobId);
        const state = job ? await job.getState() : 'unknown';
        if (state === 'failed') throw new Error(`shard ${shard.index} (${p.phase}) failed after ${job?.attemptsMade ?? '?'} attempts: ${job?.failedReason ?? 'unknown reason'}`);
        // Gone (removed by hand, or completed without its folder: a wiped work folder): enqueue it again.
        if (state === 'unknown' || state === 'completed') await enqueue(p, jobId, shard);
      }
      if (pending.size && Date.now() - lastChange > WAITING_NOTE_MS) {
        p.log(`${p.phase}: still waiting for ${pending.size} shard${pending.size === 1 ? '' : 's'}; is a \`corpus worker\` running on this queue?`);
        lastChange = Date.now();
      }
    }
  } finally {
    p.events.off('completed', onEvent);
    p.events.off('failed', onEvent);
    p.events.off('progress', onProgress);
  }
}

/** Adds a shard's job; a finished job of the same id left from an earlier run is removed first. */
async function enqueue<D extends JobData>(p: Phase<D>, jobId: string, shard: Shard): Promise<void> {
  const old = await p.queue.getJob(jobId);
  if (old) {
    const state = await old.getState();
    if (state !== 'failed' && state !== 'completed') return; // still queued or running
    await old.remove();
  }
  await p.queue.add(p.phase, p.data(shard), { jobId, attempts: JOB_ATTEMPTS, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: true, removeOnFail: false });
}

/** What the coordinator keeps in renames.json: each shard's renames and the warnings they make. */
interface RunRenames {
  renames: ShardRenames[];
  warnings: string[];
}

/**
 * Merges the shards' line counts into the run's table and gives every record a run-wide unique id (renames per
 * shard); both are written once, so a rerun reuses them.
 */
async function mergeStats(runDir: string, shards: readonly Shard[]): Promise<RunRenames> {
  const statsPath = globalStatsPath(runDir);
  const renamesFile = renamesPath(runDir);
  if ((await exists(statsPath)) && (await exists(renamesFile))) return JSON.parse(await readFile(renamesFile, 'utf8')) as RunRenames;
  const merged = new LineCounts();
  for (const shard of shards) merged.addCounts(decodeLineCounts(await readFile(join(statsDir(runDir, shard.index), STATS_FILES.counts))));
  const renamer = new IdRenamer();
  const planned: RunRenames = { renames: [], warnings: [] };
  for (const shard of shards) {
    const lines = (await readFile(join(statsDir(runDir, shard.index), STATS_FILES.ids), 'utf8')).split('\n').filter(Boolean);
    const ids = lines.map((line): ReadId => {
      const [file, record, id] = JSON.parse(line) as [number, number, string];
      return { file, record: record === 1, id };
    });
    const { renames, renamed } = planShardRenames(renamer, ids);
    planned.renames[shard.index] = renames;
    for (const r of renamed) planned.warnings.push(`${shard.files[r.file].path}: id ${r.id} already used, renamed ${r.unique}`);
  }
  await writeAtomic(statsPath, encodeLineCounts(merged));
  await writeAtomic(renamesFile, JSON.stringify(planned));
  return planned;
}

async function writeAtomic(path: string, data: string | Buffer): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/**
 * Makes sure every shard's documents are in their band buckets: a shard done in an earlier run whose keys Redis
 * no longer holds (a restart without persistence, or the keys deleted after that run) is added again from its
 * signatures file.
 */
async function ensureBands(redis: Redis, prefix: string, dirs: readonly string[], map: CoordinatorOptions['map']): Promise<void> {
  if (!map.detectDuplicates) return;
  for (let shard = 0; shard < dirs.length; shard++) {
    if (await redis.sismember(bandedKey(prefix), String(shard))) continue;
    const signatures = [...(await readShardSignatures(dirs[shard])).values()];
    await storeBands(redis, prefix, shard, signatures, 0, map.dedup);
    await redis.sadd(bandedKey(prefix), String(shard));
  }
}

/** Temporary folders of attempts that died (a killed worker leaves its `*.tmp-*` folder behind). */
async function removeStaleAttempts(runDir: string): Promise<void> {
  for (const phase of ['stats', 'map']) {
    const dir = join(runDir, phase);
    for (const name of await readdir(dir).catch(() => [] as string[])) if (name.includes('.tmp-')) await rm(join(dir, name), { recursive: true, force: true });
  }
}
