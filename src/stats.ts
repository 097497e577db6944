/**
 * Corpus statistics, pure: fold cleaned records (as `PipelineIo.onRecord` sees them) and the duplicate
 * clusters into the figures `corpus stats` prints and the HTML report plots. Memory holds counts only.
 */
import type { OutputRecord } from './types.js';

/** One member of a cluster record (`corpus dupes --json`). */
export interface ClusterMemberRecord {
  id: string;
  similarity: number;
  jaccard: number;
  containment: number;
  edit: number;
  title: string | null;
  site: string | null;
  date: string | null;
  chars: number;
  preview: string;
}

/** One line of `corpus dupes --json` / `--dupes-out`. */
export interface ClusterRecord {
  cluster: number;
  kept: string;
  members: ClusterMemberRecord[];
}

/** A value and how many documents have it. */
export interface Count {
  value: string;
  count: number;
}

export interface CorpusFigures {
  /** Cleaned documents seen (rejected records are not documents). */
  documents: number;
  /** Documents read from `corpus clean` output: their `chars_in` and metadata come from the earlier run. */
  alreadyCleaned: number;
  characters: { in: number; kept: number };
  /** Share of each document's characters removed as noise: 1 − chars_kept / chars_in. */
  noiseRatio: { mean: number; median: number; p10: number; p90: number; histogram: number[] };
  /** Every language, most frequent first; `null` documents are counted as `unknown`. */
  languages: Count[];
  /** The most frequent sites (`TOP_SITES`), and how many distinct sites there are. */
  sites: { distinct: number; undetermined: number; top: Count[] };
  dates: { earliest: string | null; latest: string | null; undated: number; byMonth: Count[] };
  duplicates: {
    clusters: number;
    /** Documents in some cluster, representatives included. */
    inClusters: number;
    /** Documents that copy a representative. */
    copies: number;
    /** copies / documents: the share a deduplicating run drops. */
    rate: number;
    /** Copies already dropped by the `corpus clean` run that wrote the input (its records' `duplicates`). */
    droppedEarlier: number;
    /** Cluster size → number of clusters. */
    sizes: { size: number; count: number }[];
    largest: { cluster: number; kept: string; size: number; title: string | null }[];
  };
}

/** Bins of the noise ratio histogram: tenths, [0, 0.1) … [0.9, 1]. */
export const NOISE_BINS = 10;
/** Sites listed by name; the rest are only counted. */
export const TOP_SITES = 20;
/** Largest clusters listed. */
export const TOP_CLUSTERS = 10;

/** The running state: counts and one small number per document (the noise ratio, for quantiles). */
export interface StatsAccumulator {
  documents: number;
  alreadyCleaned: number;
  charsIn: number;
  charsKept: number;
  noiseRatios: number[];
  languages: Map<string, number>;
  sites: Map<string, number>;
  undeterminedSites: number;
  months: Map<string, number>;
  earliest: string | null;
  latest: string | null;
  undated: number;
  copies: number;
  /** Copies the records read back name in their `duplicates`, and how many of those are in the input themselves
   *  (a `clean --no-dedup` run marks its copies instead of dropping them). */
  listedEarlier: number;
  markedEarlier: number;
  /** The title of each cluster's kept record (see addCluster), the first run's for records read back. */
  keptTitles: Map<string, string | null>;
}

export function createStats(): StatsAccumulator {
  return {
    documents: 0, alreadyCleaned: 0, charsIn: 0, charsKept: 0, noiseRatios: [], languages: new Map(), sites: new Map(),
    undeterminedSites: 0, months: new Map(), earliest: null, latest: null, undated: 0, copies: 0, listedEarlier: 0,
    markedEarlier: 0, keptTitles: new Map(),
  };
}

/** Notes a cluster before its records are added, so its kept record's title is taken as the records go by. */
export function addCluster(stats: StatsAccumulator, cluster: ClusterRecord): void {
  stats.keptTitles.set(cluster.kept, null);
}

/** What stats need of a record. */
interface StatsView {
  charsIn: number;
  charsKept: number;
  lang: string | null;
  site: string | null;
  date: string | null;
  alreadyCleaned: boolean;
  title: string | null;
  /** Copies the earlier run named in this record's `duplicates` (dropped, or marked and in the input too). */
  listedEarlier: number;
  /** The earlier run marked this record a copy (`duplicate_of`) and kept it. */
  markedEarlier: boolean;
}

const stringOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * A record read back from `corpus clean` output carries the first run's figures in `metadata`: re-cleaning
 * an already clean body removes nothing, so its own `chars_in` would hide the noise the first run removed.
 */
export function statsView(record: OutputRecord): StatsView {
  const m = record.metadata;
  const earlier = m && typeof m.chars_in === 'number' && typeof m.chars_kept === 'number';
  if (!earlier) return { charsIn: record.chars_in, charsKept: record.chars_kept, lang: record.lang, site: record.site, date: record.date, title: record.title, alreadyCleaned: false, listedEarlier: 0, markedEarlier: false };
  return {
    charsIn: m.chars_in as number,
    charsKept: m.chars_kept as number,
    lang: stringOrNull(m.lang) ?? record.lang,
    site: stringOrNull(m.site) ?? record.site,
    date: stringOrNull(m.date) ?? record.date,
    title: stringOrNull(m.title) ?? record.title,
    alreadyCleaned: true,
    listedEarlier: Array.isArray(m.duplicates) ? m.duplicates.length : 0,
    markedEarlier: typeof m.duplicate_of === 'string',
  };
}

