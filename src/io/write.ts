import { once } from 'node:events';
import { createWriteStream, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { chmod, open, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Raised when the reader of stdout went away (`corpus clean x | head -1`): the run ends quietly. */
export class BrokenPipeError extends Error {
  constructor() {
    super('output pipe closed');
  }
}

/** A line-oriented output that either appears whole or not at all. */
export interface LineSink {
  /** Where the lines go, for messages (`-` for stdout). */
  readonly path: string;
  /** One line, ending in "\n": a string, or UTF-8 bytes passed through as they are (records copied from a shard). */
  write(line: string | Uint8Array): Promise<void>;
  /** Makes the output visible: for a file, flush, sync and rename over the target. */
  commit(): Promise<void>;
  /** Everything but making it visible (for a file: flushed and synced, not yet renamed), so that a run's outputs
   *  can all be made ready before any replaces its target; commit() afterwards only renames. */
  prepare?(): Promise<void>;
  /** Drops what was written: for a file, removes the temporary file. */
  abort(): Promise<void>;
}

/** Temporary files and folders not yet committed or disposed of, removed if the process is interrupted. */
const pendingTempFiles = new Set<string>();

export const trackTemporary = (path: string): void => void pendingTempFiles.add(path);
export const untrackTemporary = (path: string): void => void pendingTempFiles.delete(path);

/** Removes every uncommitted temporary file or folder; called on SIGINT/SIGTERM. */
export async function removePendingTempFiles(): Promise<void> {
  await Promise.all([...pendingTempFiles].map((p) => rm(p, { recursive: true, force: true }).catch(() => undefined)));
  pendingTempFiles.clear();
}

/** Bytes gathered before one write call: few large writes instead of one per record. */
const FLUSH_CHARS = 1 << 18;

/** Writes and waits for the stream to drain, or to fail (a closed pipe never drains). */
function writeChunk(stream: NodeJS.WritableStream, data: string | Uint8Array): Promise<void> {
  if (stream.write(data)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}

/** Collects lines and hands them on in large pieces (one string, or one buffer when some lines are bytes). */
class LineBuffer {
  private pending: (string | Uint8Array)[] = [];
  private bytes = false;
  private size = 0;
  constructor(private readonly flushTo: (data: string | Uint8Array) => Promise<void>) {}
  async add(line: string | Uint8Array): Promise<void> {
    this.pending.push(line);
    if (typeof line !== 'string') this.bytes = true;
    this.size += line.length;
    if (this.size >= FLUSH_CHARS) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.size) return;
    const data = this.bytes ? Buffer.concat(this.pending.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))) : this.pending.join('');
    this.pending = [];
    this.bytes = false;
    this.size = 0;
    await this.flushTo(data);
  }
}

/** Lines written to stdout with backpressure; EPIPE becomes BrokenPipeError. */
function stdoutSink(stdout: NodeJS.WritableStream = process.stdout): LineSink {
  return streamSink(stdout, '-', false, true);
}

/** A write error named by the output it failed (`--summary`'s file, not "ENOSPC: …, write" alone). */
function named(err: NodeJS.ErrnoException, path: string): NodeJS.ErrnoException {
  if (!err.path) err.path = path;
  return err;
}

/**
 * Lines written in place to a device, a FIFO or a link to an open file (`/dev/full`, a named pipe): ended and waited
 * for before the run's outputs are committed, so that a write that failed after it was handed over is seen (a small
 * output is handed over whole at once).
 */
function deviceSink(path: string): LineSink {
  return streamSink(createWriteStream(path, { flags: 'a' }), path, true, STDOUT_ALIASES.has(path));
}
/** Names of standard output itself: a reader of it going away ends the run quietly, as `| head` on stdout does; any
 *  other pipe's reader going away is an output that could not be written. */
