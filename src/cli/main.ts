/** Commander wiring: parse, call the pipeline, print, exit. No logic a library user would need. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { DEFAULT_DEDUP_OPTIONS, type DedupOptions } from '../dedup/index.js';
import { resolveEncoding } from '../io/decode.js';
import { CommandUsageError, startRun, withDiscoveryProblems } from './commands/common.js';
import { BrokenPipeError, jsonLine, openLineSink, removePendingTempFiles, type LineSink } from '../io/write.js';
import { runPipeline, type PipelineOptions, type RunResult } from '../pipeline.js';
import { EXIT } from './exit-codes.js';
import { makeOption, type OptionName } from './options.js';
import { formatClusters, formatSummary, makeChalk, oneLine, usageErrorText } from './report.js';
import { registerInsightCommands } from './commands/register.js';
import { registerDistributedCommands, runDistributedClean, type DistributedCleanFlags } from './commands/distributed.js';


interface CommonFlags {
  output?: string;
  delimiter: string;
  encoding?: string;
  format: 'auto' | 'text' | 'jsonl';
  dedup?: boolean;
  keepNoise?: boolean;
  threshold?: number;
  measure?: 'containment' | 'jaccard';
  dupesOut?: string;
  rejects?: string;
  summary?: string;
  minChars: number;
  jobs?: number;
  clean?: boolean;
  detect?: boolean;
  quiet?: boolean;
  json?: boolean;
  failOnDupes?: boolean;
  color?: boolean;
}

function packageVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return JSON.parse(readFileSync(join(here, '..', '..', 'package.json'), 'utf8')).version;
}

function dedupOptions(flags: CommonFlags): DedupOptions {
  return {
    ...DEFAULT_DEDUP_OPTIONS,
    ...(flags.threshold !== undefined ? { threshold: flags.threshold } : {}),
    ...(flags.measure !== undefined ? { measure: flags.measure } : {}),
  };
}

function checkCommandLine(inputs: string[], flags: CommonFlags): void {
  if (!inputs.length) throw new CommandUsageError('no inputs given (name files or folders, or "-" for stdin)');
  // Records and clusters may share stdout (JSONL both); the summary is one indented JSON document.
  const onStdout = [flags.output ?? '-', flags.dupesOut, flags.rejects].filter((out) => out === '-').length;
  if (flags.summary === '-' && onStdout > 0) throw new CommandUsageError('--summary - would land inside the JSONL on stdout; give --summary a file, or the other outputs files');
  if (flags.encoding && !resolveEncoding(flags.encoding)) throw new CommandUsageError(`unknown encoding "${flags.encoding}"`);
  if (!flags.delimiter) throw new CommandUsageError('--delimiter must not be empty');
}

/** Outputs opened for a run, committed together at its end or all aborted. */
class Outputs {
  private sinks: LineSink[] = [];
  open(path: string | undefined): LineSink {
    const sink = openLineSink(path);
    this.sinks.push(sink);
    return sink;
  }
  /** Every output made ready (written, synced) before any replaces its target: a failure then leaves all as they were. */
  async commit(): Promise<void> {
    for (const s of this.sinks) await s.prepare?.();
    for (const s of this.sinks) await s.commit();
  }
  async abort(): Promise<void> {
    for (const s of this.sinks) await s.abort();
  }
}

async function run(kind: 'clean' | 'dupes', inputs: string[], flags: CommonFlags): Promise<number> {
  checkCommandLine(inputs, flags);
  const { files, problems, chalk, progress, message } = await startRun(inputs, flags, [flags.output, flags.dupesOut, flags.rejects, flags.summary]);
  const options: PipelineOptions = {
    read: { delimiter: flags.delimiter, encoding: flags.encoding ? resolveEncoding(flags.encoding)! : undefined, format: flags.format },
    dedup: dedupOptions(flags),
    dropDuplicates: kind === 'clean' && flags.dedup !== false,
    detectDuplicates: flags.detect !== false,
    skipCleaning: flags.clean === false,
    keepNoise: !!flags.keepNoise,
    minChars: flags.minChars,
    jobs: flags.jobs,
  };
  const outputs = new Outputs();
  let result: RunResult;
  try {
    // The run gets the only reference to the file list, so it can let it go once read (see runPipeline).
    result = await runPipeline(files.splice(0), options, {
      output: kind === 'clean' ? outputs.open(flags.output) : undefined,
      rejects: flags.rejects ? outputs.open(flags.rejects) : undefined,
      clusters: flags.dupesOut ? outputs.open(flags.dupesOut) : undefined,
      message,
      progress: (stage, done) => progress.update(stage, done),
    });
    withDiscoveryProblems(result.summary, problems);
    // The bar goes before any report reaches the terminal: drawn after it, it would write over the report's lines.
    progress.stop();
    if (kind === 'dupes') {
      const out = outputs.open(flags.output);
      const human = !flags.json && (flags.output === undefined || flags.output === '-') && process.stdout.isTTY;
      if (human) await out.write(formatClusters(result.clusters as never, makeChalk(process.stdout, flags.color === false)));
      else for (const c of result.clusters) await out.write(jsonLine(c));
    }
    if (flags.summary) {
      const out = outputs.open(flags.summary);
      await out.write(JSON.stringify(result.summary, null, 2) + '\n');
    }
    await outputs.commit();
  } catch (err) {
    await outputs.abort();
    throw err;
  } finally {
    progress.stop();
  }
  const { summary } = result;
  if (!flags.quiet) process.stderr.write(formatSummary(summary, chalk, kind));
  if (summary.inputProblems) return EXIT.inputFailed;
  if (kind === 'dupes' && flags.failOnDupes && summary.clusters > 0) return EXIT.inputFailed;
  return EXIT.ok;
}

