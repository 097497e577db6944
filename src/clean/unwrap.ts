/**
 * Hard-wrapped dumps. Text browsers dump at 80 columns unless told otherwise (`w3m -dump`, `lynx -dump`), so every
 * paragraph reaches us cut into lines; the cleaner reads a block per line, and a paragraph cut in five is five short
 * blocks to it (no sentence whole, stopword density per line, a headline in two halves). unwrapHardWraps finds the
 * page's wrap width and joins each line the browser broke to the one that follows it, so that a block is a
 * paragraph again. A page dumped wide (`-cols 2000`, one line per paragraph) must come back as it is: the evidence
 * asked for is paragraphs (runs of lines broken wherever the next word would not fit, ending short, running on in
 * lower case), which lists, tables and code do not show.
 */

import { isJsSpace } from '../text/char-classes.js';

/** Widest wrap looked for (columns): dumps are wrapped at 72–132 columns; a longer breakable line means no wrap. */
const MAX_WRAP_WIDTH = 250;
/** Narrowest wrap looked for (columns): dump tools wrap at 72 to 80 by default; a list of lines as short as a
 *  narrower "width" is a list of headlines more often than a narrow dump. */
const MIN_WRAP_WIDTH = 60;
/** Columns below a candidate width that count towards it: wrapped lines fill the last few columns before the width. */
const WIDTH_BAND = 5;
/** Lines the page's wrap width needs in its band: a few long lines (a table row, code) are not a width. */
const WIDTH_SUPPORT = 3;
/** Columns short of the densest band's width a paragraph's last line must stop at to count as one (a list's lines
 *  end anywhere). */
const LAST_LINE_SHORT = 10;
/** Paragraphs and breaks a page needs before it is taken as wrapped, and how many breaks each breakable line wider
 *  than the width asks for (a page dumped wide has many). Three breaks leave a short page of two or three wrapped
 *  paragraphs wrapped (four kept a third of probe 8's pages line by line); below ten they allow no wider line. */
const MIN_PARAGRAPHS = 2;
const MIN_JOINS = 3;
const MIN_LONE_JOINS = 6;
const JOINS_PER_WIDER_LINE = 10;
/** The widths dump tools wrap at unless told otherwise (pandoc 72, html2text 78, lynx 79, w3m, links and elinks 80),
 *  and the breaks two paragraphs, and the lines a band, need at such a width: a short news item's two paragraphs
 *  broken once each (on the dev sets' and bench's wide pages, no page reads as wrapped at such a width so; a review's
 *  96 short pages rendered by the six tools: 27 left line by line before, 7 after; its 65 pages printed line by line:
 *  8 joined before, 10 after, all listings whose 70-80 column titles stand over a short date or description line). */
const TOOL_WIDTHS = [70, 80] as const;
const MIN_JOINS_AT_TOOL_WIDTH = 2;
const WIDTH_SUPPORT_AT_TOOL_WIDTH = 2;
/** Share of the breaks in prose before a cased letter, a digit or a quotation mark that must come before a
 *  lower-case letter: a sentence runs on after a break, while each item of a list of headlines or dated entries
 *  starts with a capital, a digit or a quote (German prose, capitals on every noun, still breaks before lower case
 *  more than half the time). Asked only where such starts are common: in Chinese or Arabic no break shows one. */
const MIN_LOWER_CASE_SHARE = 0.3;
const MIN_MARKED_START_SHARE = 0.3;

/** A list item's first line: a bullet (w3m's, lynx's `+`), or a number with a dot or parenthesis, then a space. A
 *  dash is not one: a spaced dash continues a sentence as often as it opens a line. */
const LIST_ITEM_RE = /^(?:[•*·▪◦‣●○■□☆+]|\d{1,3}[.)])\s/u;
/** Wide characters (East Asian Wide and Fullwidth): two columns each. */
const WIDE_RE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
/** Wide characters of scripts written without spaces (Han, kana, fullwidth forms): lines broken between two of them
 *  join without a space; Hangul, written with spaces between words, joins with one. */
