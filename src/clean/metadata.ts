/**
 * Metadata stated by the page: "published in <site> on <date>" lines, leading datelines, a bare site name as the
 * last line, " | Site" appended to a title, and the title line itself. Nothing is guessed: no cue, no value.
 */
import { parsePublicationDate } from './dates.js';
import { LIST_BULLET_RE, words } from './features.js';

/** Verbs that open a publication line, per language. */
const PUBLISHED_CUE = '(?:published|posted|first published|publié|publiée|mis en ligne|paru|publicado|publicada|veröffentlicht|erschienen|publicado|pubblicato|gepubliceerd|opublikowano|objavljeno|опубликовано|опубликован|yayınlanma(?: tarihi)?|yayınlandı|giriş(?: tarihi)?(?=\\s*:\\s*\\d{1,2}[./]\\d{1,2}[./]\\d{4}[\\s,-]*(?:\\d{1,2}[:.]\\d{2})?\\s*$)|publicat|publicată|publikováno|zveřejněno|publicerad|publicerat|publisert|publiceret|julkaistu|közzétéve|megjelent|เผยแพร่|公開日時|配信日時|掲載日時|掲載日|опубліковано|প্রকাশ|প্রকাশিত|منتشر شده|تاریخ انتشار|diterbitkan|dipublikasikan|δημοσιεύθηκε|δημοσίευση|đăng lúc|đăng ngày|प्रकाशित|פורסם|发布时间|发布于|发表于|公開日|配信日|게시일|입력|نشر|نُشر|نشرت)';
/** Prepositions between the cue and the site name ("in", "by", "dans", "par", "en", "por", "in", "von"…). */
const SITE_PREP = '(?:in|on|by|at|dans|par|sur|en|por|em|no|na|von|bei|auf|su|da|في|على|عبر)';
/** Prepositions between the site name and the date ("on", "le", "el", "am", "em", "il", "في", ","). */
const DATE_PREP = '(?:\\s(?:on|le|el|am|em|il|del|at|في|بتاريخ)|\\s*[,،–—|]|\\s-)';
const PUBLISHED_WITH_SITE_RE = new RegExp(`^\\s*${PUBLISHED_CUE}\\s+${SITE_PREP}\\s+(.+?)${DATE_PREP}\\s+(.*\\d.*)$`, 'iu');
const PUBLISHED_RE = new RegExp(`^\\s*${PUBLISHED_CUE}(?![\\p{L}])(.*)$`, 'iu');
/** A publication cue anywhere in a line ("Originally published May 3, 2019", "Tomaž Zupan | Objavljeno: 1. 4. 2025"). */
const PUBLISHED_CUE_ANYWHERE_RE = new RegExp(`(?<![\\p{L}])${PUBLISHED_CUE}(?![\\p{L}])`, 'iu');
/** Where the line's first publication cue starts, or -1. */
export function publicationCueAt(line: string): number {
  return PUBLISHED_CUE_ANYWHERE_RE.exec(line)?.index ?? -1;
}
export const holdsPublicationCue = (line: string): boolean => publicationCueAt(line) >= 0;
/** A publication line is one short line; it may give the update too ("Published 6:04 a.m. CT March 11, 2025 | Updated 9:15 a.m. …"). */
const PUBLISHED_MAX_WORDS = 24;
/** Words of a publication line that ends like a sentence. */
const PUBLISHED_SENTENCE_MAX_WORDS = 16;

export interface PublishedLine {
  site: string | null;
  date: string | null;
}

