/**
 * The article is one stretch of the page. Body blocks joined by cheap gaps (a caption, an ad slot, an inline link
 * between paragraphs) form a stretch; an expensive gap (a menu, a link bar, the author/date/rating lines of a comment
 * thread) separates stretches. The article is the FIRST stretch holding a fair share of the page's body text:
 * pages put comments, teaser sidebars and cookie notices after the article, rarely before it.
 * Body-classified blocks outside the chosen stretch are dropped.
 */

export interface RegionOptions {
  /** Cost of any noise block inside a gap (in characters of body text). */
  noiseBlockCost: number;
  /** Extra cost per character of a noise block, so long link bars split stretches. */
  noiseCharCost: number;
  /** A gap costing more than this separates two stretches. */
  maxGapCost: number;
  /** The article is the first stretch with at least this share of the richest stretch's characters. */
  firstStretchRatio: number;
  /** Weight of stretches after a comment-section heading ("12 Comments", "Leave a reply") or directly under a
   *  list heading ("Most viewed", "Related articles"). */
  announcedWeight: number;
}

/** Measured on extract-dev (even/odd halves checked separately, see scripts/eval-clean.mjs): with comment threads
 *  detected from their author lines, firstStretchRatio 0.25-0.35 and announcedWeight 0.05-0.15 score alike
 *  (F1 0.901-0.902 on both halves), against 0.888 at the earlier 0.5 / 0.3. */
export const DEFAULT_REGION_OPTIONS: RegionOptions = {
  noiseBlockCost: 40,
  noiseCharCost: 0.5,
  maxGapCost: 300,
  firstStretchRatio: 0.35,
  announcedWeight: 0.1,
};

export interface Stretch {
  start: number;
  end: number;
  chars: number;
  /** After a comment heading, or right under a list heading. */
  announced: boolean;
  /** Cost of the noise between the previous stretch and this one. */
  gapBefore: number;
}

export interface RegionInput {
  isBody: readonly boolean[];
  chars: readonly number[];
  /** Block opens a comment section (everything after it is comments). */
  commentsHeading: readonly boolean[];
  /** Block announces a list of other articles (the stretch right after it is that list). */
  listHeading: readonly boolean[];
}

/** Stretches of body blocks joined across gaps cheaper than `maxGapCost`. */
export function bodyStretches(input: RegionInput, o: RegionOptions): Stretch[] {
  const stretches: Stretch[] = [];
  let current: Stretch | null = null;
  let gap = 0;
  let afterComments = false;
  let listAnnounced = false;
  for (let i = 0; i < input.isBody.length; i++) {
    if (input.commentsHeading[i] && current) afterComments = true;
    if (input.listHeading[i]) listAnnounced = true;
    if (!input.isBody[i]) {
      gap += o.noiseBlockCost + o.noiseCharCost * input.chars[i];
      continue;
    }
    if (current && gap <= o.maxGapCost && !listAnnounced && current.announced === afterComments) {
      current.end = i;
      current.chars += input.chars[i];
    } else {
      current = { start: i, end: i, chars: input.chars[i], announced: afterComments || listAnnounced, gapBefore: gap };
      stretches.push(current);
    }
    listAnnounced = false;
    gap = 0;
  }
  return stretches;
}

/** Flags of the blocks to keep: the body blocks of the article stretch. */
export function selectArticle(input: RegionInput, o: RegionOptions): boolean[] {
  const keep = new Array<boolean>(input.isBody.length).fill(false);
  const stretches = bodyStretches(input, o);
  if (stretches.length === 0) return keep;
  const weight = (s: Stretch) => s.chars * (s.announced ? o.announcedWeight : 1);
  const best = Math.max(...stretches.map(weight));
  const first = Math.max(0, stretches.findIndex((s) => weight(s) >= best * o.firstStretchRatio));
  // Grow the article over neighbouring stretches that bring more text than the noise crossed to reach them
  // (an article cut by a block of ads or repeated promos), as a maximum-subarray search would.
  let from = first;
  let to = first;
  while (to + 1 < stretches.length && !stretches[to + 1].announced && stretches[to + 1].chars > stretches[to + 1].gapBefore) to++;
  while (from > 0 && !stretches[from].announced && stretches[from - 1].chars > stretches[from].gapBefore) from--;
  for (let i = stretches[from].start; i <= stretches[to].end; i++) keep[i] = input.isBody[i];
  return keep;
}
