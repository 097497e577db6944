/**
 * Near-duplicate detection, pure: `signDocument` turns a cleaned document into a compact signature
 * (no text kept), `findDuplicates` clusters signatures, `compareSignatures` explains one pair.
 */
import { foldText, shingleHashes, wordCodes, wordHashes } from './fingerprint.js';
import { minhashSignature } from './minhash.js';
import { candidatePairsByKey, chooseBanding, type Banding } from './lsh.js';
import { SignatureTable, type SignatureFields } from './table.js';
import { editSimilarity, sampledOverlap } from './verify.js';
import { UnionFind, splitAroundRepresentatives } from './cluster.js';

export { foldText, wordTokens, shingleHashes, wordCodes } from './fingerprint.js';
export { murmur3 } from './hash.js';
export { minhashSignature, estimateJaccard } from './minhash.js';
export { candidateProbability, chooseBanding, type Banding } from './lsh.js';
export { overlap, sampledOverlap, editSimilarity } from './verify.js';
export { compareCompleteness } from './cluster.js';
export { SignatureTable, type SignatureFields } from './table.js';

export interface DedupOptions {
  /** Minimum similarity (of `measure`) for two documents to be duplicates. */
  threshold: number;
  /** `containment`: share of the shorter copy's shingles found in the longer; `jaccard`: of the union. */
  measure: 'jaccard' | 'containment';
  /** MinHash permutations (signature length). */
  numPerm: number;
  /** Words per shingle. */
  shingleSize: number;
  /** Jaccard the LSH banding is tuned for; by default derived from `threshold` and `measure`. */
  candidateJaccard?: number;
  /** Explicit banding (bands × rows ≤ numPerm); by default chosen for `candidateJaccard`. */
  banding?: Banding;
  /**
   * Shortest copy, as a share of the longer one's shingles, that can still be a duplicate: a short text
   * fully contained in a long one is a quotation or a shared stock passage, not a republication.
   */
  minLengthRatio?: number;
}

// Measured on dupes-dev with the crude stand-in cleaner of scripts/eval-dedup.mjs (pairwise F1):
export const DEFAULT_DEDUP_OPTIONS: DedupOptions = {
  /** F1 0.973 flat for 0.50–0.60, 0.943 at 0.70; true pairs' containment p05 0.67, different articles ≤ 0.49 bar cleaner leftovers. */
  threshold: 0.6,
  /** Truncated true copies have Jaccard down to 0.29 (p05 0.37) with containment ≥ 0.65: Jaccard 0.6 would lose them. */
  measure: 'containment',
  /** F1 identical at 64/128/256; 128 gives the steadier banding (lowest true-pair candidate chance 0.955 vs 0.942 at 64). */
  numPerm: 128,
  /** F1 at t=0.6: n=3 0.977, 4 0.982, 5 0.973, 6 0.973, 7 0.963; 5 keeps the widest threshold plateau. */
  shingleSize: 5,
  /** Lowest true-pair shingle-count ratio on dupes-dev is 0.36; 0.3 rejects 2 of 3 stock-passage pairs (ratios 0.24, 0.06). */
  minLengthRatio: 0.3,
};

/** What dedup keeps per document: typed arrays, strings and numbers only (structured-clone friendly). */
export interface DocSignature {
  id: string;
  /** MinHash of the shingle set (`numPerm` values). */
  minhash: Uint32Array;
  /** Sorted unique shingle hashes: all of them, or the smallest `shingleCount`-sample of them (see compactSignature). */
  shingles: Uint32Array;
  /** Number of distinct shingles of the body (`shingles.length` unless `shingles` is a sample). */
  shingleCount?: number;
  /** One UTF-16 code unit per word, for the edit similarity. */
  wordCodes: string;
  /** Body length in characters (prefers the longer copy as representative). */
  length: number;
  /** Body length in words. */
  words: number;
  hasTitle: boolean;
  hasSite: boolean;
  hasDate: boolean;
}

export interface DocumentToSign {
  id: string;
  text: string;
  title: string | null;
  site: string | null;
  date: string | null;
}

