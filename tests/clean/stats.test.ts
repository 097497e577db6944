import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashLine, lineHashes, lineKey, lineKeyHash, LINE_KEY_MAX_CHARS } from '../../src/clean/stats.js';

/** The definition lineKeyHash must match: the regex normalisation, then FNV-1a. */
const slow = (line: string): number => {
  const key = lineKey(line);
  return key ? hashLine(key) : -1;
};

/** Units that exercise every path: case, digits of several scripts, punctuation runs, context-dependent case. */
const tricky = 'aZ09 ,.-–—’“”\t\u00a0\u3000ÉéßİıΣσςΑΩ١٢३ⅧДжЖ漢字ｶﾅ\ud83d\ude00\ud800';

describe('lineKeyHash', () => {
  it('equals hashLine(lineKey(line)) on any text, case, digits, spacing and surrogates included', () => {
    const unit = fc.constantFrom(...tricky.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 })), (line) => {
        expect(lineKeyHash(line)).toBe(slow(line));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a slice of a longer text, and only the first LINE_KEY_MAX_CHARS characters of a line', () => {
    const text = 'Menu  Home\nBreaking: 12 dead\n';
    expect(lineKeyHash(text, 0, 10)).toBe(slow('Menu  Home'));
    expect(lineKeyHash(text, 11, 28)).toBe(slow('breaking 00 dead'));
    const long = 'word '.repeat(LINE_KEY_MAX_CHARS);
    expect(lineKeyHash(long)).toBe(slow(long));
    expect(lineKeyHash(long)).toBe(lineKeyHash(long + ' and more'));
  });

  it('gives no key to lines without a letter or digit', () => {
    expect(lineKeyHash('  -- ** --  ')).toBe(-1);
    expect(lineKeyHash('')).toBe(-1);
  });

  it('lineHashes counts each distinct line key of a text once', () => {
    expect([...lineHashes('Share this\nSHARE   this!\n\nOther line\n')]).toEqual([slow('Share this'), slow('Other line')]);
  });
});
