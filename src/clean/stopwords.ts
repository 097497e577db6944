/** Stoplists from stopwords-iso (loaded once, lazily per language) and stopword density. */
import { createRequire } from 'node:module';
import { FNV_OFFSET, fnvStep } from '../text/fnv.js';

const require = createRequire(import.meta.url);
/** stopwords-iso ships JSON only: ISO 639-1 code → word list. */
const LISTS = require('stopwords-iso') as Record<string, string[]>;
const sets = new Map<string, Set<string>>();
/** Languages written without spaces or with particles glued to words: whole-token stoplists do not match. */
const UNSPACED = new Set(['ja', 'zh', 'ko', 'th', 'my', 'km', 'lo']);

/** The stoplist of a language as a set (lower-case), or null when stopwords-iso has none. */
export function stoplist(lang: string | null): Set<string> | null {
  if (!lang || UNSPACED.has(lang)) return null;
  let set = sets.get(lang);
  if (!set) {
    const list = LISTS[lang];
    if (!list) return null;
    set = new Set(list.map((w) => w.toLowerCase()));
    sets.set(lang, set);
  }
  return set;
}


/**
 * A stoplist's ASCII words in an open-addressing table of their hashes, so a scan can look a word up while reading
 * it, without cutting it out of its text or lower-casing a copy (the set lookups on cut-out words were 7% of
 * cleaning). Words holding other characters are looked up in the set.
 */
export interface StopwordTable {
  set: Set<string>;
  /** Slot → hash of the word in it. */
  hashes: Int32Array;
  /** Slot → index + 1 in `ascii`, 0 for an empty slot. */
  slots: Int32Array;
  ascii: string[];
}

const tables = new Map<string, StopwordTable>();

/** The stopword table of a language, or null when it has no stoplist (see stoplist). */
export function stopwordTable(lang: string | null): StopwordTable | null {
  const set = stoplist(lang);
  if (!set) return null;
  let table = tables.get(lang!);
  if (table) return table;
  const ascii = [...set].filter((w) => /^[\x00-\x7f]*$/.test(w));
  // A load factor under 1/2: a miss, the common case, ends at an empty slot after one or two probes.
  let size = 16;
  while (size < ascii.length * 2) size *= 2;
  table = { set, hashes: new Int32Array(size), slots: new Int32Array(size), ascii };
  ascii.forEach((word, index) => {
    let hash = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) hash = fnvStep(hash, word.charCodeAt(i));
    let slot = hash & (size - 1);
    while (table!.slots[slot] !== 0) slot = (slot + 1) & (size - 1);
    table!.hashes[slot] = hash;
    table!.slots[slot] = index + 1;
  });
  tables.set(lang!, table);
  return table;
}

/**
 * Whether text[start, end), all ASCII, is a stopword once lower-cased; `lowerHash` is the hash of its lower-cased
 * units. (A stoplist holds lower-case words, so set.has(t) || set.has(t.toLowerCase()) is this test for ASCII t.)
 */
export function isAsciiStopword(table: StopwordTable, text: string, start: number, end: number, lowerHash: number): boolean {
  const mask = table.hashes.length - 1;
  for (let slot = lowerHash & mask; table.slots[slot] !== 0; slot = (slot + 1) & mask) {
    if (table.hashes[slot] !== lowerHash) continue;
    const word = table.ascii[table.slots[slot] - 1];
    if (word.length !== end - start) continue;
    let i = 0;
    while (i < word.length && word.charCodeAt(i) === (text.charCodeAt(start + i) | lowerBit(text.charCodeAt(start + i)))) i++;
    if (i === word.length) return true;
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
