/**
 * franc-min's `franc(value, { minLength })`, same answers, ~20× faster: the profile of `corpus clean` had franc at
 * 55% of all CPU time (two calls per document). franc looks every input trigram up in every language's dictionary
 * object (≈60 languages × ≈800 trigrams of hash lookups per call); here each trigram is looked up once in one table
 * holding its rank in every language of the script, and the distances are summed in a typed array.
 *
 * Same data (franc-min's own trigram lists and script expressions), same distance (Σ |count − rank − 1|, 300 for a
 * trigram a language lacks), same tie-break (first language in data order): tests/clean/franc-fast.test.ts checks
 * equality with franc on many samples.
 *
 * Another set of models may be given for the scripts franc-min has several languages of (a `ModelSet`: the label of
 * a page is chosen among more languages than franc-min's 82, see language.ts); the script is found as franc-min finds it.
 */
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { isJsSpace } from '../text/char-classes.js';

/** franc's constants: characters read, shortest input, distance of a missing trigram. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

interface ScriptTable {
  languages: string[];
  /** Trigram (as trigramKey) → [language, rank, language, rank, …] for the languages that have it (sparse:
   *  a trigram is in a few of the script's ≈60 models on average). */
  ranks: Map<number, Int32Array>;
  /** The same trigrams interned (see internTable), or null when the script's models use too many characters. */
  interned: InternedTrigrams | null;
}

/**
 * The table's trigrams as small integers: each character of the models gets a code below ALPHABET_LIMIT, so a
 * trigram is an index into one typed array of slots (a Map lookup per input trigram was most of franc's time),
 * and each known trigram a slot whose count lives in a typed array.
 */
interface InternedTrigrams {
  /** Character (UTF-16 unit) → code, or -1 for a character in none of the script's trigrams. */
  code: Int16Array;
  /** Characters coded (the alphabet's size). */
  letters: number;
  /** (a · letters + b) · letters + c → slot of the trigram of codes a, b, c; the last slot, which no language
   *  has, when no model has it (counted like the others: a test per trigram cost more than the count). */
  slotAt: Int32Array;
  /** Slot s's [language, rank + 1, …] pairs are pairs[pairStart[s] … pairStart[s + 1]) (one flat array: no
   *  per-slot array to load in the hot loop). */
  pairStart: Int32Array;
  pairs: Int32Array;
  /** UTF-16 unit → code of what trigram cleaning makes of it (see unitCodeOf), filled on first sight. */
  unitCode: Int16Array;
  /** Counts per slot during one call; back to zero after it. */
  counts: Int32Array;
  touched: Int32Array;
}

/** Largest alphabet interned: its cube of slots takes 16 MB (franc-min's scripts use 54–94 characters, the label
 *  models' Latin 129). */
const ALPHABET_LIMIT = 160;

function internTable(ranks: Map<number, Int32Array>): InternedTrigrams | null {
  const code = new Int16Array(0x10000).fill(-1);
  let letters = 0;
  const codes: number[][] = [];
  for (const key of ranks.keys()) {
    const units = [Math.floor(key / 4294967296), Math.floor(key / 65536) % 65536, key % 65536];
    codes.push(units.map((unit) => (code[unit] >= 0 ? code[unit] : (code[unit] = letters++))));
    if (letters > ALPHABET_LIMIT) return null;
  }
  const unknown = ranks.size;
  const slotAt = new Int32Array(letters * letters * letters).fill(unknown);
  codes.forEach(([a, b, c], slot) => (slotAt[(a * letters + b) * letters + c] = slot));
  const perSlot = [...ranks.values(), new Int32Array(0)];
  const pairStart = new Int32Array(perSlot.length + 1);
  perSlot.forEach((p, slot) => (pairStart[slot + 1] = pairStart[slot] + p.length));
  const pairs = new Int32Array(pairStart[perSlot.length]);
  perSlot.forEach((p, slot) => {
    for (let j = 0; j < p.length; j += 2) {
      pairs[pairStart[slot] + j] = p[j];
      pairs[pairStart[slot] + j + 1] = p[j + 1] + 1;
    }
  });
  const slots = perSlot.length;
  const unitCode = new Int16Array(0x10000).fill(UNIT_UNSEEN);
  return { code, letters, slotAt, pairStart, pairs, unitCode, counts: new Int32Array(slots), touched: new Int32Array(slots) };
}

