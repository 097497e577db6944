/**
 * Date parsing for the forms news pages use: ISO, numeric day-month-year ("10 - 02 - 2025", "10.02.2025"),
 * Chinese, Japanese and Korean year-month-day ("2025年5月12日", "2025년 5월 12일"), and month names in English,
 * French, Spanish, German, Portuguese, Italian, Dutch, Swedish, Polish, Czech, Romanian, Hungarian, Russian, Ukrainian, Turkish,
 * Indonesian, Greek, Hindi, Bengali, Hebrew, Persian (Gregorian months) and Arabic script
 * (Egyptian/Gulf, Levantine and Maghrebi month names), and beside a day and a year in every language of CLDR's data.
 * Digits of any script are read. Returns `YYYY-MM-DD`, or `YYYY-MM` when no day is stated.
 */
import { CLDR_GLUED_TO_MONTH, CLDR_GLUED_TO_NUMBER, CLDR_MONTH_NAMES } from './cldr-months.js';

/** Hebrew-script cantillation marks and vowel points (and Yiddish's rafe): taken off dates and month names alike. */
const HEBREW_POINTS_RE = /[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]/g;

/** Month names (lower-case, accents kept) → month number; abbreviations included where sites use them. */
const MONTHS: ReadonlyArray<[number, string[]]> = [
  [1, ['january', 'jan', 'janvier', 'janv', 'enero', 'ene', 'januar', 'jänner', 'janeiro', 'gennaio', 'يناير', 'كانون الثاني', 'جانفي', 'ينير', 'januari', 'stycznia', 'styczeń', 'января', 'январь', 'ocak', 'ιανουαρίου', 'ιανουάριος', 'जनवरी', 'ינואר', 'בינואר', 'ianuarie', 'ledna', 'leden', 'січня', 'জানুয়ারি', 'ژانویه', 'január']],
  [2, ['february', 'feb', 'fev', 'février', 'fevrier', 'févr', 'fevr', 'febrero', 'februar', 'fevereiro', 'febbraio', 'فبراير', 'شباط', 'فيفري', 'فبراير', 'februari', 'lutego', 'luty', 'февраля', 'февраль', 'şubat', 'subat', 'φεβρουαρίου', 'φεβρουάριος', 'फरवरी', 'फ़रवरी', 'פברואר', 'בפברואר', 'februarie', 'února', 'únor', 'лютого', 'ফেব্রুয়ারি', 'فوریه', 'február']],
  [3, ['march', 'mar', 'mars', 'marzo', 'märz', 'maerz', 'março', 'marco', 'مارس', 'آذار', 'اذار', 'maart', 'maret', 'marca', 'marzec', 'марта', 'март', 'mart', 'μαρτίου', 'μάρτιος', 'मार्च', 'מרץ', 'במרץ', 'martie', 'března', 'březen', 'березня', 'মার্চ', 'március']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'أبريل', 'ابريل', 'نيسان', 'أفريل', 'افريل', 'أبريل', 'kwietnia', 'kwiecień', 'апреля', 'апрель', 'nisan', 'απριλίου', 'απρίλιος', 'अप्रैल', 'אפריל', 'באפריל', 'aprilie', 'dubna', 'duben', 'квітня', 'এপ্রিল', 'آوریل', 'április']],
  [5, ['may', 'mai', 'mayo', 'maio', 'maggio', 'مايو', 'أيار', 'ايار', 'ماي', 'mei', 'maja', 'maj', 'мая', 'май', 'mayıs', 'mayis', 'μαΐου', 'μαϊου', 'μάιος', 'मई', 'מאי', 'במאי', 'května', 'květen', 'травня', 'মে', 'május']],
  [6, ['june', 'jun', 'juin', 'junio', 'juni', 'junho', 'giugno', 'يونيو', 'يونيه', 'حزيران', 'جوان', 'يونيو', 'czerwca', 'czerwiec', 'июня', 'июнь', 'haziran', 'ιουνίου', 'ιούνιος', 'जून', 'יוני', 'ביוני', 'iunie', 'června', 'červen', 'червня', 'জুন', 'ژوئن', 'június']],
  [7, ['july', 'jul', 'juillet', 'juil', 'julio', 'juli', 'julho', 'luglio', 'يوليو', 'يوليه', 'تموز', 'جويلية', 'يوليوز', 'lipca', 'lipiec', 'июля', 'июль', 'temmuz', 'ιουλίου', 'ιούλιος', 'जुलाई', 'יולי', 'ביולי', 'iulie', 'července', 'červenec', 'липня', 'জুলাই', 'ژوئیه', 'július']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'أغسطس', 'اغسطس', 'آب', 'اب', 'أوت', 'اوت', 'غشت', 'augustus', 'agustus', 'sierpnia', 'sierpień', 'августа', 'август', 'ağustos', 'agustos', 'αυγούστου', 'αύγουστος', 'अगस्त', 'אוגוסט', 'באוגוסט', 'augusti', 'srpna', 'srpen', 'серпня', 'আগস্ট', 'augusztus']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'setembro', 'settembre', 'سبتمبر', 'أيلول', 'ايلول', 'شتنبر', 'września', 'wrzesień', 'сентября', 'сентябрь', 'eylül', 'eylul', 'σεπτεμβρίου', 'σεπτέμβριος', 'सितंबर', 'सितम्बर', 'ספטמבר', 'בספטמבר', 'septembrie', 'září', 'вересня', 'সেপ্টেম্বর', 'سپتامبر', 'szeptember']],
  [10, ['october', 'oct', 'octobre', 'octubre', 'oktober', 'okt', 'outubro', 'ottobre', 'أكتوبر', 'اكتوبر', 'تشرين الأول', 'تشرين الاول', 'أكتوبر', 'października', 'październik', 'октября', 'октябрь', 'ekim', 'οκτωβρίου', 'οκτώβριος', 'अक्टूबर', 'अक्तूबर', 'אוקטובר', 'באוקטובר', 'octombrie', 'října', 'říjen', 'жовтня', 'অক্টোবর', 'اکتبر', 'október']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'نوفمبر', 'تشرين الثاني', 'نونبر', 'listopada', 'listopad', 'ноября', 'ноябрь', 'kasım', 'kasim', 'νοεμβρίου', 'νοέμβριος', 'नवंबर', 'नवम्बर', 'נובמבר', 'בנובמבר', 'noiembrie', 'listopadu', 'листопада', 'নভেম্বর', 'نوامبر']],
  [12, ['december', 'dec', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dezember', 'dez', 'dezembro', 'dicembre', 'ديسمبر', 'كانون الأول', 'كانون الاول', 'دجنبر', 'desember', 'grudnia', 'grudzień', 'декабря', 'декабрь', 'aralık', 'aralik', 'δεκεμβρίου', 'δεκέμβριος', 'दिसंबर', 'दिसम्बर', 'דצמבר', 'בדצמבר', 'decembrie', 'prosince', 'prosinec', 'грудня', 'ডিসেম্বর', 'دسامبر']],
];
/**
 * Month names read only with a day beside them, as CLDR's names are (see NAMED_DATE_PATTERNS), that CLDR does not
 * have: Kazakh in Latin letters, Hausa and Croatian spellings, Dutch `mrt` (short names are left out of CLDR's: see
 * SHORT_LATIN_NAME_RE; alone with a year it is a metro: "Tarif MRT 2025 naik"), and the English-derived names the
 * Sinhala press writes (CLDR has the traditional ones: මැදින් for March).
 */
const DAY_MONTHS: ReadonlyArray<[number, string[]]> = [
  [1, ['qantar', 'ජනවාරි']],
  [2, ['fabrairu', 'පෙබරවාරි']],
  [3, ['mrt', 'මාර්තු']],
  [4, ['afrilu', 'අප්\u200dරේල්', 'අප්රේල්']],
  [5, ['මැයි']],
  [6, ['ජූනි']],
  [7, ['ජූලි']],
  [8, ['අගෝස්තු']],
  [9, ['සැප්තැම්බර්']],
  [10, ['ඔක්තෝබර්']],
  [11, ['studenog', 'නොවැම්බර්']],
  [12, ['දෙසැම්බර්']],
];
// NFC, as parseDate reads the text: a Devanagari nukta letter (फ़) is stored decomposed.
const names = (list: ReadonlyArray<[number, string[]]>): Array<[string, number]> => list.flatMap(([n, words]) => words.map((w) => [w.normalize('NFC'), n] as [string, number]));
const MONTH_BY_NAME = new Map<string, number>([...names(DAY_MONTHS), ...names(MONTHS)]);
/** Longest names first so "juillet" wins over "jul". */
const alternation = (words: Iterable<string>): string => [...new Set(words)].sort((a, b) => b.length - a.length).map((s) => s.replace(/\./g, '\\.')).join('|');
const MONTH_ALT = alternation(names(MONTHS).map(([w]) => w));

/** A month-name token: letters only, so "mar" never matches inside "marché". */
const M = `(${MONTH_ALT})\\.?`;
/** The same, or one of the names read only beside a day. */
const MD = `(${alternation(MONTH_BY_NAME.keys())})\\.?`;
const Y = '((?:19|20)\\d{2})';
const D = '(\\d{1,2})(?:st|nd|rd|th|er|º|°|\\.|-)?';
/** Boundaries that also work for Arabic letters (\\b is ASCII-only), and vowel signs (marks) inside Indic words. */
const L = '(?<![\\p{L}\\p{M}\\p{N}])';
const R = '(?![\\p{L}\\p{M}\\p{N}])';

const DATE_PATTERNS: ReadonlyArray<{ re: RegExp; order: 'ymd' | 'dmy' | 'mdy' | 'dMy' | 'Mdy' | 'yMd' | 'My' }> = [
  { re: new RegExp(`${L}${Y}[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)`, 'u'), order: 'ymd' },
  // Han and Hangul are letters, and a date follows them without a space ("于2025年5月12日"): only digits may not precede.
  { re: new RegExp(`(?<!\\d)${Y}\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]`, 'u'), order: 'ymd' },
  { re: new RegExp(`${L}(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*${Y}${R}`, 'u'), order: 'dmy' },
  { re: new RegExp(`${L}${D}\\s*(?:de\\s+|d['’])?${MD}\\s*(?:de\\s+|del\\s+)?,?\\s*${Y}${R}`, 'iu'), order: 'dMy' },
  { re: new RegExp(`${L}${MD}\\s+${D},?\\s+${Y}${R}`, 'iu'), order: 'Mdy' },
  // Hungarian puts the year first: "2025. február 6."
  { re: new RegExp(`${L}${Y}\\.\\s*${M}\\s+(\\d{1,2})\\.?${R}`, 'iu'), order: 'yMd' },
  { re: new RegExp(`${L}${M}\\s*(?:de\\s+)?,?\\s*${Y}${R}`, 'iu'), order: 'My' },
  { re: new RegExp(`${L}${Y}-(\\d{2})${R}(?!-\\d)`, 'u'), order: 'ymd' },
];

/** Decimal digits of any script (Arabic-Indic, Devanagari, Gurmukhi, Thai, Myanmar …) → ASCII. */
function asciiDigits(s: string): string {
  return s.replace(NON_ASCII_DIGIT_RE, (c) => String(digitValue(c.codePointAt(0)!)));
}
const NON_ASCII_DIGIT_RE = /(?![0-9])\p{Nd}/gu;
const DIGIT_RE = /^\p{Nd}$/u;

/** A decimal digit's value: Unicode lays out every script's digits as runs of ten from zero, so it is the digit's
 *  place in its run of digits, modulo ten. */
function digitValue(code: number): number {
  let place = 0;
  while (place < 100 && DIGIT_RE.test(String.fromCodePoint(code - place - 1))) place++;
  return place % 10;
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function format(year: number, month: number, day: number | null): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return null;
  const ym = `${year}-${String(month).padStart(2, '0')}`;
  if (day === null) return ym;
  return isValidDay(year, month, day) ? `${ym}-${String(day).padStart(2, '0')}` : null;
}

/** Numeric day-first order unless the first number cannot be a month-day pair that way (US "02/28/2025"). */
function numericDmy(a: number, b: number, year: number): string | null {
  return format(year, b, a) ?? format(year, a, b);
}

/** Four digits of any script in a row: every date pattern holds a year of four ((19|20)\d{2}, a Buddhist era's 25\d{2},
 *  a Solar Hijri 1[34]\d{2}), so a line without them is no date ("12 comments", "10:45"). */
const YEAR_DIGITS_RE = /\p{Nd}{4}/u;

/** First date found in `text`, or null. */
export function parseDate(text: string): string | null {
  return findDate(text)?.date ?? null;
}

/** The first date of the text and the text around it (NFC, ASCII digits), or null. */
function findDate(text: string): { date: string; rest: string } | null {
  // Most lines asked (short ones, menus) hold no year: they skip normalising and six expressions (2% of cleaning).
  if (!YEAR_DIGITS_RE.test(text)) return null;
  // (Myanmar's little section mark is its comma: "၂၀၂၅ ခုနှစ်၊ မတ်လ ၁၈ ရက်")
  // (Hebrew-script points taken off: Yiddish prints its month names pointed, "אָקטאָבער", the lists hold them bare)
  const s = asciiDigits(text.normalize('NFC')).replace(/[\u00a0\u202f\u104a]/g, ' ').replace(HEBREW_POINTS_RE, '');
  const found = (m: RegExpExecArray, date: string | null, within = s): { date: string; rest: string } | null =>
    date === null ? null : { date, rest: within.slice(0, m.index) + ' ' + within.slice(m.index + m[0].length) };
  for (const { re, order } of DATE_PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    // An impossible date ("30 February") is rejected outright, not re-read as its month alone.
    return found(m, fromMatch(m, order));
  }
  // (what a language glues to the day and the year is taken off first: "2025eko martxoaren 14a" reads as "2025
  // martxoaren 14")
  const unglued = s.replace(GLUED_TO_NUMBER_RE, '');
  const named = findNamedDate(unglued);
  if (named) return found(named.match, named.date, unglued);
  // Persian written with the Arabic yeh and kaf (ي ك), as some sites and keyboards do; only text in Arabic script
  // is looked at (most lines with a digit and no date are not).
  if (!ARABIC_SCRIPT_RE.test(s)) return null;
  const solar = SOLAR_HIJRI_RE.exec(s.replace(/ي/g, 'ی').replace(/ك/g, 'ک'));
  return solar ? found(solar, fromSolarHijri(Number(solar[3]), SOLAR_HIJRI_MONTHS.indexOf(solar[2]) + 1, Number(solar[1]))) : null;
}

/**
 * The date of a line that is a date line: its date, and besides it a time, a weekday, a cue or a byline's name, no
 * more than DATE_LINE_OTHER_WORDS words ("Updated 12 March 2025, 16:10", "Imechapishwa: Jumatano, Aprili 23, 2025 saa
 * 11:40 asubuhi", "Von Tim Scholz | 18.11.2024, 11:47 Uhr"); a headline or a programme line holding a date says more
 * ("Tume yatangaza tarehe ya Uchaguzi Mkuu wa Oktoba 29, 2025", "Petak, 13. lipnja 2025. – Otvorenje festivala na Trgu").
 */
export function dateLineDate(text: string): string | null {
  // (asked of most short lines of a page; the expressions below all need a year)
  if (!YEAR_DIGITS_RE.test(text)) return null;
  // A dateline's label says what the date is, whatever follows it (" date 2020-04 Penghinaan terhadap …").
  const dateline = splitDateline(text);
  if (dateline) return dateline.date;
  const found = findDate(text);
  if (!found) return null;
  // A second date (the "Updated …" half) is no other word either.
  let rest = found.rest;
  for (let more = findDate(rest), n = 0; more && n < 2; more = findDate(rest), n++) rest = more.rest;
  const others = (rest.replace(H_TIME_RE, ' ').match(OTHER_WORD_RE) ?? []).filter((w) => !TIME_WORD_RE.test(w)).length;
  if (others <= DATE_LINE_OTHER_WORDS) return found.date;
  // A header laid out in pieces ("Peter Hudák     15. marca 2025 o 10:24     Čítanie na 4 min"): a piece of it.
  const pieces = text.split(PIECE_SEPARATOR_RE);
  return pieces.length > 1 ? pieces.map(dateLineDate).find((d) => d !== null) ?? null : null;
}
/** Between the pieces of a laid-out line: a run of spaces, an ideographic space (Chinese and Japanese lay a header's
 *  pieces out with one: "2025-03-18 08:45　来源：…　作者：…"), a bar or a middle dot. */
export const PIECE_SEPARATOR_RE = /\s{2,}|\u3000|\s[|·•]\s/u;
const DATE_LINE_OTHER_WORDS = 4;
/** A word besides the date: letters (digits do not count). */
const OTHER_WORD_RE = /\p{L}[\p{L}\p{M}'’.-]*/gu;
/** A time of day written with an "h" between hours and minutes ("às 9h45", "à 18h04", "a las 13h20"): no word. */
const H_TIME_RE = /(?<!\p{L})\d{1,2}h\d{2}(?!\p{L})/gu;
/** Words of a time of day, not counted: am/pm and a time zone's capitals ("4:38 PM EDT", "09:15 WIB"). */
const TIME_WORD_RE = /^(?:[aApP]\.?[mM]\.?|\p{Lu}{2,4})$/u;

const ARABIC_SCRIPT_RE = /[\u0600-\u06ff]/u;
/** The Solar Hijri months, in which Iranian and Afghan sites date their pages ("۲۵ اردیبهشت ۱۴۰۳"). */
const SOLAR_HIJRI_MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
/** Day, month name, year of the 14th or 15th century of that calendar (1300–1499, i.e. 1921–2121). */
const SOLAR_HIJRI_RE = new RegExp(`${L}(\\d{1,2})\\s+(${SOLAR_HIJRI_MONTHS.join('|')})\\s+(1[34]\\d{2})${R}`, 'u');
/** ICU's Persian calendar: the conversion is checked against it, so an impossible day is rejected. */
const PERSIAN_CALENDAR = new Intl.DateTimeFormat('en-US-u-ca-persian', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
const DAY_MS = 86_400_000;

/** The Gregorian date of a Solar Hijri one: its year starts at the March equinox (19–22 March of year + 621), months
 *  1–6 have 31 days and 7–12 have 30 (29 in a common year's last). */
function fromSolarHijri(year: number, month: number, day: number): string | null {
  if (month < 1 || day < 1 || day > 31) return null;
  const dayOfYear = (month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1;
  for (let march = 19; march <= 22; march++) {
    const date = new Date(Date.UTC(year + 621, 2, march) + dayOfYear * DAY_MS);
    const parts = PERSIAN_CALENDAR.formatToParts(date);
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    if (part('year') === year && part('month') === month && part('day') === day) {
      return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    }
  }
  return null;
}

function fromMatch(m: RegExpExecArray, order: string): string | null {
  const n = (i: number) => Number(m[i]);
  const month = (i: number) => MONTH_BY_NAME.get(m[i].toLowerCase().replace(/\.$/, '')) ?? 0;
  switch (order) {
    case 'ymd': return m[3] === undefined ? format(n(1), n(2), null) : format(n(1), n(2), n(3));
    case 'dmy': return numericDmy(n(1), n(2), n(3));
    case 'dMy': return format(n(3), month(2), n(1));
    case 'Mdy': return format(n(3), month(1), n(2));
    case 'yMd': return format(n(1), month(2), n(3));
    case 'My': return format(n(2), month(1), null);
    default: return null;
  }
}

/** CLDR names pages use as other words beside a number: Danish "marts" ("Ireland's top 10 marts 2024"), Hausa
 *  "Maris" (a surname: "2. Maris 1961"). */
const NOT_READ_AS_MONTHS = new Set(['marts', 'maris']);
/** A CLDR name of three Latin letters or fewer is a word somewhere beside a number and a year ("Top 5 Mac 2025 deals":
 *  Malay March; Breton "du", November): only the lists above read such names. */
const SHORT_LATIN_NAME_RE = /^[a-z\u00c0-\u024f]{1,3}$/u;
/** Every language's month names (CLDR), the lists above first where a name is in both. */
const ANY_MONTH_BY_NAME = new Map<string, number>(MONTH_BY_NAME);
CLDR_MONTH_NAMES.forEach((names, i) => {
  // (Yiddish's are partly pointed, "סעפּטעמבער": read as the text is, its points taken off)
  for (const name of names.replace(HEBREW_POINTS_RE, '').split('|')) {
    if (!ANY_MONTH_BY_NAME.has(name) && !NOT_READ_AS_MONTHS.has(name) && !SHORT_LATIN_NAME_RE.test(name)) ANY_MONTH_BY_NAME.set(name, i + 1);
  }
});
/** Words a month name comes with in CLDR's dates ("12 de març del 2025", "12 ta’ Marzu 2025", "2025 m. kovo 12 d."),
 *  and beyond CLDR's formats as news writes dates: Burmese "year" after the year ("၂၀၂၅ ခုနှစ် မတ်လ ၁၈ ရက်"). */
const DATE_CONNECTORS = new Set(['de', 'del', 'di', 'da', 'do', 'of', 'the', 'ta’', 'm', 'g', 'gada', 'оны', 'ခုနှစ်']);
/** What CLDR's dates glue to a month name, and what news writing glues beyond them: Burmese "month" ("မတ်လ"). */
const GLUED_TO_MONTH: readonly string[] = [...CLDR_GLUED_TO_MONTH, 'လ'];

/** A year, or one of the Buddhist era (Thai pages: "23 ม.ค. 2568" is 23 January 2025), which a Thai month name makes 543
 *  years later than the Gregorian. */
const Y_OR_BE = '((?:19|20|25)\\d{2})';
const BUDDHIST_ERA_OFFSET = 543;
const THAI_RE = /\p{Script=Thai}/u;
/** A word of a named date: letters with their marks and joiners (Sinhala අප්‍රේල් holds a zero-width joiner), an
 *  abbreviation's dot, an apostrophe. */
const WORD = "\\p{L}[\\p{L}\\p{M}\\u200d’'.]*";
/**
 * Dates with a month name of any language, tried when no pattern above reads the text: the words between a day
 * and a year (dMy), before a day and a year (Mdy), or between a year and a day (yMd) hold a month name and
 * connectors only (findNamedDate).
 */
const NAMED_DATE_PATTERNS: ReadonlyArray<{ re: RegExp; order: 'dMy' | 'Mdy' | 'yMd' }> = [
  { re: new RegExp(`${L}(\\d{1,2})[.-]?\\s*((?:${WORD}\\s+){0,3}${WORD})\\s*[,،]?\\s*${Y_OR_BE}${R}`, 'gu'), order: 'dMy' },
  { re: new RegExp(`${L}((?:${WORD}\\s+){0,2}${WORD})\\s+(\\d{1,2})[.,،]?\\s*[,،]?\\s*${Y_OR_BE}${R}`, 'gu'), order: 'Mdy' },
  { re: new RegExp(`${L}${Y_OR_BE}\\.?\\s*((?:${WORD}\\s+){0,2}${WORD})\\s+(\\d{1,2})${R}`, 'gu'), order: 'yMd' },
];

/** Letters CLDR's dates glue to a day or a year (Basque "2025eko … 14a", Sorani "١٤ی", Kurmanji "14ê"), right after
 *  its digits and ending the word. */
const GLUED_TO_NUMBER_RE = new RegExp(`(?<=\\d)(?:${alternation(CLDR_GLUED_TO_NUMBER)})${R}`, 'gu');
/** A month name with what CLDR's dates glue to it (Basque "martxoaren", Sorani "ئازاری"): the name, or the word. */
function monthWord(word: string): string {
  if (ANY_MONTH_BY_NAME.has(word)) return word;
  for (const glued of GLUED_TO_MONTH) {
    if (word.length > glued.length && word.endsWith(glued) && ANY_MONTH_BY_NAME.has(word.slice(0, -glued.length))) return word.slice(0, -glued.length);
  }
  return word;
}

/** The month of words that are a month name and connectors, or 0. Before a day (Mdy), words ahead of the name are
 *  the text before the date ("Published Maarso 12, 2025"): only the name's end must touch the day. */
function monthOfWords(text: string, before: boolean): number {
  // (CLDR writes the apostrophe ’, pages often ')
  const words = text.toLowerCase().replace(/'/gu, '’').split(/\s+/u).map((w) => monthWord(w.replace(/\.$/u, '')));
  for (let from = 0; from < words.length; from++) {
    for (let to = words.length; to > from; to--) {
      const month = ANY_MONTH_BY_NAME.get(words.slice(from, to).join(' '));
      if (month === undefined) continue;
      const others = before ? words.slice(to) : [...words.slice(0, from), ...words.slice(to)];
      if (others.every((w) => DATE_CONNECTORS.has(w))) return month;
    }
  }
  return 0;
}

/** "Year" in Turkic dates, which write the year first, that word after it, then the day and the month (Kyrgyz
 *  "2025-жылдын 21-марты", Kazakh "2025 жылғы 21 наурыз", Uzbek "2025-yil 21-mart", Uyghur "2025-يىلى 14-مارت"). */
const YEAR_WORD_HINT_RE = /жыл|yil|yıl|ýyl|йил|يىل/u;
const YEAR_WORDS = new Set(['жылы', 'жылдын', 'жылдың', 'жылғы', 'жыл', 'yil', 'yili', 'yılı', 'ýylyň', 'йил', 'йили', 'يىلى']);
const TURKIC_DATE_RE = new RegExp(`${L}${Y_OR_BE}\\s*-?\\s*(${WORD})\\s+(\\d{1,2})\\s*-?\\s*(${WORD})${R}`, 'gu');
/** A possessive ending Kyrgyz and Uzbek glue to the month ("марты", "марти"). */
const POSSESSIVE_RE = /(?:ы|и|ı|i)$/u;

/** The first Turkic date (see YEAR_WORDS) in `s`, or null. */
function findTurkicDate(s: string): { match: RegExpExecArray; date: string } | null {
  TURKIC_DATE_RE.lastIndex = 0;
  for (let m = TURKIC_DATE_RE.exec(s); m; m = TURKIC_DATE_RE.exec(s)) {
    if (!YEAR_WORDS.has(m[2].toLowerCase())) continue;
    const word = m[4].toLowerCase();
    const month = monthOfWords(word, false) || monthOfWords(word.replace(POSSESSIVE_RE, ''), false);
    const date = month ? format(Number(m[1]), month, Number(m[3])) : null;
    if (date) return { match: m, date };
  }
  return null;
}

/** The first date of NAMED_DATE_PATTERNS in `s` (NFC, ASCII digits) and its match, or null. */
function findNamedDate(s: string): { match: RegExpExecArray; date: string } | null {
  const turkic = YEAR_WORD_HINT_RE.test(s) ? findTurkicDate(s) : null;
  if (turkic) return turkic;
  for (const { re, order } of NAMED_DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const [day, month, year] = order === 'dMy' ? [m[1], monthOfWords(m[2], false), m[3]] : order === 'Mdy' ? [m[2], monthOfWords(m[1], true), m[3]] : [m[3], monthOfWords(m[2], false), m[1]];
      const words = order === 'Mdy' ? m[1] : m[2];
      const era = Number(year) >= 2500 && THAI_RE.test(words) ? BUDDHIST_ERA_OFFSET : 0;
      const date = month ? format(Number(year) - era, month, Number(day)) : null;
      if (date) return { match: m, date };
      re.lastIndex = m.index + 1; // a later date may start inside this match
    }
  }
  return null;
}

/** Day, month and two-digit year ("13.05.25"), read only after a publication cue: elsewhere it may be anything. */
const SHORT_YEAR_PIVOT = 69;
const SHORT_YEAR_RE = /(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{2})(?![\d.])/u;

/** The first date in `text`, also written with a two-digit year of this century: for what follows a publication cue. */
export function parsePublicationDate(text: string): string | null {
  const full = parseDate(text);
  if (full) return full;
  const m = SHORT_YEAR_RE.exec(asciiDigits(text));
  // The POSIX pivot: 69-99 are the 1900s, 00-68 the 2000s (a page's date is never in a far future).
  return m ? numericDmy(Number(m[1]), Number(m[2]), (Number(m[3]) >= SHORT_YEAR_PIVOT ? 1900 : 2000) + Number(m[3])) : null;
}

/** Dateline at the very start of a body paragraph: " date 2025-02 ", "10 février 2025 - ". */
const DATELINE_RE = new RegExp(`^\\s*(?:date|dated|fecha|datum|التاريخ)\\s*:?\\s+((?:19|20)\\d{2}-\\d{2}(?:-\\d{2})?)\\s+`, 'iu');

/** Splits a leading dateline off a paragraph: the date and the rest, or null. */
export function splitDateline(line: string): { date: string; rest: string } | null {
  const m = DATELINE_RE.exec(line);
  if (!m) return null;
  const date = parseDate(m[1]);
  return date ? { date, rest: line.slice(m[0].length) } : null;
}
