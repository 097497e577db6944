// Signals that read the run's line statistics: the article's recurring tail, the empty-body rescue, publication
// lines of the template; and the article region's teaser lists.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { selectArticle, DEFAULT_REGION_OPTIONS } from '../../src/clean/region.js';
import { isTeaserShaped } from '../../src/clean/teasers.js';
import { computeFeatures } from '../../src/clean/features.js';
import { splitBlocks } from '../../src/clean/blocks.js';
import { addToCorpusStats, createCorpusStats, type CorpusStats } from '../../src/clean/stats.js';
import { cleanDocument } from '../../src/clean/index.js';

const features = (text: string) => computeFeatures(splitBlocks(text)[0], 'en');
const statsOf = (docs: string[]): CorpusStats => {
  const stats = createCorpusStats();
  for (const d of docs) addToCorpusStats(stats, d);
  return stats;
};
/** Distinct prose paragraphs (each unique in a run: lines are compared with digits folded, so letters differ). */
const NAMES = ['alder', 'birch', 'cedar', 'dogwood', 'elm', 'fir', 'ginkgo'];
const para = (topic: string, n = 0) =>
  `The ${topic} committee of ${NAMES[n]} street met again on Tuesday to discuss the proposals that residents had sent in over the summer, and members said they would publish a decision before the end of the month.`;

describe('teaser-shaped items', () => {
  it('are summaries cut with an ellipsis or short headlines, not sentences', () => {
    expect(isTeaserShaped(features('Residents were told the plan would go ahead despite the...'))).toBe(true);
    expect(isTeaserShaped(features('Storm closes the coastal road for a week'))).toBe(true);
    expect(isTeaserShaped(features('The road was closed for a week.'))).toBe(false);
  });
});

describe('article region: lists under a heading', () => {
  const input = (isBody: boolean[], chars: number[], listAt: number, teaser: boolean[], docs?: number[]) => ({
    isBody, chars, docs, commentsHeading: isBody.map(() => false), listHeading: isBody.map((_, i) => i === listAt), teaserShaped: teaser,
  });
  it('a list of teasers stays announced across its headlines, so a short article before it wins', () => {
    // article | "More stories" | summary… | headline | summary… | headline | summary…
    const isBody = [true, false, true, false, true, false, true];
    const chars = [130, 12, 300, 40, 300, 40, 300];
    const teaser = [false, false, true, false, true, false, true];
    expect(selectArticle(input(isBody, chars, 1, teaser), DEFAULT_REGION_OPTIONS)).toEqual([true, false, false, false, false, false, false]);
  });
  it('the article resumes after an in-article list at its first real paragraph', () => {
    const isBody = [true, false, true, false, true, true];
    // intro | "Related" | one teaser | label | the article's body: the body is not taken into the list.
    const chars = [100, 12, 60, 10, 700, 700];
    const teaser = [false, false, true, false, false, false];
    const keep = selectArticle(input(isBody, chars, 1, teaser), DEFAULT_REGION_OPTIONS);
    expect([keep[0], keep[4], keep[5]]).toEqual([false, true, true]);
  });
  it('the article goes on past a short "read also" list whose linked headlines were all judged noise', () => {
    // article | "Read also:" | headline | headline | the article's last paragraph
    const isBody = [true, false, false, false, true];
    const chars = [900, 11, 60, 55, 400];
    const teaser = [false, false, true, true, false];
    expect(selectArticle(input(isBody, chars, 1, teaser), DEFAULT_REGION_OPTIONS)).toEqual([true, false, false, false, true]);
    // Four items, or a heading far below the article's text, make a list that closes the article.
    const long = selectArticle(input([true, false, false, false, false, false, true], [900, 11, 60, 55, 60, 55, 400], 1, [false, false, true, true, true, true, false]), DEFAULT_REGION_OPTIONS);
    expect(long[6]).toBe(false);
    const far = selectArticle(input([true, false, false, false, false, false, true], [900, 30, 30, 30, 11, 60, 400], 4, [false, false, false, false, false, true, false]), DEFAULT_REGION_OPTIONS);
    expect(far[6]).toBe(false);
  });
});

