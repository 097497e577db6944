import { describe, expect, it } from 'vitest';
import { compactSignature, DEFAULT_DEDUP_OPTIONS, findDuplicates, signDocument } from '../src/dedup/index.js';
import { alignmentCounts, alignParagraphs, explainCleaned, explainTexts, paragraphsOf, type CleanedDocument } from '../src/explain.js';
import { article } from './cli/helpers.js';

const doc = (id: string, text: string): CleanedDocument => ({ id, text, title: null, site: null, date: null, lang: null });
const P = (seed: number): string => article(seed, 1);

describe('paragraph alignment', () => {
  it('marks shared, edited, only-A and only-B paragraphs, in both documents\' order', () => {
    const edited = P(2).replace('the ', 'THE new ');
    const rows = alignParagraphs([P(1), P(2), P(3)], [P(9), P(1), edited, P(4)]);
    expect(rows.map((r) => r.kind)).toEqual(['onlyB', 'same', 'changed', 'onlyB', 'onlyA']);
    expect(rows[0].b).toBe(P(9));
    expect(rows[2]).toMatchObject({ a: P(2), b: edited, bIndex: 2 });
    expect(rows[3].b).toBe(P(4));
    expect(rows[4]).toMatchObject({ a: P(3), overlap: 0 });
    expect(rows[4].b).toBeUndefined();
  });

  it('pairs a paragraph with its whole copy, not with a short heading that quotes it', () => {
    const paragraph = P(5);
    const heading = paragraph.split(' ').slice(0, 6).join(' ');
    const rows = alignParagraphs([paragraph], [heading, paragraph]);
    expect(rows.map((r) => r.kind)).toEqual(['onlyB', 'same']);
    expect(rows[0].b).toBe(heading);
  });

  it('treats typographic variants (curly apostrophes, case) as the same paragraph', () => {
    const rows = alignParagraphs(["L'IA est là, dit-il."], ['l’IA est LÀ, dit-il.']);
    expect(rows).toHaveLength(1);
    expect(rows[0].kind).toBe('same');
  });

  it('shows every paragraph of both sides exactly once', () => {
    const a = [P(1), P(2), P(3), P(2)];
    const b = [P(3), P(2), P(7)];
    const rows = alignParagraphs(a, b);
    expect(rows.filter((r) => r.a !== undefined).map((r) => r.a)).toEqual(a);
    expect(rows.filter((r) => r.b !== undefined).map((r) => r.bIndex).sort()).toEqual([0, 1, 2]);
    expect(alignmentCounts(rows)).toEqual({ same: 2, changed: 0, onlyA: 2, onlyB: 1 });
  });

  it('splits paragraphs on blank lines', () => {
    expect(paragraphsOf('one\n\n two \n \nthree\nstill three\n\n\n')).toEqual(['one', 'two', 'three\nstill three']);
  });
});

describe('explaining a pair', () => {
  it('gives the similarities and verdict that findDuplicates uses', () => {
    const a = doc('a', [P(1), P(2), P(3), P(4)].join('\n\n'));
    const b = doc('b', [P(1), P(2), P(3), P(8)].join('\n\n'));
    const e = explainCleaned(a, b);
    const compact = (d: typeof a) => compactSignature(signDocument(d, DEFAULT_DEDUP_OPTIONS), DEFAULT_DEDUP_OPTIONS);
    const cluster = findDuplicates([compact(a), compact(b)], DEFAULT_DEDUP_OPTIONS).clusters[0];
    const copy = cluster.members.find((m) => m.id !== cluster.kept)!;
    expect(e.duplicate).toBe(true);
    expect(e.containment).toBeCloseTo(copy.containment);
    expect(e.jaccard).toBeCloseTo(copy.jaccard);
    expect(e.edit).toBeCloseTo(copy.edit);
    expect(e).toMatchObject({ measure: 'containment', threshold: DEFAULT_DEDUP_OPTIONS.threshold });
    expect(e.reason).toMatch(/^duplicates: containment 0\.\d+ reaches the threshold 0\.6/);
    expect(alignmentCounts(e.alignment)).toEqual({ same: 3, changed: 0, onlyA: 1, onlyB: 1 });
  });

  it('says why different articles are not duplicates, and honours another measure and threshold', () => {
    const e = explainCleaned(doc('a', article(1, 4)), doc('b', article(2, 4)));
    expect(e.duplicate).toBe(false);
    expect(e.reason).toMatch(/below the threshold 0\.6/);
    const strict = explainCleaned(doc('a', [P(1), P(2)].join('\n\n')), doc('b', [P(1), P(3)].join('\n\n')), { ...DEFAULT_DEDUP_OPTIONS, measure: 'jaccard', threshold: 0.9 });
    expect(strict).toMatchObject({ measure: 'jaccard', threshold: 0.9, duplicate: false });
    expect(strict.similarity).toBe(strict.jaccard);
  });

  it('calls a short text quoted whole in a long one a quotation, not a copy', () => {
    const long = doc('long', article(3, 12));
    const quote = doc('quote', paragraphsOf(long.text)[0]);
    const e = explainCleaned(long, quote);
    expect(e.containment).toBe(1);
    expect(e.duplicate).toBe(false);
    expect(e.reason).toMatch(/only \d+% of the longer/);
  });

  it('says when a document has no body left after cleaning', () => {
    const e = explainCleaned(doc('menu', ''), doc('b', article(1, 2)));
    expect(e.duplicate).toBe(false);
    expect(e.reason).toBe('not duplicates: menu has no article body after cleaning (a run rejects it as "empty after cleaning")');
  });

  it('cleans raw dumps before comparing: shared navigation does not make two articles duplicates', () => {
    const nav = 'Home | World | Sport | Contact\nSubscribe to our newsletter';
    const e = explainTexts({ id: 'a', text: `${nav}\n\n${article(4, 4)}` }, { id: 'b', text: `${nav}\n\n${article(5, 4)}` });
    expect(e.duplicate).toBe(false);
    expect(e.alignment.some((r) => (r.a ?? r.b ?? '').includes('Subscribe'))).toBe(false);
    const same = explainTexts({ id: 'a', text: `${nav}\n\n${article(4, 4)}` }, { id: 'b', text: `Menu\n\n${article(4, 4)}` });
    expect(same.duplicate).toBe(true);
  });
});
