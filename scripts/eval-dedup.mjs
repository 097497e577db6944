#!/usr/bin/env node
// Dev script: dedup core on ../shared/eval/dupes-dev (and the seeds) with a crude stand-in cleaner.
//
//   npx tsc --outDir /tmp/dedupbuild --rootDir src src/dedup/index.ts --module NodeNext \
//     --moduleResolution NodeNext --target ES2022 --strict --skipLibCheck --esModuleInterop
//   ln -sfn "$PWD/node_modules" /tmp/dedupbuild/node_modules   # lets the build find fast-levenshtein
//   node scripts/eval-dedup.mjs [--threshold 0.6] [--measure containment] [--num-perm 128]
//        [--shingle-size 5] [--candidate-jaccard J] [--bands B --rows R] [--real-clean]
//        [--analyze] [--seeds] [--out clusters.jsonl] [--dedup PATH/TO/dedup/index.js]
//
// --real-clean uses dist/clean/index.js (createCorpusStats, addToCorpusStats, cleanDocument) instead
// of the crude cleaner. --analyze prints the exact similarity of every true pair and the most similar
// false pairs (all pairs, no LSH), to choose defaults from. --seeds also checks the five seed files.
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdtempSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(repo, '..', 'shared');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};

const dedupPath = opt('--dedup', [join(repo, 'dist/dedup/index.js'), '/tmp/dedupbuild/dedup/index.js'].find(existsSync));
if (!dedupPath) throw new Error('build src/dedup first (see the header of this script)');
const dedup = await import(pathToFileURL(dedupPath).href);

const options = { ...dedup.DEFAULT_DEDUP_OPTIONS };
if (opt('--threshold')) options.threshold = Number(opt('--threshold'));
if (opt('--measure')) options.measure = opt('--measure');
if (opt('--num-perm')) options.numPerm = Number(opt('--num-perm'));
if (opt('--shingle-size')) options.shingleSize = Number(opt('--shingle-size'));
if (opt('--candidate-jaccard')) options.candidateJaccard = Number(opt('--candidate-jaccard'));
if (opt('--min-length-ratio')) options.minLengthRatio = Number(opt('--min-length-ratio'));
if (opt('--bands')) options.banding = { bands: Number(opt('--bands')), rows: Number(opt('--rows')) };

// ---------------------------------------------------------------- documents
/** Documents of one file: split on lines that are exactly `q7x2`; `name#N` ids when there are several. */
function splitFile(name, text) {
  const parts = text.replace(/\r\n?/g, '\n').split(/^q7x2$/m).map((p) => p.trim()).filter(Boolean);
  return parts.length === 1 ? [{ id: name, file: name, raw: parts[0] }] : parts.map((raw, k) => ({ id: `${name}#${k + 1}`, file: name, raw }));
}

function readFolder(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .flatMap((f) => splitFile(f, readFileSync(join(dir, f), 'utf8')));
}

// ---------------------------------------------------------------- crude stand-in cleaner
// Crude on purpose (the real cleaner replaces it): keeps line segments that look like prose.
/** Words a segment needs to count as body text (menus, bylines, widget lines are shorter). */
const MIN_LINE_WORDS = Number(opt('--min-line-words', 12));
/** A segment found in this many documents is template noise, however long. */
const NOISE_LINE_DOCS = Number(opt('--noise-docs', 5));
/** A segment found in 2+ documents is kept only from this many words: long shared lines are republished body. */
const SHARED_LINE_WORDS = Number(opt('--shared-words', 25));

/** Segments of a line: w3m joins menu items and headline lists with runs of spaces. */
const segments = (line) => line.split(/ {3,}|\u00a0{2,}|\t/).map((s) => s.trim()).filter(Boolean);
/** Related-article teasers: another article's first sentence cut with an ellipsis. */
const isTeaser = (segment) => /(\.\.\.|…)$/.test(segment);

