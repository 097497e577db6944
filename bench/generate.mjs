#!/usr/bin/env node
/**
 * Deterministic generator of noisy news-like page dumps for the benchmark.
 *
 *   node bench/generate.mjs --docs 10000 --out bench/corpora/10k [--seed 1]
 *
 * Writes <out>/docs/NNNN/fNNNNNNN.txt (1,000 files per folder; about one file in ten holds 2–4 documents
 * separated by a `q7x2` line), <out>/labels.jsonl with the true cluster of every document id
 * (`{"id", "cluster"}`, the format of the shared dupes scorer) and <out>/manifest.json. Same arguments,
 * same bytes: every choice comes from one seeded PRNG.
 *
 * A page: a site's navigation bar and an NBSP-joined headline bar, the title, a "Published in <Site> on
 * <date>" line, 4–9 paragraphs of English-like prose (stopword-rich, so the cleaner keeps them) with
 * "Read also: …" lines and widget lines between them, a teaser list, a footer. About 3 KB per document.
 * About one document in six is a republished copy of an earlier article on another site: other
 * template, quote style, a dateline, 0–10% of paragraphs dropped, sometimes cut to its first 70–90%,
 * 1–3% of words changed. Some articles are parts of one story (same topic words, different text): the
 * hard negatives.
 */
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// ------------------------------------------------------------------ PRNG
/** mulberry32: small, fast, good enough for test data; a fixed seed gives a fixed corpus. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let rnd = mulberry32(1);
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rnd() * list.length)];
const chance = (p) => rnd() < p;
const an = (w) => (/^[aeiou]/.test(w) ? `an ${w}` : `a ${w}`);
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// ------------------------------------------------------------------ vocabulary
const words = (s) => s.trim().split(/\s+/);
const NOUNS = words(`government council minister report budget policy plan market company bank price rate
  election campaign vote party leader court judge law case police officer investigation city region village
  river bridge road station airport hospital school university student teacher doctor patient study researcher
  scientist climate storm flood drought farmer harvest crop water energy power plant factory worker union strike
  contract deal agreement treaty border army soldier ceasefire talks summit trade tariff export import economy
  growth inflation debt tax reform project programme festival museum artist film season team coach player match
  league title record fan stadium ticket network service phone software data system security attack website
  family child parent resident community neighbourhood housing rent property developer mayor governor senator
  committee inquiry hearing witness statement spokesman official agency ministry department office board director
  shareholder investor profit loss revenue sales customer product supply shortage demand fuel gas oil coal wind solar
  vaccine virus outbreak clinic treatment drug trial prize award book author novel concert audience stage
  island coast mountain forest park wildlife species bird fish ocean satellite rocket mission launch engine`);
const VERBS = words(`announced approved rejected criticised welcomed delayed launched closed opened reported
  confirmed denied warned promised expected introduced suspended cancelled extended reduced increased raised cut
  signed discussed reviewed questioned defended blocked backed joined left visited inspected described revealed
  published released recorded measured estimated predicted found showed suggested proposed planned completed
  started finished won lost beat hosted attended organised funded built repaired replaced moved sold bought
  received offered accepted demanded urged asked told informed challenged restored protected damaged`);
const ADJS = words(`new local national regional international public private small large major minor recent
  early late former current senior junior official independent strong weak long short difficult important
  significant serious final annual monthly weekly daily economic political social financial environmental
  medical legal technical digital historic rural urban northern southern eastern western central coastal
  ambitious controversial unexpected popular critical detailed modest rapid gradual careful broad narrow`);
const FIRST = words(`Anna Marco Sofia Jonas Elena Pierre Maria David Laura Tomas Nadia Omar Ines Lucas Hana
  Karim Julia Peter Clara Samuel Eva Daniel Rosa Ahmed Lena Paul Irene Victor Mira Hugo Alice Felix Nora Ivan`);
const LAST = words(`Keller Moreau Rossi Novak Silva Jensen Costa Petrov Weber Laurent Fischer Romano Dubois Kovac
  Santos Berg Meyer Bianchi Horvat Lindqvist Garcia Nowak Schmidt Ferreira Duval Marino Larsen Popescu Haddad`);
const PLACES = words(`Lisbon Vienna Oslo Porto Lyon Turin Krakow Ghent Malmo Bremen Zagreb Split Tartu Cork
  Bilbao Graz Aarhus Utrecht Bologna Seville Leipzig Brno Riga Vilnius Bergen Nantes Genoa Valencia Basel Lille`);
const ORGS = ['the central bank', 'the health ministry', 'the city council', 'the regional authority', 'the port authority',
  'the national statistics office', 'the energy regulator', 'the transport agency', 'the teachers union',
  'the chamber of commerce', 'the environmental agency', 'the football federation', 'the election commission'];
const TIMES = ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'at the weekend', 'last week',
  'earlier this month', 'this year', 'last year', 'in the spring', 'by the end of the year', 'next month', 'overnight'];

const name = () => `${pick(FIRST)} ${pick(LAST)}`;

/**
 * Invented English-looking words, so the vocabulary is large enough that two unrelated articles share
 * almost no 5-word shingle (as in real news: 99.6% of unrelated dupes-dev pairs share none). A small
 * closed vocabulary would make every pair a weak LSH candidate, which real text is not.
 */
