/**
 * The matching view of a cleaned body: folded text, word tokens, word shingles and one-char-per-word
 * codes. Used only to compare documents; output text keeps its original characters.
 */
import { classAt, isAsciiDigit, isAsciiLetter, LETTER, MARK, NO_SPACE, NUMBER, PAIR } from '../text/char-classes.js';
import { murmur3, Murmur3Stream, murmur3Words } from './hash.js';

/** Seed of the word hash (any fixed value; it only has to be the same for every document). */
const WORD_SEED = 0x2f0b3a49;
/** Seed of the shingle hash. */
const SHINGLE_SEED = 0x5bd1e995;

// Typographic variants that republishers swap freely; folded so a style change is not a difference.
const APOSTROPHES = '\u2018\u2019\u201a\u201b\u2032\u02bc\u02b9\u00b4\u0060\uff07';
const QUOTES = '\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a\u300c\u300d\uff02';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d';
const SPACES = '\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\ufeff\u200b';
/** What each folded character becomes: the variants above, and the full case folds lower case leaves (ß, final sigma). */
const FOLD_TO = new Map<string, string>([
  ['ß', 'ss'],
  ['ς', 'σ'],
  // Persian and Urdu typed with the Arabic yeh and kaf, as some sites and keyboards do, and the zero-width non-joiner
  // some writers set inside words and others do not (ZWJ is left alone: emoji sequences hold it).
  ['\u064a', '\u06cc'],
  ['\u0643', '\u06a9'],
  ['\u0649', '\u06cc'],
  ['\u200c', ''],
  ...[...APOSTROPHES].map((c): [string, string] => [c, "'"]),
  ...[...QUOTES].map((c): [string, string] => [c, '"']),
  ...[...DASHES].map((c): [string, string] => [c, '-']),
  ...[...SPACES].map((c): [string, string] => [c, ' ']),
]);
/** The strings characters fold to. */
const FOLD_TARGETS = [...new Set(FOLD_TO.values())];
/** Per UTF-16 unit, 1 + the index of what it folds to in FOLD_TARGETS, or 0: all kinds in one scan (six regex
 *  passes were two thirds of folding). */
const FOLD_SLOT = new Uint8Array(0x10000);
for (const [c, to] of FOLD_TO) FOLD_SLOT[c.charCodeAt(0)] = 1 + FOLD_TARGETS.indexOf(to);

/** The text with each character FOLD_TO names replaced; the text itself when it holds none. */
function foldCharacters(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const k = FOLD_SLOT[text.charCodeAt(i)];
    if (k === 0) continue;
    out += text.slice(from, i) + FOLD_TARGETS[k - 1];
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** What a converter leaves in a paragraph that is not the article's words: a URL (a markdown link's target,
 *  `[text](https://…)` or relative `[text](/news/…)`, or one printed after its text) and a dump's link number (`[12]`, lynx and elinks). One copy
 *  of an article printed with them and one without otherwise differ in every shingle that spans one. */
const LINK_NOISE_RE = /\b(?:https?:\/\/|www\.)[^\s)\]>"]+|\]\([^()\s]*\)|\[\d{1,4}\]/giu;

/**
 * NFKC, case folding (lower case plus the full folds `ß`→`ss`, final sigma), quote / apostrophe / dash /
 * no-break-space folding, and link targets and numbers (LINK_NOISE_RE) taken out. Punctuation is kept here;
 * `wordTokens` drops it.
 */
export function foldText(text: string): string {
  // (each expression only where its character is: most bodies hold no link, no broken word, no digit group)
  let bare = text.includes(']') || text.includes('://') || text.includes('www.') ? text.replace(LINK_NOISE_RE, ' ') : text;
  if (bare.includes('-')) bare = bare.replace(BROKEN_WORD_RE, '$1$2');
  if (DIGIT_SEPARATOR_RE.test(bare)) bare = bare.replace(DIGIT_GROUP_RE, '$1');
  return foldCharacters(bare.normalize('NFKC').toLowerCase());
}

