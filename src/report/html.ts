/**
 * The HTML report, pure: one self-contained page (inline CSS, JS and SVG; a Content-Security-Policy that
 * forbids any network access) with the run's figures, plots, duplicate clusters with side-by-side paragraph
 * diffs, and the noise removed from each document.
 */
import { alignmentCounts, alignParagraphs, holdsAnyOf, paragraphsOf, wordsOnlyIn, type AlignedRow, type CleanedDocument } from '../explain.js';
import type { ClusterRecord, CorpusFigures } from '../stats.js';
import type { NoiseBlock } from '../types.js';
import { escapeHtml as esc } from './escape.js';
import { barChart } from './svg.js';
import { REPORT_SCRIPT, REPORT_STYLE } from './assets.js';

/** What the page shows about a run. */
export interface ReportData {
  figures: CorpusFigures;
  /** The run's accounting, when known. */
  run?: { read: number; rejected: number; rejectReasons: Record<string, number | undefined> };
  clusters: readonly ClusterRecord[];
  /** Cleaned bodies of the members of the first `MAX_DIFF_CLUSTERS` clusters, by id. */
  documents: ReadonlyMap<string, CleanedDocument>;
  /** Documents whose removed noise is listed (at most `MAX_NOISE_DOCUMENTS`). */
  noise: readonly NoiseDocument[];
  /** Documents with noise left out of `noise` because of the limit. */
  noiseOmitted: number;
  inputs: readonly string[];
  version: string;
}

export interface NoiseDocument {
  id: string;
  title: string | null;
  chars_in: number;
  chars_kept: number;
  noise: NoiseBlock[];
}

/** Clusters shown with diffs; the page stays a few MB even for a large crawl. Further clusters are listed only. */
export const MAX_DIFF_CLUSTERS = 200;
/** Documents whose removed noise is shown. */
export const MAX_NOISE_DOCUMENTS = 500;
/** Clusters listed at all. */
export const MAX_LISTED_CLUSTERS = 2000;
/** Copies diffed per cluster: the least similar ones, where a wrong match would show (400 near-identical diffs say nothing). */
export const MAX_DIFFS_PER_CLUSTER = 10;

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;
const number = (x: number): string => x.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`): string => `${number(n)} ${n === 1 ? one : many}`;

export function renderReport(data: ReportData): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>corpus report</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header><h1>corpus report</h1><p class="muted">${esc(data.inputs.join(' '))} · corpus ${esc(data.version)}</p></header>
<main>
${figuresSection(data)}
${plotsSection(data.figures)}
${clustersSection(data)}
${noiseSection(data)}
</main>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

function figure(label: string, value: string, note = ''): string {
  return `<div class="figure"><div class="value">${esc(value)}</div><div class="label">${esc(label)}</div>${note ? `<div class="note">${esc(note)}</div>` : ''}</div>`;
}

function figuresSection(data: ReportData): string {
  const f = data.figures;
  const rejected = data.run ? Object.entries(data.run.rejectReasons).map(([r, n]) => `${n} ${r}`).join(', ') : '';
  const cards = [
    ...(data.run ? [figure('records read', number(data.run.read)), figure('rejected', number(data.run.rejected), rejected)] : []),
    figure('documents', number(f.documents)),
    figure('characters kept', number(f.characters.kept), `of ${number(f.characters.in)} read`),
    figure('noise ratio (median)', percent(f.noiseRatio.median), `mean ${percent(f.noiseRatio.mean)}, p10–p90 ${percent(f.noiseRatio.p10)}–${percent(f.noiseRatio.p90)}`),
    figure('duplicate clusters', number(f.duplicates.clusters), plural(f.duplicates.inClusters, 'document')),
    figure('duplicate rate', percent(f.duplicates.rate), plural(f.duplicates.copies, 'copy', 'copies')),
    figure('languages', number(f.languages.length), f.languages.slice(0, 3).map((l) => `${l.value} ${l.count}`).join(', ')),
    figure('sites', number(f.sites.distinct), f.sites.undetermined ? `${plural(f.sites.undetermined, 'document')} without` : ''),
    figure('dates', f.dates.earliest ? `${f.dates.earliest} – ${f.dates.latest}` : 'none', f.dates.undated ? `${number(f.dates.undated)} undated` : ''),
  ];
  return `<section id="figures"><h2>Figures</h2><div class="figures">${cards.join('')}</div></section>`;
}

/** Dates by month, or by year when months would make too many bars to read. */
function dateBars(f: CorpusFigures): { label: string; value: number }[] {
  const months = f.dates.byMonth;
  if (months.length <= 36) return months.map((m) => ({ label: m.value, value: m.count }));
  const years = new Map<string, number>();
  for (const m of months) years.set(m.value.slice(0, 4), (years.get(m.value.slice(0, 4)) ?? 0) + m.count);
  return [...years].map(([label, value]) => ({ label, value }));
}

function plotsSection(f: CorpusFigures): string {
  const bins = f.noiseRatio.histogram;
  const noise = bins.map((value, i) => ({ label: `${(i * 100) / bins.length}%`, value }));
  const sizes = f.duplicates.sizes.map((s) => ({ label: String(s.size), value: s.count }));
  const langs = f.languages.slice(0, 15).map((l) => ({ label: l.value, value: l.count }));
  const plot = (heading: string, svg: string): string => `<figure class="plot"><figcaption>${esc(heading)}</figcaption>${svg}</figure>`;
  return `<section id="plots"><h2>Plots</h2><div class="plots">
