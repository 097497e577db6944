/** Every command-line option once: flags, help text and defaults; commands and README derive from here. */
import { Option } from 'commander';
import { DEFAULT_DELIMITER } from '../io/records.js';

export interface OptionSpec {
  flags: string;
  description: string;
  defaultValue?: unknown;
  choices?: string[];
  parse?: (value: string) => unknown;
}

/** Parses a number option or throws a usage error naming the option. */
const number = (name: string, min: number, max: number) => (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number from ${min} to ${max}, got "${value}"`);
  return n;
};

export const OPTIONS = {
  output: { flags: '-o, --output <file>', description: 'write JSONL to FILE (atomically) instead of stdout; "-" is stdout' },
  delimiter: { flags: '--delimiter <token>', description: 'token that separates documents inside a text file', defaultValue: DEFAULT_DELIMITER },
  encoding: { flags: '--encoding <name>', description: 'decode text files with this encoding instead of detecting it (e.g. windows-1252)' },
  format: { flags: '--format <format>', description: 'input format: by file name (.jsonl/.ndjson are JSONL), or forced', defaultValue: 'auto', choices: ['auto', 'text', 'jsonl'] },
  noDedup: { flags: '--no-dedup', description: 'write every record; copies are marked "duplicate_of" instead of dropped' },
  keepNoise: { flags: '--keep-noise', description: 'add the removed blocks, each with the reason it was removed' },
  threshold: { flags: '--threshold <x>', description: 'similarity (0-1) above which two documents are near-duplicates', parse: number('--threshold', 0.05, 1) },
  measure: { flags: '--measure <measure>', description: 'similarity that decides a duplicate', choices: ['containment', 'jaccard'] },
  dupesOut: { flags: '--dupes-out <file>', description: 'also write the duplicate clusters as JSONL to FILE' },
  rejects: { flags: '--rejects <file>', description: 'write each rejected record (id, reason, original text) as JSONL to FILE' },
  summary: { flags: '--summary <file>', description: 'write the run summary as JSON to FILE' },
  minChars: { flags: '--min-chars <n>', description: 'reject records whose cleaned body is shorter than N characters', defaultValue: 1, parse: number('--min-chars', 0, Number.MAX_SAFE_INTEGER) },
  quiet: { flags: '-q, --quiet', description: 'print nothing on stderr but problems' },
  json: { flags: '--json', description: 'print clusters as JSONL, one object per cluster' },
  failOnDupes: { flags: '--fail-on-dupes', description: 'exit with code 1 when any duplicate cluster is found' },
} satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** A commander Option built from its spec. */
export function makeOption(name: OptionName): Option {
  const spec: OptionSpec = OPTIONS[name];
  const option = new Option(spec.flags, spec.description);
  if (spec.defaultValue !== undefined) option.default(spec.defaultValue);
  if (spec.choices) option.choices(spec.choices);
  if (spec.parse) option.argParser(spec.parse);
  return option;
}