function crudeCleaner(docs) {
  const docsWithSegment = new Map();
  for (const d of docs)
    for (const s of new Set(d.raw.split('\n').flatMap(segments))) docsWithSegment.set(s, (docsWithSegment.get(s) ?? 0) + 1);
  return (doc) => {
    const kept = doc.raw.split('\n').flatMap(segments).filter((s) => {
      const words = s.split(/\s+/).length;
      const df = docsWithSegment.get(s);
      return !isTeaser(s) && words >= MIN_LINE_WORDS && df < NOISE_LINE_DOCS && (df < 2 || words >= SHARED_LINE_WORDS);
    });
    return { text: kept.join('\n\n'), title: null, site: null, date: null };
  };
}

async function realCleaner(docs) {
  const clean = await import(pathToFileURL(join(repo, 'dist/clean/index.js')).href);
  const stats = clean.createCorpusStats();
  for (const d of docs) clean.addToCorpusStats(stats, d.raw);
  return (doc) => clean.cleanDocument(doc.raw, stats);
}

// ---------------------------------------------------------------- run
async function run(docs, label) {
  const cleaner = flag('--real-clean') ? await realCleaner(docs) : crudeCleaner(docs);
  const cleaned = docs.map((d) => ({ ...cleaner(d), id: d.id }));
  let t = performance.now();
  const signatures = cleaned.map((d) => dedup.signDocument(d, options));
  const signMs = performance.now() - t;
  t = performance.now();
  const result = dedup.findDuplicates(signatures, options);
  const findMs = performance.now() - t;
  console.log(`${label}: ${docs.length} docs, sign ${signMs.toFixed(0)} ms, findDuplicates ${findMs.toFixed(0)} ms, ` +
    `banding ${JSON.stringify(dedup.bandingFor(options))}, candidates ${result.candidatePairs}, verified ${result.verifiedPairs}, clusters ${result.clusters.length}`);
  return { signatures, result, cleaned };
}

const writeClusters = (path, clusters) =>
  writeFileSync(path, clusters.map((c, n) => JSON.stringify({ cluster: n + 1, kept: c.kept, members: c.members })).join('\n') + '\n');

const work = mkdtempSync(join(tmpdir(), 'eval-dedup-'));
const devDir = join(shared, 'eval/dupes-dev');
const docs = readFolder(join(devDir, 'docs'));
const { signatures, result } = await run(docs, 'dupes-dev');
const out = opt('--out', join(work, 'clusters.jsonl'));
writeClusters(out, result.clusters);
console.log(execFileSync('node', [join(shared, 'eval/score.mjs'), 'dupes', '--labels', join(devDir, 'labels.jsonl'), '--pred', out], { encoding: 'utf8' }).trim());