/** The sample's units, read by countInternedTrigrams (franc reads MAX_LENGTH at most): written as bytes, read as units.
 *  A fixed buffer of its own rather than utf16Units': a sample is never scanned twice, and copying it there would drop
 *  the page line the shared copy holds. */
const SAMPLE_BYTES = Buffer.allocUnsafeSlow(MAX_LENGTH * 2);
const SAMPLE_UNITS = new Uint16Array(SAMPLE_BYTES.buffer, SAMPLE_BYTES.byteOffset, MAX_LENGTH);

/** unitCode values besides a code ≥ 0: a unit in no trigram of the script, a unit whose lower case needs the
 *  whole string (see trigramUnitOf), not looked up yet. */
const NOT_IN_MODEL = -1;
const UNIT_COMPLEX = -2;
const UNIT_UNSEEN = -3;

/** The code of a unit once cleaned for trigrams (lower-cased; a separator is a space), or one of the markers above. */
function unitCodeOf(t: InternedTrigrams, unit: number): number {
  let v = t.unitCode[unit];
  if (v === UNIT_UNSEEN) {
    const cleaned = trigramUnitOf(unit);
    v = cleaned === SEPARATOR ? t.code[32] : cleaned === COMPLEX ? UNIT_COMPLEX : t.code[cleaned - 1];
    t.unitCode[unit] = v;
  }
  return v;
}

/**
 * Counts each known trigram of the text cleaned as cleanForTrigrams does, per slot, in `t.counts`; returns the
 * number of slots counted, listed in `t.touched`, or -1 (counts left at zero) when a unit needs the whole-string
 * path. Cleaning and counting are one pass over the text, each unit coded once (~15% less time per call than
 * cleaning into an array first, then coding each unit of three trigrams). A separator is coded as a space, and a
 * space after a space is skipped: runs collapse and both ends trim with no branch of their own (4% less time).
 */
function countInternedTrigrams(t: InternedTrigrams, value: string): number {
  // (value: MAX_LENGTH units at most, as franc cuts it)
  const { letters, counts, unitCode, slotAt } = t;
  const touchedSlots = t.touched;
  const space = t.code[32];
  if (space < 0) return -1; // (every script's models have word-edge trigrams)
  // (a franc call took 13% less time reading a copy of the sample's units than calling charCodeAt)
  const length = SAMPLE_BYTES.write(value, 0, 'utf16le') >> 1;
  const units = SAMPLE_UNITS;
  let touched = 0;
  // The two units before the next one, as codes; the text is padded with a space on each side.
  let a = NOT_IN_MODEL;
  let b = space;
  for (let i = 0; i <= length; i++) {
    let c = i < length ? unitCode[units[i]] : space;
    if (c < NOT_IN_MODEL) {
      if (c === UNIT_UNSEEN) c = unitCodeOf(t, units[i]);
      if (c === UNIT_COMPLEX) {
        for (let k = 0; k < touched; k++) counts[touchedSlots[k]] = 0;
        return -1;
      }
    }
    if (c === space && b === space) continue;
    // a unit in no model (NOT_IN_MODEL, negative) makes every trigram holding it MAX_DIFFERENCE for every language: no change
    if ((a | b | c) >= 0) {
      // counted without a branch on "first time seen", which is true for a third of a sample's trigrams in no
      // pattern a CPU can predict (franc calls took 19% less time)
      const slot = slotAt[(a * letters + b) * letters + c];
      const seen = counts[slot];
      counts[slot] = seen + 1;
      touchedSlots[touched] = slot;
      touched += (seen - 1) >>> 31; // 1 when seen is 0 (a ternary compiled to a branch)
    }
    a = b;
    b = c;
  }
  return touched;
}

/**
 * Adds the text's known trigrams to `distance` (see franc): every language having a trigram corrected by
 * |count − rank − 1| − MAX_DIFFERENCE. Returns false, `distance` untouched, when a unit needs the whole-string path.
 */
