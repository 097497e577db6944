import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fmix32 } from '../../src/dedup/hash.js';
import { EMPTY_SLOT, estimateJaccard, minhashSignature } from '../../src/dedup/minhash.js';

/** Sorted set of `size` distinct pseudo-random 32-bit values from `start`. */
function set(values: number[]): Uint32Array {
  return new Uint32Array([...new Set(values)]).sort();
}
// Elements are hashed like real shingles (murmur3 output): a·x + b mod p is not min-wise independent
// on arithmetic progressions, so structured raw integers would measure the inputs, not the sketch.
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => fmix32(from + i));

describe('minhashSignature', () => {
  it('estimates Jaccard within a few standard errors on known pairs', () => {
    const numPerm = 256;
    // |A| = |B| = 1000, overlap k → J = k / (2000 − k)
    for (const shared of [0, 200, 500, 800, 1000]) {
      const a = set(range(0, 1000));
      const b = set(range(1000 - shared, 2000 - shared));
      const truth = shared / (2000 - shared);
      const estimate = estimateJaccard(minhashSignature(a, numPerm), minhashSignature(b, numPerm));
      const sd = Math.sqrt((truth * (1 - truth)) / numPerm);
      expect(Math.abs(estimate - truth)).toBeLessThanOrEqual(4 * sd + 1e-9);
    }
  });
  it('has no systematic bias over many random pairs', () => {
    let error = 0;
    for (let trial = 0; trial < 40; trial++) {
      const a = set(range(trial * 10000, trial * 10000 + 300));
      const b = set(range(trial * 10000 + 100, trial * 10000 + 400)); // J = 200/400
      error += estimateJaccard(minhashSignature(a, 128), minhashSignature(b, 128)) - 0.5;
    }
    expect(Math.abs(error / 40)).toBeLessThan(0.02); // sd of the mean ≈ 0.044/√40 ≈ 0.007
  });
  it('is deterministic and independent of element order', () => {
    const a = set(range(0, 50));
    const shuffled = new Uint32Array([...a].reverse());
    expect(minhashSignature(a, 64)).toEqual(minhashSignature(shuffled, 64));
  });
  it('fills an empty set with the empty marker', () => {
    expect([...minhashSignature(new Uint32Array(0), 8)]).toEqual(new Array(8).fill(EMPTY_SLOT));
  });
});

describe('minhashSignature on small sets (most bins empty, filled from others)', () => {
  it('stays unbiased: two sets of 12 shingles sharing 8 (J = 0.5) agree on half the slots on average', () => {
    let sum = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const base = t * 1000;
      const a = set(range(base, base + 12));
      const b = set(range(base + 4, base + 16));
      sum += estimateJaccard(minhashSignature(a, 128), minhashSignature(b, 128));
    }
    // per trial sd ≲ 0.15 (few distinct values behind the slots), of the mean ≲ 0.0075
    expect(Math.abs(sum / trials - 8 / 16)).toBeLessThan(0.04);
  });
  it('fills every slot with the value of one of the set’s own shingles', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 30 }), (values) => {
        const shingles = Uint32Array.from(values);
        const own = new Set(values.map((v) => [...minhashSignature(Uint32Array.of(v), 8)][0]));
        for (const slot of minhashSignature(shingles, 64)) expect(own.has(slot)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  it('fills every slot of a nearly empty signature, past the random donors, with the set’s own values', () => {
    // With 1–3 filled bins in 4096, most empty bins miss every random donor try and take the next filled bin.
    for (let first = 0; first < 60; first++) {
      const values = range(first * 10, first * 10 + 1 + (first % 3));
      const own = new Set(values.map((v) => minhashSignature(Uint32Array.of(v), 8)[0]));
      const sig = minhashSignature(Uint32Array.from(values), 4096);
      expect(sig.includes(EMPTY_SLOT)).toBe(false);
      for (const slot of sig) expect(own.has(slot)).toBe(true);
    }
  });
  it('keeps in each bin the smallest value of the shingles that fell in it', () => {
    // 3,000 shingles fill all 16 bins, so no slot is densified: one more shingle can only lower the one slot of its
    // own bin, to its own value (the value every slot of its one-shingle signature holds).
    const base = set(range(0, 3000));
    const before = minhashSignature(base, 16);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (extra) => {
        const value = minhashSignature(Uint32Array.of(extra), 16)[0];
        const after = minhashSignature(new Uint32Array([...base, extra]), 16);
        const changed = [...after.keys()].filter((i) => after[i] !== before[i]);
        expect(changed.length).toBeLessThanOrEqual(1);
        for (const i of changed) {
          expect(after[i]).toBe(value);
          expect(value).toBeLessThan(before[i]);
        }
      }),
      { numRuns: 500 },
    );
    // and some extra shingle does lower a slot (3,000 values per 16 bins: ~1 in 190 does)
    const lowered = range(10000, 12000).filter((x) => minhashSignature(new Uint32Array([...base, x]), 16).some((v, i) => v !== before[i]));
    expect(lowered.length).toBeGreaterThan(0);
  });
  it('gives a one-shingle set the same value in every slot', () => {
    const sig = [...minhashSignature(Uint32Array.of(12345), 128)];
    expect(new Set(sig).size).toBe(1);
    expect(sig[0]).not.toBe(EMPTY_SLOT);
  });
});

describe('minhashSignature with fewer slots', () => {
  it('computes exactly the first slots of the full signature', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(), { maxLength: 300 }), fc.integer({ min: 1, max: 128 }), (values, slots) => {
        const shingles = Uint32Array.from(values);
        expect([...minhashSignature(shingles, 128, slots)]).toEqual([...minhashSignature(shingles, 128).subarray(0, slots)]);
      }),
      { numRuns: 200 },
    );
  });
});
