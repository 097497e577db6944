/** Stoplists from stopwords-iso (loaded once, lazily per language) and stopword density. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** stopwords-iso ships JSON only: ISO 639-1 code → word list. */
const LISTS = require('stopwords-iso') as Record<string, string[]>;
const sets = new Map<string, Set<string>>();
/** Languages written without spaces or with particles glued to words (Korean's case particles; the article,
 *  conjunctions and prepositions of Hebrew, ה ו ב ל מ ש, and of Arabic, ال و ب ل ف; Turkish case endings and
 *  postpositions): whole-token stoplists do not match (news prose measured 0.13–0.18 in Hebrew, medians of 0.13 in
 *  Turkish and 0.23 in Arabic, against 0.5 for English), and the blocks are judged by length and sentence
 *  punctuation instead. */
const UNSPACED = new Set(['ja', 'zh', 'ko', 'th', 'my', 'km', 'lo', 'he', 'tr', 'ar']);

/** Words a stoplist needs to measure prose: stopwords-iso's lists for Ukrainian (73 words), Estonian (35), Afrikaans,
 *  Swahili, Basque and a few more are so short that their own language's news prose reads at 0.05-0.2, like a menu; their
 *  pages are judged as the unspaced ones are. The next shortest lists (Galician, Latvian, Danish: 160-170) hold the
 *  common function words. */
const MIN_STOPLIST_WORDS = 150;

/** The stoplist of a language as a set (lower-case), or null when stopwords-iso has none that can measure its prose. */
export function stoplist(lang: string | null): Set<string> | null {
  if (!lang || UNSPACED.has(lang)) return null;
  let set = sets.get(lang);
  if (!set) {
    const list = LISTS[lang];
    if (!list || list.length < MIN_STOPLIST_WORDS) return null;
    set = new Set(list.map((w) => w.toLowerCase()));
    sets.set(lang, set);
  }
  return set;
}


/**
 * A stoplist's ASCII words grouped by length, first and last letter, so a scan can look a word up where it lies,
 * without cutting it out of its text, lower-casing a copy or hashing every unit it reads (the set lookups on
 * cut-out words were 7% of cleaning; a hash chain along every word, a third of the block scan). Words holding other
 * characters are looked up in the set.
 */
export interface StopwordTable {
  set: Set<string>;
  /** Words of bucket b are bucketWords[bucketStart[b] … bucketStart[b + 1]) (see asciiBucket). */
  bucketStart: Int32Array;
  bucketWords: string[];
  /** Length of the longest ASCII word: a longer word is no stopword. */
  maxLength: number;
}

/** Buckets of a table: a stoplist has at most a few thousand ASCII words, so most buckets hold none or one. */
const BUCKETS = 4096;

/** The bucket of a lower-case ASCII word of this length, first and last unit. */
function asciiBucket(length: number, first: number, last: number): number {
  return Math.imul((length << 14) | (first << 7) | last, 0x9e3779b1) >>> 20;
}

const tables = new Map<string, StopwordTable>();

/** The stopword table of a language, or null when it has no stoplist (see stoplist). */
export function stopwordTable(lang: string | null): StopwordTable | null {
  const set = stoplist(lang);
  if (!set) return null;
  let table = tables.get(lang!);
  if (table) return table;
  const ascii = [...set].filter((w) => w.length > 0 && /^[\x00-\x7f]*$/.test(w));
  const bucketOf = (w: string): number => asciiBucket(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1));
  const bucketStart = new Int32Array(BUCKETS + 1);
  for (const w of ascii) bucketStart[bucketOf(w) + 1]++;
  for (let b = 0; b < BUCKETS; b++) bucketStart[b + 1] += bucketStart[b];
  const bucketWords = new Array<string>(ascii.length);
  const filled = bucketStart.slice(0, BUCKETS);
  for (const w of ascii) bucketWords[filled[bucketOf(w)]++] = w;
  table = { set, bucketStart, bucketWords, maxLength: ascii.reduce((n, w) => Math.max(n, w.length), 0) };
  tables.set(lang!, table);
  return table;
}

/**
 * Whether text[start, end), all ASCII, is a stopword once lower-cased. (A stoplist holds lower-case words, so
 * set.has(t) || set.has(t.toLowerCase()) is this test for ASCII t.)
 */
export function isAsciiStopword(table: StopwordTable, text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length > table.maxLength || length === 0) return false;
  const first = text.charCodeAt(start) | lowerBit(text.charCodeAt(start));
  const last = text.charCodeAt(end - 1) | lowerBit(text.charCodeAt(end - 1));
  const bucket = asciiBucket(length, first, last);
  for (let k = table.bucketStart[bucket], stop = table.bucketStart[bucket + 1]; k < stop; k++) {
    const word = table.bucketWords[k];
    if (word.length !== length || word.charCodeAt(0) !== first || word.charCodeAt(length - 1) !== last) continue;
    let i = 1;
    while (i < length - 1 && word.charCodeAt(i) === (text.charCodeAt(start + i) | lowerBit(text.charCodeAt(start + i)))) i++;
    if (i >= length - 1) return true;
  }
  return false;
}

/** 0x20 for an ASCII capital (OR-ing it in gives the lower case), else 0. */
export const lowerBit = (unit: number): number => (unit >= 0x41 && unit <= 0x5a ? 0x20 : 0);

/** Share of tokens that are stopwords; null when the language has no stoplist or there are no tokens. */
export function stopwordDensity(tokens: readonly string[], lang: string | null): number | null {
  const set = stoplist(lang);
  if (!set || tokens.length === 0) return null;
  let hits = 0;
  for (const t of tokens) if (isStopword(set, t)) hits++;
  return hits / tokens.length;
}

/** A token found as it is is already lower case (the set holds lower-case words): no lower-case copy to make. */
export const isStopword = (set: Set<string>, token: string): boolean => set.has(token) || set.has(token.toLowerCase());
