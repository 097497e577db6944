import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToCorpusStats, cleanDocument, createCorpusStats } from '../../src/clean/index.js';
import { lineHashes } from '../../src/clean/stats.js';
import { atMostLikelihood, unwrapHardWraps } from '../../src/clean/unwrap.js';
import { LineCounts } from '../../src/workers/line-counts.js';
// @ts-expect-error: a plain script (scripts/ is not compiled); it types as any
import { columns, wrapAt } from '../../scripts/wrap-dump.mjs';

const words = ['the', 'council', 'voted', 'on', 'Tuesday', 'to', 'approve', 'a', 'plan', 'for', 'repairs', 'across', 'city', 'streets', 'after', 'months', 'of', 'debate', 'residents', 'said'];
/** A paragraph of some 150 to 260 characters, its length varying with `i`: at 80 columns, two lines or more and a
 *  last line of its own length. */
const para = (i: number): string => `${words.join(' ')} ${words.slice(0, 3 + ((i * 7) % 17)).join(' ')}.`;
const paragraph = fc.array(fc.constantFrom(...words), { minLength: 60, maxLength: 120 }).map((w) => w.join(' ') + '.');
/** Five paragraphs of a sentence's words, each with some of them again (lengths vary), ending with `stop`. */
const pageOf = (sentence: string, stop: string): string => {
  const w = sentence.split(' ');
  return [2, 6, 4, 8, 3].map((n) => [...w, ...w.slice(0, n)].join(' ') + stop).join('\n\n');
};

