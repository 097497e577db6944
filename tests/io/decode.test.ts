import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
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

  it.each([
    ['windows-1252.txt', 'windows-1252', 'é, curly quotes and dashes', ['café', '“Déjà vu” – ok']],
    ['koi8-u.txt', 'koi8-u', 'told from KOI8-R by the Ukrainian letters KOI8-R draws as boxes', ['Київ - столиця України', 'ґрунтуючись на даних Єдиного реєстру']],
    // chardet is unsure of these: the letters the bytes make decide (not Hebrew or accented Latin for Kyrgyz; not
    // ISO-8859-2, which reads a © as Š, for a short Faroese page).
    ['windows-1251-ky.txt', 'windows-1251', 'Kyrgyz, which chardet is unsure of', ['Ош шаарында жаны базар курулуп жатат.']],
    ['windows-1252-copyright.txt', 'windows-1252', 'a © among few accented letters', ['varð latin upp']],
    // chardet's Hebrew guess, ISO-8859-8, has no vowel points: Yiddish needs Windows-1255's.
    ['windows-1255-yi.txt', 'windows-1255', 'pointed Yiddish', ['די שטאָט־ביבליאָטעק האָט געעפֿנט אַ נײַעם לייענזאַל']],
  ] as const)('detects %s as %s: %s', (name, encoding, _why, phrases) => {
    const r = decodeText(name);
    expect(r.encoding).toBe(encoding);
    for (const phrase of phrases) expect(r.text).toContain(phrase);
  });

  it('weighs the Windows code pages chardet does not list, and reads no capital after a small letter as a word of it', () => {
    // Short pointed Yiddish: chardet ranks Greek and KOI8-R readings (all letters, "θςΔγθω") over Hebrew ones.
    const yiddish = 'אַ ייִדישער לערער פֿון ווילנע האָט באַקומען אַ פּרעמיע פֿאַר זײַן בוך וועגן דער שטאָט.';
    const r = decodeBytes(iconv.encode(yiddish, 'windows-1255'));
    expect('text' in r && r.encoding).toBe('windows-1255');
    // Cased scripts keep their own code pages.
    for (const [text, encoding] of [['Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για τη στέγαση των νέων οικογενειών.', 'windows-1253'], ['Правительство объявило сегодня о новых мерах поддержки молодых семей.', 'koi8-r']] as const) {
      const d = decodeBytes(iconv.encode(text, encoding));
      expect('text' in d && d.text, encoding).toBe(text);
    }
  });
  it('keeps KOI8-R for Russian text, box-drawing bytes apart from words included', () => {
    const russian = 'Правительство утвердило новые правила, которые вступят в силу с первого апреля. Министерство финансов подготовило изменения в бюджет.\n';
    const r = decodeBytes(Buffer.concat([iconv.encode(russian, 'koi8-r'), Buffer.from([0x0a, 0xa6, 0x20, 0xa6, 0x0a])]));
    expect('text' in r && r.encoding).toBe('koi8-r');
    expect('text' in r && r.text).toContain('Правительство утвердило');
  });

  it('decodes a Central European legacy file to its letters', () => {
    const r = decodeBytes(fixture('iso-8859-2.txt'), 'iso-8859-2');
    expect('text' in r && r.text).toContain('Zażółć gęślą jaźń');
  });

  it('decodes BOM-less UTF-16 of other scripts, whose zero bytes are only spaces and line ends', () => {
    const texts = [
      'Москва. Правительство объявило о новом плане поддержки малого бизнеса.\nЭкономисты считают, что эти меры помогут.\n',
      'Η κυβέρνηση ανακοίνωσε νέο σχέδιο στήριξης των μικρών επιχειρήσεων.\n',
      '政府宣布了一项支持中小企业的新计划，该计划将于明年一月一日开始实施。\n经济部长表示，该计划包括减税。\n',
    ];
    for (const text of texts) {
      const le = Buffer.from(text, 'utf16le');
      const be = Buffer.from(le).swap16();
      expect(decodeBytes(le)).toMatchObject({ encoding: 'utf-16le', text });
      expect(decodeBytes(be)).toMatchObject({ encoding: 'utf-16be', text });
    }
  });

  it('never reads a UTF-8 page with a stray NUL byte as UTF-16 (its Cyrillic would decode as Hangul)', () => {
    const page = Buffer.from('Москва. Правительство объявило о новом плане поддержки малого бизнеса.\n'.repeat(20));
    expect(decodeBytes(Buffer.concat([page.subarray(0, 500), Buffer.from([0]), page.subarray(500)]))).toEqual({ binary: true });
  });

  it('reads a long text with a stray NUL byte as text (its record holding the NUL is rejected when read)', () => {
    const page = Buffer.from('Москва. Правительство объявило о новом плане поддержки малого бизнеса.\n'.repeat(200));
    const stray = Buffer.concat([page.subarray(0, 5000), Buffer.from([0]), page.subarray(5000)]);
    expect(decodeBytes(stray)).toMatchObject({ encoding: 'utf-8' });
    // One NUL in a few thousand bytes or more is binary: images, PDFs, archives.
    const dense = Buffer.from(page);
    for (let i = 0; i < dense.length; i += 2000) dense[i] = 0;
    expect(decodeBytes(dense)).toEqual({ binary: true });
  });

  it('keeps calling binary what decodes as UTF-16 to control characters or few letters', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
    expect(decodeBytes(png)).toEqual({ binary: true });
    let seed = 7;
    const noise = Buffer.from(Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff));
    expect(noise.includes(0)).toBe(true);
    expect(decodeBytes(noise)).toEqual({ binary: true });
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
