/**
 * The cleaning core: `cleanDocument(text, stats, options)` keeps the article body of a page dump and reads the
 * metadata the page states. Pure: no I/O, no global state besides lazily loaded stoplists.
 */
import type { CleanResult, NoiseBlock } from '../types.js';
import { splitBlocks, type Block } from './blocks.js';
import { computeFeatures, PHRASE_MAX_WORDS, tableRows, words, type BlockFeatures } from './features.js';
import { asTableRow, blockFacts } from './block-facts.js';
import { CREDITED_CAPTION_MAX_WORDS, hardNoiseReason, isByline, isCookieNotice, isOneOffCookieNotice, isTemplate, speaksOfCookies, opensWithBylineCue, SHAPE_REASONS, SITE_LABEL_MIN_DOCS } from './signals.js';
import { DEFAULT_THRESHOLDS, initialClass, promoteProseRuns, smoothClasses, type BlockClass, type ClassifyThresholds } from './classify.js';
import { DEFAULT_REGION_OPTIONS, recursFarMore, selectArticle, type RegionOptions } from './region.js';
import { isTeaserShaped, trailingTeaserStart, teaserHeadingStart } from './teasers.js';
import { bodyLanguage, detectLanguage, readingLanguage } from './language.js';
import { topScript } from './franc-fast.js';
import { isRuleLine } from './unwrap.js';
import { dateLineDate, parseDate, PIECE_SEPARATOR_RE, splitDateline } from './dates.js';
import { authorNoteName, COMMENTS_HEADING_RE, endsWithPhotographer, isCaptionText, isCommentAuthorLine, isShareButton, isShareLine, isShareServiceName, READING_TIME_RE, TEASER_HEADING_RE } from './phrases.js';
import { holdsPublicationCue, publicationCueAt, isCounterLine, isCreditsLine, isMenuLine, isTitleShaped, parsePublishedLine, siteNameLine, splitTitleSite, type PublishedLine } from './metadata.js';
import { contentDocuments, documentsWithKey, labelKeyHash, TEMPLATE_MAX_WORDS, type CorpusStats } from './stats.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';

export { createCorpusStats, addToCorpusStats, type CorpusStats } from './stats.js';
export { parseDate, splitDateline } from './dates.js';
export { detectLanguage } from './language.js';

export interface CleanOptions {
  /** A short line found in at least this many documents of the run is template (seeds: 3 of 5 share widgets). */
  minTemplateDocs?: number;
  /** How body stretches are formed and the article stretch chosen (see region.ts). */
  region?: Partial<RegionOptions>;
  /** Re-admit blocks that only lacked text mass (short, low stopword density) when they sit inside the article. */
  fillArticleGaps?: boolean;
  /** jusText thresholds. */
  thresholds?: Partial<ClassifyThresholds>;
}

/** Two documents sharing a short line is already rare for body text (measured on dupes-dev). */
const DEFAULT_MIN_TEMPLATE_DOCS = 2;
/** Characters of the longest blocks used to guess the language before classification. */
const LANGUAGE_SAMPLE_CHARS = 2000;

interface Judged {
  block: Block;
  features: Readonly<BlockFeatures>;
  /** Documents of the run holding this block's line (0 without statistics). */
  docs: number;
  /** Documents of the run holding a line opened by this block's label ("Read also:"; 0 without one, see labelKeyHash). */
  labelDocs: number;
  /** Hash of the block's template key, -1 when too long to be template (see templateKeyHash). */
  templateKey: number;
  /** Why the block is noise; null while it is body. */
  reason: string | null;
  /** Enough stopwords to be body beside body (jusText's near-good), whatever its neighbours made of it. */
  nearGood?: boolean;
  /** A share bar, or one of a run of share buttons a line each (see isShare; unset until asked). */
  share?: boolean;
}

/** What the page states of itself, as it is read. */
interface PageMeta {
  title: string | null;
  site: string | null;
  date: string | null;
  /** A converter's header above the page (see front-matter.ts). */
  front: FrontMatter | null;
}

export function cleanDocument(text: string, stats: CorpusStats | null, options: CleanOptions = {}): CleanResult {
  const meta: PageMeta = { title: null, site: null, date: null, front: null };
  const judged = judgeHardSignals(text, stats, options, meta);
  const scale = classifyByContext(judged, { ...DEFAULT_THRESHOLDS, ...options.thresholds });
  keepArticleStretch(judged, { ...DEFAULT_REGION_OPTIONS, ...options.region }, options.fillArticleGaps ?? true, scale < 1);
  keepAnnouncedLists(judged);
  dropTrailingTeasers(judged);
  dropAuthorNote(judged);
  cutAtPaywall(judged);
  if (stats) rescueEmptyBody(judged, { ...DEFAULT_REGION_OPTIONS, ...options.region }, options.minTemplateDocs ?? DEFAULT_MIN_TEMPLATE_DOCS);
  readTrailingSiteName(judged, meta);
  const dateline = stripDateline(judged);
  if (dateline && !meta.date) meta.date = dateline;
  // A title from a publication line is the page's word for it; one found by looking above the article is checked.
  let first = judged.findIndex((j) => j.reason === null);
  if (!meta.title) {
    const found = titleBeforeBody(judged, first);
    // Where the body's first block may be its headline, the lede is the paragraphs under it.
    const head = headlineAtHeadOfBody(judged, first);
    meta.title = headlineOfLede(judged, first, found, head?.article ?? first);
    // No heading above shares a word with the lede, and none was found or only a line of the site's was (a section's
    // label, a share bar's, which recur on its other pages): the headline is the body's first block. A short or punny
    // headline of the page's own, sharing no word, stands.
    if (head && (meta.title === null || isSitesLine(judged, first, meta.title)) && (found === null || isSitesLine(judged, first, found))) {
      meta.title = judged[head.head].block.text;
      judged[head.head].reason = 'title';
      for (const j of head.between) j.reason = 'header';
      first = head.article;
    }
    meta.title ??= found;
  }
  if (!meta.date && meta.title) meta.date = dateUnderHeadline(judged, first, meta.title);
  if (!meta.date && first >= 0) meta.date = ledeDatelineDate(judged[first].block.text);
  if (meta.title) meta.title = bodyText(withWrappedTail(judged, meta.title));
  // A converter's header states the page's title and date from its HTML head: they win over what the text shows
  // (the headline found above has been taken out of the body all the same).
  if (meta.front) {
    meta.title = meta.front.title ?? meta.title;
    meta.date = meta.front.date ?? meta.date;
    meta.site = meta.front.site ?? meta.site;
  }
  if (meta.title) {
    const split = splitTitleSite(meta.title);
    if (split.site && !meta.site) meta.site = split.site;
    if (split.site && meta.front?.title) meta.title = split.title;
  }

  const body = judged.filter((j) => j.reason === null).map((j) => bodyText(j.block.text));
  const bodyJoined = body.join('\n\n');
  const noise: NoiseBlock[] = judged.filter((j) => j.reason !== null).map((j) => ({ text: j.block.text, reason: j.reason as string }));
  return { text: bodyJoined, title: meta.title, site: meta.site, date: meta.date, lang: bodyLanguage(bodyJoined), noise };
}

/**
 * An image's alternative text on a line of its own, and right under it the same text closed by its credit ("… el pasado
 * jueves." then "… el pasado jueves. MÒNICA TORRES", "… Selasa (4/3/2025)" then "… (4/3/2025) (WARTANUSA.COM/RINA
 * KARTIKA)"): a dump prints an image's alt text and its caption, and both are the caption. An article does not set
 * a line and then the same line with a few words more.
 */
function markTwinCaptions(judged: Judged[]): void {
  for (let i = 0; i + 1 < judged.length; i++) {
    const [alt, caption] = [judged[i], judged[i + 1]];
    if (caption.block.blankBefore > 0 || alt.features.words < TWIN_CAPTION_MIN_WORDS || alt.features.words > CREDITED_CAPTION_MAX_WORDS) continue;
    const text = alt.block.text.trim();
    const full = caption.block.text.trim();
    if (!full.startsWith(text) || full.length === text.length) continue;
    const credit = full.slice(text.length).trim();
    // (a credit set off from the caption: a space, then a few words in brackets, or in capitals after the caption's
    // full stop; a headline cut from its lede's first words goes on in lower case, a product's name in capitals with
    // no stop before them: "Galaxy S25 Ultra" then "Galaxy S25 Ultra 5G")
    if (!/^\s/u.test(full.slice(text.length)) || wordCount(credit) > TWIN_CAPTION_CREDIT_MAX_WORDS) continue;
    if (!BRACKETED_CREDIT_RE.test(credit) && !(CAPITALS_CREDIT_RE.test(credit) && CAPTION_STOP_RE.test(text))) continue;
    alt.reason ??= 'caption';
    caption.reason ??= 'caption';
  }
}
/** Words of the alternative text at least (a one- or two-word line repeated with more is a label over its line); at
 *  most, a credited caption's (CREDITED_CAPTION_MAX_WORDS). */
