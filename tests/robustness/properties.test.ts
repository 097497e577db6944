/** Property and fuzz tests: whatever the input, the decoder and cleaner never throw, and cleaning only removes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../src/clean/blocks.js';
import { cleanDocument, createCorpusStats, addToCorpusStats, pageLanguage, stopwordScale } from '../../src/clean/index.js';
import { signDocument, DEFAULT_DEDUP_OPTIONS } from '../../src/dedup/index.js';
import { decodeBytes, StreamDecoder } from '../../src/io/decode.js';
import { RecordSplitter, splitRecords } from '../../src/io/records.js';

/** Word tokens, to check that the body holds no word the input did not. */
const words = (text: string): string[] => text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];

/** Text shaped like a page dump: lines of words, blank lines, NBSP runs, punctuation. */
const pageText = fc
  .array(
    fc.oneof(
      fc.lorem({ maxCount: 30, mode: 'sentences' }),
      fc.lorem({ maxCount: 4, mode: 'words' }),
      fc.constantFrom('', '\u00a0\u00a0\u00a0\u00a0', 'Read also: more news', '© 2025', 'Published in Example on 10 - 02 - 2025', '+ A heading +'),
      fc.string({ unit: 'grapheme', maxLength: 80 }),
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.join('\n'));

describe('decoder properties', () => {
  it('never throws on random bytes, and gives text or "binary"', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const r = decodeBytes(bytes);
        expect('binary' in r || typeof r.text === 'string').toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('decodes any Unicode text round-trip from UTF-8, whatever the chunking', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.nat(300), (text, cut) => {
        const bytes = Buffer.from(text);
        const d = new StreamDecoder('utf-8');
        const at = Math.min(cut, bytes.length);
        const out = d.write(bytes.subarray(0, at)) + d.write(bytes.subarray(at)) + d.end();
        expect(out).toBe(text.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('decodes a whole input as streaming it in any chunks would, invalid bytes and CRs included', () => {
    const bytes = fc.array(fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }).map((t) => Buffer.from(t)), fc.constant(Buffer.from('\r\n\r')), fc.constant(Buffer.from('\ufeff'))), { maxLength: 12 });
    fc.assert(
      fc.property(bytes, fc.constantFrom('utf-8', 'windows-1252', 'utf-16le'), (parts, encoding) => {
        const all = Buffer.concat(parts);
        // Streamed in the generated parts: a character may be cut, and invalid bytes may follow the cut.
        const streamed = new StreamDecoder(encoding);
        const text = parts.map((part) => streamed.write(part)).join('') + streamed.end();
        const whole = new StreamDecoder(encoding);
        expect(whole.whole(all)).toBe(text);
        expect(whole.invalidBytes).toBe(streamed.invalidBytes);
      }),
      { numRuns: 500 },
    );
  });

  it('splits records the same way whatever the chunking', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '\n', 'q7x2', 'q', '7', 'x2', 'é', '😀'), { maxLength: 60 }), fc.nat(200), (parts, cut) => {
        const text = parts.join('');
        const at = Math.min(cut, text.length);
        const s = new RecordSplitter();
        const streamed = [...s.push(text.slice(0, at)), ...s.push(text.slice(at)), ...s.end()];
        expect(streamed).toEqual(splitRecords(text));
        const t = new RecordSplitter();
        expect([...t.push(text.slice(0, at)), ...t.finish(text.slice(at))]).toEqual(streamed);
      }),
      { numRuns: 500 },
    );
  });
});

describe('cleaner properties', () => {
  it('never throws on random Unicode or page-shaped text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 500 }), pageText), (text) => {
        const stats = createCorpusStats();
        addToCorpusStats(stats, text);
        const r = cleanDocument(text, stats);
        expect(typeof r.text).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('never puts into the body a word that was not in the input', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const input = new Set(words(text));
        for (const w of words(cleanDocument(text, null).text)) expect(input.has(w)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an already clean body as it is', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const once = cleanDocument(text, null).text;
        if (!once) return;
        // The page is read in the language of its longest blocks; once its noise is gone that guess can change on
        // generated pseudo-Latin (a body of lorem alone reads as French, with a stray heading as Uzbek), and with it
        // the stoplist the blocks are judged by; so can the density its long sentences set the thresholds at (fewer of
        // them remain). Idempotence is only expected when the page is read the same way.
        fc.pre(pageLanguage(splitBlocks(once)) === pageLanguage(splitBlocks(text)));
        fc.pre(stopwordScale(once, null) === stopwordScale(text, null));
        expect(cleanDocument(once, null).text).toBe(once);
      }),
      { numRuns: 200 },
    );
  });
});

describe('MinHash properties', () => {
  it('gives identical signatures for identical texts', () => {
    fc.assert(
      fc.property(fc.lorem({ maxCount: 60, mode: 'sentences' }), (text) => {
        const doc = { id: 'a', text, title: null, site: null, date: null };
        expect(signDocument(doc, DEFAULT_DEDUP_OPTIONS).minhash).toEqual(signDocument({ ...doc, id: 'b' }, DEFAULT_DEDUP_OPTIONS).minhash);
      }),
      { numRuns: 100 },
    );
  });
});
