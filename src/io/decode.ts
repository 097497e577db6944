import chardet from 'chardet';
import iconv from 'iconv-lite';
import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

/** What the first bytes of a file say about how to decode it. */
export type Detection =
  | { kind: 'text'; encoding: string; invalidUtf8?: boolean }
  | { kind: 'binary' };

/** Share of zero bytes at odd (LE) or even (BE) offsets above which BOM-less UTF-16 is assumed. */
const UTF16_ZERO_SHARE = 0.3;
/** Share of zero bytes at one parity below which BOM-less UTF-16 in another script is not considered. */
const UTF16_MIN_ZERO_SHARE = 0.01;
/** Share of zero bytes at the other parity below which the UTF-16 guess stands. */
const UTF16_OTHER_ZERO_SHARE = 0.05;
/** Valid multi-byte UTF-8 sequences needed per invalid byte to call a file "UTF-8 with a few bad bytes". */
const UTF8_VALID_PER_INVALID = 2;

/** Normalises an encoding name for iconv-lite, or returns null when iconv-lite cannot decode it. */
export function resolveEncoding(name: string): string | null {
  const lower = name.trim().toLowerCase();
  if (lower === 'utf8' || lower === 'utf-8') return 'utf-8';
  // (compared as iconv-lite compares names: letters and digits only, so "base-64" and "HEX_" are caught too)
  return iconv.encodingExists(lower) && !NOT_TEXT_ENCODINGS.has(lower.replace(/[^0-9a-z]/g, '')) ? lower : null;
}
/** Names iconv-lite knows that are not character encodings of text but of bytes (`--encoding hex` decoded a page
 *  into its bytes' hexadecimal digits). */
const NOT_TEXT_ENCODINGS = new Set(['base64', 'hex']);

/**
 * Detects UTF-16 without a byte order mark from the zero bytes ASCII text leaves at one parity. Text in another
 * script (Cyrillic, Greek, CJK) leaves zeros only where it has spaces, digits and line ends: fewer zeros, so it is
 * decoded and must read as text (mostly letters, no control character, nothing unassigned).
 */
function detectBomlessUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const odd = oddZero / pairs;
  const even = evenZero / pairs;
  if (odd >= UTF16_ZERO_SHARE && even <= UTF16_OTHER_ZERO_SHARE) return 'utf-16le';
  if (even >= UTF16_ZERO_SHARE && odd <= UTF16_OTHER_ZERO_SHARE) return 'utf-16be';
  // Other scripts leave zeros only at spaces, digits and line ends, but some; a UTF-8 page with a stray NUL has one.
  if (Math.max(odd, even) < UTF16_MIN_ZERO_SHARE) return null;
  // Valid multi-byte UTF-8 (Cyrillic, accents) is UTF-8 with a stray NUL: UTF-16 text never is.
  const { validMultibyte, invalid } = scanUtf8(sample);
  if (validMultibyte > 0 && invalid === 0) return null;
  // Line ends tell the byte order: 0A 00 at an even offset in little-endian text, 00 0A in big-endian text (a
  // Han character such as U+4E00 leaves a zero at either parity).
  let le = 0;
  let be = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0x0a && sample[i + 1] === 0) le++;
    else if (sample[i] === 0 && sample[i + 1] === 0x0a) be++;
  }
  const order: ('utf-16le' | 'utf-16be')[] = be > le ? ['utf-16be', 'utf-16le'] : ['utf-16le', 'utf-16be'];
  return order.find((encoding) => readsAsText(sample, encoding)) ?? null;
}

/** Bytes decoded to judge a UTF-16 guess: enough text, bounded work for a binary file that reaches the test. */
const UTF16_CHECK_BYTES = 1 << 16;
/** Share of the characters that must be letters (the rest spaces, digits, punctuation) for a guess to stand. */
const UTF16_MIN_LETTER_SHARE = 0.5;
const LETTER_RE = /\p{L}/u;
/** Control characters other than tab, line feed, form feed and carriage return; unassigned and private-use code
 *  points; U+FFFD from an unpaired surrogate. Bytes read in the wrong order or binary bytes meet them at once. */
const NOT_TEXT_RE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd\p{Cn}\p{Co}]/u;

