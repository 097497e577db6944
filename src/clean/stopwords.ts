/** Stoplists from stopwords-iso (loaded once, lazily per language) and stopword density. */
import { createRequire } from 'node:module';

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

/** Share of tokens that are stopwords; null when the language has no stoplist or there are no tokens. */
export function stopwordDensity(tokens: readonly string[], lang: string | null): number | null {
  const set = stoplist(lang);
  if (!set || tokens.length === 0) return null;
  let hits = 0;
  // A token found as it is is already lower case (the set holds lower-case words): no lower-case copy to make.
  for (const t of tokens) if (set.has(t) || set.has(t.toLowerCase())) hits++;
  return hits / tokens.length;
}
