/** What `stats`, `explain` and `report` share: flags → pipeline options, a run that collects records, usage errors. */
import { DEFAULT_DEDUP_OPTIONS, type DedupOptions } from '../../dedup/index.js';
import { resolveEncoding } from '../../io/decode.js';
import { accessSync, constants, fstatSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { findInputs, type InputFile } from '../../io/discover.js';
import { isSpecialFile, linkTarget, type LineSink } from '../../io/write.js';
import { runPipeline, type PipelineOptions, type RunResult } from '../../pipeline.js';
import type { ClusterRecord } from '../../stats.js';
import type { OutputRecord } from '../../types.js';
import { EXIT } from '../exit-codes.js';
import type { ChalkInstance } from 'chalk';
import { createProgress, pausingFor, type ProgressDisplay } from '../progress.js';
import { makeChalk, messagePrinter, usageErrorText } from '../report.js';

/** A wrong command line: printed with the fix, exit code 2. */
export class CommandUsageError extends Error {}

/**
 * Refuses an output path that is one of the inputs: the run would destroy what it reads. The output's real path
 * is looked up among the inputs' real paths found by discovery (resolving every input again took a second per
 * 100k files).
 */
export function checkOutputsAreNotInputs(inputRealPaths: ReadonlySet<string>, outputs: readonly (string | undefined)[]): void {
  for (const out of outputs) {
    if (!out || out === '-') continue;
    let real: string;
    try {
      real = realpathSync(out);
    } catch {
      continue; // not there yet: not an input
    }
    if (inputRealPaths.has(real)) throw new CommandUsageError(`output ${out} is also an input; choose another file`);
  }
}

const realPathOrNull = (path: string): string | null => {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
};

/** The regular file standard output is redirected to, where the system tells (Linux's /proc), else null. */
function stdoutFile(): string | null {
  try {
    return fstatSync(1).isFile() ? realpathSync('/proc/self/fd/1') : null;
  } catch {
    return null;
  }
}

/** The file an output path ends up in: its real path when it exists (symlinks resolved), else its absolute path. */
function outputTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // Not there yet, or a symlink to a file not there yet: the file it will be written to.
    return resolve(linkTarget(path));
  }
}

/**
 * Refuses two outputs naming one file (the last to be committed would replace the others, or both would write
 * into one temporary file), and fails before any input is read when an output's folder does not exist or cannot
 * be written: the user learns it at once, not after an hour's run.
 */
