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

  it('keeps a JSONL id as written: integers past 2^53 digit for digit, an object or empty id in metadata', async () => {
    const lines = [
      '{"id": 1234567890123456789, "text": "a"}',
      '{"id": 1234567890123456790, "text": "b"}',
      '{"meta": {"id": 7}, "note": "\\"id\\": 5", "id": 9007199254740993, "text": "c"}',
      '{"id": 42, "text": "d"}',
      '{"id": {"site": "x", "n": 1}, "text": "e"}',
      '{"id": "", "text": "f"}',
    ];
    const events = await collect(tempFile('ids.jsonl', lines.join('\n')), 'ids.jsonl');
    expect(records(events).map((r) => r.id)).toEqual(['1234567890123456789', '1234567890123456790', '9007199254740993', '42', 'ids.jsonl#5', 'ids.jsonl#6']);
    expect(records(events)[4].extra).toEqual({ id: { site: 'x', n: 1 } });
    // An empty id names nothing (the output's ids are never empty): the record is named by its place.
    expect(records(events)[5].extra).toEqual({ id: '' });
  });

  it('shows control characters of a malformed JSONL line escaped in its message', async () => {
    const events = await collect(tempFile('u16.jsonl', '\u0000{\u0000"\u0000a\n'), 'u16.jsonl');
    const reject = events.find((e) => e.type === 'reject');
    expect(reject && reject.type === 'reject' && reject.message).toMatch(/u16\.jsonl:1: malformed JSONL line/);
    expect(reject && reject.type === 'reject' && reject.message).not.toMatch(/\u0000/);
  });

  it('decodes legacy bytes met after an ASCII first megabyte in their encoding, with a warning; not when --encoding is given', async () => {
    const ascii = Array.from({ length: 16000 }, (_, i) => `Story ${i}: the city council approved the budget after a long debate.`).join('\nq7x2\n');
    const french = 'Le conseil municipal a approuvé mardi le budget après des mois de débats.';
    const path = tempFile('late.txt', Buffer.concat([Buffer.from(`${ascii}\nq7x2\n`), Buffer.from(french, 'latin1')]));
    const events = await collect(path, 'late.txt');
    const last = records(events).at(-1)!;
    expect(last).toMatchObject({ id: 'late.txt#16001', text: french, encoding: 'windows-1252' });
    expect(records(events)[0].encoding).toBe('utf-8');
    expect(events.filter((e) => e.type === 'warning').map((e) => (e as { message: string }).message)).toEqual([expect.stringMatching(/^the first \d+ bytes are ASCII and what follows is not UTF-8: decoded as windows-1252/)]);
    const forced = await collect(path, 'late.txt', { encoding: 'utf-8' });
    expect(records(forced).at(-1)!.text).toContain('approuv\uFFFD');
  });

  it('decodes JSONL as text is: a UTF-16 export, a Windows-1252 one, or as --encoding says', async () => {
    const jsonl = '{"id":"a","text":"Le café était fermé."}\n{"id":"b","text":"Über Köln."}\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(jsonl, 'utf16le')]);
    const cp1252 = Buffer.from(jsonl, 'latin1');
    for (const [name, bytes, encoding] of [['u16.jsonl', utf16, /^utf-16le$/], ['w.jsonl', cp1252, /^(windows-125|iso-8859-)/]] as const) {
      const events = await collect(tempFile(name, bytes), name);
      expect(records(events).map((r) => [r.id, r.text])).toEqual([['a', 'Le café était fermé.'], ['b', 'Über Köln.']]);
      for (const r of records(events)) expect(r.encoding).toMatch(encoding);
    }
    const forced = await collect(tempFile('l.jsonl', cp1252), 'l.jsonl', { encoding: 'iso-8859-2' });
    expect(records(forced).map((r) => r.encoding)).toEqual(['iso-8859-2', 'iso-8859-2']);
  });

  it('replaces one stray legacy byte among UTF-8 after an ASCII first megabyte, and never switches on stdin', async () => {
    const ascii = Array.from({ length: 16000 }, (_, i) => `Story ${i}: the city council approved the budget after a long debate.`).join('\nq7x2\n');
    const tail = Buffer.concat([Buffer.from([0x92]), Buffer.from('\nq7x2\nLater the café owner said “we are open”.')]);
    const stray = await collect(tempFile('stray.txt', Buffer.concat([Buffer.from(`${ascii}\nq7x2\n`), tail])), 'stray.txt');
    expect(records(stray).at(-1)).toMatchObject({ text: 'Later the café owner said “we are open”.', encoding: 'utf-8' });
    const legacy = Buffer.concat([Buffer.from(`${ascii}\nq7x2\n`), Buffer.from('Café crème.', 'latin1')]);
    // The detection sample (the first megabyte) is ASCII; the legacy bytes come in a later piece of the pipe.
    const piped = await collect('-', 'stdin', { stdin: Readable.from([legacy.subarray(0, 1 << 20), legacy.subarray(1 << 20)]) });
    expect(records(piped).at(-1)).toMatchObject({ text: 'Caf\uFFFD cr\uFFFDme.', encoding: 'utf-8' });
  });

  it('rejects only the line of a JSONL file that holds a NUL byte', async () => {
    const lines = ['{"id":"a","text":"one"}', '{"id":"b","text":"t\u0000wo"}'.replace('\\u0000', '\u0000'), '{"id":"c","text":"three"}'];
    const events = await collect(tempFile('nul.jsonl', lines.join('\n')), 'nul.jsonl');
    expect(records(events).map((r) => r.id)).toEqual(['a', 'c']);
    expect(events.filter((e) => e.type === 'reject').map((e) => (e as { reason: string }).reason)).toEqual(['malformed JSONL line']);
  });

  it('numbers stdin records stdin#N and sniffs JSONL on stdin', async () => {
    const text = await collect('-', 'stdin', { stdin: Readable.from([Buffer.from('one q7x2 two')]) });
    expect(records(text).map((r) => r.id)).toEqual(['stdin#1', 'stdin#2']);
    const single = await collect('-', 'stdin', { stdin: Readable.from([Buffer.from('only')]) });
    expect(records(single).map((r) => r.id)).toEqual(['stdin#1']);
    const jsonl = await collect('-', 'stdin', { stdin: Readable.from([Buffer.from('{"id":"x","text":"hello"}\n')]) });
    expect(records(jsonl).map((r) => [r.id, r.text])).toEqual([['x', 'hello']]);
    // UTF-16, with its byte order mark (PowerShell's `>`) or without.
    const line = '{"id":"y","text":"grüße"}\n';
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line, 'utf16le')]), Buffer.from(line, 'utf16le')]) {
      const utf16 = await collect('-', 'stdin', { stdin: Readable.from([bytes]) });
      expect(records(utf16).map((r) => [r.id, r.text])).toEqual([['y', 'grüße']]);
    }
  });

  it('sniffs JSONL on stdin whose first line is longer than 64 KB, or than the whole detection sample', async () => {
    const record = (id: string, html: number): string => JSON.stringify({ id, text: 'Budget approved.', html: '<p>' + 'x'.repeat(html) + '</p>' });
    const long = await collect('-', 'stdin', { stdin: Readable.from([Buffer.from(`${record('a', 70000)}\n${record('b', 10)}\n`)]) });
    expect(records(long).map((r) => [r.id, r.text])).toEqual([['a', 'Budget approved.'], ['b', 'Budget approved.']]);
    const huge = await collect('-', 'stdin', { stdin: Readable.from([Buffer.from(`${record('c', 1500000)}\n`)]) });
    expect(records(huge).map((r) => r.id)).toEqual(['c']);
    const prose = await collect('-', 'stdin', { stdin: Readable.from([Buffer.from('{braces} open this page\nand text follows')]) });
    expect(records(prose).map((r) => r.id)).toEqual(['stdin#1']);
  });

  it('rejects the cut last line of a truncated .jsonl.gz as truncated input, keeping the lines before it', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `r${i}`, text: `record ${i} ` + 'word '.repeat(50 + (i % 7)) }));
    const gz = gzipSync(lines.join('\n') + '\n');
    const events = await collect(tempFile('cut.jsonl.gz', gz.subarray(0, gz.length >> 1)), 'cut.jsonl.gz');
    const kept = records(events);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.map((r) => r.id)).toEqual(lines.slice(0, kept.length).map((_, i) => `r${i}`));
    const cut = events.filter((e) => e.type === 'reject');
    expect(cut).toEqual([expect.objectContaining({ reason: 'truncated input', id: `cut.jsonl.gz:${kept.length + 1}` })]);
    expect(lines[kept.length].startsWith((cut[0] as { text: string }).text)).toBe(true);
    expect(events.some((e) => e.type === 'problem')).toBe(true);
  });

  it('rejects alone a record of a text file that holds a stray NUL byte', async () => {
    const story = (i: number): string => `Story ${i}: the council met on Monday to discuss the harbour plan, which residents say will change the town.\n`.repeat(20);
    const path = tempFile('dump.txt', [story(1), story(2).replace('harbour', 'har\u0000bour'), story(3)].join('q7x2\n'));
    const events = await collect(path, 'dump.txt');
    expect(records(events).map((r) => r.id)).toEqual(['dump.txt#1', 'dump.txt#3']);
    expect(events.find((e) => e.type === 'reject')).toMatchObject({ id: 'dump.txt#2', reason: 'binary', message: `${path}: record dump.txt#2 holds NUL bytes, skipped` });
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
