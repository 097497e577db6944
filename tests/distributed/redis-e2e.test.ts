/**
 * Distributed mode end to end on loopback: a Redis of the test's own, three `corpus worker` processes and a
 * coordinator over a generated corpus; one worker is killed (SIGKILL) while it holds a map job. The output must be
 * byte-identical to the single-machine run, with the accounting identity holding, and a rerun must resume.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, corpus, tempDir } from '../cli/helpers.js';
import { writeCorpus } from './helpers.js';

const REDIS = '/usr/bin/redis-server';

/** A port free on 127.0.0.1 right now: bind to 0, read the port, close. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Waits (at most ~5 s) until something accepts connections on the port. */
async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`nothing listening on 127.0.0.1:${port}`);
}

interface Proc {
  child: ChildProcess;
  stderr: string;
  exited: Promise<number | null>;
}

function start(args: string[], env: NodeJS.ProcessEnv = {}): Proc {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const proc: Proc = { child, stderr: '', exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  child.stderr!.on('data', (d: Buffer) => (proc.stderr += d.toString()));
  child.stdout!.resume();
  return proc;
}

/** Resolves with the process's exit code, or throws after `ms`. */
async function exitOf(proc: Proc, ms: number): Promise<number | null> {
  const timeout = sleep(ms).then(() => {
    throw new Error(`still running after ${ms} ms:\n${proc.stderr}`);
  });
  return Promise.race([proc.exited, timeout]);
}

const withoutSeconds = (summary: Record<string, unknown>): Record<string, unknown> => ({ ...summary, seconds: undefined });

describe.skipIf(!existsSync(REDIS))('distributed mode on Redis + BullMQ (loopback)', () => {
  const dir = tempDir();
  const inputs = join(dir, 'in');
  const work = join(dir, 'work');
  let port = 0;
  let redis: ChildProcess | null = null;
  const workers: Proc[] = [];

  beforeAll(async () => {
    writeCorpus(inputs, 300);
    port = await freePort();
    redis = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitForPort(port);
  });

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    redis?.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    rmSync(dir, { recursive: true, force: true });
  });

  it('survives a killed worker, writes the single-machine bytes, and resumes on a rerun', async () => {
    // (a path that names nothing is an input problem both runs count alike)
    const single = corpus(['clean', inputs, join(dir, 'not-there.txt'), '--jobs', '1', '-o', join(dir, 'single.jsonl'), '--rejects', join(dir, 'single-rejects.jsonl'), '--dupes-out', join(dir, 'single-dupes.jsonl'), '--summary', join(dir, 'single-summary.json')]);
    expect(single.code).toBe(1); // the binary file is an input problem

    const queue = `redis://127.0.0.1:${port}`;
    for (let i = 0; i < 3; i++)
      workers.push(start(['worker', '--queue', queue, '--work-dir', work, '--jobs', '1', '--lock-duration', '1500', '--idle-exit', '60'], { CORPUS_WORKER_DELAY_MS: '600' }));
    const clean = (suffix: string): Proc =>
      start(['clean', inputs, join(dir, 'not-there.txt'), '--queue', queue, '--work-dir', work, '--shards', '9', '-o', join(dir, `dist${suffix}.jsonl`), '--rejects', join(dir, `dist-rejects${suffix}.jsonl`), '--dupes-out', join(dir, `dist-dupes${suffix}.jsonl`), '--summary', join(dir, `dist-summary${suffix}.json`)]);
    const coordinator = clean('');

    // Kill the first worker seen holding a map job, while it holds it (each map job starts with a 600 ms pause).
    let killed: { worker: number; shard: string } | null = null;
    for (let t = 0; t < 300 && !killed; t++) {
      for (let i = 0; i < workers.length && !killed; i++) {
        const m = /shard (\d+): map started/.exec(workers[i].stderr);
        if (m) {
          workers[i].child.kill('SIGKILL');
          killed = { worker: i, shard: m[1] };
        }
      }
      if (!killed) await sleep(50);
    }
    expect(killed).not.toBeNull();

    expect(await exitOf(coordinator, 30_000)).toBe(1);
    const others = workers.filter((_, i) => i !== killed!.worker).map((w) => w.stderr).join('');
    expect(others).toMatch(new RegExp(`shard ${killed!.shard}: map started`)); // the killed worker's job, taken over

    const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
    expect(read('dist.jsonl')).toBe(read('single.jsonl'));
    expect(read('dist-rejects.jsonl')).toBe(read('single-rejects.jsonl'));
    expect(read('dist-dupes.jsonl')).toBe(read('single-dupes.jsonl'));
    const summary = JSON.parse(read('dist-summary.json'));
    expect(summary.read).toBe(summary.written + summary.duplicates + summary.rejected);
    expect(summary.duplicates).toBeGreaterThan(40);
    expect(withoutSeconds(summary)).toEqual(withoutSeconds(JSON.parse(read('single-summary.json'))));

    // The same command again: every shard is found done, nothing is enqueued, the bytes are the same.
    const rerun = clean('-2');
    expect(await exitOf(rerun, 20_000)).toBe(1);
    expect(rerun.stderr).toMatch(/stats: 9 shards, 9 done already, 0 to do/);
    expect(rerun.stderr).toMatch(/map: 9 shards, 9 done already, 0 to do/);
    expect(read('dist-2.jsonl')).toBe(read('single.jsonl'));
  }, 45_000);
});
