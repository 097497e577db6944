#!/usr/bin/env node
/**
 * `npm run bench` — the benchmark (not a test): generates corpora with bench/generate.mjs (once; reused while
 * their manifest matches), runs the built CLI on each, and writes bench/results.md.
 *
 *   npm run bench                               10k and 100k
 *   npm run bench -- --sizes 10k,100k,1m        the full run (1M: ~3.5 GB of input, tens of minutes)
 *   npm run bench -- --sizes 10k --no-speedup   skip the --jobs 1 vs --jobs 2 comparison
 *   npm run bench -- --repeat 2                 best of two runs of the floor and of clean + dedup
 *   npm run bench -- --pairs 5                  --jobs 1 / --jobs 2 pairs for the speed-up (default 3): the
 *                                               median of their ratios is reported, with the range
 *   npm run bench -- --no-warm                  do not read the corpus into the page cache before each run
 *
 * For each size: `corpus clean <docs> -o … --dupes-out … --summary …` (clean + dedup, default jobs), and the floor:
 * the same run with `--no-clean --no-detect` (read + decode + split + write only). Peak RSS comes from
 * `/usr/bin/time -v` when present (worker threads share the process, so it covers them), else from polling
 * /proc/<pid>/status (VmHWM). Dedup F1 is pairwise, against the generator's true clusters.
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
/** The commit measured, read when the run starts (the built code is what runs; HEAD may move during a long run). */
const measuredCommit = commit();
const cli = join(repo, 'bin', 'corpus.js');
const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const sizes = opt('--sizes', '10k,100k').split(',').map((s) => s.trim().toLowerCase());
const speedupSize = opt('--speedup-size', sizes.includes('100k') ? '100k' : sizes[0]);
/** Runs of the floor and of clean + dedup per size; the fastest of each is reported (peak RSS: the highest). */
const repeat = Number(opt('--repeat', '1'));
/**
 * --jobs 1 / --jobs 2 pairs, each pair run back to back: on this shared 2-core machine the same command's time moves
 * by ~10% within minutes, and a --jobs 2 run (both cores) more than a --jobs 1 run, so the ratio of one pair, or of
 * the best of each setting taken at different moments, moves by as much as the margin being measured. The median
 * ratio of several pairs is reported, with the range.
 */
const pairs = Number(opt('--pairs', '3'));
const count = (s) => Number(s.replace(/k$/, '000').replace(/m$/, '000000'));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function corpus(size) {
  const dir = join(here, 'corpora', size);
  const manifestPath = join(dir, 'manifest.json');
  const want = count(size);
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (m.docs === want && m.seed === 1) return { dir, manifest: m };
  }
  process.stderr.write(`generating ${size} corpus in ${dir} …\n`);
  return { dir, manifest: generate({ docs: want, out: dir, seed: 1 }) };
}

/**
 * Reads every file under `dir` once, untimed, so each measured run starts with the corpus in the page cache. This
 * machine's page cache empties within a minute or two of a file's last read (on 2026-12-05, 55 MB of the 100k
 * corpus's 500 MB left it in 45 idle seconds), so without this the floor and the full run read different shares of
 * the corpus from disk, and the ratio between them moved with the order and spacing of the runs.
 */
const warm = !argv.includes('--no-warm');
function warmPageCache(dir) {
  const buffer = Buffer.allocUnsafe(1 << 20);
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const fd = openSync(path, 'r');
        try {
          while (readSync(fd, buffer, 0, buffer.length, null) > 0);
        } finally {
          closeSync(fd);
        }
      }
    }
  };
  walk(dir);
}

