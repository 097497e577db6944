import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script without types
import { generate } from '../../bench/generate.mjs';
import { spoolBatches, spoolByteBatches } from '../../src/workers/clean-stage.js';
import { LineCounts } from '../../src/workers/line-counts.js';
import { jsonLinesBytes, packSignatures } from '../../src/workers/clean-batch.js';
import { readAhead } from '../../src/io/read-ahead.js';
import { addToCorpusStats, createCorpusStats } from '../../src/clean/index.js';
import { bandingFor, compactSignature, DEFAULT_DEDUP_OPTIONS, overlap, sampledOverlap, signCompact, signDocument } from '../../src/dedup/index.js';
import { bandKeys } from '../../src/dedup/lsh.js';
import { decodeSignatures, SIGNATURES_HEADER } from '../../src/dedup/signature-file.js';

const cli = join(__dirname, '..', '..', 'bin', 'corpus.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'corpus-parallel-'));
  // 400 documents: four batches of 128, copies and q7x2 files included.
  generate({ docs: 400, out: join(dir, 'corpus'), seed: 7 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(jobs: number): { out: Buffer; clusters: Buffer; summary: { read: number; written: number; duplicates: number } } {
  const o = (name: string) => join(dir, `${jobs}.${name}`);
  execFileSync(process.execPath, [cli, 'clean', join(dir, 'corpus', 'docs'), '-o', o('out.jsonl'), '--dupes-out', o('clusters.jsonl'), '--summary', o('summary.json'), '--rejects', o('rejects.jsonl'), '-q', '--jobs', String(jobs)]);
  return { out: readFileSync(o('out.jsonl')), clusters: readFileSync(o('clusters.jsonl')), summary: JSON.parse(readFileSync(o('summary.json'), 'utf8')) };
}

describe('--jobs', () => {
  it('gives byte-identical records, clusters and rejects for 1 and 2 jobs', () => {
    const one = run(1);
    const two = run(2);
    expect(one.summary.read).toBe(400);
    expect(one.summary.duplicates).toBeGreaterThan(20);
    expect(two.out.equals(one.out)).toBe(true);
    expect(two.clusters.equals(one.clusters)).toBe(true);
    expect(readFileSync(join(dir, '2.rejects.jsonl')).equals(readFileSync(join(dir, '1.rejects.jsonl')))).toBe(true);
  }, 60_000);

  it('rejects a --jobs that is not a positive whole number (usage error)', () => {
    for (const bad of ['0', '1.5', 'x']) {
      let code = 0;
      try {
        execFileSync(process.execPath, [cli, 'clean', join(dir, 'corpus', 'docs'), '--jobs', bad, '-q'], { stdio: 'pipe' });
      } catch (err) {
        code = (err as { status: number }).status;
      }
      expect(code).toBe(2);
    }
  });
});

describe('spoolBatches', () => {
  it('cuts at line boundaries by record count and size, losing and reordering nothing', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ id: `d${i}`, text: 'é'.repeat(i % 97) }) + '\n');
    const path = join(dir, 'spool.jsonl');
    writeFileSync(path, lines.join(''));
    const batches: string[] = [];
    for await (const b of spoolBatches(path, 64, 3000)) batches.push(b);
    expect(batches.join('')).toBe(lines.join(''));
    for (const b of batches) {
      expect(b.endsWith('\n')).toBe(true);
      expect(b.split('\n').length - 1).toBeLessThanOrEqual(64);
    }
    expect(batches.length).toBeGreaterThan(1000 / 64);
  });

  it('cuts a spool of many reads after the line that reaches either limit, as counting line by line would', async () => {
    // ~6 MB of lines of uneven length: batches straddle the 1 MB reads, and the buffer is compacted between them.
    const lines = Array.from({ length: 12_000 }, (_, i) => JSON.stringify({ id: `d${i}`, text: 'é'.repeat((i * 7919) % 900) }) + '\n');
    const path = join(dir, 'spool-many.jsonl');
    writeFileSync(path, lines.join(''));
    const expected: string[] = [];
    let batch = '';
    let count = 0;
    for (const line of lines) {
      batch += line;
      count++;
      if (count >= 100 || Buffer.byteLength(batch) >= 40_000) {
        expected.push(batch);
        batch = '';
        count = 0;
      }
    }
    if (batch) expected.push(batch);
    const batches: string[] = [];
    for await (const b of spoolBatches(path, 100, 40_000)) batches.push(b);
    expect(batches.length).toBeGreaterThan(100);
    expect(batches).toEqual(expected);
  });

  it('hands out bytes batches each in a buffer of its own (transferable), cut after a line longer than the limit', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `d${i}`, text: (i === 150 ? 'ж'.repeat(3_000_000) : 'é'.repeat(i % 97)) }) + '\n');
    const path = join(dir, 'spool-bytes.jsonl');
    writeFileSync(path, lines.join(''));
    const batches: Uint8Array[] = [];
    for await (const b of spoolByteBatches(path, 64, 3000)) batches.push(b);
    for (const b of batches) {
      expect(b.byteOffset).toBe(0);
      expect(b.buffer.byteLength).toBe(b.length);
      expect(b[b.length - 1]).toBe(10);
    }
    expect(Buffer.concat(batches).toString('utf8')).toBe(lines.join(''));
    // The batch reaching the limit with the long line is cut right after it.
    expect(batches.some((b) => new TextDecoder().decode(b).endsWith(lines[150]))).toBe(true);
  });
});