const increment = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);

/** Adds one cleaned record; `duplicate_of` marks it a copy (run with dedup marking, not dropping). */
export function addRecord(stats: StatsAccumulator, record: OutputRecord): void {
  const view = statsView(record);
  stats.documents++;
  if (view.alreadyCleaned) stats.alreadyCleaned++;
  stats.listedEarlier += view.listedEarlier;
  if (view.markedEarlier) stats.markedEarlier++;
  if (stats.keptTitles.has(record.id)) stats.keptTitles.set(record.id, view.title);
  stats.charsIn += view.charsIn;
  stats.charsKept += view.charsKept;
  stats.noiseRatios.push(noiseRatio(view.charsIn, view.charsKept));
  increment(stats.languages, view.lang ?? 'unknown');
  if (view.site) increment(stats.sites, view.site);
  else stats.undeterminedSites++;
  addDate(stats, view.date);
  if (record.duplicate_of !== undefined) stats.copies++;
}

/** Share of the characters removed; 0 for an empty input. */
export function noiseRatio(charsIn: number, charsKept: number): number {
  return charsIn > 0 ? Math.min(1, Math.max(0, 1 - charsKept / charsIn)) : 0;
}

function addDate(stats: StatsAccumulator, date: string | null): void {
  if (!date) {
    stats.undated++;
    return;
  }
  increment(stats.months, date.slice(0, 7));
  // `YYYY-MM` and `YYYY-MM-DD` compare correctly as strings.
  if (stats.earliest === null || date < stats.earliest) stats.earliest = date;
  if (stats.latest === null || date > stats.latest) stats.latest = date;
}

const byCountThenValue = (a: Count, b: Count): number => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
const counts = (map: Map<string, number>): Count[] => [...map].map(([value, count]) => ({ value, count })).sort(byCountThenValue);

/** The `q`-quantile of sorted values (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Rounding slack: 1 − 90/100 is 0.0999…98 in floating point and belongs in the [0.1, 0.2) bin. */
const BIN_EPSILON = 1e-9;

export function histogram(values: readonly number[], bins = NOISE_BINS): number[] {
  const out = new Array<number>(bins).fill(0);
  for (const v of values) out[Math.min(bins - 1, Math.floor(v * bins + BIN_EPSILON))]++;
  return out;
}

function noiseFigures(ratios: number[]): CorpusFigures['noiseRatio'] {
  const sorted = [...ratios].sort((a, b) => a - b);
  const mean = sorted.length ? sorted.reduce((s, v) => s + v, 0) / sorted.length : 0;
  return { mean, median: quantile(sorted, 0.5), p10: quantile(sorted, 0.1), p90: quantile(sorted, 0.9), histogram: histogram(sorted) };
}

function duplicateFigures(stats: StatsAccumulator, clusters: readonly ClusterRecord[]): CorpusFigures['duplicates'] {
  const sizes = new Map<number, number>();
  for (const c of clusters) sizes.set(c.members.length, (sizes.get(c.members.length) ?? 0) + 1);
  const largest = [...clusters]
    .sort((a, b) => b.members.length - a.members.length || a.cluster - b.cluster)
    .slice(0, TOP_CLUSTERS)
    .map((c) => ({ cluster: c.cluster, kept: c.kept, size: c.members.length, title: stats.keptTitles.get(c.kept) ?? c.members.find((m) => m.id === c.kept)?.title ?? null }));
  const inClusters = clusters.reduce((s, c) => s + c.members.length, 0);
  // Marked copies are counted when records carry `duplicate_of`; otherwise every non-representative member is one.
  const copies = stats.copies || inClusters - clusters.length;
  return {
    clusters: clusters.length,
    inClusters,
    copies,
    rate: stats.documents ? copies / stats.documents : 0,
    // The copies the earlier run named that are not in the input: those it dropped.
    droppedEarlier: Math.max(0, stats.listedEarlier - stats.markedEarlier),
    sizes: [...sizes].map(([size, count]) => ({ size, count })).sort((a, b) => a.size - b.size),
    largest,
  };
}

/** The figures of everything added, with the run's clusters. */
export function finishStats(stats: StatsAccumulator, clusters: readonly ClusterRecord[]): CorpusFigures {
  const sites = counts(stats.sites);
  return {
    documents: stats.documents,
    alreadyCleaned: stats.alreadyCleaned,
    characters: { in: stats.charsIn, kept: stats.charsKept },
    noiseRatio: noiseFigures(stats.noiseRatios),
    languages: counts(stats.languages),
    sites: { distinct: sites.length, undetermined: stats.undeterminedSites, top: sites.slice(0, TOP_SITES) },
    dates: {
      earliest: stats.earliest,
      latest: stats.latest,
      undated: stats.undated,
      byMonth: [...stats.months].map(([value, count]) => ({ value, count })).sort((a, b) => (a.value < b.value ? -1 : 1)),
    },
    duplicates: duplicateFigures(stats, clusters),
  };
}