/** Runs the CLI; resolves with wall seconds, CPU seconds (user + system, all threads; null without /usr/bin/time), peak RSS (bytes) and the summary it wrote. */
function runCli(args, summaryPath) {
  if (warm) warmPageCache(args[1]); // every run here is `clean <corpus folder> …`
  return new Promise((resolve, reject) => {
    const command = TIME ? TIME : process.execPath;
    const full = TIME ? ['-v', process.execPath, cli, ...args] : [cli, ...args];
    const started = process.hrtime.bigint();
    const child = spawn(command, full, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let polledPeak = 0;
    const poll = TIME ? null : setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) polledPeak = Math.max(polledPeak, Number(m[1]) * 1024);
      } catch { /* exited */ }
    }, 200);
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0 && code !== 1) return reject(new Error(`corpus ${args.join(' ')} exited ${code}\n${stderr.slice(-2000)}`));
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const peak = m ? Number(m[1]) * 1024 : polledPeak;
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const cpu = user && system ? Number(user[1]) + Number(system[1]) : null;
      resolve({ seconds, cpu, peak, summary: JSON.parse(readFileSync(summaryPath, 'utf8')) });
    });
  });
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Pairwise precision / recall / F1 of predicted clusters against the true ones (documents absent = singletons). */
function pairwiseF1(labelsPath, clustersPath) {
  const truth = new Map();
  for (const line of readFileSync(labelsPath, 'utf8').split('\n')) if (line) {
    const { id, cluster } = JSON.parse(line);
    truth.set(id, cluster);
  }
  const sizes = new Map();
  for (const c of truth.values()) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  let truePairs = 0;
  for (const n of sizes.values()) truePairs += (n * (n - 1)) / 2;
  let predicted = 0;
  let correct = 0;
  const text = existsSync(clustersPath) ? readFileSync(clustersPath, 'utf8') : '';
  for (const line of text.split('\n')) if (line) {
    const ids = JSON.parse(line).members.map((m) => (typeof m === 'string' ? m : m.id));
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
      predicted++;
      if (truth.get(ids[i]) !== undefined && truth.get(ids[i]) === truth.get(ids[j])) correct++;
    }
  }
  const p = predicted ? correct / predicted : 1;
  const r = truePairs ? correct / truePairs : 1;
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0, truePairs, predicted };
}

const outDir = join(here, 'out');
mkdirSync(outDir, { recursive: true });
const f = (n, d = 1) => n.toFixed(d);
const mb = (bytes) => bytes / 1e6;
const rows = [];

