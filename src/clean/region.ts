/**
 * The article is one stretch of the page. Body blocks joined by cheap gaps (a caption, an ad slot, an inline link
 * between paragraphs) form a stretch; an expensive gap (a menu, a link bar, the author/date/rating lines of a comment
 * thread) separates stretches. The article is the FIRST stretch holding a fair share of the page's body text:
 * pages put comments, teaser sidebars and cookie notices after the article, rarely before it.
 * Body-classified blocks outside the chosen stretch are dropped.
 *
 * With statistics of the run, a stretch whose text recurs in many more documents than the page's rarest stretch
 * counts for less: a sidebar of teaser paragraphs shared by a site's pages is not their article, however long.
 */
import { contentDocuments } from './stats.js';


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
  /** A stretch recurring in at least this many documents, and in `recurringFactor` times as many as the page's
   *  rarest stretch, is the site's, not the page's: it weighs `recurringWeight` (like a list under a "Related"
   *  heading). A pair of documents sharing text says nothing of whose it is, so it takes three. */
  recurringMinDocs: number;
  recurringFactor: number;
  recurringWeight: number;
  /** Stretches of at least this many characters are content candidates when finding the page's rarest one. */
  contentMinChars: number;
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
  recurringMinDocs: 3,
  recurringFactor: 2,
  recurringWeight: 0.1,
  contentMinChars: 150,
};

export interface Stretch {
  start: number;
  end: number;
  chars: number;
  /** After a comment heading, or right under a list heading. */
  announced: boolean;
  /** Cost of the noise between the previous stretch and this one. */
  gapBefore: number;
  /** How widely the stretch's text recurs in the run (contentDocuments() of its blocks; 0 without statistics). */
  docs: number;
}

export interface RegionInput {
  isBody: readonly boolean[];
  chars: readonly number[];
  /** Documents of the run holding each block's line (all 0 without statistics). */
  docs?: readonly number[];
  /** Block opens a comment section (everything after it is comments). */
  commentsHeading: readonly boolean[];
  /** Block announces a list of other articles (the stretch right after it is that list). */
  listHeading: readonly boolean[];
  /** Block is shaped like an item of such a list: a summary cut with "…" or a short headline (see teasers.ts). */
  teaserShaped?: readonly boolean[];
  /** Block is one an article holds between its paragraphs (a "Read also" link alone in its gap, a list the article
   *  introduces; see inTextGapBlocks in index.ts): the gap it stands in costs nothing more for it, so a list or a
   *  subheading next to it does not end the article. */
  inText?: readonly boolean[];
}

/** Items of a "read also" box set inside an article: a list longer than this closes the article. */
const INLINE_LIST_MAX_ITEMS = 3;
/** A list item is a headline; a bare marker ("1.", a bullet on its own line) is only the item's number. */
const LIST_ITEM_MIN_CHARS = 20;

