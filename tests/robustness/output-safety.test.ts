import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, BIN, corpus, corpusAsync, fixture, tempDir } from '../cli/helpers.js';

/** A folder with enough documents that a run lasts well over a second. */
function bigCorpus(): string {
  const dir = tempDir();
  const docs = Array.from({ length: 20000 }, (_, i) => article(i));
  writeFileSync(join(dir, 'big.txt'), docs.join('\nq7x2\n'));
  return dir;
}

async function killAfter(args: string[], signal: NodeJS.Signals, ms: number): Promise<number | string> {
  const child = corpusAsync(args);
  await new Promise((r) => setTimeout(r, ms));
  child.kill(signal);
  return new Promise((r) => child.on('exit', (code, sig) => r(code ?? sig ?? -1)));
}

describe('output safety', () => {
  it('SIGTERM stops cleanly: exit 143, no output, no temporary file', async () => {
    const dir = bigCorpus();
    const out = join(dir, 'out.jsonl');
    const code = await killAfter(['clean', join(dir, 'big.txt'), '-o', out], 'SIGTERM', 500);
    expect(code).toBe(143);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['big.txt']);
  });

  it('SIGKILL mid-run leaves the previous complete output, never a partial one', async () => {
    const dir = bigCorpus();
    const out = join(dir, 'out.jsonl');
    writeFileSync(out, 'previous complete output\n');
    const code = await killAfter(['clean', join(dir, 'big.txt'), '-o', out, '--no-dedup'], 'SIGKILL', 700);
    expect(code).toBe('SIGKILL');
    expect(readFileSync(out, 'utf8')).toBe('previous complete output\n');
  });

  it('a finished run replaces the previous output whole', () => {
    const dir = tempDir();
    const out = join(dir, 'out.jsonl');
    writeFileSync(out, 'previous complete output\n');
    const r = corpus(['clean', fixture('seeds'), '-o', out, '--no-dedup']);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(5);
  });

  it('refuses two outputs naming one file, or a summary inside the records on stdout (exit 2), and leaves the file as it was', () => {
    const dir = tempDir();
    const out = join(dir, 'out.jsonl');
    writeFileSync(out, 'previous\n');
    for (const other of ['--summary', '--dupes-out', '--rejects']) {
      const r = corpus(['clean', fixture('seeds'), '-o', out, other, join(dir, '.', 'out.jsonl')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/are the same file/);
    }
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
    // Records go to stdout without -o: a summary there too would land inside them.
    const both = corpus(['clean', fixture('seeds'), '--summary', '-']);
    expect(both.code).toBe(2);
    expect(both.stdout).toBe('');
    expect(both.stderr).toMatch(/--summary - would land inside the JSONL on stdout/);
    expect(corpus(['clean', fixture('seeds'), '-o', out, '--summary', '-']).code).toBe(0);
  });

  it('fails at once, naming the path given, when an output folder does not exist (exit 3), writing no other output', () => {
    const dir = tempDir();
    const r = corpus(['clean', fixture('seeds'), '-o', join(dir, 'out.jsonl'), '--rejects', join(dir, 'missing', 'r.jsonl')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${join(dir, 'missing', 'r.jsonl')}: cannot write there (no such folder)`);
    expect(r.stderr).not.toMatch(/read \d+/); // no run summary: nothing was read
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails at once on a symlinked output whose target folder does not exist, and lets /dev/null take two outputs', () => {
    const dir = tempDir();
    symlinkSync('missing/dir/out.jsonl', join(dir, 'dangling'));
    const r = corpus(['clean', fixture('seeds'), '-o', join(dir, 'out.jsonl'), '--rejects', join(dir, 'dangling')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/dangling: cannot write there \(no such folder\)/);
    expect(readdirSync(dir)).toEqual(['dangling']);
    expect(corpus(['clean', fixture('seeds'), '-o', '/dev/null', '--rejects', '/dev/null']).code).toBe(0);
  });

  it('writes through a symlinked output to the file it names, keeping the link', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.jsonl'), 'old\n');
    symlinkSync('real.jsonl', join(dir, 'latest.jsonl'));
    symlinkSync('new.jsonl', join(dir, 'dangling.jsonl'));
    expect(corpus(['clean', fixture('seeds'), '-o', join(dir, 'latest.jsonl'), '--no-dedup']).code).toBe(0);
    expect(corpus(['clean', fixture('seeds'), '-o', join(dir, 'dangling.jsonl'), '--no-dedup']).code).toBe(0);
    expect(lstatSync(join(dir, 'latest.jsonl')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'dangling.jsonl')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.jsonl'), 'utf8').trim().split('\n')).toHaveLength(5);
    expect(readFileSync(join(dir, 'new.jsonl'), 'utf8').trim().split('\n')).toHaveLength(5);
  });

  it('writes -o /dev/stdout in place, into whatever stdout is', () => {
    const dir = tempDir();
    const captured = join(dir, 'captured.jsonl');
    execFileSync("sh", ["-c", `"${process.execPath}" "${BIN}" clean "${fixture('seeds')}" --no-dedup -q -o /dev/stdout > "${captured}"`]);
    expect(readFileSync(captured, 'utf8').trim().split('\n')).toHaveLength(5);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });
});

describe('determinism', () => {
  it('gives byte-identical output across runs and argument orders', () => {
    const seeds = readdirSync(fixture('seeds')).map((f) => fixture(`seeds/${f}`));
    const one = corpus(['clean', ...seeds]).stdout;
    const two = corpus(['clean', ...[...seeds].reverse()]).stdout;
    const three = corpus(['clean', fixture('seeds')]).stdout;
    expect(one.length).toBeGreaterThan(1000);
    expect(two).toBe(one);
    expect(three).toBe(one);
  });

  it('gives byte-identical dupes output across runs', () => {
    const a = execFileSync(process.execPath, ['bin/corpus.js', 'dupes', fixture('seeds'), '--json'], { encoding: 'utf8' });
    const b = execFileSync(process.execPath, ['bin/corpus.js', 'dupes', fixture('seeds'), '--json'], { encoding: 'utf8' });
    expect(a).toBe(b);
  });
});
