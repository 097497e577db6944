#!/usr/bin/env node
// Scores `corpus clean --no-dedup` output of a probe (eval/probes/<n>/sites) against its truth.json:
// per site and in total, article paragraphs lost, noise paragraphs kept in bodies, and title / date / language
// right, missing or wrong (ok/missing/wrong); a paragraph found once counts for all its copies. The last line sums it
// up for scripts/eval.mjs.
// usage: node scripts/score-probe.mjs TRUTH.json OUT.jsonl [--verbose]
import { readFileSync } from 'node:fs';

const [truthPath, outPath] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const verbose = process.argv.includes('--verbose');
if (!truthPath || !outPath) {
  console.error('usage: node scripts/score-probe.mjs TRUTH.json OUT.jsonl [--verbose]');
  process.exit(2);
}
/** Norwegian may be named as either written standard. */
const LANG_ALIASES = { no: ['no', 'nb', 'nn'] };
const norm = (s) => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
const paragraphs = (text) => (text ?? '').split(/\n\s*\n/).map(norm).filter(Boolean);

/** ok, missing or wrong: a field the page does not state (null) is right only when none is given. */
function judge(field, want, got) {
  if (want === null) return got === null || got === undefined ? 'ok' : 'wrong';
  if (got === null || got === undefined) return 'missing';
  const ok = field === 'lang' ? (LANG_ALIASES[want] ?? [want]).includes(got) : norm(got) === norm(want);
  return ok ? 'ok' : 'wrong';
}

const truth = JSON.parse(readFileSync(truthPath, 'utf8'));
const records = new Map(readFileSync(outPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r) => [r.id, r]));
const sites = new Map();
const total = { pages: 0, paragraphs: 0, lost: 0, noise: 0, title: {}, date: {}, lang: {} };
for (const id of Object.keys(truth).sort()) {
  const t = truth[id];
  const r = records.get(id);
  const want = t.body.map(norm);
  const got = paragraphs(r?.text);
  const lost = want.filter((p) => !got.includes(p));
  const noise = got.filter((p) => !want.includes(p));
  const site = sites.get(t.site) ?? { pages: 0, paragraphs: 0, lost: 0, noise: 0, title: {}, date: {}, lang: {} };
  sites.set(t.site, site);
  for (const acc of [site, total]) {
    acc.pages++;
    acc.paragraphs += want.length;
    acc.lost += lost.length;
    acc.noise += noise.length;
  }
  const verdicts = {};
  for (const field of ['title', 'date', 'lang']) {
    verdicts[field] = judge(field, t[field] ?? null, r?.[field]);
    for (const acc of [site, total]) acc[field][verdicts[field]] = (acc[field][verdicts[field]] ?? 0) + 1;
  }
  if (verbose && (lost.length || noise.length || Object.values(verdicts).some((v) => v !== 'ok'))) {
    console.log(`## ${id}${r ? '' : ' (no record)'}`);
    for (const field of ['title', 'date', 'lang']) if (verdicts[field] !== 'ok') console.log(`   ${field} ${verdicts[field]}: got ${JSON.stringify(r?.[field] ?? null)} want ${JSON.stringify(t[field])}`);
    for (const p of lost) console.log(`   LOST  ${p.slice(0, 110)}`);
    for (const p of noise) console.log(`   NOISE ${p.slice(0, 110)}`);
  }
}
const counts = (c) => `${c.ok ?? 0}/${c.missing ?? 0}/${c.wrong ?? 0}`;
const row = (name, a) => `${name.padEnd(22)} ${String(a.pages).padStart(5)} ${String(a.paragraphs).padStart(6)} ${String(a.lost).padStart(5)} ${String(a.noise).padStart(6)}   ${counts(a.title).padEnd(9)} ${counts(a.date).padEnd(9)} ${counts(a.lang)}`;
console.log(`${'site'.padEnd(22)} pages  paras  lost  noise   title     date      lang (ok/missing/wrong)`);
for (const [name, a] of [...sites].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) console.log(row(name, a));
console.log(row('TOTAL', total));
console.log(`probe pages=${total.pages} paragraphs=${total.paragraphs} lost=${total.lost} noise=${total.noise} title=${counts(total.title)} date=${counts(total.date)} lang=${counts(total.lang)}`);