const TWIN_CAPTION_MIN_WORDS = 4;
/** Words of the credit closing the caption: an agency, a photographer, "(foto Vigili del fuoco)". */
const TWIN_CAPTION_CREDIT_MAX_WORDS = 6;
/** A credit in brackets ("(foto Vigili del fuoco)", "(WARTANUSA.COM/RINA KARTIKA)")… */
const BRACKETED_CREDIT_RE = /^[([].*[)\]]$/u;
/** …or in capitals only ("MÒNICA TORRES", "REUTERS"; "REUTERS / Ann Lee" is not), after a caption closed by its stop. */
const CAPITALS_CREDIT_RE = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
const CAPTION_STOP_RE = /[.!?)]["'”’»]*$/u;

/** A label opening this many lines of one page is the page's own structure, whatever other pages do: a transcript's
 *  speakers ("PRICE: …"), an interview's, a programme's. */
const PAGE_LABEL_MAX_LINES = 3;

/** Documents of the run with lines under each block's label (see labelKeyHash), 0 for a label of the page's own
 *  structure or none. */
function labelDocuments(blocks: readonly Block[], stats: CorpusStats): number[] {
  const labels = blocks.map((block) => labelKeyHash(block.text));
  const onPage = new Map<number, number>();
  for (const l of labels) if (l >= 0) onPage.set(l, (onPage.get(l) ?? 0) + 1);
  return labels.map((l) => (l >= 0 && onPage.get(l)! < PAGE_LABEL_MAX_LINES ? documentsWithKey(stats, l) : 0));
}

/** The page's blocks with their features, the hard signals marked and what publication lines state read into `meta`. */
function judgeHardSignals(text: string, stats: CorpusStats | null, options: CleanOptions, meta: PageMeta): Judged[] {
  const blocks = splitBlocks(text);
  const pageLang = pageLanguage(blocks);
  const tables = tableRows(blocks);
  const labelDocs = stats ? labelDocuments(blocks, stats) : null;
  const judged: Judged[] = blocks.map((block, i) => {
    const { features, keys, docs } = blockFacts(block, pageLang, stats);
    return { block, features: tables[i] ? asTableRow(features) : features, docs, labelDocs: labelDocs?.[i] ?? 0, templateKey: keys.template, reason: null };
  });
  meta.front = markFrontMatter(judged);
  const published = markPublishedLines(judged);
  const contentDocs = markHardNoise(judged, options.minTemplateDocs ?? DEFAULT_MIN_TEMPLATE_DOCS);
  markPullQuotes(judged);
  markTwinCaptions(judged);
  keepIntroducedPrices(judged);
  readPublishedLines(judged, published, contentDocs, meta);
  return judged;
}

/** Prices a sentence introduces ("The cheapest dozen we found was:", then "$4.99 at Walmart" …) are its list, not a
 *  shop's links under a product. */
function keepIntroducedPrices(judged: Judged[]): void {
  // (the line over a run of prices is read only where there is one: this runs on every page)
  let over: Judged | undefined;
  for (const j of judged) {
    if (j.reason !== 'shop-link') over = j;
    else if (over !== undefined && INTRODUCES_RE.test(over.block.text)) j.reason = null;
  }
}
const INTRODUCES_RE = /:\s*$/u;

/** A pull quote opens with a quotation mark. */
const PULL_QUOTE_OPEN_RE = /^["“„«‘»]/u;
/** Columns a pull quote without quotation marks stands in from the paragraphs' margin at least (w3m sets a block
 *  quote in by four). */
const PULL_QUOTE_MIN_INDENT = 2;
/** Quotation marks, spaces and closing punctuation around a pull quote's words. */
const PULL_QUOTE_TRIM_RE = /^["“„«‘»\s]+|["”»’«\s.,;:!?…]+$/gu;
/** A pull quote is a sentence or two; its words, trimmed, must be long enough not to recur by chance. */
const PULL_QUOTE_MAX_WORDS = 40;
const PULL_QUOTE_MIN_CHARS = 24;
/** The paragraph a pull quote repeats: within this many blocks of it, this many words at least (a headline quoting a
 *  paragraph is shorter), and this much longer than the quote (a one-sentence paragraph that is a quote stands). */
const PULL_QUOTE_REACH = 20;
const PULL_QUOTE_SOURCE_MIN_WORDS = 20;
const PULL_QUOTE_SOURCE_RATIO = 1.5;

/**
 * Pull quotes: a quotation set apart in large type, repeating words the article prints in one of its paragraphs
 * (magazines' long reads). A quoted line whose words stand inside a longer block of the same page is one; the
 * article keeps the paragraph and drops the repeat.
 */
function markPullQuotes(judged: Judged[]): void {
  let page: string | null = null;
  const starts: number[] = [];
  const blockAt = (at: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // A block quote of one line: a poem's or a letter's lines set in stand in a run (a line of it may be quoted again).
  const standsAlone = (i: number): boolean => judged[i - 1]?.block.indent !== judged[i].block.indent && judged[i + 1]?.block.indent !== judged[i].block.indent;
  // The paragraphs' margin: a pull quote the dump tool set in as a block quote stands further in (w3m, lynx).
  let margin = Infinity;
  for (const j of judged) if (j.features.words >= PULL_QUOTE_SOURCE_MIN_WORDS) margin = Math.min(margin, j.block.indent);
  judged.forEach((j, i) => {
    const text = j.block.text;
    if (j.reason !== null || j.features.words > PULL_QUOTE_MAX_WORDS) return;
    if (!PULL_QUOTE_OPEN_RE.test(text) && !(j.block.indent >= margin + PULL_QUOTE_MIN_INDENT && standsAlone(i))) return;
    // In lower case: the quote may start with a capital where the paragraph runs on ("… that when a place like this goes").
    const words = text.replace(PULL_QUOTE_TRIM_RE, '').toLowerCase();
    if (words.length < PULL_QUOTE_MIN_CHARS) return;
    if (page === null) {
      const lower = judged.map((b) => b.block.text.toLowerCase());
      let offset = 0;
      for (const b of lower) {
        starts.push(offset);
        offset += b.length + 1;
      }
      page = lower.join('\n');
    }
    for (let at = page.indexOf(words); at >= 0; at = page.indexOf(words, at + 1)) {
      const k = blockAt(at);
      // A paragraph of the article near the quote: not a headline quoting it, nor a reader's comment far below.
      const quoted = judged[k];
      if (k !== i && Math.abs(k - i) <= PULL_QUOTE_REACH && quoted.features.words >= PULL_QUOTE_SOURCE_MIN_WORDS && quoted.block.text.length >= text.length * PULL_QUOTE_SOURCE_RATIO) {
        j.reason = 'pull-quote';
        return;
      }
    }
  });
}

/**
 * The factor this page's stopword thresholds are scaled by (see scaledThresholds): how sparse its language's prose
 * reads. Cleaning a clean body again gives the same text when it is read the same way, in the same language and at the
 * same scale (a body left with fewer long sentences may be read at another).
 */
export function stopwordScale(text: string, stats: CorpusStats | null, options: CleanOptions = {}): number {
  return densityScale(judgeHardSignals(text, stats, options, { title: null, site: null, date: null, front: null }), { ...DEFAULT_THRESHOLDS, ...options.thresholds });
}

/** The language a page is read in (stoplists, features) before its blocks are judged: that of its longest blocks. */
export function pageLanguage(blocks: readonly Block[]): string | null {
  const sample = longestBlocksSample(blocks);
  return readingLanguage(detectLanguage(sample), sample);
}

/** Longest blocks first, up to the sample size: body paragraphs dominate, menus do not. */
function longestBlocksSample(blocks: readonly Block[]): string {
  const sorted = [...blocks].sort((a, b) => b.text.length - a.text.length);
  const parts: string[] = [];
  let size = 0;
  for (const b of sorted) {
    if (size >= LANGUAGE_SAMPLE_CHARS) break;
    parts.push(b.text);
    size += b.text.length;
  }
  return parts.join('\n');
}

/** Lines of a converter's header the front matter may take (trafilatura's dozen fields, lists of tags). */
const FRONT_MATTER_MAX_LINES = 64;

/** The converter's header at the top of the page (see front-matter.ts), its lines marked. */
function markFrontMatter(judged: Judged[]): FrontMatter | null {
  const front = readFrontMatter(judged.slice(0, FRONT_MATTER_MAX_LINES).map((j) => j.block.text));
  for (let i = 0; i < (front?.blocks ?? 0); i++) judged[i].reason = 'front-matter';
  return front;
}

/** "Published in <site> on <date>" lines: marked as such; returns each one's index and what it states. */
function markPublishedLines(judged: Judged[]): Array<{ index: number; published: PublishedLine }> {
  const found: Array<{ index: number; published: PublishedLine }> = [];
  judged.forEach((j, index) => {
    if (j.reason === 'front-matter') return;
    const published = parsePublishedLine(j.block.text, j.features.words);
    if (!published) return;
    j.reason = 'published-line';
    found.push({ index, published });
  });
  return found;
}

/** Lines in at least this many documents, more than the page's own text, are the template's: a pair of pages
 *  sharing a line (two copies of an article) cannot say whose it is. */
const TEMPLATE_LINE_MIN_DOCS = 3;

/**
 * The first publication line that is the page's own gives the date and site; the title is the line just before
 * it. A publication line below the page's own text and sitting in the template (it and the lines on both sides
 * recur more widely than the page's text: the publication line of the page a template was cut
 * from, in its footer) states another article's date. The line alone cannot tell: its digits are folded when
 * lines are counted, so a site's publication lines all recur; and one above the article is taken as the page's.
 */
function readPublishedLines(judged: Judged[], found: ReadonlyArray<{ index: number; published: PublishedLine }>, contentDocs: number, meta: { title: string | null; site: string | null; date: string | null }): void {
  const recurs = (i: number) => i < 0 || i >= judged.length || (judged[i].docs >= TEMPLATE_LINE_MIN_DOCS && judged[i].docs > contentDocs);
  // The page's own text starts at its first content block recurring no more widely than the page does (a menu laid
  // out as text is not one, however few pages of the run share it).
  const ownStart = judged.findIndex((j) => j.reason === null && j.features.words >= CONTENT_MIN_WORDS && j.docs <= contentDocs && !isMenuLine(j.block.text));
  const inTemplate = (i: number) => ownStart >= 0 && i > ownStart && recurs(i) && recurs(i - 1) && recurs(i + 1);
  const own = found.find(({ index }) => !inTemplate(index));
  if (!own) return;
  meta.date = own.published.date;
  meta.site = own.published.site;
  const headline = (j: Judged | undefined): boolean =>
    !!j && j.reason !== 'published-line' && !HEADING_BLOCKERS.has(j.reason as string) && j.features.barPieces < 3 && !isShare(judged, j) && isTitleShaped(j.block.text, j.features.words);
  let at = own.index - 1;
  // A byline ("By Ann Lee", "Av Erik Lindqvist") and a standfirst sentence may stand between headline and publication line.
  const byline = (j: Judged | undefined): boolean => !!j && (j.reason === 'byline' || isByline(j.block.text, j.features) || isNameAndPlace(j.block.text));
  // The author's role or outlet under the byline ("City government reporter", "Riverton Ledger").
  const role = (j: Judged | undefined): boolean => !!j && j.features.words <= BYLINE_ROLE_MAX_WORDS && !j.features.sentenceEnd;
  // A reading time or a counter under the byline (reader view's "2–3 minutes", "Views: 1,204").
  if (judged[at] && isReadingTimeOrCount(judged[at])) at--;
  // The author's address under the byline ("ann.lee@daily.example", a markdown mailto link).
  if (judged[at] && judged[at].features.words <= ADDRESS_MAX_WORDS && ADDRESS_ONLY_RE.test(judged[at].block.text)) at--;
  if (role(judged[at]) && !byline(judged[at]) && byline(judged[at - 1])) at--;
  if (byline(judged[at])) at--;
  // (a standfirst closes with its stop, or runs past a headline's length without one)
  const standfirst = (j: Judged | undefined): boolean => !!j && j.reason === null && (j.features.sentenceEnd || j.features.words > TITLE_MAX_WORDS_SHORT) && j.features.words > BYLINE_NAME_MAX_WORDS;
  if (byline(judged[at + 1]) && standfirst(judged[at]) && headline(judged[at - 1]) && !judged[at - 1].features.sentenceEnd) at--;
  // A name alone between the headline and the publication line ("Anna Cole", no "By") is the byline: a few capitalised
  // words, none of them a stopword where the language has a stoplist (a Title Case headline has some), under a longer
  // headline that is not a sentence. A script without capitals (Hebrew, Devanagari) cannot show a name, and there the
  // short line's place under a longer headline says it.
  const nameAlone = (j: Judged): boolean => {
    const f = j.features;
    if (f.sentenceEnd || (f.stopwordDensity ?? 0) > 0) return false;
    if (CASELESS_RE.test(j.block.text)) return f.words <= BYLINE_CASELESS_MAX_WORDS;
    return f.words >= 2 && nameShaped(j);
  };
  let prev = judged[at];
  // An outlet or a role under the byline's name ("Riverton Ledger", "Health correspondent"), and the name: short lines
  // the headline stands above.
  // Taken only when a longer headline is reached: a short headline under the masthead ("Starmer Visits Kyiv" under
  // "Riverton Ledger") stays the title.
  if (prev && weakHeading(prev)) {
    for (let up = at - 1; up >= 0 && up >= at - 2; up--) {
      const j = judged[up];
      // The byline's name above its role ("By Ann Lee", then "Education reporter").
      if (byline(j)) continue;
      if (headline(j) && !weakHeading(j) && j.features.words > prev.features.words) {
        at = up;
        prev = j;
        break;
      }
      if (!nameAlone(j) && !weakHeading(j)) break;
    }
  }
  // A deck under the headline, at the top of the page's text: a paragraph above a publication line further down is none.
  const textAbove = (end: number): boolean => judged.some((j, k) => k < end && j.reason === null && j.features.words > TITLE_MAX_WORDS_SHORT);
  if (prev && judged[at - 1] && headline(judged[at - 1]) && isDeckUnder(prev, judged[at - 1]) && !textAbove(at - 1)) prev = judged[--at];
  const above = judged[at - 1];
  if (prev && nameAlone(prev) && headline(above) && above.features.words > prev.features.words && !above.block.text.endsWith('.')) {
    prev.reason = 'byline';
    prev = above;
  }
  // Some sites put the publication line above the headline ("Publié le …", then the headline, then the lede).
  const next = judged[own.index + 1];
  const below = own.index < ownStart && next?.reason === null && headline(next) && !next.features.sentenceEnd ? next : null;
  // A publication line closing the article ("Published: 21 March 2025" under its last paragraph) has a sentence
  // of the page's text above it, not a headline.
  const closing = prev !== undefined && prev.features.sentenceEnd && textAbove(at);
  // A section label above the publication line ("FAITS DIVERS") gives way to the headline below it.
  const title = headline(prev) && !closing && !(below && weakHeading(prev)) ? prev : below;
  if (title) {
    meta.title = title.block.text;
    title.reason = 'title';
  }
}

/**
 * A deck under its headline (the line above it): a standfirst longer than a headline is, closed by its full stop or
 * longer still, and half as long again as the headline-shaped line above it, which is no sentence and no kicker. A
 * headline of two short sentences under a teaser is no deck, nor a long headline under a kicker or a tagline.
 */
function isDeckUnder(deck: Judged, over: Judged): boolean {
  const words = deck.features.words;
  const above = over.features;
  const deckShaped = deck.features.sentenceEnd || words >= DECK_UNCLOSED_MIN_WORDS;
  return deckShaped && words > TITLE_MAX_WORDS_SHORT && words <= STANDFIRST_MAX_WORDS && !weakHeading(over) && !above.sentenceEnd && above.words >= DECK_HEADLINE_MIN_WORDS && words >= DECK_MIN_RATIO * above.words;
}
/** Words of a headline taken over the deck under it: a kicker or a tagline above a long headline is shorter ("Royal
 *  Family news and latest updates", "Elecciones generales del 23 de julio", "Independent journalism for the Ashe
 *  Valley since 1887"). */
const DECK_HEADLINE_MIN_WORDS = 9;
/** Words of a deck without its full stop: a long headline is shorter (a tabloid's run to 19–21). */
const DECK_UNCLOSED_MIN_WORDS = 22;
/** A deck is this many times as long as its headline, at least: it runs well past the headline it sums up. */
const DECK_MIN_RATIO = 1.5;
/** A line that is an address and nothing more: an e-mail or a web address, bare or as a markdown link. */
const ADDRESS_ONLY_RE = /^\s*(?:\[[^\]]*\]\((?:mailto:|https?:\/\/)[^)]*\)|\S+@\S+\.\p{L}{2,}|https?:\/\/\S+)\s*$/u;
const ADDRESS_MAX_WORDS = 12;
/** Words of an author's role or outlet on the line under the byline. */
const BYLINE_ROLE_MAX_WORDS = 5;
/** A byline that is a name alone: first and last name, perhaps a middle one. */
const BYLINE_NAME_MAX_WORDS = 3;
/** In a script without capitals, a name and a place ("राहुल शर्मा, नई दिल्ली"). */
const BYLINE_CASELESS_MAX_WORDS = 4;
/** Letters, none of them cased. */
const CASELESS_RE = /^(?=.*\p{L})[^\p{Lu}\p{Ll}\p{Lt}]*$/u;
/** Words that each start with a capital ("Anna Cole", "Jean-Luc Dupont", "Mary O'Neil"). */
const NAME_RE = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*$/u;
/** A byline of a name and the place it was filed from, without a cue: "Álvaro Sanz | Salamanca", "Ann Lee · London". */
const NAME_AND_PLACE_RE = /^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3} [|·] \p{Lu}[\p{L}'’.-]+(?: \p{Lu}?[\p{L}'’.-]+){0,2}$/u;
const isNameAndPlace = (text: string): boolean => NAME_AND_PLACE_RE.test(text);

