import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusOnTerminal, hasScript } from './terminal.js';
import { corpus, fixture, jsonl, tempDir } from './helpers.js';

const A = '000_b2eabbe78eb1f9e1.txt';
const B = '001_8ae16dfbaa6e08a5.txt';

describe('corpus dupes and deduplicating clean (seeds, end to end)', () => {
  it('finds exactly one cluster, 000 + 001, with 000 (title, site, date) kept', () => {
    const r = corpus(['dupes', fixture('seeds'), '--json']);
    expect(r.code).toBe(0);
    const clusters = jsonl(r.stdout) as { cluster: number; kept: string; members: { id: string; similarity: number }[] }[];
    expect(clusters).toHaveLength(1);
    expect(clusters[0].kept).toBe(A);
    expect(clusters[0].members.map((m) => m.id).sort()).toEqual([A, B]);
    expect(clusters[0].members.find((m) => m.id === B)!.similarity).toBeGreaterThan(0.6);
  });

  it.skipIf(!hasScript)('on a terminal, clears its progress bar before the report, which the bar never writes over', () => {
    const { code, output } = corpusOnTerminal(['dupes', fixture('seeds')]);
    expect(code).toBe(0);
    expect(output).toMatch(/\d+\/5 records/);
    const lastBarClear = output.lastIndexOf('\x1b[2K');
    expect(lastBarClear).toBeGreaterThan(0);
    expect(output.indexOf('Cluster 1')).toBeGreaterThan(lastBarClear);
    expect(output.indexOf('corpus: read')).toBeGreaterThan(output.indexOf(B));
  });

  it('exits 1 with --fail-on-dupes when a cluster is found, 0 when none is', () => {
    expect(corpus(['dupes', fixture('seeds'), '--fail-on-dupes']).code).toBe(1);
    expect(corpus(['dupes', fixture(`seeds/${A}`), fixture('seeds/002_f6b72c6e8fa38534.txt'), '--fail-on-dupes']).code).toBe(0);
  });

  it('clean drops the copy and names it on the kept record; --dupes-out writes the cluster', () => {
    const dir = tempDir();
    const r = corpus(['clean', fixture('seeds'), '--dupes-out', join(dir, 'clusters.jsonl')]);
    const records = jsonl(r.stdout);
    expect(records.map((x) => x.id)).not.toContain(B);
    expect(records.find((x) => x.id === A)!.duplicates).toEqual([B]);
    expect(r.stderr).toMatch(/read 5 records .* wrote 4, dropped 1 duplicate/);
    expect(jsonl(readFileSync(join(dir, 'clusters.jsonl'), 'utf8'))[0].kept).toBe(A);
  });

  it('--dupes-out writes the cluster records dupes --json prints, also when it shares stdout with the records', () => {
    const dir = tempDir();
    expect(corpus(['clean', fixture('seeds'), '-o', join(dir, 'out.jsonl'), '--dupes-out', join(dir, 'clusters.jsonl')]).code).toBe(0);
    const clusters = readFileSync(join(dir, 'clusters.jsonl'), 'utf8');
    expect(clusters).toBe(corpus(['dupes', fixture('seeds'), '--json']).stdout);
    expect(jsonl(clusters)[0].members.map((m: { id: string; preview: string }) => [m.id, m.preview.length > 0])).toEqual([[A, true], [B, true]]);
    const both = jsonl(corpus(['clean', fixture('seeds'), '--dupes-out', '-']).stdout);
    expect(both.filter((x) => x.cluster !== undefined)).toEqual(jsonl(clusters));
    expect(both.filter((x) => x.cluster === undefined)).toEqual(jsonl(readFileSync(join(dir, 'out.jsonl'), 'utf8')));
  });

  it('clean --no-dedup keeps every record and marks the copy duplicate_of', () => {
    const records = jsonl(corpus(['clean', fixture('seeds'), '--no-dedup']).stdout);
    expect(records).toHaveLength(5);
    expect(records.find((x) => x.id === B)!.duplicate_of).toBe(A);
    expect(records.filter((x) => x.duplicate_of !== undefined)).toHaveLength(1);
  });
});
