import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, hashTokens, shingleHashes, wordCodes, wordHashes, wordTokens } from '../../src/dedup/fingerprint.js';

const tokens = (s: string): string[] => wordTokens(foldText(s));

describe('foldText', () => {
  it('folds quotes, apostrophes, dashes and no-break spaces to ASCII forms', () => {
    expect(foldText('\u201cL\u2019IA\u201d \u2013 \u00abok\u00bb\u00a0x\u202fy')).toBe('"l\'ia" - "ok" x y');
  });
  it('applies NFKC and case folding', () => {
    expect(foldText('\uff21\uff22\uff23 \ufb01n Stra\u00dfe \u039f\u0394\u039f\u03a3')).toBe('abc fin strasse οδοσ');
  });
  it('equals its definition, one replacement per kind in turn, on any text', () => {
    // (links, broken words and digit groups first, as foldText takes them out of the text before folding it)
    const reference = (text: string): string =>
      text
        .replace(/\b(?:https?:\/\/|www\.)[^\s)\]>"]+|\]\([^()\s]*\)|\[\d{1,4}\]/giu, ' ')
        .replace(/(\p{L})-\s+(\p{Ll})/gu, '$1$2')
        .replace(/(\d)[,.\u00a0\u202f' ](?=\d{3}(?!\d))/gu, '$1')
        .normalize('NFKC')
        .toLowerCase()
        .replace(/ß/g, 'ss')
        .replace(/ς/g, 'σ')
        .replace(/[\u064a\u0649]/g, '\u06cc')
        .replace(/\u0643/g, '\u06a9')
        .replace(/\u200c/g, '')
        .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc\u02b9\u00b4\u0060\uff07]/g, "'")
        .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a\u300c\u300d\uff02]/g, '"')
        .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/g, '-')
        .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff\u200b]/g, ' ');
    const special = ['[12]', '](/a)', 'https://a.b/c', 'www.x', '- ', '1', '000', ',', '.', ...'\u064a\u0643\u0649\u200c', ...'ßẞςΣ\u2018\u2019\u201a\u201b\u2032\u02bc\u02b9\u00b4\u0060\uff07\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a\u300c\u300d\uff02\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d\u00a0\u1680\u2000\u2005\u200a\u200b\u202f\u205f\u3000\ufeff'];
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(...special, 'a', 'Σ', ' ', "'", '-', 's') }), fc.string({ unit: 'binary' })), (text) => {
        expect(foldText(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
  it('makes typographic variants of one sentence fold identically', () => {
    const curly = 'Le Maroc a exprim\u00e9 \u00ab son int\u00e9r\u00eat \u00bb \u2014 l\u2019IA\u00a0!';
    const straight = 'LE MAROC a exprime\u0301 "son inte\u0301re\u0302t" - l\'IA !';
    expect(tokens(curly)).toEqual(tokens(straight));
  });
});

describe('foldText and links', () => {
  it('takes out link targets and dump link numbers, so a copy printed with them matches one without', () => {
    const plain = 'Gareth Vane admitted misconduct in public office at an earlier hearing.';
    for (const linked of [
      'Gareth Vane [admitted misconduct in](https://www.example-tribune.com/topic/10) public office at an earlier hearing.',
      'Gareth Vane admitted [12]misconduct in public office at an [13]earlier hearing.',
      'Gareth Vane admitted misconduct (www.example.org/court) in public office at an earlier hearing.',
      'Gareth Vane [admitted misconduct](/news/2025/03/court) in public office at an earlier hearing.',
    ]) expect(wordTokens(foldText(linked)), linked).toEqual(wordTokens(foldText(plain)));
    // A number in brackets with words is the text's own ("[2025 figures]"), and so is a domain named in a sentence.
    expect(wordTokens(foldText('The [2025 figures] were revised.'))).toContain('2025');
    expect(wordTokens(foldText('She founded example.com in 1999.'))).toContain('example');
  });
});

describe('foldText and print', () => {
  it("joins a word a line's end broke with a hyphen, and reads numbers with any thousands separator alike", () => {
    const tokens = (t: string) => wordTokens(foldText(t));
    expect(tokens('Farm-\n\ners in the valley')).toEqual(tokens('Farmers in the valley'));
    expect(tokens('a well-known case')).toEqual(['a', 'well', 'known', 'case']);
    for (const n of ['50,608', '50.608', '50 608', '50\u202f608']) expect(tokens(`nearly ${n} commuters`), n).toEqual(tokens('nearly 50608 commuters'));
    // A decimal is no thousands group, and a year list stays as it is.
    expect(tokens('2,5 million')).toEqual(['2', '5', 'million']);
    expect(tokens('in 2024, 2025 and 2026')).toEqual(['in', '2024', '2025', 'and', '2026']);
  });
  it('reads Persian typed with the Arabic yeh and kaf, and with or without zero-width non-joiners, alike', () => {
    expect(foldText('كتابخانه\u200cهای شهري')).toBe(foldText('کتابخانههای شهری'));
  });
});

describe('wordTokens', () => {
  it('drops punctuation and keeps letters and digits of any script', () => {
    expect(tokens('Hello, world! 2024: \u041f\u0440\u0438\u0432\u0435\u0442 (\u0645\u0631\u062d\u0628\u0627).')).toEqual([
      'hello', 'world', '2024', '\u043f\u0440\u0438\u0432\u0435\u0442', '\u0645\u0631\u062d\u0628\u0627',
    ]);
  });
  it('elides apostrophes inside words instead of splitting', () => {
    expect(tokens("don\u2019t l'intelligence")).toEqual(['dont', 'lintelligence']);
  });
  it('splits scripts written without spaces into one token per character', () => {
    expect(tokens('\u4eba\u5de5\u667a\u80fd abc')).toEqual(['\u4eba', '\u5de5', '\u667a', '\u80fd', 'abc']);
  });
  it('equals its regex definition on any text (apostrophes, marks, astral letters, lone surrogates)', () => {
    const noSpace = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}\\p{Script=Tibetan}';
    const token = new RegExp(`[${noSpace}]|[[\\p{L}\\p{N}\\p{M}]--[${noSpace}]]+`, 'gv');
    const reference = (folded: string): string[] => folded.replace(/(?<=[\p{L}\p{N}])'(?=[\p{L}\p{N}])/gu, '').match(token) ?? [];
    const units = ["a", "Z", "7", "é", "e\u0301", "\u0301", "'", "'", "'", " ", "-", "ß", "Ω", "漢", "字", "ア", "한", "ก", "\u0e31", "٣", "😀", "𝐀", "\ud800", "\udc00", "."];
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: fc.constantFrom(...units), maxLength: 60 })), (text) => {
        expect(wordTokens(text)).toEqual(reference(text));
        expect(wordHashes(text)).toEqual(hashTokens(reference(text)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('wordHashes', () => {
  it('hashes each token as hashTokens does, texts longer than its kept buffer included', () => {
    const sentence = foldText("L'intelligence artificielle 人工智能 don’t 2024 ");
    for (const text of [sentence.repeat(2000), sentence.repeat(20000), sentence]) expect(wordHashes(text)).toEqual(hashTokens(wordTokens(text)));
  });
});

describe('shingleHashes', () => {
  const hashes = (s: string) => hashTokens(tokens(s));
  it('gives n-k+1 shingles for n distinct words, sorted and unique', () => {
    const sh = shingleHashes(hashes('a b c d e f g h i j'), 5);
    expect(sh.length).toBe(6);
    for (let i = 1; i < sh.length; i++) expect(sh[i]).toBeGreaterThan(sh[i - 1]);
  });
  it('drops repeated shingles', () => {
    expect(shingleHashes(hashes('a b a b a b a b'), 2).length).toBe(2);
  });
  it('is order-sensitive within a shingle', () => {
    const one = shingleHashes(hashes('a b c'), 3);
    const other = shingleHashes(hashes('c b a'), 3);
    expect(one[0]).not.toBe(other[0]);
  });
  it('falls back to one whole-body shingle for a body shorter than the shingle size', () => {
    const short = shingleHashes(hashes('breaking news today'), 5);
    expect(short.length).toBe(1);
    expect(shingleHashes(hashes('Breaking  news, today!'), 5)).toEqual(short);
    expect(shingleHashes(hashes('breaking news tonight'), 5)).not.toEqual(short);
  });
  it('gives no shingle for an empty body', () => {
    expect(shingleHashes(hashes(' .,; '), 5).length).toBe(0);
  });
});

describe('wordCodes', () => {
  it('gives one UTF-16 unit per word, equal words equal codes', () => {
    const codes = wordCodes(hashes3('alpha beta alpha gamma'));
    expect(codes.length).toBe(4);
    expect(codes[0]).toBe(codes[2]);
    expect(codes[0]).not.toBe(codes[1]);
    for (const c of codes) expect(c.charCodeAt(0) < 0xd800 || c.charCodeAt(0) > 0xdfff).toBe(true);
  });
  it('handles bodies longer than one conversion chunk', () => {
    const long = Array.from({ length: 10000 }, (_, i) => `w${i}`).join(' ');
    expect(wordCodes(hashes3(long)).length).toBe(10000);
  });
});

function hashes3(s: string): Uint32Array {
  return hashTokens(tokens(s));
}
