/**
 * A converter's or an archive's header of fields above the page's text. Jina Reader (r.jina.ai, a common way to fetch pages for
 * language-model corpora) prints "Title: …", "URL Source: …", "Published Time: …" and then "Markdown Content:";
 * trafilatura's text output with metadata, and static sites' markdown, open with YAML front matter between two
 * "---" lines ("title: …", "date: …", "sitename: …"); a feed reader saves an article under "Feed: … Title: … Date: …",
 * and news archives export theirs with field codes (Factiva's HD, PD; LexisNexis's "1 of 5 DOCUMENTS" then BYLINE:,
 * LENGTH: …). The fields are the page's own metadata, and the lines are no part of the article.
 */
import { parseDate } from './dates.js';

export interface FrontMatter {
  /** Blocks (lines) the header takes at the top of the page. */
  blocks: number;
  title: string | null;
  date: string | null;
  site: string | null;
}

/** Jina Reader's field line ("URL Source: https://…", "Published Time: 2025-03-12T08:45:00+01:00"). */
const JINA_FIELD_RE = /^([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,2}):(?:\s+(.*))?$/;
/** The line that ends Jina Reader's header: the page's text follows. */
const JINA_END = 'Markdown Content:';
/** Fields a Jina header holds at most before its end (Title, URL Source, Published Time, Description, Warning …). */
const JINA_MAX_FIELDS = 8;
/** A YAML front matter's fence, and one of its `key: value` lines. */
const YAML_FENCE = '---';
const YAML_FIELD_RE = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/;
/** Lines a front matter holds at most (trafilatura's has a dozen fields). */
const YAML_MAX_FIELDS = 40;

/** YAML keys naming each field, by the converters that write them (trafilatura, Hugo, Jekyll, Ghost exports). */
const TITLE_KEYS = new Set(['title', 'headline']);
const DATE_KEYS = new Set(['date', 'published', 'pubdate', 'published_at', 'publishdate', 'date_published', 'published time']);
const SITE_KEYS = new Set(['sitename', 'site_name', 'site']);
/** Keys only front matter holds: one of them, or of the above, makes `---` lines a header. */
const KNOWN_KEYS = new Set([...TITLE_KEYS, ...DATE_KEYS, ...SITE_KEYS, 'url', 'hostname', 'author', 'description', 'categories', 'tags', 'fingerprint', 'id', 'license', 'lang', 'language', 'slug', 'draft', 'layout', 'image']);

/** The header at the top of a page's lines (its blocks' texts, blank lines left out), or null when it has none. */
export function readFrontMatter(lines: readonly string[]): FrontMatter | null {
  if (lines[0] === YAML_FENCE) return yamlFrontMatter(lines);
  return jinaHeader(lines) ?? feedHeader(lines) ?? factivaHeader(lines) ?? nexisHeader(lines);
}

/** A feed reader's or mail client's header ("Feed: …", "Title: …", "Author: …", "Date: …", "Link: …", as newsboat
 *  saves an article; "Subject:" for a mail): fields of these keys only, a title and a date, link or feed among them. */
const FEED_KEYS = new Set(['feed', 'title', 'subject', 'author', 'from', 'to', 'date', 'link', 'url', 'published', 'updated', 'source', 'categories', 'tags']);
const FEED_TITLE_KEYS = new Set(['title', 'subject']);
const FEED_MIN_FIELDS = 3;

/** Where a field starts inside a line: a long title's line and the next field's were joined as one wrapped line. */
const FEED_FIELD_START_RE = /\s+(?=(?:Feed|Title|Subject|Author|From|To|Date|Link|URL|Published|Updated|Source|Categories|Tags):\s)/;

function feedHeader(lines: readonly string[]): FrontMatter | null {
  const fields = new Map<string, string>();
  let i = 0;
  read: for (; i < lines.length && i < JINA_MAX_FIELDS; i++) {
    for (const piece of lines[i].split(FEED_FIELD_START_RE)) {
      const m = JINA_FIELD_RE.exec(piece);
      if (!m || !FEED_KEYS.has(m[1].toLowerCase())) break read;
      fields.set(m[1].toLowerCase(), m[2] ?? '');
    }
  }
  const titled = [...fields.keys()].some((key) => FEED_TITLE_KEYS.has(key));
  if (i < FEED_MIN_FIELDS || !titled || !(fields.has('date') || fields.has('link') || fields.has('feed'))) return null;
  const header = frontMatter(i, fields);
  return { ...header, title: header.title ?? fields.get('subject')?.trim() ?? null, site: header.site ?? fields.get('feed')?.trim() ?? null };
}

/** Factiva's export: a field code of two or three capitals alone on its line (its value on the next) or before a tab,
 *  HD the headline, BY the byline, PD the publication date, SN the source's name, LP the lead paragraphs, TD the rest of
 *  the text, AN the accession number closing the record. The header runs to the LP (or TD) code. */
