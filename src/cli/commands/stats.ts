/** `corpus stats`: what is in a corpus — a table for people, `--json` for machines. */
import type { ChalkInstance } from 'chalk';
import { addCluster, addRecord, createStats, finishStats, type ClusterRecord, type Count, type CorpusFigures } from '../../stats.js';
import { makeChalk } from '../report.js';
import { collectRun, exitCodeOf, withUsageErrors, type InputFlags } from './common.js';

export interface StatsFlags extends InputFlags {
  json?: boolean;
}

/** The run's accounting that stats show beside the figures. */
export interface RunFacts {
  read: number;
  rejected: number;
  rejectReasons: Record<string, number | undefined>;
  inputProblems: number;
}

export async function runStats(inputs: string[], flags: StatsFlags): Promise<number> {
  return withUsageErrors(async () => {
    const stats = createStats();
    const clusters: ClusterRecord[] = [];
    const onCluster = (c: ClusterRecord): void => {
      clusters.push(c);
      addCluster(stats, c);
    };
    const run = await collectRun(inputs, flags, { keepNoise: false, onRecord: (r) => addRecord(stats, r), onCluster });
    const figures = finishStats(stats, clusters);
    const { read, rejected, rejectReasons, inputProblems } = run.result.summary;
    const facts: RunFacts = { read, rejected, rejectReasons, inputProblems };
    const text = flags.json ? JSON.stringify({ run: facts, ...figures }, null, 2) + '\n' : formatStats(figures, facts, makeChalk(process.stdout, flags.color === false));
    process.stdout.write(text);
    return exitCodeOf(run);
  });
}

const num = (x: number): string => x.toLocaleString('en-US');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const plural = (n: number, one: string, many = `${one}s`): string => `${num(n)} ${n === 1 ? one : many}`;

/** Widest bar of a histogram, in characters. */
const BAR_WIDTH = 30;

/** Horizontal bars: `█` on a colour terminal, `#` in plain text (greppable, no special glyphs). */
function bars(rows: { label: string; value: number }[], chalk: ChalkInstance): string[] {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  const glyph = chalk.level > 0 ? '█' : '#';
  return rows.map((r) => `  ${r.label.padEnd(labelWidth)}  ${chalk.cyan(glyph.repeat(Math.round((r.value / max) * BAR_WIDTH)))} ${num(r.value)}`);
}

const counted = (rows: Count[], chalk: ChalkInstance): string[] => bars(rows.map((r) => ({ label: r.value, value: r.count })), chalk);

function heading(chalk: ChalkInstance, title: string, detail = ''): string {
  return `${chalk.bold(title)}${detail ? `  ${detail}` : ''}`;
}

function corpusLines(f: CorpusFigures, run: RunFacts, chalk: ChalkInstance): string[] {
  const reasons = Object.entries(run.rejectReasons).map(([r, n]) => `${n} ${r}`).join(', ');
  const lines = [
    heading(chalk, 'Corpus'),
    `  records read   ${num(run.read)}`,
    `  documents      ${num(f.documents)}${run.rejected ? `  (${num(run.rejected)} rejected: ${reasons})` : ''}`,
    `  characters     ${num(f.characters.in)} read, ${num(f.characters.kept)} kept (${pct(f.characters.in ? f.characters.kept / f.characters.in : 0)})`,
  ];
  if (f.alreadyCleaned) lines.push(chalk.dim(`  ${plural(f.alreadyCleaned, 'document')} read from corpus clean output: figures of the earlier run`));
  return lines;
}

function noiseLines(f: CorpusFigures, chalk: ChalkInstance): string[] {
  const n = f.noiseRatio;
  const bins = n.histogram.map((value, i) => ({ label: `${i * 10}–${i * 10 + 10}%`, value }));
  return [heading(chalk, 'Noise ratio', `(share of characters removed) mean ${pct(n.mean)}, median ${pct(n.median)}, p10 ${pct(n.p10)}, p90 ${pct(n.p90)}`), ...bars(bins, chalk)];
}

function siteDetail(f: CorpusFigures): string {
  const without = f.sites.undetermined ? `, ${plural(f.sites.undetermined, 'document')} without` : '';
  const top = f.sites.distinct > f.sites.top.length ? `; top ${f.sites.top.length}` : '';
  return `(${num(f.sites.distinct)} distinct${without}${top})`;
}

/** Languages, sites and dates: one block each. */
function metadataBlocks(f: CorpusFigures, chalk: ChalkInstance): string[][] {
  const d = f.dates;
  const range = d.earliest ? `${d.earliest} to ${d.latest}` : 'no dates';
  return [
    [heading(chalk, 'Languages', `(${f.languages.length})`), ...counted(f.languages, chalk)],
    [heading(chalk, 'Sites', siteDetail(f)), ...counted(f.sites.top, chalk)],
    [heading(chalk, 'Dates', `${range}${d.undated ? `, ${num(d.undated)} undated` : ''}`), ...counted(d.byMonth, chalk)],
  ];
}

function duplicateLines(f: CorpusFigures, chalk: ChalkInstance): string[] {
  const d = f.duplicates;
  const lines = [heading(chalk, 'Duplicates', `${plural(d.clusters, 'cluster')} holding ${plural(d.inClusters, 'document')}; ${plural(d.copies, 'copy', 'copies')} = ${pct(d.rate)} of documents`)];
  if (d.droppedEarlier) lines.push(chalk.dim(`  ${plural(d.droppedEarlier, 'copy', 'copies')} already dropped by the corpus clean run that wrote the input`));
  if (!d.clusters) return lines;
  lines.push('  cluster sizes', ...bars(d.sizes.map((s) => ({ label: `  ${s.size} documents`, value: s.count })), chalk));
  lines.push('  largest clusters');
  for (const c of d.largest) lines.push(`    #${c.cluster}  ${plural(c.size, 'document')}  kept ${c.kept}${c.title ? chalk.dim(`  ${c.title}`) : ''}`);
  return lines;
}

/** The readable table: one block per topic, bars for distributions. */
export function formatStats(f: CorpusFigures, run: RunFacts, chalk: ChalkInstance): string {
  const blocks = [corpusLines(f, run, chalk), noiseLines(f, chalk), ...metadataBlocks(f, chalk), duplicateLines(f, chalk)];
  return blocks.map((b) => b.join('\n')).join('\n\n') + '\n';
}
