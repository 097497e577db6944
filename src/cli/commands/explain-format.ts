/** The readable form of an explanation: figures, verdict, and the paragraphs side by side. */
import type { ChalkInstance } from 'chalk';
import { alignmentCounts, holdsAnyOf, wordsOnlyIn, type AlignedRow, type DocumentFacts, type Explanation } from '../../explain.js';
import { DEFAULT_COMPACT_OPTIONS } from '../../dedup/index.js';

/** Row markers, readable without colour: same, edited, only in A, only in B. */
export const MARKERS: Record<AlignedRow['kind'], string> = { same: '=', changed: '~', onlyA: '<', onlyB: '>' };
/** Narrowest column that still reads as text. */
const MIN_COLUMN = 20;
/** Between the columns: marker, spaces and a rule. */
const GUTTER = ' │ ';

export function formatExplanation(e: Explanation, chalk: ChalkInstance, width: number, inRun?: string): string {
  const lines = [
    ...docLines('A', e.a, chalk, width),
    ...docLines('B', e.b, chalk, width),
    '',
    ...figureLines(e, chalk, inRun),
    '',
    ...sideBySide(e, chalk, width),
  ];
  return lines.join('\n') + '\n';
}

/** Cut to `width` characters, with an ellipsis when anything was cut. */
const fit = (text: string, width: number): string => ([...text].length <= width ? text : [...text].slice(0, Math.max(1, width - 1)).join('') + '…');

/** The document's id, then what cleaning found in it, each on one line that fits the terminal. */
function docLines(label: string, d: DocumentFacts, chalk: ChalkInstance, width: number): string[] {
  // The title goes last: it is the part a narrow terminal can best lose.
  const meta = [d.site, d.date, d.lang, `${d.chars.toLocaleString('en-US')} chars, ${d.paragraphs} paragraphs`, d.title && `"${d.title}"`].filter(Boolean).join(' · ');
  return [`${chalk.bold(label)}  ${fit(d.id, width - 3)}`, `   ${chalk.dim(fit(meta, width - 3))}`];
}

function figureLines(e: Explanation, chalk: ChalkInstance, inRun?: string): string[] {
  const mark = (name: Explanation['measure']): string => (e.measure === name ? chalk.bold(`  ← decides (${name} ≥ ${e.threshold})`) : '');
  const verdict = e.duplicate ? chalk.green.bold(e.reason) : chalk.yellow.bold(e.reason);
  return [
    `jaccard       ${e.jaccard.toFixed(3)}${mark('jaccard')}`,
    `containment   ${e.containment.toFixed(3)}${mark('containment')}`,
    `edit          ${e.edit.toFixed(3)}  (first ${DEFAULT_COMPACT_OPTIONS.editWords} words)`,
    `length ratio  ${e.lengthRatio.toFixed(3)}  (shorter / longer; duplicates need ≥ ${e.minLengthRatio})`,
    `verdict       ${verdict}`,
    ...(inRun ? [`in the run    ${inRun}`] : []),
  ];
}

/** Lines of at most `width` characters, breaking at spaces (a longer word is cut). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let w = word; w; ) {
      const room = line ? width - line.length - 1 : width;
      if (w.length <= room) {
        line = line ? `${line} ${w}` : w;
        w = '';
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        lines.push(w.slice(0, width));
        w = w.slice(width);
      }
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Colours the words of a wrapped line that the other paragraph lacks. */
function highlight(line: string, changed: Set<string> | null, chalk: ChalkInstance, colour: (s: string) => string): string {
  if (!changed || chalk.level === 0 || !line) return line;
  return line.split(' ').map((word) => (holdsAnyOf(word, changed) ? colour(word) : word)).join(' ');
}

function rowColour(kind: AlignedRow['kind'], chalk: ChalkInstance): (s: string) => string {
  if (kind === 'same') return chalk.dim;
  if (kind === 'changed') return chalk.yellow;
  return kind === 'onlyA' ? chalk.red : chalk.green;
}

/**
 * Paragraphs of A and B in two columns fitted to the terminal. Identical paragraphs are cut to one line
 * (they say nothing about the difference); edited and one-sided paragraphs are shown whole.
 */
function sideBySide(e: Explanation, chalk: ChalkInstance, width: number): string[] {
  const column = Math.max(MIN_COLUMN, Math.floor((width - 2 - GUTTER.length) / 2));
  const n = alignmentCounts(e.alignment);
  const out = [
    chalk.bold(`Paragraphs: ${n.same} same (=), ${n.changed} edited (~), ${n.onlyA} only in A (<), ${n.onlyB} only in B (>)`),
    `  ${'A'.padEnd(column)}${GUTTER}B`,
  ];
  for (const row of e.alignment) out.push(...rowLines(row, column, chalk));
  return out;
}

function rowLines(row: AlignedRow, column: number, chalk: ChalkInstance): string[] {
  const colour = rowColour(row.kind, chalk);
  const cut = (lines: string[]): string[] => (row.kind === 'same' && lines.length > 1 ? [lines[0].slice(0, column - 1) + '…'] : lines);
  const left = cut(row.a ? wrap(row.a, column) : []);
  const right = cut(row.b ? wrap(row.b, column) : []);
  const changedA = row.kind === 'changed' ? wordsOnlyIn(row.a!, row.b!) : null;
  const changedB = row.kind === 'changed' ? wordsOnlyIn(row.b!, row.a!) : null;
  const lines: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const marker = i === 0 ? colour(MARKERS[row.kind]) : ' ';
    const l = left[i] ?? '';
    const r = right[i] ?? '';
    const lText = row.kind === 'changed' ? highlight(l, changedA, chalk, chalk.red.underline) : colour(l);
    const rText = row.kind === 'changed' ? highlight(r, changedB, chalk, chalk.green.underline) : colour(r);
    lines.push(`${marker} ${lText}${' '.repeat(Math.max(0, column - l.length))}${chalk.dim(GUTTER)}${rText}`.trimEnd());
  }
  return lines;
}
