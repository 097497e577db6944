/** Splitting a page dump into blocks: one block per non-empty line (dump tools put one paragraph per line, or wrap it,
 *  and pageText puts it back on one, character references decoded). */
import { pageText } from './page-text.js';

export interface Block {
  /** Line text, trailing spaces removed, leading spaces kept out. */
  text: string;
  /** Position among the blocks of the document. */
  index: number;
  /** Blank lines directly before this one (a paragraph break in "bare"/"blog" dumps). */
  blankBefore: number;
  /** Characters of indentation removed from the line (dump tools lay out table columns with spaces). */
  indent: number;
}

/** Lines made of spaces only (including no-break and other Unicode spaces) are blank. */
const BLANK_RE = /^[\s\u00a0\u200b\u2000-\u200a\u202f\u205f\u3000\ufeff]*$/u;

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let blank = 0;
  for (const raw of pageText(text).split('\n')) {
    if (BLANK_RE.test(raw)) {
      blank++;
      continue;
    }
    // trim() strips the same set as \s (no-break and BOM included) without a regex scan of long lines.
    const text = raw.trim();
    blocks.push({ text, index: blocks.length, blankBefore: blank, indent: raw.length - raw.trimStart().length });
    blank = 0;
  }
  return blocks;
}