/** Shaped like a name: a few capitalised words, none of them a stopword where the language has a stoplist. */
function nameShaped(j: Judged): boolean {
  return j.features.words <= BYLINE_NAME_MAX_WORDS && (j.features.stopwordDensity ?? 0) === 0 && NAME_RE.test(j.block.text);
}

/** Blocks of this many words count towards a document's content when measuring how widely it recurs (labels
 *  and menu items do not). */
const CONTENT_MIN_WORDS = 5;

/**
 * Hard signals in two passes: the shape and phrase signals first; then how widely the remaining text recurs in
 * the run (contentDocuments) sets the bar for the run-template signal, so a republished article's lines are not
 * taken for template while a sidebar shared by many pages is. Returns that recurrence level.
 */
function markHardNoise(judged: Judged[], minTemplateDocs: number): number {
  // Line key hashes: a 32-bit collision within one page is as unlikely as it is harmless (one line marked repeated).
  const seen = new Set<number>();
  const docs = judged.map((j) => j.docs);
  const reasons = judged.map((j, i) => {
    // Only lines short enough to be chrome are compared (REPEAT_MAX_WORDS ≤ TEMPLATE_MAX_WORDS).
    const key = j.templateKey;
    const seenBefore = key >= 0 && seen.has(key);
    if (key >= 0) seen.add(key);
    if (j.reason) return j.reason;
    return hardNoiseReason(j.block, j.features, { documentsWithLine: docs[i], labelDocuments: j.labelDocs, contentDocuments: Infinity, neighbourDocuments: 0, seenBefore, minTemplateDocs });
  });
  // A line under a site's label still counts as the page's text here, as it did before labels were counted: a
  // republished article's level must not move with the teasers around it.
  const isContent = judged.map((j, i) => (reasons[i] === null || reasons[i] === 'site-label') && j.features.words >= CONTENT_MIN_WORDS);
  const content = judged.flatMap((_, i) => (isContent[i] ? [i] : []));
  const contentDocs = contentDocuments(content.map((i) => judged[i].features.chars), content.map((i) => docs[i]));
  const before = nearestContentDocs(docs, isContent, 1);
  const after = nearestContentDocs(docs, isContent, -1);
  // The span of the page's own text: its content that recurs no more widely than the page's level.
  const own = content.filter((i) => docs[i] <= contentDocs);
  judged.forEach((j, i) => {
    const reason = reasons[i];
    const ctx = { documentsWithLine: docs[i], labelDocuments: j.labelDocs, contentDocuments: contentDocs, neighbourDocuments: Math.max(before[i], after[i]), seenBefore: false, minTemplateDocs };
    const insideOwnText = own.length > 0 && i > own[0] && i < own[own.length - 1];
    j.reason = reason !== null && (j.reason !== null || SHAPE_REASONS.has(reason)) ? reason : isTemplate(j.features, ctx) ? 'template' : isCookieNotice(j.block.text, j.features, ctx, insideOwnText) ? 'cookie-notice' : reason;
  });
  // A consent notice shown on this page alone recurs nowhere: it is known by standing first, before any sentence of the
  // page's text (a welcome line or a headline may stand above it), and by being the only paragraph of the page that
  // speaks of cookies (an article about them speaks of them again; its buttons may too).
  const head = content.find((i) => judged[i].features.sentenceEnd);
  if (head !== undefined && reasons[head] === null && judged[head].reason === null && isOneOffCookieNotice(judged[head].block.text, judged[head].features) && content.some((i) => i > head) && !content.some((i) => i !== head && judged[i].features.sentenceEnd && speaksOfCookies(judged[i].block.text))) judged[head].reason = 'cookie-notice';
  return contentDocs;
}

/** For each block, the document count of the nearest content block before it (step 1) or after it (step -1). */
function nearestContentDocs(docs: readonly number[], isContent: readonly boolean[], step: 1 | -1): number[] {
  const out = new Array<number>(docs.length).fill(0);
  let last = 0;
  for (let k = 0; k < docs.length; k++) {
    const i = step === 1 ? k : docs.length - 1 - k;
    out[i] = last;
    if (isContent[i]) last = docs[i];
  }
  return out;
}

/** Classifies the blocks no hard signal took; returns the scale the page's stopword thresholds were taken at. */
function classifyByContext(judged: Judged[], thresholds: ClassifyThresholds): number {
  const scale = densityScale(judged, thresholds);
  const scaled = scaledThresholds(thresholds, scale);
  // An ad slot's label stands between two paragraphs of the article: it is looked past, as a short line is.
  // A "Read also" link over a headline heads a list of teasers (a sidebar's), not a paragraph of the article resuming.
  const transparent = judged.map((j, i) => isInTextNoise(j) && !(j.reason === 'related-link' && headsTeasers(judged, i)));
  const classes = judged.map((j, i): BlockClass => (transparent[i] ? 'short' : j.reason || isLinkSummary(judged, i) ? 'bad' : initialClass(j.features, scaled)));
  // A listicle's numbered heading is a subheading, not a menu's item: it is judged by context, as a short line is.
  numberedSections(judged).forEach((heading, i) => {
    if (heading && classes[i] === 'bad' && !judged[i].reason) classes[i] = 'short';
  });
  // (asked only of the sentences a run would count, so most lines' labels are never looked for)
  const labelled = (i: number): boolean => labelKeyHash(judged[i].block.text) >= 0;
  const initial = promoteProseRuns(classes, judged.map((j) => j.features), transparent, scaled, labelled);
  const smoothed = smoothClasses(initial);
  judged.forEach((j, i) => {
    if (!j.reason && smoothed[i] === 'bad') j.reason = initial[i] === 'short' ? 'short' : 'low-text';
    j.nearGood = initial[i] === 'neargood';
  });
  return scale;
}

/** A numbered line's number ("1. ", "12) "). */
const ITEM_NUMBER_RE = /^\s*(\d{1,3})[.)]\s/u;

/** The numbered headings of a listicle ("1. Stoneware pasta bowls", its paragraph, then "2. …"): numbered
 *  lines in order with prose between each and the next. A menu's or a "Most read" box's items stand one under another. */
function numberedSections(judged: readonly Judged[]): boolean[] {
  const out = judged.map(() => false);
  let last = -1;
  let lastNumber = 0;
  let prose = false;
  judged.forEach((j, i) => {
    const m = ITEM_NUMBER_RE.exec(j.block.text);
    if (m === null) {
      prose ||= j.reason === null && j.features.sentenceEnd && !j.features.bullet;
      return;
    }
    if (last >= 0 && prose && Number(m[1]) === lastNumber + 1) out[last] = out[i] = true;
    [last, lastNumber, prose] = [i, Number(m[1]), false];
  });
  return out;
}

/** Whether the block after block `i` is a headline over a sentence (a teaser's pair): a short line (no paragraph's
 *  length: a quotation closing with a mark not read as a sentence's end is no headline) ending no sentence. */
function headsTeasers(judged: readonly Judged[], i: number): boolean {
  const next = judged[i + 1];
  const after = judged[i + 2];
  if (next === undefined || after === undefined || next.reason || after.reason) return false;
  return next.features.chars < DEFAULT_THRESHOLDS.lengthLow && isTeaserShaped(next.features) && after.features.sentenceEnd;
}

/** The summary of the article a "Read also" link names, under it: cut with an ellipsis, or a short line between two
 *  such links (a box of links with their summaries; a paragraph there is the article's, as where a page sets its links
 *  between paragraphs). The link is looked past, its summary is not the article's. */
function isLinkSummary(judged: readonly Judged[], i: number): boolean {
  if (i === 0 || judged[i - 1].reason !== 'related-link') return false;
  const f = judged[i].features;
  return f.ellipsisEnd || (f.chars < DEFAULT_THRESHOLDS.lengthLow && judged[i + 1]?.reason === 'related-link');
}

/** Stopword density of running prose in a language whose stoplist covers as much of it as English's does: the
 *  thresholds were tuned on such text. */
const REFERENCE_PROSE_DENSITY = 0.4;
/** Long sentences the page must have before their density is taken for its language's. */
const MIN_PROSE_BLOCKS = 3;
/** Lowest scale: prose that reads sparser still is in another language than the stoplist's (a German article on a
 *  page read as English from its English sidebar; an English page read as German from a currency ticker). Lowered
 *  thresholds then let the other language's junk through while its article still fails; unscaled, the article of
 *  such a page is left to the rescue of an empty page, which finds it. Catalan and Urdu prose reads at 0.14–0.2 in its
 *  own list: at 0.5, the page was left unscaled and the rescue took its menus with it (probe 5: 44 noise lines of 116). */
const MIN_DENSITY_SCALE = 0.35;

/**
 * The stopword thresholds for this page's language. Stoplists cover running text unevenly: a language without
 * articles (Russian, Polish) or with a stoplist of phrases (Vietnamese) reads at a density of 0.2–0.3 where English
 * reads at 0.5 (languages that glue function words to others go without a stoplist: see stopwords.ts), and its article's paragraphs fell under
 * thresholds tuned on English. The page's own long sentences measure its language: where their median density is
 * below the reference, both thresholds are lowered in proportion to the density a third of the way up from the
 * sparsest (never raised, and never below MIN_DENSITY_SCALE): a sparse language's short paragraphs vary widely around its median.
 */
function scaledThresholds(thresholds: ClassifyThresholds, scale: number): ClassifyThresholds {
  return scale === 1 ? thresholds : { ...thresholds, stopwordsLow: thresholds.stopwordsLow * scale, stopwordsHigh: thresholds.stopwordsHigh * scale };
}

/** The scale for the page's stopword thresholds: 1 where the median density of its long sentences reaches the
 *  reference or reads as another language (under MIN_DENSITY_SCALE of it); else the density of the sparsest third
 *  against the reference, from MIN_DENSITY_SCALE to 1. */
function densityScale(judged: readonly Judged[], thresholds: ClassifyThresholds): number {
  const densities: number[] = [];
  for (const { reason, features: f } of judged) {
    // A cookie notice is written in the page's language too.
    if ((!reason || reason === 'cookie-notice') && f.stopwordDensity !== null && f.sentenceEnd && f.chars >= thresholds.lengthHigh) densities.push(f.stopwordDensity);
  }
  if (densities.length < MIN_PROSE_BLOCKS) return 1;
  densities.sort((a, b) => a - b);
  const typical = densities[densities.length >> 1] / REFERENCE_PROSE_DENSITY;
  if (typical < MIN_DENSITY_SCALE || typical >= 1) return 1;
  const sparse = densities[Math.floor(densities.length / 3)] / REFERENCE_PROSE_DENSITY;
  return Math.min(1, Math.max(MIN_DENSITY_SCALE, sparse));
}

/** A comment-count heading may quote the article's title ("34 responses to “<title>”"). */
const COUNTED_HEADING_MAX_WORDS = 30;
/** Author lines of at least this many comments make a thread. */
const MIN_THREAD_COMMENTS = 2;
const LEADING_COUNT_RE = /^\W*\d/u;
const COMMENT_AUTHOR_MAX_WORDS = 16;