/** Whether the bytes decode in this encoding to text: no control character, and mostly letters. */
function readsAsText(sample: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): boolean {
  const bytes = sample.subarray(0, Math.min(sample.length, UTF16_CHECK_BYTES) & ~1);
  const text = new TextDecoder(encoding).decode(bytes);
  let letters = 0;
  let chars = 0;
  for (const c of text) {
    if (NOT_TEXT_RE.test(c)) return false;
    chars++;
    if (LETTER_RE.test(c)) letters++;
  }
  return chars > 0 && letters >= chars * UTF16_MIN_LETTER_SHARE;
}

/** Counts valid multi-byte UTF-8 sequences and invalid bytes, to tell "UTF-8 with a few bad bytes" from legacy text. */
export function scanUtf8(bytes: Uint8Array): { validMultibyte: number; invalid: number } {
  let validMultibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) { invalid++; i++; continue; }
    let ok = true;
    for (let k = 1; k <= need && ok; k++) {
      const c = bytes[i + k];
      if (c === undefined) break; // cut at the sample's end: not evidence either way
      if ((c & 0xc0) !== 0x80) ok = false;
    }
    if (ok) { validMultibyte++; i += need + 1; } else { invalid++; i++; }
  }
  return { validMultibyte, invalid };
}

/** Whether the bytes are strict UTF-8; `partial` allows a sequence cut at the end of a sample. */
function isStrictUtf8(sample: Uint8Array, partial: boolean): boolean {
  // Validation without decoding: decoding every input twice was a tenth of the read threads' allocations.
  if (isUtf8(sample)) return true;
  if (!partial) return false;
  // Perhaps only cut inside a character at the end: the streaming decoder judges.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: partial });
    return true;
  } catch {
    return false;
  }
}

/** Bytes that are box-drawing characters in KOI8-R and Ukrainian letters in KOI8-U (є і ї ґ, Є І Ї Ґ). */
const KOI8U_LETTERS = new Set([0xa4, 0xa6, 0xa7, 0xad, 0xb4, 0xb6, 0xb7, 0xbd]);
/** KOI8's Cyrillic letters (both variants). */
const isKoi8Letter = (byte: number | undefined): boolean => byte !== undefined && (byte >= 0xc0 || KOI8U_LETTERS.has(byte));

/**
 * Whether a KOI8 sample holds KOI8-U's letters: chardet knows KOI8-R only, where those bytes draw boxes, which
 * never stand inside a word; Ukrainian's і, ї, є and ґ do.
 */
function hasKoi8uLetters(sample: Uint8Array): boolean {
  for (let i = 0; i < sample.length; i++) {
    if (KOI8U_LETTERS.has(sample[i]) && (isKoi8Letter(sample[i - 1]) || isKoi8Letter(sample[i + 1]))) return true;
  }
  return false;
}

/** Picks a legacy encoding for bytes that are not UTF-8, with chardet's ranking; Windows-1252 when unsure. Where
 *  chardet is unsure of every single-byte encoding it knows, the one whose reading of the bytes is most plausible
 *  (see plausibility) is taken, in chardet's order among equals. */
function detectLegacy(sample: Uint8Array): string {
  const candidates: Array<{ name: string; confidence: number }> = [];
  for (const candidate of chardet.analyse(sample)) {
    let name = candidate.name.toLowerCase();
    if (name.startsWith('utf')) continue;
    // ISO-8859-1 labelled text is in practice Windows-1252 (curly quotes in 0x80–0x9F), as in HTML5; a short sample
    // can read as ASCII to chardet, though the bytes that sent it here are not.
    if (name === 'iso-8859-1' || name === 'ascii' || name === 'us-ascii') name = 'windows-1252';
    // Windows-1255 is ISO-8859-8 with the vowel points in its empty 0xC0–0xDF: Yiddish text needs them, and chardet
    // has no model of Yiddish to ask for them.
    if (name === 'iso-8859-8') name = 'windows-1255';
    if (name === 'koi8-r' && hasKoi8uLetters(sample)) name = 'koi8-u';
    if (iconv.encodingExists(name) && !candidates.some((c) => c.name === name)) candidates.push({ name, confidence: candidate.confidence });
  }
  if (candidates.length === 0) return 'windows-1252';
  if (candidates[0].confidence >= CHARDET_SURE || !byteTable(candidates[0].name)) return candidates[0].name;
  // chardet lists only the code pages of languages it has models of (no Yiddish: its Hebrew guess is ISO-8859-8,
  // which has no vowel points): the Windows code pages are weighed after its own guesses.
  for (const name of WINDOWS_CODE_PAGES) if (!candidates.some((c) => c.name === name)) candidates.push({ name, confidence: 0 });
  let best = candidates[0].name;
  let bestScore = -1;
  for (const { name } of candidates) {
    const table = byteTable(name);
    const score = table ? plausibility(sample, table) : -1;
    if (score > bestScore) [best, bestScore] = [name, score];
  }
  return best;
}

