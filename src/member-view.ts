/**
 * What a cluster member shows in the cluster records (`--dupes-out`, `corpus dupes --json`): its title, site, date,
 * length and the first words of its body. Made where the record is cleaned, and kept with its signature, so the
 * reduce step reads it back for the clusters' members only instead of parsing their records again (a fifth of writing
 * on the generated 100k corpus).
 */
import type { OutputRecord } from './types.js';

/** First words of a body, on one line. */
export function previewOf(text: string, chars = 120): string {
  // Flatten a prefix only, long enough to hold `chars` characters once spaces are collapsed: a slice of the whole
  // flattened body would keep that body alive (V8 slices point into their parent), and a run keeps a preview per
  // member: 2 GB of bodies on a million documents.
  let flat = '';
  for (let prefix = chars * 2; ; prefix *= 2) {
    flat = text.slice(0, prefix).replace(/\s+/g, ' ').trim();
    if (flat.length > chars || prefix >= text.length) break;
  }
  return flat.length <= chars ? flat : flat.slice(0, chars - 1).trimEnd() + '…';
}

/** A member's view as the JSON object its cluster record shows (never holds a raw newline: JSON escapes them). */
export function memberView(record: Pick<OutputRecord, 'title' | 'site' | 'date' | 'chars_kept' | 'text'>): string {
  return JSON.stringify({ title: record.title, site: record.site, date: record.date, chars: record.chars_kept, preview: previewOf(record.text) });
}

/** What a member shows when its view was not found. */
export const NO_VIEW = JSON.stringify({ title: null, site: null, date: null, chars: 0, preview: '' });