/**
 * Blocks opening a comment section: a comments heading ("Comments", "Leave a reply", "34 responses to …"), or
 * the first author line of a thread ("1. joe says:", "• Ann on May 3, 2019 at 4:47 pm said:").
 */
function commentSectionStarts(judged: readonly Judged[]): boolean[] {
  const starts = judged.map((j) => {
    const w = j.features.words;
    const counted = w <= COUNTED_HEADING_MAX_WORDS && LEADING_COUNT_RE.test(j.block.text);
    return (w <= 8 || counted) && COMMENTS_HEADING_RE.test(j.block.text);
  });
  const authors = judged.flatMap((j, i) => {
    const f = j.features;
    if (f.words > COMMENT_AUTHOR_MAX_WORDS || !isCommentAuthorLine(j.block.text)) return [];
    const marked = f.bullet || LEADING_COUNT_RE.test(j.block.text) || parseDate(j.block.text) !== null;
    return marked ? [i] : [];
  });
  if (authors.length >= MIN_THREAD_COMMENTS) starts[authors[0]] = true;
  return starts;
}

/** Words of a list item set inside an article (a fact, a step): a menu's items have fewer. */
const IN_TEXT_ITEM_MIN_WORDS = 3;
/** A line that introduces a list: it ends with a colon ("The changes are these:"). */
const LEAD_IN_RE = /[:：]\s*$/u;

/**
 * Blocks the article holds between its paragraphs, which cost nothing in the gap they stand in (see RegionInput.inText):
 * a "Read also" link alone in its gap (two or more there are a box of links, which costs as any noise does: an author's
 * bio under five links after the article is not the article resuming), and a list the article introduces (a line
 * ending with a colon, then items of a few words each, bulleted or numbered), which context drops for its short lines.
 */
function inTextGapBlocks(judged: readonly Judged[]): boolean[] {
  const free = judged.map(() => false);
  // Each gap (a run of blocks that are not body) and its related links.
  for (let start = 0; start < judged.length; ) {
    let end = start;
    while (end < judged.length && judged[end].reason !== null) end++;
    const links = [];
    for (let i = start; i < end; i++) if (judged[i].reason === 'related-link') links.push(i);
    if (links.length === 1) free[links[0]] = true;
    start = end + 1;
  }
  for (let i = 0; i + 1 < judged.length; i++) {
    if (!LEAD_IN_RE.test(judged[i].block.text)) continue;
    let k = i + 1;
    while (k < judged.length && judged[k].features.bullet && judged[k].features.words >= IN_TEXT_ITEM_MIN_WORDS && (judged[k].reason === 'short' || judged[k].reason === 'low-text' || judged[k].reason === null)) k++;
    if (k === i + 1) continue;
    for (let m = i; m < k; m++) free[m] = true;
    i = k - 1;
  }
  return free;
}

/** A form's field as dumps print one: a run of underscores (lynx), brackets around spaces (w3m), lynx's "(BUTTON)". */
const FORM_FIELD_RE = /_{5,}|\[\s{4,}\]|\(BUTTON\)/u;
/** Lines over a form that belong to its box: a sign-up box's heading and its blurb ("Every morning at seven …"). */
const FORM_BOX_LINES = 2;

/** The noise blocks of boxes holding a form (a newsletter's sign-up): the form's line and the lines over it. */
function formBoxes(judged: readonly Judged[]): boolean[] {
  const boxed = judged.map(() => false);
  judged.forEach((j, i) => {
    if (j.reason === null || !FORM_FIELD_RE.test(j.block.text)) return;
    for (let k = Math.max(0, i - FORM_BOX_LINES); k <= i; k++) boxed[k] = true;
  });
  return boxed;
}

function keepArticleStretch(judged: Judged[], options: RegionOptions, fill: boolean, sparseProse: boolean): void {
  const isBody = judged.map((j) => j.reason === null);
  const listHeading = judged.map((j) => j.features.words <= 8 && TEASER_HEADING_RE.test(j.block.text));
  const keep = selectArticle({
    isBody,
    chars: judged.map((j) => j.features.chars),
    docs: judged.map((j) => j.docs),
    commentsHeading: commentSectionStarts(judged),
    listHeading,
    teaserShaped: judged.map((j) => isTeaserShaped(j.features)),
    inText: inTextGapBlocks(judged),
  }, options);
  judged.forEach((j, i) => {
    if (isBody[i] && !keep[i]) j.reason = 'outside-article';
  });
  const level = trimRecurringTail(judged, keep, options);
  if (!fill) return;
  const first = keep.indexOf(true);
  const last = keep.lastIndexOf(true);
  // A list the article holds ("Read also:" and its headlines) stays out, up to the article's next kept block; so does
  // a sign-up box set in it (its heading and blurb over the form).
  const boxed = formBoxes(judged);
  const header = headerUnderStandfirst(judged, keep, first);
  let inList = false;
  for (let i = first + 1; i < last; i++) {
    const j = judged[i];
    if (listHeading[i]) inList = true;
    else if (keep[i]) inList = false;
    if (!inList && !boxed[i] && i > header && (j.reason === 'short' || j.reason === 'low-text') && j.features.words >= MIN_FILL_WORDS) j.reason = null;
  }
  if (first < 0) return;
  // The site's text (a disclaimer under every article) recurs far more widely than the article's own (its level as
  // the recurring tail was measured against).
  const siteWide = (j: Judged): boolean => recursFarMore(j.docs, level, options);
  extendArticleEdge(judged, last, 1, sparseProse, siteWide);
  extendArticleEdge(judged, first, -1, sparseProse, siteWide);
}

/** Header lines a page sets between a standfirst and the article it opens (see headerUnderStandfirst). */
const HEADER_LINE_REASONS: ReadonlySet<string> = new Set(['date-line', 'published-line', 'byline']);

/**
 * The last block of a header standing under the article's first kept block, or -1: the gap after that block opens
 * with a date, publication or byline line, or with a name or a place of a word or two over one, and the header goes
 * on under it down to the gap's first sentence. A standfirst under the headline is kept as the article's first
 * paragraph, and the author's name, the date and the share and follow lines under it are no lines of the article
 * between two of its paragraphs, which the gap filling would keep.
 */
function headerUnderStandfirst(judged: readonly Judged[], keep: readonly boolean[], first: number): number {
  let end = first + 1;
  while (end < judged.length && !keep[end]) end++;
  for (let i = first + 1; i < end; i++) {
    const j = judged[i];
    if (HEADER_LINE_REASONS.has(j.reason as string)) {
      // The header's share and follow lines under the date end no sentence; a one-line paragraph of the article after
      // an update's date line does ("Keine Notfahrpläne.", a helper's review), and the article goes on there.
      let last = i;
      while (last + 1 < end && !judged[last + 1].features.sentenceEnd) last++;
      return last;
    }
    if (j.features.words > LABEL_MAX_WORDS || j.features.sentenceEnd) return -1;
  }
  return -1;
}

/**
 * Sentences running on from the article's first or last kept block (step -1 or 1) that jusText's context dropped:
 * near-good paragraphs (enough stopwords, but no good neighbour: the last ones of an article, or ones a photo caption
 * cuts off from the rest), one short closing sentence, and on a page whose prose reads sparse in stopwords
 * (`sparseProse`, see densityScale) any sentence, since density cannot tell a lede or a closing paragraph there from
 * junk: a stoplist covering a language's prose thinly leaves its short paragraphs with one stopword or two. Noise set
 * inside articles (IN_ARTICLE_NOISE) is passed over; the site's text (`siteWide`), a navigation phrase or anything else
 * ends the run.
 */
function extendArticleEdge(judged: Judged[], from: number, step: 1 | -1, sparseProse: boolean, siteWide: (j: Judged) => boolean): void {
  for (let i = from + step; i >= 0 && i < judged.length; i += step) {
    const j = judged[i];
    if (IN_ARTICLE_NOISE.has(j.reason as string)) continue;
    // A teaser after a closing "Read more:" link is another article's summary.
    if (siteWide(j) || j.features.boilerplate > 0 || isTeaserShaped(j.features)) return;
    if (step === 1 && closingSentence(j, sparseProse)) {
      j.reason = null;
      return;
    }
    if (j.reason !== 'low-text' || !j.features.sentenceEnd || !(j.nearGood || sparseProse)) return;
    j.reason = null;
  }
}

/** Noise set inside an article, with its text going on after it: a photo caption, an ad slot's label, a shop's price
 *  or button under a product, a "Read also" link. */
const IN_ARTICLE_NOISE: ReadonlySet<string> = new Set(['caption', 'ad-label', 'shop-link', 'related-link', 'pull-quote', 'site-label']);
/** Noise set between an article's paragraphs that jusText's context looks past as it does a short line: an ad slot's
 *  label, a shop's price or button (a listicle's products on either side of it are one article), a pull quote, a line
 *  under a label of the site's, a "Read also: …" link (a tabloid's one-sentence paragraphs on either side of it are
 *  one article). */
const IN_TEXT_NOISE: ReadonlySet<string> = new Set(['ad-label', 'shop-link', 'pull-quote', 'site-label', 'related-link']);
/** A line of no letters this short holding a clock time is a time alone ("14:52", "(09.40)"). */
const LIVE_STAMP_MAX_CHARS = 8;

/** Noise that context looks past: an ad slot's label, a pull quote, a live page's entry time between its posts. */
function isInTextNoise(j: Judged): boolean {
  if (IN_TEXT_NOISE.has(j.reason as string)) return true;
  return j.reason === 'symbols' && j.features.chars <= LIVE_STAMP_MAX_CHARS && CLOCK_TIME_RE.test(j.block.text);
}

/** Words of the shortest closing sentence kept ("Les travaux doivent débuter en 2027."): a label has fewer. */
const CLOSING_MIN_WORDS = 4;
/** A short closing sentence of the article, dropped for its length alone: a sentence, no navigation phrase, and as
 *  many stopwords as prose has (where the language has a stoplist, and its prose does not read sparse in it: "Les
 *  obres s'adjudicaran abans de l'estiu." has one). */
function closingSentence(j: Judged, sparseProse: boolean): boolean {
  const f = j.features;
  return j.reason === 'short' && f.sentenceEnd && f.words >= CLOSING_MIN_WORDS && f.boilerplate === 0 && (sparseProse || (f.stopwordDensity ?? 1) >= DEFAULT_THRESHOLDS.stopwordsLow);
}

/** The level a republished copy is measured against: edits (a few words per paragraph) leave most of one copy's
 *  lines unique, so its measured level is often 1 while its unedited paragraphs sit in every copy; a tail must
 *  recur at least twice as widely as a pair of copies (dupes-dev: a 3-copy article's closing paragraph, against a
 *  promo under 6 pages). */
const MIN_COPY_LEVEL = 2;
/**
 * The article's last paragraphs when they recur far more widely in the run than the article does (a site's
 * subscription promo or standard disclaimer printed under every article): the site's, not the page's. Only the
 * tail is trimmed: a lede may be quoted whole as the summary of teaser lists on other pages of a site, while a
 * closing paragraph recurring on other pages is the site's boilerplate. Same factor as the region's recurring
 * stretches (recurringFactor). Returns the article's level (contentDocuments of the kept blocks), 0 for none.
 */
function trimRecurringTail(judged: Judged[], keep: boolean[], options: RegionOptions): number {
  const kept = judged.flatMap((_, i) => (keep[i] ? [i] : []));
  if (kept.length === 0) return 0;
  const level = contentDocuments(kept.map((i) => judged[i].features.chars), kept.map((i) => judged[i].docs));
  if (kept.length < 2) return level;
  for (let k = kept.length - 1; k >= 1; k--) {
    const j = judged[kept[k]];
    if (j.docs < options.recurringFactor * Math.max(MIN_COPY_LEVEL, level)) break;
    j.reason = 'template';
    keep[kept[k]] = false;
  }
  return level;
}

/** Reasons that only weighed a block against the rest of the page (its length, its stopwords, its place). */
const RESCUABLE_REASONS = new Set(['short', 'low-text', 'outside-article', 'teasers']);

/**
 * A page whose every block was judged noise still has an article when any of its text was dropped only for
 * soft reasons: a one-sentence story (low-text for want of neighbours), a recipe or schedule of short lines, an
 * article only one other page of the run shares (a pair of documents sharing text cannot say whose it is, so the
 * run-template signal takes it). Such a page gets the best stretch of those blocks, chosen as the article region
 * chooses, rather than an empty body; chrome (link bars, phrases, widely recurring lines) stays out. Only in a
 * run with statistics: alone, a page judged empty stays so (and cleaning a cleaned body stays a fixed point).
 */
