/**
 * jusText-style classification: each block gets good / neargood / short / bad from its own features,
 * then short and near-good blocks take the class of their context (Pomikálek 2011, ch. 3).
 */
import type { BlockFeatures } from './features.js';

export type BlockClass = 'good' | 'neargood' | 'short' | 'bad';

export interface ClassifyThresholds {
  /** Blocks shorter than this (chars) are "short": decided by context. jusText default 70. */
  lengthLow: number;
  /** Blocks longer than this with enough stopwords are "good". jusText default 200. */
  lengthHigh: number;
  /** Stopword density below this is "bad" (stopwords-iso lists are ~4x jusText's, so higher than its 0.30). */
  stopwordsLow: number;
  /** Stopword density from this is "good" when long enough. */
  stopwordsHigh: number;
}

/** Tuned on half of extract-dev, checked on the other half (see scripts/eval-clean.mjs). */
export const DEFAULT_THRESHOLDS: ClassifyThresholds = {
  lengthLow: 70,
  lengthHigh: 120,
  stopwordsLow: 0.3,
  stopwordsHigh: 0.34,
};

/** Menu items are short bulleted lines. */
const BULLET_MAX_WORDS = 15;

/** Context-free class of a block that no hard signal removed. */
export function initialClass(f: BlockFeatures, t: ClassifyThresholds): BlockClass {
  // A table row is judged by the text around the table (an article's table, or a laid-out menu).
  if (f.tableRow) return 'short';
  if (f.bullet && f.words < BULLET_MAX_WORDS) return 'bad';
  if (f.chars < t.lengthLow) return f.boilerplate > 0 ? 'bad' : 'short';
  const density = f.stopwordDensity;
  if (density === null) {
    // No stoplist for the language: length and sentence punctuation only.
    if (f.chars > t.lengthHigh && f.sentenceEnd) return 'good';
    return f.sentenceEnd ? 'neargood' : 'bad';
  }
  if (density >= t.stopwordsHigh) return f.chars > t.lengthHigh ? 'good' : 'neargood';
  if (density >= t.stopwordsLow) return 'neargood';
  return 'bad';
}

/**
 * For each block, the nearest class before (step -1) or after (step 1) it, skipping "short" blocks and,
 * when asked, "neargood" ones; document edges count as "bad". One linear pass.
 */
function neighbours(classes: readonly BlockClass[], step: 1 | -1, skipNeargood: boolean): BlockClass[] {
  const out = new Array<BlockClass>(classes.length);
  let last: BlockClass = 'bad';
  const start = step === 1 ? classes.length - 1 : 0;
  for (let i = start; i >= 0 && i < classes.length; i -= step) {
    out[i] = last;
    const c = classes[i];
    if (c !== 'short' && !(skipNeargood && c === 'neargood')) last = c;
  }
  return out;
}

/** jusText context revision: short blocks, then near-good blocks, take their neighbours' class. */
export function smoothClasses(initial: readonly BlockClass[]): Array<'good' | 'bad'> {
  const prevStrict = neighbours(initial, -1, true);
  const nextStrict = neighbours(initial, 1, true);
  const prevLoose = neighbours(initial, -1, false);
  const nextLoose = neighbours(initial, 1, false);
  const revised = [...initial];
  for (let i = 0; i < initial.length; i++) {
    if (initial[i] !== 'short') continue;
    const prev = prevStrict[i];
    const next = nextStrict[i];
    if (prev === 'good' && next === 'good') revised[i] = 'good';
    else if (prev === 'bad' && next === 'bad') revised[i] = 'bad';
    else if ((prev === 'bad' && prevLoose[i] === 'neargood') || (next === 'bad' && nextLoose[i] === 'neargood')) revised[i] = 'good';
    else revised[i] = 'bad';
  }
  const prevNear = neighbours(revised, -1, true);
  const nextNear = neighbours(revised, 1, true);
  return revised.map((c, i) => {
    if (c === 'neargood') return prevNear[i] === 'bad' && nextNear[i] === 'bad' ? 'bad' : 'good';
    return c === 'good' ? 'good' : 'bad';
  });
}
