import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { franc } from 'franc-min';
import { franc as francAll } from 'franc-all';
import { data as allData } from 'franc-all/data.js';
import { describe, expect, it } from 'vitest';
import { expressions } from 'franc-min/expressions.js';
import { asDictionary } from 'trigram-utils';
import { data } from 'franc-min/data.js';
import { franc as francFast, internedTrigramCounts, topScript, trigramCounts } from '../../src/clean/franc-fast.js';

const seeds = join(__dirname, '..', '..', 'fixtures', 'seeds');

describe('franc-fast', () => {
  it('gives franc-min’s answer on slices of the seed pages and on mixed-script samples', () => {
    const texts = readdirSync(seeds).map((f) => readFileSync(join(seeds, f), 'utf8'));
    texts.push('Это простой текст на русском языке для проверки.', '这是一个用于测试的中文句子，没有空格。', 'Ceci est une phrase française — avec « guillemets ».', '12345 67890 !!!', 'ab', '');
    let checked = 0;
    for (const t of texts)
      for (let off = 0; off < t.length; off += 900)
        for (const len of [12, 80, 400, 2048, 5000]) {
          const s = t.slice(off, off + len);
          expect(francFast(s, { minLength: 10 })).toBe(franc(s, { minLength: 10 }));
          checked++;
        }
    expect(checked).toBeGreaterThan(100);
  });
  it('gives franc-all’s answer among the models it is given (all 329 of its Latin-script languages)', () => {
    const models = { name: 'test-latin', data: { Latin: allData.Latin } };
    const only = Object.keys(allData.Latin);
    const texts = readdirSync(seeds).map((f) => readFileSync(join(seeds, f), 'utf8'));
    texts.push('Die regering het Dinsdag aangekondig dat die prys van brood volgende maand weer sal styg.', "Mae'r llywodraeth wedi cyhoeddi cynllun newydd i wella gwasanaethau bws yng nghefn gwlad Cymru.");
    let checked = 0;
    for (const t of texts)
      for (let off = 0; off < t.length; off += 900)
        for (const len of [40, 400, 2048]) {
          const s = t.slice(off, off + len);
          if (topScript(s)[0] !== 'Latin') continue;
          expect(francFast(s, { minLength: 10, models })).toBe(francAll(s, { minLength: 10, only }));
          checked++;
        }
    expect(checked).toBeGreaterThan(20);
  });
});

const units = 'abcdeéèñßİıΣσςΑλφα ДжЖыйКакشسلامअनुभवकかなカナ漢字한국어ไทย0123!?.,;:-—«»“”\t\n\u00a0\u3000\u2028\ud83d\ude00'.split('');
const randomText = fc.string({ unit: fc.constantFrom(...units), maxLength: 120 });
const asStrings = (counts: Map<number, number>): Record<string, number> =>
  Object.fromEntries([...counts].map(([k, n]) => [String.fromCharCode(Math.floor(k / 4294967296), Math.floor(k / 65536) % 65536, k % 65536), n]));

describe('franc-fast parts', () => {
  it('trigramCounts equals trigram-utils asDictionary (the table path and the context-dependent case path)', () => {
    fc.assert(
      fc.property(randomText, (t) => {
        expect(asStrings(trigramCounts(t))).toEqual({ ...asDictionary(t) });
      }),
      { numRuns: 2000 },
    );
  });
  it('the one-pass count takes each trigram of the models as trigramCounts does, under every script with models', () => {
    const models = data as Record<string, Record<string, string>>;
    const key = (t: string): number => t.charCodeAt(0) * 4294967296 + t.charCodeAt(1) * 65536 + t.charCodeAt(2);
    const known = new Map(Object.entries(models).map(([script, langs]) => [script, new Set(Object.values(langs).flatMap((m) => m.split('|').map(key)))]));
    const words = ['the ', 'and ', ' der', 'это ', 'ΣΟΦΙΑΣ ', 'في ', 'और ', 'news', '. ', '  ', '\n'];
    const text = fc.oneof(randomText, fc.array(fc.constantFrom(...words, ...units), { maxLength: 80 }).map((w) => w.join('')));
    let compared = 0;
    fc.assert(
      fc.property(text, (t) => {
        for (const [script, trigrams] of known) {
          const counts = internedTrigramCounts(t, script);
          if (!counts) continue;
          compared++;
          const expected = new Map([...trigramCounts(t)].filter(([k]) => trigrams.has(k)));
          expect(counts).toEqual(expected);
        }
      }),
      { numRuns: 1000 },
    );
    expect(compared).toBeGreaterThan(1000);
  });
  it('topScript gives the expression with the largest share of matches, the first on ties', () => {
    fc.assert(
      fc.property(randomText.filter((t) => t.length > 0), (t) => {
        let best: [string | undefined, number] = [undefined, -1];
        for (const [script, expression] of Object.entries(expressions as Record<string, RegExp>)) {
          const share = (t.match(expression)?.length ?? 0) / t.length || 0;
          if (share > best[1]) best = [script, share];
        }
        expect(topScript(t)).toEqual(best);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('franc-fast on random text', () => {
  it('gives franc-min’s answer on text mixing scripts, case-sensitive letters, digits, punctuation and surrogates', () => {
    const words = ['the ', 'and ', 'der ', 'und ', 'les ', 'des ', 'это ', 'как ', 'ΣΟΦΙΑΣ ', 'και ', 'في ', 'और ', 'の ', 'İstanbul ', 'news ', 'é ', '2024 '];
    const text = fc.oneof(fc.string({ unit: fc.constantFrom(...units), minLength: 10, maxLength: 300 }), fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 200 }).map((w) => w.join('')));
    fc.assert(
      fc.property(text, (t) => {
        expect(francFast(t, { minLength: 10 })).toBe(franc(t, { minLength: 10 }));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives franc-min’s answer on Latin-range text, with and without a letter of another script or an ASCII letter', () => {
    const latinish = [...'aZqéßőǅẞ \u2019\u201c\u2014\u20ac\u00a0.,1', '\u2126', 'α', 'ж'];
    const text = fc.string({ unit: fc.constantFrom(...latinish), minLength: 10, maxLength: 200 });
    fc.assert(
      fc.property(text, (t) => {
        expect(francFast(t, { minLength: 10 })).toBe(franc(t, { minLength: 10 }));
      }),
      { numRuns: 1500 },
    );
    for (const t of ['\u2126\u2126 ß ẞ é ő \u2019 \u20ac 1.,', 'ß ẞ é ő ǅ ß ẞ é ő', '.,1 \u2019\u2014 .,1 \u20ac \u00a0'])
      expect(francFast(t, { minLength: 10 })).toBe(franc(t, { minLength: 10 }));
  });
});
