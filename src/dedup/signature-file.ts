/**
 * The signatures file of a shard (`signatures.bin`): its encoding, written by the clean step (in the clean
 * workers, so the main thread only appends bytes), and its decoding, read by the reduce step.
 */
import type { DocSignature } from './index.js';

/** The file's format and signature scheme (0002: one-permutation MinHash, a 0001 file's MinHash values do not band with
 *  these; 0003: each record ends with its document's member view). */
export const SIGNATURES_HEADER = Buffer.from('CSIG0003');
/** A shard folder's signatures file. */
export const SIGNATURES_FILE = 'signatures.bin';

/** Bytes of a signature's record after its size field. */
const encodedSize = (s: DocSignature, view: string): number =>
  4 + Buffer.byteLength(s.id, 'utf8') + 4 + s.wordCodes.length * 2 + 4 + s.minhash.length * 4 + 4 + s.shingles.length * 4 + 24 + 1 + 4 + Buffer.byteLength(view, 'utf8');

/**
 * Signatures as bytes, one record after the other, each its size then: id (UTF-8), word codes (UTF-16 code units,
 * little-endian), MinHash slots, shingle sample (32-bit little-endian), then shingle count, length, words, the
 * title/site/date flags, and the document's member view (UTF-8; `views[i]`, empty when not given: see
 * member-view.ts). One buffer for them all (a buffer per document kept the main thread collecting garbage);
 * arrays are copied as blocks, not value by value (the file assumes a little-endian machine, as copyU32 does).
 */
