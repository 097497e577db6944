/**
 * A converter's header of fields above the page's text. Jina Reader (r.jina.ai, a common way to fetch pages for
 * language-model corpora) prints "Title: …", "URL Source: …", "Published Time: …" and then "Markdown Content:";
 * trafilatura's text output with metadata, and static sites' markdown, open with YAML front matter between two
 * "---" lines ("title: …", "date: …", "sitename: …"). The fields are the page's own metadata, read from its HTML head,
 * and the lines are no part of the article.
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
  return lines[0] === YAML_FENCE ? yamlFrontMatter(lines) : jinaHeader(lines);
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
