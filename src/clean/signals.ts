/**
 * Signals that mark a single block as noise whatever its neighbours: link bars, run templates, in-document
 * repeats, w3m markup, related links, source footers, share/navigation phrases, captions, breadcrumbs, bylines, date
 * lines.
 * Each returns a reason string or null; the first signal that fires names the block.
 */
import type { Block } from './blocks.js';
import { LIST_BULLET_RE, words, type BlockFeatures } from './features.js';
import { GALLERY_COUNTER_RE, READING_TIME_RE, closesWithCredit, isAdLabel, isAffiliateDisclosure, isShopLink, isCaptionText, isCopyrightNotice, isPaywallNotice, isSignupConsent, isRelatedLink, isSourceFooter, isTagList } from './phrases.js';
import { dateLineDate, parseDate } from './dates.js';
import { TEMPLATE_MAX_WORDS } from './stats.js';

export interface SignalContext {
  /** Documents of the run containing this block's line (0 without stats). */
  documentsWithLine: number;
  /** Documents of the run with a line opened by the label this block opens with ("Read also:"; 0 without one). */
  labelDocuments: number;
  /** How widely the document's own text recurs in the run (see contentDocuments() in stats.ts; 1 when unique,
   *  the number of copies for a republished article; 0 without stats). */
  contentDocuments: number;
  /** The wider recurrence of the nearest content blocks before and after this one (0 without stats): a line
   *  recurring no more widely than the text around it belongs with that text. */
  neighbourDocuments: number;
  /** The same normalised line appeared earlier in this document. */
  seenBefore: boolean;
  minTemplateDocs: number;
}

/** Longest line dropped for repeating inside one document (titles, menus repeated in headers/footers). */
const REPEAT_MAX_WORDS = 25;
/** Related-link lines are one headline; longer lines starting "Read more" are prose. */
const RELATED_MAX_WORDS = 30;
/** Source footers are one short sentence. */
const FOOTER_MAX_WORDS = 16;
/** A tag list names a handful of topics; a longer line with a label is a sentence. */
const TAGS_MAX_WORDS = 30;
/** Phrase-covered blocks up to this length are navigation/share boilerplate. */
const BOILERPLATE_MAX_WORDS = 12;
/** Half the letters in nav/share phrases (measured: menu items ~1.0, body sentences < 0.15 on extract-dev). */
const BOILERPLATE_MIN_COVERAGE = 0.5;
/** Copyright notices are one or two sentences ("© 2019 AP. All rights reserved. This material may not…"). */
const COPYRIGHT_MAX_WORDS = 40;
/** Words of an affiliate disclosure at most (two or three sentences): a paragraph of an article on the trade is longer. */
const DISCLOSURE_MAX_WORDS = 50;
/** Captions and credits are short. */
const CAPTION_MAX_WORDS = 20;
/** w3m image alt text / form fields: most of the block inside brackets. */
const BRACKET_MIN_SHARE = 0.5;

/** A byline names one or two authors; with its date ("Von Tim Scholz | 18.11.2024, 11:47 Uhr") it runs longer. */
const BYLINE_MAX_WORDS = 8;
const BYLINE_DATED_MAX_WORDS = 16;
/** The cue, a full name, then a separator before the outlet, place or date. */
/** After the cue, a full name, then a separator before the outlet, place or date ("Por Ana Lima, Folha — São Paulo"). */
const BYLINE_NAME_THEN_MORE_RE = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,2}\s*[,|—–·-]/u;
/** A byline's cue ("By", "Por", "Von", "Av", "Texte :" …), matched in any case; the name after it is checked apart. */
const BYLINE_CUE_RE = /^[*_]*(?:by|par|por|von|di|de|from|av|af|door|written by|texte?|text|autor|auteur|author|redacción|redaktion|автор)\s*:?\s+/iu;
/** "From" starts Title Case headlines too ("From Paris To Tokyo, Cities …"): it needs a short line. */
const HEADLINE_CUE_RE = /^from\s/iu;
/** A name's first letter; case-sensitive, since with the i flag \p{Lu} matches any letter. */
const CAPITAL_RE = /^\p{Lu}/u;
/** A Korean byline: a name, then 기자 (reporter), perhaps an address, and nothing else. */
const KOREAN_BYLINE_RE = /^\p{Script=Hangul}{2,4}\s?기자(?:\s+\S+@\S+)?$/u;
/** A Chinese byline: 記者 / 记者 (reporter), perhaps after 本報 (this paper) or an agency, then names after a space
 *  ("本报记者 张三 李四") or a name and the place reported from ("記者陳怡君／台北報導"); not a heading such as 记者手记. */