const present = (s: string | null): boolean => s !== null && s.trim() !== '';

/**
 * The signature of a document. `minhashSlots` and `codeWords` compute only the first MinHash slots and word codes
 * (the same values as the full signature's first ones), for a caller that keeps no more.
 */
export function signDocument(doc: DocumentToSign, options: DedupOptions, minhashSlots = options.numPerm, codeWords = Infinity): DocSignature {
  const hashes = wordHashes(foldText(doc.text));
  const shingles = shingleHashes(hashes, options.shingleSize);
  return {
    id: doc.id,
    minhash: minhashSignature(shingles, options.numPerm, minhashSlots),
    shingles,
    wordCodes: wordCodes(hashes.length > codeWords ? hashes.subarray(0, codeWords) : hashes),
    length: doc.text.trim().length,
    words: hashes.length,
    hasTitle: present(doc.title),
    hasSite: present(doc.site),
    hasDate: present(doc.date),
  };
}

export interface PairSimilarity {
  jaccard: number;
  containment: number;
  edit: number;
  similarity: number;
  duplicate: boolean;
}

function measureOf(o: { jaccard: number; containment: number }, options: DedupOptions): number {
  return options.measure === 'jaccard' ? o.jaccard : o.containment;
}

/** What verification reads of a signature. */
type Sample = Pick<DocSignature, 'shingles' | 'shingleCount'>;

/** Overlap-only verdict: what clustering needs (the edit distance is computed for kept members only). */
function verifyPair(a: Sample, b: Sample, options: DedupOptions) {
  const o = sampledOverlap(a.shingles, shingleCount(a), b.shingles, shingleCount(b));
  const similarity = measureOf(o, options);
  const ratio = lengthRatio(a, b);
  return { ...o, similarity, duplicate: similarity >= options.threshold && ratio >= (options.minLengthRatio ?? 0) };
}

/** min/max of the two shingle counts (0 when either is empty). */
export function lengthRatio(a: Sample, b: Sample): number {
  const longer = Math.max(shingleCount(a), shingleCount(b));
  return longer === 0 ? 0 : Math.min(shingleCount(a), shingleCount(b)) / longer;
}

const shingleCount = (s: Sample): number => s.shingleCount ?? s.shingles.length;

/** MinHash slots the banding reads, per options (chooseBanding takes ~40 ms: computed once, not per document). */
const slotsCache = new Map<string, number>();
function lshSlots(options: DedupOptions): number {
  const key = `${options.numPerm}/${options.measure}/${options.threshold}/${options.candidateJaccard}/${options.banding?.bands}x${options.banding?.rows}`;
  let slots = slotsCache.get(key);
  if (slots === undefined) {
    const { bands, rows } = bandingFor(options);
    slots = bands * rows;
    slotsCache.set(key, slots);
  }
  return slots;
}

/** Sizes of the compact fingerprint kept per document at corpus scale (see compactSignature). */
export interface CompactOptions {
  /** Smallest shingle hashes kept: verification estimates overlap from them (exact for bodies with fewer). */
  sampleShingles: number;
  /** Words of `wordCodes` kept for the reported edit similarity (verification never reads it). */
  editWords: number;
}

/**
 * Measured on the 1M generated corpus: a full signature costs ~3.8 KB per document (1,3 KB shingles, 0,7 KB word
 * codes, 0,5 KB MinHash), 3.8 GB at a million documents. 128 sampled shingles give containment within ±0.05
 * (1σ ≈ 0.04 at 0.6); F1 on dupes-dev and the generated corpora is checked by `npm run bench` / eval-dedup.
 */
export const DEFAULT_COMPACT_OPTIONS: CompactOptions = { sampleShingles: 128, editWords: 128 };

/**
 * What findDuplicates needs of a signature at corpus scale: the MinHash slots the banding reads (bands × rows of
 * `numPerm`), a bottom-k sample of the shingles with their count, and the first words' codes.
 */