function addInternedDistances(t: InternedTrigrams, value: string, distance: Int32Array): boolean {
  const touched = countInternedTrigrams(t, value);
  if (touched < 0) return false;
  const { counts, pairStart, pairs } = t;
  for (let k = 0; k < touched; k++) {
    const slot = t.touched[k];
    const count = counts[slot];
    counts[slot] = 0;
    for (let j = pairStart[slot], end = pairStart[slot + 1]; j < end; j += 2) distance[pairs[j]] += Math.abs(count - pairs[j + 1]) - MAX_DIFFERENCE;
  }
  return true;
}

/**
 * The counts the interned path takes from a text under a script's models, by trigram (for tests: they must be
 * trigramCounts' restricted to the models' trigrams); null when that path does not read the text.
 */
export function internedTrigramCounts(value: string, script: string): Map<number, number> | null {
  const table = tableOf(script);
  const t = table?.interned;
  // (franc reads MAX_LENGTH units at most, and so does the interned path)
  if (!t || value.length > MAX_LENGTH) return null;
  const touched = countInternedTrigrams(t, value);
  if (touched < 0) return null;
  const keys = [...table.ranks.keys()];
  const counts = new Map<number, number>();
  for (let k = 0; k < touched; k++) {
    const slot = t.touched[k];
    if (slot < keys.length) counts.set(keys[slot], t.counts[slot]);
    t.counts[slot] = 0;
  }
  return counts;
}

/** Trigram models by script and language (franc's data format), named for the tables built from them. */
export interface ModelSet {
  name: string;
  data: Record<string, Record<string, string>>;
}
const FRANC_MIN: ModelSet = { name: 'franc-min', data: data as Record<string, Record<string, string>> };

/** Tables by model set and script. */
const tables = new Map<string, ScriptTable>();

/** Three UTF-16 code units as one number (< 2^48, exact in a double): numeric Map keys hash without building strings. */
function trigramKey(text: string, i: number): number {
  return text.charCodeAt(i) * 4294967296 + text.charCodeAt(i + 1) * 65536 + text.charCodeAt(i + 2);
}

function tableOf(script: string, set: ModelSet = FRANC_MIN): ScriptTable | undefined {
  const name = `${set.name}/${script}`;
  let table = tables.get(name);
  if (table) return table;
  const models = set.data[script];
  if (!models) return undefined;
  const languages = Object.keys(models);
  const dense = new Map<number, number[]>();
  languages.forEach((language, l) => {
    const model = models[language].split('|');
    const rank = new Map<number, number>();
    // franc fills its dictionary from the last trigram to the first, so a repeated trigram keeps its first rank.
    for (let weight = model.length - 1; weight >= 0; weight--) {
      if (model[weight].length === 3) rank.set(trigramKey(model[weight], 0), weight); // (all are 3 long)
    }
    for (const [key, weight] of rank) {
      const pairs = dense.get(key);
      if (pairs) pairs.push(l, weight);
      else dense.set(key, [l, weight]);
    }
  });
  const ranks = new Map<number, Int32Array>();
  for (const [key, pairs] of dense) ranks.set(key, Int32Array.from(pairs));
  table = { languages, ranks, interned: internTable(ranks) };
  tables.set(name, table);
  return table;
}

const SCRIPTS = Object.entries(expressions as Record<string, RegExp>);

/** Per BMP code unit, bit k set when SCRIPTS[k]'s expression matches the unit alone; filled on first sight. */
const scriptBits = new Uint32Array(0x10000);
const scriptKnown = new Uint8Array(0x10000);

function scriptBitsOf(unit: number): number {
  if (scriptKnown[unit]) return scriptBits[unit];
  const char = String.fromCharCode(unit);
  let bits = 0;
  SCRIPTS.forEach(([, expression], k) => {
    // Global expressions: test() moves lastIndex, so start each from 0 (String.match resets it too).
    expression.lastIndex = 0;
    if (expression.test(char)) bits |= 1 << k;
    expression.lastIndex = 0;
  });
  scriptKnown[unit] = 1;
  scriptBits[unit] = bits;
  return bits;
}

