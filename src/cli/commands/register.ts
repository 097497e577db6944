/** Commander wiring of `stats`, `explain` and `report`: options from the single table, examples in --help. */
import type { Command } from 'commander';
import { makeOption, type OptionName } from '../options.js';
import { runExplain, type ExplainFlags } from './explain.js';
import { runReport, type ReportFlags } from './report.js';
import { runStats, type StatsFlags } from './stats.js';

/** Reading and similarity options every one of these commands takes. */
const INPUT_OPTIONS: OptionName[] = ['threshold', 'measure', 'delimiter', 'encoding', 'format', 'quiet'];

const STATS_EXAMPLES = `
Examples:
  $ corpus stats fixtures/seeds                        documents, noise, languages, sites, dates, duplicates
  $ corpus stats out.jsonl                             the same for corpus clean output (figures of that run)
  $ corpus stats dumps/ --json | jq .duplicates.rate   for machines
  $ corpus clean dumps/ | corpus stats -                stats of what clean wrote, read from stdin`;

const EXPLAIN_EXAMPLES = `
Examples:
  $ corpus explain fixtures/seeds/000_b2eabbe78eb1f9e1.txt fixtures/seeds/001_8ae16dfbaa6e08a5.txt
  $ corpus explain three.txt#1 three.txt#3             documents of a multi-document file, from 1
  $ corpus explain 000_b2eabbe78eb1f9e1.txt 001_8ae16dfbaa6e08a5.txt --in fixtures/seeds
                                                       record ids, cleaned within the whole corpus as clean does
  $ corpus explain a.txt b.txt --json | jq .duplicate  figures and paragraph alignment as JSON

Markers: = same paragraph, ~ edited, < only in A, > only in B.`;

const REPORT_EXAMPLES = `
Examples:
  $ corpus report fixtures/seeds -o report.html        open report.html in any browser (works offline)
  $ corpus report dumps/ --threshold 0.7 -o r.html     report with a stricter duplicate threshold
  $ corpus report crawl.jsonl.gz -o - > r.html         write to stdout`;

/** Adds the three commands; `setExit` records each run's exit code. */
export function registerInsightCommands(program: Command, setExit: (code: number) => void): Command[] {
  const withGlobals = <T>(flags: T): T => ({ ...program.opts(), ...flags });
  const stats = program
    .command('stats')
    .description('what is in a corpus (raw dumps or corpus clean output): documents, noise, languages, sites, dates, duplicates')
    .argument('<inputs...>', 'files, folders (recursive) or "-" for stdin');
  for (const name of ['statsJson', ...INPUT_OPTIONS] as OptionName[]) stats.addOption(makeOption(name));
  stats.addHelpText('after', STATS_EXAMPLES).action(async (inputs: string[], flags: StatsFlags) => setExit(await runStats(inputs, withGlobals(flags))));

  const explain = program
    .command('explain')
    .description('why two documents are or are not near-duplicates: similarities, threshold, verdict, paragraphs side by side')
    .argument('<a>', 'a file, FILE#N (N-th document of a multi-document file), or a record id with --in')
    .argument('<b>', 'the other document, named the same way');
  for (const name of ['explainIn', 'explainJson', 'width', ...INPUT_OPTIONS] as OptionName[]) explain.addOption(makeOption(name));
  explain.addHelpText('after', EXPLAIN_EXAMPLES).action(async (a: string, b: string, flags: ExplainFlags) => setExit(await runExplain(a, b, withGlobals(flags))));

  const report = program
    .command('report')
    .description('one self-contained HTML report: figures, plots, duplicate clusters with diffs, removed noise')
    .argument('<inputs...>', 'files, folders (recursive) or "-" for stdin');
  for (const name of ['reportOutput', ...INPUT_OPTIONS] as OptionName[]) report.addOption(makeOption(name));
  report.addHelpText('after', REPORT_EXAMPLES).action(async (inputs: string[], flags: ReportFlags) => setExit(await runReport(inputs, withGlobals(flags))));

  return [stats, explain, report];
}