const CHINESE_BYLINE_RE = /^[（(]?(?:本報|本报|中央社)?(?:記者|记者)(?:\s\p{Script=Han}{2,4}(?:[、，,\s]\s?\p{Script=Han}{2,4})*|\p{Script=Han}{2,4}\s?[／/]\s?\p{Script=Han}{2,8})[）)]?$/u;
/** A byline in a script without capitals: its cue and a colon, then a name of a few words ("كتب: سالم الحارثي",
 *  "كتبت: …", "بقلم: …", Persian "نویسنده: …"). */
const CASELESS_BYLINE_RE = /^(?:كتب|كتبت|بقلم|نویسنده)\s*[:：]\s*[^\p{Lu}\p{Ll}\p{N}:：]{2,40}$/u;
const NO_LETTERS_RE = /^[^\p{L}]*$/u;
/** A name alone: two or three capitalised words ("Ann Lee", "Tim Scholz"). */
const BULLETED_NAME_RE = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,2}$/u;
/** A fenced div's line in pandoc markdown (`::: {#main role="main"}`, `::: article-body`; a closing `:::` has no letters). */
const PANDOC_FENCE_RE = /^\s*:{3,}\s*(?:\{[^}]*\}|[\w-]+)\s*$/u;

/** Reasons that name a block before the run template does (its shape says more than its recurrence). A "Read also"
 *  link a site sets in every article (the day's promoted story) recurs as template does, but stands between the
 *  article's paragraphs, which context must look past it to keep; so does a shop's button or price ("Buy now"). */
export const SHAPE_REASONS: ReadonlySet<string> = new Set(['link-bar', 'symbols', 'markup', 'ad-label', 'shop-link', 'related-link']);
/** Words of a line of shops' prices and buttons at most ("$15 at Amazon $18 at Target"). */
const SHOP_LINK_MAX_WORDS = 16;

/** Whether the line opens with a byline's cue ("By", "Par", "Von" …): a cheap test before isByline's others. */
export const opensWithBylineCue = (text: string): boolean => BYLINE_CUE_RE.test(text);

/** "By Ann Lee", "Por Rafael Nogueira, Folha do Vale — São José", "Von Tim Scholz | 18.11.2024, 11:47 Uhr". */
export function isByline(text: string, f: BlockFeatures): boolean {
  if (f.sentenceEnd || f.words > BYLINE_DATED_MAX_WORDS) return false;
  // A byline set as a list item, as lynx prints one: "* 김민수 기자", "• By Ann Lee"; a list item opening with a cue is
  // more often a sentence ("* Von Januar bis März gesperrt", "* Por Internet, en la web del museo"), so there only
  // a name follows the cue, capitalised, with nothing after it.
  if (f.bullet && LIST_BULLET_RE.test(text)) {
    text = text.replace(LIST_BULLET_RE, '');
    if (KOREAN_BYLINE_RE.test(text) || CHINESE_BYLINE_RE.test(text) || CASELESS_BYLINE_RE.test(text)) return true;
    const cue = BYLINE_CUE_RE.exec(text);
    return cue !== null && BULLETED_NAME_RE.test(text.slice(cue[0].length));
  }
  if (KOREAN_BYLINE_RE.test(text) || CHINESE_BYLINE_RE.test(text) || CASELESS_BYLINE_RE.test(text)) return true;
  const cue = BYLINE_CUE_RE.exec(text);
  if (!cue) return false;
  const name = text.slice(cue[0].length);
  if (!CAPITAL_RE.test(name)) return false;
  if (f.words <= BYLINE_MAX_WORDS) return true;
  return (!HEADLINE_CUE_RE.test(text) && BYLINE_NAME_THEN_MORE_RE.test(name)) || parseDate(text) !== null;
}

