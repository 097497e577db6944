/** The token that separates documents inside one text file. */
export const DEFAULT_DELIMITER = 'q7x2';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches the delimiter as a whole word: not inside a longer run of letters, digits or underscores. */
export function delimiterPattern(delimiter: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(delimiter)}(?![\\p{L}\\p{N}_])`, 'gu');
}

/** Splits a whole text into records: every whole-word delimiter splits, records are trimmed, empty ones skipped. */
export function splitRecords(text: string, delimiter: string = DEFAULT_DELIMITER): string[] {
  return new RecordSplitter(delimiter).finish(text);
}

/**
 * Splits streamed text into records without holding more than the current record:
 * chunks go in, complete records come out as soon as the delimiter after them is seen.
 * Each chunk is scanned once (with a delimiter-sized overlap), so a record of any length
 * costs linear time.
 */
export class RecordSplitter {
  private readonly pattern: RegExp;
  /** Text of the current record already known to hold no delimiter. */
  private pieces: string[] = [];
  /** Unexamined tail: may hold the start of a delimiter cut by a chunk boundary. */
  private pending = '';
  /** The character just before `pending`, for the whole-word check. */
  private before = '';

  constructor(private readonly delimiter: string = DEFAULT_DELIMITER) {
    if (!delimiter) throw new Error('the delimiter must not be empty');
    this.pattern = delimiterPattern(delimiter);
  }

  push(chunk: string): string[] {
    return this.scan(chunk, false);
  }

  end(): string[] {
    return this.finish('');
  }

  /**
   * push(chunk) then end() in one scan: a whole input's records are then slices of its text, never copies
   * joined from a record's pieces (a third of the read threads' allocations besides decoding).
   */
  finish(chunk: string): string[] {
    const records = this.scan(chunk, true);
    this.finishRecord(records);
    return records;
  }

  private finishRecord(records: string[]): void {
    const record = (this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('')).trim();
    this.pieces = [];
    if (record) records.push(record);
  }

  private scan(chunk: string, final: boolean): string[] {
    const records: string[] = [];
    const text = this.before + this.pending + chunk;
    let start = this.before.length;
    this.pattern.lastIndex = start;
    for (let m = this.pattern.exec(text); m; m = this.pattern.exec(text)) {
      const end = m.index + m[0].length;
      // A match touching the end may be the start of a longer word in the next chunk.
      if (!final && end >= text.length) break;
      this.pieces.push(text.slice(start, m.index));
      this.finishRecord(records);
      start = end;
    }
    const keepFrom = final ? text.length : Math.max(start, text.length - this.delimiter.length);
    if (keepFrom > start) this.pieces.push(text.slice(start, keepFrom));
    this.pending = text.slice(keepFrom);
    const last = keepFrom > 0 ? text.charCodeAt(keepFrom - 1) : 0;
    const isLowSurrogate = last >= 0xdc00 && last <= 0xdfff;
    this.before = keepFrom > 0 ? text.slice(keepFrom - (isLowSurrogate && keepFrom > 1 ? 2 : 1), keepFrom) : '';
    return records;
  }
}