const ONSETS = words('b c d f g h k l m n p r s t v w br cr dr fr gr pr tr st sp ch sh th pl cl bl');
const VOWELS = words('a e i o u ea ai ou io ee oa');
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'nd', 'st', 'rt', 'ng', 'ck', 'm'];
function inventWord(suffixes) {
  let w = '';
  for (let i = int(1, 2); i > 0; i--) w += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
  return w + pick(suffixes);
}
function vocabulary(real, count, suffixes) {
  const out = new Set(real);
  while (out.size < real.length + count) out.add(inventWord(suffixes));
  return [...out];
}
let BIG_NOUNS, BIG_ADJS, BIG_VERBS, ALL_WORDS;
function buildVocabulary() {
  BIG_NOUNS = vocabulary(NOUNS, 4000, ['', 'er', 'tion', 'ment', 'ness', 'ity', 'ance', 'ship']);
  BIG_ADJS = vocabulary(ADJS, 1500, ['al', 'ive', 'ous', 'ic', 'ful', 'able', 'ish']);
  BIG_VERBS = vocabulary(VERBS, 1500, ['ed', 'ised', 'ated', 'ened']);
  ALL_WORDS = [...BIG_NOUNS, ...BIG_ADJS, ...BIG_VERBS];
}
const noun = () => pick(BIG_NOUNS);
const adj = () => pick(BIG_ADJS);
const verb = () => pick(BIG_VERBS);
const plural = () => { const n = noun(); return n.endsWith('y') && !/[aeiou]y$/.test(n) ? n.slice(0, -1) + 'ies' : /(s|ch|sh)$/.test(n) ? n + 'es' : n + 's'; };
const DETS = words('the the the a this that their its our every some many several those these no another each');
const PREPS2 = words('in of for with from on at by about after before under over against between during without towards');
const AUXES = ['has', 'had', 'will have', 'would have', 'could have', 'was', 'is', 'may have', 'did not'];
const CONJS = ['and', 'but', 'while', 'because', 'although', 'as', 'so that', 'when', 'after', 'before', 'since', 'unless'];
const SAYS = ['said', 'told reporters', 'said on Monday', 'added', 'wrote in a statement', 'told the agency', 'explained', 'argued', 'insisted'];

/** A noun phrase: determiner, sometimes an adjective, a noun (from the story's topic now and then). */
const np = (topic) => {
  const n = topic && chance(0.08) ? pick(topic) : chance(0.2) ? plural() : noun();
  const d = pick(DETS);
  const a = chance(0.5) ? `${adj()} ` : '';
  return d === 'a' && /^[aeiou]/.test(a || n) ? `an ${a}${n}` : `${d} ${a}${n}`;
};
const clause = (topic) => {
  let c = `${np(topic)} ${chance(0.4) ? `${pick(AUXES)} ` : ''}${verb()} ${np(topic)}`;
  for (let k = int(0, 2); k > 0; k--) c += ` ${pick(PREPS2)} ${chance(0.2) ? pick(PLACES) : np(topic)}`;
  return c;
};

