/**
 * Why two documents are or are not near-duplicates, pure: the similarities and verdict deduplication
 * computes for the pair, and an alignment of their paragraphs showing what is shared and what only one has.
 */
import { addToCorpusStats, cleanDocument, createCorpusStats, type CorpusStats } from './clean/index.js';
import type { OutputRecord } from './types.js';
import { compareSignatures, DEFAULT_DEDUP_OPTIONS, foldText, lengthRatio, signCompact, wordTokens, type DedupOptions } from './dedup/index.js';

/** A cleaned document, as `corpus clean` writes it (only what explaining needs). */
export type CleanedDocument = Pick<OutputRecord, 'id' | 'text' | 'title' | 'site' | 'date' | 'lang'>;

/** How one row of the side-by-side relates the two documents. */
export type AlignmentKind = 'same' | 'changed' | 'onlyA' | 'onlyB';

export interface AlignedRow {
  kind: AlignmentKind;
  /** Paragraph of A (absent for `onlyB`). */
  a?: string;
  /** Paragraph of B (absent for `onlyA`). */
  b?: string;
  /** Index of B's paragraph, to show paragraphs that moved. */
  bIndex?: number;
  /** Shingle overlap of the two paragraphs (share of the shorter one's shingles), 0 for one-sided rows. */
  overlap: number;
}

export interface Explanation {
  a: DocumentFacts;
  b: DocumentFacts;
  jaccard: number;
  containment: number;
  edit: number;
  /** The value of `measure` that is compared with `threshold`. */
  similarity: number;
  measure: DedupOptions['measure'];
  threshold: number;
  /** Shorter copy's shingles as a share of the longer's, and the minimum a duplicate needs. */
  lengthRatio: number;
  minLengthRatio: number;
  duplicate: boolean;
  /** The verdict in words. */
  reason: string;
  alignment: AlignedRow[];
}

export interface DocumentFacts {
  id: string;
  title: string | null;
  site: string | null;
  date: string | null;
  lang: string | null;
  chars: number;
  paragraphs: number;
}

/** Words per paragraph shingle: shorter than the document's 5, since paragraphs are short. */
const PARAGRAPH_SHINGLE = 3;
/** Two paragraphs sharing at least this share of the shorter one's shingles are the same paragraph, edited. */
export const PARAGRAPH_MATCH = 0.5;

/** Explains a pair already cleaned (by a run over a whole corpus, or by `explainTexts`). */
export function explainCleaned(a: CleanedDocument, b: CleanedDocument, options: DedupOptions = DEFAULT_DEDUP_OPTIONS): Explanation {
  // The same compact fingerprints a run decides with, so the verdict here is the run's verdict.
  const sa = signCompact(a, options);
  const sb = signCompact(b, options);
  const s = compareSignatures(sa, sb, options);
  const ratio = lengthRatio(sa, sb);
  const minLengthRatio = options.minLengthRatio ?? 0;
  const alignment = alignParagraphs(paragraphsOf(a.text), paragraphsOf(b.text));
  return {
    a: facts(a),
    b: facts(b),
    jaccard: s.jaccard,
    containment: s.containment,
    edit: s.edit,
    similarity: s.similarity,
    measure: options.measure,
    threshold: options.threshold,
    lengthRatio: ratio,
    minLengthRatio,
    duplicate: s.duplicate,
    reason: emptyBodyReason(a, b) ?? verdictReason(s.similarity, ratio, options),
    alignment,
  };
}

/**
 * Explains two raw page dumps: both are cleaned with corpus statistics over the two of them, as a run
 * over just these two files would. In a larger run, lines shared with other documents may clean differently.
 */
export function explainTexts(a: { id: string; text: string }, b: { id: string; text: string }, options: DedupOptions = DEFAULT_DEDUP_OPTIONS): Explanation {
  const stats: CorpusStats = createCorpusStats();
  addToCorpusStats(stats, a.text);
  addToCorpusStats(stats, b.text);
  const clean = (doc: { id: string; text: string }): CleanedDocument => ({ id: doc.id, ...cleanDocument(doc.text, stats) });
  return explainCleaned(clean(a), clean(b), options);
}

function facts(doc: CleanedDocument): DocumentFacts {
  return { id: doc.id, title: doc.title, site: doc.site, date: doc.date, lang: doc.lang, chars: doc.text.trim().length, paragraphs: paragraphsOf(doc.text).length };
}

/** A document whose whole text was judged noise cannot match anything; say so rather than quote 0.000. */
function emptyBodyReason(a: CleanedDocument, b: CleanedDocument): string | null {
  const empty = [a, b].filter((d) => !d.text.trim()).map((d) => d.id);
  return empty.length ? `not duplicates: ${empty.join(' and ')} ${empty.length === 1 ? 'has' : 'have'} no article body after cleaning (a run rejects ${empty.length === 1 ? 'it' : 'them'} as "empty after cleaning")` : null;
}

function verdictReason(similarity: number, ratio: number, options: DedupOptions): string {
  const measured = `${options.measure} ${similarity.toFixed(3)}`;
  if (similarity < options.threshold) return `not duplicates: ${measured} is below the threshold ${options.threshold}`;
  const min = options.minLengthRatio ?? 0;
  if (ratio < min) return `not duplicates: ${measured} reaches the threshold ${options.threshold}, but the shorter text is only ${(ratio * 100).toFixed(0)}% of the longer (a quotation, not a copy; minimum ${(min * 100).toFixed(0)}%)`;
  return `duplicates: ${measured} reaches the threshold ${options.threshold}`;
}