const UNSPACED_RE = /[\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
/** Combining marks, format characters and low surrogates: no column of their own (a surrogate pair, an emoji,
 *  counts one, as w3m counts it). */
const ZERO_WIDTH_RE = /^[\p{M}\p{Cf}\udc00-\udfff]$/u;

/** Columns per UTF-16 unit, filled on first sight (-1: not yet). */
const columns = new Int8Array(0x10000).fill(-1);

function columnsOf(unit: number): number {
  let c = columns[unit];
  if (c < 0) {
    const char = String.fromCharCode(unit);
    c = columns[unit] = ZERO_WIDTH_RE.test(char) ? 0 : WIDE_RE.test(char) ? 2 : 1;
  }
  return c;
}

/** One line of the page, white space around it left out. */
interface Line {
  start: number;
  end: number;
  /** Spaces before its first character. */
  indent: number;
  /** Display columns, -1 for a line wider than MAX_WRAP_WIDTH (not measured). */
  width: number;
  /** Characters (combining marks too), as tools wrapping by characters count them (Python's textwrap, as
   *  html2text uses it; lynx in some scripts); -1 when not measured. */
  points: number;
  /** Could have been broken: holds a space after its indentation, or a wide character (broken anywhere). */
  breakable: boolean;
  /** Lays out items with runs of spaces (a table's row, a menu): no evidence of a wrap, joined only on a page its
   *  prose shows wrapped. */
  laidOut: boolean;
  /** Starts a list item (LIST_ITEM_RE). */
  listItem: boolean;
  /** Holds an address (://, www.): dump tools never break one and print their link lists whatever the width, so a
   *  line wider than the wrap holding one is no sign against it. */
  url: boolean;
  /** An entry of a link list (a list item or a markdown link or image holding an address, lynx's References): no
   *  sign of the wrap's width either. */
  linkEntry: boolean;
}

const isBlank = (l: Line): boolean => l.end === l.start;

/** Where the text of the line text[start, next) starts and ends, white space around it left out. */
function trimmed(text: string, start: number, next: number): [first: number, end: number] {
  let end = next;
  while (end > start && isJsSpace(text.charCodeAt(end - 1))) end--;
  let first = start;
  while (first < end && isJsSpace(text.charCodeAt(first))) first++;
  return [first, end];
}

/** Whether text[from, to) holds a space (read up to `to` only: a text without spaces costs one pass, not one per line). */
function hasSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 32) return true;
  return false;
}

function readLines(text: string): Line[] {
  const lines: Line[] = [];
  const urls = new UrlFinder(text);
  for (let start = 0; start <= text.length; ) {
    let next = text.indexOf('\n', start);
    if (next < 0) next = text.length;
    const [first, end] = trimmed(text, start, next);
    const line: Line = { start: first, end, indent: first - start, width: -1, points: -1, breakable: false, laidOut: false, listItem: LIST_ITEM_RE.test(text.slice(first, first + 5)), url: false, linkEntry: false };
    if (end - first <= MAX_WRAP_WIDTH) measure(text, line);
    else line.breakable = hasSpace(text, first, end);
    // (asked of the lines that can count towards a width's band only: the others are never wider than the wrap)
    if (line.breakable && (line.width < 0 || line.width >= MIN_WRAP_WIDTH - WIDTH_BAND)) line.url = urls.within(first, end);
    line.linkEntry = line.url && (line.listItem || MARKDOWN_LINK_START_RE.test(text.slice(first, first + 2)));
    lines.push(line);
    start = next + 1;
  }
  return lines;
}

/** Finds addresses ("://", "www.") in lines read in order, searching the text once for each (not once per line),
 *  and only once a line is asked about. */
class UrlFinder {
  /** Per mark, where it is next found at or after the last line asked about (-1: nowhere); null until asked. */
  private next: number[] | null = null;
  constructor(private readonly text: string) {}

