import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FileLines, jsonLine, openLineSink } from '../../src/io/write.js';

describe('openLineSink (file)', () => {
  it('shows nothing at the target until commit, then the whole file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-write-'));
    const target = join(dir, 'out.jsonl');
    const sink = openLineSink(target);
    await sink.write(jsonLine({ id: 'a', text: 'é "q"' }));
    expect(existsSync(target)).toBe(false);
    await sink.commit();
    expect(readFileSync(target, 'utf8')).toBe('{"id":"a","text":"é \\"q\\""}\n');
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
  });

  it('leaves an existing file untouched and no temporary file on abort', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-write-'));
    const target = join(dir, 'out.jsonl');
    writeFileSync(target, 'previous\n');
    const sink = openLineSink(target);
    await sink.write('partial\n');
    await sink.abort();
    expect(readFileSync(target, 'utf8')).toBe('previous\n');
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
  });

  it('keeps the permissions of a file it writes over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-write-'));
    const target = join(dir, 'out.jsonl');
    writeFileSync(target, 'previous\n');
    // (a mode no umask gives a new file)
    chmodSync(target, 0o640);
    const sink = openLineSink(target);
    await sink.write('new\n');
    await sink.commit();
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });
});

describe('openLineSink (stdout)', () => {
  it('writes lines to the stream in order', async () => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (c) => chunks.push(String(c)));
    const sink = openLineSink('-', stream);
    for (let i = 0; i < 3; i++) await sink.write(jsonLine({ i }));
    await sink.commit();
    expect(chunks.join('')).toBe('{"i":0}\n{"i":1}\n{"i":2}\n');
  });
});

describe('FileLines', () => {
  const scratch = (): string => join(mkdtempSync(join(tmpdir(), 'corpus-filelines-')), 'lines.jsonl');

  it('writes strings and bytes in order, across many flushes, as the same UTF-8 bytes', async () => {
    const path = scratch();
    const lines = await FileLines.open(path, false);
    const expected: Buffer[] = [];
    for (let i = 0; i < 5000; i++) {
      // Mostly 3-byte characters (three bytes per UTF-16 unit, the most there is), some 2- and 4-byte ones,
      // and every third line as bytes already encoded.
      const line = jsonLine({ i, text: `é😀 ${'€'.repeat(i % 97)}` });
      const bytes = Buffer.from(line, 'utf8');
      expected.push(bytes);
      await lines.write(i % 3 === 0 ? bytes : line);
    }
    await lines.close();
    expect(readFileSync(path).equals(Buffer.concat(expected))).toBe(true);
  });

  it('writes a line larger than its buffer whole, after what came before it', async () => {
    const path = scratch();
    const lines = await FileLines.open(path, false);
    const big = 'ü'.repeat(300_000) + '\n';
    await lines.write('first\n');
    await lines.write(big);
    await lines.write(Buffer.from('last\n'));
    await lines.close();
    expect(readFileSync(path, 'utf8')).toBe('first\n' + big + 'last\n');
  });

  it('encodes a lone surrogate as Buffer.from does (U+FFFD)', async () => {
    const path = scratch();
    const lines = await FileLines.open(path, true);
    await lines.write('a\ud800b\n');
    await lines.close();
    expect(readFileSync(path).equals(Buffer.from('a\ud800b\n', 'utf8'))).toBe(true);
  });
});
