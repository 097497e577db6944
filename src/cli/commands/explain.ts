/** `corpus explain A B`: why two documents are or are not near-duplicates. */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { explainCleaned, explainTexts, type CleanedDocument, type Explanation } from '../../explain.js';
import { readInput } from '../../io/read.js';
import type { OutputRecord, SourceRecord } from '../../types.js';
import { EXIT } from '../exit-codes.js';
import { makeChalk } from '../report.js';
import { collectRun, CommandUsageError, dedupOptionsOf, exitCodeOf, type InputFlags, readOptionsOf, withUsageErrors } from './common.js';
import { formatExplanation } from './explain-format.js';

export interface ExplainFlags extends InputFlags {
  in?: string[];
  json?: boolean;
  width?: number;
}

export async function runExplain(a: string, b: string, flags: ExplainFlags): Promise<number> {
  return withUsageErrors(async () => {
    const { explanation, inRun, code } = flags.in ? await explainInCorpus(a, b, flags) : await explainFiles(a, b, flags);
    if (flags.json) {
      process.stdout.write(JSON.stringify(inRun ? { ...explanation, in_run: inRun } : explanation, null, 2) + '\n');
    } else {
      const width = flags.width ?? (process.stdout.isTTY ? process.stdout.columns : undefined) ?? 100;
      process.stdout.write(formatExplanation(explanation, makeChalk(process.stdout, flags.color === false), width, inRun));
    }
    return code;
  });
}

/** `file` or `file#N` (the N-th document of a multi-document file, from 1). */
async function resolveDocument(arg: string): Promise<{ path: string; n: number | null }> {
  if (await isFile(arg)) return { path: arg, n: null };
  const m = /^(.*)#(\d+)$/.exec(arg);
  if (m && (await isFile(m[1]))) return { path: m[1], n: Number(m[2]) };
  throw new CommandUsageError(`${arg}: no such file; give two files, FILE#N for the N-th document of a multi-document file, or record ids with --in INPUTS`);
}

const isFile = (path: string): Promise<boolean> => stat(path).then((s) => s.isFile(), () => false);

/** The document an argument names, read as `corpus clean` would read it. */
async function readDocument(arg: string, flags: InputFlags): Promise<SourceRecord> {
  const { path, n } = await resolveDocument(arg);
  const records: SourceRecord[] = [];
  for await (const event of readInput({ path, name: basename(path) }, readOptionsOf(flags))) {
    if (event.type === 'record') records.push(event.record);
    else if (event.type === 'reject') throw new CommandUsageError(event.message);
    else if (event.type === 'problem') throw new CommandUsageError(`${event.path}: ${event.message}`);
  }
  if (!records.length) throw new CommandUsageError(`${path}: no documents in it`);
  if (n === null && records.length > 1) throw new CommandUsageError(`${path} holds ${records.length} documents; name one as ${arg}#1 … ${arg}#${records.length}`);
  if (n !== null && (n < 1 || n > records.length)) throw new CommandUsageError(`${path} holds ${records.length} document${records.length === 1 ? '' : 's'}; #${n} does not exist`);
  const record = records[(n ?? 1) - 1];
  return { ...record, id: arg };
}

async function explainFiles(a: string, b: string, flags: ExplainFlags): Promise<{ explanation: Explanation; inRun?: string; code: number }> {
  const [docA, docB] = [await readDocument(a, flags), await readDocument(b, flags)];
  return { explanation: explainTexts(docA, docB, dedupOptionsOf(flags)), code: EXIT.ok };
}

/** Cleans the whole corpus (its line statistics decide what is template), then explains the two records. */
async function explainInCorpus(a: string, b: string, flags: ExplainFlags): Promise<{ explanation: Explanation; inRun: string; code: number }> {
  const found = new Map<string, OutputRecord>();
  const run = await collectRun(flags.in!, flags, { keepNoise: false, onRecord: (r) => void (r.id === a || r.id === b ? found.set(r.id, r) : undefined) });
  for (const id of [a, b]) {
    if (!found.has(id)) throw new CommandUsageError(`no cleaned record with id "${id}" in ${flags.in!.join(' ')} (list the ids with: corpus clean ${flags.in!.join(' ')} --no-dedup | jq -r .id; rejected records are kept by --rejects FILE)`);
  }
  const [ra, rb] = [found.get(a)!, found.get(b)!];
  return { explanation: explainCleaned(asCleaned(ra), asCleaned(rb), dedupOptionsOf(flags)), inRun: clusterRelation(ra, rb), code: exitCodeOf(run) };
}

const asCleaned = (r: OutputRecord): CleanedDocument => ({ id: r.id, text: r.text, title: r.title, site: r.site, date: r.date, lang: r.lang });

/** How the run clustered the pair: clusters are checked against their representative, so this can differ from the pair's own verdict. */
export function clusterRelation(a: OutputRecord, b: OutputRecord): string {
  const keptA = a.duplicate_of ?? (a.duplicates?.length ? a.id : null);
  const keptB = b.duplicate_of ?? (b.duplicates?.length ? b.id : null);
  if (keptA !== null && keptA === keptB) return `same cluster (kept: ${keptA})`;
  return 'not in the same cluster';
}