for (const size of sizes) {
  const { dir, manifest } = corpus(size);
  const docs = join(dir, 'docs');
  const o = (name) => join(outDir, `${size}.${name}`);
  // Best of `repeat` runs each, alternating floor and full: on a shared machine one run can be slowed by
  // another tenant or by the kernel writing back the previous run's output.
  let floor = null;
  let full = null;
  for (let r = 1; r <= repeat; r++) {
    process.stderr.write(`${size}: floor${repeat > 1 ? ` (run ${r} of ${repeat})` : ''} …\n`);
    const f = await runCli(['clean', docs, '-o', o('floor.jsonl'), '--summary', o('floor.summary.json'), '--no-clean', '--no-detect', '-q'], o('floor.summary.json'));
    if (!floor || f.seconds < floor.seconds) floor = f;
    process.stderr.write(`${size}: clean + dedup${repeat > 1 ? ` (run ${r} of ${repeat})` : ''} …\n`);
    const c = await runCli(['clean', docs, '-o', o('clean.jsonl'), '--dupes-out', o('clusters.jsonl'), '--summary', o('summary.json'), '-q'], o('summary.json'));
    if (!full || c.seconds < full.seconds) full = { ...c, peak: Math.max(c.peak, full?.peak ?? 0) };
    else full.peak = Math.max(full.peak, c.peak);
  }
  full.repeat = repeat;
  const quality = pairwiseF1(join(dir, 'labels.jsonl'), o('clusters.jsonl'));
  const row = { size, manifest, floor, full, quality };
  if (size === speedupSize && pairs > 0 && !argv.includes('--no-speedup')) {
    row.pairs = [];
    for (let r = 1; r <= pairs; r++) {
      const pair = {};
      for (const jobs of [1, 2]) {
        process.stderr.write(`${size}: --jobs ${jobs} (pair ${r} of ${pairs}) …\n`);
        const j = await runCli(['clean', docs, '-o', o(`j${jobs}.jsonl`), '--dupes-out', o(`j${jobs}.clusters.jsonl`), '--summary', o(`j${jobs}.summary.json`), '-q', '--jobs', String(jobs)], o(`j${jobs}.summary.json`));
        pair[`jobs${jobs}`] = j;
        if (!row[`jobs${jobs}`] || j.seconds < row[`jobs${jobs}`].seconds) row[`jobs${jobs}`] = j;
      }
      row.pairs.push({ jobs1: pair.jobs1.seconds, jobs2: pair.jobs2.seconds, cpu1: pair.jobs1.cpu, cpu2: pair.jobs2.cpu, ratio: pair.jobs1.seconds / pair.jobs2.seconds });
    }
    row.identical = readFileSync(o('j1.jsonl')).equals(readFileSync(o('j2.jsonl'))) && readFileSync(o('j1.clusters.jsonl')).equals(readFileSync(o('j2.clusters.jsonl')));
  }
  row.commit = measuredCommit;
  row.warm = warm;
  row.date = new Date().toISOString().slice(0, 10);
  writeFileSync(join(outDir, `${size}.row.json`), JSON.stringify(row));
  rows.push(row);
  const s = full.summary.seconds;
  process.stderr.write(
    `${size}: ${f(full.seconds)} s (${f(manifest.docs / full.seconds, 0)} docs/s, ${f(mb(manifest.bytes) / full.seconds)} MB/s), ` +
      `peak RSS ${f(mb(full.peak), 0)} MB, floor ${f(floor.seconds)} s (×${f(full.seconds / floor.seconds, 2)}), ` +
      `stages read ${f(s.read)} clean ${f(s.clean)} dedup ${f(s.dedup)} write ${f(s.write)}, ` +
      `candidates ${full.summary.candidatePairs} verified ${full.summary.verifiedPairs}, F1 ${f(quality.f1, 3)}` +
      (row.pairs ? `, --jobs 1 / --jobs 2 ×${f(median(row.pairs.map((p) => p.ratio)), 2)} (median of ${row.pairs.length} pairs: ${row.pairs.map((p) => f(p.ratio, 2)).join(', ')})${row.identical ? ' (identical output)' : ' (OUTPUT DIFFERS)'}` : '') +
      '\n',
  );
  writeResults();
}


/** The commit measured, `+changes` when the working tree differs from it. */
function commit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    // The sources measured: bench/results.md and bench/out are this script's own output.
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench/run.mjs', 'bench/generate.mjs', 'package.json'], { cwd: repo, encoding: 'utf8' }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

/**
 * The latest row of every size measured (bench/out/<size>.row.json), smallest first: a run of some sizes keeps
 * the others' last results, each labelled with the commit it measured.
 */
function allRows() {
  const latest = new Map();
  for (const name of readdirSync(outDir)) if (name.endsWith('.row.json')) {
    const row = JSON.parse(readFileSync(join(outDir, name), 'utf8'));
    latest.set(row.size, row);
  }
  for (const row of rows) latest.set(row.size, row);
  return [...latest.values()].sort((a, b) => a.manifest.docs - b.manifest.docs);
}

// ---------------------------------------------------------------- results.md
/** The --jobs 1 / --jobs 2 comparison of a row: each pair (wall and CPU seconds), the median ratio, the best runs' stages. */
function speedupLines(row) {
  const cpu = (c) => (c == null ? '' : ` (CPU ${f(c)} s)`);
  const lines = [];
  if (row.pairs?.length) {
    const ratios = row.pairs.map((p) => p.ratio);
    lines.push(`**Parallel speed-up on ${row.size}:** ×${f(median(ratios), 2)}, the median of ${row.pairs.length} \`--jobs 1\` / \`--jobs 2\` pairs run back to back ` +
      `(range ×${f(Math.min(...ratios), 2)}–×${f(Math.max(...ratios), 2)}); output ${row.identical ? 'byte-identical' : 'DIFFERENT'}.`, '');
    lines.push('| pair | `--jobs 1` s | `--jobs 2` s | ratio |', '|---:|---:|---:|---:|');
    row.pairs.forEach((p, i) => lines.push(`| ${i + 1} | ${f(p.jobs1)}${cpu(p.cpu1)} | ${f(p.jobs2)}${cpu(p.cpu2)} | ×${f(p.ratio, 2)} |`));
    lines.push('');
  }
  lines.push(`Fastest runs: \`--jobs 1\` ${f(row.jobs1.seconds)} s (clean stage ${f(row.jobs1.summary.seconds.clean)} s), \`--jobs 2\` ${f(row.jobs2.seconds)} s ` +
    `(clean stage ${f(row.jobs2.summary.seconds.clean)} s): ×${f(row.jobs1.seconds / row.jobs2.seconds, 2)} end to end, ×${f(row.jobs1.summary.seconds.clean / row.jobs2.summary.seconds.clean, 2)} on the clean stage.`, '');
  return lines;
}