if (flag('--analyze')) {
  const label = new Map(readFileSync(join(devDir, 'labels.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((l) => [l.id, l.cluster]));
  const meta = new Map(readFileSync(join(devDir, 'meta.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((l) => [l.id, l]));
  const truePairs = [];
  const falsePairs = [];
  for (let i = 0; i < signatures.length; i++) {
    for (let j = i + 1; j < signatures.length; j++) {
      const a = signatures[i];
      const b = signatures[j];
      const s = dedup.compareSignatures(a, b, { ...options, threshold: 0 });
      const row = { a: a.id, b: b.id, ...s, words: [a.words, b.words], shingles: [a.shingles.length, b.shingles.length],
        shared: Math.round(s.jaccard * (a.shingles.length + b.shingles.length) / (1 + s.jaccard)) };
      row.ratio = Math.min(...row.shingles) / Math.max(...row.shingles);
      if (label.get(a.id) === label.get(b.id)) truePairs.push(row);
      else if (s.containment > 0.05 || s.edit > 0.3) falsePairs.push(row);
    }
  }
  const fmt = (r) => `${r.a} ${r.b} J=${r.jaccard.toFixed(3)} C=${r.containment.toFixed(3)} E=${r.edit.toFixed(3)} ratio=${r.ratio.toFixed(2)} words=${r.words} shared=${r.shared}` +
    ` [${meta.get(r.a)?.transforms?.join(',')} | ${meta.get(r.b)?.transforms?.join(',')}]`;
  console.log(`\ntrue pairs (${truePairs.length}), lowest containment first:`);
  for (const r of truePairs.sort((x, y) => x.containment - y.containment).slice(0, 25)) console.log('  ' + fmt(r));
  const q = (arr, f, p) => f(arr.sort((x, y) => f(x) - f(y))[Math.floor(p * (arr.length - 1))]);
  console.log(`true pairs: containment min ${q(truePairs, (r) => r.containment, 0).toFixed(3)} p05 ${q(truePairs, (r) => r.containment, 0.05).toFixed(3)}; ` +
    `jaccard min ${q(truePairs, (r) => r.jaccard, 0).toFixed(3)} p05 ${q(truePairs, (r) => r.jaccard, 0.05).toFixed(3)}; edit min ${q(truePairs, (r) => r.edit, 0).toFixed(3)}; ratio min ${q(truePairs, (r) => r.ratio, 0).toFixed(3)} p02 ${q(truePairs, (r) => r.ratio, 0.02).toFixed(3)} p05 ${q(truePairs, (r) => r.ratio, 0.05).toFixed(3)}`);
  console.log('true pairs, lowest length ratio first:');
  for (const r of truePairs.sort((x, y) => x.ratio - y.ratio).slice(0, 8)) console.log('  ' + fmt(r));
  const verifiable = truePairs.filter((r) => dedup.compareSignatures(signatures.find((x) => x.id === r.a), signatures.find((x) => x.id === r.b), options).duplicate);
  const banding = dedup.bandingFor(options);
  const expected = verifiable.reduce((sum, r) => sum + dedup.candidateProbability(r.jaccard, banding), 0) / verifiable.length;
  const lowest = verifiable.reduce((m, r) => Math.min(m, dedup.candidateProbability(r.jaccard, banding)), 1);
  console.log(`LSH ${JSON.stringify(banding)}: expected candidate recall over the ${verifiable.length} true pairs that verify ${expected.toFixed(4)}, lowest pair ${lowest.toFixed(3)}`);
  console.log(`\nfalse pairs, highest containment first:`);
  for (const r of falsePairs.sort((x, y) => y.containment - x.containment).slice(0, 15)) console.log('  ' + fmt(r));
  console.log(`false pairs, highest jaccard first:`);
  for (const r of falsePairs.sort((x, y) => y.jaccard - x.jaccard).slice(0, 5)) console.log('  ' + fmt(r));
  console.log(`false pairs, highest edit first:`);
  for (const r of falsePairs.sort((x, y) => y.edit - x.edit).slice(0, 5)) console.log('  ' + fmt(r));
}

if (flag('--seeds')) {
  const seedDocs = readFolder(join(shared, 'seeds'));
  const seeds = await run(seedDocs, 'seeds');
  const seedOut = join(work, 'seeds-dupes.jsonl');
  writeClusters(seedOut, seeds.result.clusters);
  for (let i = 0; i < seeds.signatures.length; i++)
    for (let j = i + 1; j < seeds.signatures.length; j++) {
      const s = dedup.compareSignatures(seeds.signatures[i], seeds.signatures[j], options);
      console.log(`  ${basename(seeds.signatures[i].id).slice(0, 3)}-${basename(seeds.signatures[j].id).slice(0, 3)} J=${s.jaccard.toFixed(3)} C=${s.containment.toFixed(3)} E=${s.edit.toFixed(3)} dup=${s.duplicate}`);
    }
  try {
    console.log(execFileSync('node', [join(shared, 'eval/check-seeds.mjs'), '--dupes', seedOut], { encoding: 'utf8' }).trim());
  } catch (e) {
    console.log(String(e.stdout).trim());
  }
}
