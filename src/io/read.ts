import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { SourceRecord } from '../types.js';
import { StreamDecoder, detectEncoding, type Detection } from './decode.js';
import { describeFsError, type InputFile } from './discover.js';
import { RecordSplitter } from './records.js';

/** What reading one input yields: records, records that cannot be used, and problems with the file itself. */
export type ReadEvent =
  | { type: 'record'; record: SourceRecord }
  | { type: 'reject'; id: string; reason: RejectReason; text: string | null; message: string }
  | { type: 'problem'; path: string; message: string }
  | { type: 'warning'; path: string; message: string };

/** Reasons a record is rejected; the same strings appear in summaries and rejects files. */
export type RejectReason =
  | 'binary'
  | 'undecodable'
  | 'malformed JSONL line'
  | 'truncated input'
  | 'empty after cleaning'
  | 'shorter than --min-chars';

export interface ReadOptions {
  /** Token that separates documents in text inputs. */
  delimiter: string;
  /** Decode with this encoding instead of detecting one. */
  encoding?: string;
  /** How to read the input: by its name (`.jsonl`, `.ndjson`, optionally `.gz`), or forced. */
  format?: 'auto' | 'text' | 'jsonl';
  /** Where `-` reads from (tests pass their own stream). */
  stdin?: NodeJS.ReadableStream;
}

/** Bytes looked at to choose an encoding: enough for chardet, small enough to start streaming at once. */
const SAMPLE_BYTES = 1 << 20;
/** Read size for files: large reads, few syscalls. */
const CHUNK_BYTES = 1 << 20;
/** Read size after a file's known size, to find its end without allocating a whole chunk. */
const EOF_PROBE_BYTES = 1 << 12;

const isGzipMagic = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
const isJsonlName = (name: string): boolean => /\.(jsonl|ndjson)(\.gz)?$/i.test(name);

/**
 * A file's bytes in reads of at most CHUNK_BYTES, each into a buffer of its own sized to what is left: a stream
 * with a 1 MB high-water mark allocates 1 MB per read, and on a folder of 4 KB pages the garbage collector then
 * took a third of the read stage. Reads until a read returns nothing, so a file that grows or a special file
 * (size 0) is read whole.
 */
