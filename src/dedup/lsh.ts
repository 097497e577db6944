/**
 * Locality-sensitive hashing by banding: a signature of b·r slots is cut into b bands of r rows; two
 * documents become a candidate pair when any band is equal. Probability for Jaccard s:
 * 1 − (1 − s^r)^b, an S-curve whose steep part sits near (1/b)^(1/r).
 */
import { fmix32, murmur3Words } from './hash.js';

export interface Banding {
  bands: number;
  rows: number;
}

/** Chance that two documents of Jaccard `s` share at least one band. */
export function candidateProbability(s: number, { bands, rows }: Banding): number {
  return 1 - Math.pow(1 - Math.pow(s, rows), bands);
}

/** Steps of the numeric integration of the S-curve. */
const INTEGRATION_STEPS = 200;

function integrate(f: (s: number) => number, from: number, to: number): number {
  if (to <= from) return 0;
  const h = (to - from) / INTEGRATION_STEPS;
  let sum = 0;
  for (let i = 0; i < INTEGRATION_STEPS; i++) sum += f(from + (i + 0.5) * h);
  return sum * h;
}

/**
 * The banding (b·r ≤ numPerm) minimising `fpWeight`·(area under the S-curve below `threshold`) +
 * `fnWeight`·(area above it missed), as in datasketch's MinHashLSH. Recall is weighted up because
 * every candidate is verified exactly afterwards: a false candidate costs a merge, a missed one is lost.
 */
export function chooseBanding(threshold: number, numPerm: number, fnWeight = 0.5): Banding {
  const fpWeight = 1 - fnWeight;
  let best: Banding = { bands: numPerm, rows: 1 };
  let bestError = Infinity;
  for (let bands = 1; bands <= numPerm; bands++) {
    const maxRows = Math.floor(numPerm / bands);
    for (let rows = 1; rows <= maxRows; rows++) {
      const banding = { bands, rows };
      const fp = integrate((s) => candidateProbability(s, banding), 0, threshold);
      const fn = integrate((s) => 1 - candidateProbability(s, banding), threshold, 1);
      const error = fpWeight * fp + fnWeight * fn;
      if (error < bestError - 1e-12) {
        bestError = error;
        best = banding;
      }
    }
  }
  return best;
}

/** One key per band: a hash of the band's rows, mixed with the band number so bands never collide. */
export function bandKeys(minhash: Uint32Array, { bands, rows }: Banding): Uint32Array {
  const keys = new Uint32Array(bands);
  for (let band = 0; band < bands; band++) keys[band] = murmur3Words(minhash, band * rows, rows, fmix32(band + 1));
  return keys;
}

/**
 * A bucket larger than this links its members to the bucket's first member only, instead of every
 * pair: a block of thousands of identical bodies would otherwise give millions of candidates.
 * Exact copies all match the first member anyway; verification still checks each link.
 */
export const MAX_BUCKET_PAIRS_SIZE = 64;

/** Growable list of pair keys i·n + j (exact in a double up to n ≈ 9·10^7 documents). */
class PairKeys {
  private keys = new Float64Array(1024);
  length = 0;
  push(key: number): void {
    if (this.length === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.length++] = key;
  }
  /** Sorted keys, repeats dropped. A typed-array sort, so no Set size limit (2^24) at corpus scale. */
  sortedUnique(): Float64Array {
    const keys = this.keys.subarray(0, this.length).sort();
    let w = 0;
    for (let i = 0; i < keys.length; i++) if (w === 0 || keys[i] !== keys[w - 1]) keys[w++] = keys[i];
    return keys.subarray(0, w);
  }
}

/**
 * Documents grouped by one band's key without a Map: an open-addressing table (key → last document with it)
 * and a chain per document to the previous one with the same key, all typed arrays reused for every band. A
 * Map of arrays per band allocated ~60 bytes per document and band, and its garbage grew a million-document
 * run's heap by gigabytes.
 */