describe('run statistics in cleanDocument', () => {
  const promo = 'Subscribe to our premium service for as little as 5 euros a month and get every analysis, every newsletter and every archive of the site, with the code SAVE20 at checkout for your first year.';
  it('drops a closing paragraph recurring far more widely than the article (a site promo)', () => {
    const pages = Array.from({ length: 6 }, (_, k) => `Headline about ${NAMES[k]} street\n\n${para('harbour', k)}\n\n${para('school', k)}\n\n${promo}`);
    const stats = statsOf(pages);
    const out = cleanDocument(pages[0], stats);
    expect(out.text).toContain('harbour committee of alder');
    expect(out.text).not.toContain('premium service');
    expect(out.noise.some((n) => n.reason === 'template' && n.text === promo)).toBe(true);
  });
  it('keeps a closing paragraph shared only by the copies of the article', () => {
    const closing = para('closing-shared', 6);
    const pages = [0, 1, 2].map((k) => `Headline on ${NAMES[k]} here now\n\n${para('edited', k)}\n\n${closing}`);
    const out = cleanDocument(pages[0], statsOf([...pages, 'Some other page\n\nWith another text entirely, about a different thing and more words here.']));
    expect(out.text).toContain('closing-shared');
  });
  it('a page whose every block was judged noise keeps its soft-dropped text rather than coming out empty', () => {
    const page = 'I learned that over a dozen people tapped on the profile of a coworker after I tagged us.';
    expect(cleanDocument(page, null).text).toBe('');
    expect(cleanDocument(page, statsOf([page, 'Another page entirely'])).text).toBe(page);
  });
  it('a rescued page leaves out the site\'s lines that follow it on every page', () => {
    const site = ['Most read on the site today', 'Weather warning for heavy heat at the weekend', 'Fuel prices will rise early next month', 'The full schedule of the playoff games'];
    const stories = ['I learned that over a dozen people tapped on the profile of a coworker after I tagged us.', 'We found that the old ferry timetable was still pinned to the wall of the waiting room.', 'She said that a neighbour had kept the keys of the empty shop since the owner moved away.', 'They noticed that the bakery on the corner now opens an hour earlier on market days.'];
    const pages = stories.map((story) => [story, ...site].join('\n'));
    const out = cleanDocument(pages[0], statsOf(pages));
    expect(out.text).toBe(stories[0]);
  });
  it('a page of only menu and footer lines is not rescued: it stays empty', () => {
    const menu = ['Home', 'News', 'Sports', 'Contact us', 'Share on Facebook', 'Subscribe to our newsletter', '© 2025 All rights reserved'].join('\n');
    expect(cleanDocument(menu, statsOf([menu, 'Another page entirely'])).text).toBe('');
  });
  it('a page of short lines shared with one other page (its copy) is not emptied by the run template', () => {
    const lines = ['Meal 1', 'Eat every 2 hours', '1 scoop protein, 1 cup berries, 8 oz. almond milk', 'Meal 2', 'Eat every 3 hours', 'Tomato salad with feta and a balsamic dressing'];
    const copyA = ['Plan for the week A', ...lines].join('\n');
    const copyB = ['Plan for the week B', ...lines].join('\n');
    const out = cleanDocument(copyA, statsOf([copyA, copyB]));
    expect(out.text).toContain('Tomato salad');
  });
  it('a publication line inside the template below the article is not the page\'s date', () => {
    const footer = ['Contributing: Jane Doe', 'Published 7:07 PM EST Nov 19, 2019', 'Terms of Service Privacy Notice'];
    const pages = [0, 1, 2, 3].map((k) => [`Title of the ${NAMES[k]} story today`, para('river', k), para('bridge', k), ...footer].join('\n'));
    const out = cleanDocument(pages[0], statsOf(pages));
    expect(out.date).toBeNull();
  });
  it('a byline\'s date under the standfirst is the page\'s date, though the author\'s bylines recur in the run', () => {
    // headline, standfirst (the body's first paragraph), byline with the date, article: digits fold in line keys, so
    // one author's bylines are one recurring line
    const pages = [0, 1, 2, 3].map((k) =>
      [`Council approves the ${NAMES[k]} street plan`, `Residents of ${NAMES[k]} street will see work start in spring, the council said.`, `Von Anna Berger | 1${k}.11.2024, 09:12 Uhr`, 'Teilen Drucken Kommentare', para('river', k), para('bridge', k)].join('\n'));
    const out = cleanDocument(pages[2], statsOf(pages));
    expect(out.title).toBe('Council approves the cedar street plan');
    expect(out.date).toBe('2024-11-12');
  });
  it('under the lede, a dated line that is no byline nor publication line is not the page\'s date', () => {
    // a deal's end, an event's dates, a live entry's time: dated lines under a first paragraph that are not the page's
    for (const dated of ['Deal ends: March 31, 2025, 11:59 p.m. PT', 'When: July 31-Aug. 3, 2025', '7:15 a.m. Friday, April 4, 2025']) {
      const pages = [0, 1, 2, 3].map((k) => [`Council approves the ${NAMES[k]} street plan`, para('river', k), dated, para('bridge', k), para('school', k)].join('\n'));
      expect(cleanDocument(pages[0], statsOf(pages)).date).toBeNull();
    }
    // the same place holding a publication line or a name set off beside its date
    for (const [line, date] of [['Originally published March 31, 2025', '2025-03-31'], ['Penulis: Rina Wulandari | Senin, 12 Mei 2025 14:05 WIB', '2025-05-12']]) {
      const pages = [0, 1, 2, 3].map((k) => [`Council approves the ${NAMES[k]} street plan`, para('river', k), line, para('bridge', k), para('school', k)].join('\n'));
      expect(cleanDocument(pages[0], statsOf(pages)).date).toBe(date);
    }
  });
  it('a date line with a time right over the headline gives the page\'s date where none is under it; not one without a time or labelled, nor the last of a dated list', () => {
    const page = (k: number, over: string[]) => ['Home   Politics   Economy   Society', ...over, `Council approves the ${NAMES[k]} street plan`, para('river', k), para('bridge', k), para('school', k)].join('\n');
    // the section, time, date and views a site sets over its headline
    const own = [0, 1, 2, 3].map((k) => page(k, [`Society   14:0${k}, 2${k} March 2025   Views: 96${k}`]));
    expect(cleanDocument(own[2], statsOf(own)).date).toBe('2025-03-22');
    // a masthead's date of the day, a weather line, an event's dates: no time of day; a labelled update time
    for (const over of ['Friday, 14 March 2025', 'Dublin 11°C | Friday 21 March 2025', 'Festival · 5–26 July 2025', 'Last updated: 09:14, 21 March 2025']) {
      const pages = [0, 1, 2, 3].map((k) => page(k, [over]));
      expect(cleanDocument(pages[2], statsOf(pages)).date).toBeNull();
    }
    // the last of a list of dated teasers
    const teasers = [0, 1, 2, 3].map((k) => page(k, [`1${k} March 2025, 09:00`, `1${k} March 2025, 11:30`]));
    expect(cleanDocument(teasers[2], statsOf(teasers)).date).toBeNull();
    // a print edition's line under its timed date, on lines of their own or at the end of a header joined into one
    const edition = (k: number): string[] => [`0${k}.03.2025, 00:1${k}`, `The Valley Journal No. 3${k} of 0${k}.03.2025, page ${k + 2}`];
    const editions = [1, 2, 3, 4].map((k) => page(k, edition(k)));
    expect(cleanDocument(editions[1], statsOf(editions)).date).toBe('2025-03-02');
    const joined = [1, 2, 3, 4].map((k) => page(k, []).replace('Society\n', `Society${'\u00a0'.repeat(4)}${['Sport', 'Culture', 'Science', 'Opinion', 'Weather', 'Video', 'Podcasts', 'Newsletters', ...edition(k)].join('\u00a0'.repeat(4))}\n`));
    expect(joined[1].split('\n')[0]).toContain('No. 32 of 02.03.2025');
    expect(cleanDocument(joined[1], statsOf(joined)).date).toBe('2025-03-02');
    // not an edition's date that the time line above gives no more, nor a timed date alone ending a joined header
    const other = [1, 2, 3, 4].map((k) => page(k, [`0${k}.03.2025, 00:1${k}`, `The Valley Journal No. 3${k} of 0${k + 1}.03.2025, page 2`]));
    expect(cleanDocument(other[1], statsOf(other)).date).toBeNull();
    const menu = ['Sport', 'Culture', 'Science', 'Opinion', 'Weather', 'Video', 'Podcasts', 'Newsletters'].join('\u00a0'.repeat(4));
    const alone = [1, 2, 3, 4].map((k) => page(k, []).replace('Society\n', `Society${'\u00a0'.repeat(4)}${menu}${'\u00a0'.repeat(4)}Friday, 0${k} March 2025, 10:0${k}\n`));
    expect(cleanDocument(alone[1], statsOf(alone)).date).toBeNull();
  });
  it('a reading time between the byline and the publication line is looked past to the headline (reader view\'s "2–3 minutes")', () => {
    const page = ['keralavani.com', 'Council approves the cedar street plan', 'संवाददाता, नई दिल्ली', '2–3 minutes', 'Published: May 20, 2025 08:15 AM IST', para('river'), para('bridge', 1), para('school', 2)].join('\n');
    const out = cleanDocument(page, null);
    expect(out.title).toBe('Council approves the cedar street plan');
    expect(out.date).toBe('2025-05-20');
  });
  it('a byline with its publication line run on, under the headline, gives the page\'s date', () => {
    const page = (line: string) => ['Accueil   Actualité   Sports   Loisirs', 'Saint-Nazaire : le chantier décroche deux paquebots', line, para('river'), para('bridge', 1), para('school', 2)].join('\n');
    expect(cleanDocument(page('Par Camille Le Gall. Publié le 12/03/2025 à 18h05'), null).date).toBe('2025-03-12');
    expect(cleanDocument(page('By Ann Lee, Staff Writer. Published March 14, 2025'), null).date).toBe('2025-03-14');
    // a cue after words that are no byline is no publication line, nor one after a modifier (another outlet's)
    expect(cleanDocument(page('The report was published 12 March 2025 by the ministry'), null).date).toBeNull();
    expect(cleanDocument(page('By Ann Lee. Originally published in The Atlantic on May 3, 2019'), null).date).toBeNull();
    // and a date line of the page's own under it is not replaced
    expect(cleanDocument(page('Par Camille Le Gall. Publié le 12/03/2020\n19 mars 2025, 08:00'), null).date).toBe('2025-03-19');
  });
  it('a lynx headline wrapped onto a line further in is read whole; a credit, a date or a centred headline is not joined', () => {
    // the page of fixtures/clean/title-wrapped-lynx-ca, its headline's two lines replaced
    const fixture = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/clean/title-wrapped-lynx-ca/input.txt'), 'utf8');
    const [head, tail] = ['   El consell comarcal aprova el nou servei de bus a demanda per als pobles', '                         de la Vall Fosca'];
    const page = (h: string, t: string) => fixture.replace(`${head}\n${tail}`, `${h}\n${t}`);
    expect(cleanDocument(page(head, tail), null).title).toBe(`${head.trim()} de la Vall Fosca`);
    for (const other of ['                    por la redacción', '                  mardi 12 mars 2025']) expect(cleanDocument(page(head, other), null).title).toBe(head.trim());
    // a headline of one line, centred further in than the article's margin, has no rest to join
    const centred = '      El consell aprova el nou servei de bus a demanda per als pobles';
    expect(cleanDocument(page(centred, '                      cròniques del Pallars'), null).title).toBe(centred.trim());
  });
  it('under a headline other pages hold too, a date line they hold too under the lede is not read', () => {
    // an article set into another page's template: a teaser's headline above it, the teasers' dates under its lede
    const pages = [0, 1, 2, 3].map((k) =>
      ['Ferry operator adds winter sailings to the islands', para('river', k), 'November 19, 2019 at 5:10 pm', 'Harbour board backs new quay', para('bridge', k), para('school', k)].join('\n'));
    const out = cleanDocument(pages[1], statsOf(pages));
    expect(out.date).toBeNull();
  });
  it('a publication line above the article is the page\'s date even when the site\'s lines recur', () => {
    const pages = [0, 1, 2, 3].map((k) => [`Title of story ${k} for today`, `Published in Daily Post on March ${k + 1}, 2021`, para('river', k), para('bridge', k)].join('\n'));
    const out = cleanDocument(pages[1], statsOf(pages));
    expect(out.date).toBe('2021-03-02');
    expect(out.site).toBe('Daily Post');
  });
});