/** The single-byte code pages of Windows: Central European, Cyrillic, Western, Greek, Turkish, Hebrew, Arabic, Baltic,
 *  Vietnamese. */
const WINDOWS_CODE_PAGES = ['windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256', 'windows-1257', 'windows-1258'];

/** chardet's confidence (0–100) from which its first guess is taken as it is: measured, text in a language its models
 *  know scores 29–100 (Russian, Bulgarian in Windows-1251 ~50, Greek ~58, Turkish ~38); Kyrgyz in Windows-1251 scored
 *  6–9, below Windows-1252's reading of the same bytes. */
const CHARDET_SURE = 20;

/** What a byte from 0x80 up reads as in a single-byte encoding, as bit flags: a letter (of the Latin script or not,
 *  upper or lower case), a combining mark, or none of these (a symbol, a control, an unassigned byte). */
const LETTER = 1;
const LATIN = 2;
const UPPER = 4;
const LOWER = 8;
const MARK = 16;
const byteTables = new Map<string, Uint8Array | null>();
/** Where the single-byte code pages put their letters (Latin, Cyrillic, Greek, Hebrew, Arabic alike). */
const LETTERS_FROM = 0xc0;

/** The byte flags of one character. */
function charFlags(char: string): number {
  if (/\p{M}/u.test(char)) return MARK;
  if (!/\p{L}/u.test(char)) return 0;
  return LETTER | (/\p{Script=Latin}/u.test(char) ? LATIN : 0) | (/\p{Lu}/u.test(char) ? UPPER : 0) | (/\p{Ll}/u.test(char) ? LOWER : 0);
}

/** The upper half's byte flags of a single-byte encoding; null for a multi-byte one (Shift_JIS, GB18030 …). */
function byteTable(encoding: string): Uint8Array | null {
  let table = byteTables.get(encoding);
  if (table !== undefined) return table;
  table = new Uint8Array(128);
  for (let b = 0x80; b <= 0xff && table; b++) {
    const char = iconv.decode(Buffer.from([b]), encoding);
    if ([...char].length !== 1) table = null;
    else table[b - 0x80] = charFlags(char);
  }
  byteTables.set(encoding, table);
  return table;
}

/**
 * How plausible a single-byte encoding's reading of the bytes is, from 0 to 1: the share of the bytes from 0xC0 up
 * that read as letters, or as combining marks on a letter (Yiddish and Hebrew vowel points), less those that read as
 * a capital right after a small letter (a Hebrew text read as Greek or KOI8-R: "θςΔγθω", which no cased script
 * writes); and 0 for a reading in accented Latin letters that outnumber the plain ones (a Cyrillic or Greek text read
 * as Windows-1252: "Áèøêåêòå"), which no Latin-script language writes.
 */
function plausibility(sample: Uint8Array, table: Uint8Array): number {
  let plain = 0;
  let upper = 0;
  let letters = 0;
  let latin = 0;
  // The flags of the byte before (a mark on a letter counts as the letter).
  let before = 0;
  for (const byte of sample) {
    let flags: number;
    if (byte < 0x80) {
      const lower = byte >= 0x61 && byte <= 0x7a;
      flags = lower ? LETTER | LOWER : byte >= 0x41 && byte <= 0x5a ? LETTER | UPPER : 0;
      if (flags) plain++;
    } else {
      flags = table[byte - 0x80];
      if (flags === MARK) flags = before & LETTER ? before : 0;
    }
    // 0x80–0xBF hold the Western code pages' symbols (© £ ¿ ±), which others read as letters (Š Ł ż): only the range
    // where every code page puts its letters is weighed.
    if (byte >= LETTERS_FROM) {
      upper++;
      if (flags & LETTER && !(flags & UPPER && before & LOWER)) letters++;
      if (flags & LATIN) latin++;
    }
    before = flags;
  }
  if (upper === 0 || latin > plain) return 0;
  return letters / upper;
}