/** One sentence of one to three clauses; now and then a quotation or an attribution. */
function sentence(topic) {
  let s = clause(topic);
  for (let k = int(0, 1); k > 0; k--) s += `${chance(0.3) ? ',' : ''} ${pick(CONJS)} ${clause(topic)}`;
  switch (int(0, 9)) {
    case 0: return `\u201c${cap(s)},\u201d ${name()} ${pick(SAYS)}.`;
    case 1: return `${cap(s)}, ${name()} ${pick(SAYS)}.`;
    case 2: return `In ${pick(PLACES)}, ${s}${chance(0.3) ? ` ${pick(TIMES)}` : ''}.`;
    case 3: return `According to ${pick(ORGS)}, ${int(2, 98)} percent of ${np(topic)} ${verb()} ${np(topic)}.`;
    default: return `${cap(s)}${chance(0.3) ? ` ${pick(TIMES)}` : ''}.`;
  }
}

function paragraph(topic) {
  const n = int(2, 4);
  const out = [];
  for (let i = 0; i < n; i++) out.push(sentence(topic));
  return out.join(' ');
}

function headline(topic = [noun()]) {
  return cap(`${pick(PLACES)} ${pick(topic)} ${verb()} ${adj()} ${noun()} ${chance(0.5) ? `after ${noun()} ${pick(['row', 'vote', 'talks', 'delay', 'report'])}` : `in ${pick(PLACES)}`}`);
}

// ------------------------------------------------------------------ sites
const SECTIONS = words('Home News World Politics Business Economy Sport Culture Science Tech Health Opinion Video Weather Travel Local Lifestyle Podcasts');
const PAPERS = words('Herald Times Post Gazette Daily Observer Chronicle Tribune Courier Express Journal Record');
const MONTHS = words('January February March April May June July August September October November December');
const WIDGETS = ['Share this:', 'Click to share on Facebook (Opens in new window)', 'Click to share on Twitter (Opens in new window)',
  'Click to email this to a friend (Opens in new window)', 'Subscribe to our newsletter', 'Follow us on Twitter', 'Advertisement',
  'Print this article', 'Sign in to comment', 'Listen to this article', 'Most popular', 'Skip to main content'];

function makeSite(k) {
  const siteName = `The ${pick(PLACES)} ${pick(PAPERS)}`;
  return {
    name: siteName,
    nav: Array.from({ length: int(7, 13) }, () => pick(SECTIONS)).join(chance(0.5) ? '\u00a0\u00a0' : '    '),
    widgets: Array.from({ length: int(2, 5) }, () => pick(WIDGETS)),
    dateStyle: int(0, 2),
    publishedAfter: chance(0.2),
    teaserHeading: pick(['More stories', 'Related articles', 'You may also like', 'Most read', 'Latest news']),
    footer: [`\u00a9 ${int(2015, 2025)} ${siteName}. All rights reserved.`, ['Privacy Policy', 'Terms of Use', 'Contact us', 'About us', 'Advertise'].join('   '), `${siteName} \u2014 ${pick(ADJS)} news from ${pick(PLACES)} since ${int(1850, 1990)}`].slice(0, int(1, 3)),
    id: k,
  };
}