const STDOUT_ALIASES = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/** Lines written to a stream with backpressure; a stream of its own (`owned`) is ended on commit and its errors name
 *  `path`; on standard output (`stdout`) EPIPE is a BrokenPipeError, which ends the run quietly. */
function streamSink(stream: NodeJS.WritableStream, path: string, owned: boolean, stdout: boolean): LineSink {
  let failure: Error | null = null;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    failure ??= stdout && err.code === 'EPIPE' ? new BrokenPipeError() : owned ? named(err, path) : err;
  });
  const check = (): void => {
    if (failure) throw failure;
  };
  const buffer = new LineBuffer(async (data) => {
    check();
    await writeChunk(stream, data);
    check();
  });
  // Done before any other output of the run replaces its file (see LineSink.prepare): a device that failed leaves
  // them all as they were.
  let prepared: Promise<void> | null = null;
  const prepare = (): Promise<void> =>
    (prepared ??= (async () => {
      await buffer.flush();
      if (!owned) return;
      const file = stream as NodeJS.WritableStream & { closed: boolean };
      if (!file.closed) {
        file.end();
        // (an error while closing is the failure check() throws, named)
        await once(file, 'close').catch(() => undefined);
      }
      check();
    })());
  return {
    path,
    write: (line) => buffer.add(line),
    prepare,
    commit: prepare,
    async abort() {
      if (owned) (stream as NodeJS.WritableStream & { destroy(): void }).destroy();
    },
  };
}

/** Temporary files opened by this process so far: two outputs opened in the same millisecond get distinct names. */
let tempFiles = 0;

