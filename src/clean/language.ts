/** Language of a text: franc-min trigram detection, ISO 639-3 mapped to ISO 639-1; null when unsure. */
// franc-fast: franc-min's answers at a fifth of the cost (it was 55% of clean CPU time); see franc-fast.ts.
import { data as allModels } from 'franc-all/data.js';
import { data as millionModels } from 'franc/data.js';
import { data as minModels } from 'franc-min/data.js';
import { iso6393, iso6393To1 } from 'iso-639-3';
import { franc, type ModelSet } from './franc-fast.js';
import { countLetterUnits } from './letters.js';
import { stoplist } from './stopwords.js';

/**
 * Individual languages franc's models are of, whose two-letter code is their macrolanguage's (iso-639-3 gives codes
 * of the same scope only); Norwegian Bokmål is labelled `no`, as the stoplist path labels Norwegian.
 */
const MACROLANGUAGE_CODES: Readonly<Record<string, string>> = {
  swh: 'sw', zlm: 'ms', uzn: 'uz', azj: 'az', plt: 'mg', qug: 'qu', quz: 'qu', quy: 'qu', arb: 'ar', pes: 'fa', prs: 'fa',
  pbu: 'ps', npi: 'ne', ckb: 'ku', fuv: 'ff', fuf: 'ff', als: 'sq', lvs: 'lv', ekk: 'et', khk: 'mn', ydd: 'yi', gaz: 'om',
  cmn: 'zh', nob: 'no',
};
/** The ISO 639-1 code of an ISO 639-3 one franc gives, or undefined (a language without one is left unlabelled). */
const twoLetterCode = (code: string): string | undefined => MACROLANGUAGE_CODES[code] ?? iso6393To1[code];

/** Living languages (iso-639-3's type): not Interlingua, Esperanto or Latin, which took loanword-heavy Czech. */
const LIVING = new Set(iso6393.filter((l) => l.type === 'living').map((l) => l.iso6393));
/** Living languages of a million speakers or more (franc's own set) that have no two-letter code: labelled with their
 *  three-letter one (Cebuano `ceb`, Ilocano `ilo`, Hiligaynon `hil` …) rather than left unlabelled or taken for a
 *  neighbour that has one (Cebuano for Tagalog). */
const THREE_LETTER_LABELS: ReadonlySet<string> = new Set(
  Object.values(millionModels).flatMap((models) => Object.keys(models)).filter((code) => twoLetterCode(code) === undefined && LIVING.has(code)),
);
/** The code a language is labelled with: ISO 639-1, else ISO 639-3 for THREE_LETTER_LABELS; undefined for none. */
const labelCode = (code: string): string | undefined => twoLetterCode(code) ?? (THREE_LETTER_LABELS.has(code) ? code : undefined);
/**
 * franc-all's models of every living language with a two-letter code, for the scripts franc-min has several languages
 * of (Latin, Cyrillic, Arabic, Devanagari): a body's label is chosen among them (Afrikaans, Slovenian, Macedonian,
 * Welsh, Basque … which franc-min, 82 languages of 8M speakers or more, lacks and gave as Dutch, Croatian,
 * Bulgarian, English; see bodyLanguage). Its page is still read in franc-min's guess (see pageLanguage): most of those
 * languages have no stoplist, and a page read with none lost paragraphs that a neighbour's list kept.
 */
const LABEL_MODELS: ModelSet = {
  name: 'labels',
  data: Object.fromEntries(
    Object.entries(allModels).map(([script, models]) => [script, Object.fromEntries(Object.entries(models).filter(([code]) => labelCode(code) !== undefined && LIVING.has(code)))]),
  ),
};

/** Below this many letters trigram statistics are unreliable (franc's own default minimum is 10 chars; 40 letters measured safer on dev titles). */
const MIN_LETTERS = 40;
/** Kana, CJK ideographs and Hangul: one of these carries several letters' worth of text, so a quarter of MIN_LETTERS does. */
const CJK_RE = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;
/** Sample length: franc reads at most 2048 characters anyway. */
const SAMPLE_CHARS = 2048;

