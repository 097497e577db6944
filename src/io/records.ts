/** The token that separates documents inside one text file. */
export const DEFAULT_DELIMITER = 'q7x2';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches the delimiter as a whole word: not inside a longer run of letters, digits or underscores. */
export function delimiterPattern(delimiter: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(delimiter)}(?![\\p{L}\\p{N}_])`, 'gu');
}

/** Splits a whole text into records: every whole-word delimiter splits, records are trimmed, empty ones skipped. */
export function splitRecords(text: string, delimiter: string = DEFAULT_DELIMITER): string[] {
  const splitter = new RecordSplitter(delimiter);
  return [...splitter.push(text), ...splitter.end()];
}

/**
 * Splits streamed text into records without holding more than the current record:
 * chunks go in, complete records come out as soon as the delimiter after them is seen.
 */
export class RecordSplitter {
  private readonly pattern: RegExp;
  private buffer = '';
  /** Offset in `buffer` before which no delimiter can start, so long records are not rescanned. */
  private scanFrom = 0;

  constructor(private readonly delimiter: string = DEFAULT_DELIMITER) {
    if (!delimiter) throw new Error('the delimiter must not be empty');
    this.pattern = delimiterPattern(delimiter);
  }

  push(chunk: string): string[] {
    this.buffer += chunk;
    return this.drain(false);
  }

  end(): string[] {
    const records = this.drain(true);
    const last = this.buffer.trim();
    this.buffer = '';
    if (last) records.push(last);
    return records;
  }

  private drain(final: boolean): string[] {
    const records: string[] = [];
    let start = 0;
    this.pattern.lastIndex = Math.max(0, this.scanFrom - 1);
    for (let m = this.pattern.exec(this.buffer); m; m = this.pattern.exec(this.buffer)) {
      const end = m.index + m[0].length;
      // A match touching the buffer's end may be the start of a longer word in the next chunk.
      if (!final && end >= this.buffer.length) break;
      const record = this.buffer.slice(start, m.index).trim();
      if (record) records.push(record);
      start = end;
    }
    this.buffer = this.buffer.slice(start);
    this.scanFrom = Math.max(0, this.buffer.length - this.delimiter.length);
    return records;
  }
}
