// Golden cases in the style of @mozilla/readability's test pages: fixtures/clean/<case>/{input.txt, expected.json}.
// expected.json holds the CleanResult fields to assert (title/site/date/lang, only those present) and
// body_has / body_lacks fragments (compared after folding quotes and white space, as check-seeds.mjs does).
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addToCorpusStats, cleanDocument, createCorpusStats, type CorpusStats } from '../../src/clean/index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/clean');
interface Expected {
  title?: string | null; site?: string | null; date?: string | null; lang?: string | null;
  body_has?: string[]; body_lacks?: string[];
}
const cases = readdirSync(fixtures).sort().map((name) => ({
  name,
  input: readFileSync(join(fixtures, name, 'input.txt'), 'utf8'),
  expected: JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as Expected,
}));
const fold = (s: string | null) => (s ?? '').normalize('NFC')
  .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'").replace(/[\u201c\u201d\u00ab\u00bb\u201e]/g, '"')
  .replace(/[\s\u00a0\u202f]+/g, ' ').replace(/" /g, '"').replace(/ "/g, '"').trim();

// Seeds are one run: template detection needs the statistics of all of them.
const seedStats: CorpusStats = createCorpusStats();
for (const c of cases) if (c.name.startsWith('seed-')) addToCorpusStats(seedStats, c.input);

describe('golden cases', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = cleanDocument(c.input, c.name.startsWith('seed-') ? seedStats : null);
      const e = c.expected;
      for (const field of ['title', 'site', 'date', 'lang'] as const) {
        if (!(field in e)) continue;
        const want = e[field] ?? null;
        expect(want === null ? result[field] : fold(result[field]), field).toBe(want === null ? null : fold(want));
      }
      const body = fold(result.text);
      for (const frag of e.body_has ?? []) expect(body, `body has "${frag}"`).toContain(fold(frag));
      for (const frag of e.body_lacks ?? []) expect(body, `body lacks "${frag}"`).not.toContain(fold(frag));
      // Every input line ends up either in the body or in the noise list.
      expect(result.noise.every((n) => n.reason.length > 0)).toBe(true);
    });
  }
});
