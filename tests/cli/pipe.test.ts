import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, fixture } from './helpers.js';

/** Runs the CLI with its stdout closed before it writes, as `corpus … | head -c 0` does. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that closes the pipe early', () => {
  it.each([
    ['help', ['clean', '--help']],
    ['records', ['clean', fixture('seeds'), '--no-dedup']],
    ['a report written straight to stdout', ['stats', fixture('seeds')]],
  ])('ends %s quietly with exit 0', async (_what, args) => {
    const r = await withClosedStdout(args);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(r.code).toBe(0);
  });
});
