import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { murmur3, murmur3Words } from '../../src/dedup/hash.js';

/** Straightforward byte-wise murmur3_32 reference, written from the published algorithm. */
function reference(bytes: Uint8Array, seed: number): number {
  let h = seed >>> 0;
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  const blocks = bytes.length >> 2;
  for (let i = 0; i < blocks; i++) {
    let k = bytes[4 * i] | (bytes[4 * i + 1] << 8) | (bytes[4 * i + 2] << 16) | (bytes[4 * i + 3] << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  const tail = blocks * 4;
  switch (bytes.length & 3) {
    case 3: k ^= bytes[tail + 2] << 16; // falls through
    case 2: k ^= bytes[tail + 1] << 8; // falls through
    case 1:
      k ^= bytes[tail];
      k = Math.imul(k, c1);
      k = (k << 15) | (k >>> 17);
      k = Math.imul(k, c2);
      h ^= k;
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

describe('murmur3', () => {
  it('matches published MurmurHash3_x86_32 test vectors', () => {
    expect(murmur3('', 0)).toBe(0);
    expect(murmur3('', 1)).toBe(0x514e28b7);
    expect(murmur3('hello', 0)).toBe(0x248bfa47);
    expect(murmur3('abc', 0)).toBe(0xb3dd93fa);
    expect(murmur3('aaaa', 0x9747b28c)).toBe(0x5a97808a);
    expect(murmur3('Hello, world!', 0x9747b28c)).toBe(0x24884cba);
    expect(murmur3('The quick brown fox jumps over the lazy dog', 0x9747b28c)).toBe(0x2fa826cd);
  });
  it('equals the byte-wise reference on the UTF-8 encoding of any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 0, max: 0xffffffff }), (s, seed) => {
        expect(murmur3(s, seed)).toBe(reference(new TextEncoder().encode(s), seed));
      }),
      { numRuns: 500 },
    );
  });
  it('hashes a range of a string as the same substring alone (a pair cut by the range end is a lone surrogate)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(), fc.nat(), (s, a, b) => {
        const [start, end] = [a % (s.length + 1), b % (s.length + 1)].sort((x, y) => x - y);
        expect(murmur3(s, 7, start, end)).toBe(murmur3(s.slice(start, end), 7));
      }),
      { numRuns: 500 },
    );
  });
  it('spreads similar words over the 32-bit range', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 10000; i++) seen.add(murmur3(`word${i}`) >>> 20);
    // 10,000 uniform draws into 4,096 buckets fill 4096·(1 − e^(−10000/4096)) ≈ 3,740 of them (sd ≈ 17)
    const expected = 4096 * (1 - Math.exp(-10000 / 4096));
    expect(Math.abs(seen.size - expected)).toBeLessThan(80);
  });
});

describe('murmur3Words', () => {
  it('depends on every word and on their order', () => {
    const w = new Uint32Array([1, 2, 3, 4]);
    const base = murmur3Words(w, 0, 3);
    expect(murmur3Words(new Uint32Array([1, 2, 9, 4]), 0, 3)).not.toBe(base);
    expect(murmur3Words(new Uint32Array([2, 1, 3, 4]), 0, 3)).not.toBe(base);
    expect(murmur3Words(new Uint32Array([7, 1, 2, 3]), 1, 3)).toBe(base);
  });
});
