/**
 * Cross-document line statistics of one run (cc_net style): how many documents contain each normalised line.
 * Compact and structured-clone friendly: a Map from a 32-bit hash to a count, each line counted once per
 * document. Lines of every length are counted: a long line shared by many documents whose other text differs
 * (a sidebar of teaser paragraphs) is template too, while a paragraph recurring as often as the rest of its
 * document's text is a republished article (see contentDocuments()).
 */

import { FNV_OFFSET, fnvStep } from '../text/fnv.js';
import { utf16Units } from '../text/units.js';
import { pageText } from './page-text.js';

export interface CorpusStats {
  /** 32-bit FNV-1a hash of a normalised line → number of documents containing it. */
  lineDocs: Map<number, number>;
  /** Documents added. */
  documents: number;
}

/** Longest line (words) that can be template on its own: body paragraphs of republished articles recur too, so
 *  longer lines are weighed by stretch in the article region (region.ts), never dropped one by one. */
export const TEMPLATE_MAX_WORDS = 25;
/** Longest line (characters, indentation excluded) that can be template: 25 words of menu text are far
 *  shorter; the cap bounds the work on a page dumped as one huge line, or on unspaced scripts. */
export const TEMPLATE_MAX_CHARS = 1000;

/** Characters of a line (indentation excluded) read for its key: two lines agreeing on their first 2,000
 *  characters are one line, and a page dumped as one 50 MB line costs no more than a paragraph. */
export const LINE_KEY_MAX_CHARS = 2000;

export function createCorpusStats(): CorpusStats {
  return { lineDocs: new Map(), documents: 0 };
}

/** Lower-cased, digits → 0, punctuation and spacing folded (as cc_net normalises before hashing). */
export function normaliseLine(line: string): string {
  return line
    .toLowerCase()
    .replace(/\p{N}/gu, '0')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** FNV-1a over UTF-16 code units: fast, 32-bit, collisions negligible at per-line granularity. */
export function hashLine(normalised: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < normalised.length; i++) h = fnvStep(h, normalised.charCodeAt(i));
  return h >>> 0;
}

/** Whitespace as dump tools emit it (ASCII, no-break, ideographic, BOM). */
function isSpace(code: number): boolean {
  // (JavaScript's trim() takes the last four too, and blocks are trimmed with it: a label is counted and looked up alike)
  return code <= 32 || code === 0xa0 || code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f || code === 0x1680 || code === 0x2028 || code === 0x2029;
}

/**
 * The normalised form of a line that may be template, or null when the line is empty or too long to be one.
 * Length is checked before any string is built, so a 50 MB line costs two index scans.
 */
export function templateKey(line: string): string | null {
  let start = 0;
  let end = line.length;
  while (start < end && isSpace(line.charCodeAt(start))) start++;
  while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
  if (end === start || end - start > TEMPLATE_MAX_CHARS) return null;
  const norm = normaliseLine(line.slice(start, end));
  if (!norm) return null;
  let words = 1;
  for (let i = 0; i < norm.length; i++) if (norm.charCodeAt(i) === 32 && ++words > TEMPLATE_MAX_WORDS) return null;
  return norm;
}

/** The normalised form of a line's first LINE_KEY_MAX_CHARS characters, or null when it has no letter or digit. */
export function lineKey(line: string): string | null {
  let start = 0;
  let end = line.length;
  while (start < end && isSpace(line.charCodeAt(start))) start++;
  while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
  if (end === start) return null;
  return normaliseLine(line.slice(start, Math.min(end, start + LINE_KEY_MAX_CHARS))) || null;
}

/**
 * What each BMP code unit adds to a line key, as normaliseLine's regular expressions see it, filled on first sight
 * (the regexes run once per distinct unit, not per character): the unit hashed (its lower case, or "0" for a digit),
 * or one of the markers below. One table read per character: a class table and a lower-case table were two.
 */
const unitKey = new Int32Array(0x10000).fill(-1);
/** unitKey markers: not looked up yet, punctuation or spacing, a unit whose lower case depends on context or
 *  yields two units (Σ, İ), or a surrogate (only the regex path is exact). */
const KEY_UNSEEN = -1;
const KEY_SEPARATOR = -2;
const KEY_COMPLEX = -3;

function unitKeyOf(unit: number): number {
  const lower = String.fromCharCode(unit).toLowerCase();
  let key: number;
  if ((unit >= 0xd800 && unit <= 0xdfff) || unit === 0x3a3 || lower.length !== 1) key = KEY_COMPLEX;
  else if (/\p{N}/u.test(lower)) key = 48;
  else if (/\p{L}/u.test(lower)) key = lower.charCodeAt(0);
  else key = KEY_SEPARATOR;
  unitKey[unit] = key;
  return key;
}

