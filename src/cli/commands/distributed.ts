/**
 * Commander wiring of distributed mode: `clean … --queue` (the coordinator), `corpus worker` and `corpus sign`.
 * Options come from the single table; main.ts routes `clean --queue` here. BullMQ, ioredis and DuckDB are loaded
 * only when these commands run, so every other command starts as fast as before.
 */
import type { Command } from 'commander';
import { findInputs } from '../../io/discover.js';
import { openLineSink, type LineSink } from '../../io/write.js';
import { EXIT } from '../exit-codes.js';
import { makeOption, type OptionName } from '../options.js';
import { pausingFor } from '../progress.js';
import { formatSummary, makeChalk, messagePrinter } from '../report.js';
import { checkOutputsAreNotInputs, CommandUsageError, dedupOptionsOf, readOptionsOf, startRun, withDiscoveryProblems, withUsageErrors, type InputFlags } from './common.js';

export interface DistributedCleanFlags extends InputFlags {
  queue: string;
  workDir?: string;
  shards?: number;
  output?: string;
  dedup?: boolean;
  keepNoise?: boolean;
  dupesOut?: string;
  rejects?: string;
  summary?: string;
  minChars: number;
  clean?: boolean;
  detect?: boolean;
}

interface WorkerFlags {
  queue?: string;
  workDir?: string;
  jobs?: number;
  lockDuration: number;
  idleExit?: number;
  quiet?: boolean;
}

interface SignFlags extends InputFlags {
  signatures?: string;
  minChars: number;
}

const WORKER_EXAMPLES = `
Examples:
  $ corpus worker --queue redis://10.0.0.5:6379 --work-dir /mnt/shared/corpus-work
  $ corpus worker --queue redis://127.0.0.1:6379 --work-dir /tmp/work --jobs 4 --idle-exit 600`;

const SIGN_EXAMPLES = `
Examples:
  $ corpus sign dumps/ --signatures sig.parquet
  $ duckdb -c "SELECT band, key, list(id) FROM 'sig.parquet' GROUP BY band, key HAVING count(*) > 1"`;

/** Adds `--queue`, `--work-dir`, `--shards` to `clean`, and the `worker` and `sign` commands; returns the new commands. */
export function registerDistributedCommands(program: Command, setExit: (code: number) => void): Command[] {
  const clean = program.commands.find((c) => c.name() === 'clean');
  for (const name of ['queue', 'workDir', 'shards'] as OptionName[]) clean?.addOption(makeOption(name));
  clean?.addHelpText('after', `  $ corpus clean dumps/ --queue redis://127.0.0.1:6379 --work-dir /mnt/shared/work -o out.jsonl
                                                    distributed: run \`corpus worker\`s on the same queue`);

  const worker = program
    .command('worker')
    .description('distributed mode: take shard jobs from the queue (any number of processes and machines) until stopped');
  for (const name of ['queue', 'workDir', 'jobs', 'lockDuration', 'idleExit', 'quiet'] as OptionName[]) worker.addOption(makeOption(name));
  worker.addHelpText('after', WORKER_EXAMPLES).action(async (flags: WorkerFlags) => setExit(await withUsageErrors(() => workerCommand(flags))));

  const sign = program
    .command('sign')
    .description('write the LSH band keys of every cleaned document as (id, band, key) rows to a Parquet file')
    .argument('<inputs...>', 'files or folders (recursive)');
  for (const name of ['signatures', 'threshold', 'measure', 'delimiter', 'encoding', 'format', 'minChars', 'jobs', 'quiet'] as OptionName[]) sign.addOption(makeOption(name));
  sign.addHelpText('after', SIGN_EXAMPLES).action(async (inputs: string[], flags: SignFlags & { jobs?: number }) => setExit(await withUsageErrors(() => signCommand(inputs, { ...program.opts(), ...flags }))));

  for (const cmd of [worker, sign]) cmd.exitOverride().showHelpAfterError('(run with --help for usage)');
  return [worker, sign];
}