${plot('Noise ratio (share of characters removed), documents per bin', barChart(noise, { title: 'noise ratio histogram' }))}
${plot('Duplicate cluster sizes (documents per cluster), clusters', barChart(sizes, { title: 'cluster sizes' }))}
${plot('Languages, documents', barChart(langs, { title: 'languages' }))}
${plot('Dates, documents', barChart(dateBars(f), { title: 'dates' }))}
</div></section>`;
}

function clustersSection(data: ReportData): string {
  const listed = data.clusters.slice(0, MAX_LISTED_CLUSTERS);
  const more = data.clusters.length - listed.length;
  const body = listed.length ? listed.map((c, i) => clusterDetails(c, i < MAX_DIFF_CLUSTERS ? data.documents : null)).join('\n') : '<p class="muted">No near-duplicates found.</p>';
  return `<section id="clusters"><h2>Duplicate clusters (${number(data.clusters.length)})</h2>
<p class="muted">Click a cluster to compare each copy with the kept representative, paragraph by paragraph.</p>
<input type="search" class="filter" data-target="#clusters details" placeholder="filter clusters by id, title or site">
${body}${more > 0 ? `<p class="muted">${number(more)} more clusters not listed (see <code>corpus dupes --json</code>).</p>` : ''}
</section>`;
}

function clusterDetails(c: ClusterRecord, documents: ReadonlyMap<string, CleanedDocument> | null): string {
  const kept = c.members.find((m) => m.id === c.kept) ?? c.members[0];
  const search = c.members.map((m) => [m.id, m.title ?? '', m.site ?? ''].join(' ')).join(' ').toLowerCase();
  const copies = c.members.filter((m) => m.id !== c.kept);
  const similarities = copies.map((m) => m.similarity.toFixed(2));
  const range = similarities.length > 1 ? `${similarities[similarities.length - 1]}–${similarities[0]}` : (similarities[0] ?? '');
  const summary = `<summary><span class="cid">#${c.cluster}</span> ${c.members.length} documents · kept <code>${esc(c.kept)}</code>${kept.title ? ` — ${esc(kept.title)}` : ''} <span class="muted">similarity ${range}</span></summary>`;
  const diffs = documents ? clusterDiffs(c, copies, documents) : '<p class="muted">Diff not included (too many clusters).</p>';
  return `<details class="cluster" id="cluster-${c.cluster}" data-search="${esc(search)}">${summary}${membersTable(c)}${diffs}</details>`;
}

/** Ids of the copies of a cluster that get a diff, in member order. */
export function diffedCopies(cluster: ClusterRecord): string[] {
  const copies = cluster.members.filter((m) => m.id !== cluster.kept);
  const leastSimilar = new Set([...copies].sort((a, b) => a.similarity - b.similarity).slice(0, MAX_DIFFS_PER_CLUSTER).map((m) => m.id));
  return copies.filter((m) => leastSimilar.has(m.id)).map((m) => m.id);
}

