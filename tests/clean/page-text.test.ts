import { describe, expect, it } from 'vitest';
import { addToCorpusStats, cleanDocument, createCorpusStats } from '../../src/clean/index.js';
import { decodeReferences, pageText } from '../../src/clean/page-text.js';
import { lineHashes } from '../../src/clean/stats.js';
import { LineCounts } from '../../src/workers/line-counts.js';

describe('decodeReferences', () => {
  it('decodes named, decimal and hexadecimal references closed by a semicolon', () => {
    expect(decodeReferences('Home&nbsp;&raquo;&nbsp;News')).toBe('Home\u00a0»\u00a0News');
    expect(decodeReferences('It&#8217;s &quot;done&quot; &#x2014; &amp; more')).toBe('It’s "done" — & more');
  });

  it('leaves an ampersand that starts no reference as it is', () => {
    for (const text of ['AT&T and P&O', '&copy 2025 without its semicolon', 'Q&A: fish & chips', 'a&b;c']) expect(decodeReferences(text)).toBe(text);
  });
});

describe('pageText', () => {
  it('is what both the line statistics and the cleaner read: a line with references counts as the decoded line', () => {
    const menu = 'Home&nbsp;|&nbsp;News&nbsp;|&nbsp;Sport';
    const page = (i: number) => `${menu}\n\nStory number ${i} is told in a paragraph long enough to be an article of its own, with words.`;
    const counts = new LineCounts();
    for (let i = 0; i < 4; i++) counts.addDocument(page(i));
    const stats = createCorpusStats();
    for (let i = 0; i < 4; i++) addToCorpusStats(stats, page(i));
    // The decoded menu line's hash is the one counted, in four documents, by both counters.
    const [menuHash] = lineHashes('Home\u00a0|\u00a0News\u00a0|\u00a0Sport');
    expect(lineHashes(menu)).toEqual(new Set([menuHash]));
    expect(counts.asCorpusStats().lineDocs.get(menuHash)).toBe(4);
    expect(stats.lineDocs.get(menuHash)).toBe(4);
    const cleaned = cleanDocument(page(0), stats, {});
    expect(cleaned.text).not.toContain('&nbsp;');
    expect(cleaned.text).toContain('Story number 0 is told');
    expect(pageText('a &amp; b')).toBe('a & b');
  });

  it('splits lines at a decoded &#13; as every reader of lines does (lxml and BeautifulSoup save CRs so)', () => {
    const page = (i: number) => `Support local news&#13;Follow us on Facebook\n\nStory ${i} is told in a paragraph long enough to be an article, with words.`;
    const counts = new LineCounts();
    const stats = createCorpusStats();
    for (let i = 0; i < 4; i++) {
      counts.addDocument(page(i));
      addToCorpusStats(stats, page(i));
    }
    const [follow] = lineHashes('Follow us on Facebook');
    expect(counts.asCorpusStats().lineDocs.get(follow)).toBe(4);
    expect(stats.lineDocs.get(follow)).toBe(4);
    expect(pageText('a&#13;b&#13;&#10;c')).toBe('a\nb\nc');
  });
});

describe('the empty-page rescue', () => {
  it("opens and closes a rescued article with its sentences, not the menu and prompts of a template the run does not repeat", () => {
    const sentences = ['The old bridge over the river will close for repairs from the first of June.', 'The works will take two years.', 'Buses will use the new road instead.'];
    const page = ['≡ Menu', 'Express News', 'Sign in', 'Get our app', 'Accept', '1 min read', ...sentences, 'More news', '© 2025 Express News'].join('\n');
    const stats = createCorpusStats();
    addToCorpusStats(stats, page);
    expect(cleanDocument(page, stats).text.split('\n\n')).toEqual(sentences);
  });
  it('keeps the whole stretch where its sentences alone would be too little to rescue (a page left line by line)', () => {
    const lines = ['The transport ministry said on Monday that', 'toll charges on the southern expressway', 'will rise by ten per cent for cars', 'from the first of next month.'];
    const page = ['Home', ...lines, 'Tags: roads'].join('\n');
    const stats = createCorpusStats();
    addToCorpusStats(stats, page);
    expect(cleanDocument(page, stats).text).toContain(lines[0]);
  });
});