/** A dump's link number opening a line. */
const LEADING_LINK_MARK_RE = /^\s*\[\d{1,4}\]/u;
/** A dump's link number before a link's text (lynx, elinks: "[12]News"). */
const LINK_MARK_RE = /\[\d{1,4}\]/g;
/** Links a line of them needs to be a bar, and the words each may have at most: a paragraph's inline links have a
 *  sentence's words between them. */
const MARKED_BAR_MIN_LINKS = 3;
const MARKED_BAR_WORDS_PER_LINK = 3;

/** A menu as lynx or elinks prints one: links one after another on a line, "[2]Home [3]News [4]World [5]Politics". */
function isMarkedLinkBar(text: string, f: BlockFeatures): boolean {
  if (f.sentenceEnd || !text.includes('[')) return false;
  const links = text.match(LINK_MARK_RE)?.length ?? 0;
  return links >= MARKED_BAR_MIN_LINKS && f.words <= links * (1 + MARKED_BAR_WORDS_PER_LINK);
}

export function hardNoiseReason(block: Block, f: BlockFeatures, ctx: SignalContext): string | null {
  if ((f.barPieces >= 3 && !f.tableRow) || isMarkedLinkBar(block.text, f)) return 'link-bar';
  if (NO_LETTERS_RE.test(block.text)) return 'symbols';
  if (PANDOC_FENCE_RE.test(block.text)) return 'markup';
  if (isAdLabel(block.text)) return 'ad-label';
  if (f.words <= SHOP_LINK_MAX_WORDS && isShopLink(block.text)) return 'shop-link';
  if (f.words <= TAGS_MAX_WORDS && isTagList(block.text)) return 'tags';
  if (isPaywallNotice(block.text, f.words)) return 'paywall';
  if (f.bracketShare >= BRACKET_MIN_SHARE) return 'markup';
  if (isTemplate(f, ctx)) return 'template';
  // Word limits first: the phrase patterns are unanchored and a block may be a whole page on one line.
  // (a dump's link number may open the line: "[9]READ MORE: …")
  if (f.words <= RELATED_MAX_WORDS && isRelatedLink(block.text.replace(LEADING_LINK_MARK_RE, ''))) return 'related-link';
  if (f.words <= FOOTER_MAX_WORDS && isSourceFooter(block.text)) return 'source-footer';
  if (f.words <= COPYRIGHT_MAX_WORDS && isCopyrightNotice(block.text)) return 'copyright';
  if (f.words <= DISCLOSURE_MAX_WORDS && isAffiliateDisclosure(block.text)) return 'disclosure';
  if ((f.boilerplate >= BOILERPLATE_MIN_COVERAGE && f.words <= BOILERPLATE_MAX_WORDS) || isSignupConsent(block.text, f.words)) return 'boilerplate';
  if (f.url && f.words <= 12) return 'url';
  // A repeated question or sentence is an interview's or a list's structure; a repeated label is page chrome
  // (a table's rows repeat its header, or each other, by design).
  if (ctx.seenBefore && f.words <= REPEAT_MAX_WORDS && !f.sentenceEnd && !f.tableRow) return 'repeated';
  if (isCaption(block.text, f)) return 'caption';
  if (isBreadcrumb(block.text, f)) return 'breadcrumb';
  if (isByline(block.text, f)) return 'byline';
  if (f.words <= 10 && !f.sentenceEnd && dateLineDate(block.text) !== null) return 'date-line';
  if (f.words <= READING_TIME_MAX_WORDS && READING_TIME_RE.test(block.text)) return 'reading-time';
  if (ctx.labelDocuments >= SITE_LABEL_MIN_DOCS && f.words <= SITE_LABEL_MAX_WORDS && !f.sentenceEnd && !f.tableRow) return 'site-label';
  return null;
}

