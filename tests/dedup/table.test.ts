import { describe, expect, it } from 'vitest';
import { bandingFor, DEFAULT_DEDUP_OPTIONS, signatureTable, signCompact, SignatureTable, type DocSignature } from '../../src/dedup/index.js';
import { bandKeys } from '../../src/dedup/lsh.js';
import { paragraph } from './helpers.js';

const options = DEFAULT_DEDUP_OPTIONS;
const sign = (id: string, text: string, title: string | null = null): DocSignature => signCompact({ id, text, title, site: null, date: null }, options);

describe('SignatureTable', () => {
  it('reads back what was added, at positions in id order whatever the order of adding', () => {
    const sigs = [sign('c', paragraph('c', 300)), sign('a', paragraph('a', 40), 'Title'), sign('empty', ''), sign('b', paragraph('b', 900))];
    const table = signatureTable(sigs, options);
    const banding = bandingFor(options);
    expect(Array.from({ length: table.size }, (_, k) => table.id(k))).toEqual(['a', 'b', 'c', 'empty']);
    for (let k = 0; k < table.size; k++) {
      const sig = sigs[table.row(k)];
      expect(sig.id).toBe(table.id(k));
      expect([...table.shingles(k)]).toEqual([...sig.shingles]);
      expect(table.shingleCount(k)).toBe(sig.shingleCount);
      expect(table.completeness(k)).toEqual({ id: sig.id, length: sig.length, hasTitle: sig.hasTitle, hasSite: false, hasDate: false });
      const keys = sig.shingles.length ? [...bandKeys(sig.minhash, banding)] : Array(banding.bands).fill(-1);
      expect(Array.from({ length: banding.bands }, (_, band) => table.bandKey(k, band))).toEqual(keys);
    }
  });

  it('keeps every run intact across chunks, a run longer than a chunk included', () => {
    const table = new SignatureTable(bandingFor(options));
    const runs: Uint32Array[] = [];
    for (let i = 0; i < 60; i++) {
      // Lengths from 0 to 9,000 values: the first chunks hold 4,096 values, so runs cross chunk boundaries and some exceed a chunk.
      const run = Uint32Array.from({ length: (i * 1543) % 9001 }, (_, j) => i * 100000 + j);
      runs.push(run);
      table.add({ id: `d${String(i).padStart(3, '0')}`, minhash: new Uint32Array(options.numPerm), shingles: run, length: run.length, hasTitle: false, hasSite: false, hasDate: false });
    }
    table.sortById();
    runs.forEach((run, i) => expect([...table.shingles(i)]).toEqual([...run]));
  });

  it('reads the same with room made up front, whether the rows and shingles expected were too few, exact or too many', () => {
    const banding = bandingFor(options);
    const sigs = Array.from({ length: 40 }, (_, i) => sign(`d${String((i * 17) % 40).padStart(2, '0')}`, i % 9 === 0 ? '' : paragraph(`p${i}`, 20 + ((i * 37) % 300))));
    const reference = signatureTable(sigs, options);
    for (const expected of [{ rows: 7, shinglesPerRow: 3 }, { rows: 40, shinglesPerRow: 128 }, { rows: 20_000, shinglesPerRow: 128 }]) {
      const table = new SignatureTable(banding, expected);
      for (const s of sigs) table.add(s);
      table.sortById();
      for (let k = 0; k < sigs.length; k++) {
        expect(table.id(k)).toBe(reference.id(k));
        expect([...table.shingles(k)]).toEqual([...reference.shingles(k)]);
        expect(table.completeness(k)).toEqual(reference.completeness(k));
        for (let band = 0; band < banding.bands; band++) expect(table.bandKey(k, band)).toBe(reference.bandKey(k, band));
      }
    }
  });

  it('refuses a repeated id and reading positions before sorting', () => {
    const table = new SignatureTable(bandingFor(options));
    table.add(sign('x', paragraph('x', 50)));
    expect(() => table.id(0)).toThrow(/sortById/);
    table.add(sign('x', paragraph('y', 50)));
    expect(() => table.sortById()).toThrow(/duplicate document id: x/);
  });
});