/** scriptSlot values: below SCRIPTS.length the one script a unit belongs to; then none, several, a surrogate. */
const NO_SCRIPT = SCRIPTS.length;
const SEVERAL_SCRIPTS = NO_SCRIPT + 1;
const SURROGATE = NO_SCRIPT + 2;
/** Per BMP code unit, its scriptSlot value, -1 until first seen: one lookup per unit in the common cases. */
const scriptSlot = new Int8Array(0x10000).fill(-1);

function scriptSlotOf(unit: number): number {
  let slot = scriptSlot[unit];
  if (slot < 0) {
    const bits = scriptBitsOf(unit);
    if (unit >= 0xd800 && unit <= 0xdfff) slot = SURROGATE;
    else if (bits === 0) slot = NO_SCRIPT;
    else slot = (bits & (bits - 1)) === 0 ? 31 - Math.clz32(bits) : SEVERAL_SCRIPTS;
    scriptSlot[unit] = slot;
  }
  return slot;
}

/**
 * Matches of each script expression, counted per code unit from the table instead of running twenty regular
 * expressions over the text (a fifth of language detection). The expressions match one BMP unit or one
 * surrogate pair each; a text with surrogates takes the regex path (null here), so counts are always franc's.
 */
function scriptCounts(value: string): Int32Array | null {
  const counts = new Int32Array(SEVERAL_SCRIPTS);
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const slot = scriptSlotOf(unit);
    if (slot < NO_SCRIPT) counts[slot]++;
    else if (slot === SURROGATE) return null;
    else if (slot === SEVERAL_SCRIPTS) for (let k = 0, bits = scriptBitsOf(unit); bits !== 0; k++, bits >>>= 1) if (bits & 1) counts[k]++;
  }
  return counts;
}

/** franc's script choice: the expression with the largest share of matches, first one on ties. */
export function topScript(value: string): [string | undefined, number] {
  const counts = scriptCounts(value) ?? SCRIPTS.map(([, expression]) => value.match(expression)?.length ?? 0);
  let topCount = -1;
  let top: string | undefined;
  SCRIPTS.forEach(([script], k) => {
    const count = counts[k] / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  });
  return [top, topCount];
}

/**
 * Units matching no script expression but Latin's (checked below against the expressions themselves): ASCII,
 * Latin-1, Latin Extended-A/B and Additional, general punctuation, currency signs.
 */
const LATIN_ONLY_RANGES: readonly (readonly [number, number])[] = [[0x0, 0x24f], [0x1e00, 0x1eff], [0x2000, 0x206f], [0x20a0, 0x20cf]];
/** Matches a unit outside LATIN_ONLY_RANGES; null when a unit inside them belongs to another script. */
const OUTSIDE_LATIN_ONLY = ((): RegExp | null => {
  const latin = 1 << SCRIPTS.findIndex(([script]) => script === 'Latin');
  // isPlainLatin takes an ASCII letter for a Latin match.
  for (let unit = 0x41; unit <= 0x7a; unit++) if (/[A-Za-z]/.test(String.fromCharCode(unit)) && scriptBitsOf(unit) !== latin) return null;
  for (const [from, to] of LATIN_ONLY_RANGES) for (let unit = from; unit <= to; unit++) if ((scriptBitsOf(unit) | latin) !== latin) return null;
  const hex = (unit: number): string => `\\u${unit.toString(16).padStart(4, '0')}`;
  return new RegExp(`[^${LATIN_ONLY_RANGES.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]`);
})();

/**
 * Whether franc's script is Latin without counting every script's matches (a fifth of franc's time): no unit
 * outside LATIN_ONLY_RANGES, so every other script counts 0, and an ASCII letter, so Latin counts more.
 */
const isPlainLatin = (value: string): boolean => OUTSIDE_LATIN_ONLY !== null && !OUTSIDE_LATIN_ONLY.test(value) && /[A-Za-z]/.test(value);

