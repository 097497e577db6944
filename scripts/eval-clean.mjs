#!/usr/bin/env node
// Dev check of the cleaning core on ../shared/eval: seeds, extract-dev (F1), dupes-dev (metadata).
// usage: node scripts/eval-clean.mjs [--build DIR] [--half even|odd] [--only seeds|extract|meta] [--out DIR]
//   --build: compiled output holding clean/index.js (default dist/); build only src/clean with:
//     npx tsc --outDir /tmp/cleanbuild --rootDir src src/clean/index.ts src/types.ts --module NodeNext \
//       --moduleResolution NodeNext --target ES2022 --lib ES2023 --types node --strict --skipLibCheck \
//       --resolveJsonModule --esModuleInterop
//     (ES2023 lib as in tsconfig.json, for findLastIndex; outside the repo, the build needs a node_modules it can
//     resolve, e.g. `ln -s "$PWD/node_modules" /tmp/node_modules`)
//   --half: score extract-dev on the even or odd half of its pages (sorted ids) to check that a gain holds.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const build = resolve(opt('--build', join(root, 'dist')));
const out = resolve(opt('--out', '/tmp/eval-clean'));
const only = opt('--only', null);
const half = opt('--half', null);
const evalDir = resolve(root, '../shared/eval');
mkdirSync(out, { recursive: true });

/** Extra CleanOptions as JSON (for tuning), e.g. CLEAN_OPTIONS='{"maxGapBlocks":3}'. */
const cleanOptions = JSON.parse(process.env.CLEAN_OPTIONS ?? '{}');
const { cleanDocument, createCorpusStats, addToCorpusStats } = await import(pathToFileURL(join(build, 'clean/index.js')).href);

/** Cleans a list of {id, text} with stats over all of them, writes JSONL, returns its path. */
function run(name, docs) {
  const stats = createCorpusStats();
  for (const d of docs) addToCorpusStats(stats, d.text);
  const t0 = performance.now();
  const lines = docs.map((d) => JSON.stringify({ id: d.id, ...cleanDocument(d.text, stats, cleanOptions), noise: undefined }));
  const ms = performance.now() - t0;
  const path = join(out, `${name}.jsonl`);
  writeFileSync(path, lines.join('\n') + '\n');
  console.log(`${name}: ${docs.length} docs cleaned in ${ms.toFixed(0)} ms`);
  return path;
}
const sh = (file, a) => { try { return execFileSync('node', [file, ...a], { encoding: 'utf8' }); } catch (e) { return e.stdout; } };
const readDir = (dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ id: f, text: readFileSync(join(dir, f), 'utf8') }));

if (!only || only === 'seeds') {
  const path = run('seeds', readDir(resolve(root, '../shared/seeds')));
  console.log(sh(join(evalDir, 'check-seeds.mjs'), ['--clean', path, '--all-records']).trim());
}
if (!only || only === 'extract') {
  let docs = readDir(join(evalDir, 'extract-dev'));
  const all = docs;
  const path = run('extract', all);
  let gold = join(evalDir, 'extract-dev/gold.jsonl');
  if (half) {
    const keep = new Set(all.filter((_, i) => (i % 2 === 0) === (half === 'even')).map((d) => d.id.replace(/\.txt$/, '')));
    const lines = readFileSync(gold, 'utf8').split('\n').filter((l) => l.trim() && keep.has(JSON.parse(l).id.replace(/\.txt$/, '')));
    gold = join(out, `gold-${half}.jsonl`);
    writeFileSync(gold, lines.join('\n') + '\n');
  }
  console.log(sh(join(evalDir, 'score.mjs'), ['extract', '--gold', gold, '--pred', path]).trim().split('\n').pop());
}
if (!only || only === 'meta') {
  const dir = join(evalDir, 'dupes-dev/docs');
  const docs = [];
  for (const f of readdirSync(dir).sort()) {
    const parts = readFileSync(join(dir, f), 'utf8').split(/^q7x2$/m).map((p) => p.trim()).filter(Boolean);
    if (parts.length === 1) docs.push({ id: f, text: parts[0] });
    else parts.forEach((p, i) => docs.push({ id: `${f}#${i + 1}`, text: p }));
  }
  const path = run('meta', docs);
  console.log(sh(join(evalDir, 'score.mjs'), ['meta', '--meta', join(evalDir, 'dupes-dev/meta.jsonl'), '--pred', path]).trim());
}