describe('jsonLinesBytes', () => {
  it('encodes the lines, each with a newline, in a buffer of its own (transferable)', () => {
    const lines = ['{"a":"é"}', '', JSON.stringify({ t: '漢字😀\u2028' }), 'x'.repeat(5000)];
    const bytes = jsonLinesBytes(lines);
    expect(Buffer.from(bytes).toString('utf8')).toBe(lines.map((l) => l + '\n').join(''));
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.length);
    expect(jsonLinesBytes(['a']).buffer.byteLength).toBe(2);
  });
});

describe('readAhead', () => {
  it('yields every item’s events in item order, whatever order they finish in', async () => {
    const items = Array.from({ length: 40 }, (_, i) => i);
    async function* events(i: number): AsyncGenerator<string> {
      for (let k = 0; k < 5; k++) {
        await new Promise((r) => setTimeout(r, (i * 7 + k * 3) % 5));
        yield `${i}.${k}`;
      }
    }
    const got: string[] = [];
    for await (const e of readAhead(items, events, { depth: 8, maxBuffered: 2, size: () => 1 })) got.push(e);
    expect(got).toEqual(items.flatMap((i) => [0, 1, 2, 3, 4].map((k) => `${i}.${k}`)));
  });
});

describe('LineCounts', () => {
  it('counts as the cleaner’s Map does', () => {
    const texts = Array.from({ length: 300 }, (_, i) => `Menu ${i % 7}\nShare this\nBody ${i} text\n\nRead also: story ${i}\nFooter ${i % 3}`);
    const stats = createCorpusStats();
    const counts = new LineCounts();
    for (const t of texts) {
      addToCorpusStats(stats, t);
      counts.addDocument(t);
    }
    expect(counts.size).toBe(stats.lineDocs.size);
    for (const [hash, n] of stats.lineDocs) expect(counts.get(hash)).toBe(n);
    expect(counts.get(12345)).toBe(stats.lineDocs.get(12345));
    const shared = new LineCounts(counts.share());
    for (const [hash, n] of stats.lineDocs) expect(shared.get(hash)).toBe(n);
  });

  it('counts a line repeated within a document once, also while the table grows', () => {
    // ~60k distinct lines (digits fold to 0 in line keys, so numbers are spelt in letters): the table (65,536
    // slots at first) grows while documents are counted.
    const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));
    const texts = Array.from({ length: 1500 }, (_, d) => {
      const own = Array.from({ length: 40 }, (_, k) => `Line ${letters(d)} number ${letters(k)} of its own`);
      return ['Share this', ...own.slice(0, 20), 'SHARE   this!', `Menu ${letters(d % 5)}`, ...own.slice(20), `menu ${letters(d % 5)}`, own[3]].join('\n');
    });
    const stats = createCorpusStats();
    const counts = new LineCounts();
    for (const t of texts) {
      addToCorpusStats(stats, t);
      counts.addDocument(t);
    }
    expect(stats.lineDocs.size).toBeGreaterThan(60_000);
    expect(counts.size).toBe(stats.lineDocs.size);
    for (const [hash, n] of stats.lineDocs) expect(counts.get(hash)).toBe(n);
    expect(counts.documents).toBe(texts.length);
  });
});