/** Reads a "Published in <site> on <date>" line; null when the line is not one (needs the cue and a date). */
export function parsePublishedLine(line: string, wordCount: number): PublishedLine | null {
  // A markdown converter's emphasis around the whole line ("_Publicado o 20 de marzo de 2025_") or around its label
  // ("**Published:** 20 March 2025") is no part of it.
  line = line.replace(EMPHASIS_AROUND_RE, '$2').replace(EMPHASIS_LABEL_RE, '$2');
  // So is a list item's bullet, as lynx prints a header's list of author and dates ("* 입력 2025.03.20 17:45 | 수정 …").
  line = line.replace(LIST_BULLET_RE, '');
  // Past a short line's length, only one that is no sentence (a body sentence may open "Published on 12 May 2023, …").
  if (wordCount > PUBLISHED_MAX_WORDS || (wordCount > PUBLISHED_SENTENCE_MAX_WORDS && /[.!?…]["”»)]?\s*$/u.test(line))) return null;
  const withSite = PUBLISHED_WITH_SITE_RE.exec(line);
  if (withSite) {
    const date = parsePublicationDate(withSite[2]);
    const site = cleanSiteName(withSite[1]);
    if (date && site) return { site, date };
  }
  const bare = PUBLISHED_RE.exec(line);
  if (!bare) return null;
  const date = parsePublicationDate(bare[1]);
  return date ? { site: null, date } : null;
}

/** A line wholly inside markdown emphasis: `_…_`, `*…*`, `__…__`, `**…**`. */
const EMPHASIS_AROUND_RE = /^(\*{1,2}|_{1,2})(?![\s*_])(.+?)(?<![\s*_])\1$/su;
/** A line's first words inside markdown emphasis, followed by the rest: `**Published:** 20 March 2025`. */
const EMPHASIS_LABEL_RE = /^(\*{1,2}|_{1,2})(?![\s*_])([^*_]+?)(?<![\s*_])\1(?=\s)/u;

/** Site names: 1-6 words or a domain, no sentence punctuation. */
const SITE_NAME_RE = /^(?=.*\p{L})[\p{L}\p{N}][\p{L}\p{N}&'’.\-: ]{0,48}[\p{L}\p{N}.]$/u;
const SITE_MAX_WORDS = 5;

function cleanSiteName(raw: string): string | null {
  const s = raw.trim().replace(/^["“«]|["”»]$/gu, '').trim();
  if (!SITE_NAME_RE.test(s) || s.split(/\s+/).length > SITE_MAX_WORDS) return null;
  return s;
}

/** A bare site name as the last line: short, capitalised or a domain, no sentence, no phrase. */
export function siteNameLine(line: string): string | null {
  const s = line.trim();
  if (/[.!?:;]$/.test(s) && !/\.[a-z]{2,}$/i.test(s)) return null;
  const name = cleanSiteName(s);
  if (!name) return null;
  const words = name.split(/\s+/);
  const capitalised = words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:de|of|the|la|le|el|du|des|der|die|das|di|da|and|et|y|und|&)$/i.test(w));
  const domain = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}$/iu.test(name);
  return capitalised || domain ? name : null;
}

/** " | Site" or " — Site" appended to a title: the site part when short. */
const TITLE_SITE_SEPARATOR_RE = /\s+(?:\||—|–|::)\s+([^|—–]+)$/u;

export function splitTitleSite(title: string): { title: string; site: string | null } {
  const m = TITLE_SITE_SEPARATOR_RE.exec(title);
  if (!m) return { title, site: null };
  const site = cleanSiteName(m[1]);
  // (a lower-case word alone after a dash is the headline's own: "… in favor of impeachment — some")
  if (!site || site.split(/\s+/).length > 4 || /^\p{Ll}+$/u.test(site)) return { title, site: null };
  return { title: title.slice(0, m.index).trim(), site };
}

/** Title-shaped: 2-30 words, not ending in ":" (a label), not a menu nor a credits line. */
const TITLE_MIN_WORDS = 2;
const TITLE_MAX_WORDS = 30;
export function isTitleShaped(line: string, wordCount: number): boolean {
  return wordCount >= TITLE_MIN_WORDS && wordCount <= TITLE_MAX_WORDS && !/[:,;]$/.test(line.trim()) && line.length <= 300 && !isMenuLine(line) && !isCreditsLine(line);
}

/** One credit of a credits line: a label of a word or two and a colon, then its value ("Editor: Ann Lee"). */
const CREDIT_RE = /^\p{L}+(?:\s\p{L}+)?\s*:\s*\S/u;

/** A label and a number, nothing else: a page's views or comments counted ("ნახვები: 5 904", "Views: 1,204"). */
const COUNTER_RE = /^[^\p{N}:]{1,40}:\s*\p{N}[\p{N}\s.,\u00a0\u202f]*$/u;
export function isCounterLine(line: string): boolean {
  return COUNTER_RE.test(line.trim());
}

/** Credits laid out as text ("Writer: Ann Lee | Editor: Tom Ray"), in any language: two items or more between bars
 *  or bullets, each a label and its value. A headline holds one colon at most. */
export function isCreditsLine(line: string): boolean {
  const items = line.split(MENU_SEPARATOR_RE);
  return items.length >= 2 && items.every((item) => CREDIT_RE.test(item.trim()));
}

/** Separator of the items of a menu line laid out as text ("Home | News | Sport", "Home  News  Sport"). */
const MENU_SEPARATOR_RE = /\s[|•·]\s|\s{2,}/u;
/** A menu's items are a word or two; a title with its section and site ("Budget approved after debate | Politics |
 *  The Daily") has a headline among them. */
const MENU_ITEM_MAX_WORDS = 2;
/** Menus have three items or more: "Title | Site" has two. */
const MENU_MIN_ITEMS = 3;

/** A line of three short items or more between bars or bullets, or four between runs of spaces (a headline's
 *  clauses may be set apart by two spaces: "国务院  发布新规  加强平台监管"): a site's menu, never a headline. */
export function isMenuLine(line: string): boolean {
  const items = line.split(MENU_SEPARATOR_RE);
  const minItems = MENU_BAR_RE.test(line) ? MENU_MIN_ITEMS : MENU_MIN_ITEMS + 1;
  return items.length >= minItems && items.every((item) => words(item).length <= MENU_ITEM_MAX_WORDS);
}
const MENU_BAR_RE = /\s[|•·]\s/u;