describe('site labels', () => {
  // Three pages of one site in a language no phrase list holds: each article with a "read also" line of its own and a
  // kicker over its headline, both under labels the pages share.
  const page = (n: number, also: string, headline: string) =>
    [
      'Izwi Lasekhaya',
      'Ekhaya | Ezemidlalo | Ezombusazwe | Ezamabhizinisi',
      `Ezemidlalo: ${headline}`,
      para('harbour', n),
      `Funda futhi: ${also}`,
      para('library', n).replace('committee', 'board'),
      para('school', n).replace('committee', 'council'),
    ].join('\n\n');
  const pages = [
    page(0, 'Abafundi bathola amakhompyutha amasha', 'Iqembu lasekhaya linqobe ngamagoli amathathu kwaze kwaba sekupheleni'),
    page(1, 'Kunyuka imali yokugibela amatekisi', 'Abagijimi abasha bahlonishwe emcimbini omkhulu wedolobha lethu'),
    page(2, 'Isiphepho sibhubhise izindlu ezintathu', 'Umqeqeshi omusha uthembisa ukuthi iqembu lizophumelela kulo nyaka'),
  ];
  const stats = statsOf(pages);

  it('a line under a label three pages share is noise, and the article goes on past it', () => {
    const result = cleanDocument(pages[1], stats);
    expect(result.text).not.toContain('Funda futhi');
    expect(result.noise.find((n) => n.text.startsWith('Funda futhi'))?.reason).toBe('site-label');
    expect(result.text).toContain(para('harbour', 1));
    expect(result.text).toContain(para('school', 1).replace('committee', 'council'));
  });

  it('a headline under a kicker the pages share is still the title', () => {
    expect(cleanDocument(pages[1], stats).title).toBe('Ezemidlalo: Abagijimi abasha bahlonishwe emcimbini omkhulu wedolobha lethu');
  });

  it("a short line under a label every page holds (a font-size switch, 字号：大 中 小) is looked past to the headline, however often it recurs", () => {
    const places = ['新北区', '武进区', '天宁区'];
    const chinese = (n: number, headline: string) =>
      [
        '首页 | 新闻 | 本地 | 财经',
        headline,
        `2025-03-1${n} 08:45 来源：本报`,
        '字号：大 中 小',
        `记者昨天从市交通运输局获悉，${places[n]}将新开通多条公交线路，主要覆盖新建小区和地铁站周边，进一步解决市民出行的问题。`,
        `此次新开的线路平均长度约六公里，采用新能源中型客车运营，${places[n]}的市民可使用交通卡和手机扫码等方式乘车，换乘地铁还可享受优惠。`,
      ].join('\n');
    const headlines = ['常州新开十二条公交线路', '老旧小区加装电梯提速', '长江江豚频现城区江段'];
    const run = headlines.map((h, n) => chinese(n, h));
    expect(cleanDocument(run[1], statsOf(run)).title).toBe(headlines[1]);
  });

  it("a label opening three lines of one page is the page's structure (a transcript's speaker), not the site's", () => {
    const transcript = (n: number) =>
      [
        'Izwi Lasekhaya',
        'Ekhaya | Ezemidlalo | Ezombusazwe | Ezamabhizinisi',
        `Ezemidlalo: ${['Iqembu lasekhaya linqobe ngamagoli amathathu', 'Abagijimi abasha bahlonishwe emcimbini', 'Umqeqeshi omusha uthembisa ukuphumelela'][n]}`,
        para('harbour', n),
        `PRICE: Mixed in what way ${NAMES[n]}`,
        'OKAFOR: Some of them came back early',
        `PRICE: And the others ${NAMES[n]}`,
        'OKAFOR: They stayed for the whole season',
        `PRICE: What happens next ${NAMES[n]}`,
        para('library', n).replace('committee', 'board'),
      ].join('\n\n');
    const run = [0, 1, 2].map(transcript);
    const result = cleanDocument(run[1], statsOf(run));
    expect(result.text).toContain('PRICE: And the others birch');
    expect(result.noise.some((n) => n.reason === 'site-label' && n.text.startsWith('PRICE'))).toBe(false);
  });

  it('a short headline under a kicker the pages share stays the title, the masthead above it recurring', () => {
    const review = (n: number, film: string) =>
      ['The Film Page', 'Home | Reviews | Festivals', `Review: ${film}`, para('cinema', n), para('festival', n).replace('committee', 'jury')].join('\n\n');
    const films = ['Small Hours', 'Night Bus', 'Quiet Orchard'];
    const run = films.map((film, n) => review(n, film));
    expect(cleanDocument(run[0], statsOf(run)).title).toBe('Review: Small Hours');
  });

  it('a line of figures between the headline and the article (a score row, a counts bar) is looked past, not the title', () => {
    // each line of figures shares a word with the article's lede, as a headline does
    const report = (n: number, headline: string, figures: string, topic: string) =>
      ['Touchline', 'Football | Cricket | Rugby', headline, 'Sat 15 Mar 2025, 19:28 GMT', 'Share', figures, para(topic, n), para('league', n).replace('committee', 'board')].join('\n\n');
    const rows = ['Chelsea         1 - 0 Manchester City', '2.3K 12 Listen Share', "90+4'  Full-time"];
    const topics = ['Chelsea', 'Listen', 'full-time'];
    const headlines = ['Chelsea extend unbeaten run with win over the match committee', 'Street committee listens to the residents in the final minute', 'Committee members celebrate the full-time whistle at the match'];
    const run = rows.map((row, n) => report(n, headlines[n], row, topics[n]));
    for (const n of [0, 1, 2]) expect(cleanDocument(run[n], statsOf(run)).title).toBe(headlines[n]);
  });

  it('a headline in a script without spaces, a figure or two in it, is no line of figures', () => {
    const page = (n: number, headline: string) =>
      ['澜江网', '首页 | 新闻 | 本地 | 财经', headline, `发布日期：2025-04-0${n + 1} 16:20　来源：澜江晚报`, `4月6日，2025年我市春季大型人才招聘会在市国际会展中心举行。据统计，共有${320 + n}家企业参会，提供就业岗位1.2万个，吸引求职者约3万人次。`, `市人社局有关负责人介绍，今年参会企业中智能制造类企业占比超过三成，${['机器人', '新能源', '电子信息'][n]}等领域的技术岗位需求旺盛。`].join('\n\n');
    const headlines = ['春季招聘会提供岗位1.2万个 智能制造企业“抢人”', '新能源企业用工需求旺盛 岗位3千个', '人才招聘会下周举行 提供岗位5千个'];
    const run = headlines.map((h, n) => page(n, h));
    for (const n of [0, 1, 2]) expect(cleanDocument(run[n], statsOf(run)).title).toBe(headlines[n]);
  });

  it('a headline over a deck longer than a headline and an unmarked byline is the title, not one of a list of three', () => {
    const story = (n: number, headline: string) =>
      [
        'The Courier',
        'News | Opinion | Sport | Culture',
        headline,
        `Ministers say the ${NAMES[n]} bill will end the scandal but campaigners say it does not go nearly far enough yet`,
        `Helena Strand ${['Environment', 'Health', 'Transport'][n]} correspondent`,
        'Share',
        para('water', n),
        para('river', n).replace('committee', 'trust'),
      ].join('\n\n');
    const headlines = ['Water committee faces cap on bonuses and fines under new law', 'Street committee to publish decision on hospital plan', 'Committee members back new bus lanes for the summer'];
    const run = headlines.map((h, n) => story(n, h));
    for (const n of [0, 1, 2]) expect(cleanDocument(run[n], statsOf(run)).title).toBe(headlines[n]);
  });

  it('one page alone has no site labels', () => {
    expect(cleanDocument(pages[1], statsOf([pages[1]])).noise.some((n) => n.reason === 'site-label')).toBe(false);
  });
});

