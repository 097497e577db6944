import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, detectEncoding, normaliseNewlines, resolveEncoding, StreamDecoder } from '../../src/io/decode.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/encodings/${name}`, import.meta.url));
const FRENCH = readFileSync(new URL('../../fixtures/encodings/utf-8.txt', import.meta.url), 'utf8');

function decodeText(name: string): { text: string; encoding: string } {
  const r = decodeBytes(fixture(name));
  if ('binary' in r) throw new Error(`${name} decoded as binary`);
  return r;
}

describe('decodeBytes', () => {
  it.each([
    ['utf-8.txt', 'utf-8'],
    ['utf-8-bom.txt', 'utf-8'],
    ['utf-16le-bom.txt', 'utf-16le'],
    ['utf-16be-bom.txt', 'utf-16be'],
    ['utf-16le-nobom.txt', 'utf-16le'],
  ])('decodes %s as %s, BOM removed', (name, encoding) => {
    const r = decodeText(name);
    expect(r.encoding).toBe(encoding);
    expect(r.text).toBe(FRENCH);
  });

  it('detects Windows-1252 and decodes é, curly quotes and dashes', () => {
    const r = decodeText('windows-1252.txt');
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain('café');
    expect(r.text).toContain('“Déjà vu” – ok');
  });

  it('decodes a Central European legacy file to its letters', () => {
    const r = decodeBytes(fixture('iso-8859-2.txt'), 'iso-8859-2');
    expect('text' in r && r.text).toContain('Zażółć gęślą jaźń');
  });

  it('treats a file with NUL bytes as binary', () => {
    expect(decodeBytes(fixture('binary.bin'))).toEqual({ binary: true });
  });

  it('keeps a UTF-8 file with one invalid byte as UTF-8, the byte replaced', () => {
    const r = decodeBytes(fixture('utf-8-invalid.txt'));
    expect('text' in r && r.encoding).toBe('utf-8');
    expect('text' in r && r.invalidBytes).toBe(true);
    expect('text' in r && r.text).toContain('déjà été ça où \uFFFD après');
  });

  it('turns CRLF and CR into LF', () => {
    expect(decodeText('crlf.txt').text).toBe('first line\nsecond line\nthird line\n');
  });

  it('honours a forced encoding', () => {
    const r = decodeBytes(fixture('utf-8.txt'), 'latin1');
    expect('text' in r && r.text).toContain('cafÃ©');
  });
});

describe('StreamDecoder', () => {
  it('gives the same text whatever the chunk boundaries (multi-byte chars and CRLF split)', () => {
    const bytes = Buffer.from('é\r\nà\r\nü€\r');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const d = new StreamDecoder('utf-8');
      const text = d.write(bytes.subarray(0, cut)) + d.write(bytes.subarray(cut)) + d.end();
      expect(text).toBe('é\nà\nü€\n');
    }
  });

  it('keeps a character cut by a chunk boundary as U+FFFD when invalid bytes follow it, or the input ends', () => {
    const euro = Buffer.from('€');
    const d = new StreamDecoder('utf-8');
    const text = d.write(Buffer.concat([Buffer.from('a'), euro.subarray(0, 2)])) + d.write(Buffer.from('b')) + d.end();
    expect(text).toBe('a\uFFFDb');
    expect(d.invalidBytes).toBe(true);
    const e = new StreamDecoder('utf-8');
    expect(e.write(Buffer.concat([Buffer.from('a'), euro.subarray(0, 2)])) + e.end()).toBe('a\uFFFD');
  });

  it('keeps U+FEFF after the first byte as a character when invalid bytes follow it, and a cut last character as U+FFFD', () => {
    const bom = Buffer.from('\ufeff');
    const d = new StreamDecoder('utf-8');
    const text = d.write(Buffer.concat([Buffer.from('a'), bom.subarray(0, 2)])) + d.write(Buffer.concat([bom.subarray(2), Buffer.from([0xff])])) + d.end();
    expect(text).toBe('a\ufeff\ufffd');
    expect(new StreamDecoder('utf-8').whole(Buffer.concat([bom, Buffer.from('é'), Buffer.from('€').subarray(0, 2)]))).toBe('é\ufffd');
  });

  it('decodes a whole input in one call as it would stream it', () => {
    const bytes = Buffer.concat([Buffer.from('\ufeffé\r\n'), Buffer.from([0xff]), Buffer.from('€'.repeat(3)), Buffer.from([0xe2, 0x82])]);
    const streamed = new StreamDecoder('utf-8');
    const whole = new StreamDecoder('utf-8');
    expect(whole.whole(bytes)).toBe(streamed.write(bytes) + streamed.end());
    expect(whole.invalidBytes).toBe(true);
  });
});

describe('detectEncoding', () => {
  it('does not call a sample cut inside a UTF-8 character invalid', () => {
    const bytes = Buffer.from('déjà');
    expect(detectEncoding(bytes.subarray(0, 2), false)).toEqual({ kind: 'text', encoding: 'utf-8' });
  });
});

describe('resolveEncoding / normaliseNewlines', () => {
  it('accepts known encodings and refuses unknown ones', () => {
    expect(resolveEncoding('UTF8')).toBe('utf-8');
    expect(resolveEncoding('Windows-1252')).toBe('windows-1252');
    expect(resolveEncoding('klingon-9')).toBeNull();
  });
  it('leaves LF text untouched', () => {
    expect(normaliseNewlines('a\nb')).toBe('a\nb');
  });
});
