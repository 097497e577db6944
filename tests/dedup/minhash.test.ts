import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fmix32 } from '../../src/dedup/hash.js';
import {
  EMPTY_SLOT, MERSENNE_31, estimateJaccard, minhashSignature, permutations, reduceMersenne31, universalHash,
} from '../../src/dedup/minhash.js';

const P = BigInt(MERSENNE_31);

describe('universalHash', () => {
  it('equals (a·x + b) mod (2^31 − 1) computed with BigInt', () => {
    const field = fc.integer({ min: 0, max: MERSENNE_31 - 1 });
    fc.assert(
      fc.property(field, field, field, (a, x, b) => {
        expect(universalHash(a, x, b)).toBe(Number((BigInt(a) * BigInt(x) + BigInt(b)) % P));
      }),
      { numRuns: 2000 },
    );
    const top = MERSENNE_31 - 1;
    expect(universalHash(top, top, top)).toBe(Number((BigInt(top) * BigInt(top) + BigInt(top)) % P));
  });
  it('reduces any 32-bit value modulo 2^31 − 1', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (x) => {
      expect(reduceMersenne31(x)).toBe(x % MERSENNE_31);
    }));
  });
});

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
  it('uses parameters in range', () => {
    const { a, b } = permutations(128);
    for (let i = 0; i < 128; i++) {
      expect(a[i]).toBeGreaterThanOrEqual(1);
      expect(a[i]).toBeLessThan(MERSENNE_31);
      expect(b[i]).toBeLessThan(MERSENNE_31);
    }
    expect(new Set(a).size).toBe(128);
  });
});

describe('minhashSignature values', () => {
  it('are, slot by slot, the minimum of (a·x + b) mod (2^31 − 1) computed with BigInt', () => {
    // 18: four slots per pass, then two alone.
    const { a, b } = permutations(18);
    const edges = [0, 1, 0xffff, 0x10000, MERSENNE_31 - 1, MERSENNE_31, 0x80000000, 0xffffffff];
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(fc.constantFrom(...edges), fc.integer({ min: 0, max: 0xffffffff })), { minLength: 1, maxLength: 40 }), (values) => {
        const expected = Array.from({ length: 18 }, (_, i) => {
          let min = P;
          for (const v of values) {
            const h = (BigInt(a[i]) * (BigInt(v) % P) + BigInt(b[i])) % P;
            if (h < min) min = h;
          }
          return Number(min);
        });
        expect([...minhashSignature(Uint32Array.from(values), 18)]).toEqual(expected);
      }),
      { numRuns: 500 },
    );
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
