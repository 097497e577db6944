/** Letter counts without building strings: `text.replace(/[^\p{L}]/gu, '').length` (UTF-16 units of the letters). */
import { classAt, isAsciiLetter, LETTER, PAIR } from '../text/char-classes.js';

/**
 * UTF-16 units of `text` that belong to letters, as the regex-replace form counts them; the count stops at `enough`
 * when given (a caller asking "at least n letters?" need not read a long text to its end).
 */
export function countLetterUnits(text: string, enough = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length && n < enough; i++) {
    const unit = text.charCodeAt(i);
    // ASCII fast path: most text of most pages
    if (unit < 0x80) {
      if (isAsciiLetter(unit)) n++;
      continue;
    }
    const bits = classAt(text, i);
    const width = bits & PAIR ? 2 : 1;
    if (bits & LETTER) n += width;
    i += width - 1;
  }
  return n;
}