export function compactSignature(s: DocSignature, options: DedupOptions, compact: CompactOptions = DEFAULT_COMPACT_OPTIONS): DocSignature {
  return {
    ...s,
    minhash: s.minhash.slice(0, lshSlots(options)),
    shingles: s.shingles.length > compact.sampleShingles ? s.shingles.slice(0, compact.sampleShingles) : s.shingles,
    shingleCount: shingleCount(s),
    wordCodes: s.wordCodes.slice(0, compact.editWords),
  };
}

/** The compact signature of a document (compactSignature of signDocument), computing only the MinHash slots and word codes it keeps. */
export function signCompact(doc: DocumentToSign, options: DedupOptions): DocSignature {
  return compactSignature(signDocument(doc, options, lshSlots(options), DEFAULT_COMPACT_OPTIONS.editWords), options);
}

/** Every similarity of one pair, and the verdict `findDuplicates` would give it. */
export function compareSignatures(a: DocSignature, b: DocSignature, options: DedupOptions): PairSimilarity {
  const v = verifyPair(a, b, options);
  return {
    jaccard: v.jaccard,
    containment: v.containment,
    edit: editSimilarity(a.wordCodes, b.wordCodes),
    similarity: v.similarity,
    duplicate: v.duplicate,
  };
}

/**
 * Jaccard of two copies whose containment is exactly `containment` when the shorter has `lengthRatio`
 * of the longer's shingles: c·ρ / (1 + ρ − c·ρ). The LSH must catch at least these.
 */
export function jaccardAtContainment(containment: number, lengthRatio: number): number {
  return (containment * lengthRatio) / (1 + lengthRatio - containment * lengthRatio);
}

/** Shortest copy (share of the longer) the banding aims at: 0.5 → expected candidate recall 0.9994 on dupes-dev true pairs (0.992 at 0.7). */
const CANDIDATE_LENGTH_RATIO = 0.5;

/** The Jaccard value the banding is tuned for. */
export function candidateJaccard(options: DedupOptions): number {
  if (options.candidateJaccard !== undefined) return options.candidateJaccard;
  if (options.measure === 'jaccard') return options.threshold;
  return jaccardAtContainment(options.threshold, CANDIDATE_LENGTH_RATIO);
}

/** Weight of missed pairs against false candidates when choosing the banding (verification removes false ones cheaply). */
const BANDING_RECALL_WEIGHT = 0.8;

/** Bandings chosen so far, by candidate threshold and permutations: the search takes milliseconds, and the clean
 *  workers ask once per batch. */
const chosenBandings = new Map<string, Banding>();

export function bandingFor(options: DedupOptions): Banding {
  if (options.banding) return options.banding;
  const threshold = candidateJaccard(options);
  const key = `${threshold}/${options.numPerm}`;
  let banding = chosenBandings.get(key);
  if (!banding) chosenBandings.set(key, (banding = chooseBanding(threshold, options.numPerm, BANDING_RECALL_WEIGHT)));
  return banding;
}

export interface ClusterMember {
  id: string;
  similarity: number;
  jaccard: number;
  containment: number;
  edit: number;
}

export interface Cluster {
  /** Id of the representative (the copy to keep). */
  kept: string;
  /** The representative first (similarity 1), then by similarity to it descending, then id. */
  members: ClusterMember[];
}