/**
 * Scripts franc-min has no model for, each written (in news) in one language: its letters are counted where the
 * sample holds any. Without this a Hebrew page had no language, or a Latin-script one from its few Latin words.
 */
const SCRIPT_ONLY_LANGUAGES: ReadonlyArray<[RegExp, string]> = [
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Georgian}/gu, 'ka'],
  [/\p{Script=Armenian}/gu, 'hy'],
  [/\p{Script=Khmer}/gu, 'km'],
  [/\p{Script=Lao}/gu, 'lo'],
  // Nor has franc-all a model for Odia's script or Dhivehi's (Thaana).
  [/\p{Script=Oriya}/gu, 'or'],
  [/\p{Script=Thaana}/gu, 'dv'],
];
/** Any letter of those scripts (Armenian, Hebrew, Thaana, Oriya, Lao, Georgian, Khmer blocks): most samples hold none. */
const SCRIPT_ONLY_RE = /[\u0530-\u05ff\u0780-\u07bf\u0b00-\u0b7f\u0e80-\u0eff\u10a0-\u10ff\u1780-\u17ff\ufb13-\ufb4f]/u;

/** The language of a sample mostly in one of SCRIPT_ONLY_LANGUAGES' scripts, or null. */
function scriptOnlyLanguage(sample: string): string | null {
  if (!SCRIPT_ONLY_RE.test(sample)) return null;
  const letters = countLetterUnits(sample);
  for (const [re, code] of SCRIPT_ONLY_LANGUAGES) if ((sample.match(re)?.length ?? 0) * 2 > letters) return code === 'he' ? hebrewOrYiddish(sample) : code;
  return null;
}

/** What only Yiddish writes in the Hebrew script: the double-letter ligatures װ ױ ײ (ײַ) and the rafe over פֿ (pointed
 *  Hebrew — scripture, poetry — writes the pasekh and komets of אַ אָ too, so they prove nothing). */
const YIDDISH_MARKS_RE = /[\u05f0-\u05f2\u05bf\ufb1f]/gu;
/** Yiddish function words, pointed or not, which Hebrew does not write: and, is, of, not, has, with, also, was, are. */
const YIDDISH_WORDS: ReadonlySet<string> = new Set(['און', 'איז', 'פון', 'פֿון', 'ניט', 'נישט', 'האט', 'האָט', 'מיט', 'אויך', 'געווען', 'זענען', 'זײַנען', 'זיינען', 'דאס', 'דאָס', 'וועט', 'אויף', 'אויפֿ']);
/** Yiddish marks and words a sample needs: a Hebrew text may quote a Yiddish name or phrase. */
const MIN_YIDDISH_MARKS = 5;

/** Yiddish where the Hebrew-script sample has enough of Yiddish's own letters and words, else Hebrew. */
function hebrewOrYiddish(sample: string): string {
  const marks = sample.match(YIDDISH_MARKS_RE)?.length ?? 0;
  const words = (sample.match(/[\u05d0-\u05ea\u05b0-\u05c7\u05f0-\u05f2\ufb1d-\ufb4f]+/gu) ?? []).filter((w) => YIDDISH_WORDS.has(w)).length;
  return marks + words >= MIN_YIDDISH_MARKS ? 'yi' : 'he';
}

/** ISO 639-1 code of `text`, or null when it is too short or undetermined. */
export function detectLanguage(text: string, models?: ModelSet): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  // Letters are counted only up to the minimum, and the script looked at only below it: most samples reach it early.
  const letters = countLetterUnits(sample, MIN_LETTERS);
  if (letters < MIN_LETTERS && (letters < MIN_LETTERS / 4 || !CJK_RE.test(sample))) return null;
  const byScript = scriptOnlyLanguage(sample);
  if (byScript) return byScript;
  const code = franc(sample, { minLength: 10, models });
  const label = labelCode(code);
  if (!label) return null;
  return byOrthography(label, sample);
}