  /** Whether text[from, to) holds an address; lines must be asked in order. */
  within(from: number, to: number): boolean {
    const next = (this.next ??= URL_MARKS.map((mark) => this.text.indexOf(mark, from)));
    let found = false;
    for (let k = 0; k < URL_MARKS.length; k++) {
      while (next[k] >= 0 && next[k] < from) next[k] = this.text.indexOf(URL_MARKS[k], from);
      if (next[k] >= 0 && next[k] < to) found = true;
    }
    return found;
  }
}
/** A markdown link or image opening a line. */
const MARKDOWN_LINK_START_RE = /^!?\[/;
/** What every address of a dump holds. */
const URL_MARKS = ['://', 'www.'];

function measure(text: string, line: Line): void {
  let width = line.indent;
  let points = line.indent;
  let wide = false;
  let space = false;
  let spaces = 0;
  for (let i = line.start; i < line.end; i++) {
    const unit = text.charCodeAt(i);
    const c = unit < 0x300 ? 1 : columnsOf(unit);
    if (c === 2) wide = true;
    width += c;
    // (a surrogate pair is one character)
    if (unit < 0xdc00 || unit > 0xdfff) points++;
    if (unit === 32) space = true;
    if (unit === 32 || unit === 0xa0) {
      if (++spaces === 2) line.laidOut = true;
    } else spaces = 0;
  }
  line.width = width;
  line.points = points;
  line.breakable = wide || space;
}

/**
 * The page's likely wrap widths: the width whose band (it and the WIDTH_BAND columns below) holds the most breakable
 * lines, the widest on a tie, `min` (MIN_WRAP_WIDTH) at least and with WIDTH_SUPPORT lines (`dense`; 0 when none has
 * them), and the widest band with that support (`widest`). The densest first: lynx wraps text at 74 columns but lets a
 * heading run to 79.
 */
function wrapWidths(lines: readonly Line[], min = MIN_WRAP_WIDTH): { dense: number; widest: number } {
  const counts = new Int32Array(MAX_WRAP_WIDTH + 1);
  for (const l of lines) if (l.breakable && !l.laidOut && !l.linkEntry && l.width >= min - WIDTH_BAND) counts[l.width]++;
  let dense = 0;
  let bestCount = WIDTH_SUPPORT - 1;
  let widest = 0;
  let band = 0;
  for (let w = min - WIDTH_BAND; w <= MAX_WRAP_WIDTH; w++) {
    band += counts[w] - (w - WIDTH_BAND - 1 >= 0 ? counts[w - WIDTH_BAND - 1] : 0);
    if (w < min || band < (w >= TOOL_WIDTHS[0] && w <= TOOL_WIDTHS[1] ? WIDTH_SUPPORT_AT_TOOL_WIDTH : WIDTH_SUPPORT)) continue;
    widest = w;
    if (band >= bestCount) {
      dense = w;
      bestCount = band;
    }
  }
  // The widest line each band's lines reach.
  while (dense > 0 && counts[dense] === 0) dense--;
  while (widest > 0 && counts[widest] === 0) widest--;
  return { dense, widest };
}

/** Columns the first word of a line takes: one character of a script broken anywhere (Han, kana), the word up to the
 *  next space in one written with spaces (Hangul's two columns a syllable included: lynx breaks Korean at spaces). */
function firstWordColumns(text: string, line: Line): number {
  const first = text.charCodeAt(line.start);
  if (first >= 0x300 && columnsOf(first) === 2 && UNSPACED_RE.test(text[line.start])) return 2;
  // (a unit of any other width counts one, as the characters tools wrapping by characters count)
  let columns = 0;
  for (let i = line.start; i < line.end && text.charCodeAt(i) !== 32; i++) {
    const unit = text.charCodeAt(i);
    columns += unit >= 0x300 && columnsOf(unit) === 2 ? 2 : 1;
  }
  return columns;
}

/**
 * Whether the browser broke line `a` before `b`: `b` follows directly, at the same indentation (or deeper, after a
 * list item's first line), is not a list item of its own, and its first word would not have fitted on `a`. Lines
 * laying out items with runs of spaces (a menu, a ticker, a table's row) only when `laidOut` is asked for.
 */
function brokeBefore(text: string, a: Line, b: Line, width: number, listItem: boolean, laidOut: boolean): boolean {
  if (a.width < 0 || a.width > width || isBlank(a) || isBlank(b) || (!laidOut && (a.laidOut || b.laidOut))) return false;
  if (b.indent !== a.indent && !(listItem && b.indent > a.indent)) return false;
  if (b.listItem) return false;
  const space = unspacedJoint(text, a, b) ? 0 : 1;
  return a.width + space + firstWordColumns(text, b) > width && !isRule(text, a) && !isRule(text, b);
}

/** A breakable line of prose wider than the wrap, which a wrapped page has few of: not a menu laid out with spaces, a
 *  line holding an address or a markdown heading, which converters never break. */
function widerThanWrap(text: string, l: Line, width: number): boolean {
  return l.breakable && !l.laidOut && !l.url && (l.width < 0 || l.width > width) && !isAtxHeading(text, l);
}

/** A list item printed whole on its line, its own text longer than the wrap, as converters that wrap paragraphs but
 *  not list items print it (Python's html2text): it says nothing against the wrap. Not an item set far to the right
 *  (a laid-out page's menu, indented hundreds of columns): that line is wide for its indent. */
function unwrappedItem(line: Line, width: number): boolean {
  return line.listItem && line.width - line.indent > width;
}

/** A markdown heading ("# Headline {#id}"): converters wrap paragraphs, never a heading, so one wider than the wrap
 *  says nothing against it (pandoc's markdown, html2text). */
const ATX_HEADING_RE = /^#{1,6}\s/;
function isAtxHeading(text: string, line: Line): boolean {
  return text.charCodeAt(line.start) === 35 && ATX_HEADING_RE.test(text.slice(line.start, line.start + 7));
}

/** A line of one mark repeated: a setext heading's underline (pandoc's `====` and `----` under a headline wide as the
 *  wrap) or a rule, never a wrapped line's part. */
const RULE_RE = /^([=\-_~*#+])\1{2,}$/;
function isRule(text: string, line: Line): boolean {
  return RULE_RE.test(text.slice(line.start, line.end));
}
/** A line (spaces around it aside) that is one mark repeated (see isRule): the title search looks past it. */
export const isRuleLine = (line: string): boolean => RULE_RE.test(line.trim());

/**
 * Whether the page has more breakable lines longer than any wrap than it could have joins for them (a page dumped
 * wide): found from line ends, and the ends and a space of each long line only, before any line is measured. Never
 * true of a page the full test would take as wrapped (each of these lines is wider than any wrap width).
 */
function dumpedWide(text: string): boolean {
  let lines = 0;
  let tooLong = 0;
  const urls = new UrlFinder(text);
  for (let start = 0; start <= text.length; ) {
    let next = text.indexOf('\n', start);
    if (next < 0) next = text.length;
    lines++;
    if (next - start > MAX_WRAP_WIDTH) {
      const [first, end] = trimmed(text, start, next);
      if (end - first > MAX_WRAP_WIDTH && hasSpace(text, first, end) && !urls.within(first, end)) tooLong++;
    }
    start = next + 1;
  }
  return tooLong * JOINS_PER_WIDER_LINE > lines;
}

/** The text with every hard-wrapped paragraph on one line; the text itself when it is not wrapped. */
export function unwrapHardWraps(text: string): string {
  if (text.indexOf('\n') < 0 || dumpedWide(text)) return text;
  const lines = readLines(text);
  const unwrapped = unwrapAt(text, lines);
  if (unwrapped !== null) return unwrapped;
  // Measured again in characters where those differ from columns (combining marks: a Sinhala or Khmer line of 78
  // characters is ~60 columns, which a tool wrapping by characters filled).
  if (lines.some((l) => l.points !== l.width)) {
    const byPoints = unwrapAt(text, lines.map((l) => ({ ...l, width: l.points })));
    if (byPoints !== null) return byPoints;
  }
  return unwrapTypeset(text, lines) ?? text;
}

/** The text with the paragraphs of its lines, measured as they are, joined; null when they show no wrap. */
function unwrapAt(text: string, lines: readonly Line[]): string | null {
  const { dense, widest } = wrapWidths(lines);
  if (!dense) return null;
  // The densest band may stop short of the width when few lines fill the last columns (or a menu's many short lines,
  // or a short page's paragraphs' last lines, fill a lower band): the widths above it are tried too, and those from
  // the widest band that has the support (measuring last lines against that band: a short page's two paragraphs
  // end 13 columns short of a 72-column wrap, but not of a menu's 63-column band), and the one showing the most paragraph breaks is taken (the fewest wider
  // lines on a tie). Each band's own width sets its bar for a paragraph's last line.
  let best: WrapReading | null = null;
  for (const from of widest > dense ? [dense, widest] : [dense]) {
    for (let width = from; width <= from + 2 * WIDTH_BAND; width++) {
      const reading = readBreaks(text, lines, width, from, false);
      if (!enoughEvidence(reading)) continue;
      if (best === null || reading.evidence > best.evidence || (reading.evidence === best.evidence && reading.wider < best.wider)) best = reading;
    }
  }
  if (best === null || !runsOnInLowerCase(text, lines, best.joins)) return null;
  // Told by its prose, the page is wrapped: its menus and tickers laid out with runs of spaces were broken too.
  const joins = readBreaks(text, lines, best.width, best.bar, true).joins;
  return joinLines(text, lines, joins.map((join, i) => join && !endsBlock(text, lines, i)));
}

/** Whether a reading shows a wrap: two paragraphs and MIN_JOINS breaks in them, or one paragraph of MIN_LONE_JOINS
 *  breaks (a short article), and few breakable lines wider than the width. */
function enoughEvidence(r: WrapReading): boolean {
  const atToolWidth = r.width >= TOOL_WIDTHS[0] && r.width <= TOOL_WIDTHS[1];
  const paragraphs = (r.paragraphs >= MIN_PARAGRAPHS && r.evidence >= (atToolWidth ? MIN_JOINS_AT_TOOL_WIDTH : MIN_JOINS)) || (r.paragraphs >= 1 && r.evidence >= MIN_LONE_JOINS);
  return paragraphs && r.wider * JOINS_PER_WIDER_LINE <= r.evidence;
}

/** The page read at one wrap width: where the browser broke its lines, and what speaks for that width. */
interface WrapReading {
  width: number;
  /** The band's width its paragraphs' last lines were measured against. */
  bar: number;
  joins: boolean[];
  /** Paragraphs (see paragraphBreaks) and the breaks inside them. */
  paragraphs: number;
  evidence: number;
  /** Breakable lines wider than the width (a page dumped wide has many). */
  wider: number;
}

/** The page read at `width`; a paragraph's last line is short below `dense` (the same bar for every width tried). */
function readBreaks(text: string, lines: readonly Line[], width: number, dense: number, laidOut: boolean): WrapReading {
  const joins: boolean[] = new Array(lines.length).fill(false);
  let wider = 0;
  let listItem = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (widerThanWrap(text, l, width) && !unwrappedItem(l, width)) wider++;
    // A list item's first line; its continuation lines keep the flag.
    if (i === 0 || !joins[i - 1]) listItem = l.listItem;
    if (i + 1 < lines.length && brokeBefore(text, l, lines[i + 1], width, listItem, laidOut)) joins[i] = true;
  }
  const { paragraphs, joins: evidence } = paragraphBreaks(text, lines, joins, dense - LAST_LINE_SHORT);
  return { width, bar: dense, joins, paragraphs, evidence, wider };
}

/**
 * The breaks that make paragraphs: runs of lines where every line but the last was broken, the last stopping short of
 * the width and ending a sentence (blank lines between paragraphs or not: some sites print none). A list or a table
 * has runs of lines too, but its lines end anywhere and seldom with a full stop, so that each of them meets the next
 * word's test and a short sentence's end closes the run is rare (a list of headlines cut at a fixed length has lines
 * of one width, and no full stops).
 */
function paragraphBreaks(text: string, lines: readonly Line[], joins: readonly boolean[], short: number, minBreaks = 1): { paragraphs: number; joins: number } {
  let paragraphs = 0;
  let breaks = 0;
  for (let i = 0; i < lines.length; ) {
    let last = i;
    while (joins[last]) last++;
    if (last - i >= minBreaks && lines[last].width >= 0 && lines[last].width < short && PARAGRAPH_END_RE.test(text.slice(Math.max(lines[last].start, lines[last].end - 3), lines[last].end))) {
      paragraphs++;
      breaks += last - i;
    }
    i = last + 1;
  }
  return { paragraphs, joins: breaks };
}

/**
 * Whether, of the breaks in prose before a cased letter, a digit or a quotation mark, enough come before a lower-case
 * letter (see MIN_LOWER_CASE_SHARE), or at least one and as many as prose could show by chance on a short page (see
 * RUN_ON_LOWER_CASE_RATE); true where few breaks come before such a start (Chinese, Arabic …). A break after a
 * sentence's end is not counted: what follows it starts with a capital in prose too.
 */
function runsOnInLowerCase(text: string, lines: readonly Line[], joins: readonly boolean[], casedScript = false): boolean {
  let all = 0;
  let marked = 0;
  let casedStarts = 0;
  let lower = 0;
  for (let i = 0; i < joins.length; i++) {
    if (!joins[i] || PARAGRAPH_END_RE.test(text.slice(Math.max(lines[i].start, lines[i].end - 3), lines[i].end))) continue;
    all++;
    const first = text[lines[i + 1].start];
    const cased = first.toLowerCase() !== first.toUpperCase();
    if (!cased && !MARKED_START_RE.test(first)) continue;
    marked++;
    if (cased) casedStarts++;
    if (cased && first === first.toLowerCase()) lower++;
  }
  // Every break after a sentence's end: nothing shows a sentence running on (lines of short sentences, one a line).
  if (all === 0) return false;
  // A script without case (Sinhala, Khmer …) has no lower case to run on in: its digits and quotes prove nothing.
  // Where the broken lines are written in a cased one (`casedScript` asked), breaks before digits alone are a list's
  // (a timetable's "09:30 …", a results table's "2 Tom …"), not a sentence running on.
  if (casedStarts === 0) return !(casedScript && marked > 0 && casedShare(text, lines, joins) > 0);
  if (marked < all * MIN_MARKED_START_SHARE || lower >= marked * MIN_LOWER_CASE_SHARE) return true;
  return lower > 0 && atMostLikelihood(lower, marked, RUN_ON_LOWER_CASE_RATE) >= MIN_RUN_ON_LIKELIHOOD;
}
/** Share of the lines broken before the next that hold a cased letter (a script with case; a word of one, "IPL" or
 *  "COVID", on a few lines of a Hindi page). */
function casedShare(text: string, lines: readonly Line[], joins: readonly boolean[]): number {
  let broken = 0;
  let cased = 0;
  for (let i = 0; i < joins.length; i++) {
    if (!joins[i]) continue;
    broken++;
    if (CASED_RE.test(text.slice(lines[i].start, lines[i].end))) cased++;
  }
  return broken === 0 ? 0 : cased / broken;
}
const CASED_RE = /[\p{Lu}\p{Ll}]/u;

/** How often at least a sentence broken mid-way runs on in lower case, in any cased language (German prose, capitals
 *  on every noun, about half the time); and how unlikely a page's few lower-case starts may be, at that rate, for its
 *  breaks still to be read as prose's: a short Luxembourgish page shows 1 of 5 (1 in 3 pages of such prose would),
 *  a list of ten headlines none. */
const RUN_ON_LOWER_CASE_RATE = 0.4;
const MIN_RUN_ON_LIKELIHOOD = 0.1;

/** The chance of at most `k` successes in `n` trials of rate `p` (the binomial distribution's CDF). */
export function atMostLikelihood(k: number, n: number, p: number): number {
  let term = (1 - p) ** n;
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= ((n - i + 1) / i) * (p / (1 - p));
    sum += term;
  }
  return Math.min(1, sum);
}
/** Starts that are not a sentence running on: a digit, a quotation mark, a bracket. */
const MARKED_START_RE = /[0-9"'“‘«„[(]/u;

/** A paragraph's end: a sentence's in any script (Unicode's sentence terminals: Armenian ։, Khmer ។, Ethiopic ።,
 *  Urdu ۔ … as well as . ! ? and the CJK and Devanagari stops), perhaps inside a quotation or brackets. */
const PARAGRAPH_END_RE = /(?:\p{Sentence_Terminal}|…)["'”’»)）」』]?$/u;
/** The end of a sentence or a quotation. */
const CLOSING_RE = /[.!?…"'”’»)]$/u;
/** The end of a sentence (a closing quotation mark or bracket may follow). */
const SENTENCE_END_RE = /[.!?…]["'”’»)]?$/u;

/**
 * Whether the full line `i` is more likely a block's last line than a break: it ends a sentence or a quotation, and
 * the next line is a block's last (a blank line or the page's end follows), starts with a capital and is no sentence
 * (a paragraph's last sentence starting on its last line would be: a headline as wide as the page over a
 * publication line, or a paragraph over a one-line credit, stay apart).
 */
function endsBlock(text: string, lines: readonly Line[], i: number): boolean {
  const a = lines[i];
  const b = lines[i + 1];
  const after = lines[i + 2];
  if (after && !isBlank(after)) return false;
  const first = text[b.start];
  if (first === first.toLowerCase() || !CLOSING_RE.test(text.slice(a.end - 1, a.end))) return false;
  const last = text.slice(b.start, b.end);
  return !SENTENCE_END_RE.test(last.slice(-2)) && lineShaped(last);
}
/** A publication line or a credit holds a figure or a label's mark ("Published 12 May 2025", "Photo: Reuters",
 *  "AFP / Getty") or is a name of a few words ("By Ann Lee"); four words or more without either are a sentence's end,
 *  a standfirst's that closes without its stop ("… Myśliborzu. / Powodem jest brak lekarzy"). */
function lineShaped(line: string): boolean {
  return LINE_MARK_RE.test(line) || line.trim().split(/\s+/).length <= CREDIT_MAX_WORDS;
}
const LINE_MARK_RE = /[\p{Nd}:|/©@•·]/u;
const CREDIT_MAX_WORDS = 3;

/**
 * What goes where the browser broke a line: nothing next to a character of a script written without spaces (a
 * break between 市 and 長, or before 2024年) or after a slash (w3m breaks a URL there), the run of spaces of a line
 * laid out with them, else a space.
 */
function joint(text: string, a: Line, b: Line): string {
  if (unspacedJoint(text, a, b)) return '';
  // A menu's items stay apart as the line set them apart.
  if (a.laidOut || b.laidOut) return (LAYOUT_SPACES_RE.exec(text.slice(a.start, a.end)) ?? LAYOUT_SPACES_RE.exec(text.slice(b.start, b.end)))?.[1] ?? ' ';
  return ' ';
}
/** Whether `a` and `b` join without a space: after a slash, or beside a character of a script without spaces. */
function unspacedJoint(text: string, a: Line, b: Line): boolean {
  return text.charCodeAt(a.end - 1) === 47 || UNSPACED_RE.test(text[a.end - 1]) || UNSPACED_RE.test(text[b.start]);
}

/** A run of spaces between a line's words: how a dump lays out a menu's items. */
const LAYOUT_SPACES_RE = /\S([ \u00a0]{2,})\S/;

/**
 * Typeset text: pdftotext's output of a print PDF, OCR of a printed page. Its lines were set in a proportional type,
 * so their characters do not tell where the next word would have fitted (a full line of a 45-character column holds
 * 35 to 47), and its paragraphs are marked by a short last line or an indented first line only, often with no blank
 * line between them. Read where the fixed-width reading finds no wrap: a line is joined to the next when it and the
 * next one's first word reach near the column's width (the widest band of lines), and the evidence asked for is the
 * fixed-width reading's (paragraphs ending short with a sentence's end, sentences running on in lower case); lines
 * that end at a comma more often than not (verse) are left alone.
 */
function unwrapTypeset(text: string, lines: readonly Line[]): string | null {
  // (the widest band: a proportional type's full lines spread below the column's width, not around it)
  const width = wrapWidths(lines, TYPESET_MIN_WIDTH).widest;
  if (!width) return null;
  const indented = indentedOpenings(lines) >= MIN_PARAGRAPHS;
  const joins = setBreaks(text, lines, width, indented);
  const short = Math.min(width - LAST_LINE_SHORT, Math.floor(width * (1 - TYPESET_SPREAD)));
  // Lines wider than the column count from its first break on: above it, a print's running header, a title and a
  // byline span the page (a page dumped wide has its paragraphs there too).
  let wider = 0;
  for (let i = joins.indexOf(true); i >= 0 && i < lines.length; i++) if (widerThanWrap(text, lines[i], width)) wider++;
  // In a script without case no sentence shows running on in lower case, and a list of headlines, each over its
  // summary's one line (two lines near the column's width, the second ending a sentence), reads as a column's
  // two-line paragraphs: there only paragraphs of three lines at least are evidence.
  const minBreaks = casedShare(text, lines, joins) >= CASED_MIN_SHARE ? 1 : CASELESS_MIN_PARAGRAPH_BREAKS;
  const { paragraphs, joins: evidence } = paragraphBreaks(text, lines, joins, short, minBreaks);
  if (!enoughEvidence({ width, bar: width, joins, paragraphs, evidence, wider })) return null;
  // (typeset evidence is looser than a fixed width's: breaks before digits alone, in a cased script, are a list's)
  if (versed(text, lines, joins) || !runsOnInLowerCase(text, lines, joins, true)) return null;
  return joinLines(text, lines, joins.map((join, i) => join && !endsBlock(text, lines, i)));
}
/** Breaks a typeset paragraph in a script without case needs to count as evidence (see unwrapTypeset). */
const CASELESS_MIN_PARAGRAPH_BREAKS = 2;
/** Share of its broken lines holding a cased letter a text needs to be read as written in a script with case. */
const CASED_MIN_SHARE = 0.5;
/** Narrowest column looked for in typeset text (columns): a newspaper's column holds 30 to 45 characters. */
const TYPESET_MIN_WIDTH = 30;
/** Share of the column's width a line set in a proportional type may fall short of it and still be full (narrow
 *  letters: a line of 35 characters fills a column whose widest line holds 47). */
const TYPESET_SPREAD = 0.15;
/** Spaces a paragraph's first line may stand in from the lines that follow it (OCR keeps a printed indent as two to
 *  five). */
const MAX_FIRST_LINE_INDENT = 8;
/** Share of a text's breaks that may follow a comma, semicolon or colon: prose breaks wherever a word did not fit,
 *  verse at the end of a phrase. */
const MAX_PHRASE_END_SHARE = 0.5;
/** A phrase's end: a comma, semicolon or colon. */
const PHRASE_END_RE = /[,;:،、，；：]$/u;

/** Lines standing in from both neighbours, which share one margin: paragraphs opened by an indent. */
function indentedOpenings(lines: readonly Line[]): number {
  let count = 0;
  for (let i = 1; i + 1 < lines.length; i++) {
    const [before, l, after] = [lines[i - 1], lines[i], lines[i + 1]];
    if (l.indent > after.indent && l.indent - after.indent <= MAX_FIRST_LINE_INDENT && !isBlank(before) && !isBlank(after) && before.indent === after.indent) count++;
  }
  return count;
}

/** Where the typesetter broke the lines of a column `width` wide. */
function setBreaks(text: string, lines: readonly Line[], width: number, indented: boolean): boolean[] {
  const joins: boolean[] = new Array(lines.length).fill(false);
  for (let i = 0; i + 1 < lines.length; i++) joins[i] = setBefore(text, lines[i], lines[i + 1], width, indented, i > 0 && joins[i - 1]);
  // A sentence's end is not carried onto a last line that ends no sentence (an OCR speck between paragraphs).
  for (let i = 0; i + 1 < lines.length; i++) {
    if (joins[i] && !joins[i + 1] && endsSentence(text, lines[i]) && !CLOSING_RE.test(text.slice(lines[i + 1].end - 1, lines[i + 1].end))) joins[i] = false;
  }
  return joins;
}

/**
 * Whether the typesetter broke line `a` before `b`: `b` follows at the same indentation (or at the margin, after an
 * indented first line where paragraphs open so), is no list item, and `a` with `b`'s first word reaches near the
 * column's width. Where nothing but a short last line marks a paragraph's end, a line ending a sentence is taken as
 * one: in a proportional type no count of characters tells a full last line from a full line within (a paragraph is
 * then cut where a sentence ends a line; two are not run together). Where indents mark paragraphs, they do.
 */
function setBefore(text: string, a: Line, b: Line, width: number, indented: boolean, continued: boolean): boolean {
  const full = width * (1 - TYPESET_SPREAD);
  // (b's length bounds its first word's: most lines are left on these comparisons)
  if (a.width < 0 || a.width > width || a.width + 1 + (b.end - b.start) * 2 <= full || isBlank(a) || isBlank(b) || a.laidOut || b.laidOut || b.listItem) return false;
  const firstLine = indented && !continued && b.indent < a.indent && a.indent - b.indent <= MAX_FIRST_LINE_INDENT;
  if (b.indent !== a.indent && !firstLine) return false;
  if (!indented && endsSentence(text, a)) return false;
  const space = unspacedJoint(text, a, b) ? 0 : 1;
  return a.width + space + firstWordColumns(text, b) > full && !isRule(text, a) && !isRule(text, b);
}

/** Whether line `l` ends a sentence (see PARAGRAPH_END_RE). */
const endsSentence = (text: string, l: Line): boolean => PARAGRAPH_END_RE.test(text.slice(Math.max(l.start, l.end - 3), l.end));

/** Whether most breaks not after a sentence's end follow a phrase's end (see MAX_PHRASE_END_SHARE). */
function versed(text: string, lines: readonly Line[], joins: readonly boolean[]): boolean {
  let breaks = 0;
  let phraseEnds = 0;
  for (let i = 0; i < joins.length; i++) {
    if (!joins[i] || endsSentence(text, lines[i])) continue;
    breaks++;
    if (PHRASE_END_RE.test(text.slice(lines[i].end - 1, lines[i].end))) phraseEnds++;
  }
  return phraseEnds > breaks * MAX_PHRASE_END_SHARE;
}

function joinLines(text: string, lines: readonly Line[], joins: readonly boolean[]): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    // A continuation line loses its indentation; a line that starts a paragraph keeps it.
    const from = i > 0 && joins[i - 1] ? l.start : l.start - l.indent;
    out.push(text.slice(from, l.end));
    if (i + 1 < lines.length) out.push(joins[i] ? joint(text, l, lines[i + 1]) : '\n');
  }
  return out.join('');
}
