import { describe, expect, it } from 'vitest';
import { classAt, isAsciiDigit, isAsciiLetter, isJsSpace, LETTER, MARK, NO_SPACE, NUMBER, PAIR } from '../../src/text/char-classes.js';

describe('isAsciiLetter / isAsciiDigit', () => {
  it('answer as [A-Za-z] and [0-9] do, for every UTF-16 unit', () => {
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit);
      expect(isAsciiLetter(unit), `U+${unit.toString(16)}`).toBe(/^[A-Za-z]$/.test(char));
      expect(isAsciiDigit(unit), `U+${unit.toString(16)}`).toBe(/^[0-9]$/.test(char));
    }
  });
});

describe('isJsSpace', () => {
  it('answers as \\s does, for every UTF-16 unit', () => {
    for (let unit = 0; unit <= 0xffff; unit++) expect(isJsSpace(unit), `U+${unit.toString(16)}`).toBe(/^\s$/.test(String.fromCharCode(unit)));
  });
});

describe('classAt', () => {
  it('gives the Unicode class of a character, and marks surrogate pairs', () => {
    expect(classAt('é', 0) & LETTER).toBeTruthy();
    expect(classAt('٣', 0) & NUMBER).toBeTruthy();
    expect(classAt('\u0301', 0) & MARK).toBeTruthy();
    expect(classAt('漢', 0) & NO_SPACE).toBeTruthy();
    expect(classAt('é', 0) & NO_SPACE).toBeFalsy();
    expect(classAt('-', 0) & (LETTER | NUMBER | MARK)).toBe(0);
    const astral = '𝐀'; // MATHEMATICAL BOLD CAPITAL A: a letter outside the BMP
    expect(classAt(astral, 0) & PAIR).toBeTruthy();
    expect(classAt(astral, 0) & LETTER).toBeTruthy();
  });
});