/** Rewrites bench/results.md from the latest result of each size (after each size, so a long 1M run leaves partial results). */
function writeResults() {
  const rows = allRows();
  const lines = [];
  lines.push('# Benchmark results', '');
  lines.push(`Generated by \`npm run bench\` (latest run of each size; its commit, and the number of runs when the best of several, in the last column): ` +
    `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, default \`--jobs\` (${availableParallelism()}).`, '');
  lines.push('Corpora: `bench/generate.mjs` (seed 1), noisy news-like pages, ~17% republished copies, ~10% multi-document `q7x2` files.', '');
  lines.push('"warm cache": the corpus was read into the page cache before each measured run (this machine empties its page cache within minutes), so the floor and the full run read it alike; rows without it read part of the corpus from disk.', '');
  lines.push('| docs | input MB | wall s | docs/s | MB/s | peak RSS MB | read s | clean s | dedup s | write s | floor s | floor RSS MB | × floor | LSH candidates | verified pairs | clusters | F1 (P / R) | commit |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const { size, manifest, floor, full, quality, commit: measured, date, warm: warmed } of rows) {
    const s = full.summary.seconds;
    lines.push(`| ${size} (${manifest.docs}) | ${f(mb(manifest.bytes), 0)} | ${f(full.seconds)} | ${f(manifest.docs / full.seconds, 0)} | ${f(mb(manifest.bytes) / full.seconds, 2)} | ${f(mb(full.peak), 0)} | ${f(s.read)} | ${f(s.clean)} | ${f(s.dedup)} | ${f(s.write)} | ${f(floor.seconds)} | ${f(mb(floor.peak), 0)} | ${f(full.seconds / floor.seconds, 2)} | ${full.summary.candidatePairs} | ${full.summary.verifiedPairs} | ${full.summary.clusters} | ${f(quality.f1, 3)} (${f(quality.precision, 3)} / ${f(quality.recall, 3)}) | ${measured ?? '?'} ${date ?? ''}${full.repeat > 1 ? `, best of ${full.repeat}` : ''}${warmed ? ', warm cache' : ''} |`);
  }
  lines.push('');
  for (const row of rows) if (row.jobs1) lines.push(...speedupLines(row));
  if (rows.length > 1) {
    const a = rows[rows.length - 2];
    const b = rows[rows.length - 1];
    const measured = a.commit === b.commit ? `both ${a.commit}` : `${a.size} at ${a.commit}, ${b.size} at ${b.commit}`;
    lines.push(`**Scaling ${a.size} → ${b.size}** (${measured}): ×${f(b.manifest.docs / a.manifest.docs, 0)} documents, ×${f(b.full.seconds / a.full.seconds, 2)} time, ×${f(b.full.peak / a.full.peak, 2)} peak RSS.`, '');
  }
  lines.push('Targets: clean + dedup ≤ 4× the floor; 1M documents with peak RSS ≤ 1.5 GB; 100k → 1M about 10× time; `--jobs 2` ≥ 1.7× `--jobs 1` on 100k; F1 unchanged.', '');
  writeFileSync(join(here, 'results.md'), lines.join('\n'));
  process.stderr.write(`wrote ${join(here, 'results.md')}\n`);
}
