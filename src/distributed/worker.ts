/**
 * `corpus worker`: takes stats and map jobs from the queue, one at a time, until stopped (or idle for
 * --idle-exit seconds). Any number of worker processes on any number of machines may serve one queue.
 *
 * A worker killed mid-job stops renewing its job's lock; after --lock-duration another worker's stalled-job
 * check moves the job back to the queue, and it runs again from the start (its shard folder is written under a
 * temporary name, so the half-done attempt leaves nothing that counts).
 */
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker, type Job } from 'bullmq';
import { defaultJobs } from '../workers/clean-stage.js';
import { runMapJob, runStatsJob, type JobData, type MapJobData } from './jobs.js';
import { bullConnection, connectRedis, QUEUE_NAME } from './redis.js';

export interface WorkerOptions {
  queue: string;
  workDir: string;
  /** Cleaning threads per job (default: every core). */
  jobs?: number;
  /** Milliseconds a job stays locked without a heartbeat before it counts as stalled and is retried. */
  lockDuration?: number;
  /** Exit after this many seconds without a job (default: run until stopped). */
  idleExit?: number;
  log(text: string): void;
}

/** BullMQ's default lock: a heartbeat every half of it keeps a running job; a dead worker's job waits this long. */
export const DEFAULT_LOCK_MS = 30_000;
/** Times a job may stall (its worker died) before it fails for good. */
const MAX_STALLED = 3;
/** Progress messages per job at most every this many milliseconds. */
const PROGRESS_MS = 250;

export async function runWorker(options: WorkerOptions): Promise<void> {
  const workDir = resolve(options.workDir);
  const redis = await connectRedis(options.queue);
  const jobs = options.jobs ?? defaultJobs();
  // Test hook: a pause at the start of each map job, so a test can kill a worker while it holds one.
  const delay = Number(process.env.CORPUS_WORKER_DELAY_MS ?? 0);
  let running = 0;
  let lastActive = Date.now();
  const processor = async (job: Job): Promise<unknown> => {
    const data = job.data as JobData;
    const runDir = resolve(workDir, data.run);
    options.log(`shard ${data.shard}: ${job.name} started (attempt ${job.attemptsStarted})`);
    if (job.name === 'stats') return runStatsJob(runDir, data);
    if (delay > 0) await sleep(delay);
    let last = 0;
    const progress = (stage: 'read' | 'clean', done: number): void => {
      const now = Date.now();
      if (now - last < PROGRESS_MS) return;
      last = now;
      void job.updateProgress({ shard: data.shard, stage, done }).catch(() => undefined);
    };
    const summary = await runMapJob(runDir, data as MapJobData, redis, jobs, progress);
    return { read: summary.read, kept: summary.kept, rejected: summary.rejected };
  };
  const lockDuration = options.lockDuration ?? DEFAULT_LOCK_MS;
  const worker = new Worker(QUEUE_NAME, processor, {
    connection: bullConnection(options.queue),
    concurrency: 1,
    lockDuration,
    stalledInterval: lockDuration,
    maxStalledCount: MAX_STALLED,
  });
  worker.on('active', () => {
    running++;
    lastActive = Date.now();
  });
  const finished = (): void => {
    running = Math.max(0, running - 1);
    lastActive = Date.now();
  };
  worker.on('completed', (job) => {
    finished();
    options.log(`shard ${(job.data as JobData).shard}: ${job.name} done`);
  });
  worker.on('failed', (job, err) => {
    finished();
    options.log(`shard ${(job?.data as JobData | undefined)?.shard ?? '?'}: ${job?.name ?? 'job'} failed: ${err.message}`);
  });
  worker.on('error', (err) => options.log(`queue error: ${err.message}`));
  await worker.waitUntilReady();
  options.log(`waiting for jobs on ${options.queue} (work folder ${workDir})`);
  try {
    const stopped = new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    });
    if (options.idleExit === undefined) await stopped;
    else {
      const idleMs = options.idleExit * 1000;
      let stop = false;
      void stopped.then(() => (stop = true));
      while (!stop && (running > 0 || Date.now() - lastActive < idleMs)) await sleep(Math.min(500, idleMs));
      if (!stop) options.log(`idle for ${options.idleExit} s, exiting`);
    }
  } finally {
    await worker.close();
    redis.disconnect();
  }
}
