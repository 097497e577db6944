import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/io/read.js';

/** 1 MiB of text holding many q7x2-separated documents. */
const CHUNK = Buffer.from(('The council met again to discuss the harbour plan and the budget for repairs. '.repeat(40) + '\nq7x2\n').repeat(330).slice(0, 1 << 20));

describe('a multi-hundred-megabyte input', () => {
  it('is streamed: records come out as it is read, and memory does not grow with its size', async () => {
    const megabytes = 400;
    const source = Readable.from((function* () {
      for (let i = 0; i < megabytes; i++) yield CHUNK;
    })());
    let records = 0;
    let chars = 0;
    let peakRss = 0;
    const before = process.memoryUsage().rss;
    for await (const event of readInput({ path: '-', name: 'stdin' }, { delimiter: 'q7x2', stdin: source })) {
      if (event.type !== 'record') continue;
      records++;
      chars += event.record.text.length;
      if (records % 5000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    expect(records).toBeGreaterThan(megabytes * 300);
    expect(chars).toBeGreaterThan(megabytes * 0.95 * (1 << 20));
    // Holding the input would need 400+ MB (800 MB as UTF-16 strings); streaming needs a few chunks.
    expect(peakRss - before).toBeLessThan(200 << 20);
  });
});