export class BandBuckets {
  private slotKey: Uint32Array;
  private slotLast: Int32Array;
  readonly previous: Int32Array;
  private readonly mask: number;

  constructor(readonly size: number) {
    let slots = 1;
    while (slots < size * 2) slots *= 2; // load ≤ 1/2: short probes
    this.slotKey = new Uint32Array(slots);
    this.slotLast = new Int32Array(slots);
    this.previous = new Int32Array(size);
    this.mask = slots - 1;
  }

  /** Groups documents 0..n−1 by `keyOf(i)`, skipping those for which `keyOf` returns -1. */
  fill(n: number, keyOf: (i: number) => number): void {
    this.slotLast.fill(-1);
    for (let i = 0; i < n; i++) {
      const key = keyOf(i);
      if (key < 0) {
        this.previous[i] = -1;
        continue;
      }
      let slot = Math.imul(key ^ (key >>> 16), 0x45d9f3b) & this.mask;
      while (this.slotLast[slot] >= 0 && this.slotKey[slot] !== key) slot = (slot + 1) & this.mask;
      this.previous[i] = this.slotLast[slot];
      this.slotKey[slot] = key;
      this.slotLast[slot] = i;
    }
  }

  /** The last document of each group, in table order; walk a group with `previous` (descending indexes). */
  *lasts(): Generator<number> {
    for (let slot = 0; slot < this.slotLast.length; slot++) if (this.slotLast[slot] >= 0) yield this.slotLast[slot];
  }
}

/**
 * Candidate pairs [i, j] (i < j, indexes into `minhashes`) sharing at least one band, each once,
 * sorted, flattened as [i0, j0, i1, j1, …]. `null` entries (empty documents) never become candidates.
 */
export function candidatePairs(minhashes: readonly (Uint32Array | null)[], banding: Banding): Uint32Array {
  const n = minhashes.length;
  const { bands } = banding;
  // Every document's band keys in one array (one typed array per document cost ~200 bytes of overhead each).
  const keys = new Uint32Array(n * bands);
  const present = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const m = minhashes[i];
    if (!m) continue;
    keys.set(bandKeys(m, banding), i * bands);
    present[i] = 1;
  }
  return candidatePairsByKey(n, bands, (i, band) => (present[i] ? keys[i * bands + band] : -1));
}

/**
 * candidatePairs over band keys given by `keyOf(i, band)` for documents 0..n−1 (−1: the document is in no
 * bucket), for callers that hold keys rather than MinHash arrays (see SignatureTable).
 */
export function candidatePairsByKey(n: number, bands: number, keyOf: (i: number, band: number) => number): Uint32Array {
  const pairs = new PairKeys();
  const buckets = new BandBuckets(n);
  let members = new Int32Array(64);
  for (let band = 0; band < bands; band++) {
    buckets.fill(n, (i) => keyOf(i, band));
    for (const last of buckets.lasts()) {
      if (buckets.previous[last] < 0) continue; // a bucket of one
      // The chain runs from the highest index down; members in index order, as a bucket was filled before.
      let size = 0;
      for (let i = last; i >= 0; i = buckets.previous[i]) {
        if (size === members.length) {
          const grown = new Int32Array(size * 2);
          grown.set(members);
          members = grown;
        }
        members[size++] = i;
      }
      members.subarray(0, size).reverse();
      if (size > MAX_BUCKET_PAIRS_SIZE) {
        for (let y = 1; y < size; y++) pairs.push(members[0] * n + members[y]);
        continue;
      }
      for (let x = 0; x < size; x++) for (let y = x + 1; y < size; y++) pairs.push(members[x] * n + members[y]);
    }
  }
  const unique = pairs.sortedUnique();
  const out = new Uint32Array(unique.length * 2);
  for (let p = 0; p < unique.length; p++) {
    const i = Math.floor(unique[p] / n);
    out[2 * p] = i;
    out[2 * p + 1] = unique[p] - i * n;
  }
  return out;
}
