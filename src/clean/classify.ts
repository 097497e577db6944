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

/** Menu items are short bulleted lines (a dash opening a sentence is a speech turn, not a bullet). */
const BULLET_MAX_WORDS = 15;

/** Context-free class of a block that no hard signal removed. */
export function initialClass(f: BlockFeatures, t: ClassifyThresholds): BlockClass {
  // A table row is judged by the text around the table (an article's table, or a laid-out menu).
  if (f.tableRow) return 'short';
  if (f.bullet && !f.speechTurn && f.words < BULLET_MAX_WORDS) return 'bad';
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

/** Sentences in a row that make a stretch of prose however short each is: a tabloid's or a mobile page's article of
 *  one-sentence paragraphs, none long enough to be good, so that jusText's context found no good neighbour for any. */
const PROSE_RUN_MIN_SENTENCES = 4;
/** Words of the shortest sentence counted in a run ("Hon missade den." has three). */
const PROSE_SENTENCE_MIN_WORDS = 3;
/** Short lines that are no sentence (subheadings) a run may hold per sentence: a list of teasers alternates a headline
 *  and a one-sentence summary, an article's subheadings stand a few paragraphs apart. */
const PROSE_RUN_MAX_HEADINGS_PER_SENTENCE = 1 / 3;

/** A block that reads as a sentence of running text: no bullet (but a speech turn), its stop — a full stop: a question
 *  or an exclamation closes as many teaser headlines, but for a speech turn's —, as many stopwords as prose has where
 *  the language has a stoplist, and no navigation phrase. */
function isProseSentence(f: BlockFeatures, t: ClassifyThresholds): boolean {
  if ((f.bullet && !f.speechTurn) || !f.sentenceEnd || f.ellipsisEnd || f.boilerplate > 0 || f.words < PROSE_SENTENCE_MIN_WORDS) return false;
  if (f.questionEnd && !f.speechTurn) return false;
  return f.stopwordDensity === null || f.stopwordDensity >= t.stopwordsLow;
}

/**
 * Short and near-good blocks in a run of PROSE_RUN_MIN_SENTENCES sentences or more, with only a few other short lines
 * (subheadings, `labelled` lines) and noise that context looks past (`transparent`) between them, are good: the article of a page
 * written in one-sentence paragraphs. Any other block, a good one too, ends a run: next to a good paragraph, jusText's
 * context already decides, and a run going on from the article's last paragraph took the notes under it.
 */
export function promoteProseRuns(initial: readonly BlockClass[], features: readonly BlockFeatures[], transparent: readonly boolean[], t: ClassifyThresholds, labelled: (i: number) => boolean = () => false): BlockClass[] {
  const out = [...initial];
  let run: number[] = [];
  // Short lines between the run's sentences, and those after its last one (a tags line under the article) so far.
  let headings = 0;
  let pending = 0;
  const close = (): void => {
    if (run.length >= PROSE_RUN_MIN_SENTENCES && headings <= run.length * PROSE_RUN_MAX_HEADINGS_PER_SENTENCE) for (const i of run) out[i] = 'good';
    run = [];
    headings = pending = 0;
  };
  for (let i = 0; i < initial.length; i++) {
    if (transparent[i]) continue;
    const c = initial[i];
    // A line under a label ("Jim B: Finally some sense.") is a reader's comment or a speaker's turn as often as the
    // article's: it counts as a heading does.
    if ((c === 'short' || c === 'neargood') && isProseSentence(features[i], t) && !labelled(i)) {
      run.push(i);
      headings += pending;
      pending = 0;
    } else if (c !== 'short') close();
    else if (run.length > 0) pending++;
  }
  close();
  return out;
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
