import { describe, expect, it } from 'vitest';
import type { CleanedDocument } from '../../src/explain.js';
import { diffedCopies, MAX_DIFF_CLUSTERS, MAX_DIFFS_PER_CLUSTER, renderReport, type ReportData } from '../../src/report/html.js';
import { barChart } from '../../src/report/svg.js';
import { addRecord, createStats, finishStats, type ClusterRecord } from '../../src/stats.js';
import { article } from '../cli/helpers.js';

const member = (id: string, similarity: number, title: string | null = null) => ({ id, similarity, jaccard: similarity, containment: similarity, edit: similarity, title, site: null, date: null, chars: 100, preview: '' });
const doc = (id: string, text: string): CleanedDocument => ({ id, text, title: null, site: null, date: null, lang: null });

function data(overrides: Partial<ReportData> = {}): ReportData {
  const stats = createStats();
  addRecord(stats, { id: 'a', text: 'x', title: null, site: null, date: '2025-01-02', lang: 'en', encoding: 'utf-8', chars_in: 10, chars_kept: 5 });
  const clusters: ClusterRecord[] = [{ cluster: 1, kept: 'a', members: [member('a', 1, 'Kept <b>title</b>'), member('b', 0.9)] }];
  const shared = article(1, 2);
  return {
    figures: finishStats(stats, clusters),
    clusters,
    documents: new Map([['a', doc('a', `${shared}\n\nOnly in kept.`)], ['b', doc('b', `${shared}\n\nOnly <script>alert(1)</script> in copy.`)]]),
    noise: [{ id: 'a', title: null, chars_in: 10, chars_kept: 5, noise: [{ text: 'Share on Facebook', reason: 'template line' }] }],
    noiseOmitted: 0,
    inputs: ['dumps/'],
    version: '9.9.9',
    ...overrides,
  };
}

describe('HTML report', () => {
  it('is one self-contained page: inline style and script, a CSP forbidding the network, no external references', () => {
    const html = renderReport(data());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`content="default-src 'none';`);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain('<style>');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('escapes document text, titles and ids', () => {
    const html = renderReport(data());
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('<b>title</b>');
  });

  it('lists each cluster with its members and a side-by-side diff of each copy', () => {
    const html = renderReport(data());
    const cluster = html.slice(html.indexOf('<details class="cluster" id="cluster-1"'), html.indexOf('</details>', html.indexOf('id="cluster-1"')));
    expect(cluster).toContain('2 documents');
    expect(cluster).toMatch(/<tr class="same">/);
    expect(cluster).toMatch(/<tr class="onlyA"><td class="marker">&#60;<\/td><td>Only in kept\.<\/td><td><\/td><\/tr>/);
    expect(cluster).toMatch(/<tr class="onlyB">/);
  });

  it('shows the removed noise with its reason, and plots as inline SVG', () => {
    const html = renderReport(data());
    expect(html).toMatch(/<span class="reason">template line<\/span> Share on Facebook/);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(4);
  });

  it('diffs only the first clusters of a large run, and says so', () => {
    const clusters = Array.from({ length: MAX_DIFF_CLUSTERS + 1 }, (_, i): ClusterRecord => ({ cluster: i + 1, kept: `k${i}`, members: [member(`k${i}`, 1), member(`c${i}`, 0.8)] }));
    const html = renderReport(data({ clusters, documents: new Map() }));
    expect(html.match(/<details class="cluster"/g)).toHaveLength(MAX_DIFF_CLUSTERS + 1);
    expect(html.match(/Diff not included/g)).toHaveLength(1);
  });

  it('diffs the least similar copies of a big cluster, in member order, and says how many are left out', () => {
    const copies = Array.from({ length: MAX_DIFFS_PER_CLUSTER + 5 }, (_, i) => member(`c${String(i).padStart(2, '0')}`, 1 - i / 100));
    const cluster: ClusterRecord = { cluster: 1, kept: 'k', members: [member('k', 1), ...copies] };
    const ids = diffedCopies(cluster);
    expect(ids).toEqual(copies.slice(5).map((m) => m.id));
    const documents = new Map([cluster.kept, ...ids].map((id) => [id, doc(id, article(1, 2))]));
    const html = renderReport(data({ clusters: [cluster], documents }));
    expect(html.match(/<table class="diff-table">/g)).toHaveLength(MAX_DIFFS_PER_CLUSTER);
    expect(html).toContain(`The ${MAX_DIFFS_PER_CLUSTER} least similar copies are compared; 5 more are not`);
  });

  it('draws bars proportional to the values, and an empty chart says so', () => {
    const svg = barChart([{ label: 'a', value: 1 }, { label: 'b', value: 2 }], { title: 't' });
    const heights = [...svg.matchAll(/height="([\d.]+)"><title>/g)].map((m) => Number(m[1]));
    expect(heights[1]).toBeCloseTo(2 * heights[0]);
    expect(barChart([], { title: 't' })).toContain('no data');
  });
});