async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let left = size;
    for (;;) {
      // Past the size it had: a small read to see the end, unless it grows (or had no size: a special file).
      const want = left > 0 ? Math.min(CHUNK_BYTES, left) : size > 0 && left === 0 ? EOF_PROBE_BYTES : CHUNK_BYTES;
      const buffer = Buffer.allocUnsafe(want);
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      left -= bytesRead;
      yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes, gunzipped when they start with the gzip magic number. */
async function* byteChunks(file: InputFile, options: ReadOptions): AsyncGenerator<Buffer> {
  const it: AsyncIterator<Buffer> =
    file.path === '-' ? ((options.stdin ?? process.stdin) as AsyncIterable<Buffer>)[Symbol.asyncIterator]() : fileChunks(file.path);
  const first = await it.next();
  if (first.done) return;
  // Stdin may hand strings or plain Uint8Arrays; a Buffer is used as it is.
  const asBuffer = (chunk: Buffer | Uint8Array | string): Buffer => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  const head = asBuffer(first.value);
  async function* all(): AsyncGenerator<Buffer> {
    yield head;
    for (let n = await it.next(); !n.done; n = await it.next()) yield asBuffer(n.value);
  }
  if (!isGzipMagic(head)) {
    yield* all();
    return;
  }
  const gunzip = createGunzip();
  Readable.from(all()).on('error', (err) => gunzip.destroy(err)).pipe(gunzip);
  for await (const chunk of gunzip) yield chunk as Buffer;
}

/** Reads the first `SAMPLE_BYTES` (or the whole input if smaller) to detect the encoding and format. */
async function takeSample(chunks: AsyncGenerator<Buffer>): Promise<{ sample: Buffer; complete: boolean; error?: unknown }> {
  const parts: Buffer[] = [];
  let size = 0;
  while (size < SAMPLE_BYTES) {
    let n;
    try {
      n = await chunks.next();
    } catch (error) {
      // A read error inside the sample (a short truncated .gz): what came before it is still read.
      if (!size) throw error;
      return { sample: Buffer.concat(parts), complete: true, error };
    }
    if (n.done) return { sample: joined(parts), complete: true };
    parts.push(n.value);
    size += n.value.length;
  }
  return { sample: joined(parts), complete: false };
}

/** The parts as one buffer; a single part as it is (most pages are one read). */
const joined = (parts: Buffer[]): Buffer => (parts.length === 1 ? parts[0] : Buffer.concat(parts));

/**
 * Decoded text of the input, chunk by chunk, after the sample; in one piece when the sample is the whole input
 * (`whole`: read without error to its end), decoded in one call.
 */
async function* decodedText(decoder: StreamDecoder, sample: Buffer, whole: boolean, rest: AsyncGenerator<Buffer>): AsyncGenerator<string> {
  if (whole) {
    yield decoder.whole(sample);
    return;
  }
  yield decoder.write(sample);
  for await (const chunk of rest) yield decoder.write(chunk);
  yield decoder.end();
}

/** Whether text read from stdin looks like JSONL: its first line is a JSON object with a string `text`. A first
 *  line longer than the sample (a scraper's record with its HTML) cannot be parsed here, so it is judged by its
 *  start: an object whose first member is a quoted key, and a `"text"` member with a string value. */
function looksLikeJsonl(sample: Buffer, complete: boolean): boolean {
  const head = sampleText(sample, complete).trimStart();
  if (!head.startsWith('{')) return false;
  const newline = head.indexOf('\n');
  if (newline < 0 && !complete) return LONG_JSONL_START_RE.test(head) && /"text"\s*:\s*"/.test(head);
  try {
    const obj = JSON.parse(newline < 0 ? head : head.slice(0, newline));
    return obj !== null && typeof obj === 'object' && typeof obj.text === 'string';
  } catch {
    return false;
  }
}

/** The sample as text: UTF-16 (PowerShell's `>` writes it) decoded as such, anything else read as UTF-8 (JSON's
 *  punctuation reads the same in every ASCII-based encoding); a byte order mark left out. */
function sampleText(sample: Buffer, complete: boolean): string {
  const detection = detectEncoding(sample, complete);
  const utf16 = detection.kind === 'text' && detection.encoding.startsWith('utf-16') ? detection.encoding : null;
  const text = utf16 ? new TextDecoder(utf16).decode(sample) : sample.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The start of a JSON object: `{`, then a quoted key and its colon. */
const LONG_JSONL_START_RE = /^\{\s*"(?:[^"\\]|\\.)*"\s*:/;

/**
 * Reads one input: decodes it and yields its records (text files split on the delimiter,
 * JSONL files line by line), plus rejects and problems, never throwing for bad input.
 */
export async function* readInput(file: InputFile, options: ReadOptions): AsyncGenerator<ReadEvent> {
  const chunks = byteChunks(file, options);
  try {
    const { sample, complete, error } = await takeSample(chunks);
    if (sample.length === 0) {
      yield { type: 'warning', path: file.path, message: 'empty file, no records' };
      return;
    }
    const format = options.format && options.format !== 'auto' ? options.format : isJsonlName(file.name) || (file.path === '-' && looksLikeJsonl(sample, complete)) ? 'jsonl' : 'text';
    const rest = error === undefined ? chunks : failing(error);
    const whole = complete && error === undefined;
    if (format === 'jsonl') yield* readJsonlRecords(file, sample, complete, whole, rest, options);
    else yield* readTextRecords(file, sample, complete, whole, rest, options);
  } catch (err) {
    yield { type: 'problem', path: file.path, message: describeReadError(err) };
  } finally {
    await chunks.return(undefined);
  }
}

/** A byte source that only fails: the read error met while sampling, raised after the sample is used. */
async function* failing(error: unknown): AsyncGenerator<Buffer> {
  throw error;
}

function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || /unexpected end of file/i.test(String((err as Error)?.message))) {
    return `truncated or corrupt gzip data (${(err as Error).message})`;
  }
  return describeFsError(err);
}

/** How an input is to be decoded: as `--encoding` says, else as its sample shows. */
const detectionOf = (sample: Buffer, complete: boolean, options: ReadOptions): Detection =>
  options.encoding ? { kind: 'text', encoding: options.encoding } : detectEncoding(sample, complete);

/** A decoder for one input. Only a file whose encoding was detected may switch mid-way (see StreamDecoder): a pipe
 *  hands over pieces of varying size, and the switch reads the piece it meets. */
const decoderFor = (file: InputFile, encoding: string, options: ReadOptions): StreamDecoder =>
  new StreamDecoder(encoding, !options.encoding && file.path !== '-');

