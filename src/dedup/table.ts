/**
 * Signatures as columns: what clustering reads of each document (band keys, shingle sample, the numbers that
 * choose a representative) in a few typed arrays rather than an object with arrays of its own per document.
 * At a million documents the objects cost ~1.4 KB each in the heap where the columns take ~0.7 KB, and the
 * word codes, needed only for the members of the final clusters, are not held at all (see describeClusters).
 */
import type { Completeness } from './cluster.js';
import { bandKeys, type Banding } from './lsh.js';

/** What the table keeps of one signature (a DocSignature is one). */
export interface SignatureFields {
  id: string;
  minhash: Uint32Array;
  shingles: Uint32Array;
  shingleCount?: number;
  length: number;
  hasTitle: boolean;
  hasSite: boolean;
  hasDate: boolean;
}

/** Values of the first chunk of a Slab; each next chunk doubles, up to MAX_CHUNK_VALUES. */
const FIRST_CHUNK_VALUES = 1 << 12;
/** 16 MB: large enough that a run has few chunks, small enough that the last one's unused part does not matter. */
const MAX_CHUNK_VALUES = 1 << 22;
/** A location is chunk · 2^32 + offset: exact in a double for 2^21 chunks. */
const CHUNK_SPAN = 2 ** 32;

/** Append-only runs of 32-bit values in chunks: growing never copies what is stored (no 2× peak when it grows). */
class Slab {
  private chunks: Uint32Array[] = [];
  private used = 0;
  private capacity = 0;

  /** `expected` values: the first chunk holds them all (see SignatureTable's constructor). */
  constructor(expected = 0) {
    if (expected > 0) {
      this.chunks.push(new Uint32Array(expected));
      this.capacity = expected;
    }
  }

  /** Copies `values` in and returns their location. */
  append(values: Uint32Array): number {
    if (values.length === 0) return 0;
    if (this.used + values.length > this.capacity) {
      // A run never straddles chunks; one longer than a chunk gets a chunk of its own size.
      const next = Math.min(MAX_CHUNK_VALUES, this.capacity ? this.capacity * 2 : FIRST_CHUNK_VALUES);
      this.capacity = Math.max(next, values.length);
      this.chunks.push(new Uint32Array(this.capacity));
      this.used = 0;
    }
    const chunk = this.chunks.length - 1;
    this.chunks[chunk].set(values, this.used);
    const at = chunk * CHUNK_SPAN + this.used;
    this.used += values.length;
    return at;
  }

  view(at: number, length: number): Uint32Array {
    if (length === 0) return new Uint32Array(0);
    const chunk = Math.floor(at / CHUNK_SPAN);
    const offset = at - chunk * CHUNK_SPAN;
    return this.chunks[chunk].subarray(offset, offset + length);
  }
}

/** A typed array column that doubles as rows are added (a few bytes per row: the copy on growth is small). */
function grow<T extends Float64Array | Uint32Array | Uint8Array>(column: T, rows: number, make: (n: number) => T): T {
  if (rows < column.length) return column;
  const grown = make(Math.max(16, column.length * 2));
  grown.set(column);
  return grown;
}

const TITLE = 1;
const SITE = 2;
const DATE = 4;
/** No shingles (an empty body): never a candidate, no band keys. */
const EMPTY = 8;
/** Rows of band keys per chunk (fixed width, so a row's keys are found without a stored location). */
const KEY_ROWS_PER_CHUNK = 1 << 14;

/**
 * Rows in the order added; positions (what clustering indexes) in id order, as findDuplicates has always
 * indexed documents, so results do not depend on the order of loading. Call `sortById` after the last `add`.
 */
export class SignatureTable {
  private ids: string[] = [];
  private keyChunks: Uint32Array[] = [];
  private keyRowsPerChunk: number;
  private shingleSlab: Slab;
  private shinglesAt: Float64Array;
  private shingleLength: Uint32Array;
  private counts: Float64Array;
  private lengths: Float64Array;
  private flags: Uint8Array;
  private order: Uint32Array | null = null;

