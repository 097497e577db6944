import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editSimilarity, intersectionSize, MAX_EDIT_WORDS, overlap } from '../../src/dedup/verify.js';
import { DEFAULT_DEDUP_OPTIONS, compareSignatures, signDocument } from '../../src/dedup/index.js';
import { paragraph, words } from './helpers.js';

const sortedSet = (xs: number[]) => new Uint32Array([...new Set(xs)]).sort();
const doc = (id: string, text: string) => ({ id, text, title: null, site: null, date: null });

describe('overlap', () => {
  it('counts the intersection like a Set does', () => {
    const values = fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 80 });
    fc.assert(
      fc.property(values, values, (xs, ys) => {
        const a = sortedSet(xs);
        const b = sortedSet(ys);
        const inB = new Set(b);
        expect(intersectionSize(a, b)).toBe([...a].filter((x) => inB.has(x)).length);
      }),
    );
  });
  it('gives Jaccard over the union and containment over the smaller set', () => {
    const o = overlap(sortedSet([1, 2, 3, 4]), sortedSet([3, 4, 5, 6, 7, 8, 9, 10]));
    expect(o.jaccard).toBeCloseTo(2 / 10);
    expect(o.containment).toBeCloseTo(2 / 4);
    expect(overlap(new Uint32Array(0), sortedSet([1])).containment).toBe(0);
  });
});

describe('compareSignatures', () => {
  const options = DEFAULT_DEDUP_OPTIONS;
  const article = Array.from({ length: 8 }, (_, i) => paragraph(`p${i}x`, 60, i + 1)).join('\n\n');

  it('finds a truncated, lightly edited republication: containment high while Jaccard is lower', () => {
    const w = article.split(/\s+/);
    const cut = w.slice(0, Math.floor(w.length * 0.7));
    for (let i = 7; i < cut.length; i += 50) cut[i] = 'edited'; // 2% word edits
    const s = compareSignatures(signDocument(doc('a', article), options), signDocument(doc('b', cut.join(' ')), options), options);
    expect(s.containment).toBeGreaterThan(0.8);
    expect(s.jaccard).toBeLessThan(0.7);
    expect(s.jaccard).toBeLessThan(s.containment);
    expect(s.duplicate).toBe(true);
  });
  it('does not match unrelated articles', () => {
    const other = Array.from({ length: 8 }, (_, i) => paragraph(`q${i}y`, 60, i + 100)).join('\n\n');
    const s = compareSignatures(signDocument(doc('a', article), options), signDocument(doc('b', other), options), options);
    expect(s.containment).toBeLessThan(0.05);
    expect(s.duplicate).toBe(false);
  });
  it('does not match two articles sharing a few stock sentences', () => {
    const stock = paragraph('stock', 40, 7);
    const one = `${paragraph('one', 300, 1)}\n\n${stock}`;
    const two = `${stock}\n\n${paragraph('two', 300, 2)}`;
    const s = compareSignatures(signDocument(doc('a', one), options), signDocument(doc('b', two), options), options);
    expect(s.containment).toBeGreaterThan(0.05);
    expect(s.duplicate).toBe(false);
  });
  it('does not take a short passage quoted inside a long article for a copy of it', () => {
    const quote = paragraph('quote', 30, 3);
    const long = `${paragraph('long', 400, 4)}\n\n${quote}`;
    const s = compareSignatures(signDocument(doc('a', long), options), signDocument(doc('b', quote), options), options);
    expect(s.containment).toBe(1);
    expect(s.duplicate).toBe(false);
  });
  it('ignores typography: quote style, dashes, case, no-break spaces', () => {
    const plain = `He said "it's over" - then left. ${paragraph('z', 40)}`;
    const fancy = `HE SAID \u201cit\u2019s over\u201d \u2014 then\u00a0left. ${paragraph('z', 40)}`;
    const s = compareSignatures(signDocument(doc('a', plain), options), signDocument(doc('b', fancy), options), options);
    expect(s.jaccard).toBe(1);
    expect(s.edit).toBe(1);
  });
});

describe('editSimilarity', () => {
  it('is a word-level edit similarity', () => {
    expect(editSimilarity('abcd', 'abcd')).toBe(1);
    expect(editSimilarity('abcd', 'abxd')).toBeCloseTo(0.75);
    expect(editSimilarity('', '')).toBe(1);
    expect(editSimilarity('abcd', '')).toBe(0);
  });
  it('returns the length-ratio bound without computing when it is below the floor', () => {
    expect(editSimilarity('ab', 'wxyzwxyz', 0.5)).toBeCloseTo(0.25);
    expect(editSimilarity('ab', 'wxyzwxyz', 0)).toBe(0);
  });
  it('never exceeds the length ratio', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const longer = Math.max(a.length, b.length);
        if (longer === 0) return;
        expect(editSimilarity(a, b)).toBeLessThanOrEqual(Math.min(a.length, b.length) / longer + 1e-12);
      }),
    );
  });
  it('reads only the first words of long bodies for the edit similarity (its cost is bounded)', () => {
    const sign = (text: string) => signDocument(doc('x', text), DEFAULT_DEDUP_OPTIONS);
    const body = words('w', 20000, 1);
    const a = sign(body.join(' '));
    // The same first MAX_EDIT_WORDS words, then others: only that prefix is compared.
    const b = sign([...body.slice(0, MAX_EDIT_WORDS), ...words('v', 20000 - MAX_EDIT_WORDS, 2)].join(' '));
    expect(compareSignatures(a, b, DEFAULT_DEDUP_OPTIONS).edit).toBe(1);
  });
});