/** Paragraphs of a cleaned body: `corpus clean` separates them by a blank line. */
export function paragraphsOf(text: string): string[] {
  return text.split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean);
}

/** Word-shingle set of a paragraph; a paragraph shorter than a shingle is one shingle of all its words. */
function paragraphShingles(paragraph: string): Set<string> {
  const words = wordTokens(foldText(paragraph));
  const out = new Set<string>();
  if (words.length && words.length < PARAGRAPH_SHINGLE) out.add(words.join(' '));
  for (let i = 0; i + PARAGRAPH_SHINGLE <= words.length; i++) out.add(words.slice(i, i + PARAGRAPH_SHINGLE).join(' '));
  return out;
}

interface Match {
  a: number;
  b: number;
  /** Shared shingles over the shorter paragraph's: an edited or cut copy still scores high. */
  overlap: number;
  /** Shared shingles over the union: ranks a whole copy above a short heading that quotes it. */
  jaccard: number;
}

/** Overlap of every pair of paragraphs sharing a shingle (an inverted index keeps it near linear). */
function scorePairs(a: Set<string>[], b: Set<string>[]): Match[] {
  const index = new Map<string, number[]>();
  b.forEach((shingles, j) => {
    for (const s of shingles) {
      const list = index.get(s);
      if (list) list.push(j);
      else index.set(s, [j]);
    }
  });
  const matches: Match[] = [];
  a.forEach((shingles, i) => {
    const shared = new Map<number, number>();
    for (const s of shingles) for (const j of index.get(s) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, n] of shared) {
      const overlap = n / Math.min(shingles.size, b[j].size);
      if (overlap >= PARAGRAPH_MATCH) matches.push({ a: i, b: j, overlap, jaccard: n / (shingles.size + b[j].size - n) });
    }
  });
  return matches;
}

/** Pairs each paragraph of A with its best-matching unused paragraph of B, best pairs first. */
function matchParagraphs(a: string[], b: string[]): Map<number, Match> {
  const matches = scorePairs(a.map(paragraphShingles), b.map(paragraphShingles));
  // Ties go to the pair nearest the diagonal, so a repeated paragraph pairs with its counterpart in place.
  matches.sort((x, y) => y.jaccard - x.jaccard || Math.abs(x.a - x.b) - Math.abs(y.a - y.b) || x.a - y.a);
  const byA = new Map<number, Match>();
  const usedB = new Set<number>();
  for (const m of matches) {
    if (byA.has(m.a) || usedB.has(m.b)) continue;
    byA.set(m.a, m);
    usedB.add(m.b);
  }
  return byA;
}

const sameText = (x: string, y: string): boolean => foldText(x).replace(/\s+/g, ' ') === foldText(y).replace(/\s+/g, ' ');

/**
 * Rows in A's order; a paragraph only B has comes after the row of B's nearest earlier matched paragraph
 * (before everything when none), so each document reads top to bottom in its own order where it can.
 */
export function alignParagraphs(a: string[], b: string[]): AlignedRow[] {
  const byA = matchParagraphs(a, b);
  const matchedB = new Set([...byA.values()].map((m) => m.b));
  const onlyBAfter = new Map<number, number[]>();
  let anchor = -1;
  b.forEach((_, j) => {
    if (matchedB.has(j)) anchor = j;
    else onlyBAfter.set(anchor, [...(onlyBAfter.get(anchor) ?? []), j]);
  });
  const onlyBRows = (after: number): AlignedRow[] => (onlyBAfter.get(after) ?? []).map((j) => ({ kind: 'onlyB', b: b[j], bIndex: j, overlap: 0 }));
  const rows: AlignedRow[] = onlyBRows(-1);
  a.forEach((paragraph, i) => {
    const m = byA.get(i);
    if (!m) {
      rows.push({ kind: 'onlyA', a: paragraph, overlap: 0 });
      return;
    }
    rows.push({ kind: sameText(paragraph, b[m.b]) ? 'same' : 'changed', a: paragraph, b: b[m.b], bIndex: m.b, overlap: m.overlap });
    rows.push(...onlyBRows(m.b));
  });
  return rows;
}

/** Folded words of `text` that `other` lacks: what an edit changed, for highlighting. */
export function wordsOnlyIn(text: string, other: string): Set<string> {
  const theirs = new Set(wordTokens(foldText(other)));
  return new Set(wordTokens(foldText(text)).filter((w) => !theirs.has(w)));
}

/** Whether a display word (punctuation and case as written) holds one of `words`. */
export const holdsAnyOf = (word: string, words: ReadonlySet<string>): boolean => wordTokens(foldText(word)).some((t) => words.has(t));

/** Count of rows of each kind. */
export function alignmentCounts(rows: readonly AlignedRow[]): Record<AlignmentKind, number> {
  const out: Record<AlignmentKind, number> = { same: 0, changed: 0, onlyA: 0, onlyB: 0 };
  for (const r of rows) out[r.kind]++;
  return out;
}
