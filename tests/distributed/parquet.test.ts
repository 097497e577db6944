import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { bandingFor, DEFAULT_DEDUP_OPTIONS } from '../../src/dedup/index.js';
import { corpus, tempDir } from '../cli/helpers.js';
import { writeCorpus } from './helpers.js';

describe('corpus sign --signatures out.parquet', () => {
  it('writes (id, band, key) rows whose GROUP BY finds the copies corpus clean drops', async () => {
    const dir = tempDir();
    writeCorpus(join(dir, 'in'), 40);
    const out = join(dir, 'sig.parquet');
    const r = corpus(['sign', join(dir, 'in'), '--signatures', out, '--jobs', '1']);
    expect(r.stderr).toMatch(/wrote \d+ rows to/);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);

    const clean = corpus(['clean', join(dir, 'in'), '--jobs', '1', '--dupes-out', join(dir, 'dupes.jsonl'), '-o', join(dir, 'out.jsonl')]);
    const dropped = clean.stderr.match(/dropped (\d+) duplicate/);
    expect(Number(dropped?.[1])).toBeGreaterThan(0);

    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      const path = out.replace(/'/g, "''");
      const [[rows, ids, bands]] = (await (await c.run(`SELECT count(*), count(DISTINCT id), count(DISTINCT band) FROM '${path}'`)).getRowsJS()) as number[][];
      const { bands: expectedBands } = bandingFor(DEFAULT_DEDUP_OPTIONS);
      expect(Number(bands)).toBe(expectedBands);
      expect(Number(rows)).toBe(Number(ids) * expectedBands);
      // The README's recipe: candidate pairs are ids sharing a (band, key).
      const pairs = (await (
        await c.run(`SELECT DISTINCT a.id AS a, b.id AS b FROM '${path}' a JOIN '${path}' b USING (band, key) WHERE a.id < b.id`)
      ).getRowObjectsJS()) as { a: string; b: string }[];
      const candidates = new Set(pairs.map((p) => `${p.a}\t${p.b}`));
      // Every pair of a cluster clean found is among the candidates (LSH recall on these copies is 1).
      const clusters = readFileSync(join(dir, 'dupes.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      for (const cl of clusters)
        for (const m of cl.members.slice(1)) {
          const [x, y] = [cl.kept, m.id].sort();
          expect(candidates.has(`${x}\t${y}`)).toBe(true);
        }
      expect(clusters.length).toBeGreaterThan(0);
    } finally {
      c.closeSync();
      db.closeSync();
    }
  });

  it('needs --signatures', () => {
    const r = corpus(['sign', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--signatures/);
  });
});