const CLEAN_OPTIONS: OptionName[] = ['output', 'delimiter', 'encoding', 'format', 'noDedup', 'keepNoise', 'threshold', 'measure', 'dupesOut', 'rejects', 'summary', 'minChars', 'jobs', 'noClean', 'noDetect', 'quiet'];
const DUPES_OPTIONS: OptionName[] = ['json', 'output', 'failOnDupes', 'threshold', 'measure', 'delimiter', 'encoding', 'format', 'rejects', 'summary', 'jobs', 'quiet'];

const CLEAN_EXAMPLES = `
Examples:
  $ corpus clean fixtures/seeds -o out.jsonl        clean a folder, drop near-duplicates
  $ corpus clean dumps/ --no-dedup --keep-noise     keep every record, show what was removed
  $ cat page.txt | corpus clean - | jq .title        read stdin, write stdout
  $ corpus clean crawl.jsonl.gz --rejects rej.jsonl  JSONL (gzipped) input, keep the rejects`;

const DUPES_EXAMPLES = `
Examples:
  $ corpus dupes fixtures/seeds                     readable report on a terminal
  $ corpus dupes dumps/ --json > clusters.jsonl     one JSON object per cluster
  $ corpus dupes new/ --fail-on-dupes               exit 1 if any cluster is found (CI)`;

export function buildProgram(): Command {
  const program = new Command('corpus')
    .description('Clean, deduplicated JSONL from folders of scraped news page dumps.')
    .version(packageVersion(), '-V, --version')
    .option('--no-color', 'print no colour escape codes (NO_COLOR is honoured too)')
    .showHelpAfterError('(run with --help for usage)')
    // (a command's help lists --no-color too, which it takes before or after the command's name)
    .configureHelp({ showGlobalOptions: true })
    .exitOverride();
  const clean = program
    .command('clean')
    .description('separate article bodies from page noise, extract title/site/date/lang, drop near-duplicates, write JSONL')
    .argument('<inputs...>', 'files, folders (recursive) or "-" for stdin');
  for (const name of CLEAN_OPTIONS) clean.addOption(makeOption(name));
  clean.addHelpText('after', CLEAN_EXAMPLES).action((inputs: string[], flags: CommonFlags) => runAndExit('clean', inputs, { ...program.opts(), ...flags }));
  const dupes = program
    .command('dupes')
    .description('report near-duplicate clusters (readable on a terminal, --json for machines)')
    .argument('<inputs...>', 'files, folders (recursive) or "-" for stdin');
  for (const name of DUPES_OPTIONS) dupes.addOption(makeOption(name));
  dupes.addHelpText('after', DUPES_EXAMPLES).action((inputs: string[], flags: CommonFlags) => runAndExit('dupes', inputs, { ...program.opts(), ...flags }));
  const insight = registerInsightCommands(program, (code) => void (exitCode = code));
  registerDistributedCommands(program, (code) => void (exitCode = code));
  for (const cmd of [program, clean, dupes, ...insight]) cmd.exitOverride().showHelpAfterError('(run with --help for usage)');
  return program;
}

let exitCode: number = EXIT.ok;

async function runAndExit(kind: 'clean' | 'dupes', inputs: string[], flags: CommonFlags): Promise<void> {
  const queue = (flags as Partial<DistributedCleanFlags>).queue;
  exitCode = kind === 'clean' && queue ? await runDistributedClean(inputs, { ...flags, queue }) : await run(kind, inputs, flags);
}

/** Removes temporary files and exits with the signal's code: no partial output is ever left. */
function handleSignals(): void {
  const stop = (code: number) => () => {
    void removePendingTempFiles().finally(() => process.exit(code));
  };
  process.once('SIGINT', stop(EXIT.interrupted));
  process.once('SIGTERM', stop(EXIT.terminated));
}

/**
 * A reader that stops early (`corpus clean --help | head`) closes the pipe: the rest of the output is not wanted,
 * and that is no error. Record sinks notice it themselves (BrokenPipeError); this covers help and the reports
 * written straight to stdout, which would otherwise die on an unhandled 'error' event.
 */
function handleStdoutErrors(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
    process.stderr.write(`corpus: error: standard output: ${err.message}\n`);
    process.exit(EXIT.outputFailed);
  });
}

/**
 * A reader of the messages that stops early (`corpus clean … 2>&1 | head -1`) closes stderr: the messages after that
 * cannot be shown, but the run goes on and writes its output (an unhandled 'error' event would end it at once,
 * leaving its temporary files behind).
 */
function handleStderrErrors(): void {
  process.stderr.on('error', () => undefined);
}

export async function main(argv: string[] = process.argv): Promise<number> {
  handleSignals();
  handleStdoutErrors();
  handleStderrErrors();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are "errors" to commander with exit code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof CommandUsageError) {
      process.stderr.write(usageErrorText(err.message));
      return EXIT.usage;
    }
    if (err instanceof BrokenPipeError) return EXIT.ok;
    const e = err as NodeJS.ErrnoException;
    const problem = e.code === 'ENOENT' ? 'no such file or directory' : e.code === 'EACCES' ? 'permission denied' : e.code === 'EISDIR' ? 'is a directory' : e.message;
    process.stderr.write(`corpus: error: ${oneLine(`${e.path ? `${e.path}: ` : ''}${problem}`)}\n`);
    return EXIT.outputFailed;
  }
}
