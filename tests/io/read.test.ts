import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readInput, type ReadEvent } from '../../src/io/read.js';

const options = { delimiter: 'q7x2' };

async function collect(path: string, name: string, extra: object = {}): Promise<ReadEvent[]> {
  const events: ReadEvent[] = [];
  for await (const e of readInput({ path, name }, { ...options, ...extra })) events.push(e);
  return events;
}
const records = (events: ReadEvent[]) => events.flatMap((e) => (e.type === 'record' ? [e.record] : []));
const tempFile = (name: string, data: string | Buffer): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'corpus-read-')), name);
  writeFileSync(path, data);
  return path;
};

describe('readInput', () => {
  it('numbers the records of a multi-document file name#1..#3', async () => {
    const events = await collect(new URL('../../fixtures/records/three.txt', import.meta.url).pathname, 'three.txt');
    expect(records(events).map((r) => r.id)).toEqual(['three.txt#1', 'three.txt#2', 'three.txt#3']);
    expect(records(events)[1].text).toBe('Second document, the market.');
  });

  it('keeps the bare name for a single-document file', async () => {
    const events = await collect(tempFile('one.txt', 'just one'), 'sub/one.txt');
    expect(records(events)).toEqual([{ id: 'sub/one.txt', text: 'just one', encoding: 'utf-8' }]);
  });

  it('decompresses .gz input on the fly', async () => {
    const events = await collect(tempFile('two.txt.gz', gzipSync('a q7x2 b')), 'two.txt.gz');
    expect(records(events).map((r) => [r.id, r.text])).toEqual([['two.txt.gz#1', 'a'], ['two.txt.gz#2', 'b']]);
  });

  it('reports a truncated gzip file as a problem, without throwing', async () => {
    const gz = gzipSync('x'.repeat(100000) + ' q7x2 ' + 'y'.repeat(100000));
    const events = await collect(tempFile('cut.txt.gz', gz.subarray(0, gz.length - 40)), 'cut.txt.gz');
    expect(events.some((e) => e.type === 'problem' && /truncated or corrupt gzip/.test(e.message))).toBe(true);
  });

  it('reads JSONL: text and id, other fields as extra, malformed lines rejected with file and line', async () => {
    const path = new URL('../../fixtures/records/records.jsonl', import.meta.url).pathname;
    const events = await collect(path, 'records.jsonl');
    expect(records(events)).toEqual([
      { id: 'a', text: 'Alpha text', encoding: 'utf-8', extra: { source: 'x' } },
      { id: 'records.jsonl#3', text: 'No id here', encoding: 'utf-8' },
    ]);
    const reject = events.find((e) => e.type === 'reject');
    expect(reject).toMatchObject({ reason: 'malformed JSONL line', text: '{bad json' });
    expect(reject && reject.type === 'reject' && reject.message).toMatch(/records\.jsonl:2: malformed JSONL line/);
  });

  it('numbers stdin records stdin#N and sniffs JSONL on stdin', async () => {
    const text = await collect('-', 'stdin', { stdin: Readable.from([Buffer.from('one q7x2 two')]) });
    expect(records(text).map((r) => r.id)).toEqual(['stdin#1', 'stdin#2']);
    const single = await collect('-', 'stdin', { stdin: Readable.from([Buffer.from('only')]) });
    expect(records(single).map((r) => r.id)).toEqual(['stdin#1']);
    const jsonl = await collect('-', 'stdin', { stdin: Readable.from([Buffer.from('{"id":"x","text":"hello"}\n')]) });
    expect(records(jsonl).map((r) => [r.id, r.text])).toEqual([['x', 'hello']]);
  });

  it('rejects a binary file with a message naming it', async () => {
    const path = tempFile('img.png', Buffer.from([0x89, 0x50, 0, 0, 1, 2, 0, 3]));
    const events = await collect(path, 'img.png');
    expect(events).toEqual([{ type: 'reject', id: 'img.png', reason: 'binary', text: null, message: `${path}: binary file (NUL bytes), skipped` }]);
  });

  it('warns about an empty file and a file of only delimiters', async () => {
    expect(await collect(tempFile('e.txt', ''), 'e.txt')).toEqual([{ type: 'warning', path: expect.any(String), message: 'empty file, no records' }]);
    const only = await collect(tempFile('d.txt', 'q7x2\n q7x2 \n'), 'd.txt');
    expect(only.map((e) => e.type)).toEqual(['warning']);
  });

  it('streams a file larger than the detection sample, records split across reads', async () => {
    const docs = Array.from({ length: 300 }, (_, i) => `document ${i} ` + 'word '.repeat(1000));
    const events = await collect(tempFile('big.txt', docs.join('\nq7x2\n')), 'big.txt');
    const got = records(events);
    expect(got).toHaveLength(300);
    expect(got[299].text).toBe(docs[299].trim());
  });
});
