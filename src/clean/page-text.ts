/**
 * The text the cleaner reads a page as, and the run's line statistics count: the same function for both, so that a
 * line's key is the same when it is counted and when it is looked up.
 */
import { decodeHTML, DecodingMode } from 'entities';
import { unwrapHardWraps } from './unwrap.js';

/** A character reference with its semicolon: named (`&nbsp;`, `&quot;`), decimal (`&#8217;`) or hexadecimal. */
const REFERENCE_RE = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/;

/**
 * Character references decoded: a page whose tags a scraper stripped (a `sed` over the HTML, a regular expression)
 * keeps `&nbsp;`, `&quot;` and `&#8217;` where a browser shows a space, a quotation mark and an apostrophe. Only
 * references closed by their semicolon, as HTML5 requires in text ("AT&T", "&copy 2025" stay as they are).
 */
export function decodeReferences(text: string): string {
  if (text.indexOf('&') < 0 || !REFERENCE_RE.test(text)) return text;
  return decodeHTML(text, DecodingMode.Strict);
}

/** The page as the cleaner reads it: references decoded, line ends made LF (a decoded `&#13;` is a CR, which every
 *  reader of lines must split on alike), hard-wrapped paragraphs joined (see unwrap.ts). */
export function pageText(text: string): string {
  const decoded = decodeReferences(text);
  // (reading turns CR and CRLF into LF already: most texts hold no CR, and one search clears them)
  return unwrapHardWraps(decoded.includes('\r') ? decoded.replace(/\r\n?/g, '\n') : decoded);
}