/** Words of a reading-time line at most ("Temps de lecture : 2 min.", "5 min read"). */
const READING_TIME_MAX_WORDS = 6;

/** A label opening lines of this many documents of the run is a site's ("Read also:", "Tags:"), as a line recurring
 *  in as many is a template's (region.ts recurringMinDocs: a pair of documents says nothing of whose it is). */
export const SITE_LABEL_MIN_DOCS = 3;
/** A site's labelled line is a headline or a few tags; a sentence or a longer line after a label is prose (a
 *  dateline, "New Delhi: The government on Monday…"; an interview's "Q: …?"). */
const SITE_LABEL_MAX_WORDS = 20;

/** Sentences of this many words recurring in exactly `minTemplateDocs` documents are more likely one article
 *  republished than a template (seeds: a duplicate pair shares its 20-word closing quote), so need one more. */
const PROSE_MIN_WORDS = 6;
/** A line recurring no more widely than the text around it is exempt from the template signal from this many
 *  documents on: the article region weighs such stretches by their recurrence (region.ts recurringMinDocs), and
 *  cannot judge text only a pair of documents share. */
const NEIGHBOUR_EXEMPT_MIN_DOCS = 3;

/** A line recurring across documents of the run more widely than the document's own text does. */
export function isTemplate(f: BlockFeatures, ctx: SignalContext): boolean {
  // A paragraph is never template on its own: a republished copy's paragraphs recur unevenly (edits leave some
  // in fewer copies than others), so paragraphs are weighed by stretch, in the article region (region.ts).
  if (f.words > TEMPLATE_MAX_WORDS) return false;
  const docs = ctx.documentsWithLine;
  // No more widespread than the document's own content: the line is part of a republished article.
  if (docs <= ctx.contentDocuments) return false;
  // No more widespread than the text around it: the line belongs with that text, a republished article or a
  // sidebar, which the article region then weighs by its recurrence. The region cannot judge text shared by a
  // pair of documents, so there the line alone decides.
  if (docs >= NEIGHBOUR_EXEMPT_MIN_DOCS && docs <= ctx.neighbourDocuments) return false;
  const prose = f.sentenceEnd && f.words >= PROSE_MIN_WORDS;
  return docs >= ctx.minTemplateDocs + (prose ? 1 : 0);
}

/** The cookie of a consent notice: the English word most languages borrow ("Cookies", "plików cookie", "файлы
 *  cookie"), and the words of those that translate it (Turkish, Finnish, Swedish, Norwegian, Estonian, Hungarian,
 *  Slovenian, Croatian, Serbian, Russian, Japanese, Korean, Thai, Arabic, Hebrew). */
const COOKIE_RE = /(?:^|[^\p{L}])(?:cookie|çerez|eväste|kakor|informasjonskapsl|küpsis|süti|piškot|kolačić|колачић|куки|クッキー|쿠키|คุกกี้|ملفات تعريف الارتباط|עוגיות)/iu;
/** Words of the longest consent notice: a paragraph under the article about cookie rules is longer. */
const COOKIE_NOTICE_MAX_WORDS = 80;

/**
 * A site's cookie consent notice, a paragraph long and so never template on its own (isTemplate): it speaks of
 * cookies, recurs on SITE_LABEL_MIN_DOCS pages of the run or more, more widely than the page's own text and than the
 * text next to it (a republished article about cookie rules recurs as widely as its other paragraphs), and stands
 * outside the page's own text (`insideOwnText`: a wire story's background paragraph on cookie rules inside three
 * articles is theirs). Without it a short article that context judged noise left the notice as its page's only
 * paragraph, and two such pages of one site were the same "article".
 */
export function isCookieNotice(text: string, f: BlockFeatures, ctx: SignalContext, insideOwnText: boolean): boolean {
  const docs = ctx.documentsWithLine;
  if (insideOwnText || docs < SITE_LABEL_MIN_DOCS || docs <= ctx.contentDocuments || docs <= ctx.neighbourDocuments) return false;
  return speaksOfCookiesBriefly(text, f);
}
/** A paragraph no longer than a consent notice, speaking of cookies. */
const speaksOfCookiesBriefly = (text: string, f: BlockFeatures): boolean => f.words <= COOKIE_NOTICE_MAX_WORDS && COOKIE_RE.test(text);