  /**
   * `expected`: the rows and shingles per row to make room for at once, when known. A few large arrays rather
   * than chunks that double: the allocator maps an array of 32 MB or more on its own and gives it back to the
   * system when it is freed, where freed chunks stay in the process (at a million documents the table's ~300 MB
   * stayed in its resident memory through the rest of the run). Room never used costs no memory.
   */
  constructor(
    readonly banding: Banding,
    expected: { rows: number; shinglesPerRow: number } = { rows: 0, shinglesPerRow: 0 },
  ) {
    const rows = expected.rows;
    this.keyRowsPerChunk = Math.max(KEY_ROWS_PER_CHUNK, rows);
    this.shingleSlab = new Slab(rows * expected.shinglesPerRow);
    this.shinglesAt = new Float64Array(rows);
    this.shingleLength = new Uint32Array(rows);
    this.counts = new Float64Array(rows);
    this.lengths = new Float64Array(rows);
    this.flags = new Uint8Array(rows);
  }

  get size(): number {
    return this.ids.length;
  }

  add(s: SignatureFields): void {
    const row = this.ids.length;
    this.shinglesAt = grow(this.shinglesAt, row, (n) => new Float64Array(n));
    this.shingleLength = grow(this.shingleLength, row, (n) => new Uint32Array(n));
    this.counts = grow(this.counts, row, (n) => new Float64Array(n));
    this.lengths = grow(this.lengths, row, (n) => new Float64Array(n));
    this.flags = grow(this.flags, row, (n) => new Uint8Array(n));
    this.ids.push(s.id);
    const bands = this.banding.bands;
    const perChunk = this.keyRowsPerChunk;
    if (row % perChunk === 0) this.keyChunks.push(new Uint32Array(perChunk * bands));
    if (s.shingles.length > 0) this.keyChunks[this.keyChunks.length - 1].set(bandKeys(s.minhash, this.banding), (row % perChunk) * bands);
    this.shinglesAt[row] = this.shingleSlab.append(s.shingles);
    this.shingleLength[row] = s.shingles.length;
    this.counts[row] = s.shingleCount ?? s.shingles.length;
    this.lengths[row] = s.length;
    this.flags[row] = (s.hasTitle ? TITLE : 0) | (s.hasSite ? SITE : 0) | (s.hasDate ? DATE : 0) | (s.shingles.length === 0 ? EMPTY : 0);
    this.order = null;
  }

  /** Fixes positions: position k is the k-th row by id. Throws on a repeated id. */
  sortById(): void {
    const ids = this.ids;
    const rows = Array.from({ length: ids.length }, (_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
    for (let k = 1; k < rows.length; k++) if (ids[rows[k]] === ids[rows[k - 1]]) throw new Error(`duplicate document id: ${ids[rows[k]]}`);
    this.order = Uint32Array.from(rows);
  }

  /** The row (order of `add`) at a position. */
  row(position: number): number {
    if (!this.order) throw new Error('SignatureTable: sortById before reading positions');
    return this.order[position];
  }

  id(position: number): string {
    return this.ids[this.row(position)];
  }

  /** Band `band`'s key of the document at `position`, or -1 for an empty body (in no bucket). */
  bandKey(position: number, band: number): number {
    const row = this.row(position);
    if (this.flags[row] & EMPTY) return -1;
    const perChunk = this.keyRowsPerChunk;
    return this.keyChunks[Math.floor(row / perChunk)][(row % perChunk) * this.banding.bands + band];
  }

  shingles(position: number): Uint32Array {
    const row = this.row(position);
    return this.shingleSlab.view(this.shinglesAt[row], this.shingleLength[row]);
  }

  shingleCount(position: number): number {
    return this.counts[this.row(position)];
  }

  completeness(position: number): Completeness {
    const row = this.row(position);
    const f = this.flags[row];
    return { id: this.ids[row], length: this.lengths[row], hasTitle: (f & TITLE) !== 0, hasSite: (f & SITE) !== 0, hasDate: (f & DATE) !== 0 };
  }
}
