/** The documented output format: the JSON Schemas in schema/ hold for real output of the CLI. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { corpus, fixture, jsonl, ROOT } from './cli/helpers.js';

const schema = (name: string): object => JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validRecord = ajv.compile(schema('clean-record.schema.json'));
const validCluster = ajv.compile(schema('cluster-record.schema.json'));

function expectValid(validate: ReturnType<typeof ajv.compile>, value: unknown): void {
  expect(validate(value), ajv.errorsText(validate.errors)).toBe(true);
}

describe('JSON Schemas of the output', () => {
  it('every clean record of the seeds is valid, with and without --no-dedup / --keep-noise', () => {
    const deduped = jsonl(corpus(['clean', fixture('seeds')]).stdout);
    const marked = jsonl(corpus(['clean', fixture('seeds'), '--no-dedup', '--keep-noise']).stdout);
    expect(deduped.some((r) => r.duplicates)).toBe(true);
    expect(marked.some((r) => r.duplicate_of) && marked.some((r) => r.noise)).toBe(true);
    for (const record of [...deduped, ...marked]) {
      expectValid(validRecord, record);
      expect(record.chars_kept as number).toBeLessThanOrEqual(record.chars_in as number);
    }
  });

  it('records of a JSONL input keep its other fields under metadata, and are valid', () => {
    const input = `${JSON.stringify({ id: 'x1', text: readFileSync(fixture('seeds/000_b2eabbe78eb1f9e1.txt'), 'utf8'), url: 'https://example.org/a', crawl: 7 })}\n`;
    const [record] = jsonl(corpus(['clean', '-'], input).stdout);
    expect(record.metadata).toEqual({ url: 'https://example.org/a', crawl: 7 });
    expectValid(validRecord, record);
  });

  it('every cluster record of corpus dupes --json is valid', () => {
    const clusters = jsonl(corpus(['dupes', fixture('seeds'), '--json']).stdout);
    expect(clusters).toHaveLength(1);
    for (const cluster of clusters) expectValid(validCluster, cluster);
  });

  it('rejects what the format does not allow, so the schemas can fail', () => {
    const good = { id: 'a', text: 'body', title: null, site: null, date: '2025-02', lang: 'fr', encoding: 'utf-8', chars_in: 9, chars_kept: 4 };
    expectValid(validRecord, good);
    for (const bad of [{ ...good, text: undefined }, { ...good, date: '10/02/2025' }, { ...good, lang: 'fra' }, { ...good, chars_in: -1 }, { ...good, extra: 1 }, { ...good, noise: [{ text: 'x' }] }]) {
      expect(validRecord(JSON.parse(JSON.stringify(bad)))).toBe(false);
    }
    expect(validCluster({ cluster: 1, kept: 'a', members: [] })).toBe(false);
  });
});