async function workerCommand(flags: WorkerFlags): Promise<number> {
  if (!flags.queue) throw new CommandUsageError('corpus worker needs --queue redis://host:port');
  if (!flags.workDir) throw new CommandUsageError('corpus worker needs --work-dir DIR (the folder the coordinator names with --work-dir, as this machine reaches it)');
  const log = (text: string): void => {
    if (!flags.quiet) process.stderr.write(`corpus worker ${process.pid}: ${text}\n`);
  };
  const { runWorker } = await import('../../distributed/worker.js');
  await runWorker({ queue: flags.queue, workDir: flags.workDir, jobs: flags.jobs, lockDuration: flags.lockDuration, idleExit: flags.idleExit, log });
  return EXIT.ok;
}

async function signCommand(inputs: string[], flags: SignFlags & { jobs?: number }): Promise<number> {
  if (!inputs.length) throw new CommandUsageError('no inputs given (name files or folders)');
  if (!flags.signatures) throw new CommandUsageError('corpus sign needs --signatures FILE.parquet');
  if (inputs.includes('-')) throw new CommandUsageError('corpus sign reads files and folders, not stdin');
  const read = readOptionsOf(flags);
  const printMessage = messagePrinter(makeChalk(process.stderr, flags.color === false), !!flags.quiet);
  const { files, problems, realPaths } = await findInputs(inputs);
  for (const p of problems) printMessage('problem', `${p.path}: ${p.message}`);
  checkOutputsAreNotInputs(realPaths, [flags.signatures]);
  const { writeSignaturesParquet } = await import('../../distributed/parquet.js');
  const { summary, rows } = await writeSignaturesParquet(files, { read, dedup: dedupOptionsOf(flags), keepNoise: false, minChars: flags.minChars, jobs: flags.jobs }, flags.signatures);
  for (const m of summary.messages) printMessage(m.kind, m.text);
  if (!flags.quiet) process.stderr.write(`corpus: read ${summary.read} records, signed ${summary.signatures}, rejected ${summary.rejected}; wrote ${rows} rows to ${flags.signatures}\n`);
  return summary.inputProblems || problems.length ? EXIT.inputFailed : EXIT.ok;
}

/** `corpus clean … --queue URL`: the coordinator, with clean's outputs, summary and exit codes. */
export async function runDistributedClean(inputs: string[], flags: DistributedCleanFlags): Promise<number> {
  return withUsageErrors(async () => {
    if (!inputs.length) throw new CommandUsageError('no inputs given (name files or folders)');
    if (inputs.includes('-')) throw new CommandUsageError('stdin cannot be sharded: with --queue, name files or folders');
    if (!flags.workDir) throw new CommandUsageError('--queue needs --work-dir DIR: a folder every worker reaches (shared file system)');
    const read = readOptionsOf(flags);
    const { files, problems, chalk, progress, message } = await startRun(inputs, flags, [flags.output, flags.dupesOut, flags.rejects, flags.summary]);
    const sinks: LineSink[] = [];
    const open = (path: string | undefined): LineSink => {
      const sink = openLineSink(path);
      sinks.push(sink);
      return sink;
    };
    const { runCoordinator } = await import('../../distributed/coordinator.js');
    let result;
    try {
      result = await runCoordinator(
        files,
        {
          queue: flags.queue,
          workDir: flags.workDir,
          shards: flags.shards,
          map: { read, dedup: dedupOptionsOf(flags), detectDuplicates: flags.detect !== false, skipCleaning: flags.clean === false, keepNoise: !!flags.keepNoise, minChars: flags.minChars },
          dropDuplicates: flags.dedup !== false,
          log: pausingFor(progress, (text: string) => void (flags.quiet || process.stderr.write(`corpus: ${text}\n`))),
          message,
          progress: (stage, done) => progress.update(stage, done),
        },
        {
          output: open(flags.output),
          rejects: flags.rejects ? open(flags.rejects) : undefined,
          clusters: flags.dupesOut ? open(flags.dupesOut) : undefined,
        },
      );
      withDiscoveryProblems(result.summary, problems);
      if (flags.summary) await open(flags.summary).write(JSON.stringify(result.summary, null, 2) + '\n');
      for (const s of sinks) await s.commit();
    } catch (err) {
      for (const s of sinks) await s.abort();
      throw err;
    } finally {
      progress.stop();
    }
    if (!flags.quiet) process.stderr.write(formatSummary(result.summary, chalk, 'clean'));
    return result.summary.inputProblems ? EXIT.inputFailed : EXIT.ok;
  });
}

