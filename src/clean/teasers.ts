/**
 * Trailing lists of other articles: headline + summary pairs whose summaries are cut with "...", often under a
 * "Related articles" heading. Detected by shape at the end of the kept body, so any language works.
 */
import type { BlockFeatures } from './features.js';
import { TEASER_HEADING_RE } from './phrases.js';

/** A teaser headline is one short line without a closing period. */
const HEADLINE_MAX_WORDS = 25;
/** Two headline+summary pairs make a list; one pair alone may be the article's own last paragraph. */
const MIN_PAIRS = 2;

function isHeadline(f: BlockFeatures): boolean {
  return f.words > 0 && f.words <= HEADLINE_MAX_WORDS && !f.ellipsisEnd;
}

/** An item of a list of other articles: a summary cut with "…", or a headline (short, no closing sentence mark). */
export function isTeaserShaped(f: BlockFeatures): boolean {
  return f.ellipsisEnd || (isHeadline(f) && !f.sentenceEnd);
}

/**
 * Indexes (into `order`, the kept blocks in document order) where a trailing teaser list starts, or -1.
 * Walks back over (headline, summary...) pairs from the end.
 */
export function trailingTeaserStart(order: readonly number[], features: readonly BlockFeatures[], texts: readonly string[]): number {
  let k = order.length - 1;
  let pairs = 0;
  let start = -1;
  while (k >= 1) {
    const summary = features[order[k]];
    const headline = features[order[k - 1]];
    if (!summary.ellipsisEnd || !isHeadline(headline)) break;
    pairs++;
    start = k - 1;
    k -= 2;
  }
  const headingBefore = start > 0 && TEASER_HEADING_RE.test(texts[order[start - 1]]);
  if (headingBefore) start -= 1;
  return pairs >= MIN_PAIRS || (pairs >= 1 && headingBefore) ? start : -1;
}

/** Index (into `order`) of a teaser-list heading followed only by teaser-shaped blocks to the end, or -1. */
export function teaserHeadingStart(order: readonly number[], features: readonly BlockFeatures[], texts: readonly string[]): number {
  // Walk back while every block from k+1 to the end is teaser-shaped; one pass.
  for (let k = order.length - 1; k >= 1; k--) {
    if (TEASER_HEADING_RE.test(texts[order[k]]) && k < order.length - 1) return k;
    const f = features[order[k]];
    if (!(f.ellipsisEnd || isHeadline(f))) return -1;
  }
  return -1;
}