describe('compact signatures', () => {
  const words = (n: number, seed: number) => Array.from({ length: n }, (_, i) => `w${(i * 7919 + seed) % 100003}`).join(' ');
  it('sampled overlap is exact below the sample size and close above it', () => {
    const o = DEFAULT_DEDUP_OPTIONS;
    const a = signDocument({ id: 'a', text: words(100, 1), title: null, site: null, date: null }, o);
    const b = signDocument({ id: 'b', text: words(90, 1), title: null, site: null, date: null }, o);
    const ca = compactSignature(a, o);
    const cb = compactSignature(b, o);
    expect(sampledOverlap(ca.shingles, ca.shingleCount!, cb.shingles, cb.shingleCount!)).toEqual(overlap(a.shingles, b.shingles));
    const long = signDocument({ id: 'l', text: words(2000, 3), title: null, site: null, date: null }, o);
    const part = signDocument({ id: 'p', text: words(2000, 3).split(' ').slice(0, 1400).join(' '), title: null, site: null, date: null }, o);
    const cl = compactSignature(long, o);
    const cp = compactSignature(part, o);
    expect(cl.shingles.length).toBe(128);
    const exact = overlap(long.shingles, part.shingles).containment;
    expect(Math.abs(sampledOverlap(cl.shingles, cl.shingleCount!, cp.shingles, cp.shingleCount!).containment - exact)).toBeLessThan(0.1);
  });
  it('signCompact gives compactSignature(signDocument(…)) while computing only the MinHash slots and word codes it keeps (a 300-word body: more codes than are kept)', () => {
    const o = DEFAULT_DEDUP_OPTIONS;
    const doc = { id: 'd', text: words(300, 5), title: 'T', site: null, date: null };
    const full = signDocument(doc, o);
    const compact = signCompact(doc, o);
    expect({ ...compact, minhash: [...compact.minhash], shingles: [...compact.shingles] }).toEqual({ ...compactSignature(full, o), minhash: [...compactSignature(full, o).minhash], shingles: [...compactSignature(full, o).shingles] });
    expect(compact.minhash.length).toBeLessThan(full.minhash.length);
  });
  it('survive packing for the main thread: signature-file records, band keys, empty bodies marked', () => {
    const o = DEFAULT_DEDUP_OPTIONS;
    const sigs = [1, 2, 3].map((k) => compactSignature(signDocument({ id: `d${k}`, text: words(50 * k, k), title: k === 2 ? 'T' : null, site: null, date: '2024-01-01' }, o), o));
    const packed = packSignatures([...sigs, { ...sigs[0], id: 'empty', shingles: new Uint32Array(0), shingleCount: 0 }], o);
    // The signatures file's records and the band keys, worked out in the worker.
    const back = [...decodeSignatures(Buffer.concat([SIGNATURES_HEADER, packed.encoded])).values()].slice(0, 3);
    expect(back.map((s) => ({ ...s, minhash: [...s.minhash], shingles: [...s.shingles] }))).toEqual(sigs.map((s) => ({ ...s, minhash: [...s.minhash], shingles: [...s.shingles] })));
    expect(packed.count).toBe(4);
    expect([...packed.signed]).toEqual([1, 1, 1, 0]);
    const banding = bandingFor(o);
    expect(packed.bands).toBe(banding.bands);
    sigs.forEach((s, i) => expect([...packed.bandKeys.subarray(i * banding.bands, (i + 1) * banding.bands)]).toEqual([...bandKeys(s.minhash, banding)]));
    expect([...packed.bandKeys.subarray(3 * banding.bands)].every((k) => k === 0)).toBe(true);
  });
});
