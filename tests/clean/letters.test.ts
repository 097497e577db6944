import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLetterUnits } from '../../src/clean/letters.js';

const reference = (text: string): number => text.replace(/[^\p{L}]/gu, '').length;

describe('countLetterUnits', () => {
  it('equals the length of the text with every non-letter removed, astral letters and lone surrogates included', () => {
    const units = 'aZé ß9_-!ДжشΣ漢かㅎ\u0301\u00a0\ud835\udc00\ud83d\ude00\ud800\udc00'.split('');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: fc.constantFrom(...units), maxLength: 80 })), (text) => {
        expect(countLetterUnits(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
    expect(countLetterUnits('𝐀b')).toBe(3); // a mathematical bold A (two units) and b
    expect(countLetterUnits('\ud800x')).toBe(1);
  });
  it('stops counting at the number asked for, and is exact below it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.nat(60), (text, enough) => {
        const count = countLetterUnits(text, enough);
        const all = reference(text);
        expect(count).toBeGreaterThanOrEqual(Math.min(all, enough));
        expect(count).toBeLessThanOrEqual(all);
        if (count < enough) expect(count).toBe(all);
      }),
      { numRuns: 2000 },
    );
    expect(countLetterUnits('a'.repeat(100), 40)).toBe(40);
  });
});
