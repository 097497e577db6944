/**
 * Hard-wrapped dumps. Text browsers dump at 80 columns unless told otherwise (`w3m -dump`, `lynx -dump`), so every
 * paragraph reaches us cut into lines; the cleaner reads a block per line, and a paragraph cut in five is five short
 * blocks to it (no sentence whole, stopword density per line, a headline in two halves). unwrapHardWraps finds the
 * page's wrap width and joins each line the browser broke to the one that follows it, so that a block is a
 * paragraph again. A page dumped wide (`-cols 2000`, one line per paragraph) comes back as it is.
 */

/** Widest wrap looked for (columns): dumps are wrapped at 72–132 columns; a longer breakable line means no wrap. */
const MAX_WRAP_WIDTH = 250;
/** Narrowest wrap looked for (columns): dump tools wrap at 72 to 80 by default; a list of lines as short as a
 *  narrower "width" is a list of headlines more often than a narrow dump. */
const MIN_WRAP_WIDTH = 60;
/** Lines within this many columns of the width that make it the page's wrap width, counting itself: a single
 *  long line (a table row, a line of code) is not a width the page was cut at. */
const WIDTH_SPREAD = 10;
const WIDTH_SUPPORT = 3;
/** Joins a page needs before it is taken as wrapped, and how many of them each breakable line wider than the wrap
 *  width asks for: of our dev, seed, probe and 3,000 bench pages (none wrapped), those with 3 joins or more had at
 *  least one such line per 3 joins; the 55 wrapped probe pages had 6 joins or more and no such line. */
const MIN_JOINS = 5;
const JOINS_PER_WIDER_LINE = 10;

/** Share of the breaks before a cased letter that must come before a lower-case one: a sentence runs on after a
 *  break, while each item of a list of headlines starts with a capital (German prose, capitals on every noun,
 *  still breaks before lower case more than half the time). */
const MIN_LOWER_CASE_SHARE = 0.3;

/** A list item's first line: a bullet, or a number with a dot or parenthesis, then a space. */
const LIST_ITEM_RE = /^(?:[•*·▪◦‣●○■□–—-]|\d{1,3}[.)])\s/u;
/** Wide characters (East Asian Wide and Fullwidth): two columns each. */
const WIDE_RE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
/** Combining marks and format characters: no column of their own. */
const ZERO_WIDTH_RE = /^[\p{M}\p{Cf}]$/u;

/** Columns per UTF-16 unit, filled on first sight (-1: not yet); a surrogate pair counts 2, as most are wide. */
const columns = new Int8Array(0x10000).fill(-1);

function columnsOf(unit: number): number {
  let c = columns[unit];
  if (c < 0) {
    const char = String.fromCharCode(unit);
    c = columns[unit] = ZERO_WIDTH_RE.test(char) ? 0 : WIDE_RE.test(char) ? 2 : 1;
  }
  return c;
}

/** One line of the page, white space at its end left out. */
interface Line {
  start: number;
  end: number;
  /** Spaces before its first character. */
  indent: number;
  /** Display columns, -1 for a line wider than MAX_WRAP_WIDTH (not measured). */
  width: number;
  /** Could have been broken: holds a space after its indentation, or a wide character (broken anywhere). */
  breakable: boolean;
  /** Ends in a wide character (joined to a wide first character without a space). */
  wideEnd: boolean;
}

const isSpaceUnit = (unit: number): boolean => unit === 32 || unit === 9 || unit === 13 || unit === 0xa0 || unit === 0x3000;

/** Whether text[from, to) holds a space. */
function hasSpace(text: string, from: number, to: number): boolean {
  const space = text.indexOf(' ', from);
  return space >= 0 && space < to;
}

/** Where the text of the line text[start, next) starts and ends, white space around it left out. */
function trimmed(text: string, start: number, next: number): [first: number, end: number] {
  let end = next;
  while (end > start && isSpaceUnit(text.charCodeAt(end - 1))) end--;
  let first = start;
  while (first < end && isSpaceUnit(text.charCodeAt(first))) first++;
  return [first, end];
}

function readLines(text: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start <= text.length; ) {
    let next = text.indexOf('\n', start);
    if (next < 0) next = text.length;
    const [first, end] = trimmed(text, start, next);
    const line: Line = { start: first, end, indent: first - start, width: -1, breakable: false, wideEnd: false };
    if (end - first <= MAX_WRAP_WIDTH) measure(text, line);
    else line.breakable = hasSpace(text, first, end);
    lines.push(line);
    start = next + 1;
  }
  return lines;
}

function measure(text: string, line: Line): void {
  let width = line.indent;
  let wide = false;
  let c = 0;
  for (let i = line.start; i < line.end; i++) {
    const unit = text.charCodeAt(i);
    c = unit < 0x300 ? 1 : columnsOf(unit);
    if (c === 2) wide = true;
    width += c;
  }
  line.width = width;
  line.wideEnd = c === 2;
  line.breakable = wide || hasSpace(text, line.start, line.end);
}

/** The widest width (MIN_WRAP_WIDTH at least) at least WIDTH_SUPPORT breakable lines come within WIDTH_SPREAD
 *  columns of, or 0. */
