import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandKeys, candidatePairs, candidateProbability, chooseBanding, MAX_BUCKET_PAIRS_SIZE } from '../../src/dedup/lsh.js';
import { DEFAULT_DEDUP_OPTIONS, bandingFor, candidateJaccard, jaccardAtContainment } from '../../src/dedup/index.js';

describe('candidateProbability', () => {
  it('is an increasing S-curve from 0 to 1', () => {
    const banding = { bands: 20, rows: 5 };
    expect(candidateProbability(0, banding)).toBe(0);
    expect(candidateProbability(1, banding)).toBe(1);
    let previous = 0;
    for (let s = 0.01; s <= 1; s += 0.01) {
      const p = candidateProbability(s, banding);
      expect(p).toBeGreaterThanOrEqual(previous);
      previous = p;
    }
  });
  it('matches 1 − (1 − s^r)^b', () => {
    expect(candidateProbability(0.5, { bands: 4, rows: 2 })).toBeCloseTo(1 - 0.75 ** 4, 12);
  });
});

describe('chooseBanding', () => {
  it('stays within numPerm and puts the steep part near the threshold', () => {
    for (const threshold of [0.2, 0.4, 0.6, 0.8]) {
      const banding = chooseBanding(threshold, 128);
      expect(banding.bands * banding.rows).toBeLessThanOrEqual(128);
      const knee = Math.pow(1 / banding.bands, 1 / banding.rows);
      expect(Math.abs(knee - threshold)).toBeLessThan(0.2);
      expect(candidateProbability(threshold + 0.15, banding)).toBeGreaterThan(candidateProbability(threshold - 0.15, banding) + 0.3);
    }
  });
  it('moves the curve left when recall is weighted up', () => {
    const balanced = chooseBanding(0.5, 128, 0.5);
    const recall = chooseBanding(0.5, 128, 0.9);
    expect(candidateProbability(0.4, recall)).toBeGreaterThan(candidateProbability(0.4, balanced));
  });
  it('by default makes a truncated copy (containment 0.8 at 70% length) a near-certain candidate', () => {
    const banding = bandingFor(DEFAULT_DEDUP_OPTIONS);
    const jaccard = jaccardAtContainment(0.8, 0.7);
    expect(jaccard).toBeLessThan(0.6);
    expect(candidateProbability(jaccard, banding)).toBeGreaterThan(0.99);
    expect(candidateProbability(candidateJaccard(DEFAULT_DEDUP_OPTIONS), banding)).toBeGreaterThan(0.85);
    expect(candidateProbability(0.05, banding)).toBeLessThan(0.2);
  });
});

describe('candidatePairs', () => {
  const sig = (values: number[]) => new Uint32Array(values);
  it('pairs documents sharing a band, once, and skips empty ones', () => {
    const banding = { bands: 2, rows: 2 };
    const pairs = candidatePairs(
      [sig([1, 2, 3, 4]), sig([1, 2, 9, 9]), sig([7, 7, 3, 4]), sig([5, 6, 7, 8]), null, sig([1, 2, 3, 4])],
      banding,
    );
    expect([...pairs]).toEqual([0, 1, 0, 2, 0, 5, 1, 5, 2, 5]);
  });
  it('does not pair equal rows in different bands', () => {
    expect(candidatePairs([sig([1, 2, 3, 4]), sig([3, 4, 1, 2])], { bands: 2, rows: 2 }).length).toBe(0);
    const keys = bandKeys(sig([1, 2, 1, 2]), { bands: 2, rows: 2 });
    expect(keys[0]).not.toBe(keys[1]);
  });
  it('links a huge bucket to its first member instead of all pairs', () => {
    const n = MAX_BUCKET_PAIRS_SIZE + 10;
    const pairs = candidatePairs(Array.from({ length: n }, () => sig([1, 1])), { bands: 1, rows: 2 });
    expect(pairs.length / 2).toBe(n - 1);
    for (let p = 0; p < pairs.length; p += 2) expect(pairs[p]).toBe(0);
  });
});

describe('candidatePairs bucketing', () => {
  /** The plain definition: per band a map from key to its members in index order; pairs as candidatePairs forms them. */
  function reference(minhashes: (Uint32Array | null)[], banding: { bands: number; rows: number }): number[] {
    const n = minhashes.length;
    const pairs = new Set<number>();
    for (let band = 0; band < banding.bands; band++) {
      const buckets = new Map<number, number[]>();
      minhashes.forEach((m, i) => {
        if (!m) return;
        const key = bandKeys(m, banding)[band];
        buckets.set(key, [...(buckets.get(key) ?? []), i]);
      });
      for (const b of buckets.values()) {
        if (b.length > MAX_BUCKET_PAIRS_SIZE) for (let y = 1; y < b.length; y++) pairs.add(b[0] * n + b[y]);
        else for (let x = 0; x < b.length; x++) for (let y = x + 1; y < b.length; y++) pairs.add(b[x] * n + b[y]);
      }
    }
    return [...pairs].sort((a, b) => a - b).flatMap((k) => [Math.floor(k / n), k % n]);
  }

  it('equals the map-based definition, big buckets and empty documents included', () => {
    const banding = { bands: 4, rows: 2 };
    fc.assert(
      fc.property(fc.array(fc.option(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }), { nil: null }), { maxLength: 90 }), (docs) => {
        const minhashes = docs.map((d) => (d ? Uint32Array.from(d) : null));
        expect([...candidatePairs(minhashes, banding)]).toEqual(reference(minhashes, banding));
      }),
      { numRuns: 200 },
    );
    const many = [...Array.from({ length: 70 }, () => Uint32Array.from([1, 1, 2, 2, 3, 3, 4, 4])), null, Uint32Array.from([1, 1, 0, 0, 0, 0, 0, 0])];
    expect([...candidatePairs(many, banding)]).toEqual(reference(many, banding));
  });
});
