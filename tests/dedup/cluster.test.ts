import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UnionFind, compareCompleteness, splitAroundRepresentatives } from '../../src/dedup/cluster.js';
import { DEFAULT_DEDUP_OPTIONS, findDuplicates, signDocument, type DocumentToSign } from '../../src/dedup/index.js';
import { paragraph } from './helpers.js';

const options = DEFAULT_DEDUP_OPTIONS;
const P = Array.from({ length: 8 }, (_, i) => paragraph(`p${i}x`, 80, i + 1));
const body = (...parts: number[]) => parts.map((i) => P[i]).join('\n\n');
const doc = (id: string, text: string, meta: Partial<DocumentToSign> = {}): DocumentToSign => ({
  id, text, title: null, site: null, date: null, ...meta,
});
const full = { title: 'T', site: 'S', date: '2025-01-01' };

describe('UnionFind', () => {
  it('groups connected elements', () => {
    const uf = new UnionFind(6);
    uf.union(0, 2);
    uf.union(4, 2);
    uf.union(1, 5);
    expect(uf.groups()).toEqual([[0, 2, 4], [1, 5]]);
  });
});

describe('representative choice', () => {
  const c = (id: string, length: number, n: number) => ({ id, length, hasTitle: n > 0, hasSite: n > 1, hasDate: n > 2 });
  it('prefers a whole body, then stated metadata, then the longer body, then the smaller id', () => {
    expect(compareCompleteness(c('b', 700, 3), c('a', 999, 2))).toBeLessThan(0);
    expect(compareCompleteness(c('b', 600, 3), c('a', 999, 0))).toBeGreaterThan(0); // an excerpt: under 2/3 of the other
    expect(compareCompleteness(c('b', 700, 3), c('a', 999, 0), 1600)).toBeLessThan(0); // both excerpts of a longer copy
    expect(compareCompleteness(c('b', 200, 3), c('a', 100, 3))).toBeLessThan(0);
    expect(compareCompleteness(c('a', 100, 3), c('b', 100, 3))).toBeLessThan(0);
    expect(compareCompleteness(c('a', 100, 3), c('a', 100, 3))).toBe(0);
  });
  it('keeps the most complete copy in findDuplicates, ties broken by id', () => {
    const text = body(0, 1, 2, 3);
    const sigs = [
      signDocument(doc('c', text, full), options),
      signDocument(doc('a', text), options),
      signDocument(doc('b', text, full), options),
      signDocument(doc('d', body(0, 1, 2), { title: 'T' }), options),
    ];
    const { clusters } = findDuplicates(sigs, options);
    expect(clusters).toHaveLength(1);
    expect(clusters[0].kept).toBe('b');
    expect(clusters[0].members.map((m) => m.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(clusters[0].members[0].similarity).toBe(1);
  });
  it('judges a whole body against the longest copy still unclustered, down a chain of copies', () => {
    const docs = [['A', 10000, 0], ['B', 4000, 0], ['F', 2900, 0], ['T', 1000, 3]].map(([id, length, n]) => c(id as string, length as number, n as number));
    const pairs = new Set(['0,1', '1,2', '2,3']);
    const split = splitAroundRepresentatives([0, 1, 2, 3], docs, (x, y) => pairs.has(x < y ? `${x},${y}` : `${y},${x}`));
    expect(split).toEqual([[0, 1], [2, 3]]); // F, not the teaser T, keeps the second cluster
  });
  it('keeps the article over a teaser of its first paragraphs that states more metadata', () => {
    const sigs = [
      signDocument(doc('teaser', body(0, 1, 2), full), options),
      signDocument(doc('copy', body(0, 1, 2, 3, 4, 5, 6, 7)), options),
      signDocument(doc('site', body(0, 1, 2, 3, 4, 5, 6, 7), { site: 'S' }), options),
    ];
    const { clusters } = findDuplicates(sigs, options);
    expect(clusters.map((c) => [c.kept, c.members.map((m) => m.id).sort()])).toEqual([['site', ['copy', 'site', 'teaser']]]);
  });
});

describe('chaining', () => {
  // A = P0..P2, B = P1..P3, C = P2..P4: A≈B and B≈C (containment 2/3), A≉C (1/3).
  const A = body(0, 1, 2);
  const B = body(1, 2, 3);
  const C = body(2, 3, 4);
  it('does not merge A and C through B', () => {
    const sigs = [signDocument(doc('A', A, full), options), signDocument(doc('B', B), options), signDocument(doc('C', C), options)];
    const result = findDuplicates(sigs, options);
    expect(result.verifiedPairs).toBe(2);
    expect(result.clusters.map((c) => c.members.map((m) => m.id))).toEqual([['A', 'B']]);
  });
  it('lets the middle copy, when it is the representative, take both sides (each verified against it)', () => {
    const sigs = [signDocument(doc('A', A), options), signDocument(doc('B', B, full), options), signDocument(doc('C', C), options)];
    const [cluster] = findDuplicates(sigs, options).clusters;
    expect(cluster.kept).toBe('B');
    expect(cluster.members.map((m) => m.id).sort()).toEqual(['A', 'B', 'C']);
    for (const m of cluster.members) expect(m.containment).toBeGreaterThanOrEqual(options.threshold);
  });
  it('keeps apart an article that a follow-up recaps, though a short copy of the follow-up is mostly the recap', () => {
    // Monday's story M = P0-P7; Tuesday's follow-up T = P8-P11 and a recap of P0-P3, stating the most metadata;
    // a wire's short copy W of T = its lead P8 and the recap. W is a duplicate of T and of M's text, but M is not T's.
    const P2 = Array.from({ length: 12 }, (_, i) => paragraph(`q${i}y`, 80, i + 21));
    const text = (...parts: number[]) => parts.map((i) => P2[i]).join('\n\n');
    const sigs = [
      signDocument(doc('M', text(0, 1, 2, 3, 4, 5, 6, 7)), options),
      signDocument(doc('T', text(8, 9, 10, 11, 0, 1, 2, 3), full), options),
      signDocument(doc('W', text(8, 0, 1, 2, 3)), options),
    ];
    const { clusters } = findDuplicates(sigs, options);
    expect(clusters.map((c) => c.members.map((m) => m.id).sort())).toEqual([['T', 'W']]);
  });
  it('splits a group into several clusters around representatives', () => {
    const split = splitAroundRepresentatives(
      [0, 1, 2, 3],
      ['a', 'b', 'c', 'd'].map((id) => ({ id, length: 1, hasTitle: false, hasSite: false, hasDate: false })),
      (rep, m) => (rep === 0 && m === 1) || (rep === 2 && m === 3),
    );
    expect(split).toEqual([[0, 1], [2, 3]]);
  });
});

describe('findDuplicates', () => {
  const corpus = [
    doc('x1', body(0, 1, 2, 3), full),
    doc('x2', body(0, 1, 2)), // truncated copy
    doc('x3', body(1, 2, 3).toUpperCase().replace(/ /g, '\u00a0')), // restyled copy missing the first part
    doc('y1', body(5, 6, 7)),
    doc('y2', body(5, 6, 7)),
    doc('z', body(4)),
    doc('empty1', ''),
    doc('empty2', ''),
  ];
  const run = (docs: DocumentToSign[]) => findDuplicates(docs.map((d) => signDocument(d, options)), options);

  it('finds clusters of size 2 or more only, ordered by kept id', () => {
    const { clusters } = run(corpus);
    expect(clusters.map((c) => [c.kept, c.members.map((m) => m.id).sort()])).toEqual([
      ['x1', ['x1', 'x2', 'x3']],
      ['y1', ['y1', 'y2']],
    ]);
  });
  it('gives the same result under any input order', () => {
    const expected = JSON.stringify(run(corpus));
    fc.assert(
      fc.property(fc.shuffledSubarray(corpus, { minLength: corpus.length, maxLength: corpus.length }), (shuffled) => {
        expect(JSON.stringify(run(shuffled))).toBe(expected);
      }),
      { numRuns: 30 },
    );
  });
  it('rejects duplicate ids', () => {
    expect(() => run([doc('a', 'x'), doc('a', 'y')])).toThrow(/duplicate document id/);
  });
  it('measures Jaccard when asked: the truncated copy then falls out', () => {
    const jaccard = { ...options, measure: 'jaccard' as const, threshold: 0.8 };
    const { clusters } = findDuplicates(corpus.map((d) => signDocument(d, jaccard)), jaccard);
    expect(clusters.map((c) => c.members.map((m) => m.id).sort())).toEqual([['y1', 'y2']]);
  });
  it('keeps signatures structured-clone friendly', () => {
    const sig = signDocument(corpus[0], options);
    expect(structuredClone(sig)).toEqual(sig);
  });
});
