import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { franc } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { franc as francFast } from '../../src/clean/franc-fast.js';

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
});
