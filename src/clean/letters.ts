/**
 * Letter counts without building strings: `text.replace(/[^\p{L}]/gu, '').length` (UTF-16 units of the
 * letters) from a table of BMP units filled on first sight; surrogate pairs are tested as code points.
 */

/** 0 = not seen yet, 1 = letter, 2 = not a letter. */
const isLetterUnit = new Uint8Array(0x10000);
const LETTER = /\p{L}/u;

function bmpLetter(unit: number): boolean {
  let v = isLetterUnit[unit];
  if (v === 0) isLetterUnit[unit] = v = LETTER.test(String.fromCharCode(unit)) ? 1 : 2;
  return v === 1;
}

/** UTF-16 units of `text` that belong to letters, as the regex-replace form counts them. */
export function countLetterUnits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) {
      if (bmpLetter(unit)) n++;
      continue;
    }
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    // A lone surrogate is no letter; a pair is one code point, a letter or not, of two units.
    if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      if (LETTER.test(text.slice(i, i + 2))) n += 2;
      i++;
    }
  }
  return n;
}