export interface DedupResult {
  clusters: Cluster[];
  /** Pairs sharing an LSH band. */
  candidatePairs: number;
  /** Candidate pairs that passed verification. */
  verifiedPairs: number;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Clusters as positions in a SignatureTable, each with its representative first, and the pair counts. */
export interface ClusterPlan {
  clusters: number[][];
  /** Pairs sharing an LSH band. */
  candidatePairs: number;
  /** Candidate pairs that passed verification. */
  verifiedPairs: number;
}

/** verifyPair on two positions of a table. */
function verifyAt(table: SignatureTable, a: number, b: number, options: DedupOptions) {
  return verifyPair({ shingles: table.shingles(a), shingleCount: table.shingleCount(a) }, { shingles: table.shingles(b), shingleCount: table.shingleCount(b) }, options);
}

/**
 * The clusters of a table's documents (sorted by id, see SignatureTable.sortById): candidates from the band
 * keys, verified pairs joined by union-find, each group split around representatives it can trust.
 */
export function planClusters(table: SignatureTable, options: DedupOptions): ClusterPlan {
  const pairs = candidatePairsByKey(table.size, table.banding.bands, (k, band) => table.bandKey(k, band));
  const unionFind = new UnionFind(table.size);
  const verified = new Set<string>();
  let verifiedPairs = 0;
  for (let p = 0; p < pairs.length; p += 2) {
    const i = pairs[p];
    const j = pairs[p + 1];
    if (!verifyAt(table, i, j, options).duplicate) continue;
    verifiedPairs++;
    verified.add(`${i},${j}`);
    unionFind.union(i, j);
  }
  const isDuplicate = (x: number, y: number): boolean => verified.has(x < y ? `${x},${y}` : `${y},${x}`) || verifyAt(table, x, y, options).duplicate;

  const clusters: number[][] = [];
  for (const group of unionFind.groups()) {
    const docs = group.map((k) => table.completeness(k));
    const local = group.map((_, i) => i);
    for (const indexes of splitAroundRepresentatives(local, docs, (x, y) => isDuplicate(group[x], group[y]))) clusters.push(indexes.map((i) => group[i]));
  }
  return { clusters, candidatePairs: pairs.length / 2, verifiedPairs };
}

/**
 * The (representative, copy) pairs of a plan whose edit similarity its clusters report, as plan positions: each
 * cluster's copies in plan order (the order describeClusters reads its `edits` in).
 */
export function editPairs(plan: readonly number[][]): Array<[rep: number, copy: number]> {
  return plan.flatMap(([rep, ...rest]) => rest.map((m): [number, number] => [rep, m]));
}

/**
 * The clusters of a plan with every member's similarities to its representative; `edits` holds the word-level
 * edit similarity of each pair of editPairs(plan), in that order (computed apart: it is the one similarity that
 * needs the word codes, read back for the clusters' members only).
 */
export function describeClusters(table: SignatureTable, plan: readonly number[][], edits: ArrayLike<number>, options: DedupOptions): Cluster[] {
  const clusters: Cluster[] = [];
  let pair = 0;
  for (const [rep, ...rest] of plan) {
    const repId = table.id(rep);
    const members: ClusterMember[] = rest.map((m) => {
      const v = verifyAt(table, rep, m, options);
      return { id: table.id(m), similarity: v.similarity, jaccard: v.jaccard, containment: v.containment, edit: edits[pair++] };
    });
    members.sort((a, b) => b.similarity - a.similarity || byId(a.id, b.id));
    members.unshift({ id: repId, similarity: 1, jaccard: 1, containment: 1, edit: 1 });
    clusters.push({ kept: repId, members });
  }
  return clusters.sort((a, b) => byId(a.kept, b.kept));
}

/** An empty table banded for `options` (add signatures, then sortById), with room for `expectedRows` compact signatures. */
export function emptySignatureTable(options: DedupOptions, expectedRows = 0): SignatureTable {
  const banding = bandingFor(options);
  if (banding.bands * banding.rows > options.numPerm) throw new RangeError('bands × rows exceeds numPerm');
  return new SignatureTable(banding, { rows: expectedRows, shinglesPerRow: DEFAULT_COMPACT_OPTIONS.sampleShingles });
}

/** A table of the signatures' band keys, shingle samples and completeness, sorted by id. */
export function signatureTable(signatures: Iterable<SignatureFields>, options: DedupOptions): SignatureTable {
  const table = emptySignatureTable(options);
  for (const s of signatures) table.add(s);
  table.sortById();
  return table;
}

export function findDuplicates(signatures: DocSignature[], options: DedupOptions): DedupResult {
  const table = signatureTable(signatures, options);
  const plan = planClusters(table, options);
  const codes = (k: number): string => signatures[table.row(k)].wordCodes;
  const edits = editPairs(plan.clusters).map(([rep, copy]) => editSimilarity(codes(rep), codes(copy)));
  const clusters = describeClusters(table, plan.clusters, edits, options);
  return { clusters, candidatePairs: plan.candidatePairs, verifiedPairs: plan.verifiedPairs };
}
