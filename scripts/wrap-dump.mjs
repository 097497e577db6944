#!/usr/bin/env node
// Wraps page dumps at a fixed width, as `w3m -dump` does without `-cols`: each line wider than the width is broken
// at spaces, keeping the runs of spaces inside a line (a menu laid out with spaces keeps them), with a list item's
// continuation indented under its text; a run of wide characters (CJK, Hangul: two columns each) may be broken
// anywhere. Lines indented by 10 columns or more (a dump's laid-out tables) are left as they are.
// Used by `npm run eval` (extract-dev re-wrapped at 80 columns) and tests/clean/unwrap.test.ts.
// usage: node scripts/wrap-dump.mjs WIDTH OUT_DIR FILE...
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WIDE = '\\u1100-\\u115f\\u2e80-\\u303e\\u3041-\\u33ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7a3\\uf900-\\ufaff\\uff00-\\uff60';
const WIDE_RE = new RegExp(`[${WIDE}]`);
/** Words, white space runs, and each wide character a word of its own. */
const PIECES_RE = new RegExp(`[${WIDE}]|[^\\s${WIDE}]+|\\s+`, 'g');
/** Indentation from which a line is a table's, laid out by the dump tool within its width. */
const TABLE_INDENT = 10;

/** Display columns of a string. */
export const columns = (s) => [...s].reduce((n, c) => n + (WIDE_RE.test(c) ? 2 : 1), 0);

/** The text with every line wider than `width` broken as a text browser breaks it. */
export function wrapAt(text, width) {
  const out = [];
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (columns(line) <= width || indent >= TABLE_INDENT) {
      out.push(line);
      continue;
    }
    const marker = /^(?:[•*]|\d+\.) /.exec(line.trimStart());
    const hang = ' '.repeat(indent + (marker ? marker[0].length : 0));
    let current = ' '.repeat(indent);
    let empty = true;
    let gap = '';
    for (const piece of line.trimStart().match(PIECES_RE) ?? []) {
      if (/^\s+$/.test(piece)) {
        gap = piece;
        continue;
      }
      const joined = empty ? current + piece : current + gap + piece;
      if (!empty && columns(joined) > width) {
        out.push(current);
        current = hang + piece;
      } else current = joined;
      empty = false;
      gap = '';
    }
    out.push(current.trimEnd());
  }
  return out.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [width, outDir, ...files] = process.argv.slice(2);
  if (!Number(width) || !outDir || files.length === 0) {
    console.error('usage: node scripts/wrap-dump.mjs WIDTH OUT_DIR FILE...');
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  for (const file of files) writeFileSync(join(outDir, basename(file)), wrapAt(readFileSync(file, 'utf8'), Number(width)));
}
