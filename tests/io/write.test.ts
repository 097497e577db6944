import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonLine, openLineSink } from '../../src/io/write.js';

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