/**
 * Croatian, Bosnian and Serbian, which franc-min tells apart no better than chance (probes: 6 of 10 pages wrong), by
 * the words that differ: Serbian writes ekavian forms ("vreme", "deca", "posle"), Croatian and Bosnian ijekavian ones
 * ("vrijeme", "djeca", "poslije"); Croatian has words of its own ("tko", "tisuća", "tjedan", its month names "ožujka",
 * "travnja"), where Bosnian and Serbian share others ("hiljada", "sedmica", "porodica", "mart", "avgust"). A Cyrillic
 * text is Serbian. Decided on two marker words at least, twice as many as the other side's (between Croatian and
 * Bosnian, in an ijekavian text, one where the other has none); else the guess stands, as it does for an ijekavian
 * text with no word of either (Serbian is written ijekavian too, in Bosnia and Montenegro). Only the label: the page
 * is read as franc guessed (Croatian's stoplist or none).
 */
export function southSlavic(code: string, sample: string): string {
  if (code !== 'hr' && code !== 'bs' && code !== 'sr') return code;
  if (CYRILLIC_RE.test(sample) && countLetterUnits(sample.replace(/[^\u0400-\u04ff]/g, '')) * 2 > countLetterUnits(sample)) return 'sr';
  const count = markerCounter(sample);
  const ekavian = count(EKAVIAN);
  const ijekavian = count(IJEKAVIAN);
  if (wins(ekavian, ijekavian)) return 'sr';
  if (!wins(ijekavian, ekavian)) return code;
  const croatian = count(CROATIAN);
  const bosnian = count(BOSNIAN_SERBIAN);
  // Once the text is ijekavian, one word of its own tells Croatian from Bosnian where the other has none.
  const tells = (a: number, b: number): boolean => wins(a, b) || (a > 0 && b === 0);
  if (tells(croatian, bosnian)) return 'hr';
  if (tells(bosnian, croatian)) return 'bs';
  return code;
}
const CYRILLIC_RE = /[\u0400-\u04ff]/;
const MIN_MARKERS = 2;
/** How many of a set's marker words the sample's words hold. */
function markerCounter(sample: string): (set: ReadonlySet<string>) => number {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  return (set) => words.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0);
}
/** One side's markers tell the language: MIN_MARKERS of them at least, twice as many as the other side's. */
const wins = (a: number, b: number): boolean => a >= MIN_MARKERS && a >= 2 * b;
const EKAVIAN: ReadonlySet<string> = new Set(['vreme', 'reč', 'reči', 'reka', 'reke', 'deca', 'dece', 'deci', 'decu', 'mesto', 'mesta', 'mestu', 'pre', 'posle', 'hleb', 'lepo', 'lep', 'lepa', 'sledeći', 'sledećeg', 'sledeće', 'sledećoj', 'cene', 'cena', 'cenu', 'ceni', 'mleko', 'mleka', 'deo', 'primer', 'videti', 'verovatno', 'uvek', 'gde', 'dete', 'celu', 'cela', 'celog', 'belo', 'bela', 'beli', 'smer', 'pesma', 'pesme', 'sedište', 'sedištu']);
const IJEKAVIAN: ReadonlySet<string> = new Set(['vrijeme', 'riječ', 'riječi', 'rijeka', 'rijeke', 'djeca', 'djece', 'djeci', 'djecu', 'mjesto', 'mjesta', 'mjestu', 'prije', 'poslije', 'hljeb', 'nedjelja', 'nedjelje', 'nedjelju', 'lijepo', 'lijep', 'lijepa', 'sljedeći', 'sljedećeg', 'sljedeće', 'sljedećoj', 'svijet', 'svijeta', 'svijetu', 'cijene', 'cijena', 'cijenu', 'cijeni', 'mlijeko', 'mlijeka', 'dio', 'primjer', 'vidjeti', 'vjerojatno', 'vjerovatno', 'uvijek', 'gdje', 'dijete', 'cijelu', 'cijela', 'cijelog', 'cijeli', 'bijelo', 'bijela', 'bijeli', 'smjer', 'pjesma', 'pjesme', 'sjedište', 'sjedištu', 'tijekom', 'mjesec', 'mjeseca', 'mjeseci', 'vijesti', 'vijest', 'tjedan', 'tjedna', 'dvije', 'sjever', 'sjeverne', 'snijeg', 'vjetar', 'vjetra']);
const CROATIAN: ReadonlySet<string> = new Set(['tko', 'tisuća', 'tisuće', 'tjedan', 'tjedna', 'tjednu', 'sveučilište', 'sveučilišta', 'kazalište', 'kazališta', 'glazba', 'glazbe', 'vlak', 'vlaka', 'zrakoplov', 'zrakoplova', 'izvješće', 'obitelj', 'obitelji', 'tijekom', 'uopće', 'vjerojatno', 'gospodarstvo', 'gospodarstva', 'siječnja', 'veljače', 'ožujka', 'travnja', 'svibnja', 'lipnja', 'srpnja', 'kolovoza', 'rujna', 'listopada', 'studenoga', 'studenog', 'prosinca', 'siječanj', 'veljača', 'ožujak', 'travanj', 'svibanj', 'lipanj', 'srpanj', 'kolovoz', 'rujan', 'listopad', 'studeni', 'prosinac', 'kruh', 'kava', 'nogomet', 'nogometni', 'zaposlenika', 'zaposlenici']);
const BOSNIAN_SERBIAN: ReadonlySet<string> = new Set(['hiljada', 'hiljade', 'sedmica', 'sedmice', 'sedmicu', 'historija', 'historije', 'istorija', 'istorije', 'porodica', 'porodice', 'porodici', 'univerzitet', 'univerziteta', 'šta', 'tokom', 'uopšte', 'opština', 'opštine', 'januar', 'januara', 'februar', 'februara', 'mart', 'marta', 'juni', 'juna', 'jula', 'avgust', 'avgusta', 'septembar', 'septembra', 'oktobar', 'oktobra', 'novembar', 'novembra', 'decembar', 'decembra', 'hleb', 'hljeb', 'voz', 'voza', 'fudbal', 'fudbalski', 'pozorište', 'muzika', 'muzike', 'saobraćaj', 'kafa']);