export function checkOutputPaths(outputs: readonly (string | undefined)[]): void {
  const seen = new Map<string, string>();
  for (const out of outputs) {
    if (!out || out === '-') continue;
    const target = outputTarget(out);
    if (isSpecialFile(target)) continue; // a device or FIFO is written in place: two outputs may share /dev/null
    const other = seen.get(target);
    if (other !== undefined) throw new CommandUsageError(`outputs ${other} and ${out} are the same file; give each output its own`);
    seen.set(target, out);
    try {
      accessSync(dirname(target), constants.W_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new OutputPathError(`${out}: cannot write there (${code === 'ENOENT' ? 'no such folder' : code === 'EACCES' ? 'permission denied' : (err as Error).message})`);
    }
  }
}

/** An output that cannot be written, found before the run: exit code 3, and nothing was read or written. */
export class OutputPathError extends Error {}

/** What every run's command line starts with: the inputs found, messages and a progress display for stderr. */
export interface RunStart {
  files: InputFile[];
  /** Arguments that named nothing usable (already reported). */
  problems: number;
  /** Colours for stderr. */
  chalk: ChalkInstance;
  progress: ProgressDisplay;
  /** One-line messages, clearing the progress bar first. */
  message(kind: 'problem' | 'warning', text: string): void;
}

/** Finds the inputs, reports the arguments that name nothing usable, refuses outputs over inputs, starts the progress display. */
export async function startRun(inputs: readonly string[], flags: { quiet?: boolean; color?: boolean }, outputs: readonly (string | undefined)[]): Promise<RunStart> {
  const chalk = makeChalk(process.stderr, flags.color === false);
  const printMessage = messagePrinter(chalk, !!flags.quiet);
  const { files, problems, realPaths } = await findInputs(inputs);
  for (const p of problems) printMessage('problem', `${p.path}: ${p.message}`);
  // Standard output redirected into a folder the run reads (`corpus clean dumps/ >> dumps/out.jsonl`): that file is
  // the run's output, never its input (appended to, it would be read back as records).
  const stdout = stdoutFile();
  let excluded = false;
  if (stdout !== null && realPaths.has(stdout)) {
    // (each file's real path asked until it is found: only a run redirected so pays for it)
    const at = files.findIndex((f) => f.path !== '-' && realPathOrNull(f.path) === stdout);
    if (at >= 0) printMessage('warning', `${files.splice(at, 1)[0].path}: standard output is redirected there; not read as an input`);
    excluded = at >= 0;
  }
  // An empty folder (or one of hidden files only) is no error, but a run that reads nothing says so.
  if (!files.length && !problems.length && !excluded) printMessage('warning', `no input files in ${inputs.join(', ')} (hidden files and folders are skipped)`);
  checkOutputsAreNotInputs(realPaths, outputs);
  checkOutputPaths(outputs);
  // A bar only for a person at a terminal (see progress.ts); messages clear it so they are never drawn over.
  const progress = await createProgress({ quiet: !!flags.quiet, noColor: flags.color === false, files });
  return { files, problems: problems.length, chalk, progress, message: pausingFor(progress, printMessage) };
}

export interface InputFlags {
  delimiter: string;
  encoding?: string;
  format: 'auto' | 'text' | 'jsonl';
  threshold?: number;
  measure?: 'containment' | 'jaccard';
  quiet?: boolean;
  color?: boolean;
}

export function dedupOptionsOf(flags: InputFlags): DedupOptions {
  return {
    ...DEFAULT_DEDUP_OPTIONS,
    ...(flags.threshold !== undefined ? { threshold: flags.threshold } : {}),
    ...(flags.measure !== undefined ? { measure: flags.measure } : {}),
  };
}

export function readOptionsOf(flags: InputFlags): PipelineOptions['read'] {
  if (flags.encoding && !resolveEncoding(flags.encoding)) throw new CommandUsageError(`unknown encoding "${flags.encoding}" (any iconv-lite name works, e.g. windows-1252, iso-8859-2, utf-16le)`);
  if (!flags.delimiter) throw new CommandUsageError('--delimiter must not be empty');
  return { delimiter: flags.delimiter, encoding: flags.encoding ? resolveEncoding(flags.encoding)! : undefined, format: flags.format };
}

export interface CollectedRun {
  result: RunResult;
  /** Inputs that could not be found or opened. */
  problems: number;
}

/**
 * Runs the pipeline over `inputs` without writing records: every cleaned record (copies marked, not
 * dropped) goes to `onRecord`, and clusters to `onCluster` before any record. A progress bar shows on a terminal.
 */
export async function collectRun(
  inputs: string[],
  flags: InputFlags,
  hooks: { keepNoise: boolean; onRecord(record: OutputRecord): void; onCluster?(cluster: ClusterRecord): void },
): Promise<CollectedRun> {
  if (!inputs.length) throw new CommandUsageError('no inputs given (name files or folders, or "-" for stdin)');
  const options: PipelineOptions = {
    read: readOptionsOf(flags),
    dedup: dedupOptionsOf(flags),
    dropDuplicates: false,
    detectDuplicates: true,
    keepNoise: hooks.keepNoise,
    minChars: 1,
  };
  const { files, problems, progress, message } = await startRun(inputs, flags, []);
  try {
    // The run gets the only reference to the file list, so it can let it go once read (see runPipeline).
    const result = await runPipeline(files.splice(0), options, {
      clusters: hooks.onCluster ? clusterSink(hooks.onCluster) : undefined,
      message,
      progress: (stage, done) => progress.update(stage, done),
      onRecord: (record) => hooks.onRecord(record),
    });
    withDiscoveryProblems(result.summary, problems);
    return { result, problems };
  } finally {
    progress.stop();
  }
}

/** A cluster output that hands each cluster record to a callback instead of writing it. */
function clusterSink(onCluster: (cluster: ClusterRecord) => void): LineSink {
  return {
    path: '(clusters)',
    write: async (line) => onCluster(JSON.parse(typeof line === 'string' ? line : Buffer.from(line).toString('utf8')) as ClusterRecord),
    commit: async () => {},
    abort: async () => {},
  };
}

/** The run's summary with the inputs discovery could not find or open counted among its input problems, as those
 *  that could not be read are (the summary, the stderr line and the exit code all read it). */
export function withDiscoveryProblems<S extends { inputProblems: number }>(summary: S, problems: number): S {
  summary.inputProblems += problems;
  return summary;
}

/** Exit code of a run that read its inputs: 1 when any input failed. */
export const exitCodeOf = (run: CollectedRun): number => (run.result.summary.inputProblems ? EXIT.inputFailed : EXIT.ok);

/** Runs a command, turning a usage error into its message with a hint and exit code 2. */
export async function withUsageErrors(command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (err) {
    if (!(err instanceof CommandUsageError)) throw err;
    process.stderr.write(usageErrorText(err.message));
    return EXIT.usage;
  }
}
