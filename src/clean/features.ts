/** Per-block features in the spirit of jusText: length, stopword density, punctuation, list and link shapes. */
import type { Block } from './blocks.js';
import { boilerplateCoverage } from './phrases.js';
import { classAt, isAsciiDigit, isAsciiLetter, isJsSpace, LETTER, MARK, NUMBER, PAIR } from '../text/char-classes.js';
import { utf16Units } from '../text/units.js';
import { isAsciiStopword, isStopword, stopwordTable, type StopwordTable } from './stopwords.js';

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
  /** Opens with a dash and ends as a sentence: a quoted speech turn, as Nordic, Slavic and Romance papers print
   *  quotations ("– Den var lugn, säger hon.", "—Pensé que era una roca."), not a list item. */
  speechTurn: boolean;
  /** Ends with a question or exclamation mark (then closing quotes): a tabloid's headline as often as a sentence. */
  questionEnd: boolean;
  /** Pieces separated by runs of no-break spaces or 3+ spaces: >= 3 means a bar of links on one line. */
  barPieces: number;
  /** A row of a laid-out table: its cells line up with those of a neighbouring line (set by tableRows()). */
  tableRow: boolean;
  /** Share of characters inside [...] (w3m image alt text, form fields, ads). */
  bracketShare: number;
  /** Share of the letters covered by navigation/share/footer phrases (0 for blocks over PHRASE_MAX_WORDS words,
   *  where no rule reads it). */
  boilerplate: number;
  /** Contains a URL or e-mail (looked for in blocks up to PHRASE_MAX_WORDS words only). */
  url: boolean;
}