/** Buffered writes to a temporary file beside the target, renamed over it on commit. */
function atomicFileSink(target: string, shownAs: string = target): LineSink {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.${tempFiles++}.tmp`);
  pendingTempFiles.add(temp);
  const stream = createWriteStream(temp, { highWaterMark: 1 << 20 });
  let failure: Error | null = null;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    failure = named(err, shownAs);
  });
  const check = (): void => {
    if (failure) throw failure;
  };
  const buffer = new LineBuffer(async (data) => {
    check();
    await writeChunk(stream, data);
  });
  let prepared: Promise<void> | null = null;
  const prepare = (): Promise<void> =>
    (prepared ??= (async () => {
      await buffer.flush();
      check();
      // A stream that failed (its folder went away) is closed already: waiting for 'close' again would never end.
      if (!stream.closed) {
        stream.end();
        await once(stream, 'close');
      }
      check();
      // An output written over keeps its permissions (a private corpus stays private).
      const mode = await stat(target).then((s) => s.mode & 0o7777, () => null);
      if (mode !== null) await chmod(temp, mode);
      // fsync before rename: after a crash the target is either the old file or the whole new one.
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    })());
  return {
    path: shownAs,
    write: (line) => buffer.add(line),
    prepare,
    async commit() {
      await prepare();
      await rename(temp, target);
      pendingTempFiles.delete(temp);
    },
    async abort() {
      // Wait for the stream to close: a destroy before the open completes would recreate the file.
      if (!stream.closed) {
        const closed = once(stream, 'close').catch(() => undefined);
        stream.destroy();
        await closed;
      }
      await unlink(temp).catch(() => undefined);
      pendingTempFiles.delete(temp);
    },
  };
}

/** Whether a path names something other than a regular file (a device, a FIFO, /dev/stderr …). */
export function isSpecialFile(path: string): boolean {
  try {
    return !statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Whether a path is one of the system's links to an open file (`/dev/stdout` → `/proc/self/fd/1`, `/dev/fd/1`): it is
 * written in place, never renamed over, even when the file behind it is a regular one (`-o /dev/stdout > file`).
 */
function isProcessLink(path: string): boolean {
  const abs = resolve(path);
  const inProc = (p: string): boolean => p.startsWith('/proc/');
  try {
    if (inProc(realpathSync(dirname(abs)))) return true;
    return lstatSync(abs).isSymbolicLink() && inProc(resolve(dirname(abs), readlinkSync(abs)));
  } catch {
    return false;
  }
}

/**
 * Where an atomic write of `path` goes: the file a symlink points to (renaming over the link would replace the
 * link with a file and leave its target as it was), else the path itself.
 */
export function linkTarget(path: string): string {
  try {
    if (!lstatSync(path).isSymbolicLink()) return path;
  } catch {
    return path;
  }
  try {
    return realpathSync(path);
  } catch {
    // A dangling link: the file it names is created.
    return resolve(dirname(path), readlinkSync(path));
  }
}

/**
 * Opens an output: `-` or undefined is stdout; a device, a FIFO or a link to an open file is written in place
 * (renaming over it would replace it); anything else is a regular file written atomically, through a symlink to
 * the file it names.
 */
export function openLineSink(path: string | undefined, stdout?: NodeJS.WritableStream): LineSink {
  if (path === undefined || path === '-') return stdoutSink(stdout);
  if (isSpecialFile(path) || isProcessLink(path)) return deviceSink(path);
  return atomicFileSink(linkTarget(path), path);
}

/** One JSONL line for a value. */
export const jsonLine = (value: unknown): string => JSON.stringify(value) + '\n';

/** Bytes gathered before one write to a work file. */
const FILE_BUFFER_BYTES = 1 << 18;

/**
 * Buffered appends to a work file (few large writes), fsynced on close when `durable`. Lines are encoded straight
 * into one buffer that is reused after each write: a buffer per line, then one more to join them, made the read
 * threads allocate twice the corpus in short-lived buffers outside the heap.
 */
export class FileLines {
  private buffer: Buffer | null = null;
  private used = 0;
  private constructor(
    private readonly handle: FileHandle,
    private readonly durable: boolean,
  ) {}

  static async open(path: string, durable = true): Promise<FileLines> {
    return new FileLines(await open(path, 'w'), durable);
  }

  async write(data: string | Uint8Array): Promise<void> {
    if (typeof data === 'string') return this.writeText(data, false);
    if (!this.fits(data.length) && !(await this.flushFor(data.length))) return this.writeAll(data);
    this.buffer!.set(data, this.used);
    this.used += data.length;
  }

  /** write(text + '\n') without building that string (a copy of every record in the read threads). */
  async writeLine(text: string): Promise<void> {
    return this.writeText(text, true);
  }

  private async writeText(text: string, newline: boolean): Promise<void> {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const most = text.length * 3 + 1;
    if (!this.fits(most) && !(await this.flushFor(most))) return this.writeAll(Buffer.from(newline ? text + '\n' : text, 'utf8'));
    this.used += this.buffer!.write(text, this.used, 'utf8');
    if (newline) this.buffer![this.used++] = 0x0a;
  }

  /** Whether `most` more bytes fit the buffer: checked with no await before the copy, so a line is never cut. */
  private fits(most: number): boolean {
    this.buffer ??= Buffer.allocUnsafe(FILE_BUFFER_BYTES);
    return this.used + most <= this.buffer.length;
  }

  /** Empties the buffer for `most` bytes; false when they can never fit it. */
  private async flushFor(most: number): Promise<boolean> {
    await this.flush();
    return most <= this.buffer!.length;
  }

  async flush(): Promise<void> {
    if (!this.used) return;
    await this.writeAll(this.buffer!.subarray(0, this.used));
    this.used = 0;
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.durable) await this.handle.sync();
    await this.handle.close();
  }

  /** A write may take fewer bytes than given (a full disk, a signal): the rest follows. */
  private async writeAll(bytes: Uint8Array): Promise<void> {
    for (let at = 0; at < bytes.length; ) {
      const { bytesWritten } = await this.handle.write(bytes, at, bytes.length - at);
      if (bytesWritten === 0) throw new Error('write made no progress');
      at += bytesWritten;
    }
  }
}