/**
 * The language a cleaned body is labelled with: franc-min's guess, told apart by stoplists where franc-min has no
 * model (byStoplist), or where that guess is not English, the label models' answer (LABEL_MODELS). Only the label: the
 * page is still read with the stoplist franc-min's guess picks, which measured better on such pages (a Norwegian page
 * read with Norway's short list lost paragraphs that Sweden's kept).
 */
export function bodyLanguage(text: string): string | null {
  const label = bodyLabel(text);
  return label === 'ca' || label === 'oc' ? catalanOrOccitan(label, text.slice(0, SAMPLE_CHARS)) : label;
}

/**
 * Catalan and Occitan, which trigrams and Catalan's stoplist tell apart no better than chance (Occitan pages came out
 * Catalan), by the words that differ: Occitan's articles `lo`, `los`, `las`, its `e` (and), `aquò`, `èra`, `tanben`,
 * `uèi`; Catalan's `el`, `els`, `les`, `i` (and), `és`, `més`, `això`, `també`. Decided as southSlavic decides: two
 * marker words at least, twice as many as the other side's; else the label stands.
 */
export function catalanOrOccitan(code: string, sample: string): string {
  const count = markerCounter(sample);
  const occitan = count(OCCITAN);
  const catalan = count(CATALAN);
  if (wins(occitan, catalan)) return 'oc';
  if (wins(catalan, occitan)) return 'ca';
  return code;
}
const OCCITAN: ReadonlySet<string> = new Set(['lo', 'los', 'las', 'e', 'aquò', 'aquela', 'aqueste', 'òc', 'ongan', 'uèi', 'fòrça', 'quand', 'sus', 'èra', 'èran', 'tanben', 'mas', 'son', 'lor', 'pas']);
const CATALAN: ReadonlySet<string> = new Set(['el', 'els', 'les', 'i', 'és', 'més', 'això', 'també', 'però', 'aquest', 'aquesta', 'són', 'dels', 'pel', 'pels', 'seva', 'seu']);