/** Stretches of body blocks joined across gaps cheaper than `maxGapCost`. */
export function bodyStretches(input: RegionInput, o: RegionOptions): Stretch[] {
  const stretches: Stretch[] = [];
  let current: Stretch | null = null;
  let gap = 0;
  let afterComments = false;
  let listAnnounced = false;
  let listItems = 0;
  let noiseRun = 0;
  let headingAfterText = false;
  let lastBody = -1;
  let crossed = false;
  for (let i = 0; i < input.isBody.length; i++) {
    if (input.commentsHeading[i] && current) afterComments = true;
    if (input.listHeading[i]) {
      listAnnounced = true;
      listItems = 0;
      headingAfterText = noiseRun <= INLINE_LIST_MAX_ITEMS - 1;
    } else if (!input.isBody[i] && input.chars[i] >= LIST_ITEM_MIN_CHARS) listItems++;
    noiseRun = input.isBody[i] ? 0 : noiseRun + 1;
    if (!input.isBody[i]) {
      if (!input.inText?.[i]) gap += o.noiseBlockCost + o.noiseCharCost * input.chars[i];
      crossed = true;
      continue;
    }
    // A short list set inside the article (its heading at most two noise lines after the article's text; up to three
    // items, all noise, since this is the first body block after the heading: "Read also:", then two linked
    // headlines) is over: a real paragraph after it is the article resuming, not the list.
    const inlineList = headingAfterText && listItems > 0 && listItems <= INLINE_LIST_MAX_ITEMS && current !== null && !current.announced;
    if (listAnnounced && inlineList && input.teaserShaped !== undefined && !input.teaserShaped[i]) listAnnounced = false;
    // Across noise, text recurring far more widely than the text before it (a site's sidebar next to the page's
    // article) starts a stretch of its own, so the two are weighed apart.
    const docs = input.docs;
    const recurrenceBreak = docs !== undefined && crossed && lastBody >= 0 && recurrenceDiffers(docs[lastBody], docs[i], o);
    // A stretch a list heading announced goes on over teaser-shaped items only (the list's summaries cut with "…"
    // and its headlines, however widely each recurs); the first real paragraph after it is the article resuming.
    const listGoesOn = current !== null && current.announced && !afterComments && gap <= o.maxGapCost && !listAnnounced && (input.teaserShaped?.[i] ?? false);
    if (listGoesOn || (current && gap <= o.maxGapCost && !listAnnounced && current.announced === afterComments && !recurrenceBreak)) {
      current = current as Stretch;
      current.end = i;
      current.chars += input.chars[i];
    } else {
      current = { start: i, end: i, chars: input.chars[i], announced: afterComments || listAnnounced, gapBefore: gap, docs: 0 };
      stretches.push(current);
    }
    listAnnounced = false;
    gap = 0;
    crossed = false;
    lastBody = i;
  }
  const docs = input.docs;
  if (docs) {
    for (const s of stretches) {
      const body = [];
      for (let i = s.start; i <= s.end; i++) if (input.isBody[i]) body.push(i);
      s.docs = contentDocuments(body.map((i) => input.chars[i]), body.map((i) => docs[i]));
    }
  }
  return stretches;
}

/** One of two blocks recurs in recurringMinDocs documents and recurringFactor times as many as the other. */
function recurrenceDiffers(a: number, b: number, o: RegionOptions): boolean {
  return recursFarMore(Math.max(a, b), Math.min(a, b), o);
}

/** Text in `docs` documents is the site's next to text at `level`: in recurringMinDocs documents at least, and
 *  recurringFactor times as many as the other (a level under 1 counts as 1). */
export function recursFarMore(docs: number, level: number, o: RegionOptions): boolean {
  return docs >= o.recurringMinDocs && docs >= o.recurringFactor * Math.max(1, level);
}

/** Weight of each stretch for recurring more widely than the page's rarest content stretch (1 when it does not). */
function recurrenceFactors(stretches: readonly Stretch[], o: RegionOptions): number[] {
  let rarest = Infinity;
  for (const s of stretches) if (s.chars >= o.contentMinChars && s.docs > 0) rarest = Math.min(rarest, s.docs);
  return stretches.map((s) => {
    if (!Number.isFinite(rarest) || !recursFarMore(s.docs, rarest, o)) return 1;
    return o.recurringWeight;
  });
}

/** Flags of the blocks to keep: the body blocks of the article stretch. */
export function selectArticle(input: RegionInput, o: RegionOptions): boolean[] {
  const keep = new Array<boolean>(input.isBody.length).fill(false);
  const stretches = bodyStretches(input, o);
  if (stretches.length === 0) return keep;
  const factors = recurrenceFactors(stretches, o);
  const mass = stretches.map((s, k) => s.chars * factors[k]);
  const weight = (k: number) => mass[k] * (stretches[k].announced ? o.announcedWeight : 1);
  const weights = stretches.map((_, k) => weight(k));
  const best = Math.max(...weights);
  const first = Math.max(0, weights.findIndex((w) => w >= best * o.firstStretchRatio));
  // Grow the article over neighbouring stretches that bring more text than the noise crossed to reach them
  // (an article cut by a block of ads or repeated promos), as a maximum-subarray search would.
  let from = first;
  let to = first;
  while (to + 1 < stretches.length && !stretches[to + 1].announced && mass[to + 1] > stretches[to + 1].gapBefore) to++;
  while (from > 0 && !stretches[from].announced && mass[from - 1] > stretches[from].gapBefore) from--;
  for (let i = stretches[from].start; i <= stretches[to].end; i++) keep[i] = input.isBody[i];
  return keep;
}