/**
 * Decides how to decode a file from its first bytes: byte order marks, BOM-less UTF-16, binary
 * (NUL bytes), strict UTF-8, UTF-8 with a few invalid bytes, then a legacy encoding.
 * `complete` says whether the sample is the whole file.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): Detection {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { kind: 'text', encoding: 'utf-8' };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { kind: 'text', encoding: 'utf-16le' };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { kind: 'text', encoding: 'utf-16be' };
  const utf16 = detectBomlessUtf16(sample);
  if (utf16) return { kind: 'text', encoding: utf16 };
  if (isBinary(sample)) return { kind: 'binary' };
  if (isStrictUtf8(sample, !complete)) return { kind: 'text', encoding: 'utf-8' };
  const { validMultibyte, invalid } = scanUtf8(sample);
  if (validMultibyte > 0 && validMultibyte >= invalid * UTF8_VALID_PER_INVALID) {
    return { kind: 'text', encoding: 'utf-8', invalidUtf8: true };
  }
  return { kind: 'text', encoding: detectLegacy(sample) };
}

/** NUL bytes per byte of a sample from which the file is binary: images, PDFs and archives have one in a few hundred
 *  bytes; a text dump with a stray NUL or two (a scraper's glitch) is text, and each record holding one is rejected
 *  alone. A sample shorter than the share's inverse with any NUL is binary, as it was before. */
const BINARY_NUL_SHARE = 1 / 4096;

function isBinary(sample: Uint8Array): boolean {
  let at = sample.indexOf(0);
  if (at < 0) return false;
  let nuls = 0;
  for (; at >= 0; at = sample.indexOf(0, at + 1)) nuls++;
  return nuls >= Math.max(1, sample.length * BINARY_NUL_SHARE);
}

const EMPTY = new Uint8Array(0);

/**
 * The bytes of an incomplete UTF-8 character at the end of `held` followed by `bytes` (valid UTF-8 so far):
 * the last lead byte and its continuation bytes, when fewer than the lead byte announces.
 */
function incompleteTail(held: Uint8Array, bytes: Uint8Array): Uint8Array {
  const last = bytes.length >= 3 ? bytes.subarray(bytes.length - 3) : Buffer.concat([held, bytes]).subarray(-3);
  for (let i = last.length - 1; i >= 0; i--) {
    const b = last[i];
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return last.length - i < length ? last.slice(i) : EMPTY;
  }
  return EMPTY;
}

/** Incremental decoder: bytes in, text with LF line endings out, whatever the chunk boundaries. */
export class StreamDecoder {
  /** The encoding decoding now (see `switchedAt`). */
  encoding: string;
  /** Set once bytes that are not valid in the encoding were replaced (UTF-8 only). */
  invalidBytes = false;
  /** Byte offset where a detected UTF-8 input, ASCII up to there, turned out to be in a legacy encoding (chosen
   *  from the bytes from there on), or null. */
  switchedAt: number | null = null;
  /** Every byte so far was ASCII, which reads the same in UTF-8 and in every legacy encoding. */
  private ascii = true;
  private utf8: TextDecoder | null = null;
  private legacy: ReturnType<typeof iconv.getDecoder> | null = null;
  /** A CR at a chunk's end, held back in case the next chunk starts with LF. */
  private pendingCr = false;
  /** The bytes of a character cut at the end of the chunks so far, which the strict UTF-8 decoder holds. */
  private held: Uint8Array = EMPTY;
  /** Bytes given to the UTF-8 decoder so far: only at byte 0 is EF BB BF a byte order mark. */
  private fed = 0;