export function encodeSignatures(list: readonly DocSignature[], views: readonly string[] = []): Buffer {
  const b = Buffer.alloc(list.reduce((n, s, i) => n + 4 + encodedSize(s, views[i] ?? ''), 0));
  const bytesOf = (a: Uint32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let o = 0;
  for (const [i, s] of list.entries()) {
    const view = views[i] ?? '';
    o = b.writeUInt32LE(encodedSize(s, view), o);
    o = b.writeUInt32LE(Buffer.byteLength(s.id, 'utf8'), o);
    o += b.write(s.id, o, 'utf8');
    o = b.writeUInt32LE(s.wordCodes.length, o);
    // UTF-16LE writes each code unit as it is, a lone surrogate included.
    o += b.write(s.wordCodes, o, 'utf16le');
    o = b.writeUInt32LE(s.minhash.length, o);
    b.set(bytesOf(s.minhash), o);
    o += s.minhash.byteLength;
    o = b.writeUInt32LE(s.shingles.length, o);
    b.set(bytesOf(s.shingles), o);
    o += s.shingles.byteLength;
    o = b.writeDoubleLE(s.shingleCount ?? s.shingles.length, o);
    o = b.writeDoubleLE(s.length, o);
    o = b.writeDoubleLE(s.words, o);
    o = b.writeUInt8((s.hasTitle ? 1 : 0) | (s.hasSite ? 2 : 0) | (s.hasDate ? 4 : 0), o);
    o = b.writeUInt32LE(Buffer.byteLength(view, 'utf8'), o);
    o += b.write(view, o, 'utf8');
  }
  return b;
}

/** Where the fields of one encoded signature lie (byte offsets into the file), as encodeSignatures wrote them. */
export interface SignatureLayout {
  id: string;
  wordCodes: number;
  wordCodeCount: number;
  minhash: number;
  minhashCount: number;
  shingles: number;
  shingleValues: number;
  /** Shingle count, length, words (doubles) and the flags byte. */
  numbers: number;
}

export function layoutAt(bytes: Buffer, start: number): SignatureLayout {
  const idLen = bytes.readUInt32LE(start);
  const id = bytes.toString('utf8', start + 4, start + 4 + idLen);
  const wordCodes = start + 4 + idLen + 4;
  const wordCodeCount = bytes.readUInt32LE(wordCodes - 4);
  const minhash = wordCodes + wordCodeCount * 2 + 4;
  const minhashCount = bytes.readUInt32LE(minhash - 4);
  const shingles = minhash + minhashCount * 4 + 4;
  const shingleValues = bytes.readUInt32LE(shingles - 4);
  return { id, wordCodes, wordCodeCount, minhash, minhashCount, shingles, shingleValues, numbers: shingles + shingleValues * 4 };
}

/** Each signature's index and start in a signatures file, the wanted ones only (all without `wanted`). */
export function signatureStarts(bytes: Buffer, wanted?: ReadonlySet<number>): Array<[index: number, start: number]> {
  if (!bytes.subarray(0, SIGNATURES_HEADER.length).equals(SIGNATURES_HEADER)) throw new Error('not a signatures file');
  const starts: Array<[index: number, start: number]> = [];
  let o = SIGNATURES_HEADER.length;
  for (let index = 0; o < bytes.length; index++) {
    const size = bytes.readUInt32LE(o);
    const start = o + 4;
    o = start + size;
    if (o > bytes.length) throw new Error('truncated signatures file');
    if (!wanted || wanted.has(index)) starts.push([index, start]);
  }
  return starts;
}

/** `count` little-endian 32-bit values at `offset`, copied into `into` from `at` (byte copies, as every platform Node runs on is little-endian). */
export function copyU32(bytes: Buffer, offset: number, count: number, into: Uint32Array, at = 0): Uint32Array {
  new Uint8Array(into.buffer, into.byteOffset, into.byteLength).set(bytes.subarray(offset, offset + count * 4), at * 4);
  return into.subarray(at, at + count);
}

/** `scratch` when it holds `n` values, else a new one that does: reused across signatures, not allocated per document. */
export const atLeast = (scratch: Uint32Array<ArrayBuffer>, n: number): Uint32Array<ArrayBuffer> => (scratch.length >= n ? scratch : new Uint32Array(n));

/** The member view encodeSignatures wrote after the flags, as its UTF-8 bytes (empty when none was given). */
export function viewBytesOf(bytes: Buffer, l: SignatureLayout): Buffer {
  const at = l.numbers + 25;
  return bytes.subarray(at + 4, at + 4 + bytes.readUInt32LE(at));
}

/** The word codes as encodeSignatures wrote them: UTF-16LE code units, each read back as it is. */
export function wordCodesOf(bytes: Buffer, l: SignatureLayout): string {
  return bytes.toString('utf16le', l.wordCodes, l.wordCodes + l.wordCodeCount * 2);
}

export function flagsOf(bytes: Buffer, l: SignatureLayout): Pick<DocSignature, 'shingleCount' | 'length' | 'words' | 'hasTitle' | 'hasSite' | 'hasDate'> {
  const flags = bytes.readUInt8(l.numbers + 24);
  return {
    shingleCount: bytes.readDoubleLE(l.numbers),
    length: bytes.readDoubleLE(l.numbers + 8),
    words: bytes.readDoubleLE(l.numbers + 16),
    hasTitle: (flags & 1) !== 0,
    hasSite: (flags & 2) !== 0,
    hasDate: (flags & 4) !== 0,
  };
}

/** The signatures of a signatures file, in order; `wanted` (local indexes) keeps only those. */
export function decodeSignatures(bytes: Buffer, wanted?: ReadonlySet<number>): Map<number, DocSignature> {
  const layouts = signatureStarts(bytes, wanted).map(([index, start]) => [index, layoutAt(bytes, start)] as const);
  // The arrays are views into one allocation (an ArrayBuffer per array cost ~200 bytes each, 400 bytes per document).
  const slab = new Uint32Array(layouts.reduce((n, [, l]) => n + l.minhashCount + l.shingleValues, 0));
  let used = 0;
  const out = new Map<number, DocSignature>();
  for (const [index, l] of layouts) {
    const minhash = copyU32(bytes, l.minhash, l.minhashCount, slab, used);
    used += l.minhashCount;
    const shingles = copyU32(bytes, l.shingles, l.shingleValues, slab, used);
    used += l.shingleValues;
    out.set(index, { id: l.id, minhash, shingles, wordCodes: wordCodesOf(bytes, l), ...flagsOf(bytes, l) });
  }
  return out;
}

