import { describe, expect, it } from 'vitest';
import { utf16Units } from '../../src/text/units.js';

const read = (text: string): number[] => Array.from(utf16Units(text).subarray(0, text.length));
const codeUnits = (text: string): number[] => {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i));
  return out;
};

describe('utf16Units', () => {
  it('gives the code units charCodeAt gives, lone surrogates and astral pairs included', () => {
    for (const text of ['plain ASCII', 'Łódź — «ça» 東京', '\ud800x\udc00y', 'emoji \ud83d\ude00 end', '']) {
      expect(read(text)).toEqual(codeUnits(text));
    }
  });

  it('gives the units of the text asked, not of the one held before', () => {
    const page = 'first line\nsecond line';
    expect(read(page)).toEqual(codeUnits(page));
    expect(read('other')).toEqual(codeUnits('other'));
    // A slice equal to the held text reads the same units; a text of the same length but other units does not.
    expect(read(page.slice(0, 5))).toEqual(codeUnits('first'));
    expect(read('fir5t')).toEqual(codeUnits('fir5t'));
  });

  it('reads a text longer than the shared buffer, and a short one after it', () => {
    const long = 'ab\u00e9c'.repeat(40_000);
    const units = utf16Units(long);
    expect(units.length).toBeGreaterThanOrEqual(long.length);
    expect([units[0], units[2], units[long.length - 1]]).toEqual([97, 0xe9, 99]);
    expect(utf16Units(long)).toBe(units);
    expect(read('short')).toEqual(codeUnits('short'));
  });
});