describe('a headline over its deck', () => {
  // A paper's template (as Brazilian ones lay it out): headline, a deck of the lede's words with no full stop, author,
  // city and date, a tool bar and a subscribers' note, then the article.
  const page = (headline: string, deck: string, date: string, paragraphs: string[]) =>
    [
      'Skip to main content    Menu Search    The Valley Journal    Subscribe Log in    Latest    Politics    Business',
      '',
      headline,
      '',
      deck,
      '',
      'Paul Mendes',
      'Springfield',
      date,
      'Listen to article Smaller text Larger text',
      'Save article',
      'Feature for subscribers',
      'Share Facebook WhatsApp X LinkedIn Copy link',
      'Subscribers can unlock 5 articles a day on the Journal site, free of charge.',
      '',
      ...paragraphs.flatMap((p) => [p, '']),
    ].join('\n');
  const pages = [
    page(
      'City extends free bus rides to public holidays from March next year',
      'The measure will cost the city 40 million a year; bus companies want a higher subsidy before they add more buses to weekend and holiday timetables',
      '12 Feb 2025 7:30am',
      [
        'Free rides on city buses will now cover holidays too: the measure will cost about 40 million, and bus companies want a higher subsidy before they add more buses, the council said on Wednesday.',
        'According to the transport department, the measure will cost the city about 40 million a year and should benefit 300,000 passengers on each holiday, with the money coming from its own budget.',
        'Bus companies say that without a higher subsidy they cannot add more buses at weekends, when demand is expected to grow with the free rides.',
      ],
    ),
    page(
      'State opens tender for offshore wind farms and already draws fourteen groups',
      'Areas off the northern and southern coasts will be offered in the tender; the wind industry asks for grid connection rules before any company commits to invest',
      '18 Feb 2025 9:45am',
      [
        'The energy ministry plans to hold the first tender for offshore wind areas in the second half of next year, according to a timetable presented to the industry on Tuesday.',
        'Fourteen national and foreign groups have already registered a formal interest in at least one of the eleven areas, which lie off the northern and southern coasts of the country.',
        'The wind industry says that without grid connection rules it is impossible to work out what the projects will cost, and that investors will wait for them before they commit.',
      ],
    ),
    page(
      'Farmers count losses after the driest winter in forty years across the region',
      'Wheat and barley harvests are expected to fall by a third; farmers ask the state for emergency credit lines and for the irrigation works promised years ago',
      '3 Mar 2025 6:10pm',
      [
        'Farmers across the region are counting their losses after the driest winter in forty years, with wheat and barley harvests expected to fall by about a third this season.',
        'The farmers union asked the state government on Monday for emergency credit lines and for the irrigation works that were promised years ago but never started.',
        'Officials said a plan would be presented next week, and that the irrigation works would be reviewed together with the water company before the summer.',
      ],
    ),
  ];
  const stats = statsOf(pages);
  it('is the title, though the deck shares more of the lede\'s words', () => {
    expect(pages.map((p) => cleanDocument(p, stats).title)).toEqual([
      'City extends free bus rides to public holidays from March next year',
      'State opens tender for offshore wind farms and already draws fourteen groups',
      'Farmers count losses after the driest winter in forty years across the region',
    ]);
  });
});

