import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, fixture, tempDir } from './helpers.js';
import { corpusOnTerminal, hasScript } from './terminal.js';

describe('corpus report', () => {
  it('writes one self-contained HTML file atomically with -o, and says so', () => {
    const dir = tempDir();
    const out = join(dir, 'report.html');
    const r = corpus(['report', fixture('seeds'), '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`corpus: wrote ${out}: 5 documents, 1 duplicate cluster\n`);
    expect(readdirSync(dir)).toEqual(['report.html']);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<details class="cluster" id="cluster-1"');
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    // Removed noise of each seed that had any, with reasons.
    expect(html.match(/<details class="doc"/g)!.length).toBeGreaterThanOrEqual(4);
  });

  it('writes to stdout when piped', () => {
    const r = corpus(['report', fixture('seeds')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
  });

  it.skipIf(!hasScript)('refuses to print HTML on a terminal and says how to name a file', () => {
    const r = corpusOnTerminal(['report', fixture('seeds')]);
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/name it with -o, e\.g\. corpus report .* -o report\.html/);
  });
});