/**
 * hashLine(lineKey(text.slice(from, to))) without building a string: the line read under its key's rules in one
 * pass, each unit's key looked up. -1 when the line has no key; null when a unit needs the exact regex path.
 * Cleaning hashes every line of the run twice (counting, then looking up), and the regex path was 60% of reading.
 */
function fastLineKeyHash(text: string, from: number, to: number, maxWords = Infinity): number | null {
  // (every line of a page is hashed from one copy of its units: see utf16Units)
  const units = utf16Units(text);
  let start = from;
  let end = to;
  while (start < end && isSpace(units[start])) start++;
  while (end > start && isSpace(units[end - 1])) end--;
  end = Math.min(end, start + LINE_KEY_MAX_CHARS);
  // Without a branch on "letter or separator", which goes either way at every word boundary: the hash is
  // chosen by masks (all ones or zero); counting a document's lines took 12% less time than with the branch.
  // The word limit is checked once at the end: the line is at most LINE_KEY_MAX_CHARS long anyway.
  let h = FNV_OFFSET;
  let words = 1;
  /** -1 after a separator, 0 after a unit hashed; a letter after one or more separators hashes a space first. */
  let afterSeparator = 0;
  /** -1 once a unit is hashed: separators before the first one add no space (the key is trimmed). */
  let emitted = 0;
  for (let i = start; i < end; i++) {
    let key = unitKey[units[i]];
    if (key === KEY_UNSEEN) key = unitKeyOf(units[i]);
    if (key === KEY_COMPLEX) return null;
    const separator = key >> 31; // every marker left is KEY_SEPARATOR
    const space = ~separator & afterSeparator & emitted;
    words -= space; // space is -1 or 0
    const spaced = (fnvStep(h, 32) & space) | (h & ~space);
    h = (h & separator) | (fnvStep(spaced, key) & ~separator);
    emitted |= ~separator;
    afterSeparator = separator;
  }
  if (words > maxWords) return -1;
  fastWords = words;
  return emitted ? h >>> 0 : -1;
}

/** Words of the key fastLineKeyHash last hashed (how lineKeyHashes tells a template-sized line without a second scan). */
let fastWords = 0;

/** Hash of the key of the line text[from, to), as hashLine(lineKey(line)); -1 when the line has no key. */
export function lineKeyHash(text: string, from = 0, to = text.length): number {
  const fast = fastLineKeyHash(text, from, to);
  if (fast !== null) return fast;
  const key = lineKey(text.slice(from, to));
  return key ? hashLine(key) : -1;
}

/** A line's key hash and, when it may be template, its template key hash (else -1). */
export interface LineKeyHashes {
  line: number;
  template: number;
}

/**
 * lineKeyHash(line) and templateKeyHash(line) in one scan: a line short enough to be template has its whole text
 * in its line key, so both keys are the same string.
 */
export function lineKeyHashes(line: string): LineKeyHashes {
  let start = 0;
  let end = line.length;
  while (start < end && isSpace(line.charCodeAt(start))) start++;
  while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
  const fast = fastLineKeyHash(line, start, end);
  if (fast === null) return { line: lineKeyHash(line), template: templateKeyHash(line) };
  const template = fast >= 0 && end - start <= TEMPLATE_MAX_CHARS && fastWords <= TEMPLATE_MAX_WORDS ? fast : -1;
  return { line: fast, template };
}

/** hashLine(templateKey(line)), or -1 when the line cannot be template (see templateKey). */
export function templateKeyHash(line: string): number {
  let start = 0;
  let end = line.length;
  while (start < end && isSpace(line.charCodeAt(start))) start++;
  while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
  if (end === start || end - start > TEMPLATE_MAX_CHARS) return -1;
  const fast = fastLineKeyHash(line, start, end, TEMPLATE_MAX_WORDS);
  if (fast !== null) return fast;
  const key = templateKey(line);
  return key ? hashLine(key) : -1;
}

/** A label opening a line ("Read also: …", "Tags: …", "Funda futhi: …") ends in a colon this close to the line's start… */
const LABEL_MAX_CHARS = 32;
/** …after at most this many words. */
const LABEL_MAX_WORDS = 3;
/** Added to a label's key hash, so that "Tags: a, b" counts apart from a line reading only "Tags:" (no key holds U+0001). */
const LABEL_MARK = 1;
/** A label has two letters in a row at least. */
const LABEL_LETTERS_RE = /\p{L}\p{L}/u;
const DIGIT_RE = /\p{N}/u;

/**
 * Hash of the label opening the line text[from, to) — words with a letter, then a colon (or a full-width one) and
 * more text — as a key of its own (LABEL_MARK added); -1 when the line opens with none. Counted in the run's
 * statistics like a line, a label many pages open lines with, whatever follows it, is their site's: "Read also:",
 * "Tags:" in any language.
 */
