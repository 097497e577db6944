import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashLine, labelKeyHash, LineLabels, lineHashes, lineKey, lineKeyHash, lineKeyHashes, LINE_KEY_MAX_CHARS, templateKey, templateKeyHash, TEMPLATE_MAX_CHARS, TEMPLATE_MAX_WORDS } from '../../src/clean/stats.js';

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

  it('templateKeyHash equals hashLine(templateKey(line)), -1 for lines too long or too wordy to be template', () => {
    const unit = fc.constantFrom(...tricky.split(''));
    const ref = (line: string): number => {
      const key = templateKey(line);
      return key ? hashLine(key) : -1;
    };
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit, maxLength: 80 })), (line) => {
        expect(templateKeyHash(line)).toBe(ref(line));
      }),
      { numRuns: 3000 },
    );
    const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(templateKeyHash(words(TEMPLATE_MAX_WORDS))).toBe(ref(words(TEMPLATE_MAX_WORDS)));
    expect(templateKeyHash(words(TEMPLATE_MAX_WORDS))).not.toBe(-1);
    expect(templateKeyHash(words(TEMPLATE_MAX_WORDS + 1))).toBe(-1);
    expect(templateKeyHash('x'.repeat(TEMPLATE_MAX_CHARS + 1))).toBe(-1);
    expect(templateKeyHash('  ' + 'x'.repeat(TEMPLATE_MAX_CHARS) + '  ')).toBe(ref('x'.repeat(TEMPLATE_MAX_CHARS)));
  });

  it('lineKeyHashes gives lineKeyHash and templateKeyHash of a line in one scan', () => {
    const unit = fc.constantFrom(...tricky.split(''), 'word ', 'x'.repeat(200), ' ');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit, maxLength: 40 })), (line) => {
        expect(lineKeyHashes(line)).toEqual({ line: lineKeyHash(line), template: templateKeyHash(line) });
      }),
      { numRuns: 3000 },
    );
    const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    for (const line of [words(TEMPLATE_MAX_WORDS), words(TEMPLATE_MAX_WORDS + 1), 'x'.repeat(TEMPLATE_MAX_CHARS), ' x'.repeat(TEMPLATE_MAX_CHARS / 2) + 'x', 'Σ menu ' + words(TEMPLATE_MAX_WORDS)]) {
      expect(lineKeyHashes(line)).toEqual({ line: lineKeyHash(line), template: templateKeyHash(line) });
    }
  });

  it('gives no key to lines without a letter or digit', () => {
    expect(lineKeyHash('  -- ** --  ')).toBe(-1);
    expect(lineKeyHash('')).toBe(-1);
  });

  it('lineHashes counts each distinct line key of a text once', () => {
    expect([...lineHashes('Share this\nSHARE   this!\n\nOther line\n')]).toEqual([slow('Share this'), slow('Other line')]);
  });

  it('lineHashes counts the label opening a line too, apart from a line of the label alone', () => {
    const label = labelKeyHash('Read also: Bridge reopens');
    expect([...lineHashes('Read also: Bridge reopens\nREAD ALSO : Storm warning\nRead also:')]).toEqual([slow('Read also: Bridge reopens'), label, slow('READ ALSO : Storm warning'), slow('Read also')]);
    expect(label).not.toBe(slow('Read also'));
  });
});

describe('labelKeyHash', () => {
  it('gives lines opened by one label one key, whatever follows, in any script and with a full-width colon', () => {
    expect(labelKeyHash('Funda futhi: Kunyuka imali yokugibela')).toBe(labelKeyHash('  funda FUTHI :Abafundi bathola amakhompyutha'));
    expect(labelKeyHash('**Etiquetas:** [Santiago](https://example.gal/s)')).toBe(labelKeyHash('Etiquetas: Vigo, porto'));
    expect(labelKeyHash('相关阅读：北京地铁新线开通')).toBeGreaterThanOrEqual(0);
    expect(labelKeyHash('Tags: a')).not.toBe(labelKeyHash('Tag: a'));
  });

  it('LineLabels gives each line of a text its labelKeyHash, colons found ahead or on later lines', () => {
    const text = 'No colon here\nRead also: one\nlong line without any until the end of it: and then\n相关阅读：北京\n\nTags: a, b\nplain\nSource: x';
    const labels = new LineLabels(text);
    let from = 0;
    for (const line of text.split('\n')) {
      expect(labels.at(from, from + line.length), line).toBe(labelKeyHash(line));
      from += line.length + 1;
    }
  });

  it('reads a line as a block trimmed by JavaScript is read (U+205F, U+1680, U+2028 around it)', () => {
    for (const line of ['aT/İ\t\u205f:\u205f\t', '\u1680Read also: Bridge reopens\u2028', '\u205fTags: a, b']) {
      expect(labelKeyHash(line), JSON.stringify(line)).toBe(labelKeyHash(line.trim()));
      expect(lineKeyHash(line), JSON.stringify(line)).toBe(lineKeyHash(line.trim()));
    }
  });

  it('gives none to a line without a label: no colon near its start, a long label, nothing after it, a URL, digits', () => {
    expect(labelKeyHash('The minister said on Monday: we will act')).toBe(-1);
    expect(labelKeyHash('One two three four: five')).toBe(-1);
    expect(labelKeyHash('Read also:   ')).toBe(-1);
    expect(labelKeyHash('https://example.com/story')).toBe(-1);
    expect(labelKeyHash('14:52 Drumochter reopens')).toBe(-1);
    expect(labelKeyHash('Monday 10:00PM')).toBe(-1);
    expect(labelKeyHash('Q: Favorite technology purchase')).toBe(-1);
    // A numbered item's label ("Step 1", "Article 5") numbers the page's own items.
    expect(labelKeyHash('Step 1: Choose a sunny spot')).toBe(-1);
    expect(labelKeyHash('Plain line')).toBe(-1);
  });
});