function rescueEmptyBody(judged: Judged[], options: RegionOptions, minTemplateDocs: number): void {
  if (judged.some((j) => j.reason === null)) return;
  const soft = judged.map((j) => RESCUABLE_REASONS.has(j.reason as string) || (j.reason === 'template' && j.docs <= minTemplateDocs + 1));
  // The site's lines that escaped the template signal beside one another (a "most read" list, a footer) recur far more
  // widely than the page's own text, and would join its stretch: they stay out.
  // A loop, not Math.min(...): a page may have hundreds of thousands of blocks, more arguments than a call takes.
  let level = Infinity;
  judged.forEach((j, i) => {
    if (soft[i] && j.features.words >= CONTENT_MIN_WORDS) level = Math.min(level, j.docs);
  });
  const siteWide = (j: Judged): boolean => j.features.words <= TEMPLATE_MAX_WORDS && recursFarMore(j.docs, level, options);
  const rescuable = judged.map((j, i) => soft[i] && !siteWide(j));
  if (!rescuable.includes(true)) return;
  const keep = selectArticle({
    isBody: rescuable,
    chars: judged.map((j) => j.features.chars),
    docs: judged.map((j) => j.docs),
    commentsHeading: commentSectionStarts(judged),
    listHeading: judged.map(() => false),
  }, options);
  // The stretch is trimmed to its sentences where what is left is still worth rescuing (not a page left line by line).
  const trimmed = trimToSentences(judged, keep);
  const rescued = worthRescuing(judged, trimmed) ? trimmed : keep;
  if (!worthRescuing(judged, rescued)) return;
  judged.forEach((j, i) => {
    if (rescued[i]) j.reason = null;
  });
}

/** Only content is worth rescuing: a page of menu and footer lines stays empty and goes to the rejects. */
function worthRescuing(judged: readonly Judged[], keep: readonly boolean[]): boolean {
  const content = judged.filter((j, i) => keep[i] && j.features.boilerplate < 0.5);
  const words = content.reduce((n, j) => n + j.features.words, 0);
  return words >= MIN_RESCUE_WORDS || content.some((j) => j.features.words >= MIN_SENTENCE_WORDS && j.features.sentenceEnd);
}

/**
 * A rescued stretch opens and closes with a sentence (or a line of MIN_SENTENCE_WORDS words): the menu items, app and login prompts of a page whose template
 * the run does not repeat (a site with one or two pages in it) stand right above a short article's first line and
 * would otherwise open its body. Nothing is trimmed from a stretch holding no sentence (a recipe, a schedule).
 */
function trimToSentences(judged: readonly Judged[], keep: readonly boolean[]): boolean[] {
  // A line long enough is text without its stop too (Thai ends no sentence with one).
  const sentence = (i: number): boolean => keep[i] && ((judged[i].features.sentenceEnd && judged[i].features.words >= CLOSING_MIN_WORDS) || judged[i].features.words >= MIN_SENTENCE_WORDS);
  const first = keep.findIndex((_, i) => sentence(i));
  if (first < 0) return [...keep];
  const last = keep.findLastIndex((_, i) => sentence(i));
  return keep.map((k, i) => k && i >= first && i <= last);
}

/** Words (outside navigation/footer phrases) a rescued stretch needs: a menu and footer hold fewer, the
 *  shortest real articles in dupes-dev (a list of meals) hold more. */
const MIN_RESCUE_WORDS = 25;
/** …or one line reading as a sentence of this many words: menu and footer items are shorter. */
const MIN_SENTENCE_WORDS = 10;

/** Items a body line announces with a final colon ("You will need:", "Dare to Play 3:") are body: the list
 *  items are short and low in stopwords, so classification alone drops them. */
const LIST_INTRO_RE = /:\s*$/u;
const SOFT_REASONS = new Set(['short', 'low-text', 'outside-article']);
function keepAnnouncedLists(judged: Judged[]): void {
  for (let i = 0; i < judged.length; i++) {
    if (judged[i].reason !== null || !LIST_INTRO_RE.test(judged[i].block.text)) continue;
    for (let k = i + 1; k < judged.length && judged[k].features.bullet && judged[k].block.blankBefore <= 1; k++) {
      if (judged[k].reason !== null && !SOFT_REASONS.has(judged[k].reason as string)) break;
      judged[k].reason = null;
      i = k;
    }
  }
}

/** Inside the article, a list item or subheading of this many words is content (one-word lines are labels). */
const MIN_FILL_WORDS = 2;

function dropTrailingTeasers(judged: Judged[]): void {
  const order = judged.flatMap((j, i) => (j.reason === null ? [i] : []));
  const features = judged.map((j) => j.features);
  const texts = judged.map((j) => j.block.text);
  const fromPairs = trailingTeaserStart(order, features, texts);
  const fromHeading = teaserHeadingStart(order, features, texts);
  const start = [fromPairs, fromHeading].filter((k) => k >= 0).reduce((a, b) => Math.min(a, b), Infinity);
  if (!Number.isFinite(start)) return;
  for (let k = start; k < order.length; k++) judged[order[k]].reason = 'teasers';
}

/** The article stops at a paywall's notice under its first paragraphs: what the body keeps after it is the wall's
 *  (an offer, a note that the page is open on another device). */
function cutAtPaywall(judged: Judged[]): void {
  const first = judged.findIndex((j) => j.reason === null);
  const wall = judged.findIndex((j, i) => i > first && j.reason === 'paywall');
  if (first < 0 || wall < 0) return;
  for (let i = wall + 1; i < judged.length; i++) if (judged[i].reason === null) judged[i].reason = 'paywall';
}

/**
 * An author's note closing the body ("Ann Lee is a senior reporter at …", see authorNoteName) is the site's furniture,
 * and so are the short lines under it (a "Follow Ann on X" link) and the name set over it as a heading. Looked for
 * among the body's last AUTHOR_NOTE_REACH blocks, with MIN_BODY_BEFORE_NOTE blocks of article above it.
 */
function dropAuthorNote(judged: Judged[]): void {
  // The body's last blocks, with the ones the note needs above it (not the whole body: this runs on every page).
  const order: number[] = [];
  for (let i = judged.length - 1; i >= 0 && order.length < AUTHOR_NOTE_REACH + MIN_BODY_BEFORE_NOTE; i--) if (judged[i].reason === null) order.unshift(i);
  for (let k = Math.max(MIN_BODY_BEFORE_NOTE, order.length - AUTHOR_NOTE_REACH); k < order.length; k++) {
    const note = judged[order[k]];
    // The writer's name stands above the article too (a byline): a story's closing lines about a reporter are no note.
    const name = authorNoteName(note.block.text, note.features.words);
    if (name === null || !judged.slice(0, order[k]).some((j) => j.reason !== null && j.block.text.includes(name))) continue;
    if (order.slice(k + 1).some((i) => judged[i].features.words > NOTE_TAIL_MAX_WORDS)) continue;
    for (const i of order.slice(k)) judged[i].reason = 'author-note';
    const over = judged[order[k - 1]];
    if (over.features.words <= NOTE_NAME_MAX_WORDS && note.block.text.startsWith(over.block.text.trim())) over.reason = 'author-note';
    return;
  }
}
/** Body blocks from the end where an author's note is looked for, article blocks kept above it at least, words of a
 *  line under it (a follow link) and of the name over it at most. */
const AUTHOR_NOTE_REACH = 3;
const MIN_BODY_BEFORE_NOTE = 2;
const NOTE_TAIL_MAX_WORDS = 8;
const NOTE_NAME_MAX_WORDS = 4;

/** A bare site name as the document's last line (after the body) is the site, not body. */
function readTrailingSiteName(judged: Judged[], meta: { site: string | null }): void {
  const last = judged[judged.length - 1];
  if (!last || judged.length < 3 || last.features.words > 5 || last.features.boilerplate > 0) return;
  // The name signs the article: the body ends at most a credit line before it (not a page footer of menus).
  const lastBody = judged.findLastIndex((j) => j.reason === null);
  if (lastBody < 0 || lastBody < judged.length - 3) return;
  const name = siteNameLine(last.block.text);
  if (!name) return;
  last.reason = 'site-name';
  if (!meta.site) meta.site = name;
}

/** A news agency's dateline opening the lede: a place of a few words, then a full date, then a dash or a colon
 *  ("Chilpancingo, Gro., 27 de mayo de 2025.- …", "NEW DELHI, March 3, 2025: …", "Quito (12 de marzo de 2025) – …"). */
const LEDE_DATELINE_RE = /^([^\n.!?:]{2,40}?)\s*[,(]\s*([^\n–—:()]{6,40}?)\s*\)?\s*[.,]?\s*[-–—:]\s/u;
const DATELINE_PLACE_MAX_WORDS = 4;

/** The full date of the dateline opening the article's first paragraph, or null (see LEDE_DATELINE_RE): asked only
 *  where no line of the page states the date. The dateline stays part of the paragraph. */