function clusterDiffs(cluster: ClusterRecord, copies: ClusterRecord['members'], documents: ReadonlyMap<string, CleanedDocument>): string {
  const shown = diffedCopies(cluster);
  const kept = cluster.kept;
  const more = copies.length - shown.length;
  const note = more > 0 ? `<p class="muted">The ${shown.length} least similar copies are compared; ${number(more)} more are not (see <code>corpus explain</code>).</p>` : '';
  return note + shown.map((id) => copyDiff(documents.get(kept), documents.get(id), id)).join('');
}

function membersTable(c: ClusterRecord): string {
  const rows = c.members.map((m) => {
    const cells = [m.id === c.kept ? `<b>${esc(m.id)}</b> (kept)` : esc(m.id), m.similarity.toFixed(3), m.jaccard.toFixed(3), m.containment.toFixed(3), m.edit.toFixed(3), esc(m.title ?? ''), esc(m.site ?? ''), esc(m.date ?? ''), number(m.chars)];
    return `<tr>${cells.map((x) => `<td>${x}</td>`).join('')}</tr>`;
  });
  return `<table class="members"><thead><tr><th>id</th><th>similarity</th><th>jaccard</th><th>containment</th><th>edit</th><th>title</th><th>site</th><th>date</th><th>chars</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const MARKERS: Record<AlignedRow['kind'], string> = { same: '=', changed: '~', onlyA: '<', onlyB: '>' };

function copyDiff(kept: CleanedDocument | undefined, copy: CleanedDocument | undefined, copyId: string): string {
  if (!kept || !copy) return `<p class="muted">No text for ${esc(copyId)}.</p>`;
  const rows = alignParagraphs(paragraphsOf(kept.text), paragraphsOf(copy.text));
  const n = alignmentCounts(rows);
  const legend = `<p class="legend"><span class="same">= ${n.same} same</span> <span class="changed">~ ${n.changed} edited</span> <span class="onlyA">&lt; ${n.onlyA} only in kept</span> <span class="onlyB">&gt; ${n.onlyB} only in copy</span></p>`;
  const body = rows.map((r) => `<tr class="${r.kind}"><td class="marker">${esc(MARKERS[r.kind])}</td><td>${cellText(r.a, r.b, r.kind)}</td><td>${cellText(r.b, r.a, r.kind)}</td></tr>`).join('');
  return `<div class="diff"><h4><code>${esc(kept.id)}</code> (kept) vs <code>${esc(copy.id)}</code></h4>${legend}<table class="diff-table"><thead><tr><th></th><th>${esc(kept.id)}</th><th>${esc(copy.id)}</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

/** A paragraph, escaped; in an edited pair the words the other paragraph lacks are marked. */
function cellText(text: string | undefined, other: string | undefined, kind: AlignedRow['kind']): string {
  if (!text) return '';
  if (kind !== 'changed' || !other) return esc(text);
  const changed = wordsOnlyIn(text, other);
  return text.split(/(\s+)/).map((part) => (holdsAnyOf(part, changed) ? `<mark>${esc(part)}</mark>` : esc(part))).join('');
}

function noiseSection(data: ReportData): string {
  const docs = data.noise.map((d) => {
    const ratio = d.chars_in ? 1 - d.chars_kept / d.chars_in : 0;
    const search = `${d.id} ${d.title ?? ''}`.toLowerCase();
    const blocks = d.noise.map((b) => `<li><span class="reason">${esc(b.reason)}</span> ${esc(b.text)}</li>`).join('');
    return `<details class="doc" data-search="${esc(search)}"><summary><code>${esc(d.id)}</code>${d.title ? ` — ${esc(d.title)}` : ''} <span class="muted">${percent(ratio)} removed, ${plural(d.noise.length, 'block')}</span></summary><ol class="noise">${blocks}</ol></details>`;
  });
  const more = data.noiseOmitted ? `<p class="muted">${number(data.noiseOmitted)} more documents not shown (see <code>corpus clean --keep-noise</code>).</p>` : '';
  return `<section id="noise"><h2>Removed noise per document</h2>
<input type="search" class="filter" data-target="#noise details" placeholder="filter documents by id or title">
${docs.join('\n') || '<p class="muted">No noise removed.</p>'}${more}
</section>`;
}
