/**
 * The clean stage's unit of work: a batch of spooled read rows (raw JSONL) in, cleaned records (raw JSONL),
 * rejects and packed signatures out. Pure and synchronous, so the same function runs in-process (`--jobs 1`)
 * and in the worker threads; a record's output never depends on its batch, so any batching and any number of
 * workers give the same bytes once batches are put back in order.
 */
import { cleanDocument, type CorpusStats } from '../clean/index.js';
import { bandingFor, signCompact, type DedupOptions, type DocSignature } from '../dedup/index.js';
import { bandKeys } from '../dedup/lsh.js';
import { encodeSignatures } from '../dedup/signature-file.js';
import type { RejectReason } from '../io/read.js';
import type { OutputRecord, SourceRecord } from '../types.js';

/** What cleaning one batch needs besides the rows; sent to each worker once. */
export interface BatchOptions {
  keepNoise: boolean;
  skipCleaning?: boolean;
  minChars: number;
  detectDuplicates: boolean;
  dedup: DedupOptions;
}

export interface BatchReject {
  id: string;
  reason: RejectReason;
  text: string;
}

/**
 * Signatures of a batch in a few flat typed arrays (one transfer, no per-document messages); `unpackSignatures`
 * turns them back into DocSignature objects whose arrays are views into these buffers.
 */
export interface PackedSignatures {
  ids: string[];
  wordCodes: string[];
  /** `minhashSlots` values per document (the slots the LSH banding reads). */
  minhash: Uint32Array;
  minhashSlots: number;
  /** End offset in `shingles` of each document's shingles. */
  shingleEnds: Uint32Array;
  shingles: Uint32Array;
  /** Distinct shingles of each body (`shingles` holds a sample of them). */
  shingleCount: Float64Array;
  /** Body length (characters) and words of each document. */
  length: Float64Array;
  words: Float64Array;
  /** Bit 0 title, 1 site, 2 date. */
  flags: Uint8Array;
  /** The batch's records of the signatures file (encodeSignatures): the main thread appends them as they are. */
  encoded: Uint8Array;
  /** `bands` LSH band keys per document (bandKeys); zeros for a document without shingles, never a candidate. */
  bandKeys: Uint32Array;
  bands: number;
}

export interface CleanedBatch {
  /**
   * JSON lines (each ending in "\n") of the records kept, in input order, as UTF-8 bytes ready for the shard's
   * records file: transferred, so the text never enters the main thread's heap.
   */
  lines: Uint8Array;
  kept: number;
  rejects: BatchReject[];
  signatures: PackedSignatures | null;
}

const utf8 = new TextEncoder();

/** Cleans one record into its output form. */
export function cleanRecord(row: SourceRecord, stats: CorpusStats | null, options: Pick<BatchOptions, 'keepNoise' | 'skipCleaning'>): OutputRecord {
  const result = options.skipCleaning
    ? { text: row.text, title: null, site: null, date: null, lang: null, noise: [] }
    : cleanDocument(row.text, stats);
  const record: OutputRecord = {
    id: row.id,
    text: result.text,
    title: result.title,
    site: result.site,
    date: result.date,
    lang: result.lang,
    encoding: row.encoding,
    chars_in: row.text.length,
    chars_kept: result.text.length,
  };
  if (options.keepNoise) record.noise = result.noise;
  if (row.extra) record.metadata = row.extra;
  return record;
}

/** Cleans each row of a batch (JSON lines of SourceRecord), rejects empty or short bodies, signs the rest. */
export function cleanBatch(rows: string, stats: CorpusStats | null, options: BatchOptions): CleanedBatch {
  const lines: string[] = [];
  const rejects: BatchReject[] = [];
  const signatures: DocSignature[] = [];
  let from = 0;
  while (from < rows.length) {
    let to = rows.indexOf('\n', from);
    if (to < 0) to = rows.length;
    const line = rows.slice(from, to);
    from = to + 1;
    if (!line) continue;
    const row = JSON.parse(line) as SourceRecord;
    const record = cleanRecord(row, stats, options);
    if (!record.text.trim()) {
      rejects.push({ id: row.id, reason: 'empty after cleaning', text: row.text });
      continue;
    }
    if (record.text.length < options.minChars) {
      rejects.push({ id: row.id, reason: 'shorter than --min-chars', text: row.text });
      continue;
    }
    // Compact at once: the full signature (~3.8 KB) would not fit a million documents in memory.
    if (options.detectDuplicates) signatures.push(signCompact(record, options.dedup));
    lines.push(JSON.stringify(record) + '\n');
  }
  return {
    lines: utf8.encode(lines.join('')),
    kept: lines.length,
    rejects,
    signatures: options.detectDuplicates ? packSignatures(signatures, options.dedup) : null,
  };
}

export function packSignatures(signatures: readonly DocSignature[], dedup: DedupOptions): PackedSignatures {
  const n = signatures.length;
  const slots = n ? signatures[0].minhash.length : 0;
  const banding = bandingFor(dedup);
  let total = 0;
  for (const s of signatures) total += s.shingles.length;
  const packed: PackedSignatures = {
    ids: signatures.map((s) => s.id),
    wordCodes: signatures.map((s) => s.wordCodes),
    minhash: new Uint32Array(n * slots),
    minhashSlots: slots,
    shingleEnds: new Uint32Array(n),
    shingles: new Uint32Array(total),
    shingleCount: new Float64Array(n),
    length: new Float64Array(n),
    words: new Float64Array(n),
    flags: new Uint8Array(n),
    encoded: encodeSignatures(signatures),
    bandKeys: new Uint32Array(n * banding.bands),
    bands: banding.bands,
  };
  let end = 0;
  signatures.forEach((s, i) => {
    packed.minhash.set(s.minhash, i * slots);
    packed.shingleCount[i] = s.shingleCount ?? s.shingles.length;
    packed.shingles.set(s.shingles, end);
    end += s.shingles.length;
    packed.shingleEnds[i] = end;
    packed.length[i] = s.length;
    packed.words[i] = s.words;
    packed.flags[i] = (s.hasTitle ? 1 : 0) | (s.hasSite ? 2 : 0) | (s.hasDate ? 4 : 0);
    if (s.shingles.length > 0) packed.bandKeys.set(bandKeys(s.minhash, banding), i * banding.bands);
  });
  return packed;
}

/** The buffers to transfer (not copy) when a worker hands a batch back. */
export function transferList(batch: CleanedBatch): ArrayBuffer[] {
  const lines = batch.lines.buffer as ArrayBuffer;
  const p = batch.signatures;
  if (!p) return [lines];
  return [lines, ...[p.minhash, p.shingleEnds, p.shingles, p.shingleCount, p.length, p.words, p.flags, p.encoded, p.bandKeys].map((a) => a.buffer as ArrayBuffer)];
}

export function unpackSignatures(p: PackedSignatures): DocSignature[] {
  const out: DocSignature[] = [];
  const slots = p.minhashSlots;
  let start = 0;
  for (let i = 0; i < p.ids.length; i++) {
    const end = p.shingleEnds[i];
    out.push({
      id: p.ids[i],
      minhash: p.minhash.subarray(i * slots, (i + 1) * slots),
      shingles: p.shingles.subarray(start, end),
      shingleCount: p.shingleCount[i],
      wordCodes: p.wordCodes[i],
      length: p.length[i],
      words: p.words[i],
      hasTitle: (p.flags[i] & 1) !== 0,
      hasSite: (p.flags[i] & 2) !== 0,
      hasDate: (p.flags[i] & 4) !== 0,
    });
    start = end;
  }
  return out;
}