function ledeDatelineDate(text: string): string | null {
  const m = LEDE_DATELINE_RE.exec(text);
  if (!m) return null;
  // A place's words are capitalised ("Last year, on 3 May 2024 – …" is a sentence), and the article's first sentence
  // starts after the dash ("Marie Tharp (30 July 1920 – 23 August 2006) was …" is a life's dates; "Kyiv, 24 February
  // 2022 – that morning …" an anniversary's).
  // Particles of a place's name stay in lower case ("Ciudad de México"); its first and last words do not.
  const place = words(m[1]);
  if (place.length > DATELINE_PLACE_MAX_WORDS || !place.every((w, i) => CAPITALISED_RE.test(w) || (i > 0 && i < place.length - 1 && w.length <= 3))) return null;
  // A bracket opened and not closed before the dash holds a life's dates ("John Smith (March 4, 1941 – April 2, 2025)").
  if (m[0].includes('(') && !m[0].includes(')')) return null;
  if (!SENTENCE_START_RE.test(text.slice(m[0].length))) return null;
  const date = parseDate(m[2]);
  return date !== null && date.length === 10 ? date : null;
}
const CAPITALISED_RE = /^\p{Lu}/u;
/** An opening quotation mark or bracket, then a capital. */
const SENTENCE_START_RE = /^["“«„'‘(¿¡]?\p{Lu}/u;

/** " date 2025-02 " or similar at the start of the first body block: the date, removed from the text. */
function stripDateline(judged: Judged[]): string | null {
  const first = judged.find((j) => j.reason === null);
  if (!first) return null;
  const split = splitDateline(first.block.text);
  if (!split) return null;
  first.block = { ...first.block, text: split.rest };
  return split.date;
}

/**
 * The title is the heading line nearest above the article; when everything above the article is headings
 * (a blog page: title, image alt, standfirst), it is the page's first line.
 */
const TITLE_LOOKBACK = 3;
/** Lines looked past (byline, credits, date, share bar, caption) count too, but only once this many are passed: a
 *  header stacks a few between headline and article. */
const TITLE_SKIPS_FREE = 6;
function titleBeforeBody(judged: Judged[], first: number): string | null {
  if (first <= 0) return null;
  const script = writingSystem(judged[first].block.text);
  const role = (j: Judged): 'heading' | 'skip' | 'stop' => {
    const r = headingRole(judged, j);
    // A headline is written in its article's script: a line in another is a link to a translation, not the title.
    return r === 'heading' && script !== null && writingSystem(j.block.text) !== script ? 'skip' : r;
  };
  let nearest: Judged | null = null;
  // A run of share buttons, a line each, is one piece of furniture: it takes one of the free skips, not one a button.
  let shareRun = false;
  // The first sentence-shaped line met (a standfirst under the headline), looked past once; the title if nothing
  // better stands above it (a headline may be two sentences: "Stock falls. Why you shouldn't worry.").
  let standfirst: Judged | null = null;
  let i = first - 1;
  let newsHeader = false;
  for (let seen = 0, skipped = 0; i >= 0 && seen < TITLE_LOOKBACK; i--) {
    const j = judged[i];
    let r = role(j);
    if (nearest === null && standfirst === null && isStandfirst(j)) {
      standfirst = j;
      r = 'skip';
    }
    if (r === 'stop') break;
    if (r === 'skip' && isNewsFurniture(judged, j)) newsHeader = true;
    // A section label or a byline name between the headline and the article is a weaker heading than the headline.
    // (a line of the site's template, its masthead on every page, is no headline over a labelled one: "Review: Small Hours")
    if (r === 'heading' && (nearest === null || (weakHeading(nearest) && j.features.words > nearest.features.words && !(siteLabelled(nearest) && j.reason === 'template')))) nearest = j;
    const share = r === 'skip' && isShare(judged, j);
    if (r === 'heading' || (!(share && shareRun) && ++skipped > TITLE_SKIPS_FREE)) seen++;
    shareRun = share;
  }
  // A deck's headline stands directly above it, though the lines looked at may have run out on the way (a byline's
  // name and the author's role count).
  const over = nearest !== null && nearest.block.index > 0 ? judged[nearest.block.index - 1] : null;
  if (nearest !== null && over !== null && role(over) === 'heading' && isDeckUnder(nearest, over)) nearest = over;
  // A blog page is headings down to its text; a news header (a byline, date or share line looked past) has its
  // headline near the article, and its first line is the site's masthead.
  if (i < 0 && !newsHeader && role(judged[0]) === 'heading') return judged[0].block.text;
  const fallback = standfirst !== null && role(standfirst) === 'heading' ? standfirst : null;
  return (nearest !== null && !(fallback && weakHeading(nearest)) ? nearest : fallback)?.block.text ?? null;
}

/**
 * The headline found above the article (`found`) when it shares a word with the article's first paragraphs (unless it
 * is shaped like a deck or a caption, or is a line of a few words: then the nearest heading above it that shares enough
 * of them, if any); else the heading above the article that shares the most of its words with them, if it shares
 * enough, or null. A
 * headline is written about what the lede says, in the same words; furniture the walk up from the article does not
 * know (a share bar's label in another language, a caption without a credit, a summary box of bullets, a comment
 * count) stops it short or gives it a line that shares none. Not a heading in a list of three or more (teasers of
 * the same story, above a headline that shares no word with its lede, "Last bell"), nor one above a breadcrumb (a
 * masthead's tagline). Word stems, not words, so that inflected languages match.
 */
function headlineOfLede(judged: readonly Judged[], first: number, found: string | null, ledeFirst = first): string | null {
  if (first <= 0) return found;
  const lede = ledeStems(judged, ledeFirst);
  const shared = (text: string): { shared: number; share: number } => {
    const stems = wordStems(text);
    let n = 0;
    for (const stem of stems) if (lede.has(stem)) n++;
    return { shared: n, share: stems.size ? n / stems.size : 0 };
  };
  const foundShare = found !== null ? shared(found) : { shared: 0, share: 0 };
  // A found line that shares words stands, unless it is shaped like a deck or a caption (longer than a headline, or
  // holding a full stop): then the nearest heading above it that shares enough of its words is the headline. Not the
  // best-sharing one: a kicker or a tags line above the headline ("Streik bei der Deutschen Bahn", "Champions League
  // final 2025") is made of the story's own words.
  const foundWords = found === null ? 0 : wordCount(found);
  // A long line right over a standfirst is its headline, however long: a deck has no standfirst of its own.
  const overStandfirst = (): boolean => {
    const at = judged.findIndex((j, i) => i < first && j.block.text === found);
    return at >= 0 && at + 1 < first && isStandfirst(judged[at + 1]);
  };
  const deckLike = found !== null && foundShare.shared > 0 && (FULL_STOP_RE.test(found) || (foundWords > TITLE_MAX_WORDS_SHORT && !overStandfirst()));
  // So does a line of a few words (a byline's name and place in a script without capitals, "ਪਰਮਿੰਦਰ ਸਿੰਘ, ਚੰਡੀਗੜ੍ਹ"),
  // to a longer heading above it.
  const shortFound = foundShare.shared > 0 && !deckLike && foundWords <= SHORT_FOUND_MAX_WORDS;
  const competing = deckLike || shortFound;
  if (foundShare.shared > 0 && !competing) return found;
  let best: string | null = null;
  let bestShare = 0;
  let bestAt = -1;
  const isHeading = (j: Judged | undefined): boolean => j !== undefined && j.features.words >= LEDE_HEADLINE_MIN_WORDS && headingRole(judged, j) === 'heading';
  // A deck, long and made of the lede's words, shares more of them than its headline right above it: the headline.
  const headlineOverDeck = (i: number): string => (i > 0 && isHeading(judged[i - 1]) && isDeckUnder(judged[i], judged[i - 1]) ? judged[i - 1] : judged[i]).block.text;
  let menuRun = 0;
  for (let i = first - 1; i >= 0 && i >= first - LEDE_HEADLINE_LOOKBACK; i--) {
    const j = judged[i];
    // A breadcrumb stands above the headline: what is above it is the site's (a masthead, a tagline). So does a menu
    // (a run of one- and two-word lines that are no share buttons), above a deck.
    menuRun = j.features.words <= LABEL_MAX_WORDS && !isShare(judged, j) ? menuRun + 1 : 0;
    if (j.reason === 'breadcrumb' || (competing && menuRun >= MENU_MIN_LINES)) break;
    if (competing && j.block.text === found) continue;
    if (j.features.words < LEDE_HEADLINE_MIN_WORDS || (shortFound && j.features.words <= foundWords)) continue;
    // The words first: most lines share none, and the line's role is dearer to work out.
    const s = shared(j.block.text);
    // (the nearest of equals: a headline stands nearer the article than the same words in a teaser list above it)
    if (s.shared < LEDE_HEADLINE_MIN_SHARED || s.share < LEDE_HEADLINE_MIN_SHARE || s.share <= bestShare) continue;
    // Over a deck or a byline, no sentence (a dateline's, a caption's, a lede's).
    if (competing && j.features.sentenceEnd) continue;
    if (!isHeading(j) || isStandfirst(j)) continue;
    // One of a list of headlines ("Most read", "Related coverage"): teasers of the same story share its words. A line
    // longer than a headline is no teaser's but a deck under its headline (with a byline under it, three in a row).
    const item = (k: number): boolean => judged[k].features.words >= LIST_ITEM_MIN_WORDS && judged[k].features.words <= TITLE_MAX_WORDS_SHORT && isHeading(judged[k]);
    let run = 1;
    for (let k = i - 1; k >= 0 && item(k); k--) run++;
    for (let k = i + 1; k < first && item(k); k++) run++;
    if (run >= LIST_MIN_HEADINGS) continue;
    if (competing) return headlineOverDeck(i);
    best = j.block.text;
    bestShare = s.share;
    bestAt = i;
  }
  // A kicker of a few words over its headline ("Cost of living crisis", then "Demand at food banks doubles …") is made of
  // the story's own words and may share more of them: the heading right under it that shares enough is the headline.
  const kicker = best === null ? 0 : wordCount(best);
  if (best !== null && kicker <= KICKER_MAX_WORDS) {
    let under = bestAt + 1;
    while (under < first && judged[under].features.words === 0) under++;
    const j = judged[under];
    if (under < first && j.features.words > kicker && j.features.words <= TITLE_MAX_WORDS_SHORT && !j.features.sentenceEnd && isHeading(j)) {
      const s = shared(j.block.text);
      if (s.shared >= LEDE_HEADLINE_MIN_SHARED && s.share >= LEDE_HEADLINE_MIN_SHARE) return j.block.text;
    }
  }
  return best !== null ? headlineOverDeck(bestAt) : competing ? found : null;
}
/** Words of a kicker over a headline at most. */
const KICKER_MAX_WORDS = 5;
/** Words of a found line that a longer heading above it may replace. */
const SHORT_FOUND_MAX_WORDS = 4;
/** A full stop with text after it, or at the end: a caption's or a deck's sentence ("… samedi matin. Midi Littoral"). */
const FULL_STOP_RE = /[.。](?:["'”’»)]*\s+\S|["'”’»)]*\s*$)/u;
/**
 * The headline at the head of the body, where none found above it shares a word with the lede: kept as text because
 * nothing around it was known furniture (a byline, a label, a caption's credit in words the phrase lists lack, a
 * markdown `# Headline`). The article's first kept block (under a section's label of a word or two) may be the
 * headline when it is heading-shaped (HEADLINE_MIN_WORDS to HEADLINE_MAX_WORDS words, no sentence's end nor two
 * sentences, not opened by a time, a number or a bullet as a live entry or a list item is), shares a word stem with the
 * paragraphs under it, as a headline does with its lede, and stands over them with at most HEADER_MAX_LINES short lines
 * between (a byline, a date, a caption: `header`), none of them opened by a time, a number or a bullet unless it is a
 * date line. Returns the headline's block, the first paragraph's and the lines between (with the label), or null.
 */
function headlineAtHeadOfBody(judged: readonly Judged[], first: number): { head: number; article: number; between: Judged[] } | null {
  // A section's label kept over it ("Спорт") goes with the lines between.
  const label = judged[first] && judged[first].features.words <= LABEL_MAX_WORDS && !judged[first].features.sentenceEnd ? judged[first] : null;
  if (label) first = judged.findIndex((j, i) => i > first && j.reason === null);
  const head = judged[first];
  if (!head || head.features.sentenceEnd || head.features.words < HEADLINE_MIN_WORDS || head.features.words > HEADLINE_MAX_WORDS) return null;
  // (nor two sentences: a standfirst's, an interviewer's question)
  if (ITEM_OPENING_RE.test(head.block.text) || SENTENCE_BREAK_RE.test(head.block.text)) return null;
  const between: Judged[] = [];
  let article = -1;
  for (let i = first + 1; i < judged.length && article < 0; i++) {
    const j = judged[i];
    if (j.reason !== null) continue;
    if (isParagraph(j)) article = i;
    else if (j.features.words > HEADER_LINE_MAX_WORDS || between.push(j) > HEADER_MAX_LINES) return null;
    else if (ITEM_OPENING_RE.test(j.block.text) && dateLineDate(j.block.text) === null) return null;
  }
  if (article < 0) return null;
  if (label) between.push(label);
  const lede = ledeStems(judged, article);
  for (const stem of wordStems(head.block.text)) if (lede.has(stem)) return { head: first, article, between };
  return null;
}
/** A line above the article of fewer than HEADLINE_MIN_WORDS words that recurs on other pages of the run: the site's
 *  (a section's label, "Newyddion y Gogledd"; a share bar's, "Artikel teilen"), where a short headline ("Milk madness")
 *  is the page's own. */
function isSitesLine(judged: readonly Judged[], first: number, text: string): boolean {
  if (wordCount(text) >= HEADLINE_MIN_WORDS) return false;
  for (let i = first - 1; i >= 0; i--) if (judged[i].block.text === text) return judged[i].docs >= MIN_SITE_LINE_DOCS;
  return false;
}
const MIN_SITE_LINE_DOCS = 2;
/** Runs of letters, digits and marks (the block features' words, without their CJK weighting). */
const wordCount = (text: string): number => words(text).length;
/** Words of a headline taken at the head of the body (a line of three is a label; a longer one a deck or a standfirst). */
const HEADLINE_MIN_WORDS = 4;
const HEADLINE_MAX_WORDS = 15;
/** Lines between such a headline and its article, and their words at most ("Avtor: STA, Ur. R. P. | 4. 4. 2025 ob 11:30"). */
const HEADER_MAX_LINES = 3;
const HEADER_LINE_MAX_WORDS = 12;
/** A line opened by a time, a number, a bullet or a ticker's marks: a live entry ("13:52 …", "+++ 10:42 Uhr"), a list
 *  item ("3. …", "- …"). */
const ITEM_OPENING_RE = /^\s*(?:\d{1,2}[:.]\d{2}|\d{1,3}[.)]\s|[-+•*·–—>#]\s|\+\+)/u;
/** A paragraph of the article: a sentence, or longer than a headline. */
const isParagraph = (j: Judged): boolean => j.features.sentenceEnd || j.features.words > HEADLINE_MAX_WORDS;

/** The word stems of the first LEDE_BLOCKS kept blocks from `first` on. */
function ledeStems(judged: readonly Judged[], first: number): Set<string> {
  const lede = new Set<string>();
  for (let i = first, n = 0; i < judged.length && n < LEDE_BLOCKS; i++) {
    if (judged[i].reason !== null) continue;
    for (const stem of wordStems(judged[i].block.text)) lede.add(stem);
    n++;
  }
  return lede;
}

/** Lines of one or two words in a row that make a menu. */
const MENU_MIN_LINES = 4;
/** Body blocks whose words a headline is compared with: the lede and the paragraph after it. */
const LEDE_BLOCKS = 2;
/** Blocks above the article looked at: a header of menus, bylines, share bars and photos is rarely longer. */
const LEDE_HEADLINE_LOOKBACK = 30;
/** Headings in a row, one a block, that make a list of headlines (a headline and its deck are two), each of this many
 *  words at least (a byline's name or a date in words not known, "Ni Carlo Reyes", "Marso 12, 2025", is no item). */
const LIST_MIN_HEADINGS = 3;
const LIST_ITEM_MIN_WORDS = 4;
/** Words of a heading compared (a label of two words sharing one with the lede is a section's name). */
const LEDE_HEADLINE_MIN_WORDS = 3;
/** Stems a heading shares with the lede, and their share of its stems (2 / 0.3; 0.2-0.4 and 3 scored alike). */
const LEDE_HEADLINE_MIN_SHARED = 2;
const LEDE_HEADLINE_MIN_SHARE = 0.3;
/** A word of four letters or more (shorter ones are mostly function words), cut to its first five: a crude stem that
 *  lets "crackdown" meet "crackdowns" and "Lisboa" meet "Lisboa's", in any alphabetic script. */
const CONTENT_WORD_RE = /\p{L}[\p{L}\p{M}]{3,}/gu;
const STEM_LETTERS = 5;
/** Chinese and Japanese leave no space between words, so a run of letters is a clause: its stems are the pairs of
 *  Han or katakana characters in a row ("コメ価格" → コメ, メ価, 価格), which a headline shares with its lede where it
 *  shares words (hiragana are mostly endings and particles). */
const HAN_KATAKANA_PAIR_RE = /(?=([\p{Script=Han}\p{Script=Katakana}ー]{2}))/gu;
const HAN_KANA_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** A Korean word: syllable blocks, each a consonant and a vowel or more, so that two of them carry what four or five
 *  letters do in an alphabet; its first two are its stem (particles and endings follow: 서울시가, 서울시는 → 서울). */
const HANGUL_WORD_RE = /\p{Script=Hangul}{2,}/gu;
const HANGUL_RE = /\p{Script=Hangul}/u;
const HANGUL_STEM_SYLLABLES = 2;
function wordStems(text: string): Set<string> {
  const stems = new Set<string>();
  const lower = text.toLowerCase();
  for (const word of lower.match(CONTENT_WORD_RE) ?? []) {
    if (HAN_KANA_RE.test(word)) for (const m of word.matchAll(HAN_KATAKANA_PAIR_RE)) stems.add(m[1]);
    else if (!HANGUL_RE.test(word)) stems.add(word.slice(0, STEM_LETTERS));
  }
  for (const word of lower.match(HANGUL_WORD_RE) ?? []) stems.add(word.slice(0, HANGUL_STEM_SYLLABLES));
  return stems;
}

/**
 * The date of a line between the headline (`title`, a line above the article) and the article, without a publication
 * word ("14 март 2025, 09:12", "Marso 12, 2025 | 6:30 PM", "By Ann Lee | 12.03.2025"): the first such line under the
 * headline, since an "Updated" line follows the publication date. A date anywhere else on the page may be another
 * article's (a teaser's, a comment's); between headline and article it is the page's own. (Where the headline taken
 * is another page's, as on 2 of dupes-dev's 194 undated pages, whose article was set into that page's template, so is
 * the date.)
 */
function dateUnderHeadline(judged: readonly Judged[], first: number, title: string): string | null {
  let date: string | null = null;
  // (a byline's run-on publication line only fills a gap: a date line near the headline is the page's own)
  let runOn: string | null = null;
  for (let i = first - 1; i >= 0 && i >= first - HEADER_MAX_BLOCKS; i--) {
    const j = judged[i];
    if (j.block.text === title) return date ?? runOn ?? dateUnderLede(judged, first, j.docs < 2) ?? dateOverHeadline(judged, i);
    if (j.features.words <= DATE_LINE_MAX_WORDS) date = dateLineDate(j.block.text) ?? date;
    runOn = bylinePublicationDate(j) ?? runOn;
  }
  return null;
}

/**
 * The date of the line right over the headline at `title`, where a page sets its section, time and date there
 * ("Հասարակություն   14:05, 20 մարտի, 2025   Դիտումներ՝ 962", "Thứ hai, 12/5/2025, 14:35 (GMT+7)"), read when none
 * is found under it: a date line with a time of day, no label before it, and no date line over it (a list of dated
 * teasers). Without the time it is as often a masthead's date of the day, a weather line, an event's dates or a
 * teaser's, and a labelled time is an update's (a review of 39 pages of such layouts: 11 wrong dates where neither
 * was asked; 2 left, breaking-news tickers with another story's time).
 */
function dateOverHeadline(judged: readonly Judged[], title: number): string | null {
  const j = judged[title - 1];
  if (j === undefined) return null;
  // A header joined into one line (a page of extract-dev's kind: menus, section, time and date) ends in the same
  // lines; read there only as a print edition's line under its timed date (a timed date alone at the end of a joined
  // header was as often the masthead's date of the day: dupes-dev, 6 pages dated wrongly).
  if (j.features.words > DATE_LINE_MAX_WORDS) {
    const pieces = j.block.text.split(PIECE_SEPARATOR_RE).filter((p) => p.trim());
    return pieces.length > 1 ? editionDate(pieces[pieces.length - 1], pieces[pieces.length - 2]) : null;
  }
  const over = judged[title - 2];
  const above = over !== undefined && over.features.words <= DATE_LINE_MAX_WORDS ? over.block.text : undefined;
  const date = timedDate(j.block.text);
  if (date !== null) return above !== undefined && dateLineDate(above) !== null ? null : date;
  return editionDate(j.block.text, above);
}

/** The date of a date line with a time of day and no label. */
const timedDate = (text: string | undefined): string | null => (text !== undefined && CLOCK_TIME_RE.test(text) && !LABELLED_TIME_RE.test(text) ? dateLineDate(text) : null);

/** Where the line over a headline is a print edition's ("Газета «Деловой вестник» №38 от 05.03.2025, стр. 7"), the
 *  date it holds when the timed date line above it gives the same. */
function editionDate(line: string, above: string | undefined): string | null {
  const edition = parseDate(line);
  return edition !== null && timedDate(above) === edition ? edition : null;
}

/** A label before the line's first number ("Last updated: 09:14, 21 March 2025", "Stand: 21.03.2025 09:14"): a line
 *  that says what its date is, and over a headline with no date under it, it is seldom the publication. */
const LABELLED_TIME_RE = /^[^\p{N}]*\p{L}[^\p{N}]*:\s*\p{N}/u;
/** A clock time ("14:05", "9.30") standing alone: not a date's day and month ("12.03.2025"), which TIME_RE below also
 *  takes. */
const CLOCK_TIME_RE = /(?<![\p{N}:.])(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\p{N}:.])/u;

/**
 * The date of a byline with its publication line run on ("Par Camille Le Gall. Publié le 12/03/2025 à 18h05", "By
 * Ann Lee, Staff Writer. Published March 14, 2025"): a line of more words than a date line holds, a byline, a
 * separator, then the publication cue. Not one whose cue follows other words ("By Ann Lee. Originally published in The
 * Atlantic on May 3, 2019", "Door Pieter Jansen. Eerder gepubliceerd in NRC op 2 februari 2020": another outlet's).
 */
function bylinePublicationDate(j: Judged): string | null {
  const text = j.block.text;
  if (j.features.words > BYLINE_LINE_MAX_WORDS || !opensWithBylineCue(text)) return null;
  const at = publicationCueAt(text);
  if (at <= 0 || !BYLINE_TAIL_RE.test(text.slice(0, at))) return null;
  const byline = text.slice(0, at).replace(BYLINE_TAIL_RE, '');
  if (!isByline(byline, computeFeatures({ text: byline, index: 0, blankBefore: 0, indent: 0 }, null))) return null;
  const rest = text.slice(at);
  return parsePublishedLine(rest, words(rest).length)?.date ?? null;
}
/** Separators that end a byline before the publication line run on after it. */
const BYLINE_TAIL_RE = /\s*[.,;|·•–—-]\s*$/u;
/** Words of a byline with its publication line run on ("Por María José Ortega. Publicado el 7 de marzo de 2025, 12:40"). */
const BYLINE_LINE_MAX_WORDS = 16;

/**
 * The date of a line right under the article's first paragraph, with only lines taken out of the body between, where
 * the line is a byline or a publication line (isBylineDate): where a standfirst stands between the headline and the
 * byline ("Avtor: Maja Kovačič | 12. 3. 2025 ob 14:05" under it), the standfirst is the body's first paragraph and the
 * byline's date is below it. Where the headline is held by other pages of the run too (a teaser of it on them, or a
 * teaser's headline taken on an article set into another page's template), a date line they hold too is not read: a
 * byline's recurs in its line key (digits fold to 0), but so do the dates of a template's teasers.
 */
function dateUnderLede(judged: readonly Judged[], first: number, ownHeadline: boolean): string | null {
  for (let i = first + 1; i < judged.length && i <= first + HEADER_MAX_BLOCKS && judged[i].reason !== null; i++) {
    const j = judged[i];
    if (!(ownHeadline || j.docs < 2)) continue;
    const date = (j.features.words <= DATE_LINE_MAX_WORDS ? dateLineDate(j.block.text) : null) ?? bylinePublicationDate(j);
    if (date && isBylineDate(judged, first, i)) return date;
  }
  return null;
}

/**
 * Whether the date line judged[i], under the lede at `first`, is the page's byline or publication line: a publication
 * cue on it, a byline (a cue and a name), a name set off as one of its pieces ("Penulis: Rina Wulandari | Senin, 12 Mei
 * 2025"), or a byline or a name alone between the lede and it (a name, then "mardi 11 mars 2025 à 18h04"). Under the
 * lede, other dated lines have none of them: a deal's, an event's, a live entry's ("Deal ends: March 31, 2025", "When:
 * July 31-Aug. 3, 2025", "7:15 a.m. Friday, April 4, 2025").
 */
function isBylineDate(judged: readonly Judged[], first: number, i: number): boolean {
  const text = judged[i].block.text;
  if (holdsPublicationCue(text) || isByline(text, judged[i].features)) return true;
  if (text.split(PIECE_SEPARATOR_RE).some((piece) => isNamePiece(piece.replace(LABEL_RE, '')))) return true;
  for (let k = first + 1; k < i; k++) if (isByline(judged[k].block.text, judged[k].features) || (nameShaped(judged[k]) && isNamePiece(judged[k].block.text))) return true;
  return false;
}
/** A label of one word before a colon ("Avtor:", "Penulis:"). */
const LABEL_RE = /^\s*\p{L}+\s*:\s*/u;
/** A full name: two or three words each starting with a capital. */
function isNamePiece(piece: string): boolean {
  const name = piece.trim();
  const count = name.split(/\s+/).length;
  return count >= 2 && count <= BYLINE_NAME_MAX_WORDS && NAME_RE.test(name);
}
/**
 * The headline with the rest of it that a dump tool wrapped onto the next line: lynx centres a headline, so the line it
 * wrapped fills the width from the page's margin and its rest stands further in, where unwrapping (which joins lines
 * of one indentation) leaves it ("La gelada de dilluns arrasa fins al 70% de la fruita de pinyol en algunes" over
 * "finques del Segrià"). The headline's line must start at the article's margin (a headline of one line is centred
 * further in) and be long; the next line must follow with no blank line, stand further in, open in lower case, be
 * short, hold no date, time, byline or credit, and be out of the body.
 */
function withWrappedTail(judged: readonly Judged[], title: string): string {
  const at = judged.findIndex((j) => j.block.text === title);
  const head = judged[at];
  const tail = judged[at + 1];
  if (!head || !tail || title.length < WRAPPED_HEADLINE_MIN_CHARS || tail.block.blankBefore > 0 || tail.block.indent <= head.block.indent) return title;
  const margin = Math.min(...judged.filter((j) => j.reason === null && j.features.words > WRAPPED_TAIL_MAX_WORDS).map((j) => j.block.indent));
  if (head.block.indent > margin) return title;
  const text = tail.block.text;
  if (tail.reason === null || tail.features.words > WRAPPED_TAIL_MAX_WORDS || tail.features.sentenceEnd || !LOWER_START_RE.test(text)) return title;
  return isByline(text, tail.features) || CREDIT_START_RE.test(text) || dateLineDate(text) !== null || TIME_RE.test(text) ? title : `${title} ${text}`;
}
/** Characters of a headline wrapped by a dump tool at least (lynx and w3m wrap at 72–80 columns, less a margin). */
const WRAPPED_HEADLINE_MIN_CHARS = 60;
/** Words of a wrapped headline's rest at most (a longer line under it is a standfirst or a caption). */
const WRAPPED_TAIL_MAX_WORDS = 8;
/** A rest opens in lower case: it continues a sentence. */
const LOWER_START_RE = /^\p{Ll}/u;
/** A time of day ("14:20", "18h05"): an update's or an entry's line, never a headline's rest. */
const TIME_RE = /\b\d{1,2}[:.h]\d{2}\b/u;
/** A credit's first word, a byline's without a name too ("por la redacción", "par notre correspondant", "via agência
 *  Lusa"); not "de" or "di", which open as many wrapped headlines' rests as bylines. */
const CREDIT_START_RE = /^(?:by|par|por|von|via|from|with|avec|con|com)\s/iu;

/** Blocks between a headline and its article at most (byline, dates, share bar, photo and caption, a summary box, a
 *  match report's score box and key moments). */
const HEADER_MAX_BLOCKS = 20;
/** Words of a line holding the date: a byline with it runs to a dozen ("Von Tim Scholz | 18.11.2024, 11:47 Uhr"). */
const DATE_LINE_MAX_WORDS = 12;

/** A share bar, or one of a run of two share buttons or more, a line each ("Share on Facebook", "Share via email"). */
function isShare(judged: readonly Judged[], j: Judged): boolean {
  // Asked only of the lines around a headline; remembered, since a line may be asked again.
  if (j.share === undefined) {
    // A button's own line: a label and the service ("Share via email"), or the service's name alone ("Facebook").
    const name = (b: Judged | undefined): boolean => b !== undefined && b.features.words <= SHARE_BUTTON_MAX_WORDS && isShareServiceName(b.block.text);
    const button = (b: Judged | undefined): boolean => name(b) || (b !== undefined && b.features.words <= SHARE_BUTTON_MAX_WORDS && isShareButton(b.block.text));
    const i = j.block.index;
    const bar = (b: Judged | undefined): boolean => b !== undefined && b.features.words <= SHARE_BAR_MAX_WORDS && isShareLine(b.block.text);
    j.share = bar(j) || (button(j) && (button(judged[i - 1]) || button(judged[i + 1])));
    // The bar's label on a line of its own ("Share this article", "Teilen"): a few words of sharing vocabulary.
    if (!j.share && j.features.words <= SHARE_LABEL_MAX_WORDS && j.features.boilerplate >= SHARE_LABEL_MIN_COVERAGE) {
      j.share = bar(judged[i - 1]) || bar(judged[i + 1]) || button(judged[i + 1]);
    }
    // A label in any language, a word or two over a run of buttons ("Megosztás", then "Facebook", "X"), or the
    // bar's "copy link" under it ("Kopiraj link", "Link másolása").
    if (!j.share && j.features.words <= LABEL_MAX_WORDS && !j.features.sentenceEnd) {
      // Above, over buttons that are the services' names alone or after its colon: a two-word headline stands
      // over labelled buttons ("Merz gewählt", then "Teilen auf Facebook").
      const above = /[:：]\s*$/u.test(j.block.text) ? button(judged[i + 1]) && button(judged[i + 2]) : name(judged[i + 1]) && name(judged[i + 2]);
      j.share = above || (button(judged[i - 1]) && button(judged[i - 2]));
    }
  }
  return j.share;
}
/** Words of a share bar's label on its own line, and the share of its letters in share and navigation phrases. */
const SHARE_LABEL_MAX_WORDS = 4;
const SHARE_LABEL_MIN_COVERAGE = 0.5;
/** Words of a share button and of a share bar as features count them (e-mail is two): longer lines skip the checks. */
const SHARE_BUTTON_MAX_WORDS = 4;
const SHARE_BAR_MAX_WORDS = 24;

/** A byline, date, share line or credits line: what a news site's header holds between headline and article. */
function isNewsFurniture(judged: readonly Judged[], j: Judged): boolean {
  const text = j.block.text;
  return j.reason === 'byline' || j.reason === 'date-line' || isByline(text, j.features) || isShare(judged, j) || isCreditsLine(text) || (j.features.words <= 10 && dateLineDate(text) !== null);
}

/** Words of a standfirst, the sentence or two summing up the article under its headline. */
const STANDFIRST_MAX_WORDS = 60;
const STANDFIRST_MIN_WORDS = 8;
/** Two sentences: a full stop, then a capital. */
const SENTENCE_BREAK_RE = /[.!?…]["'”»)]?\s+["'“«(]?\p{Lu}/u;

/** Sentence-shaped: closed, and two sentences or a long one. */
function isStandfirst(j: Judged): boolean {
  const f = j.features;
  return f.sentenceEnd && f.words >= STANDFIRST_MIN_WORDS && f.words <= STANDFIRST_MAX_WORDS && (f.words > TITLE_MAX_WORDS_SHORT || SENTENCE_BREAK_RE.test(j.block.text));
}
/** A single closed sentence of this many words may be a headline ("Police arrest three after raid."). */
const TITLE_MAX_WORDS_SHORT = 15;

/** Words of a section label ("ÉCONOMIE", "Tip-ins", "Local politics"): no headline is this short. */
const LABEL_MAX_WORDS = 2;
/** A heading that may stand between the headline and the article: a section label, or a name alone ("JAVIER MORENO"). */
function weakHeading(j: Judged): boolean {
  const f = j.features;
  return f.words <= LABEL_MAX_WORDS || nameShaped(j) || siteLabelled(j);
}

/** A short line under a label the run's pages share: a headline under its kicker ("Review: Small Hours") or an
 *  author's, a source's or a widget's line ("Qoraa: Cabdiraxmaan Xasan", "字号：大 中 小"); a longer heading above it
 *  is the headline. */
const siteLabelled = (j: Judged): boolean => j.labelDocs >= SITE_LABEL_MIN_DOCS && j.features.words < LABELLED_HEADLINE_MIN_WORDS;

/** Characters of a line read to tell its script. */
const SCRIPT_SAMPLE_CHARS = 300;
/** The script most of a text is written in (franc's script expressions; Chinese and Japanese together, as they share
 *  Han), or null for a text of digits and symbols. */
function writingSystem(text: string): string | null {
  const [script, share] = topScript(text.slice(0, SCRIPT_SAMPLE_CHARS));
  if (!script || share === 0) return null;
  return script === 'jpn' ? 'cmn' : script;
}

/**
 * A line of figures a header sets between headline and article: counts with their buttons ("2.3K 12 Listen Share"),
 * a match clock ("90+4'  Full-time"), or a row of a table the dump tool laid out in columns, a figure in it
 * ("Chelsea         1 - 0 Manchester City"). A headline's words are not a bar's ("Covid-19: 1,200 new cases", "iPhone
 * 16 vs 15"), and it has no column gap.
 */
function isFiguresLine(text: string): boolean {
  if ((TABLE_ROW_RE.test(text) && /\p{N}/u.test(text)) || SCORE_LINE_RE.test(text)) return true;
  let figures = 0;
  for (const token of text.trim().split(/\s+/)) {
    if (/\p{N}/u.test(token)) figures++;
    else if (/\p{L}/u.test(token) && !BAR_WORDS.has(token.toLowerCase().replace(EDGE_PUNCTUATION_RE, ''))) return false;
  }
  return figures >= FIGURES_LINE_MIN;
}
/** Two cells of a dump's table row: a gap of three spaces or more between them (no-break spaces join a page's top line). */
const TABLE_ROW_RE = /\S {3,}\S/;
/** A result alone, two sides and the score between ("Huracán 2 - 1 Banfield"): a headline says more ("Arsenal 2-1
 *  Aston Villa: Saka and Havertz keep title hopes alive"). */
const SCORE_LINE_RE = /^\p{Lu}[\p{L}.'’ -]{0,30}?\s\d{1,2}\s?[-–:]\s?\d{1,2}\s+\p{Lu}[\p{L}.'’ -]{0,30}$/u;
/** Figures of a figures line at least. */
const FIGURES_LINE_MIN = 2;
/** The words a bar of counts or a match clock holds beside its figures: buttons, counters, a match's state. */
const BAR_WORDS: ReadonlySet<string> = new Set(['listen', 'share', 'shares', 'save', 'comment', 'comments', 'view', 'views', 'like', 'likes', 'claps', 'reply', 'replies', 'responses', 'follow', 'followers', 'reads', 'min', 'mins', 'read', 'full-time', 'half-time', 'ft', 'ht', 'aet', 'agg', 'pens', 'teilen', 'kommentare', 'partager', 'commentaires', 'compartir', 'comentarios', 'condividi', 'commenti', 'partilhar', 'comentários', 'delen', 'reacties']);
const EDGE_PUNCTUATION_RE = /^[^\p{L}]+|[^\p{L}]+$/gu;

/** Words of a reading-time line ("Tempo di lettura: 3 minuti"). */
const READING_TIME_MAX_WORDS = 6;
const isReadingTimeOrCount = (j: Judged): boolean =>
  j.features.words <= READING_TIME_MAX_WORDS && (READING_TIME_RE.test(j.block.text) || isCounterLine(j.block.text));
/** Lines between a headline and its article, looked past. */
const LOOKED_PAST_REASONS: ReadonlySet<string> = new Set(['byline', 'date-line', 'reading-time', 'caption', 'markup', 'tags', 'ad-label']);
/** A line under a label of the site's this long is judged as any line above the article is: a headline under a kicker
 *  the site's pages share ("Sète : le port de commerce mise sur l'éolien", "Vendimia 2025: Mendoza eligió a su nueva
 *  reina"); a shorter one is a weak heading (see siteLabelled). */
const LABELLED_HEADLINE_MIN_WORDS = 6;
const HEADING_BLOCKERS = new Set(['front-matter', 'link-bar', 'symbols', 'boilerplate', 'url', 'published-line', 'related-link', 'source-footer', 'breadcrumb']);
/** Above the article: a heading, a line to look past (photo credit, timestamp, byline, image), or chrome that ends the header. */
function headingRole(judged: readonly Judged[], j: Judged): 'heading' | 'skip' | 'stop' {
  // A date of digits alone ("2024-05-12") is all symbols, and is looked past as a written date is; so is a heading's
  // underline (pandoc's setext `=====`).
  if (j.reason === 'symbols' && (parseDate(j.block.text) !== null || isRuleLine(j.block.text))) return 'skip';
  // Share buttons sit between many a headline and its article; other bars of links are the site's menus. A dump's bar
  // of numbered links ("[17]Facebook [18]X", "[14]Home > [15]News") is looked past as its links were before it was
  // known for a bar: share links, tags and trails stand there as often.
  if (isShare(judged, j) || (j.reason === 'link-bar' && j.features.barPieces < 3)) return 'skip';
  if (j.reason && HEADING_BLOCKERS.has(j.reason)) return 'stop';
  // (a bulleted byline or publication line is a header's, "* 입력 2025.03.14 10:21", looked past below)
  if ((j.features.bullet && j.reason !== 'date-line' && j.reason !== 'byline') || j.features.words > PHRASE_MAX_WORDS) return 'stop';
  if (LOOKED_PAST_REASONS.has(j.reason as string) || isCreditsLine(j.block.text) || isByline(j.block.text, j.features)) return 'skip';
  if (j.features.bracketShare > 0 || isCaptionText(j.block.text) || endsWithPhotographer(j.block.text) || dateLineDate(j.block.text) !== null || isTimestamp(j)) return 'skip';
  // A reading time, a counter ("ნახვები: 5 904", "Views: 1,204"), and a letter or two alone (a drop cap set apart from
  // its word, a stray initial).
  if (isReadingTimeOrCount(j) || isFiguresLine(j.block.text)) return 'skip';
  if (j.block.text.length <= 2) return 'skip';
  return isTitleShaped(j.block.text, j.features.words) ? 'heading' : 'stop';
}

/** A short line ending in a year and then a time of day: a publication line in a language whose month names or cue
 *  words are not known ("Imechapishwa: Jumatano, Aprili 23, 2025 saa 11:40 asubuhi", "… 2025, 08:30 h"). A headline
 *  holding both puts words between or after them ("Polls close at 8:00 in 2024 election", "Euro 2024: … at 21:00 in
 *  opener"). */
function isTimestamp(j: Judged): boolean {
  return j.features.words <= TIMESTAMP_MAX_WORDS && TIMESTAMP_END_RE.test(j.block.text);
}
const TIMESTAMP_MAX_WORDS = 12;
const TIMESTAMP_END_RE = /(?<!\p{N})(?:19|20)\d\d(?!\p{N})[^\p{N}]{0,12}(?<![\p{N}:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\p{N}:])[^\p{N}]{0,10}$/u;

/** "+ Subheading +" markers of some dumps: keep the words. */
const PLUS_HEADING_RE = /^\+\s+(.+?)\s+\+$/u;
/** A markdown heading's marker ("# Headline", "## Subheading", as markdown converters write headings): keep the words. */
const MARKDOWN_HEADING_RE = /^#{1,6}\s+(.+?)(?:\s+#+)?$/u;
/** Pandoc markdown's attributes closing a heading ("… {#headline .headline}", "… {.unnumbered lang=fo}"): not words. */
const PANDOC_ATTRIBUTES_RE = /\s+\{(?:\s*(?:#[\w:.-]+|\.[\w-]+|[\w-]+=(?:"[^"]*"|[^\s}]+)))+\s*\}$/u;
function bodyText(line: string): string {
  const m = PLUS_HEADING_RE.exec(line) ?? MARKDOWN_HEADING_RE.exec(line);
  const text = m ? m[1] : line;
  return text.endsWith('}') ? text.replace(PANDOC_ATTRIBUTES_RE, '') : text;
}