  /** `redetect`: the encoding was detected from a sample, not given, so an ASCII start may be followed by legacy bytes.
   *  Only for files: they are read in chunks of fixed size, so the chunk the decision reads is the same on every run
   *  (a pipe hands over pieces of any size). */
  constructor(encoding: string, private readonly redetect = false) {
    this.encoding = encoding;
    if (encoding === 'utf-8') this.utf8 = new TextDecoder('utf-8', { fatal: true });
    else this.legacy = iconv.getDecoder(encoding);
  }

  write(bytes: Uint8Array): string {
    return this.normalise(this.decode(bytes, true), false);
  }

  end(): string {
    return this.normalise(this.decode(new Uint8Array(0), false), true);
  }

  /**
   * The text of a whole input in one call, for a decoder not written to yet: the same text as write then end,
   * but UTF-8 takes Node's one-shot decoder (a streaming call takes ICU's converter, every call after it too),
   * which made a third of the read threads' allocations.
   */
  whole(bytes: Uint8Array): string {
    if (this.legacy) return this.normalise(this.decodeLegacy(bytes) + (this.legacy.end() ?? ''), true);
    return this.normalise(this.decodeUtf8(bytes, false), true);
  }

  private decode(bytes: Uint8Array, more: boolean): string {
    if (this.legacy) return more ? this.decodeLegacy(bytes) : this.legacy.end() ?? '';
    return this.decodeUtf8(bytes, more);
  }

  private decodeLegacy(bytes: Uint8Array): string {
    return this.legacy!.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  private decodeUtf8(bytes: Uint8Array, more: boolean): string {
    const start = this.fed;
    this.fed += bytes.length;
    try {
      const text = this.utf8!.decode(bytes, { stream: more });
      if (more && !this.invalidBytes) this.held = incompleteTail(this.held, bytes);
      if (this.ascii) this.ascii = isAscii(bytes);
      return text;
    } catch {
      // Only a chunk with no valid multi-byte UTF-8 in it is legacy text; one stray byte among UTF-8 is replaced.
      const legacy = this.ascii && this.redetect && start > 0 && scanUtf8(bytes).validMultibyte === 0 ? detectEncoding(bytes, !more) : null;
      if (legacy?.kind === 'text' && legacy.encoding !== 'utf-8' && !legacy.encoding.startsWith('utf-16')) {
        // The sample was ASCII, so it read the same in UTF-8 as in this encoding: go on in this one.
        this.switchedAt = start;
        this.encoding = legacy.encoding;
        this.utf8 = null;
        this.legacy = iconv.getDecoder(legacy.encoding);
        return more ? this.decodeLegacy(bytes) : this.decodeLegacy(bytes) + (this.legacy.end() ?? '');
      }
      // Invalid bytes: go on with a replacing decoder, so one bad byte costs one U+FFFD, not the file. The bytes
      // the failed decoder held (a character cut by the chunk boundary) go to the new one, or they would be lost;
      // past the input's first byte, EF BB BF is a character (U+FEFF), not a byte order mark to strip.
      this.invalidBytes = true;
      const from = start - this.held.length;
      this.utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: from > 0 });
      const input = this.held.length ? Buffer.concat([this.held, bytes]) : bytes;
      this.held = EMPTY;
      return this.utf8.decode(input, { stream: more });
    }
  }

  private normalise(text: string, last: boolean): string {
    let out = this.pendingCr ? '\r' + text : text;
    this.pendingCr = false;
    if (!last && out.endsWith('\r')) {
      this.pendingCr = true;
      out = out.slice(0, -1);
    }
    return normaliseNewlines(out);
  }
}

/** CRLF and lone CR become LF. */
export function normaliseNewlines(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

/** Decodes a whole buffer: detection, then decoding; for small inputs and tests. */
export function decodeBytes(bytes: Uint8Array, forcedEncoding?: string): { text: string; encoding: string; invalidBytes: boolean } | { binary: true } {
  const detection: Detection = forcedEncoding ? { kind: 'text', encoding: forcedEncoding } : detectEncoding(bytes, true);
  if (detection.kind === 'binary') return { binary: true };
  const decoder = new StreamDecoder(detection.encoding);
  const text = decoder.whole(bytes);
  return { text, encoding: detection.encoding, invalidBytes: decoder.invalidBytes };
}