const FACTIVA_FIELD_RE = /^(SE|HD|BY|CR|WC|PD|ET|SN|SC|ED|PG|LA|CY|LP|TD|ART|CO|IN|NS|RE|IPC|IPD|PUB|AN)(?:\t(.*))?$/;
const FACTIVA_BODY_CODES = new Set(['LP', 'TD']);
/** Fields (with their values) Factiva's header holds at most before the text. */
const FACTIVA_MAX_LINES = 32;

function factivaHeader(lines: readonly string[]): FrontMatter | null {
  const fields = new Map<string, string>();
  for (let i = 0; i < lines.length && i < FACTIVA_MAX_LINES; i++) {
    const m = FACTIVA_FIELD_RE.exec(lines[i]);
    if (!m) return null;
    if (FACTIVA_BODY_CODES.has(m[1])) {
      if (!fields.has('HD') || !fields.has('PD')) return null;
      const pd = fields.get('PD') ?? '';
      return { blocks: i + 1, title: fields.get('HD') || null, date: parseDate(pd), site: fields.get('SN') || null };
    }
    // The value on the tab's right, or on the next line.
    const value = m[2] !== undefined ? m[2].trim() : (lines[i + 1] ?? '').trim();
    if (m[2] === undefined) i++;
    fields.set(m[1], value);
  }
  return null;
}

/** LexisNexis's export: "3 of 25 DOCUMENTS", the publication, the date ("February 6, 2025 Thursday"), the headline, then
 *  its fields (BYLINE:, SECTION:, LENGTH: …) before the text. */
const NEXIS_MARK_RE = /^\d+ of \d+ DOCUMENTS$/i;
const NEXIS_FIELD_RE = /^[A-Z][A-Z-]+: /;
/** Lines the publication, the date and the headline (which may wrap) take at most before the fields. */
const NEXIS_MAX_HEAD_LINES = 6;

function nexisHeader(lines: readonly string[]): FrontMatter | null {
  if (!NEXIS_MARK_RE.test(lines[0] ?? '')) return null;
  const fieldsAt = lines.findIndex((line, i) => i > 0 && NEXIS_FIELD_RE.test(line));
  if (fieldsAt < 3 || fieldsAt > NEXIS_MAX_HEAD_LINES) return null;
  let end = fieldsAt;
  while (end < lines.length && NEXIS_FIELD_RE.test(lines[end])) end++;
  // The date's line, the headline's right above the fields (an edition's line may stand between); a publication's line
  // above the date.
  const dateAt = lines.slice(1, fieldsAt).findIndex((line) => parseDate(line) !== null) + 1;
  if (dateAt < 1 || dateAt >= fieldsAt - 1) return null;
  return { blocks: end, title: lines[fieldsAt - 1].trim() || null, date: parseDate(lines[dateAt]), site: dateAt > 1 ? lines[1] : null };
}

function jinaHeader(lines: readonly string[]): FrontMatter | null {
  const fields = new Map<string, string>();
  for (let i = 0; i < lines.length && i <= JINA_MAX_FIELDS; i++) {
    if (lines[i] === JINA_END) return fields.has('title') || fields.has('url source') ? frontMatter(i + 1, fields) : null;
    const m = JINA_FIELD_RE.exec(lines[i]);
    if (!m) return null;
    fields.set(m[1].toLowerCase(), m[2] ?? '');
  }
  return null;
}

function yamlFrontMatter(lines: readonly string[]): FrontMatter | null {
  const fields = new Map<string, string>();
  for (let i = 1; i < lines.length && i <= YAML_MAX_FIELDS + 1; i++) {
    // (a field it names, at least: a rule over labelled notes, "Update: …" and "Correction: …", is the page's text)
    if (lines[i] === YAML_FENCE) return [...fields.keys()].some((key) => KNOWN_KEYS.has(key)) ? frontMatter(i + 1, fields) : null;
    const m = YAML_FIELD_RE.exec(lines[i]);
    // (a list's items under a key: "tags:" then "- economy")
    if (!m && lines[i].startsWith('- ')) continue;
    if (!m) return null;
    fields.set(m[1].toLowerCase(), unquote(m[2] ?? ''));
  }
  return null;
}

function frontMatter(blocks: number, fields: ReadonlyMap<string, string>): FrontMatter {
  const pick = (keys: ReadonlySet<string>): string | null => {
    for (const [key, value] of fields) if (keys.has(key) && value.trim()) return value.trim();
    return null;
  };
  const date = pick(DATE_KEYS);
  return { blocks, title: pick(TITLE_KEYS), date: date === null ? null : parseDate(date), site: pick(SITE_KEYS) };
}

/** A YAML scalar's quotes taken off ("'It''s here'" → "It's here"). */
function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\"/g, '"');
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}
