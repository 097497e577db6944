import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, corpus, fixture, jsonl, tempDir } from './helpers.js';
import { corpusOnTerminal, ESCAPE, hasScript } from './terminal.js';

describe('corpus stats', () => {
  it('prints a readable table of the seeds: documents, noise, languages, sites, dates, duplicates', () => {
    const r = corpus(['stats', fixture('seeds')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/records read +5\n +documents +5\n/);
    expect(r.stdout).toMatch(/^Noise ratio .*median \d+\.\d%/m);
    expect(r.stdout).toMatch(/^Languages +\(1\)\n +fr +#+ 5$/m);
    expect(r.stdout).toMatch(/^Dates +2025-02 to 2025-06-29, 1 undated$/m);
    expect(r.stdout).toMatch(/^Duplicates +1 cluster holding 2 documents; 1 copy = 20\.0% of documents$/m);
    expect(r.stdout).toMatch(/#1 +2 documents +kept 000_b2eabbe78eb1f9e1\.txt/);
    expect(r.stdout + r.stderr).not.toMatch(ESCAPE);
  });

  it('gives the same figures as JSON with --json', () => {
    const r = corpus(['stats', fixture('seeds'), '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.run).toEqual({ read: 5, rejected: 0, rejectReasons: {}, inputProblems: 0 });
    expect(s.documents).toBe(5);
    expect(s.languages).toEqual([{ value: 'fr', count: 5 }]);
    expect(s.noiseRatio.histogram.reduce((a: number, b: number) => a + b)).toBe(5);
    expect(s.duplicates).toMatchObject({ clusters: 1, inClusters: 2, copies: 1, rate: 0.2 });
    const clean = jsonl(corpus(['clean', fixture('seeds'), '--no-dedup']).stdout);
    expect(s.characters).toEqual({ in: clean.reduce((n, x) => n + (x.chars_in as number), 0), kept: clean.reduce((n, x) => n + (x.chars_kept as number), 0) });
  });

  it('reads corpus clean output back with the figures of the run that wrote it (file or stdin)', () => {
    const dir = tempDir();
    const out = join(dir, 'out.jsonl');
    expect(corpus(['clean', fixture('seeds'), '-o', out]).code).toBe(0);
    const written = jsonl(readFileSync(out, 'utf8'));
    for (const r of [corpus(['stats', out, '--json']), corpus(['stats', '-', '--json'], readFileSync(out))]) {
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout);
      expect(s.alreadyCleaned).toBe(4);
      expect(s.characters.in).toBe(written.reduce((n, x) => n + (x.chars_in as number), 0));
      expect(s.duplicates.droppedEarlier).toBe(1);
    }
    expect(corpus(['stats', out]).stdout).toMatch(/1 copy already dropped by the corpus clean run/);
  });

  it('names a missing input, still prints the figures of the rest, and exits 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), article(1, 4));
    const r = corpus(['stats', join(dir, 'a.txt'), join(dir, 'missing.txt'), '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.txt: no such file or directory/);
    expect(JSON.parse(r.stdout).documents).toBe(1);
  });

  it('colours only when asked: FORCE_COLOR colours piped output, NO_COLOR wins over it', () => {
    const forced = corpus(['stats', fixture('seeds')], undefined, { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(forced.stdout).toMatch(ESCAPE);
    const both = corpus(['stats', fixture('seeds')], undefined, { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(both.stdout).not.toMatch(ESCAPE);
    const plain = corpus(['stats', fixture('seeds')], undefined, { NO_COLOR: undefined, FORCE_COLOR: undefined });
    expect(plain.stdout + plain.stderr).not.toMatch(ESCAPE);
  });

  it.skipIf(!hasScript)('on a terminal: colour and a progress bar; with NO_COLOR or --no-color, not one escape code', () => {
    const tty = corpusOnTerminal(['stats', fixture('seeds')]);
    expect(tty.code).toBe(0);
    expect(tty.output).toMatch(ESCAPE);
    expect(tty.output).toMatch(/\d+\/5 records/);
    for (const run of [corpusOnTerminal(['stats', fixture('seeds')], { NO_COLOR: '1' }), corpusOnTerminal(['--no-color', 'stats', fixture('seeds')])]) {
      expect(run.code).toBe(0);
      expect(run.output).toMatch(/Duplicates +1 cluster/);
      expect(run.output).not.toMatch(ESCAPE);
    }
  });
});