function dateText(site, d) {
  const [y, m, day] = d;
  if (site.dateStyle === 0) return `${MONTHS[m - 1]} ${day}, ${y}`;
  if (site.dateStyle === 1) return `${day} ${MONTHS[m - 1]} ${y}`;
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ------------------------------------------------------------------ articles and copies
function makeArticle(topic) {
  return {
    title: headline(topic),
    date: [int(2019, 2025), int(1, 12), int(1, 28)],
    paragraphs: Array.from({ length: int(4, 9) }, () => paragraph(topic)),
  };
}

const straightQuotes = (s) => s.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'");


/** A republished copy: paragraphs dropped, cut short, words changed, quote style and dateline of the new site. */
function republish(article) {
  let paras = article.paragraphs.filter((_, i) => i === 0 || !chance(0.07));
  if (chance(0.25)) paras = paras.slice(0, Math.max(2, Math.ceil(paras.length * (0.7 + 0.2 * rnd()))));
  const editRate = 0.01 + 0.02 * rnd();
  paras = paras.map((p) => p.split(' ').map((w) => (chance(editRate) ? pick(ALL_WORDS) : w)).join(' '));
  if (chance(0.5)) paras = paras.map(straightQuotes);
  if (chance(0.3)) paras[0] = `${pick(PLACES).toUpperCase()} (${pick(['AFP', 'Reuters', 'AP', 'dpa'])}) - ${paras[0]}`;
  if (chance(0.2) && paras.length > 3) {
    const i = int(0, paras.length - 2);
    paras.splice(i, 2, `${paras[i]} ${paras[i + 1]}`);
  }
  return { title: chance(0.7) ? article.title : headline(), date: article.date, paragraphs: paras };
}

/** The page around an article: navigation, headline bar, metadata lines, widgets, teasers, footer. */
function renderPage(site, article) {
  const lines = [site.nav];
  if (chance(0.8)) lines.push(Array.from({ length: int(3, 6) }, () => headline()).join('\u00a0\u00a0\u00a0'));
  lines.push('');
  const published = `Published in ${site.name} on ${dateText(site, article.date)}`;
  lines.push(article.title);
  if (!site.publishedAfter) lines.push(published);
  lines.push('');
  article.paragraphs.forEach((p, i) => {
    lines.push(p, '');
    if (i === 1 && chance(0.5)) lines.push(`Read also: ${headline()}`, '');
    if (i === 2 && chance(0.3)) lines.push(pick(site.widgets), '');
  });
  if (site.publishedAfter) lines.push(published, '');
  lines.push(...site.widgets, '');
  lines.push(site.teaserHeading);
  for (let i = int(3, 5); i > 0; i--) lines.push(`${headline()} ${sentence([noun()]).split(' ').slice(0, int(6, 10)).join(' ')}...`);
  lines.push('', ...site.footer);
  return lines.join('\n');
}

// ------------------------------------------------------------------ corpus
/** Share of documents that are republished copies of an earlier article. */
const COPY_SHARE = 0.17;
/** Copies per article at most (clusters of 2–4, as in dupes-dev). */
const MAX_COPIES = 3;
/** Recent originals a copy is drawn from: bounds memory for the 1M corpus. */
const RECENT_ORIGINALS = 4000;
/** Sites in the corpus; each document picks one. */
const SITES = 300;

export function generate({ docs, out, seed = 1 }) {
  rnd = mulberry32(seed);
  buildVocabulary();
  rmSync(out, { recursive: true, force: true });
  const docsDir = join(out, 'docs');
  mkdirSync(docsDir, { recursive: true });
  const sites = Array.from({ length: SITES }, (_, k) => makeSite(k));
  const recent = [];
  const labels = [];
  let clusterCount = 0;
  let bytes = 0;
  let files = 0;
  let storyTopic = [noun(), noun()];
  let made = 0;
  while (made < docs) {
    const inFile = chance(0.1) ? Math.min(int(2, 4), docs - made) : 1;
    const dir = String(Math.floor(files / 1000)).padStart(4, '0');
    const file = `f${String(files).padStart(7, '0')}.txt`;
    if (files % 1000 === 0) mkdirSync(join(docsDir, dir), { recursive: true });
    const rel = `${dir}/${file}`;
    const pages = [];
    for (let k = 0; k < inFile; k++) {
      let article;
      let cluster;
      const source = recent.length > 20 && chance(COPY_SHARE) ? recent[int(0, recent.length - 1)] : null;
      if (source && source.copies < MAX_COPIES) {
        source.copies++;
        article = republish(source.article);
        cluster = source.cluster;
      } else {
        // Now and then a new story: parts of one story share topic words but not text (hard negatives).
        if (chance(0.3)) storyTopic = [noun(), noun()];
        article = makeArticle(storyTopic);
        cluster = `c${clusterCount++}`;
        recent.push({ article, cluster, copies: 0 });
        if (recent.length > RECENT_ORIGINALS) recent.splice(int(0, recent.length - 1), 1);
      }
      pages.push(renderPage(pick(sites), article));
      labels.push(JSON.stringify({ id: inFile > 1 ? `${rel}#${k + 1}` : rel, cluster }));
      made++;
    }
    const text = pages.join('\nq7x2\n') + '\n';
    writeFileSync(join(docsDir, dir, file), text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  writeFileSync(join(out, 'labels.jsonl'), labels.join('\n') + '\n');
  const manifest = { docs, files, bytes, seed, generator: 1 };
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const opt = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
  const count = (s) => Number(String(s).toLowerCase().replace(/k$/, '000').replace(/m$/, '000000'));
  const started = Date.now();
  const m = generate({ docs: count(opt('--docs', '10k')), out: opt('--out', 'bench/corpora/10k'), seed: Number(opt('--seed', 1)) });
  process.stderr.write(`generated ${m.docs} docs in ${m.files} files, ${(m.bytes / 1e6).toFixed(1)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
