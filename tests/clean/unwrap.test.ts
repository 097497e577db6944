import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToCorpusStats, cleanDocument, createCorpusStats } from '../../src/clean/index.js';
import { lineHashes } from '../../src/clean/stats.js';
import { unwrapHardWraps } from '../../src/clean/unwrap.js';
import { LineCounts } from '../../src/workers/line-counts.js';
// @ts-expect-error: a plain script (scripts/ is not compiled); it types as any
import { columns, wrapAt } from '../../scripts/wrap-dump.mjs';

const words = ['the', 'council', 'voted', 'on', 'Tuesday', 'to', 'approve', 'a', 'plan', 'for', 'repairs', 'across', 'city', 'streets', 'after', 'months', 'of', 'debate', 'residents', 'said'];
const paragraph = fc.array(fc.constantFrom(...words), { minLength: 40, maxLength: 90 }).map((w) => w.join(' ') + '.');

describe('unwrapHardWraps', () => {
  it('puts back on one line every paragraph a page was wrapped at, whatever the width', () => {
    // Five paragraphs or more, each broken at least once (enough breaks to tell the width by), at the widths dump
    // tools use (72 to 80 columns by default, wider on request).
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 5, maxLength: 8 }), fc.integer({ min: 72, max: 132 }), (paragraphs, width) => {
        const page = ['Home   News   Sport   Weather', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n').trimEnd();
        expect(unwrapHardWraps(wrapAt(page, width))).toBe(page);
      }),
      { numRuns: 200 },
    );
  });

  it('gives back a page dumped wide, one paragraph per line, as it is', () => {
    const paragraphs = Array.from({ length: 8 }, (_, i) => `${words.slice(i).join(' ')} `.repeat(1 + (i % 4)).trim() + '.');
    const wide = ['Home    News    Sport', '', ...paragraphs.flatMap((p) => [p, 'Photo: Reuters', ''])].join('\n');
    expect(unwrapHardWraps(wide)).toBe(wide);
  });

  it('leaves lists of headlines alone: too narrow to be a wrap, or each line starting with a capital', () => {
    const short = Array.from({ length: 40 }, (_, i) => `${words[i % words.length]} ${words[(i * 7) % words.length]} headline number ${i}`).join('\n');
    expect(unwrapHardWraps(short)).toBe(short);
    // Headlines as wide as a wrap, each as wide as the next one's first word would not fit after it.
    const capitalised = (w: string): string => w[0].toUpperCase() + w.slice(1);
    const headlines = Array.from({ length: 30 }, (_, i) => {
      let line = `${capitalised(words[(i * 3) % words.length])} ${capitalised(words[(i * 11) % words.length])}`;
      for (let k = 0; columns(line) < 70 + (i % 9); k++) line += ' ' + capitalised(words[(i + k) % words.length]);
      return line;
    }).join('\n');
    expect(unwrapHardWraps(headlines)).toBe(headlines);
  });

  it('keeps list items apart and joins each item with its indented continuation', () => {
    const items = ['• ' + words.join(' ') + ' ' + words.join(' '), '• ' + words.slice(5).join(' ') + ' ' + words.join(' ')];
    const body = [0, 1, 2, 3].map((i) => words.slice(i).join(' ') + ' ' + words.join(' ') + '.');
    const page = [...body.flatMap((p) => [p, '']), ...items].join('\n');
    const wrapped = wrapAt(page, 78);
    expect(wrapped.split('\n').some((l) => l.startsWith('  ') && !l.trimStart().startsWith('•'))).toBe(true);
    expect(unwrapHardWraps(wrapped)).toBe(page);
  });

  it('does not join a line to one whose first word would have fitted on it, nor a credit to a paragraph', () => {
    const body = [0, 1, 2, 3, 4, 5].map((i) => words.slice(i).join(' ') + ' ' + words.join(' ') + '.');
    const page = body.flatMap((p) => [p, 'Photo: Reuters', '']).join('\n');
    const wrapped = wrapAt(page, 80).split('\n');
    // Some paragraphs' last lines had room for "Photo:", some not: after a full line ending a sentence, a short
    // line starting with a capital and ending without one is a block of its own.
    expect(wrapped.filter((l, i) => wrapped[i + 1] === 'Photo: Reuters' && columns(l) + 7 <= 80).length).toBeGreaterThan(0);
    expect(wrapped.filter((l, i) => wrapped[i + 1] === 'Photo: Reuters' && columns(l) + 7 > 80).length).toBeGreaterThan(0);
    expect(unwrapHardWraps(wrapped.join('\n'))).toBe(page);
  });

  it('joins lines of wide characters without a space', () => {
    const sentence = '台北市政府今天宣布將在明年擴大公共運輸補助範圍，預計受惠人數超過五十萬人，市長表示這項政策有助於減少交通壅塞。';
    const page = [0, 1, 2, 3, 4, 5].map((i) => sentence.slice(i) + sentence).join('\n\n');
    const wrapped = wrapAt(page, 80);
    expect(wrapped.split('\n').length).toBeGreaterThan(12);
    expect(unwrapHardWraps(wrapped)).toBe(page);
  });

  it('counts the lines a wrapped page is read as, in both line counters', () => {
    const paragraphs = [0, 1, 2, 3, 4, 5].map((i) => words.slice(i).join(' ') + ' ' + words.join(' ') + '.');
    const page = paragraphs.join('\n\n');
    const wrapped = wrapAt(page, 80);
    expect(lineHashes(wrapped)).toEqual(lineHashes(page));
    const a = new LineCounts();
    a.addDocument(wrapped);
    const b = new LineCounts();
    b.addDocument(page);
    expect([...lineHashes(page)].map((h) => a.get(h))).toEqual([...lineHashes(page)].map((h) => b.get(h)));
  });
});

describe('cleaning a page dumped at 80 columns', () => {
  const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/clean');
  const seeds = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'].map((name) => readFileSync(join(fixtures, name, 'input.txt'), 'utf8'));

  it('reads the seed pages wrapped at 80 columns as it reads them dumped wide', () => {
    const wrapped = seeds.map((s) => wrapAt(s, 80));
    expect(wrapped.filter((w, i) => w !== seeds[i])).toHaveLength(5);
    const clean = (pages: string[]) => {
      const stats = createCorpusStats();
      for (const p of pages) addToCorpusStats(stats, p);
      return pages.map((p) => {
        const r = cleanDocument(p, stats);
        return { text: r.text, title: r.title, date: r.date, lang: r.lang };
      });
    };
    expect(clean(wrapped)).toEqual(clean(seeds));
  });
});