export function labelKeyHash(text: string, from = 0, to = text.length): number {
  let start = from;
  while (start < to && isSpace(text.charCodeAt(start))) start++;
  const limit = Math.min(to, start + LABEL_MAX_CHARS);
  let colon = start;
  while (colon < limit && text.charCodeAt(colon) !== 0x3a && text.charCodeAt(colon) !== 0xff1a) colon++;
  if (colon === limit || colon === start) return -1;
  // A URL's scheme ("https://…") and a time ("10:30") are no labels; nor is a colon with nothing after it.
  let after = colon + 1;
  const next = text.charCodeAt(after);
  if (next === 0x2f || (next >= 0x30 && next <= 0x39)) return -1;
  while (after < to && isSpace(text.charCodeAt(after))) after++;
  // An interview's "Q:" and "A:" are labels of one letter, and its questions and answers are body; a label with a
  // digit numbers the page's own items ("Step 1:", "Article 5:", "Day 3:"), which line keys would fold into one.
  const label = text.slice(start, colon);
  if (after === to || !LABEL_LETTERS_RE.test(label) || DIGIT_RE.test(label)) return -1;
  let hash = fastLineKeyHash(text, start, colon, LABEL_MAX_WORDS);
  if (hash === null) {
    const key = lineKey(label);
    hash = key && key.split(' ').length <= LABEL_MAX_WORDS ? hashLine(key) : -1;
  }
  return hash < 0 ? -1 : fnvStep(hash, LABEL_MARK) >>> 0;
}

/**
 * The labels opening the lines of one text, line after line (see labelKeyHash): the text's colons are found by
 * searching ahead once, so a line without one costs a comparison (a scan of each line's start cost counting 8%).
 */
export class LineLabels {
  private colon = -1;
  private wideColon = -1;

  constructor(private readonly text: string) {}

  /** labelKeyHash(text, from, to), for lines asked in order. */
  at(from: number, to: number): number {
    if (this.colon !== Infinity && this.colon < from) this.colon = searchFrom(this.text, ':', from);
    if (this.wideColon !== Infinity && this.wideColon < from) this.wideColon = searchFrom(this.text, '：', from);
    return Math.min(this.colon, this.wideColon) < to ? labelKeyHash(this.text, from, to) : -1;
  }
}

/** The next `char` in `text` from `from`, or Infinity. */
function searchFrom(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? Infinity : at;
}

/** Hashes of the distinct lines of a text (a hard-wrapped paragraph is one line, as splitBlocks reads it), and of the
 *  labels opening them (see labelKeyHash). */
export function lineHashes(text: string): Set<number> {
  text = pageText(text);
  const hashes = new Set<number>();
  const labels = new LineLabels(text);
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const hash = lineKeyHash(text, from, to);
    if (hash >= 0) hashes.add(hash);
    const label = labels.at(from, to);
    if (label >= 0) hashes.add(label);
    from = to + 1;
  }
  return hashes;
}

export function addToCorpusStats(stats: CorpusStats, text: string): void {
  stats.documents++;
  for (const h of lineHashes(text)) stats.lineDocs.set(h, (stats.lineDocs.get(h) ?? 0) + 1);
}

/** Number of documents of the run containing this line (0 when no stats, or the line has no letter or digit). */
export function documentsWithLine(stats: CorpusStats | null, line: string): number {
  return documentsWithKey(stats, stats ? lineKeyHash(line) : -1);
}

/** Number of documents of the run containing the line of this key hash (see documentsWithLine). */
export function documentsWithKey(stats: CorpusStats | null, hash: number): number {
  return stats && hash >= 0 ? (stats.lineDocs.get(hash) ?? 0) : 0;
}

/** Share of a document's candidate text that its content must hold: an article is rarely less than a quarter of
 *  the prose-like text a page keeps once link bars, widgets and captions are gone. */
export const CONTENT_SHARE = 0.25;

/**
 * How widely a document's own text recurs in the run: the smallest document count d such that the lines found in
 * at most d documents hold CONTENT_SHARE of the text. 1 for a page whose article is its own, k for an article
 * republished k times (the template around it recurring more widely still); 0 without statistics.
 */
export function contentDocuments(chars: readonly number[], docs: readonly number[], share = CONTENT_SHARE): number {
  let total = 0;
  for (const c of chars) total += c;
  if (total === 0) return 0;
  const order = docs.map((_, i) => i).sort((a, b) => docs[a] - docs[b]);
  let mass = 0;
  for (const i of order) {
    mass += chars[i];
    if (mass >= share * total) return docs[i];
  }
  return docs[order[order.length - 1]];
}
