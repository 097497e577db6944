/**
 * Cross-document line statistics of one run (cc_net style): how many documents contain each normalised line.
 * Compact: a Map from a 32-bit hash to a count, each line counted once per document.
 */

export interface CorpusStats {
  /** 32-bit FNV-1a hash of a normalised line → number of documents containing it. */
  lineDocs: Map<number, number>;
  /** Documents added. */
  documents: number;
}

export function createCorpusStats(): CorpusStats {
  return { lineDocs: new Map(), documents: 0 };
}

/** Lower-cased, digits → 0, punctuation and spacing folded (as cc_net normalises before hashing). */
export function normaliseLine(line: string): string {
  return line
    .toLowerCase()
    .replace(/\p{N}/gu, '0')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** FNV-1a over UTF-16 code units: fast, 32-bit, collisions negligible at per-line granularity. */
export function hashLine(normalised: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < normalised.length; i++) {
    h ^= normalised.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashes of the distinct non-empty lines of a text. */
export function lineHashes(text: string): Set<number> {
  const hashes = new Set<number>();
  for (const line of text.split('\n')) {
    const norm = normaliseLine(line);
    if (norm) hashes.add(hashLine(norm));
  }
  return hashes;
}

export function addToCorpusStats(stats: CorpusStats, text: string): void {
  stats.documents++;
  for (const h of lineHashes(text)) stats.lineDocs.set(h, (stats.lineDocs.get(h) ?? 0) + 1);
}

/** Number of documents of the run containing this line (0 when no stats). */
export function documentsWithLine(stats: CorpusStats | null, line: string): number {
  if (!stats) return 0;
  const norm = normaliseLine(line);
  return norm ? (stats.lineDocs.get(hashLine(norm)) ?? 0) : 0;
}