/** A separator between two digits, which DIGIT_GROUP_RE's groups need. */
const DIGIT_SEPARATOR_RE = /\d[,.\u00a0\u202f' ]\d/u;

/** A word broken at a line's end by a hyphen, its rest on the next line ("Farm-\ners", OCR and pdftotext copies): one
 *  word again. A hyphen before a space is rarely anything else ("pre- and post-war" becomes "preand"). */
const BROKEN_WORD_RE = /(\p{L})-\s+(\p{Ll})/gu;
/** A thousands separator between digits ("50,608", "50.608", "50 608", "50'608"): left out, as copies print
 *  numbers with their own locale's separator or none. */
const DIGIT_GROUP_RE = /(\d)[,.\u00a0\u202f' ](?=\d{3}(?!\d))/gu;

/**
 * Word tokens of already folded text, punctuation dropped: one character of a script written without spaces
 * (Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan), else a run of letters, marks and digits of any other script.
 * Per-character tokens keep shingles meaningful for Chinese, Japanese and Thai, where a "word" run would be a
 * whole sentence. An apostrophe between two letters or digits is elided rather than split on: "l'IA" and
 * "don't" stay one token. Read from the character-class table (two regex passes were a third of signing time);
 * tests/dedup/fingerprint.test.ts checks it against the regex definition.
 */
export function wordTokens(folded: string): string[] {
  const tokens: string[] = [];
  forEachWord(folded, (start, end, before) => tokens.push(before + folded.slice(start, end)));
  return tokens;
}

/**
 * hashTokens(wordTokens(folded)) in one scan: forEachWord's reading of the tokens, each token's murmur3 computed as
 * its characters are read (an elided apostrophe simply leaves the token's hash open), so no string per word and
 * no second pass over it. A callback per word and a hash call per word were most of signing's time after MinHash.
 */
export function wordHashes(folded: string): Uint32Array {
  // A text longer than the kept buffer gets one of its own, so one huge page does not pin its size in the thread.
  if (scratch.length < folded.length && folded.length <= MAX_SCRATCH_UNITS) scratch = new Uint32Array(folded.length);
  const out = scratch.length >= folded.length ? scratch : new Uint32Array(folded.length);
  let n = 0;
  let open = false; // a token is being hashed (in `word`)
  let previous = 0; // classes of the previous code point (an elided apostrophe is invisible)
  const length = folded.length;
  for (let i = 0; i < length; ) {
    const bits = tokenBits(folded, i, previous);
    if (bits === ELIDED) {
      i++;
      continue;
    }
    const width = bits & PAIR ? 2 : 1;
    if (inRun(bits)) {
      if (!open) word.start(WORD_SEED);
      open = true;
      // A token holds whole code points (no lone surrogate); decoded here, as codePointAt was ~15% slower.
      const unit = folded.charCodeAt(i);
      word.addPoint(width === 2 ? 0x10000 + ((unit - 0xd800) << 10) + (folded.charCodeAt(i + 1) - 0xdc00) : unit);
    } else {
      if (open) out[n++] = word.finish();
      open = false;
      if (bits & NO_SPACE) out[n++] = murmur3(folded, WORD_SEED, i, i + width);
    }
    previous = bits;
    i += width;
  }
  if (open) out[n++] = word.finish();
  return out.slice(0, n);
}

/** wordHashes' hash of the token being read. */
const word = new Murmur3Stream();

/** tokenBits' answer for an apostrophe between two letters or digits: elided, the token goes on past it. */
const ELIDED = -1;

/**
 * Class bits of the code point at `i` as the token scans read it (ASCII letters and digits by range), or ELIDED;
 * `previous` is the last code point's bits (an elided apostrophe is invisible).
 */
function tokenBits(folded: string, i: number, previous: number): number {
  const unit = folded.charCodeAt(i);
  if (unit >= 0x80) return classAt(folded, i);
  if (unit === 0x27 && previous & (LETTER | NUMBER) && i + 1 < folded.length && classAt(folded, i + 1) & (LETTER | NUMBER)) return ELIDED;
  return isAsciiDigit(unit) ? NUMBER : isAsciiLetter(unit) ? LETTER : 0;
}

/** Whether a code point of these bits is part of a run token (letters, marks, digits of a script with spaces). */
const inRun = (bits: number): boolean => (bits & (LETTER | NUMBER | MARK)) !== 0 && (bits & NO_SPACE) === 0;

/** wordHashes' buffer, reused: a text of n units has at most n words. */
let scratch = new Uint32Array(1 << 14);
/** Largest text (UTF-16 units) whose buffer is kept: 4 MB, far above any article. */
const MAX_SCRATCH_UNITS = 1 << 20;

/**
 * The scan of wordTokens: calls `word(start, end, before)` for each token, which is `before` (the run's text up
 * to an elided apostrophe, mostly '') followed by `folded.slice(start, end)`.
 */
function forEachWord(folded: string, word: (start: number, end: number, before: string) => void): void {
  let start = -1; // start of the current run, -1 when none
  let before = ''; // the run's text up to an elided apostrophe
  let previous = 0; // classes of the previous code point (an elided apostrophe is invisible)
  const n = folded.length;
  for (let i = 0; i < n; ) {
    const bits = tokenBits(folded, i, previous);
    if (bits === ELIDED) {
      if (start >= 0) before += folded.slice(start, i);
      start = -1;
      i++;
      continue;
    }
    const width = bits & PAIR ? 2 : 1;
    if (inRun(bits)) {
      if (start < 0) start = i;
    } else {
      if (start >= 0) word(start, i, before);
      else if (before) word(i, i, before);
      before = '';
      start = -1;
      if (bits & NO_SPACE) word(i, i + width, '');
    }
    previous = bits;
    i += width;
  }
  if (start >= 0) word(start, n, before);
  else if (before) word(n, n, before);
}

/** Hash of each token, in order: wordHashes' definition (tests check one against the other). */
export function hashTokens(tokens: readonly string[]): Uint32Array {
  const out = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = murmur3(tokens[i], WORD_SEED);
  return out;
}

/**
 * Sorted unique hashes of the word `size`-shingles. A body shorter than `size` words gives one
 * shingle of all its words (not none), so a short note can still match an identical copy; an empty
 * body gives none.
 */
export function shingleHashes(wordHashes: Uint32Array, size: number): Uint32Array {
  const n = wordHashes.length;
  if (n === 0) return new Uint32Array(0);
  const width = Math.min(Math.max(1, Math.floor(size)), n);
  const count = n - width + 1;
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = murmur3Words(wordHashes, i, width, SHINGLE_SEED);
  out.sort();
  return uniqueSorted(out);
}

/** Drops repeats from a sorted array (returns a view or copy no longer than the input). */
export function uniqueSorted(sorted: Uint32Array): Uint32Array {
  if (sorted.length < 2) return sorted;
  let w = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[w - 1]) sorted[w++] = sorted[i];
  return sorted.slice(0, w);
}

/** First code unit used by word codes; below it are ASCII and Latin-1, kept out for readability in dumps. */
const CODE_BASE = 0x100;
/** Number of distinct word codes: U+0100..U+D7FF, so every code is one UTF-16 unit (no surrogates). */
const CODE_RANGE = 0xd800 - CODE_BASE;

/**
 * One UTF-16 code unit per word (from the word hash), so Levenshtein distance over this string is a
 * word-level edit distance at character-level cost. Two words share a code with chance ~1/55,000.
 */
export function wordCodes(wordHashes: Uint32Array): string {
  let out = '';
  const chunk: number[] = [];
  for (let i = 0; i < wordHashes.length; i++) {
    chunk.push(CODE_BASE + (wordHashes[i] % CODE_RANGE));
    if (chunk.length === 4096) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}