describe('a header under a standfirst', () => {
  const HEADLINES = [
    'El paro baja en 40.000 personas en enero, el mejor inicio de año desde 2007',
    'Las ventas de coches eléctricos se duplican en el primer trimestre del año',
    'El precio del aceite de oliva cae un 30% tras una cosecha récord en Jaén',
  ];
  // A Spanish paper's template: kicker, headline, a standfirst (kept as the article's first paragraph), then the
  // author's name, place and date, share buttons and a comments link, then the article.
  const page = (headline: string, standfirst: string, author: string, date: string, paragraphs: string[]) =>
    [
      'Suscríbete Iniciar sesión',
      'EL CORREO DEL SUR',
      '',
      'ECONOMÍA',
      '',
      headline,
      '',
      standfirst,
      '',
      author,
      `Sevilla - ${date} CET`,
      'Compartir en Whatsapp Compartir en Facebook Compartir en Twitter Copiar enlace',
      'Ir a los comentarios',
      '',
      ...paragraphs.flatMap((p) => [p, '']),
      'Más leídas',
      ...HEADLINES.map((h) => `• ${h}`),
    ].join('\n');
  const pages = [
    page(HEADLINES[0], 'El paro de enero deja a 2,6 millones de personas inscritas, mientras la afiliación cae por el fin de la campaña navideña, según los datos publicados este martes', 'Lucía Ferrer', '04 feb 2025 - 09:15', [
      'El número de personas inscritas en las oficinas de empleo bajó en enero en 40.000, hasta situarse por debajo de los 2,6 millones, según los datos publicados este martes por el Ministerio de Trabajo.',
      'La afiliación a la Seguridad Social, en cambio, perdió unos 180.000 cotizantes por el fin de los contratos de la campaña de Navidad, una caída menor que la de los últimos años.',
    ]),
    page(HEADLINES[1], 'Las ventas de coches eléctricos crecen con las ayudas del plan estatal y la bajada de precios, en un mercado que sigue lejos de la media europea', 'Andrés Molina', '02 abr 2025 - 12:40', [
      'Las matriculaciones de turismos eléctricos se duplicaron entre enero y marzo respecto al mismo periodo del año pasado, según las cifras que publicó este miércoles la patronal de los fabricantes.',
      'El sector atribuye el crecimiento a las ayudas del plan estatal y a la llegada de modelos más baratos, aunque la cuota de mercado sigue muy por debajo de la media de la Unión Europea.',
    ]),
    page(HEADLINES[2], 'Los productores temen que la caída de los precios en origen no compense el aumento de los costes de la recolección y del transporte de este año', 'Carmen Vidal', '15 nov 2024 - 18:05', [
      'El precio del aceite de oliva virgen extra en origen ha caído un 30% en el último mes, después de que la provincia de Jaén registrara la mayor cosecha de su historia según las cooperativas.',
      'Los productores advierten de que la bajada de los precios en origen no compensa el aumento de los costes de la recolección, del transporte y de la energía que soportan desde hace dos años.',
    ]),
  ];
  const stats = statsOf(pages);
  it('keeps the author\'s name out of the article, and reads the date under the standfirst', () => {
    const cleaned = pages.map((p) => cleanDocument(p, stats));
    expect(cleaned.map((c) => c.date)).toEqual(['2025-02-04', '2025-04-02', '2024-11-15']);
    for (const [k, c] of cleaned.entries()) {
      expect(c.text).toContain(pages[k].split('\n')[7]);
      for (const name of ['Lucía Ferrer', 'Andrés Molina', 'Carmen Vidal']) expect(c.text).not.toContain(name);
    }
  });
  it('keeps a one-line paragraph under the date: the header ends at the gap\'s first sentence', () => {
    const lines = ['Las urgencias, garantizadas.', 'Sin cambios en las ayudas.', 'Nada cambia para los agricultores.'];
    const updated = pages.map((p, k) => p.replace('Ir a los comentarios', `Ir a los comentarios\n${lines[k]}`));
    const stats2 = statsOf(updated);
    updated.forEach((p, k) => expect(cleanDocument(p, stats2).text).toContain(lines[k]));
  });
});
