import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { corpus, jsonl, tempDir, type CliResult } from '../cli/helpers.js';

export interface AccountedRun extends CliResult {
  summary: { read: number; written: number; duplicates: number; rejected: number; rejectReasons: Record<string, number>; inputProblems: number };
  records: Record<string, unknown>[];
  rejects: Record<string, unknown>[];
}

/** Runs `corpus clean` with --summary and --rejects, and checks the accounting identity on every run. */
export function cleanAccounted(args: string[], input?: string | Buffer, env?: NodeJS.ProcessEnv, spawnOptions?: { uid?: number; gid?: number }): AccountedRun {
  const dir = tempDir();
  chmodSync(dir, 0o777); // writable by the unprivileged user of the permission test
  const summaryPath = join(dir, 'summary.json');
  const rejectsPath = join(dir, 'rejects.jsonl');
  const r = corpus(['clean', ...args, '--summary', summaryPath, '--rejects', rejectsPath], input, env, spawnOptions);
  const summary = JSON.parse(readFileSync(summaryPath, 'utf8'));
  const rejects = jsonl(readFileSync(rejectsPath, 'utf8'));
  const records = jsonl(r.stdout);
  expect(summary.read).toBe(summary.written + summary.duplicates + summary.rejected);
  expect(records.length).toBe(summary.written);
  expect(rejects.length).toBe(summary.rejected);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  return { ...r, summary, records, rejects };
}

/** The stderr lines that name a given path. */
export const linesNaming = (stderr: string, path: string): string[] => stderr.split('\n').filter((l) => l.includes(path));