/** The warnings a decoder leaves once an input is read. */
function* decoderWarnings(file: InputFile, decoder: StreamDecoder): Generator<ReadEvent> {
  if (decoder.invalidBytes) yield { type: 'warning', path: file.path, message: 'invalid UTF-8 bytes replaced with U+FFFD' };
  if (decoder.switchedAt !== null) {
    yield { type: 'warning', path: file.path, message: `the first ${decoder.switchedAt} bytes are ASCII and what follows is not UTF-8: decoded as ${decoder.encoding} from byte ${decoder.switchedAt} on (--encoding decides)` };
  }
}

/** The stem of an input's record ids. */
const idBase = (file: InputFile): string => (file.path === '-' ? 'stdin' : file.name);

async function* readTextRecords(
  file: InputFile,
  sample: Buffer,
  complete: boolean,
  whole: boolean,
  rest: AsyncGenerator<Buffer>,
  options: ReadOptions,
): AsyncGenerator<ReadEvent> {
  const detection = detectionOf(sample, complete, options);
  if (detection.kind === 'binary') {
    yield binaryReject(file);
    return;
  }
  const decoder = decoderFor(file, detection.encoding, options);
  const splitter = new RecordSplitter(options.delimiter);
  const base = idBase(file);
  // Ids get `#N` only when the file holds more than one record, so the first is held until a second shows.
  let held: string | null = null;
  let count = 0;
  const make = (text: string, n: number | null): ReadEvent => {
    const id = n === null ? base : `${base}#${n}`;
    if (isUndecodable(text)) {
      return { type: 'reject', id, reason: 'undecodable', text, message: `${file.path}: record ${id} is mostly undecodable bytes (wrong --encoding?)` };
    }
    // (a text file with a stray NUL byte: that record alone is rejected, as a JSONL line holding one is)
    if (text.includes('\u0000')) return { type: 'reject', id, reason: 'binary', text, message: `${file.path}: record ${id} holds NUL bytes, skipped` };
    return { type: 'record', record: { id, text, encoding: decoder.encoding } };
  };
  let truncated: unknown = null;
  try {
    for await (const records of recordTexts(splitter, decodedText(decoder, sample, whole, rest), whole)) {
      for (const record of records) {
        count++;
        if (count === 1) { held = record; continue; }
        if (held !== null) { yield make(held, 1); held = null; }
        yield make(record, count);
      }
    }
  } catch (err) {
    truncated = err;
  }
  const tail = splitter.end();
  if (truncated !== null && tail.length) {
    // The last record was cut by the read error: keep its text in the rejects, never pass it as whole.
    const partial = tail.pop()!;
    yield { type: 'reject', id: `${base}#${count + tail.length + 1}`, reason: 'truncated input', text: partial, message: `${file.path}: last record cut short by a read error` };
  }
  for (const record of tail) {
    count++;
    if (count === 1) { held = record; continue; }
    if (held !== null) { yield make(held, 1); held = null; }
    yield make(record, count);
  }
  if (held !== null) yield make(held, stdinOrSingle(file, count));
  if (count === 0 && truncated === null) yield { type: 'warning', path: file.path, message: 'no records (only white space or delimiters)' };
  yield* decoderWarnings(file, decoder);
  if (truncated !== null) throw truncated;
}

/** The records found in each piece of text; one scan of the whole text (records sliced from it) when `whole`. */
async function* recordTexts(splitter: RecordSplitter, texts: AsyncGenerator<string>, whole: boolean): AsyncGenerator<string[]> {
  for await (const text of texts) yield whole ? splitter.finish(text) : splitter.push(text);
}

const binaryReject = (file: InputFile): ReadEvent => ({ type: 'reject', id: file.name, reason: 'binary', text: null, message: `${file.path}: binary file (NUL bytes), skipped` });

/** Share of U+FFFD among a record's characters above which it is rejected as undecodable rather than cleaned. */
const MAX_REPLACEMENT_SHARE = 0.2;

function isUndecodable(text: string): boolean {
  let replaced = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) replaced++;
  return replaced > 0 && replaced > text.length * MAX_REPLACEMENT_SHARE;
}

/** Stdin records are always numbered (`stdin#1`); a file's single record keeps the bare name. */
const stdinOrSingle = (file: InputFile, count: number): number | null => (file.path === '-' || count > 1 ? 1 : null);

