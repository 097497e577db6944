/**
 * One end-to-end test per bad input of the reliability issue: the one-line message naming the
 * file, the exit code, and the accounting (read = written + duplicates + rejected) on every run.
 */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { article, tempDir } from '../cli/helpers.js';
import { cleanAccounted, linesNaming } from './helpers.js';

/** A folder with one good article, so every test also checks that the run goes on. */
function folderWithGoodFile(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'good.txt'), article(1));
  return dir;
}

describe('bad inputs', () => {
  it('missing path: one line naming it, others processed, exit 1', () => {
    const dir = folderWithGoodFile();
    const missing = join(dir, 'nope.txt');
    const r = cleanAccounted([missing, join(dir, 'good.txt')]);
    expect(r.code).toBe(1);
    expect(linesNaming(r.stderr, missing)).toEqual([`corpus: error: ${missing}: no such file or directory`]);
    expect(r.summary.written).toBe(1);
  });

  it('permission denied: one line naming the file, exit 1', () => {
    const dir = folderWithGoodFile();
    chmodSync(dir, 0o777);
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, article(2));
    chmodSync(locked, 0o000);
    // root reads anything: run as nobody then, which is what a user without rights sees.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = cleanAccounted([dir], undefined, {}, asUser);
    expect(r.code).toBe(1);
    expect(linesNaming(r.stderr, locked)).toEqual([`corpus: error: ${locked}: permission denied`]);
    expect(r.summary.written).toBe(1);
  });

  it('directory symlink loop: reported once, the rest read, exit 1', () => {
    const dir = folderWithGoodFile();
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    const r = cleanAccounted([dir]);
    expect(r.code).toBe(1);
    expect(linesNaming(r.stderr, join(dir, 'sub', 'loop'))).toEqual([`corpus: error: ${join(dir, 'sub', 'loop')}: directory symlink loop, skipped`]);
    expect(r.summary.written).toBe(1);
  });

  it('binary file: skipped with a message, rejected as binary, exit 1', () => {
    const dir = folderWithGoodFile();
    const bin = join(dir, 'image.png');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1]));
    const r = cleanAccounted([dir]);
    expect(r.code).toBe(1);
    expect(linesNaming(r.stderr, bin)).toEqual([`corpus: error: ${bin}: binary file (NUL bytes), skipped`]);
    expect(r.summary.rejectReasons).toEqual({ binary: 1 });
    expect(r.rejects).toEqual([{ id: 'image.png', reason: 'binary', text: null }]);
  });

  it('zero-byte file: a warning, no record, exit 0', () => {
    const dir = folderWithGoodFile();
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = cleanAccounted([dir]);
    expect(r.code).toBe(0);
    expect(linesNaming(r.stderr, join(dir, 'empty.txt'))).toEqual([`corpus: warning: ${join(dir, 'empty.txt')}: empty file, no records`]);
    expect(r.summary.read).toBe(1);
  });

  it('a file of only delimiters: a warning, no record, exit 0', () => {
    const dir = folderWithGoodFile();
    writeFileSync(join(dir, 'delims.txt'), 'q7x2\n\nq7x2 q7x2\n');
    const r = cleanAccounted([dir]);
    expect(r.code).toBe(0);
    expect(linesNaming(r.stderr, 'delims.txt')).toHaveLength(1);
    expect(linesNaming(r.stderr, 'delims.txt')[0]).toMatch(/no records/);
  });

  it('a file that is only noise: rejected as empty after cleaning, with its original text', () => {
    const dir = folderWithGoodFile();
    const noise = 'Home\nNews\nSports\nContact us\nShare on Facebook\nSubscribe to our newsletter\n© 2025 All rights reserved';
    writeFileSync(join(dir, 'noise.txt'), noise);
    const r = cleanAccounted([dir]);
    expect(r.code).toBe(0);
    expect(r.summary.rejectReasons).toEqual({ 'empty after cleaning': 1 });
    expect(r.rejects).toEqual([{ id: 'noise.txt', reason: 'empty after cleaning', text: noise }]);
  });

  it('malformed JSONL line: one line naming file and line, the other lines kept, exit 1', () => {
    const dir = tempDir();
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, [JSON.stringify({ id: 'a', text: article(3) }), '{"id": "b", "text": ', JSON.stringify({ id: 'c', text: article(4) })].join('\n'));
    const r = cleanAccounted([file]);
    expect(r.code).toBe(1);
    expect(linesNaming(r.stderr, file)).toHaveLength(1);
    expect(linesNaming(r.stderr, file)[0]).toMatch(new RegExp(`^corpus: error: ${file}:2: malformed JSONL line`));
    expect(r.records.map((x) => x.id)).toEqual(['a', 'c']);
    expect(r.rejects).toEqual([{ id: 'in.jsonl:2', reason: 'malformed JSONL line', text: '{"id": "b", "text": ' }]);
  });

  it('invalid UTF-8 bytes inside a UTF-8 file: replaced, warned, the record kept', () => {
    const dir = tempDir();
    const file = join(dir, 'bad-bytes.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('Déjà vu à Paris. ' + article(5)), Buffer.from([0xff, 0xfe]), Buffer.from(' Fin de l’été.')]));
    const r = cleanAccounted([file]);
    expect(r.code).toBe(0);
    expect(linesNaming(r.stderr, file)).toEqual([`corpus: warning: ${file}: invalid UTF-8 bytes replaced with U+FFFD`]);
    expect(r.records[0].encoding).toBe('utf-8');
  });

  it('undecodable bytes (a wrong --encoding): rejected as undecodable, exit 1', () => {
    const dir = tempDir();
    const file = join(dir, 'latin.txt');
    writeFileSync(file, Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x20 : 0xe0 + (i % 16)))));
    const r = cleanAccounted([file, '--encoding', 'utf-8']);
    expect(r.code).toBe(1);
    expect(linesNaming(r.stderr, file)[0]).toMatch(/mostly undecodable bytes \(wrong --encoding\?\)/);
    expect(r.summary.rejectReasons).toEqual({ undecodable: 1 });
  });

  it('UTF-16 file without BOM: detected and decoded', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'utf16.txt'), iconv.encode(article(6), 'utf-16le'));
    const r = cleanAccounted([dir]);
    expect(r.code).toBe(0);
    expect(r.records[0].encoding).toBe('utf-16le');
    expect(r.records[0].text).toContain('repaired');
  });

  it('mixed line endings: CRLF, CR and LF all become LF', () => {
    const dir = tempDir();
    const [p1, p2, p3] = article(7).split('\n\n');
    writeFileSync(join(dir, 'mixed.txt'), `${p1}\r\n\r\n${p2}\r\r${p3}\n`);
    const r = cleanAccounted([dir]);
    expect(r.code).toBe(0);
    expect(r.records[0].text).not.toMatch(/\r/);
    expect(r.records[0].text).toContain(p3);
  });

  it('a 50 MB single line: read whole, no crash', () => {
    const dir = tempDir();
    const sentence = 'The river rose again overnight and the town prepared sandbags along the quay while the council met. ';
    writeFileSync(join(dir, 'long.txt'), sentence.repeat(Math.ceil((50 << 20) / sentence.length)));
    const r = cleanAccounted([dir, '-q']);
    expect(r.code).toBe(0);
    expect(r.summary.read).toBe(1);
  });

  it('a truncated gzip file: one line naming it, the records before the cut kept, exit 1', () => {
    const dir = tempDir();
    const file = join(dir, 'cut.txt.gz');
    const docs = Array.from({ length: 200 }, (_, i) => article(i + 10));
    const gz = gzipSync(docs.join('\nq7x2\n'));
    writeFileSync(file, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const r = cleanAccounted([file, '--no-dedup']);
    expect(r.code).toBe(1);
    expect(linesNaming(r.stderr, file).some((l) => /truncated or corrupt gzip/.test(l))).toBe(true);
    expect(r.summary.written).toBeGreaterThan(50);
    expect(r.summary.rejectReasons['truncated input']).toBe(1);
  });
});