/** trigramUnit values besides lower case + 1: not computed yet, a separator, a unit needing the whole-string path. */
const UNSEEN = 0;
const SEPARATOR = -1;
const COMPLEX = -2;
/**
 * Per BMP unit, what trigram cleaning makes of it (filled on first sight): SEPARATOR for ASCII punctuation, digits
 * (U+0021–U+0040) and white space; COMPLEX when its lower case needs the whole string (context-dependent Σ, two
 * units long like İ, a surrogate); else its lower case + 1.
 */
const trigramUnit = new Int32Array(0x10000);

function trigramUnitOf(unit: number): number {
  let v = trigramUnit[unit];
  if (v === UNSEEN) {
    const lower = String.fromCharCode(unit).toLowerCase();
    if ((unit >= 0x21 && unit <= 0x40) || isJsSpace(unit)) v = SEPARATOR;
    else if ((unit >= 0xd800 && unit <= 0xdfff) || unit === 0x3a3 || lower.length !== 1) v = COMPLEX;
    else v = lower.charCodeAt(0) + 1;
    trigramUnit[unit] = v;
  }
  return v;
}

/**
 * trigram-utils' cleaning in one pass: ASCII punctuation and digits (U+0021–U+0040) and white space to one space,
 * trimmed, lower-cased, padded with a space each side. Null when a unit's lower case needs the whole string.
 */
function cleanForTrigrams(value: string): Uint16Array | null {
  const out = new Uint16Array(value.length + 2);
  let n = 0;
  out[n++] = 32;
  let gap = false;
  for (let i = 0; i < value.length; i++) {
    const v = trigramUnitOf(value.charCodeAt(i));
    if (v === SEPARATOR) {
      gap = n > 1;
      continue;
    }
    if (v === COMPLEX) return null;
    if (gap) out[n++] = 32;
    gap = false;
    out[n++] = v - 1;
  }
  out[n++] = 32;
  return out.subarray(0, n);
}

/** Trigram counts as trigram-utils' asDictionary: ASCII punctuation and digits to spaces, white space collapsed, lower case, padded. */
export function trigramCounts(value: string): Map<number, number> {
  const counts = new Map<number, number>();
  const units = cleanForTrigrams(value);
  if (units) {
    for (let i = 0; i + 3 <= units.length; i++) {
      const t = units[i] * 4294967296 + units[i + 1] * 65536 + units[i + 2];
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    return counts;
  }
  const cleaned = ' ' + value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase() + ' ';
  for (let i = 0; i + 3 <= cleaned.length; i++) {
    const t = trigramKey(cleaned, i);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/** The ISO 639-3 code franc would give, or 'und'; with `models`, chosen among those (franc-min's where a script has none). */
export function franc(value: string, options: { minLength?: number; models?: ModelSet } = {}): string {
  const minLength = options.minLength ?? 10;
  if (!value || value.length < minLength) return 'und';
  value = value.slice(0, MAX_LENGTH);
  // (Latin's share is not read: Latin has a table.)
  const [script, share] = isPlainLatin(value) ? ['Latin', 1] : topScript(value);
  const table = script === undefined ? undefined : options.models?.data[script] ? tableOf(script, options.models) : tableOf(script);
  if (!table) return !script || share === 0 ? 'und' : script;
  const n = table.languages.length;
  if (n === 0) return 'und';
  // Every trigram costs MAX_DIFFERENCE in a language lacking it: start there, and correct the languages that have it.
  // Integers: at most MAX_LENGTH trigrams × MAX_DIFFERENCE, far inside int32.
  const distance = new Int32Array(n);
  if (!table.interned || !addInternedDistances(table.interned, value, distance)) for (const [trigram, count] of trigramCounts(value)) {
    const pairs = table.ranks.get(trigram);
    if (!pairs) continue; // MAX_DIFFERENCE for every language: no change to the order
    for (let k = 0; k < pairs.length; k += 2) distance[pairs[k]] += Math.abs(count - pairs[k + 1] - 1) - MAX_DIFFERENCE;
  }
  let best = 0;
  for (let l = 1; l < n; l++) if (distance[l] < distance[best]) best = l;
  return table.languages[best];
}