function wrapWidth(lines: readonly Line[]): number {
  const widths = lines.filter((l) => l.breakable && l.width > MIN_WRAP_WIDTH - WIDTH_SPREAD).map((l) => l.width).sort((a, b) => b - a);
  for (let i = 0; i + WIDTH_SUPPORT <= widths.length && widths[i] >= MIN_WRAP_WIDTH; i++) if (widths[i] - widths[i + WIDTH_SUPPORT - 1] <= WIDTH_SPREAD - 1) return widths[i];
  return 0;
}

/** Columns the first word of a line takes (one character of a script broken anywhere). */
function firstWordColumns(text: string, line: Line): number {
  const first = text.charCodeAt(line.start);
  if (first >= 0x300 && columnsOf(first) === 2) return 2;
  let space = text.indexOf(' ', line.start);
  if (space < 0 || space > line.end) space = line.end;
  return space - line.start;
}

/**
 * Whether the browser broke line `a` before `b`: `b` follows directly, at the same indentation (or deeper, after a
 * list item's first line), is not a list item of its own, and its first word would not have fitted on `a`.
 */
function brokeBefore(text: string, a: Line, b: Line, width: number, listItem: boolean): boolean {
  if (a.width < 0 || b.end === b.start || a.end === a.start) return false;
  if (b.indent !== a.indent && !(listItem && b.indent > a.indent)) return false;
  if (LIST_ITEM_RE.test(text.slice(b.start, b.start + 5))) return false;
  const space = a.wideEnd && firstWordColumns(text, b) === 2 ? 0 : 1;
  return a.width + space + firstWordColumns(text, b) > width;
}

/**
 * Whether the page has more breakable lines longer than any wrap than it could have joins for them (a page dumped
 * wide): found from line ends, and the ends and a space of each long line only, before any line is measured. Never
 * true of a page the full test would take as wrapped (each of these lines is wider than any wrap width).
 */
function dumpedWide(text: string): boolean {
  let lines = 0;
  let tooLong = 0;
  for (let start = 0; start <= text.length; ) {
    let next = text.indexOf('\n', start);
    if (next < 0) next = text.length;
    lines++;
    if (next - start > MAX_WRAP_WIDTH) {
      const [first, end] = trimmed(text, start, next);
      if (end - first > MAX_WRAP_WIDTH && hasSpace(text, first, end)) tooLong++;
    }
    start = next + 1;
  }
  return tooLong * JOINS_PER_WIDER_LINE > lines;
}

/** The text with every hard-wrapped paragraph on one line; the text itself when it is not wrapped. */
export function unwrapHardWraps(text: string): string {
  if (text.indexOf('\n') < 0 || dumpedWide(text)) return text;
  const lines = readLines(text);
  const width = wrapWidth(lines);
  if (!width) return text;
  const joins: boolean[] = new Array(lines.length).fill(false);
  let joined = 0;
  let wider = 0;
  let listItem = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.breakable && (l.width < 0 || l.width > width)) wider++;
    // A list item's first line; its continuation lines keep the flag.
    if (i === 0 || !joins[i - 1]) listItem = LIST_ITEM_RE.test(text.slice(l.start, l.start + 5));
    if (i + 1 < lines.length && l.width <= width && brokeBefore(text, l, lines[i + 1], width, listItem)) {
      joins[i] = true;
      joined++;
    }
  }
  if (joined < MIN_JOINS || wider * JOINS_PER_WIDER_LINE > joined || !runsOnInLowerCase(text, lines, joins)) return text;
  return joinLines(text, lines, joins.map((join, i) => join && !endsBlock(text, lines, i)));
}

/** Whether, of the breaks in prose before a cased letter, enough come before a lower-case one (see
 *  MIN_LOWER_CASE_SHARE); true where the breaks come before letters without case (Arabic, Chinese …). A menu laid out
 *  with runs of spaces is left out: its items start with capitals, and a wrapped page may start with a long one. */
function runsOnInLowerCase(text: string, lines: readonly Line[], joins: readonly boolean[]): boolean {
  let cased = 0;
  let lower = 0;
  for (let i = 0; i < joins.length; i++) {
    if (!joins[i] || laidOut(text, lines[i]) || laidOut(text, lines[i + 1])) continue;
    const first = text[lines[i + 1].start];
    if (first.toLowerCase() === first.toUpperCase()) continue;
    cased++;
    if (first === first.toLowerCase()) lower++;
  }
  return cased === 0 || lower >= cased * MIN_LOWER_CASE_SHARE;
}

const laidOut = (text: string, line: Line): boolean => LAYOUT_SPACES_RE.test(text.slice(line.start, line.end));

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
  if (after && after.end > after.start) return false;
  const first = text[b.start];
  return first !== first.toLowerCase() && CLOSING_RE.test(text.slice(a.end - 1, a.end)) && !SENTENCE_END_RE.test(text.slice(Math.max(b.start, b.end - 2), b.end));
}

/** A run of spaces between a line's words: how a dump lays out a menu's items. */
const LAYOUT_SPACES_RE = /\S([ \u00a0]{2,})\S/;

/**
 * What goes where the browser broke a line: nothing between two wide characters, the run of spaces the lines set
 * their items apart with (a menu laid out with spaces: they must not run together), else a space.
 */
function joint(text: string, a: Line, b: Line): string {
  if (a.wideEnd && firstWordColumns(text, b) === 2) return '';
  const layout = LAYOUT_SPACES_RE.exec(text.slice(a.start, a.end)) ?? LAYOUT_SPACES_RE.exec(text.slice(b.start, b.end));
  return layout ? layout[1] : ' ';
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