/** Letters, digits and the combining marks inside words (Devanagari vowel signs, decomposed accents). */
const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;
/** A final stop (Latin, CJK, Arabic and Urdu, Devanagari danda, Armenian, Ethiopic, Myanmar, Khmer), then closing quotes. */
const SENTENCE_END_RE = /[.!?…。！？؟:;।॥۔։።။។៕]["'”’»)\]」』》）]*$/u;
const ELLIPSIS_END_RE = /(?:\.\.\.|…|\.\s\.\s\.)\s*["'”’»)\]]*$/u;
const BULLET_RE = /^(?:[•◦▪▫■□●○·*\-–—>»]|\[\*\]|\d{1,3}[.)]\s)\s*/u;
/** An en or em dash opening a line before a space or the quotation's first letter: how a quotation is set in much of
 *  Europe's press (Spanish, Catalan and Portuguese print no space after it). */
const SPEECH_DASH_RE = /^[–—](?:\s|(?=[\p{L}¿¡«"“]))/u;
/** A question or exclamation mark closing the text, then closing quotes. */
const QUESTION_END_RE = /[!?！？¿¡؟]["'”’»)\]」』》）]*$/u;
/** A list item's bullet and the space after it, as lynx and converters print a list: what to take off a byline or a
 *  publication line set as a list item. */
export const LIST_BULLET_RE = /^\s*[*•·‣▪◦-]\s+/u;
/** Separator of items in a bar: 2+ NBSP, or 3+ mixed spaces (w3m table cells). */
const BAR_SEPARATOR_RE = /(?:[ \u00a0]*\u00a0[ \u00a0]*\u00a0[ \u00a0]*|\s{3,})/u;
const BRACKET_RE = /\[[^\]]*\]/gu;
const URL_RE = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.|[\w.-]+@[\w-]+\.[a-z]{2,}/iu;
const WWW_RE = /www\./i;
/** Every match of URL_RE holds "://", "@" or "www." (no other letter folds to w): text without them is tested no
 *  further (URL_RE on every short block was 4% of cleaning). */
const hasUrl = (text: string): boolean => (text.includes('://') || text.includes('@') || WWW_RE.test(text)) && URL_RE.test(text);
export function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/** Stopword density is measured on a block's first words: a paragraph of thousands of words (a page dumped
 *  as one line) is classified as well by its first 2,000, and the cost per block stays bounded. */
const DENSITY_SAMPLE_WORDS = 2000;
/** Phrase-based features (boilerplate coverage, URL) only matter for short blocks: the longest rule reading
 *  them stops at 12 words, classification of short blocks at 70 characters. */
export const PHRASE_MAX_WORDS = 40;
/** Sentence and ellipsis endings are read from this many final characters. */
const TAIL_CHARS = 24;

/** Length a unit adds beyond its own: one Han/kana character carries about as much text as three Latin letters, a
 *  Hangul syllable two (ratio of character counts of translated news sentences), so length thresholds apply to all
 *  scripts. */
function cjkWeight(unit: number): number {
  if (unit < 0x3040) return 0;
  if (unit <= 0x30ff || (unit >= 0x3400 && unit <= 0x9fff) || (unit >= 0xf900 && unit <= 0xfaff)) return 2;
  return unit >= 0xac00 && unit <= 0xd7af ? 1 : 0;
}

/** What one scan of a block reads (see scanBlock). */
interface BlockScan {
  count: number;
  sampled: number;
  stops: number;
  /** Length in Latin-equivalent characters (BlockFeatures.chars). */
  chars: number;
  /** Three white-space units in a row somewhere (as /\s{3}/ finds them). */
  spaceRun: boolean;
}

/** Whether the word text[start, end) is a stopword: an ASCII word looked up where it lies, another cut out. */
function isStopwordAt(stopwords: StopwordTable, text: string, start: number, end: number, ascii: boolean): boolean {
  return ascii ? isAsciiStopword(stopwords, text, start, end) : isStopword(stopwords.set, text.slice(start, end));
}

/** Per ASCII unit: ASCII_WORD for a letter or digit, ASCII_SPACE for white space as \s sees it (tab to CR, space). */
const ASCII_WORD = 1;
const ASCII_SPACE = 2;
const ASCII_CLASS = Uint8Array.from({ length: 0x80 }, (_, unit) =>
  (isAsciiDigit(unit) || isAsciiLetter(unit) ? ASCII_WORD : 0) | (isJsSpace(unit) ? ASCII_SPACE : 0));

/**
 * Word count (runs of letters, digits and marks, as WORD_RE matches them), how many of the first DENSITY_SAMPLE_WORDS
 * are stopwords, the weighted length and whether three white-space units follow each other, from the
 * character-class tables in one scan: a per-block regex scan for the words was a tenth of cleaning time, cutting
 * each word out to look it up another 7%, and a scan each for the length and the space run 2%. ASCII words are
 * looked up where they lie (see isAsciiStopword); the others are cut out and looked up as stopwordDensity would.
 */
function scanBlock(text: string, stopwords: StopwordTable | null): BlockScan {
  let count = 0;
  let runs = 0;
  let stops = 0;
  let start = -1;
  let ascii = true;
  let extra = 0;
  let spaces = 0;
  let spaceRun = false;
  // Han and kana units in the current run of letters: a run of them is a clause, not a word (see CJK_UNITS_PER_WORD).
  let ideographs = 0;
  // Thai, Lao, Khmer and Myanmar units in it: those scripts put spaces between phrases, not words.
  let unspaced = 0;
  const units = utf16Units(text);
  for (let i = 0; i < text.length; i++) {
    const unit = units[i];
    let word: boolean;
    let space: boolean;
    let width = 1;
    if (unit < 0x80) {
      const bits = ASCII_CLASS[unit];
      word = (bits & ASCII_WORD) !== 0;
      space = (bits & ASCII_SPACE) !== 0;
    } else {
      const bits = classAt(text, i);
      word = (bits & (LETTER | NUMBER | MARK)) !== 0;
      space = isJsSpace(unit);
      if (bits & PAIR) width = 2;
      const weight = cjkWeight(unit);
      extra += weight;
      if (weight === HAN_KANA_WEIGHT && word) ideographs++;
      else if (word && isUnspacedUnit(unit)) unspaced++;
    }
    spaces = space ? spaces + 1 : 0;
    if (spaces === 3) spaceRun = true;
    if (word) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (unit >= 0x80) ascii = false;
    } else if (start >= 0) {
      if (runs++ < DENSITY_SAMPLE_WORDS && stopwords && isStopwordAt(stopwords, text, start, i, ascii)) stops++;
      count += runWords(ideographs, unspaced);
      ideographs = 0;
      unspaced = 0;
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) {
    if (runs++ < DENSITY_SAMPLE_WORDS && stopwords && isStopwordAt(stopwords, text, start, text.length, ascii)) stops++;
    count += runWords(ideographs, unspaced);
  }
  return { count, sampled: Math.min(runs, DENSITY_SAMPLE_WORDS), stops, chars: text.length + extra, spaceRun };
}

/** Han and kana are written without spaces between words; a Chinese or Japanese word is about two of them (the same
 *  ratio as cjkWeight's: a Latin word is about six characters with its space), so word thresholds apply to all
 *  scripts. Hangul separates its words with spaces and is counted as it is. */
const CJK_UNITS_PER_WORD = 2;
/** cjkWeight of a Han or kana unit. */
const HAN_KANA_WEIGHT = 2;

/** Thai, Lao, Khmer and Myanmar are alphabets written without spaces between words: a word is about as many units as
 *  a Latin word's letters with its space. */
const UNSPACED_UNITS_PER_WORD = 6;
/** A unit of the Myanmar, Thai and Lao, or Khmer blocks. */
const isUnspacedUnit = (unit: number): boolean => (unit >= 0x0e00 && unit <= 0x0eff) || (unit >= 0x1000 && unit <= 0x109f) || (unit >= 0x1780 && unit <= 0x17ff);

/** Words a run of letters counts for: one, or one per CJK_UNITS_PER_WORD of its Han and kana units and one per
 *  UNSPACED_UNITS_PER_WORD of its Thai, Lao, Khmer or Myanmar ones. */
const runWords = (ideographs: number, unspaced: number): number => Math.max(1, Math.round(ideographs / CJK_UNITS_PER_WORD + unspaced / UNSPACED_UNITS_PER_WORD));

export function computeFeatures(block: Block, lang: string | null): BlockFeatures {
  const text = block.text;
  const stopwords = stopwordTable(lang);
  const { count, sampled, stops, chars, spaceRun } = scanBlock(text, stopwords);
  const tail = text.slice(-TAIL_CHARS);
  const sentenceEnd = SENTENCE_END_RE.test(tail);
  const short = count <= PHRASE_MAX_WORDS;
  let brackets = 0;
  // Most lines have no bracket: a native search clears them faster than the expression's scan.
  BRACKET_RE.lastIndex = 0;
  if (text.includes('[')) for (let m = BRACKET_RE.exec(text); m !== null; m = BRACKET_RE.exec(text)) brackets += m[0].length;
  return {
    chars,
    words: count,
    stopwordDensity: stopwords && sampled > 0 ? stops / sampled : null,
    sentenceEnd,
    ellipsisEnd: ELLIPSIS_END_RE.test(tail),
    bullet: BULLET_RE.test(text),
    speechTurn: sentenceEnd && SPEECH_DASH_RE.test(text),
    questionEnd: QUESTION_END_RE.test(tail),
    barPieces: countBarPieces(text, spaceRun),
    tableRow: false,
    bracketShare: text.length ? brackets / text.length : 0,
    boilerplate: short ? boilerplateCoverage(text) : 0,
    url: short && hasUrl(text),
  };
}

/** Pieces of a line between bar separators (non-empty ones); `spaceRun`: the line has three white-space units in a row. */
function countBarPieces(text: string, spaceRun: boolean): number {
  // Every separator holds two no-break spaces or three white-space characters in a row: most lines have neither, and
  // skip the split (~2% of cleaning).
  if (!spaceRun && !text.includes('\u00a0')) return text.trim() ? 1 : 0;
  let pieces = 0;
  for (const p of text.split(BAR_SEPARATOR_RE)) if (p.trim()) pieces++;
  return pieces;
}

/** Cell separator of a laid-out table: 2+ plain spaces (no-break spaces join link bars, not cells). */
const CELL_GAP_RE = / {2,}/g;
/** More cells than this is a bar of links or a run of padding, not a table row. */
const MAX_CELLS = 64;
/** Rows sharing this many cell edges (start or end columns) belong to one table: two columns aligned. */
const MIN_SHARED_EDGES = 2;

/** Column positions where the cells of a line start and end (starts even, ends odd, so they never mix). */
function cellEdges(block: Block): Set<number> | null {
  // Most lines have no cell gap: no set for them (a set per line was a thirtieth of what cleaning allocated), and
  // one search clears them.
  if (!block.text.includes('  ') || block.text.includes('\u00a0')) return null;
  const edges = new Set<number>();
  let start = 0;
  let cells = 0;
  CELL_GAP_RE.lastIndex = 0;
  for (let m = CELL_GAP_RE.exec(block.text); m !== null; m = CELL_GAP_RE.exec(block.text)) {
    edges.add(2 * (block.indent + start)).add(2 * (block.indent + m.index) + 1);
    start = m.index + m[0].length;
    if (++cells > MAX_CELLS) return null;
  }
  if (cells === 0) return null;
  edges.add(2 * (block.indent + start)).add(2 * (block.indent + block.text.length) + 1);
  return edges;
}

/**
 * Rows of laid-out tables (w3m, lynx and links pad table cells with spaces): lines of several cells whose cell
 * edges line up with those of the line directly above or below. A bar of links on one line lines up with nothing.
 */
export function tableRows(blocks: readonly Block[]): boolean[] {
  const edges = blocks.map(cellEdges);
  const aligned = (a: number, b: number): boolean => {
    const ea = edges[a];
    const eb = edges[b];
    if (!ea || !eb || blocks[Math.max(a, b)].blankBefore > 0) return false;
    let shared = 0;
    for (const e of ea) if (eb.has(e) && ++shared >= MIN_SHARED_EDGES) return true;
    return false;
  };
  return blocks.map((_, i) => (i > 0 && aligned(i - 1, i)) || (i + 1 < blocks.length && aligned(i, i + 1)));
}
