#!/usr/bin/env node
// npm run eval: the seeds check and the dev sets of ../shared/eval, scored with their own scorers, then the probes of
// eval/probes and eval/dupes-probes.
// usage: node scripts/eval.mjs [--shared ../shared] [--jobs N]
// A benchmark of quality, not a test gate: it prints figures and exits 0 unless a step cannot run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wrapAt } from './wrap-dump.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const shared = resolve(opt('--shared', join(root, '..', 'shared')));
const evalDir = join(shared, 'eval');
const tmp = mkdtempSync(join(tmpdir(), 'corpus-eval-'));
const extra = args.includes('--jobs') ? ['--jobs', opt('--jobs')] : [];

const corpus = (...a) => execFileSync(process.execPath, [join(root, 'bin/corpus.js'), ...a, ...extra, '-q'], { stdio: ['ignore', 'inherit', 'inherit'], maxBuffer: 1 << 30 });
/** Runs a scorer and returns its output; a failing check still prints its figures. */
function score(script, ...a) {
  try {
    return execFileSync(process.execPath, [join(evalDir, script), ...a], { encoding: 'utf8' });
  } catch (err) {
    return String(err.stdout ?? '') + String(err.stderr ?? '');
  }
}
const lastLine = (s) => s.trim().split('\n').at(-1);
const timed = (label, work) => {
  const start = process.hrtime.bigint();
  const result = work();
  console.log(`  (${label}: ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)} s)`);
  return result;
};

try {
  console.log('== seeds');
  const seedsClean = join(tmp, 'seeds.jsonl');
  const seedsDupes = join(tmp, 'seeds-dupes.jsonl');
  corpus('clean', join(shared, 'seeds'), '--no-dedup', '-o', seedsClean);
  corpus('dupes', join(shared, 'seeds'), '--json', '-o', seedsDupes);
  const failures = score('check-seeds.mjs', '--clean', seedsClean, '--dupes', seedsDupes, '--all-records');
  console.log(failures.trim().split('\n').map((l) => `  ${l}`).join('\n'));

  console.log('== extract-dev (body extraction)');
  const pages = readdirSync(join(evalDir, 'extract-dev')).filter((f) => f.endsWith('.txt')).map((f) => join(evalDir, 'extract-dev', f));
  const extractOut = join(tmp, 'extract.jsonl');
  timed(`${pages.length} pages`, () => corpus('clean', ...pages, '--no-dedup', '-o', extractOut));
  console.log(`  ${lastLine(score('score.mjs', 'extract', '--gold', join(evalDir, 'extract-dev/gold.jsonl'), '--pred', extractOut))}`);

  // The same pages as `w3m -dump` gives them without -cols: wrapped at 80 columns (scripts/wrap-dump.mjs).
  console.log('== extract-dev re-wrapped at 80 columns');
  const wrappedDir = join(tmp, 'extract-80');
  mkdirSync(wrappedDir);
  for (const page of pages) writeFileSync(join(wrappedDir, basename(page)), wrapAt(readFileSync(page, 'utf8'), 80));
  const wrappedOut = join(tmp, 'extract-80.jsonl');
  corpus('clean', wrappedDir, '--no-dedup', '-o', wrappedOut);
  console.log(`  ${lastLine(score('score.mjs', 'extract', '--gold', join(evalDir, 'extract-dev/gold.jsonl'), '--pred', wrappedOut))}`);

  console.log('== dupes-dev (near-duplicates and metadata)');
  const docs = join(evalDir, 'dupes-dev/docs');
  const clusters = join(tmp, 'clusters.jsonl');
  const clean = join(tmp, 'dupes-clean.jsonl');
  timed('dupes', () => corpus('dupes', docs, '--json', '-o', clusters));
  console.log(`  ${lastLine(score('score.mjs', 'dupes', '--labels', join(evalDir, 'dupes-dev/labels.jsonl'), '--pred', clusters))}`);
  corpus('clean', docs, '--no-dedup', '-o', clean);
  const meta = score('score.mjs', 'meta', '--meta', join(evalDir, 'dupes-dev/meta.jsonl'), '--pred', clean);
  console.log(meta.trim().split('\n').filter((l) => l.startsWith('meta')).map((l) => `  ${l}`).join('\n'));

  // Probes written for the purpose (eval/probes/README.md): other languages and site layouts than the dev sets.
  console.log('== probes (eval/probes: article paragraphs lost, noise paragraphs kept; title/date/lang ok/missing/wrong)');
  for (const probe of readdirSync(join(root, 'eval/probes')).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(a) - Number(b))) {
    const dir = join(root, 'eval/probes', probe);
    const out = join(tmp, `probe-${probe}.jsonl`);
    corpus('clean', join(dir, 'sites'), '--no-dedup', '-o', out);
    const scored = execFileSync(process.execPath, [join(root, 'scripts/score-probe.mjs'), join(dir, 'truth.json'), out], { encoding: 'utf8' });
    console.log(`  ${lastLine(scored).replace(/^probe/, `probe ${probe}`)}`);
  }
  // Republished-article sets written for the purpose (eval/dupes-probes/<n>/NOTES.md), scored as dupes-dev is.
  console.log('== dupes probes (eval/dupes-probes: pairwise near-duplicate clusters)');
  for (const probe of readdirSync(join(root, 'eval/dupes-probes')).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(a) - Number(b))) {
    const dir = join(root, 'eval/dupes-probes', probe);
    const clusters = join(tmp, `dupes-probe-${probe}.jsonl`);
    corpus('dupes', join(dir, 'docs'), '--json', '-o', clusters);
    console.log(`  dupes probe ${probe}: ${lastLine(score('score.mjs', 'dupes', '--labels', join(dir, 'labels.jsonl'), '--pred', clusters)).replace(/^dupes /, '')}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