function bodyLabel(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  // franc-min may also find no language of its own in such a text (Finnish came out undetermined).
  const guess = detectLanguage(text);
  const read = byStoplist(guess === null ? null : southSlavic(guess, sample), sample);
  // An English guess stands: none of the languages the label models add is near English, and their Latin table,
  // twice franc-min's, took cleaning 6% longer on English pages. So does a language the stoplists named over franc-min's
  // guess (Slovak, Catalan … taken for Spanish): trigrams took a Slovak page full of English names for Galician.
  if (guess === 'en' || (read !== guess && read !== null && STOPLIST_ONLY_LANGUAGES.includes(read))) return read;
  const label = detectLanguage(text, LABEL_MODELS);
  // Danish and Norwegian (Bokmål, Nynorsk): their stoplists tell them from Swedish and each other better than trigrams
  // do (a Swedish and a Norwegian page of the probes were Danish by trigrams).
  if (label === null || STOPLISTS_TELL.has(label)) return read;
  // One franc-min lacks is weighed by the stoplists as a guess is (a Slovak page full of English names came out Galician).
  return byStoplist(southSlavic(label, sample), sample, !FRANC_MIN_LABELS.has(label));
}
/** The labels franc-min's models give. */
const FRANC_MIN_LABELS = new Set(Object.values(minModels).flatMap((models) => Object.keys(models).map(twoLetterCode)));
const STOPLISTS_TELL = new Set(['da', 'no', 'nn']);

/**
 * Latin-script languages franc-min has no model for (Danish, Norwegian, Finnish, Slovak, Slovenian, Lithuanian,
 * Latvian, Catalan): their pages came out as Swedish, Czech, Portuguese or a guess. Their stopwords-iso lists tell
 * them: a text reads at 0.2–0.5 in its own language's list, and a quarter lower or more in a neighbour's (Swedish,
 * German and Dutch probe paragraphs read at most 0.7 of their own in these lists; Spanish, Portuguese, French and
 * Italian ones 0.17–0.37 in Catalan's, against 0.52–0.59 in their own). South Slavic guesses are left alone: Bosnian
 * and Croatian read densely in Slovenian's list.
 */
const STOPLIST_ONLY_LANGUAGES = ['da', 'no', 'fi', 'sk', 'sl', 'lt', 'lv', 'ca'];
/** Franc's answers the languages above were taken for, on the probes and by language family (null: none). */
const TAKEN_FOR = new Set(['sv', 'de', 'nl', 'cs', 'pl', 'ha', 'so', 'su', 'tl', 'sw', 'uz', 'ms', 'id', 'jv', 'rw', 'rn', 'ny', 'zu', 'ig', 'yo', 'mg', 'pt', 'es', 'fr', 'it']);
/** Density another list must reach, and by how much it must beat the detected language's own. */
const MIN_STOPLIST_DENSITY = 0.2;
const STOPLIST_MARGIN = 1.25;
/** Guesses whose own list reads close to the other language's on that language's text, with the margin that tells
 *  them: Catalan prose reads 1.03–1.25 times as densely in Catalan's list as in Spanish's, Spanish prose 0.47–0.67
 *  times (probes 2, 3 and 5). */
