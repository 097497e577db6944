import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../../src/clean/features.js';
import type { Block } from '../../src/clean/blocks.js';
import { stoplist, stopwordDensity } from '../../src/clean/stopwords.js';

const blockOf = (text: string): Block => ({ text, index: 0, indent: 0, blankBefore: 0 });
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** Han and kana, written without spaces: a run of them counts one word per two (at least one); Thai, Lao, Khmer and
 *  Myanmar one per six. */
const HAN_KANA = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/gu;
const UNSPACED = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/gu;
const wordCount = (runs: string[]): number =>
  runs.reduce((n, run) => n + Math.max(1, Math.round((run.match(HAN_KANA) ?? []).length / 2 + (run.match(UNSPACED) ?? []).length / 6)), 0);

describe('computeFeatures word count and stopword density', () => {
  it('count the runs of letters and digits (Han and kana two to a word, Thai, Lao, Khmer and Myanmar six), and measure density on the first 2,000 runs', () => {
    const units = ['the', 'of', ' ', 'é', 'Ж', '7', '٣', '\u0301', '-', "'", '漢', '字', 'の', 'カ', 'ー', '・', '한', '𝐀', '😀', '\ud800', 'And', '\n', 'ก', 'ี', 'ມ', 'က', 'ក'];
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: fc.constantFrom(...units), maxLength: 60 })), (text) => {
        const words = text.match(WORD) ?? [];
        const f = computeFeatures(blockOf(text), 'en');
        expect(f.words).toBe(wordCount(words));
        expect(f.stopwordDensity).toBe(stopwordDensity(words, 'en'));
      }),
      { numRuns: 3000 },
    );
  });
  it('find the stopwords of other languages in any case, ASCII or not, as stopwordDensity does', () => {
    const units = ['le', 'LA', 'Été', 'été', 'über', 'ÜBER', 'Und', 'der', 'ſ', 'K', 'İ', ' ', '-', 'x', 'Über'];
    for (const lang of ['fr', 'de', 'tr']) {
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom(...units), maxLength: 30 }), (text) => {
          expect(computeFeatures(blockOf(text), lang).stopwordDensity).toBe(stopwordDensity(text.match(WORD) ?? [], lang));
        }),
        { numRuns: 1000 },
      );
    }
  });
  it('count every one-word entry of a stoplist, as written and in capitals', () => {
    for (const lang of ['en', 'fr', 'de', 'es', 'ru']) {
      const entries = [...(stoplist(lang) ?? [])].filter((w) => (w.match(WORD) ?? []).length === 1 && w.match(WORD)![0] === w);
      expect(entries.length).toBeGreaterThan(100);
      for (const text of [entries.join(' '), entries.join(' ').toUpperCase()]) {
        expect(computeFeatures(blockOf(text), lang).stopwordDensity).toBe(stopwordDensity(text.match(WORD) ?? [], lang));
      }
      expect(computeFeatures(blockOf(entries.slice(0, 500).join(' ')), lang).stopwordDensity).toBe(1);
    }
  });
  it('tell a stopword from a word of its length, first and last letter that differs inside', () => {
    for (const lang of ['en', 'fr', 'de']) {
      const entries = [...(stoplist(lang) ?? [])].filter((w) => /^[a-z]{3,}$/.test(w));
      const nearMisses = entries
        .map((w) => w[0] + (w[1] === 'q' ? 'x' : 'q') + w.slice(2))
        .filter((w) => !stoplist(lang)!.has(w));
      expect(nearMisses.length).toBeGreaterThan(50);
      expect(computeFeatures(blockOf(nearMisses.join(' ')), lang).stopwordDensity).toBe(0);
      expect(computeFeatures(blockOf(nearMisses.join(' ').toUpperCase()), lang).stopwordDensity).toBe(0);
    }
  });
  it('keep the combining marks inside a word (Devanagari vowel signs), and read a danda as a sentence end', () => {
    const f = computeFeatures(blockOf('भारत में चुनाव के नतीजे घोषित किए गए हैं।'), 'hi');
    expect(f.words).toBe(9);
    expect(f.sentenceEnd).toBe(true);
    expect(f.stopwordDensity).toBeGreaterThan(0.3);
    expect(computeFeatures(blockOf('「新しい計画を発表しました。」'), 'ja').sentenceEnd).toBe(true);
    // Khmer's khan: without it no Khmer block ended a sentence, and headlines and bylines looked like paragraphs.
    expect(computeFeatures(blockOf('ប្រាក់ឈ្នួលអប្បបរមាថ្មីនឹងចូលជាធរមានចាប់ពីឆ្នាំក្រោយ។'), 'km').sentenceEnd).toBe(true);
    expect(computeFeatures(blockOf('ប្រាក់ឈ្នួលអប្បបរមាថ្មី'), 'km').sentenceEnd).toBe(false);
  });
  it('count a sentence of Chinese or Japanese as about as many words as its translation', () => {
    expect(computeFeatures(blockOf('政府宣布了一项支持中小企业的新计划，该计划将于明年一月一日开始实施。'), 'zh').words).toBe(17);
    expect(computeFeatures(blockOf('政府は中小企業を支援する新しい計画を発表した。'), 'ja').words).toBe(11);
    expect(computeFeatures(blockOf('정부는 중소기업을 지원하는 새로운 계획을 발표했다.'), 'ko').words).toBe(6);
  });
  it('count a sentence of Thai, written with spaces between phrases only, as about as many words as its translation', () => {
    // "The government announced a new plan to support small and medium businesses, starting next January." (15 words)
    expect(computeFeatures(blockOf('รัฐบาลประกาศแผนใหม่เพื่อสนับสนุนธุรกิจขนาดกลางและขนาดย่อม เริ่มมกราคมปีหน้า'), 'th').words).toBe(13);
  });
  it('stop reading words for density after 2,000 of a long block, but count them all', () => {
    const text = 'the '.repeat(2000) + 'zebra '.repeat(1000);
    const f = computeFeatures(blockOf(text), 'en');
    expect(f.words).toBe(3000);
    expect(f.stopwordDensity).toBe(1);
  });
});

