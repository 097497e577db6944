/** A generated corpus for the distributed tests: news pages on a few site templates, republished copies, rejects. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { article } from '../cli/helpers.js';

const SITES = ['Harbour Post', 'Valley Courier', 'Evening Ledger', 'City Tribune'];

/** A page of `site`: its template (masthead, menu, footer) around a title and an article body. */
function page(site: string, title: string, body: string, day: number): string {
  return [
    `${site}`,
    'Home | World | Business | Sport | Culture | Opinion',
    title,
    `Published ${String(1 + (day % 28)).padStart(2, '0')} March 2024`,
    '',
    body,
    '',
    'Read more: the week in pictures, letters to the editor, and our newsletter',
    `© 2024 ${site}. All rights reserved. Contact | Privacy | Terms`,
  ].join('\n');
}

/**
 * Writes about `documents` documents under `dir`: single-page files, multi-document files (q7x2), copies of
 * earlier articles on another site with a changed first line, a JSONL file with a repeated id, a page whose
 * body is all template (rejected: empty after cleaning) and a binary file (rejected).
 */
export function writeCorpus(dir: string, documents = 300): void {
  mkdirSync(join(dir, 'pages'), { recursive: true });
  mkdirSync(join(dir, 'bundles'), { recursive: true });
  let n = 0;
  const originals = Math.floor(documents * 0.8);
  for (let i = 0; i < originals; ) {
    if (i % 7 === 3 && i + 3 <= originals) {
      const docs = [0, 1, 2].map((k) => page(SITES[(i + k) % SITES.length], `Report number ${i + k} on the council`, article(i + k), i + k));
      writeFileSync(join(dir, 'bundles', `bundle-${String(i).padStart(4, '0')}.txt`), docs.join('\n\nq7x2\n\n'));
      i += 3;
    } else {
      writeFileSync(join(dir, 'pages', `page-${String(i).padStart(4, '0')}.txt`), page(SITES[i % SITES.length], `Report number ${i} on the council`, article(i), i));
      i++;
    }
    n = i;
  }
  // Republished copies: another site's template, the first line of the body changed.
  for (let c = 0; n < documents - 4; c++, n++) {
    const source = (c * 13) % originals;
    const [first, ...rest] = article(source).split('\n\n');
    const changed = [`UPDATE: ${first.split(' ').slice(3).join(' ')}`, ...rest].join('\n\n');
    writeFileSync(join(dir, 'pages', `copy-${String(c).padStart(4, '0')}.txt`), page(SITES[(source + 1) % SITES.length], `Report number ${source} on the council`, changed, source + 5));
  }
  writeFileSync(
    join(dir, 'feed.jsonl'),
    [JSON.stringify({ id: 'feed-1', text: article(9001), source: 'feed' }), JSON.stringify({ id: 'feed-1', text: article(9002), source: 'feed' })].join('\n') + '\n',
  );
  writeFileSync(join(dir, 'pages', 'template-only.txt'), page(SITES[0], '', '', 1).replace(/\n\n\n/g, '\n'));
  writeFileSync(join(dir, 'pages', 'zz-binary.bin'), Buffer.from([0, 1, 2, 0, 0, 255, 0, 7]));
}
