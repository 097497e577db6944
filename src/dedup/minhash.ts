/**
 * MinHash signatures: for each of `numPerm` universal hash functions h(x) = (a·x + b) mod p over the
 * shingle hashes, the minimum value. p = 2^31 − 1 (a Mersenne prime), so reductions are a shift-and-add
 * and every intermediate product stays below 2^53 (exact in a double) without BigInt.
 */

/** The Mersenne prime 2^31 − 1. */
export const MERSENNE_31 = 0x7fffffff;
const TWO_31 = 2147483648;
/** 2^-31: multiplying by it is exact (a power of two) and faster than dividing by 2^31. */
const INV_TWO_31 = 1 / TWO_31;
/** Signature value of an empty document: larger than any (a·x + b) mod p. */
export const EMPTY_SLOT = 0xffffffff;
/** Seed of the permutation parameters: fixed so signatures from different runs and workers agree. */
const PERMUTATION_SEED = 0x9e3779b9;

export interface Permutations {
  a: Float64Array;
  b: Float64Array;
  /** a · 2^16 mod p: a·x ≡ a16·(x >>> 16) + a·(x & 0xffff), a sum below 2^48 that one reduction brings into range. */
  a16: Float64Array;
}

const cache = new Map<number, Permutations>();

/** splitmix32: a small, well-mixed deterministic generator for the permutation parameters. */
function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** The `numPerm` hash functions: a in [1, p), b in [0, p). Deterministic. */
export function permutations(numPerm: number): Permutations {
  let perms = cache.get(numPerm);
  if (!perms) {
    const next = splitmix32(PERMUTATION_SEED);
    const a = new Float64Array(numPerm);
    const b = new Float64Array(numPerm);
    for (let i = 0; i < numPerm; i++) {
      a[i] = 1 + (next() % (MERSENNE_31 - 1));
      b[i] = next() % MERSENNE_31;
    }
    perms = { a, b, a16: a.map((ai) => universalHash(ai, 65536, 0)) };
    cache.set(numPerm, perms);
  }
  return perms;
}

/** x mod (2^31 − 1) for 0 ≤ x < 2^32. */
export function reduceMersenne31(x: number): number {
  const r = (x & MERSENNE_31) + (x >>> 31);
  return r >= MERSENNE_31 ? r - MERSENNE_31 : r;
}

/** (a·x + b) mod (2^31 − 1) for a, x, b in [0, p), exact, in double arithmetic. */
export function universalHash(a: number, x: number, b: number): number {
  let t = a * (x >>> 16); // < 2^46
  let q = Math.floor(t / TWO_31);
  t = t - q * TWO_31 + q; // ≡ a·xHigh, < 2^31 + 2^15
  let u = t * 65536 + a * (x & 0xffff) + b; // < 2^49
  q = Math.floor(u / TWO_31);
  u = u - q * TWO_31 + q; // < 2^31 + 2^18
  return u >= MERSENNE_31 ? u - MERSENNE_31 : u;
}

/**
 * (a·x + b) mod p from a16·(x >>> 16) + a·(x & 0xffff) + b, a sum below 2^48 (exact in a double): one Mersenne
 * reduction, where universalHash needs two. MinHash is numPerm × shingles of these: most of signing's time.
 */
function reduceSum(u: number): number {
  const q = Math.floor(u * INV_TWO_31);
  u = u - q * TWO_31 + q; // < 2^31 + 2^17
  if (u >= MERSENNE_31) u -= MERSENNE_31;
  return u;
}

/**
 * MinHash signature of a set of shingle hashes (all slots EMPTY_SLOT for an empty set). `slots` < numPerm
 * computes only the first slots of the numPerm-signature (the same values): the LSH bands read no more.
 */
export function minhashSignature(shingles: Uint32Array, numPerm: number, slots = numPerm): Uint32Array {
  const { a, b, a16 } = permutations(numPerm);
  const sig = new Uint32Array(Math.min(slots, numPerm)).fill(EMPTY_SLOT);
  const n = shingles.length;
  if (n === 0) return sig;
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const x = reduceMersenne31(shingles[j]);
    high[j] = x >>> 16;
    low[j] = x & 0xffff;
  }
  let i = 0;
  // Four permutations per pass over the shingles: four independent chains of minima keep the floating-point
  // units busy where one chain waits on itself (MinHash 25% faster). The last few slots go one at a time.
  for (; i + 4 <= sig.length; i += 4) {
    const a0 = a[i], a1 = a[i + 1], a2 = a[i + 2], a3 = a[i + 3];
    const h0 = a16[i], h1 = a16[i + 1], h2 = a16[i + 2], h3 = a16[i + 3];
    const b0 = b[i], b1 = b[i + 1], b2 = b[i + 2], b3 = b[i + 3];
    let m0 = Infinity, m1 = Infinity, m2 = Infinity, m3 = Infinity;
    for (let j = 0; j < n; j++) {
      const x = high[j];
      const y = low[j];
      const s0 = h0 * x + a0 * y + b0;
      const s1 = h1 * x + a1 * y + b1;
      const s2 = h2 * x + a2 * y + b2;
      const s3 = h3 * x + a3 * y + b3;
      m0 = Math.min(m0, reduceSum(s0));
      m1 = Math.min(m1, reduceSum(s1));
      m2 = Math.min(m2, reduceSum(s2));
      m3 = Math.min(m3, reduceSum(s3));
    }
    sig[i] = m0;
    sig[i + 1] = m1;
    sig[i + 2] = m2;
    sig[i + 3] = m3;
  }
  for (; i < sig.length; i++) {
    const ai = a[i], hi = a16[i], bi = b[i];
    let min = Infinity;
    for (let j = 0; j < n; j++) {
      min = Math.min(min, reduceSum(hi * high[j] + ai * low[j] + bi));
    }
    sig[i] = min;
  }
  return sig;
}

/** Share of equal slots: the MinHash estimate of the Jaccard similarity of the two sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError('signatures of different lengths');
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}
