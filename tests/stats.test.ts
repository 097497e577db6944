import { describe, expect, it } from 'vitest';
import { addCluster, addRecord, createStats, finishStats, histogram, noiseRatio, quantile, type ClusterRecord } from '../src/stats.js';
import type { OutputRecord } from '../src/types.js';

function record(id: string, fields: Partial<OutputRecord> = {}): OutputRecord {
  return { id, text: 'body', title: null, site: null, date: null, lang: null, encoding: 'utf-8', chars_in: 100, chars_kept: 50, ...fields };
}

const member = (id: string, similarity = 1) => ({ id, similarity, jaccard: similarity, containment: similarity, edit: similarity, title: `title ${id}`, site: null, date: null, chars: 10, preview: '' });

describe('corpus statistics', () => {
  it('measures the noise ratio per document: mean, quantiles and a histogram in tenths', () => {
    const stats = createStats();
    for (const kept of [100, 90, 50, 50, 0]) addRecord(stats, record(`d${kept}`, { chars_in: 100, chars_kept: kept }));
    const f = finishStats(stats, []);
    expect(f.documents).toBe(5);
    expect(f.characters).toEqual({ in: 500, kept: 290 });
    expect(f.noiseRatio.mean).toBeCloseTo((0 + 0.1 + 0.5 + 0.5 + 1) / 5);
    expect(f.noiseRatio.median).toBeCloseTo(0.5);
    expect(f.noiseRatio.histogram).toEqual([1, 1, 0, 0, 0, 2, 0, 0, 0, 1]);
    expect(f.noiseRatio.histogram.reduce((a, b) => a + b)).toBe(5);
  });

  it('counts languages and sites most frequent first, unknown languages as "unknown"', () => {
    const stats = createStats();
    for (const [lang, site] of [['fr', 'A'], ['fr', 'B'], ['de', 'A'], [null, null]] as const) addRecord(stats, record(`${lang}${site}`, { lang, site }));
    const f = finishStats(stats, []);
    expect(f.languages).toEqual([{ value: 'fr', count: 2 }, { value: 'de', count: 1 }, { value: 'unknown', count: 1 }]);
    expect(f.sites).toEqual({ distinct: 2, undetermined: 1, top: [{ value: 'A', count: 2 }, { value: 'B', count: 1 }] });
  });

  it('gives the date range over day and month precision, and counts by month', () => {
    const stats = createStats();
    for (const date of ['2025-02-10', '2024-12', null, '2025-02-01']) addRecord(stats, record(String(date), { date }));
    const f = finishStats(stats, []);
    expect(f.dates).toEqual({
      earliest: '2024-12',
      latest: '2025-02-10',
      undated: 1,
      byMonth: [{ value: '2024-12', count: 1 }, { value: '2025-02', count: 2 }],
    });
  });

  it('reports the duplicate rate, cluster sizes and the largest clusters', () => {
    const stats = createStats();
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']) addRecord(stats, record(id, ['b', 'c', 'e'].includes(id) ? { duplicate_of: id === 'e' ? 'd' : 'a' } : {}));
    const clusters: ClusterRecord[] = [
      { cluster: 1, kept: 'a', members: [member('a'), member('b', 0.9), member('c', 0.8)] },
      { cluster: 2, kept: 'd', members: [member('d'), member('e', 0.7)] },
    ];
    const d = finishStats(stats, clusters).duplicates;
    expect(d).toMatchObject({ clusters: 2, inClusters: 5, copies: 3, rate: 0.3, sizes: [{ size: 2, count: 1 }, { size: 3, count: 1 }] });
    expect(d.largest.map((c) => [c.cluster, c.size, c.title])).toEqual([[1, 3, 'title a'], [2, 2, 'title d']]);
  });

  it('takes the figures of corpus clean output from the earlier run kept in metadata', () => {
    const stats = createStats();
    // Read back as JSONL: the body is already clean, so re-cleaning keeps everything; metadata holds the truth.
    addRecord(stats, record('x', { chars_in: 40, chars_kept: 40, metadata: { chars_in: 160, chars_kept: 40, lang: 'it', site: 'S', date: '2020-01-02', duplicates: ['y', 'z'] } }));
    const f = finishStats(stats, []);
    expect(f.alreadyCleaned).toBe(1);
    expect(f.noiseRatio.median).toBeCloseTo(0.75);
    expect(f.languages).toEqual([{ value: 'it', count: 1 }]);
    expect(f.dates.earliest).toBe('2020-01-02');
    expect(f.duplicates.droppedEarlier).toBe(2);
  });

  it('counts as dropped earlier only the named copies that are not in the input (clean --no-dedup marks and keeps them)', () => {
    const stats = createStats();
    const cluster: ClusterRecord = { cluster: 1, kept: 'x', members: [member('x'), member('y'), member('z')] };
    addCluster(stats, cluster);
    const earlier = { chars_in: 160, chars_kept: 40 };
    addRecord(stats, record('x', { metadata: { ...earlier, title: 'The first run title', duplicates: ['y', 'z'] } }));
    addRecord(stats, record('y', { metadata: { ...earlier, duplicate_of: 'x' } }));
    const f = finishStats(stats, [cluster]);
    expect(f.duplicates.droppedEarlier).toBe(1); // z was dropped, y was kept and marked
    expect(f.duplicates.largest[0].title).toBe('The first run title');
  });

  it('handles an empty corpus and degenerate documents without NaN', () => {
    const f = finishStats(createStats(), []);
    expect(f.noiseRatio).toEqual({ mean: 0, median: 0, p10: 0, p90: 0, histogram: new Array(10).fill(0) });
    expect(f.duplicates.rate).toBe(0);
    expect(noiseRatio(0, 0)).toBe(0);
    expect(quantile([], 0.5)).toBe(0);
    expect(histogram([1, 0.999, 0])).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
  });
});