const CLOSE_NEIGHBOURS: Readonly<Record<string, number>> = { 'es>ca': 1 };
/** Density a list must reach where franc-min found no language at all (an Estonian text reads 0.22 in Finnish's). */
const MIN_UNDETERMINED_DENSITY = 0.3;
/** Density in the guessed language's list under which a text is in another language: pages in the guessed language
 *  read at 0.22 and up (dev sets, probes, reviewers' pages), Albanian in Italian's at ~0.1 (its `e` and `i`), Latvian
 *  in French's at 0.03, Estonian in Italian's and Finnish in Indonesian's at 0.00. */
const MIN_OWN_DENSITY = 0.15;
/** Words a sample needs before stopword densities are compared. */
const MIN_STOPLIST_WORDS = 20;

export function byStoplist(code: string | null, sample: string, label = false): string | null {
  // (`label`: a label models' answer that franc-min cannot give, weighed like a guess, never dropped)
  if (code !== null && !TAKEN_FOR.has(code) && !label) return code;
  const words = sampleWords(sample);
  if (!words) return code;
  const density = (lang: string): number => stoplistDensity(words, lang);
  // A guess with no stoplist to weigh it against (Hausa, Malagasy, Māori …) stands; so does none, or a three-letter
  // label, unless a list reads densely (a Slovak page full of English names came out Venetian).
  const unweighed = code === null || !stoplist(code);
  if (code !== null && unweighed && !THREE_LETTER_LABELS.has(code)) return code;
  let best = code;
  let bestDensity = 0;
  const own = unweighed ? 0 : density(code);
  for (const lang of STOPLIST_ONLY_LANGUAGES) {
    const need = unweighed ? MIN_UNDETERMINED_DENSITY : Math.max(MIN_STOPLIST_DENSITY, own * (CLOSE_NEIGHBOURS[`${code}>${lang}`] ?? STOPLIST_MARGIN));
    const d = density(lang);
    if (d >= need && d >= bestDensity) {
      best = lang;
      bestDensity = d;
    }
  }
  // A guess whose own list reads the text as no text in its language reads is no guess (Estonian taken for Italian).
  return best === code && code !== null && !label && notInLanguage(sample, code) ? null : best;
}

/**
 * Whether the sample's prose reads in the language's stoplist as no text in that language does (under MIN_OWN_DENSITY).
 * Sentences only: a page of football results or a league table in Polish reads at 0.05-0.14 in Polish's list, as
 * Albanian prose does in Italian's; with too few sentences to tell, the guess stands.
 */
