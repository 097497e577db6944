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
import { memberView } from '../member-view.js';
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
 * A batch's signatures as the main thread uses them, worked out in the worker: the records of the signatures
 * file, appended as they are, and the LSH band keys of the candidate search. A few typed arrays: one transfer,
 * no per-document objects.
 */
export interface PackedSignatures {
  count: number;
  /** The batch's records of the signatures file (encodeSignatures). */
  encoded: Uint8Array;
  /** `bands` band keys per document (bandKeys); zeros for a document that is not `signed`. */
  bandKeys: Uint32Array;
  bands: number;
  /** 1 for a document with shingles, 0 for an empty body, which is never a candidate. */
  signed: Uint8Array;
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

/**
 * The lines, each followed by "\n", as UTF-8 in one buffer of its own (transferable, never a slice of Node's
 * pool), written line by line: joining them first copied every record once more.
 */
export function jsonLinesBytes(lines: readonly string[]): Uint8Array {
  let size = lines.length;
  for (const line of lines) size += Buffer.byteLength(line, 'utf8');
  const bytes = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const line of lines) {
    at += bytes.write(line, at, 'utf8');
    bytes[at++] = 0x0a;
  }
  return bytes;
}

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
  const views: string[] = [];
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
    if (options.detectDuplicates) {
      signatures.push(signCompact(record, options.dedup));
      views.push(memberView(record));
    }
    lines.push(JSON.stringify(record));
  }
  return {
    lines: jsonLinesBytes(lines),
    kept: lines.length,
    rejects,
    signatures: options.detectDuplicates ? packSignatures(signatures, options.dedup, views) : null,
  };
}

/** The batch's signatures for the signatures file and the candidate search, each with its document's member view. */
export function packSignatures(signatures: readonly DocSignature[], dedup: DedupOptions, views: readonly string[] = []): PackedSignatures {
  const banding = bandingFor(dedup);
  const packed: PackedSignatures = {
    count: signatures.length,
    encoded: encodeSignatures(signatures, views),
    bandKeys: new Uint32Array(signatures.length * banding.bands),
    bands: banding.bands,
    signed: new Uint8Array(signatures.length),
  };
  signatures.forEach((s, i) => {
    if (s.shingles.length === 0) return;
    packed.signed[i] = 1;
    packed.bandKeys.set(bandKeys(s.minhash, banding), i * banding.bands);
  });
  return packed;
}

/** The buffers to transfer (not copy) when a worker hands a batch back. */
export function transferList(batch: CleanedBatch): ArrayBuffer[] {
  const lines = batch.lines.buffer as ArrayBuffer;
  const p = batch.signatures;
  if (!p) return [lines];
  return [lines, ...[p.encoded, p.bandKeys, p.signed].map((a) => a.buffer as ArrayBuffer)];
}
