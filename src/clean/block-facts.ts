/**
 * What cleaning works out for a block from its text alone (its features under the page's language and its line
 * keys), remembered for the lines a run repeats: menus, share bars and footers recur on every page of a site, and
 * working their features out again on each page was about a fifth of cleaning. Both functions are pure, so a
 * remembered value is the value computed: the cache changes no output, only the time it takes.
 */
import type { Block } from './blocks.js';
import { computeFeatures, type BlockFeatures } from './features.js';
import { lineKeyHashes, documentsWithKey, type CorpusStats, type LineKeyHashes } from './stats.js';

export interface BlockFacts {
  /** The block's features with `tableRow` false (a property of its neighbours, not its text). Shared: never changed. */
  features: Readonly<BlockFeatures>;
  keys: LineKeyHashes;
}

/** Only lines this short are looked up: template lines are short, and hashing a long paragraph to find it
 *  missing costs a pass over it (2,000 characters hold the longest footers of the dev sets). */
const CACHE_MAX_CHARS = 2000;
/** Lines remembered at most, all page languages together, before the cache starts again: a site's template has a
 *  few hundred lines. A line costs its text (≤ CACHE_MAX_CHARS) and ~300 bytes of features, keys and map entry: ~5 MB
 *  a thread for the bench's lines (~170 characters on average), ~40 MB at most. */
const CACHE_MAX_LINES = 1 << 14;

const cacheByLanguage = new Map<string | null, Map<string, BlockFacts>>();
let remembered = 0;

function cacheFor(lang: string | null): Map<string, BlockFacts> {
  let cache = cacheByLanguage.get(lang);
  if (!cache) cacheByLanguage.set(lang, (cache = new Map()));
  return cache;
}

/**
 * A copy of the text that holds no other string alive: a line cut from a page is a slice that keeps the whole page in
 * memory (remembering slices held ~600 MB more at 100k documents). UTF-16 both ways, so every unit is kept as it is.
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

/**
 * The block's features (under `lang`) and line keys, and how many documents of the run hold its line. The facts
 * are remembered for a line the run repeats (in two documents or more), and looked up for a line short enough to
 * be template; the count is always read from `stats`, so a cache outlives any one run's statistics.
 */
export function blockFacts(block: Block, lang: string | null, stats: CorpusStats | null): BlockFacts & { docs: number } {
  const text = block.text;
  const cache = stats !== null && text.length <= CACHE_MAX_CHARS ? cacheFor(lang) : null;
  // A line of one document is never remembered: its keys say so in one pass, where looking it up hashed its text
  // (most lines of a page are its own paragraphs, and they are the long ones).
  const keys = lineKeyHashes(text);
  const docs = documentsWithKey(stats, keys.line);
  const known = cache !== null && docs >= 2 ? cache.get(text) : undefined;
  if (known) return { features: known.features, keys: known.keys, docs };
  const facts: BlockFacts = { features: computeFeatures(block, lang), keys };
  if (cache && docs >= 2) {
    if (remembered >= CACHE_MAX_LINES) clearBlockFacts();
    cacheFor(lang).set(detached(text), facts);
    remembered++;
  }
  return { features: facts.features, keys: facts.keys, docs };
}

/** Forgets every remembered line: when the cache is full, and in tests that compare a cold cache with a warm one. */
export function clearBlockFacts(): void {
  cacheByLanguage.clear();
  remembered = 0;
}

/** The features of a block of a laid-out table: a copy, so the shared value stays as its text alone gives it. */
export function asTableRow(features: Readonly<BlockFeatures>): BlockFeatures {
  return { ...features, tableRow: true };
}