async function* readJsonlRecords(file: InputFile, sample: Buffer, complete: boolean, whole: boolean, rest: AsyncGenerator<Buffer>, options: ReadOptions): AsyncGenerator<ReadEvent> {
  // JSONL is UTF-8 by definition, but exports come with a BOM, in UTF-16 or in a legacy encoding: decoded as text is.
  const detected = detectionOf(sample, complete, options);
  // A NUL byte makes a text file binary, but in JSONL it is one bad line: the lines are parsed, and that one rejected.
  const decoder = decoderFor(file, detected.kind === 'binary' ? 'utf-8' : detected.encoding, options);
  let pending = '';
  let lineNo = 0;
  let truncated: unknown = null;
  try {
    for await (const text of decodedText(decoder, sample, whole, rest)) {
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        lineNo++;
        const event = parseJsonlLine(file, line, lineNo, decoder.encoding);
        if (event) yield event;
      }
    }
  } catch (err) {
    truncated = err;
  }
  if (pending.trim()) {
    lineNo++;
    if (truncated !== null) {
      // The last line was cut by the read error: keep it in the rejects, never parse what is left of it.
      const base = idBase(file);
      yield { type: 'reject', id: `${base}:${lineNo}`, reason: 'truncated input', text: pending, message: `${file.path}:${lineNo}: last line cut short by a read error` };
    } else {
      const event = parseJsonlLine(file, pending, lineNo, decoder.encoding);
      if (event) yield event;
    }
  }
  yield* decoderWarnings(file, decoder);
  if (truncated !== null) throw truncated;
}

function parseJsonlLine(file: InputFile, line: string, lineNo: number, encoding: string): ReadEvent | null {
  if (!line.trim()) return null;
  const base = idBase(file);
  let obj: unknown;
  let problem: string | null = null;
  try {
    obj = JSON.parse(line);
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) problem = 'not a JSON object';
    else if (typeof (obj as { text?: unknown }).text !== 'string') problem = 'no string "text" field';
  } catch (err) {
    // V8 quotes part of the line: control characters (NUL of a UTF-16 file read as UTF-8) are shown escaped.
    problem = (err as Error).message.replace(CONTROL_RE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  if (problem !== null) {
    return { type: 'reject', id: `${base}:${lineNo}`, reason: 'malformed JSONL line', text: line, message: `${file.path}:${lineNo}: malformed JSONL line (${problem})` };
  }
  const { id, text, ...extra } = obj as { id?: unknown; text: string; [k: string]: unknown };
  const given = recordId(line, id);
  const record: SourceRecord = { id: given ?? `${base}#${lineNo}`, text: text.replace(/\r\n?/g, '\n'), encoding };
  // An id that is neither a string nor a number (or is empty) is not usable as one, but is kept with the other fields.
  if (given === null && id !== undefined) extra.id = id;
  if (Object.keys(extra).length) record.extra = extra;
  return { type: 'record', record };
}

const CONTROL_RE = /[\u0000-\u001f\u007f]/g;

/**
 * A record's id as written: a string as it is, a number as its digits in the line. JSON.parse rounds integers past
 * 2^53 (tweet and snowflake ids): 1234567890123456789 would become 1234567890123456800, and two ids could meet.
 */
function recordId(line: string, id: unknown): string | null {
  // (an empty id names nothing: the record gets its place's, and the empty string is kept in metadata)
  if (typeof id === 'string') return id === '' ? null : id;
  if (typeof id !== 'number') return null;
  return Number.isSafeInteger(id) ? String(id) : (topLevelNumberText(line, 'id') ?? String(id));
}

const JSON_NUMBER_RE = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The text of the number that member `key` of the JSON object on this line holds (the last one, as JSON.parse
 *  keeps), or null. Strings are skipped whole, so a key inside a value or a nested object is never taken. */
function topLevelNumberText(line: string, key: string): string | null {
  let depth = 0;
  let found: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === '"') {
      const start = i;
      for (i++; i < line.length && line[i] !== '"'; i++) if (line[i] === '\\') i++;
      if (depth !== 1 || JSON.parse(line.slice(start, i + 1)) !== key) continue;
      let j = i + 1;
      while (/\s/.test(line[j] ?? '')) j++;
      if (line[j] !== ':') continue;
      for (j++; /\s/.test(line[j] ?? ''); j++);
      JSON_NUMBER_RE.lastIndex = j;
      const m = JSON_NUMBER_RE.exec(line);
      if (m) found = m[0];
    }
  }
  return found;
}