describe('unwrapHardWraps', () => {
  it('puts back on one line every paragraph a page was wrapped at, whatever the width', () => {
    // Five paragraphs or more, each broken twice or more, at the widths dump tools use (72 to 80 columns by default,
    // wider on request); two of them at least ending in a short line, as the evidence of a wrap asks (a list's lines
    // all end near the width).
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 5, maxLength: 8 }), fc.integer({ min: 72, max: 132 }), (paragraphs, width) => {
        const page = ['Home   News   Sport   Weather', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n').trimEnd();
        const wrapped = wrapAt(page, width);
        const lastLines = wrapped.split('\n').filter((l, i, all) => l !== '' && (all[i + 1] ?? '') === '' && i > 0 && all[i - 1] !== '');
        fc.pre(lastLines.filter((l) => columns(l) < width - 12).length >= 2);
        expect(unwrapHardWraps(wrapped)).toBe(page);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps a setext heading's underline apart from the headline as wide as the wrap (pandoc plain text)", () => {
    const headline = 'COUNCIL APPROVES STREET REPAIRS ACROSS THE CITY AFTER MONTHS OF DEBATE';
    const paragraphs = Array.from({ length: 6 }, (_, i) => para(i));
    const page = [headline, '='.repeat(headline.length), '', 'By Ann Lee', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n').trimEnd();
    const wrapped = wrapAt(page, 72);
    const unwrapped = unwrapHardWraps(wrapped);
    expect(unwrapped.split('\n').slice(0, 2)).toEqual([headline, '='.repeat(headline.length)]);
    for (const p of paragraphs) expect(unwrapped).toContain(p);
    expect(cleanDocument(wrapped, null).title).toBe(headline);
  });

  it('reads a wrap past lines of addresses wider than it: a lynx References list, markdown links', () => {
    // lynx prints its References list (and a markdown converter its links) whatever their width: those lines say
    // nothing of the wrap, however many they are.
    const paragraphs = Array.from({ length: 6 }, (_, i) => para(i));
    const wrapped = wrapAt(paragraphs.join('\n\n'), 79);
    const references = Array.from({ length: 60 }, (_, i) => `  ${i + 1}. https://www.example-daily.cat/comarques/${words.slice(i % 9).join('-')}`);
    const links = Array.from({ length: 20 }, (_, i) => `  * [${words[i % 20]} news today](https://example.dk/${words.slice(i % 7).join('/')})`);
    for (const tail of [references, links]) {
      const page = `${wrapped}\n\nReferences\n\n${tail.join('\n')}`;
      expect(tail.every((l) => l.length > 80)).toBe(true);
      expect(unwrapHardWraps(page)).toBe(`${paragraphs.join('\n\n')}\n\nReferences\n\n${tail.join('\n')}`);
    }
  });

  it('reads the wrap width from a prose line holding an address as from any other', () => {
    // The widest line of this 80-column dump holds the address: read without it, the width came out at 79 and the
    // paragraph's last line stayed apart.
    const page = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/unwrap/wrapped-url-80.txt'), 'utf8');
    const paragraph = unwrapHardWraps(page).split('\n').find((l) => l.startsWith('Residents who want'));
    expect(paragraph).toMatch(/www\.riverton\.gov\.uk\/planning, where all of the documents .* read in full\.$/);
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

  it('unwraps a short page whose breaks mostly come before capitals (nouns in German), if one runs on in lower case', () => {
    const paras = [
      'Die Preise für Benzin und Diesel steigen ab Donnerstag wieder an. Das hat das Wirtschaftsministerium am Mittwoch mitgeteilt.',
      'Der Liter Super kostet dann drei Cent mehr als bisher, beim Diesel sind es zwei Cent und beim Heizöl ein Cent.',
      'Grund für den Anstieg sind die Preise auf dem internationalen Markt nach der Entscheidung der Förderländer.',
      'Im Nachbarland bleibt der Sprit trotz des Anstiegs teurer, wie ein Vergleich der Preise gezeigt hat.',
      'Die Regierung will im Herbst über eine Senkung der Steuern auf Kraftstoffe beraten.',
    ];
    const page = ['Startseite › Wirtschaft', '', 'Spritpreise steigen ab Donnerstag', '', 'Von Tom Weber', '', ...paras.flatMap((p) => [p, '']), 'Schlagwörter: Energie'].join('\n');
    const wrapped = wrapAt(page, 80);
    // Five breaks, one before a lower-case word (a share of 0.2; prose of this kind shows one or none in a third of pages).
    const starts = wrapped.split('\n').filter((l, i, all) => i > 0 && l && all[i - 1] && paras.some((p) => p.includes(all[i - 1]) && p.includes(l))).map((l) => l[0]);
    expect(starts.length).toBe(5);
    expect(starts.filter((c) => c === c.toLowerCase()).length).toBe(1);
    expect(unwrapHardWraps(wrapped)).toBe(page);
    // The same breaks each before a capital is a list, not prose.
    const capitals = wrapped.replace('\nberaten.', '\nBeraten.');
    expect(unwrapHardWraps(capitals)).toBe(capitals);
  });

  it("measures a short page's paragraph ends against its widest band when a denser one (teasers) is narrower", () => {
    // Two paragraphs and a newsletter line wrapped at 72, their last lines 11 to 18 columns short of it, under four
    // teasers of 62-64 columns: measured against the teasers' band, the paragraphs did not end short.
    const paras = [
      'The footbridge across the river at Millholme will open on May 2 after repairs costing £900,000, the council has now confirmed it.',
      'The old bridge has been closed since last autumn, when inspections found rot in the timber of its deck and in its two supports.',
      'Sign up for our free daily newsletter with the top stories from across the county.',
    ];
    const teasers = ['The money will pay for new flood defences along the Mosset burn.', 'The 22-year-old has agreed an 18-month deal at Borough Briggs.', 'Fishing boats will be moved to the outer basin during the work.', 'Our journalists are regulated by the press standards body, IPSO.'];
    const page = ['NEW FOOTBRIDGE TO OPEN IN MAY', '', 'By Herald reporter', '', ...paras.flatMap((p) => [p, '']), 'More from the Herald', '', ...teasers.flatMap((p) => [p, ''])].join('\n').trimEnd();
    expect(unwrapHardWraps(wrapAt(page, 72))).toBe(page);
  });

  it("unwraps a short news item's two paragraphs broken once each at a dump tool's width, not at another width", () => {
    const at = (width: number, paras: string[]): [string, string] => {
      const page = ['Harbour car park approved', '', 'By Ann Lee', '', ...paras.flatMap((p) => [p, '']), 'Read more about the harbour and the plans for the new marina on our website.'].join('\n');
      return [page, wrapAt(page, width)];
    };
    const [page80, wrapped80] = at(80, ['The town council approved the new harbour car park on Tuesday evening after a long debate.', 'Work on the site is expected to begin in the autumn and should take about eight months.']);
    expect(wrapped80.split('\n').length).toBe(page80.split('\n').length + 2);
    expect(unwrapHardWraps(wrapped80)).toBe(page80);
    // At 100 columns, which no dump tool uses unless told, two breaks are too few.
    const [page100, wrapped100] = at(100, ['The town council approved the new harbour car park on Tuesday evening after a long and heated debate with residents.', 'Work on the site is expected to begin in the autumn, the council said, and should take about eight months in all.']);
    expect(wrapped100.split('\n').length).toBe(page100.split('\n').length + 2);
    expect(unwrapHardWraps(wrapped100)).toBe(wrapped100);
    // Alone on the page, the two broken lines are the only ones near the width: at a tool's width, two are a band.
    const alone = page80.split('\n').slice(0, -1).join('\n').trimEnd();
    expect(unwrapHardWraps(wrapAt(alone, 80))).toBe(alone);
  });

  it('leaves lines of short sentences alone, however near the width the first ones reach', () => {
    // Every "break" follows a sentence's end: nothing shows a sentence running on.
    const page = [
      'The council approved the budget for the new harbour car park on Tuesday.', 'Residents objected.', '',
      'The mayor said the work on the harbour wall would start in the spring.', 'Fishermen welcomed it.', '',
      'The plans for the new marina were sent back to the planners on Friday.', 'Builders are waiting.',
    ].join('\n');
    expect(unwrapHardWraps(page)).toBe(page);
  });

  it('tells how likely a count of lower-case starts is for prose (the binomial distribution)', () => {
    expect(atMostLikelihood(0, 5, 0.4)).toBeCloseTo(0.6 ** 5, 10);
    expect(atMostLikelihood(1, 5, 0.4)).toBeCloseTo(0.6 ** 5 + 5 * 0.4 * 0.6 ** 4, 10);
    expect(atMostLikelihood(1, 10, 0.4)).toBeLessThan(0.1);
    expect(atMostLikelihood(10, 10, 0.4)).toBe(1);
  });

  it('keeps list items apart and joins each item with its indented continuation', () => {
    const items = ['• ' + words.join(' ') + ' ' + words.join(' '), '• ' + words.slice(5).join(' ') + ' ' + words.join(' ')];
    const body = [0, 1, 2, 3].map(para);
    const page = [...body.flatMap((p) => [p, '']), ...items].join('\n');
    const wrapped = wrapAt(page, 78);
    expect(wrapped.split('\n').some((l) => l.startsWith('  ') && !l.trimStart().startsWith('•'))).toBe(true);
    expect(unwrapHardWraps(wrapped)).toBe(page);
  });

  it('does not join a line to one whose first word would have fitted on it, nor a credit to a paragraph', () => {
    const body = [0, 1, 2, 3, 4, 5].map(para);
    // Every other paragraph with a credit right under it.
    const page = body.flatMap((p, i) => (i % 2 ? [p, 'Photo: Reuters', ''] : [p, ''])).join('\n').trimEnd();
    const wrapped = wrapAt(page, 80).split('\n');
    // Some paragraphs' last lines had room for "Photo:", some not: after a full line ending a sentence, a short
    // line starting with a capital and ending without one is a block of its own.
    expect(wrapped.filter((l, i) => wrapped[i + 1] === 'Photo: Reuters' && columns(l) + 7 <= 80).length).toBeGreaterThan(0);
    expect(wrapped.filter((l, i) => wrapped[i + 1] === 'Photo: Reuters' && columns(l) + 7 > 80).length).toBeGreaterThan(0);
    expect(unwrapHardWraps(wrapped.join('\n'))).toBe(page);
  });

  it("joins a standfirst's last clause to it after a full line ending a sentence: four words with no figure are no credit", () => {
    // A standfirst under the headline whose second sentence closes without its stop, its first a full line (78 columns,
    // no room for "The"), over paragraphs wrapped at 80.
    const first = 'Children from the town and the villages around will be treated in other towns.';
    const body = wrapAt([0, 1, 2, 3].map(para).join('\n\n'), 80);
    const page = (last: string) => `${first}\n${last}\n\n${body}`;
    expect(columns(first) + 1 + 'The'.length).toBeGreaterThan(80);
    expect(unwrapHardWraps(page('The reason is a lack of doctors')).split('\n\n')[0]).toBe(`${first} The reason is a lack of doctors`);
    // A credit or a publication line stays apart: a figure, a label's colon, or three words at most.
    for (const line of ['Photo: Reuters', 'Published 12 May 2025', 'By Ann Lee']) expect(unwrapHardWraps(page(line)).split('\n\n')[0], line).toBe(`${first}\n${line}`);
  });

  it('gives back wide pages whose lines cluster near one width as they are (fixtures/unwrap/wide-*)', () => {
    // An election table, an archive of dated headlines, Arabic and Chinese headline lists, teasers cut at a fixed
    // length, a poem: each a page dumped wide that a first version of the test took for a wrapped one.
    const dir = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/unwrap');
    const cases = readdirSync(dir).filter((d) => d.startsWith('wide-'));
    expect(cases.length).toBeGreaterThanOrEqual(7);
    for (const name of cases) {
      const page = readFileSync(join(dir, name, 'input.txt'), 'utf8');
      expect(unwrapHardWraps(page), name).toBe(page);
    }
  });

  it('leaves a wide page\'s table, dated list and lines of code alone', () => {
    const article = [para(1), '', para(2), ''];
    const table = Array.from({ length: 12 }, (_, i) => `District ${i + 1}   ${words[i % words.length].padEnd(12)} ${(91644 - i * 977).toLocaleString('en')}   ${40 + i}.5%   Democratic    ${i + 3}.3 pts`);
    const dated = Array.from({ length: 12 }, (_, i) => `${String(10 + i)}.03.2024 ${words.slice(i % 7, (i % 7) + 9).join(' ')} beschließt Sanierung des Rathauses`);
    const code = Array.from({ length: 12 }, (_, i) => `    result = compute_the_value(argument_number_${i}, other_argument, keyword=${i}) + offset`);
    for (const lines of [table, dated, code]) {
      const page = [...article, ...lines].join('\n');
      expect(unwrapHardWraps(page)).toBe(page);
    }
  });

  it('joins a line to one starting with a spaced dash, and a URL broken after its slash without a space', () => {
    const dash = `${words.join(' ')} — the repairs will cover about a tenth of the network — and fix the bridges too.`;
    const page = [para(1), '', dash, '', para(3), '', para(4)].join('\n');
    expect(unwrapHardWraps(wrapAt(page, 80))).toBe(page);
    const url = ['the council voted on Tuesday to approve a plan for repairs across city streets, and', 'more: https://www.example.com/', 'news/council-approves-the-plan-for-repairs-across-the-city-streets-this-week.'];
    expect(unwrapHardWraps([...url, '', wrapAt(para(1), 80), '', wrapAt(para(2), 80), '', wrapAt(para(5), 80)].join('\n'))).toContain('https://www.example.com/news/council');
  });

  it('joins lines of wide characters without a space', () => {
    const sentence = '台北市政府今天宣布將在明年擴大公共運輸補助範圍，預計受惠人數超過五十萬人，市長表示這項政策有助於減少交通壅塞。';
    const page = [0, 1, 2, 3, 4, 5].map((i) => sentence.slice(i) + sentence).join('\n\n');
    const wrapped = wrapAt(page, 80);
    expect(wrapped.split('\n').length).toBeGreaterThan(12);
    expect(unwrapHardWraps(wrapped)).toBe(page);
  });

  it("reads a short markdown page's wrap past a heading wider than it (converters never wrap a heading)", () => {
    const heading = '# Storm closes the ferries and the schools in the northern islands today {#headline .headline}';
    const paras = [para(1), para(2), para(3)];
    const page = [heading, '', ...paras.flatMap((p) => [p, ''])].join('\n').trimEnd();
    const wrapped = [heading, '', ...paras.flatMap((p) => [wrapAt(p, 72), ''])].join('\n').trimEnd();
    expect(wrapped.split('\n').length).toBeGreaterThan(page.split('\n').length);
    expect(unwrapHardWraps(wrapped)).toBe(page);
  });

  it('joins lines of Hangul, two columns a syllable and broken at spaces (lynx), with a space', () => {
    const page = [
      '서울시는 내년부터 대중교통 요금 지원을 늘리기로 했다고 밝혔다. 시장은 이번 정책이 교통 혼잡을 줄이고 시민들의 부담을 덜어 줄 것이라고 말했다.',
      '시에 따르면 지원 대상은 만 19세 이상 34세 이하 청년과 65세 이상 노인으로, 한 달에 최대 5만 원까지 교통비를 돌려받을 수 있다.',
      '시민단체들은 대체로 환영하는 입장이지만, 재원 마련 방안이 구체적이지 않다는 지적도 나온다. 일부 자치구는 예산 부담을 우려하고 있다.',
      '시는 다음 달 공청회를 열어 시민 의견을 듣고, 상반기 안에 세부 계획을 확정할 방침이다.',
      '한편 경기도와 인천시도 비슷한 제도를 검토하고 있어 수도권 전체로 확대될 가능성이 있다는 관측이 나온다.',
    ].join('\n\n');
    // As lynx wraps Korean: at spaces only, each syllable two columns (wrap-dump breaks wide characters anywhere).
    const wrapAtSpaces = (paragraph: string, width: number): string => {
      const lines: string[] = [];
      for (const word of paragraph.split(' ')) {
        const last = lines.length ? lines[lines.length - 1] : null;
        if (last !== null && columns(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
        else lines.push(word);
      }
      return lines.join('\n');
    };
    const wrapped = page.split('\n\n').map((p) => wrapAtSpaces(p, 76)).join('\n\n');
    expect(wrapped.split('\n').length).toBe(14);
    expect(unwrapHardWraps(wrapped)).toBe(page);
  });

  it('ends a paragraph at any script\'s full stop (Armenian ։ as . and ।)', () => {
    const page = pageOf('Երևանի քաղաքապետարանը երեկ հայտարարեց նոր ծրագրի մասին որը կներառի ճանապարհների վերանորոգում և նոր կանգառներ', '։');
    const wrapped = wrapAt(page, 80);
    expect(wrapped.split('\n').length).toBeGreaterThan(12);
    expect(unwrapHardWraps(wrapped)).toBe(page);
  });

  it('reads a wrap made by counting characters where combining marks make columns fewer (Sinhala, html2text)', () => {
    // Sinhala vowel signs are characters of no column of their own: a line of 78 characters is ~60 columns.
    const page = pageOf('ශ්‍රී ලංකා මහ බැංකුව ඊයේ නිකුත් කළ වාර්තාවට අනුව රටේ උද්ධමනය පසුගිය මාසයේ දී තවදුරටත් අඩු වී ඇති බව සඳහන් වේ', '.');
    const wrapped = wrapAt(page, 78); // wrap-dump counts characters, as Python's textwrap does
    expect(wrapped.split('\n').length).toBeGreaterThan(12);
    expect(unwrapHardWraps(wrapped)).toBe(page);
  });

  it('reads the wrap of a markdown page whose list items were left whole, as html2text leaves them', () => {
    // Paragraphs wrapped at 78; the items after them printed on one line each, wider than the wrap.
    const items = [
      '  * A merger of the two northern schools into one school with two sites for the youngest pupils.',
      '  * A model in which all three schools stay open but teach only up to the third class from next year.',
      '  * A new bus route for the pupils of the villages that would lose their school under the first model.',
    ];
    const page = pageOf('The council voted on Tuesday to send a plan for the schools of the district to a public hearing', '.');
    const wrapped = `${wrapAt(page, 78)}\n\nThe plan has three models:\n\n${items.join('\n')}\n`;
    expect(unwrapHardWraps(wrapped)).toBe(`${page}\n\nThe plan has three models:\n\n${items.join('\n')}\n`);
    // A menu's items set far to the right (a laid-out page dumped with its indents) are still wide for their place:
    // with as many of them, the page stays as it is.
    const menu = Array.from({ length: 30 }, (_, i) => `${' '.repeat(500 + (i % 7))}• Section ${i + 1}`);
    const laidOut = `${wrapAt(page, 78)}\n\n${menu.join('\n')}\n`;
    expect(unwrapHardWraps(laidOut)).toBe(laidOut);
  });

  it('joins lines of a script without case broken before digits (the lower-case test asks cased scripts only)', () => {
    const page = pageOf('මහ බැංකුව 2025 වසරේ 3 වන කාර්තුවේ දී 12 ක් වූ උද්ධමනය 7 දක්වා අඩු වූ බව 15 වන දින නිවේදනය කළේය', '.');
    const wrapped = wrapAt(page, 72);
    expect(wrapped.split('\n').filter((l) => /^\d/.test(l)).length).toBeGreaterThan(2);
    expect(unwrapHardWraps(wrapped)).toBe(page);
  });

  it('finds the wrap of a short page whose paragraphs\' last lines outnumber its full ones', () => {
    // Two-line paragraphs wrapped at 78 columns (full lines 72–75, last lines 56–59) and two one-line ones as long as
    // those last lines: the densest band is theirs, the wrap is the widest band's.
    const firsts = [
      'The council voted on Tuesday to approve a plan for repairs across the city,',
      'The mayor said on Wednesday that the plan would be paid for by new grants,',
      'Officials said the work on the main roads would begin in the early spring,',
      'The vote came after months of debate about the state of the older streets,',
      'Residents of the northern districts had asked for the repairs for years,',
      'The plan covers bridges, pavements and the lighting of the busiest roads,',
      'A second vote on the budget for the coming year will be held next month,',
    ];
    const lasts = [
      'administrators said, and residents welcomed the decision.',
      'neighbourhoods will be consulted before any road is closed.',
      'contractors said, weather permitting, for a total of weeks.',
      'infrastructure spending having been delayed twice before.',
      'councillors said, and the first streets have been chosen.',
      'transportation officials said in a statement on Tuesday.',
      'administrators said, once the accounts have been checked.',
    ];
    const single = ['The full list of streets will be published on the website.', 'Work on the first of them is expected to start in April.'];
    const page = [...firsts.map((f, i) => `${f} ${lasts[i]}`), ...single].join('\n\n');
    expect(unwrapHardWraps([...firsts.map((f, i) => `${f}\n${lasts[i]}`), ...single].join('\n\n'))).toBe(page);
  });

  it('unwraps a short page of two wrapped paragraphs, three breaks in all', () => {
    const page = [`${words.join(' ')}.`, `${words.join(' ')} ${words.slice(0, 14).join(' ')} ${words.slice(0, 3).join(' ')}.`].join('\n\n');
    const wrapped = wrapAt(page, 78);
    expect(wrapped.split('\n').filter(Boolean)).toHaveLength(5);
    expect(unwrapHardWraps(wrapped)).toBe(page);
    // with a line wider than the width, three breaks are not enough
    const wide = `${wrapped}\n\n${words.join(' ')} ${words.join(' ')}`;
    expect(unwrapHardWraps(wide)).toBe(wide);
  });

  it('joins the lines of a column set in a proportional type (pdftotext), a paragraph ending at a short last line', () => {
    // A print page's column: full lines hold 35 to 46 characters (narrow and wide letters), so the next word's width
    // does not tell a full line from a last one; no blank line between paragraphs.
    const header = ['Martes 4 de marzo de 2025', '', 'EL DIARIO DEL VALLE', '', '7', '', 'MUNICIPAL', ''];
    const paragraphs = [
      ['El ayuntamiento de Valdeolmos abrirá en otoño', 'una biblioteca municipal en el edificio', 'del antiguo mercado de abastos, cerrado', 'desde hace casi diez años por problemas', 'en la cubierta y en la instalación eléctrica.'],
      ['Las obras costarán unos 640.000 euros y las', 'pagará en buena parte la diputación', 'provincial, según explicó el alcalde en el', 'pleno del jueves, donde el proyecto', 'salió adelante con los votos de todos los', 'grupos.'],
      ['La nueva sala tendrá sitio para unos veinte', 'mil libros, una zona infantil y un aula de', 'estudio que abrirá también los fines de', 'semana durante la época de exámenes.'],
      ['Los vecinos llevaban años pidiendo un uso para', 'el mercado, que forma parte del paisaje', 'del centro desde que se construyó en los', 'años veinte del siglo pasado.'],
    ];
    const footer = ['→ Continúa en la página 9', '', 'El Diario del Valle · www.diariodelvalle.es · Suscripciones: 900 100 200'];
    const page = [...header, 'El ayuntamiento abrirá una biblioteca', 'en el antiguo mercado', 'Por Lucía Ferrer', '', ...paragraphs.flat(), ...footer].join('\n');
    const unwrapped = [...header, 'El ayuntamiento abrirá una biblioteca en el antiguo mercado', 'Por Lucía Ferrer', '', ...paragraphs.map((p) => p.join(' ')), ...footer].join('\n');
    expect(unwrapHardWraps(page)).toBe(unwrapped);
  });

  it('joins OCR lines whose paragraphs open with an indent, a full line ending a sentence and all, specks apart', () => {
    // A scanned paper's column: a paragraph told only by its first line standing two spaces in, a speck of the scan
    // on a line of its own between two paragraphs.
    const page = [
      'IL CORRIERE DELLA VALLE. 3',
      'SABATO, 12 MARZO 1898.',
      '',
      'LA PIENA DEL TORRENTE.',
      '',
      'Nella notte di giovedì il torrente Sesia è',
      'uscito dagli argini poco sopra il paese,',
      'allagando i campi e le cantine delle case',
      'più basse della contrada.',
      '  Le acque hanno portato via il ponte di',
      'legno che univa le due frazioni del paese.',
      'Per tutta la mattina i carri hanno dovuto',
      'girare per la lunga strada del monte.',
      '  Nessuno è rimasto ferito, ma il danno ai',
      'raccolti è grande e molte famiglie hanno',
      'perduto il fieno messo da parte per la',
      'stagione fredda e per tutte le loro bestie.',
      'i',
      '  Il sindaco ha scritto al prefetto per',
      'chiedere un soccorso alle famiglie',
      'colpite e la riparazione del ponte prima',
      'delle nevi.',
    ].join('\n');
    expect(unwrapHardWraps(page).split('\n').slice(5)).toEqual([
      'Nella notte di giovedì il torrente Sesia è uscito dagli argini poco sopra il paese, allagando i campi e le cantine delle case più basse della contrada.',
      '  Le acque hanno portato via il ponte di legno che univa le due frazioni del paese. Per tutta la mattina i carri hanno dovuto girare per la lunga strada del monte.',
      '  Nessuno è rimasto ferito, ma il danno ai raccolti è grande e molte famiglie hanno perduto il fieno messo da parte per la stagione fredda e per tutte le loro bestie.',
      'i',
      '  Il sindaco ha scritto al prefetto per chiedere un soccorso alle famiglie colpite e la riparazione del ponte prima delle nevi.',
    ]);
  });

  it('leaves verse, a menu and a list of teasers alone, however even their lines', () => {
    // Verse breaks at a phrase's end (a comma, a semicolon) where prose breaks wherever a word did not fit; its
    // lines here run on in lower case and each stanza ends short with a full stop, as a column's paragraphs do.
    const poem = [
      'The Ferryman', '',
      'the river keeps its counsel in the reeds,', 'and what it carries no one ever asks;', 'the herons stand like questions on the bank,', 'and night comes down.', '',
      'the ferry crosses slowly with its lamp,', 'the water folds behind it like a page;', 'the boatman hums the tune his father hummed,', 'and no one sings.', '',
      'and in the morning mist along the shore,', 'the nets hang drying, heavy with the dew,', 'the village wakes to bells across the fields,', 'and so the day.',
    ].join('\n');
    expect(unwrapHardWraps(poem)).toBe(poem);
    const menu = ['Home', 'News', 'Local news across the county and the region', 'Sport results and fixtures for the weekend', 'Business and the markets in the city today', 'Weather forecast for the coming seven days', 'Opinion and letters from our readers', 'Contact us', 'About the paper and its history since 1850', 'Advertise with us in print and online now'].join('\n');
    expect(unwrapHardWraps(menu)).toBe(menu);
    const teasers = [
      'More stories', '',
      'Council approves the new harbour car park', 'The vote came after a long debate.',
      'Bridge on the old road to close for repairs', 'Work will take about eight months.',
      'School in the valley gets a new headteacher', 'She starts at the beginning of term.',
      'Fishing fleet faces shortage of young crew', 'Owners say wages are not the problem.',
    ].join('\n');
    expect(unwrapHardWraps(teasers)).toBe(teasers);
  });

  it('leaves a timetable and a results list alone: their lines open with a time or a place, no sentence runs on', () => {
    // Each item near the column's width and the last of each day's short with a full stop, as a typeset paragraph's;
    // every break comes before a digit, which in a cased script shows no sentence running on.
    const timetable = [
      'Valley Heritage Weekend: the full programme',
      'The heritage weekend returns to the old mill on Saturday, with talks, walks and music for all ages.',
      'Saturday',
      '09:00 Registration and coffee in the main hall of the old school', '09:30 Welcome from the mayor and the chair of the heritage group',
      '10:00 The mills of the valley and the families who ran them', '11:15 A guided walk along the mill race to the weir and back',
      '12:30 Lunch in the courtyard, with soup from the village bakery', "14:00 Children's workshop on grinding flour by hand in the barn",
      '15:30 Closing talk and questions.',
      'Sunday',
      '10:00 Open day at the mill, with the wheel turning every hour', '11:00 Bird walk along the river with the local wildlife trust',
      '13:00 Folk music from the Valley Singers in the mill courtyard', '16:00 Prize draw and close.',
      'Entry is free; book the walks at the shop.',
    ].join('\n');
    expect(unwrapHardWraps(timetable)).toBe(timetable);
    const results = [
      'Results from the county athletics championships',
      'The county championships were held in glorious sunshine at the city stadium on Saturday afternoon.',
      "Men's 100 metres",
      '1 Daniel Okafor (City Harriers) 10.54 seconds, a new personal best', '2 Tom Whitfield (Valley Athletic Club) 10.61 seconds in the final',
      '3 Marcus Bell (Northside Striders) 10.70 seconds, just ahead of', '4 Liam Carter (City Harriers) 10.88.',
      "Women's 800 metres",
      '1 Amy Sutton (Valley Athletic Club) 2:08.44 after leading from the gun', '2 Rachel Hume (Northside Striders) 2:09.10 after a late kick up the',
      '3 Jess Moran (City Harriers) 2:11.02 after a fall on the first bend', '4 Kate Lowe (Coast Runners) 2:14.9.',
      'Full results are on the club site.',
    ].join('\n');
    expect(unwrapHardWraps(results)).toBe(results);
  });

  it('leaves a list of headlines over one-line summaries alone in a script without case (Hindi)', () => {
    // Each headline near the column's width and its summary short with a danda, as a two-line typeset paragraph; no
    // lower case tells the summary's start from a sentence running on (an English word on one line changes nothing).
    const list = [
      'राज्य की ताज़ा खबरें',
      'जयपुर में बारिश से कई इलाकों में जलभराव, स्कूल बंद', 'नगर निगम ने निचले इलाकों में राहत शिविर खोले हैं।',
      'उदयपुर में झील का जलस्तर बढ़ा, प्रशासन ने जारी किया अलर्ट', 'झील के किनारे रहने वाले लोगों को सतर्क रहने को कहा गया।',
      'कोटा में कोचिंग छात्रों के लिए नई हेल्पलाइन शुरू हुई', 'यह हेल्पलाइन चौबीस घंटे काम करेगी।',
      'बीकानेर में ऊंट उत्सव की तैयारियां जोरों पर, विदेशी मेहमान', 'उत्सव अगले महीने शुरू होगा।',
      'अजमेर में IPL मैच के आसपास यातायात के नए नियम लागू', 'पुलिस ने कई रास्तों को एकतरफा कर दिया है।',
    ].join('\n');
    expect(unwrapHardWraps(list)).toBe(list);
  });

  it('counts the lines a wrapped page is read as, in both line counters', () => {
    const paragraphs = [0, 1, 2, 3, 4, 5].map(para);
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
