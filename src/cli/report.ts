/** Human-readable output: messages, the run summary and the duplicate report. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { RunSummary } from '../pipeline.js';

/** Colours on a terminal unless NO_COLOR or --no-color; FORCE_COLOR forces them (chalk ignores NO_COLOR itself). */
export function makeChalk(stream: NodeJS.WriteStream, noColor: boolean): ChalkInstance {
  const env = process.env;
  if (noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return new Chalk({ level: 0 });
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return new Chalk({ level: 1 });
  return new Chalk({ level: stream.isTTY ? 1 : 0 });
}

/** One line per message on stderr, prefixed with the program's name. */
export function messagePrinter(chalk: ChalkInstance, quiet: boolean) {
  return (kind: 'problem' | 'warning', text: string): void => {
    if (kind === 'warning' && quiet) return;
    const label = kind === 'problem' ? chalk.red('error') : chalk.yellow('warning');
    process.stderr.write(`corpus: ${label}: ${oneLine(text)}\n`);
  };
}

/** A usage error's message (a path given may hold anything) and the hint to --help. */
export function usageErrorText(message: string): string {
  return `corpus: error: ${oneLine(message)}\n(run with --help for usage)\n`;
}

/** Control characters a message may carry from a file's name (a newline, an escape, C1's CSI) shown escaped, so
 *  that a message stays one line and cannot drive the terminal. */
export function oneLine(text: string): string {
  return text.replace(CONTROL_RE, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/g;

/** The accounting line printed at the end of a run; `dupes` writes no records, so it reports clusters instead. */
export function formatSummary(summary: RunSummary, chalk: ChalkInstance, kind: 'clean' | 'dupes' = 'clean'): string {
  const reasons = Object.entries(summary.rejectReasons).map(([r, n]) => `${n} ${r}`).join(', ');
  const parts = [
    `read ${summary.read} record${summary.read === 1 ? '' : 's'} from ${summary.files} input${summary.files === 1 ? '' : 's'}`,
    ...(kind === 'clean' ? [`wrote ${summary.written}`, `dropped ${summary.duplicates} duplicate${summary.duplicates === 1 ? '' : 's'}`] : []),
    `rejected ${summary.rejected}${reasons ? ` (${reasons})` : ''}`,
  ];
  if (kind === 'dupes') return `corpus: ${parts.join(', ')}; ${summary.clusters} duplicate cluster${summary.clusters === 1 ? '' : 's'}, ${summary.markedDuplicates} cop${summary.markedDuplicates === 1 ? 'y' : 'ies'}\n`;
  let line = `corpus: ${parts.join(', ')}`;
  if (summary.markedDuplicates) line += `; ${summary.markedDuplicates} written marked duplicate_of`;
  if (summary.clusters) line += `; ${summary.clusters} duplicate cluster${summary.clusters === 1 ? '' : 's'}`;
  if (summary.inputProblems) line += chalk.red(`; ${summary.inputProblems} input problem${summary.inputProblems === 1 ? '' : 's'}`);
  return line + '\n';
}

interface ClusterView {
  cluster: number;
  kept: string;
  members: { id: string; similarity: number; title: string | null; site: string | null; preview: string }[];
}

/** The duplicate clusters for a person: the representative first, then each copy with its similarity. */
export function formatClusters(clusters: ClusterView[], chalk: ChalkInstance): string {
  if (!clusters.length) return 'No near-duplicates found.\n';
  const lines: string[] = [];
  for (const c of clusters) {
    lines.push(chalk.bold(`Cluster ${c.cluster} (${c.members.length} documents)`));
    const ordered = [...c.members].sort((a, b) => Number(b.id === c.kept) - Number(a.id === c.kept));
    for (const m of ordered) {
      const isKept = m.id === c.kept;
      const head = isKept ? chalk.green(`  kept  ${m.id}`) : `  ${chalk.cyan(m.similarity.toFixed(2))}  ${m.id}`;
      const meta = [m.title, m.site].filter(Boolean).join(' — ');
      lines.push(meta ? `${head}  ${chalk.dim(meta)}` : head);
      if (m.preview) lines.push(chalk.dim(`        ${m.preview}`));
    }
    lines.push('');
  }
  return lines.join('\n');
}