describe('computeFeatures url', () => {
  it('flags a short block exactly when the URL expression matches it', () => {
    const url = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.|[\w.-]+@[\w-]+\.[a-z]{2,}/iu;
    const units = ['http', 'HTTPS', 'ſ', '://', ':/', 'www', 'WwW', '.', '@', 'a', 'com', '-', ' ', 'é', 'x.y'];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...units), maxLength: 12 }), (text) => {
        expect(computeFeatures(blockOf(text), 'en').url).toBe(url.test(text));
      }),
      { numRuns: 3000 },
    );
    expect(computeFeatures(blockOf('Write to news@example.org'), 'en').url).toBe(true);
    expect(computeFeatures(blockOf('See WWW.example.com today'), 'en').url).toBe(true);
  });
});

describe('computeFeatures bar pieces', () => {
  it('count the non-empty pieces between runs of two no-break spaces or three white-space characters', () => {
    const SEPARATOR = /(?:[ \u00a0]*\u00a0[ \u00a0]*\u00a0[ \u00a0]*|\s{3,})/u;
    // White space of each kind \s holds (isJsSpace is checked against \s for every unit in char-classes.test.ts),
    // units that are not (U+200B, U+180E), a surrogate pair and a lone surrogate.
    const units = ['a', 'Home', ' ', ' ', '\u00a0', '\t', '\u2003', '|', '-', '\n', '\v', '\f', '\r', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b', '\u180e', '😀', '\ud800', 'é'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 30 }).map((u) => u.join('')), (text) => {
        expect(computeFeatures(blockOf(text), 'en').barPieces).toBe(text.split(SEPARATOR).filter((p) => p.trim()).length);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('computeFeatures chars', () => {
  it('weigh a kana or Han unit three, a Hangul syllable two and every other UTF-16 unit one', () => {
    const weight = (c: number): number =>
      (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ? 3 : c >= 0xac00 && c <= 0xd7af ? 2 : 1;
    const units = ['a', ' ', '漢', 'カ', '\u3040', '\u303f', '\u30ff', '\u3100', '\u3400', '\u9fff', '\ua000', '\uf900', '\ufaff', '\uac00', '\ud7af', '\ud7b0', '한', '😀', '𠀀', '\udc00', 'é'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 30 }).map((u) => u.join('')), (text) => {
        let expected = 0;
        for (let i = 0; i < text.length; i++) expected += weight(text.charCodeAt(i));
        expect(computeFeatures(blockOf(text), 'en').chars).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
