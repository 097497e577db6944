/** Every command-line option once: flags, help text and defaults; commands and README derive from here. */
import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_DEDUP_OPTIONS } from '../dedup/index.js';
import { DEFAULT_DELIMITER } from '../io/records.js';

export interface OptionSpec {
  flags: string;
  description: string;
  defaultValue?: unknown;
  choices?: string[];
  parse?: (value: string) => unknown;
  /** Left out of --help: benchmark switches, not for everyday use. */
  hidden?: boolean;
}

/** Parses a number option; commander reports an InvalidArgumentError as a usage error (exit 2), any other error would not be. */
const number = (name: string, min: number, max: number) => (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a number from ${min} to ${max}, got "${value}"`);
  return n;
};

/** Parses a whole-number option in [min, max]. */
const integer = (name: string, min: number, max: number) => (value: string): number => {
  const n = number(name, min, max)(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`${name} must be a whole number, got "${value}"`);
  return n;
};

export const OPTIONS = {
  output: { flags: '-o, --output <file>', description: 'write JSONL to FILE (atomically) instead of stdout; "-" is stdout' },
  delimiter: { flags: '--delimiter <token>', description: 'token that separates documents inside a text file', defaultValue: DEFAULT_DELIMITER },
  encoding: { flags: '--encoding <name>', description: 'decode text files with this encoding instead of detecting it (e.g. windows-1252)' },
  format: { flags: '--format <format>', description: 'input format: by file name (.jsonl/.ndjson are JSONL), or forced', defaultValue: 'auto', choices: ['auto', 'text', 'jsonl'] },
  noDedup: { flags: '--no-dedup', description: 'write every record; copies are marked "duplicate_of" instead of dropped' },
  keepNoise: { flags: '--keep-noise', description: 'add the removed blocks, each with the reason it was removed' },
  threshold: { flags: '--threshold <x>', description: `similarity (0.05-1) above which two documents are near-duplicates (default: ${DEFAULT_DEDUP_OPTIONS.threshold})`, parse: number('--threshold', 0.05, 1) },
  measure: { flags: '--measure <measure>', description: 'similarity that decides a duplicate', choices: ['containment', 'jaccard'] },
  dupesOut: { flags: '--dupes-out <file>', description: 'also write the duplicate clusters as JSONL to FILE' },
  rejects: { flags: '--rejects <file>', description: 'write each rejected record (id, reason, original text) as JSONL to FILE' },
  summary: { flags: '--summary <file>', description: 'write the run summary as JSON to FILE' },
  minChars: { flags: '--min-chars <n>', description: 'reject records whose cleaned body is shorter than N characters', defaultValue: 1, parse: number('--min-chars', 0, Number.MAX_SAFE_INTEGER) },
  jobs: { flags: '--jobs <n>', description: 'worker threads for reading, cleaning and signing (default: one per core); the output is the same for any N', parse: integer('--jobs', 1, 1024) },
  noClean: { flags: '--no-clean', description: 'benchmark floor: write bodies as read, no cleaning', hidden: true },
  noDetect: { flags: '--no-detect', description: 'benchmark floor: no duplicate detection at all', hidden: true },
  quiet: { flags: '-q, --quiet', description: 'print nothing on stderr but problems' },
  json: { flags: '--json', description: 'print clusters as JSONL, one object per cluster' },
  failOnDupes: { flags: '--fail-on-dupes', description: 'exit with code 1 when any duplicate cluster is found' },
  statsJson: { flags: '--json', description: 'print the figures as one JSON object (for machines)' },
  explainJson: { flags: '--json', description: 'print the figures, verdict and paragraph alignment as JSON' },
  explainIn: { flags: '--in <inputs...>', description: 'A and B are record ids among these inputs, cleaned together as corpus clean would' },
  width: { flags: '--width <columns>', description: 'width of the side-by-side view (default: the terminal width, else 100)', parse: number('--width', 40, 1000) },
  reportOutput: { flags: '-o, --output <file>', description: 'write the HTML report to FILE (atomically); stdout when piped' },
  queue: { flags: '--queue <url>', description: 'distributed mode: shard the run over Redis + BullMQ at URL (redis://host:port); `corpus worker`s do the work' },
  workDir: { flags: '--work-dir <dir>', description: 'distributed mode: folder every machine reaches, for shard outputs (a rerun resumes from it)' },
  shards: { flags: '--shards <n>', description: 'distributed mode: number of shards (default: one per 64 MB of input)', parse: integer('--shards', 1, 1_000_000) },
  lockDuration: { flags: '--lock-duration <ms>', description: 'milliseconds without a heartbeat before a job of a dead worker goes to another', defaultValue: 30_000, parse: integer('--lock-duration', 100, 86_400_000) },
  idleExit: { flags: '--idle-exit <seconds>', description: 'exit after N seconds without a job (default: run until stopped)', parse: number('--idle-exit', 0, 1e9) },
  signatures: { flags: '--signatures <file>', description: 'write (id, band, key) rows of the LSH band keys to this Parquet file' },
} satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** A commander Option built from its spec. */
export function makeOption(name: OptionName): Option {
  const spec: OptionSpec = OPTIONS[name];
  const option = new Option(spec.flags, spec.description);
  if (spec.defaultValue !== undefined) option.default(spec.defaultValue);
  if (spec.choices) option.choices(spec.choices);
  if (spec.parse) option.argParser(spec.parse);
  if (spec.hidden) option.hideHelp();
  return option;
}
