/**
 * Exact similarity of two documents from their fingerprints: set overlap of the shingle hashes and
 * a word-level edit similarity.
 */
import levenshtein from 'fast-levenshtein';

/** |A ∩ B| of two sorted, repeat-free arrays, by merge. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

export interface Overlap {
  /** |A ∩ B| / |A ∪ B|. */
  jaccard: number;
  /** |A ∩ B| / min(|A|, |B|): the share of the shorter copy found in the longer one. */
  containment: number;
  /** |A ∩ B|. */
  shared: number;
}

/** Jaccard and containment of two sorted shingle-hash sets (0 when either is empty). */
export function overlap(a: Uint32Array, b: Uint32Array): Overlap {
  if (a.length === 0 || b.length === 0) return { jaccard: 0, containment: 0, shared: 0 };
  const shared = intersectionSize(a, b);
  return {
    jaccard: shared / (a.length + b.length - shared),
    containment: shared / Math.min(a.length, b.length),
    shared,
  };
}

/**
 * Overlap from bottom-k samples: `a` and `b` hold the smallest hashes of sets of `countA` and `countB` shingles
 * (the whole set when the count equals the length). Both samples are cut at τ, the smaller of their largest
 * sampled hashes, so each is exactly its set's shingles hashing below τ: a uniform sample of the same hash range,
 * whose overlap estimates the sets' (exact when neither was cut). Containment is over the smaller set's sample.
 */
export function sampledOverlap(a: Uint32Array, countA: number, b: Uint32Array, countB: number): Overlap {
  if (a.length === 0 || b.length === 0) return { jaccard: 0, containment: 0, shared: 0 };
  const tauA = countA > a.length ? a[a.length - 1] : Infinity;
  const tauB = countB > b.length ? b[b.length - 1] : Infinity;
  if (tauA === Infinity && tauB === Infinity) return overlap(a, b);
  const tau = Math.min(tauA, tauB);
  const cut = (s: Uint32Array): Uint32Array => {
    let n = s.length;
    while (n > 0 && s[n - 1] > tau) n--;
    return n === s.length ? s : s.subarray(0, n);
  };
  const sa = cut(a);
  const sb = cut(b);
  if (sa.length === 0 || sb.length === 0) return { jaccard: 0, containment: 0, shared: 0 };
  const shared = intersectionSize(sa, sb);
  const smaller = countA <= countB ? sa : sb;
  return {
    jaccard: shared / (sa.length + sb.length - shared),
    containment: smaller.length === 0 ? 0 : Math.min(1, shared / smaller.length),
    shared,
  };
}

/**
 * Word codes beyond this length are cut before the edit distance: Levenshtein is O(n·m), and the
 * first 5,000 words (far more than a news article) say enough about two copies.
 */
export const MAX_EDIT_WORDS = 5000;

/**
 * 1 − Levenshtein(a, b) / max(|a|, |b|) over one-char-per-word codes: a word-level edit similarity.
 * The distance is at least the length difference, so the similarity is at most min/max length;
 * when that bound is already below `floor` the distance is not computed and the bound is returned
 * (it is an upper bound then, enough to reject the pair against `floor`).
 */
export function editSimilarity(a: string, b: string, floor = 0): number {
  if (a.length > MAX_EDIT_WORDS) a = a.slice(0, MAX_EDIT_WORDS);
  if (b.length > MAX_EDIT_WORDS) b = b.slice(0, MAX_EDIT_WORDS);
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const bound = Math.min(a.length, b.length) / longer;
  if (bound < floor) return bound;
  return 1 - levenshtein.get(a, b) / longer;
}
