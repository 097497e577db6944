/** Per-block features in the spirit of jusText: length, stopword density, punctuation, list and link shapes. */
import type { Block } from './blocks.js';
import { boilerplateCoverage } from './phrases.js';
import { stopwordDensity } from './stopwords.js';

export interface BlockFeatures {
  /** Length in Latin-equivalent characters: CJK ideographs and kana count 3, Hangul syllables 2. */
  chars: number;
  words: number;
  /** Share of words found in the stoplist of the document language (null when no stoplist). */
  stopwordDensity: number | null;
  /** Ends like a sentence: . ! ? … or a closing quote after one. */
  sentenceEnd: boolean;
  /** Ends with "..." or "…" (teaser summaries are cut this way). */
  ellipsisEnd: boolean;
  /** Starts with a list bullet or number (w3m renders menus as "  • Item", "□ Item", "[*] Item"). */
  bullet: boolean;
  /** Pieces separated by runs of no-break spaces or 3+ spaces: >= 3 means a bar of links on one line. */
  barPieces: number;
  /** Share of characters inside [...] (w3m image alt text, form fields, ads). */
  bracketShare: number;
  /** Share of the letters covered by navigation/share/footer phrases. */
  boilerplate: number;
  /** Share of words (3+ letters) that start with a capital: headline and menu style. */
  capitalised: number;
  /** Contains a URL or e-mail. */
  url: boolean;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const SENTENCE_END_RE = /[.!?…。！？؟:;]["'”’»)\]]*$/u;
const ELLIPSIS_END_RE = /(?:\.\.\.|…|\.\s\.\s\.)\s*["'”’»)\]]*$/u;
const BULLET_RE = /^(?:[•◦▪▫■□●○·*\-–—>»]|\[\*\]|\d{1,3}[.)]\s)\s*/u;
/** Separator of items in a bar: 2+ NBSP, or 3+ mixed spaces (w3m table cells). */
const BAR_SEPARATOR_RE = /(?:[ \u00a0]*\u00a0[ \u00a0]*\u00a0[ \u00a0]*|\s{3,})/u;
const BRACKET_RE = /\[[^\]]*\]/gu;
const URL_RE = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.|[\w.-]+@[\w-]+\.[a-z]{2,}/iu;
const CAPITAL_RE = /^\p{Lu}/u;
/** One Han/kana character carries about as much text as three Latin letters, a Hangul syllable two
 *  (ratio of character counts of translated news sentences), so length thresholds apply to all scripts. */
const DENSE_SCRIPT_RE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|([\uac00-\ud7af])/gu;

function weightedLength(text: string): number {
  let extra = 0;
  for (const m of text.matchAll(DENSE_SCRIPT_RE)) extra += m[1] ? 1 : 2;
  return text.length + extra;
}

export function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

export function computeFeatures(block: Block, lang: string | null): BlockFeatures {
  const text = block.text;
  const tokens = words(text);
  const long = tokens.filter((w) => w.length >= 3);
  let brackets = 0;
  for (const m of text.matchAll(BRACKET_RE)) brackets += m[0].length;
  return {
    chars: weightedLength(text),
    words: tokens.length,
    stopwordDensity: stopwordDensity(tokens, lang),
    sentenceEnd: SENTENCE_END_RE.test(text),
    ellipsisEnd: ELLIPSIS_END_RE.test(text),
    bullet: BULLET_RE.test(text),
    barPieces: text.split(BAR_SEPARATOR_RE).filter((p) => p.trim()).length,
    bracketShare: text.length ? brackets / text.length : 0,
    boilerplate: boilerplateCoverage(text),
    capitalised: long.length ? long.filter((w) => CAPITAL_RE.test(w)).length / long.length : 0,
    url: URL_RE.test(text),
  };
}
