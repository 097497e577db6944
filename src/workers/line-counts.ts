/**
 * The run's line statistics (how many documents hold each normalised line, as `addToCorpusStats` counts them)
 * kept in typed arrays on SharedArrayBuffers: every worker reads the one table without a copy.
 *
 * Why not the cleaner's `Map<number, number>`: a 1M-document corpus has about 12.5M distinct lines (12.5 per
 * generated document, 94% of them seen once). A Map stops at 2^24 entries, costs ~40 bytes per entry, and would
 * be cloned into every worker; this table costs 8 bytes per slot (at most 16 MB per 1M lines) and is shared.
 */
import { LineLabels, lineKeyHash, type CorpusStats } from '../clean/stats.js';
import { pageText } from '../clean/page-text.js';

/** What crosses to the workers: the table's buffers and the document count. */
export interface SharedLineCounts {
  keys: SharedArrayBuffer;
  counts: SharedArrayBuffer;
  documents: number;
}

/** Largest share of used slots before the table doubles (linear probing stays short below 3/4). */
const MAX_LOAD = 0.75;
const INITIAL_SLOTS = 1 << 16;

/** Slot of a hash: the line hash is FNV-1a, remixed so the low bits used as index are well spread. */
function slotOf(hash: number, mask: number): number {
  return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) & mask;
}

/** Open-addressing hash table, line hash → documents; a count of 0 marks an empty slot. */
export class LineCounts {
  private keys: Uint32Array;
  private counts: Uint32Array;
  private used = 0;
  /** Per slot, the last document (1-based) that counted its line: a line repeated in a document counts once.
   *  Only tables filled by addDocument have one; it is never shared. */
  private countedIn: Uint32Array | null = null;
  documents = 0;

  constructor(shared?: SharedLineCounts) {
    if (shared) {
      this.keys = new Uint32Array(shared.keys);
      this.counts = new Uint32Array(shared.counts);
      this.documents = shared.documents;
    } else {
      this.keys = new Uint32Array(new SharedArrayBuffer(INITIAL_SLOTS * 4));
      this.counts = new Uint32Array(new SharedArrayBuffer(INITIAL_SLOTS * 4));
    }
  }

  /**
   * Counts each distinct line of one document once (the cleaner's own line keys and hashes, as lineHashes
   * gives them), marking the slots it counted instead of building a set of the document's lines (a third of
   * the read step's time).
   */
  addDocument(text: string): void {
    // The lines splitBlocks reads: a hard-wrapped paragraph is one.
    text = pageText(text);
    const doc = ++this.documents;
    const labels = new LineLabels(text);
    let from = 0;
    while (from <= text.length) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      const hash = lineKeyHash(text, from, to);
      const label = labels.at(from, to);
      from = to + 1;
      if (hash >= 0) this.countOnce(hash, doc);
      if (label >= 0) this.countOnce(label, doc);
    }
  }

  /** Counts document `doc` for the line of this hash, unless it was counted already. */
  private countOnce(hash: number, doc: number): void {
    const slot = this.slotFor(hash);
    this.countedIn ??= new Uint32Array(this.keys.length);
    if (this.countedIn[slot] === doc) return;
    this.countedIn[slot] = doc;
    this.counts[slot]++;
  }

  increment(hash: number): void {
    this.add(hash, 1);
  }

  /** Adds `n` documents to the line of this hash. */
  add(hash: number, n: number): void {
    this.counts[this.slotFor(hash)] += n;
  }

  /** The slot of this hash, taken for it (count still 0) when the table does not hold it yet. */
  private slotFor(hash: number): number {
    if (this.used + 1 > this.keys.length * MAX_LOAD) this.grow();
    const mask = this.keys.length - 1;
    let slot = slotOf(hash, mask);
    while (this.counts[slot] !== 0 && this.keys[slot] !== hash) slot = (slot + 1) & mask;
    if (this.counts[slot] === 0) {
      this.keys[slot] = hash;
      this.used++;
    }
    return slot;
  }

  /**
   * Adds another table's counts and documents: the counts of two sets of documents merged equal the counts of
   * one pass over both, since each document is counted in one table only.
   */
  addCounts(other: LineCounts): void {
    const { keys, counts } = other;
    for (let i = 0; i < keys.length; i++) if (counts[i] !== 0) this.add(keys[i], counts[i]);
    this.documents += other.documents;
  }

  /** Documents holding the line of this hash, or undefined (as `Map.get`). */
  get(hash: number): number | undefined {
    const mask = this.keys.length - 1;
    let slot = slotOf(hash, mask);
    for (;;) {
      const count = this.counts[slot];
      if (count === 0) return undefined;
      if (this.keys[slot] === hash) return count;
      slot = (slot + 1) & mask;
    }
  }

  get size(): number {
    return this.used;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    const oldCounted = this.countedIn;
    const slots = oldKeys.length * 2;
    this.keys = new Uint32Array(new SharedArrayBuffer(slots * 4));
    this.counts = new Uint32Array(new SharedArrayBuffer(slots * 4));
    this.countedIn = oldCounted && new Uint32Array(slots);
    const mask = slots - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldCounts[i] === 0) continue;
      let slot = slotOf(oldKeys[i], mask);
      while (this.counts[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = oldKeys[i];
      this.counts[slot] = oldCounts[i];
      if (oldCounted) this.countedIn![slot] = oldCounted[i];
    }
  }

  share(): SharedLineCounts {
    return { keys: this.keys.buffer as SharedArrayBuffer, counts: this.counts.buffer as SharedArrayBuffer, documents: this.documents };
  }

  /**
   * The cleaner's CorpusStats over this table: `documentsWithLine` only calls `lineDocs.get`, so the table stands
   * in for the Map (same hashes, same counts, so cleaning is unchanged).
   */
  asCorpusStats(): CorpusStats {
    return { lineDocs: this as unknown as Map<number, number>, documents: this.documents };
  }
}
