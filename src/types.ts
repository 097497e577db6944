/** Shared record shapes: what flows between the io, clean and dedup stages. */

/** One document as read from an input, before cleaning. */
export interface SourceRecord {
  /** Path relative to its input argument, `#N` appended for multi-document files; `stdin#N` for stdin. */
  id: string;
  /** Decoded text, line endings normalised to LF. */
  text: string;
  /** Encoding the bytes were decoded with (`utf-8`, `utf-16le`, `windows-1252`, … or `json` for JSONL). */
  encoding: string;
  /** Extra fields a JSONL input line carried besides `id` and `text`. */
  extra?: Record<string, unknown>;
}

/** A block removed from the body, and why. */
export interface NoiseBlock {
  text: string;
  reason: string;
}

/** What cleaning finds in one document's text. */
export interface CleanResult {
  /** Article body: paragraphs separated by a blank line. */
  text: string;
  title: string | null;
  site: string | null;
  /** `YYYY-MM-DD`, or `YYYY-MM` when only the month is stated. */
  date: string | null;
  /** ISO 639-1 code (ISO 639-3 for a language of a million speakers or more that has none: `ceb`). */
  lang: string | null;
  /** Removed blocks in document order. */
  noise: NoiseBlock[];
}

/** One output line of `corpus clean`. */
export interface OutputRecord {
  id: string;
  text: string;
  title: string | null;
  site: string | null;
  date: string | null;
  lang: string | null;
  encoding: string;
  chars_in: number;
  chars_kept: number;
  /** Ids of the copies dropped in favour of this record (dedup on). */
  duplicates?: string[];
  /** Id of the representative this record duplicates (with --no-dedup). */
  duplicate_of?: string;
  /** Removed blocks with reasons (with --keep-noise). */
  noise?: NoiseBlock[];
  /** Why the body is empty, when it is. */
  reason?: string;
  /** Fields of a JSONL input line other than id and text. */
  metadata?: Record<string, unknown>;
}