function notInLanguage(sample: string, code: string): boolean {
  const prose = sample.split(/\n+/).filter((line) => SENTENCE_LINE_RE.test(line) && line.split(/\s+/).length >= SENTENCE_MIN_WORDS).join('\n');
  const words = sampleWords(prose);
  return words !== null && stoplistDensity(words, code) < MIN_OWN_DENSITY;
}
/** A line closed as a sentence is (a quotation or bracket may follow its stop), of this many words at least. */
const SENTENCE_LINE_RE = /[.!?…]["'”’»)]?\s*$/u;
const SENTENCE_MIN_WORDS = 6;

/** The sample's words, lower-cased, or null when too few to compare densities. */
function sampleWords(sample: string): string[] | null {
  const words = sample.toLowerCase().match(/\p{L}+/gu);
  return words && words.length >= MIN_STOPLIST_WORDS ? words : null;
}

/** Share of the words in the language's stoplist (0 for a language without one). */
function stoplistDensity(words: readonly string[], lang: string): number {
  const set = stoplist(lang);
  if (!set) return 0;
  let hits = 0;
  for (const w of words) if (set.has(w)) hits++;
  return hits / words.length;
}

/**
 * The language a page is read in (whose stoplist measures its blocks): franc's guess, unless the guess is one franc
 * gives for languages it has no model of and its stoplist reads the page's text as no text in that language does
 * (under MIN_OWN_DENSITY). Then the page is read in the stoplist-only language whose list reads it (see byStoplist),
 * or without a stoplist (by length and sentence punctuation, as Japanese is): read with the wrong list, every block
 * of such a page was junk, and it came out empty, or whole (menus and comments with the article) where the rescue
 * of an empty page took it.
 */
export function readingLanguage(code: string | null, sample: string): string | null {
  if (code === null || !TAKEN_FOR.has(code) || !stoplist(code)) return code;
  // (byStoplist gives the stoplist-only language that reads the text, or null: the guess is no longer an answer)
  return notInLanguage(sample, code) ? byStoplist(code, sample) : code;
}

/**
 * Guesses franc gets wrong on short or list-like text, told apart by letters only the other language writes: Russian
 * ы and э, which Bulgarian lacks; Portuguese ã, õ and ç, which Spanish lacks (the other way, a Spanish name's ñ in a
 * Portuguese sentence proves nothing). A letter is taken as evidence from two on (a quoted name has one), and only
 * when the guessed language's own are absent; where a share is given, the letters must also be that share of all.
 */
const ORTHOGRAPHY: ReadonlyArray<{ detected: readonly string[] | 'any'; other: string; otherLetters: RegExp; ownLetters: RegExp; minShare?: number }> = [
  { detected: ['bg'], other: 'ru', otherLetters: /[ыэЫЭ]/g, ownLetters: /(?!)/ },
  { detected: ['es'], other: 'pt', otherLetters: /[ãõçÃÕÇ]/g, ownLetters: /[ñÑ¿¡]/ },
  // Bulgarian's ъ and щ, which Macedonian does not write (it writes ѓ ќ ѕ љ њ џ ј instead): short Bulgarian took the
  // label models' Macedonian.
  { detected: ['mk'], other: 'bg', otherLetters: /[ъщЪЩ]/g, ownLetters: /[ѓќѕљњџјЃЌЅЉЊЏЈ]/ },
  // Icelandic þ, which Faroese does not write (both write ð): a short Icelandic page took the label models' Faroese.
  { detected: ['fo'], other: 'is', otherLetters: /[þÞ]/g, ownLetters: /(?!)/ },
  // Central Kurdish (Sorani) ڕ, ڵ and ێ, which Persian, Arabic, Urdu, Pashto, Uyghur and Sindhi do not write: franc has
  // no model of Sorani in Arabic script (franc-all's is of Latin-script text), and its pages came out Persian. Sorani
  // prose holds 4–9% of them (probe 8), a Persian text quoting a Kurdish name a few in a thousand.
  { detected: ['fa', 'ar', 'ur', 'ps', 'ug', 'sd'], other: 'ku', otherLetters: /[\u0695\u06b5\u06ce]/g, ownLetters: /(?!)/, minShare: 0.01 },
  // Esperanto's ĉ ĝ ĥ ĵ ŝ ŭ, which no other language writes (Esperanto, not a living language, has no model among the
  // labels): its pages came out Occitan, Spanish or Catalan. Its prose holds 1–3% of them.
  { detected: 'any', other: 'eo', otherLetters: /[ĉĝĥĵŝŭĈĜĤĴŜŬ]/g, ownLetters: /(?!)/, minShare: 0.005 },
];
const MIN_ORTHOGRAPHY_LETTERS = 2;

export function byOrthography(code: string, sample: string): string {
  for (const { detected, other, otherLetters, ownLetters, minShare } of ORTHOGRAPHY) {
    if (detected !== 'any' && !detected.includes(code)) continue;
    const others = sample.match(otherLetters)?.length ?? 0;
    if (others < MIN_ORTHOGRAPHY_LETTERS || ownLetters.test(sample)) continue;
    if (minShare === undefined || others >= minShare * countLetterUnits(sample)) return other;
  }
  return code;
}
