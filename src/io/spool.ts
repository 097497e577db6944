import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { trackTemporary, untrackTemporary } from './write.js';

/**
 * A temporary JSONL file that holds records between stages, so memory holds only what
 * deduplication needs and never the corpus's text.
 */
export class Spool<T> {
  private stream: WriteStream;
  private pending: string[] = [];
  private size = 0;
  count = 0;

  private constructor(readonly path: string) {
    this.stream = createWriteStream(path, { highWaterMark: 1 << 20 });
  }

  static async create<T>(dir: string, name: string): Promise<Spool<T>> {
    return new Spool<T>(join(dir, name));
  }

  async add(value: T): Promise<void> {
    const line = JSON.stringify(value) + '\n';
    this.pending.push(line);
    this.size += line.length;
    this.count++;
    if (this.size >= 1 << 18) await this.flush();
  }

  /** Appends records already serialised as JSON lines (each ending in "\n"), e.g. by a worker thread. */
  async addLines(lines: string, count: number): Promise<void> {
    if (!lines) return;
    this.pending.push(lines);
    this.size += lines.length;
    this.count += count;
    if (this.size >= 1 << 18) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.size) return;
    const data = this.pending.join('');
    this.pending = [];
    this.size = 0;
    // events.once removes both listeners when either fires (a once('error') per wait would pile up).
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }

  /** Finishes writing; the spool can then be read any number of times. */
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(resolve);
    });
  }

  async *read(): AsyncGenerator<T> {
    const lines = createInterface({ input: createReadStream(this.path, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as T;
  }
}

/** A private temporary folder for one run's spools, removed by `dispose`. */
export async function createSpoolDir(): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
  trackTemporary(dir);
  return {
    dir,
    dispose: async () => {
      await rm(dir, { recursive: true, force: true });
      untrackTemporary(dir);
    },
  };
}