/** Whether a text speaks of cookies, in one of the languages COOKIE_RE knows. */
export const speaksOfCookies = (text: string): boolean => COOKIE_RE.test(text);

/** A paragraph that may be a consent notice shown once (see markHardNoise): no longer than one, speaking of cookies and
 *  of the reader's consent or the site's use of them (a story's lede on cookie sales speaks of neither). */
export function isOneOffCookieNotice(text: string, f: BlockFeatures): boolean {
  return speaksOfCookiesBriefly(text, f) && CONSENT_RE.test(text);
}
/** A consent notice's words: the site uses cookies, the reader accepts, consents, sets preferences (Latin-script
 *  languages; elsewhere the notice is known by recurring on several pages only). */
const CONSENT_RE = /\b(?:we use|this (?:web)?site|our (?:web)?site|accept|consent|privacy|browsing|your experience|preferences|settings|utilisons|utilisent|acceptez|accepter|consentement|paramètres|verwenden|akzeptieren|einwilligung|zustimmung|einstellungen|utilizamos|utiliza|aceptas|aceptar|consentimiento|configuración|utilizziamo|accetti|accetta|consenso|impostazioni|aceita|aceitar|consentimento|gebruiken|accepteren|toestemming|instellingen|używamy|zgod[ęay]|ustawienia)/iu;

/** Separators of a breadcrumb trail ("Home › News › Politics", "Acasă » Actualitate"), spaced on both sides. */
const BREADCRUMB_ARROW_RE = /\s[›»]\s/u;
/** Weaker separators, which headlines use too ("Israel / Gaza war", "Shares > 5%"): a trail of them has three items. */
const BREADCRUMB_ANY_RE = /\s[›»>/]\s/u;
/** A greater-than sign between spaces, and a digit of any script. */
const GREATER_THAN_RE = /\s>\s/u;
const DIGIT_RE = /\p{Nd}/u;
/** A trail's items are section names; a trail is a few of them. */
const BREADCRUMB_ITEM_MAX_WORDS = 3;
const BREADCRUMB_MAX_WORDS = 8;

/** The page's place in the site's sections: short items between arrows (two or more) or slashes (three or more). */
function isBreadcrumb(text: string, f: BlockFeatures): boolean {
  if (f.words > BREADCRUMB_MAX_WORDS || f.sentenceEnd || !BREADCRUMB_ANY_RE.test(text)) return false;
  const items = text.split(BREADCRUMB_ANY_RE).map((item) => words(item).length);
  if (!items.every((n) => n >= 1 && n <= BREADCRUMB_ITEM_MAX_WORDS)) return false;
  // « » are French quotation marks, not arrows, in a line that opens a quote; > is an arrow between section names
  // ("Home > News", "Trang chủ > Đà Nẵng"), a sign between figures ("Shares > 5%").
  const arrows = (BREADCRUMB_ARROW_RE.test(text) && !text.includes('«')) || (GREATER_THAN_RE.test(text) && !DIGIT_RE.test(text));
  return items.length >= (arrows ? 2 : 3);
}

function isCaption(text: string, f: BlockFeatures): boolean {
  // A gallery caption may be a long sentence; the counter says what it is (item n of m, n ≤ m).
  const gallery = GALLERY_COUNTER_RE.exec(text);
  if (gallery && Number(gallery[1]) >= 1 && Number(gallery[1]) <= Number(gallery[2])) return true;
  // The expression last: a test of every short block against it was 2% of cleaning.
  return (f.words <= CAPTION_MAX_WORDS && (!f.sentenceEnd || f.words <= 12) && isCaptionText(text)) || (f.words <= CREDITED_CAPTION_MAX_WORDS && closesWithCredit(text));
}
/** Words of a caption closed by its credit at most (a few sentences of one; see closesWithCredit). */
export const CREDITED_CAPTION_MAX_WORDS = 60;
