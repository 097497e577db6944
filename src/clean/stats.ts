/**
 * Cross-document line statistics of one run (cc_net style): how many documents contain each normalised line.
 * Compact and structured-clone friendly: a Map from a 32-bit hash to a count, each line counted once per
 * document. Lines of every length are counted: a long line shared by many documents whose other text differs
 * (a sidebar of teaser paragraphs) is template too, while a paragraph recurring as often as the rest of its
 * document's text is a republished article (see contentDocuments()).
 */

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
  let h = 0x811c9dc5;
  for (let i = 0; i < normalised.length; i++) {
    h ^= normalised.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Whitespace as dump tools emit it (ASCII, no-break, ideographic, BOM). */
function isSpace(code: number): boolean {
  return code <= 32 || code === 0xa0 || code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b) || code === 0x202f;
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

/** Hashes of the distinct lines of a text. */
export function lineHashes(text: string): Set<number> {
  const hashes = new Set<number>();
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const key = lineKey(text.slice(from, to));
    if (key) hashes.add(hashLine(key));
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
  if (!stats) return 0;
  const key = lineKey(line);
  return key ? (stats.lineDocs.get(hashLine(key)) ?? 0) : 0;
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
