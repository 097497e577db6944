import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../src/clean/blocks.js';
import { computeFeatures, tableRows } from '../../src/clean/features.js';
import { hardNoiseReason, isByline, isCookieNotice, type SignalContext } from '../../src/clean/signals.js';
import { initialClass, smoothClasses, DEFAULT_THRESHOLDS } from '../../src/clean/classify.js';
import { bodyStretches, selectArticle, DEFAULT_REGION_OPTIONS } from '../../src/clean/region.js';
import { trailingTeaserStart } from '../../src/clean/teasers.js';
import { isCounterLine, isCreditsLine, isMenuLine, parsePublishedLine, siteNameLine, splitTitleSite } from '../../src/clean/metadata.js';
import { addToCorpusStats, contentDocuments, createCorpusStats, documentsWithLine, LINE_KEY_MAX_CHARS, normaliseLine } from '../../src/clean/stats.js';
import { boilerplateCoverage, closesWithCredit, COMMENT_AUTHOR_RE, isPaywallNotice, isSignupConsent, COMMENTS_HEADING_RE, endsWithPhotographer, isCaptionText, isCommentAuthorLine, isAdLabel, isRelatedLink, isShareButton, isShareLine, isSourceFooter, RELATED_LINK_RE, SOURCE_FOOTER_RE } from '../../src/clean/phrases.js';
import { stopwordDensity } from '../../src/clean/stopwords.js';
import { bodyLanguage, byOrthography, byStoplist, detectLanguage, readingLanguage, southSlavic } from '../../src/clean/language.js';
import { cleanDocument, stopwordScale } from '../../src/clean/index.js';

const block = (text: string) => splitBlocks(text)[0];
const features = (text: string, lang: string | null = 'en') => computeFeatures(block(text), lang);
const noCtx: SignalContext = { documentsWithLine: 0, labelDocuments: 0, contentDocuments: 1, neighbourDocuments: 1, seenBefore: false, minTemplateDocs: 2 };
const reason = (text: string, ctx: Partial<SignalContext> = {}, lang: string | null = 'en') =>
  hardNoiseReason(block(text), features(text, lang), { ...noCtx, ...ctx });
const PROSE = 'The council voted on Tuesday to increase the budget of the library network, after a long debate about the opening hours in the outer districts of the city.';

const NAMES_EN = ['alder', 'birch', 'cedar'];

describe('blocks', () => {
  it('splits on lines, counts blank lines before each block and drops NBSP-only lines', () => {
    const blocks = splitBlocks('a\n\n\u00a0\u00a0\nb\nc');
    expect(blocks.map((b) => [b.text, b.blankBefore])).toEqual([['a', 0], ['b', 2], ['c', 0]]);
  });
});

describe('features', () => {
  it('counts pieces of a no-break-space headline bar', () => {
    expect(features('One headline\u00a0\u00a0\u00a0\u00a0Another one\u00a0\u00a0\u00a0\u00a0Third').barPieces).toBe(3);
    expect(features(PROSE).barPieces).toBe(1);
  });
  it('sees ellipsis endings, bullets and w3m brackets', () => {
    expect(features('A summary cut short...').ellipsisEnd).toBe(true);
    expect(features('A summary cut short…').ellipsisEnd).toBe(true);
    expect(features('  • Home').bullet).toBe(true);
    expect(features('[vw-id-space-concept-6-1]').bracketShare).toBe(1);
  });
  it('weights CJK characters so length thresholds hold across scripts', () => {
    expect(features('商品の改造が商標法違反に', 'ja').chars).toBe(36);
  });
});

describe('stopword density (stopwords-iso)', () => {
  it('is high for prose and low for menus, per language', () => {
    expect(stopwordDensity(['the', 'cat', 'is', 'on', 'the', 'mat'], 'en')).toBeGreaterThan(0.5);
    expect(stopwordDensity(['Sports', 'Weather', 'Crossword'], 'en')).toBe(0);
    expect(stopwordDensity(['le', 'chat', 'est', 'sur', 'le', 'tapis'], 'fr')).toBeGreaterThan(0.5);
    expect(stopwordDensity(['der', 'Hund', 'und', 'die', 'Katze'], 'de')).toBeGreaterThan(0.5);
  });
  it('is unknown without a language or for unspaced scripts', () => {
    expect(stopwordDensity(['word'], null)).toBeNull();
    expect(stopwordDensity(['商品の改造'], 'ja')).toBeNull();
  });
});

describe('hard noise signals', () => {
  it('link bars', () => expect(reason('A\u00a0\u00a0\u00a0\u00a0B c\u00a0\u00a0\u00a0\u00a0D e f')).toBe('link-bar'));
  it('run templates: a short line in enough documents', () => {
    expect(reason('Thanks for your report!', { documentsWithLine: 2 })).toBe('template');
    expect(reason('Thanks for your report!', { documentsWithLine: 1 })).toBeNull();
  });
  it('needs one more document for a prose sentence (republished articles share sentences)', () => {
    const sentence = 'This image will be blocked automatically after several people report it.';
    expect(reason(sentence, { documentsWithLine: 2 })).not.toBe('template');
    expect(reason(sentence, { documentsWithLine: 3 })).toBe('template');
  });
  it('never calls a long paragraph template on its own (the article region weighs it)', () => expect(reason(PROSE, { documentsWithLine: 50 })).toBeNull());
  it("site labels: a line under a label that opens lines of three documents of the run, not a sentence or a long line", () => {
    const line = 'Funda futhi: Kunyuka imali yokugibela amatekisi kusukela ngo-Ephreli';
    expect(reason(line, { labelDocuments: 3 })).toBe('site-label');
    expect(reason(line, { labelDocuments: 2 })).toBeNull();
    expect(reason('New Delhi: The government on Monday announced a new scheme for farmers in the state.', { labelDocuments: 40 })).toBeNull();
    expect(reason(`Update: ${'the road stays closed until the evening and '.repeat(3)}then`, { labelDocuments: 40 })).toBeNull();
  });
  it('gallery captions: a counter glued to the caption', () => {
    const caption = '2of4A shopper looks at extension cords at a hardware store, Tuesday, Nov. 19, 2019, in Grass Valley, Calif., where the power was cut for the third time this fall to prevent wildfires. (AP Photo)';
    expect(reason(caption)).toBe('caption');
    expect(reason('1 of 4 voters said the council should raise the budget of the library network next year.')).toBeNull();
    expect(reason('5of4A shopper')).toBeNull();
  });
  it('keeps a short line recurring no more widely than its page (a republished article)', () => {
    expect(reason('Palm Bay d. Rockledge 70-44', { documentsWithLine: 4, contentDocuments: 4 })).toBeNull();
    expect(reason('Palm Bay d. Rockledge 70-44', { documentsWithLine: 4, neighbourDocuments: 4 })).toBeNull();
    // A pair of documents: the region cannot weigh a stretch shared by two, so the line alone decides.
    expect(reason('Palm Bay d. Rockledge 70-44', { documentsWithLine: 2, neighbourDocuments: 2 })).toBe('template');
  });
  it.each([
    ['Lire aussi : Le sommet de Paris se termine', 'related-link'],
    ['Read also: New SUVs highlight the auto show', 'related-link'],
    ['Leer también: Las obras se retrasan', 'related-link'],
    ['Lesen Sie auch: Neue Radwege geplant', 'related-link'],
    ['Читайте также: В Самаре открыли новый мост', 'related-link'],
    ['Baca juga: Harga beras naik lagi', 'related-link'],
    ['Διαβάστε επίσης: Νέα μέτρα για την ακρίβεια', 'related-link'],
    ['相关阅读：北京发布暴雨预警', 'related-link'],
    ['Фото: Иван Петров', 'caption'],
    ['写真：共同通信', 'caption'],
    ['Click here to read the article from its source.', 'source-footer'],
    ["Cliquez ici pour lire l'article depuis sa source.", 'source-footer'],
    ['Klicken Sie hier, um den Artikel in seiner Quelle zu lesen.', 'source-footer'],
    ['This article has been adapted from its original source.', 'source-footer'],
    ['Share this: Facebook Twitter Email', 'boilerplate'],
    // A "read also" link opened by a dump's link number.
    ['[9]READ MORE: Council tax bills to rise by up to 5% in dozens of areas', 'related-link'],
    // A dump's menu of numbered links (lynx, elinks), and not a sentence with links inside it.
    ['[2]Главная [3]Новости [4]В мире [5]Политика [6]Экономика', 'link-bar'],
    ['[5]전체기사 [6]정치 [7]경제 [8]사회 [9]문화', 'link-bar'],
    ['The [12]council voted on [13]Tuesday to raise the [14]parking charges by ten per cent', null],
    ['Photo: Jane Doe/Getty Images', 'caption'],
    ['By Natalie Musumeci', 'byline'],
    ['November 18, 2019 | 4:10pm', 'date-line'],
    ['© 2019 Associated Press. All rights reserved.', 'copyright'],
    ['[INS::INS]', 'markup'],
    ['Home › News › Politics', 'breadcrumb'],
    ['Главная / Культура / Театр', 'breadcrumb'],
    ['Acasă » Actualitate', 'breadcrumb'],
    ['Trang chủ > Đà Nẵng', 'breadcrumb'],
    ['박준호 기자', 'byline'],
    ['Phối cảnh cầu Trần Hưng Đạo. Ảnh: Sở Giao thông Vận tải', 'caption'],
    ['图为市民在南京路步行街购物。记者 李明 摄', 'caption'],
    ['图为某汽车码头待装船出口的新能源汽车。新华社发', 'caption'],
    ['Pénzváltó a budapesti Váci utcában. Fotó: Szabó Gergely / Pesti Hírlap', 'caption'],
    ['Crews patch a pothole on Elm Street in Riverton on March 4. (Photo: Dana Ruiz/Riverton Ledger)', 'caption'],
    ['（写真）雪かきに追われる住民（8日午後、金沢市内）', 'caption'],
    ['Tags: Delhi Metro, DMRC, Magenta Line, Delhi news', 'tags'],
    ['Теги: пожар, Сызрань, МЧС', 'tags'],
    ['#반도체 #수출 #무역', 'tags'],
    ['Реклама', 'ad-label'],
    ['$89 at Crate & Barrel', 'shop-link'],
    ['Buy now', 'shop-link'],
    ['We test every product ourselves. When you buy through links on our site, we may earn an affiliate commission.', 'disclosure'],
    // A credit in brackets or after a copyright sign closing a caption, in Italian, Arabic, Dutch, Indonesian, Chinese.
    ['Un presidio dei lavoratori davanti al varco Galvani (foto Ansa)', 'caption'],
    ['زوار يتجولون بين أجنحة المعرض في يومه الأول. (تصوير: خالد البلوشي)', 'caption'],
    ['Pedagang menata karung beras di Pasar Induk Beras Cipinang, Jakarta Timur. (ANTARA/Aditya Pradana)', 'caption'],
    ['▲捷運環狀線北環段工程進度落後，市府坦言通車時程將延後。（圖／記者陳怡君攝）', 'caption'],
    ['Photograph: Tom Aldous for The Northgate Review', 'caption'],
    ['記者陳怡君／台北報導', 'byline'],
    ['本报记者 张三 李四', 'byline'],
    ['كتب: سالم الحارثي', 'byline'],
  ])('%s → %s', (text, want) => expect(reason(text)).toBe(want));
  it('a bracketed aside or an "and/or" closing a sentence is no photo credit, nor a headline\'s media tag', () => {
    expect(reason('The council will vote on the plan (and/or its amendments).')).toBeNull();
    expect(reason('Incidente sulla Aurelia, tre feriti gravi (FOTO)')).not.toBe('caption');
    expect(reason('习近平会见美国国务卿布林肯（图）')).not.toBe('caption');
    expect(reason('Storm damage across the county (photos)')).not.toBe('caption');
    // Nor is a heading that starts with the word for reporter a byline ("记者手记", a reporter's notes).
    expect(reason('记者手记')).not.toBe('byline');
    expect(reason('Residents can apply online (see the city website) before May.')).toBeNull();
  });
  it('a headline opening with a byline cue or a Korean word for reporter is no byline', () => {
    for (const line of ['Door storm vallen bomen om in Utrecht', 'De enero a marzo de 2024 se vendieron 25.000 coches eléctricos en todo el país', 'From Paris To Tokyo, Cities Are Banning Cars From Their Centres', '외신 기자 간담회서 대통령 경제 정책 설명']) {
      expect(reason(line), line).not.toBe('byline');
    }
    expect(reason('Von Tim Scholz | 18.11.2024, 11:47 Uhr')).toBe('byline');
    expect(reason('Por Rafael Nogueira, Folha do Vale — São José dos Campos')).toBe('byline');
  });
  it('a short line that mentions ads or topics in a sentence is no ad label or tag list', () => {
    for (const line of ['動画広告が急伸', 'Наружная реклама', 'إعلان نتائج الانتخابات', 'Temas: la economía y la salud dominaron el debate de anoche.']) {
      expect(['ad-label', 'tags'], line).not.toContain(reason(line));
    }
  });
  it('Chinese headlines ending in 发 or 摄 are no captions', () => {
    expect(reason('记者调查：网红食品安全问题为何频频爆发')).not.toBe('caption');
    expect(reason('记者直击古装大片拍摄')).not.toBe('caption');
  });
  it('a headline or sentence with an arrow or slash is no breadcrumb, nor a sentence naming a photo', () => {
    expect(reason('Shares rise > 5% after the results / analysts see more gains ahead')).toBeNull();
    expect(reason('Israel / Gaza war')).toBeNull();
    expect(reason('Shares > 5%')).toBeNull();
    expect(reason('« Emilia Pérez » triomphe aux César')).toBeNull();
    expect(reason('The council approved the budget for the new library on Tuesday evening after a long debate.')).toBeNull();
    expect(reason('记者李明报道，上海将于本月下旬启动新一轮促消费活动，分三批发放总额五亿元的数字消费券，覆盖餐饮、零售、文旅和体育等领域。')).toBeNull();
  });
  it('repeats of a label inside a document are noise, repeats of a question are not', () => {
    expect(reason('Related Topics', { seenBefore: true })).toBe('repeated');
    expect(reason('What inspired you to start?', { seenBefore: true })).toBeNull();
  });
  it('a sentence mentioning a share button is not boilerplate', () => expect(reason(PROSE + ' Share it.')).toBeNull());
});

describe('an image\'s alternative text over its caption', () => {
  const lede = 'Salesforce chief executive Marc Benioff said on Tuesday that he admired the way Apple kept reinventing its products over so many decades.';
  const more = 'Cook said the admiration was mutual, and the two men recalled the launches they had watched together at the Moscone Center over the years.';
  it('takes both lines for the caption where the second closes the first with a credit in brackets or capitals', () => {
    for (const [alt, credit] of [['Tim Cook and Marc Benioff on stage at the Moscone Center', '(Photo: Ann Lee)'], ['Tim Cook and Marc Benioff on stage at the Moscone Center.', 'REUTERS'], ['Tim Cook and Marc Benioff on stage at the Moscone Center.', 'MÒNICA TORRES']]) {
      const page = [lede, '', alt, `${alt} ${credit}`, '', more].join('\n');
      const out = cleanDocument(page, null);
      expect(out.text).not.toContain('on stage at the Moscone Center');
      expect(out.noise.filter((n) => n.reason === 'caption')).toHaveLength(2);
    }
  });
  it('leaves a line that its next line goes on from in lower case (a headline cut from its lede\'s first words), or in capitals with no stop before them (a product\'s name)', () => {
    const page = ['Salesforce chief executive Marc Benioff said on Tuesday', lede, '', more].join('\n');
    expect(cleanDocument(page, null).noise.some((n) => n.reason === 'caption')).toBe(false);
    const models = [lede, '', 'The phones we tested:', 'Samsung Galaxy S25 Ultra', 'Samsung Galaxy S25 Ultra 5G', 'Google Pixel 9 Pro', '', more].join('\n');
    expect(cleanDocument(models, null).noise.some((n) => n.reason === 'caption')).toBe(false);
  });
});

describe('phrases', () => {
  it('related-link prefixes need a separator and a headline', () => {
    expect(RELATED_LINK_RE.test('Read more about the study in the journal')).toBe(false);
    expect(RELATED_LINK_RE.test('Read more: The study')).toBe(true);
    // In more languages, and set in bold by a markdown converter.
    for (const line of ['**LÆS OGSÅ:** [Butikkerne i Grenaa midtby kæmper](https://kattegat.dk/djursland)', 'PROČITAJTE JOŠ: Cena hleba ponovo raste', 'Prečítajte si aj: Na Štrbskom Plese otvoria nový hotel', 'SOMA PIA: KPLC Yatangaza Kukatwa kwa Umeme', 'Llegiu també: Els fruiters de Ponent preveuen una campanya curta', 'இதையும் படிக்க: சென்னையில் கனமழை'])
      expect(RELATED_LINK_RE.test(line), line).toBe(true);
    for (const sentence of ['Soma pia kitabu hiki kabla ya mtihani wa wiki ijayo.', 'Soma pia - wataalamu wanashauri wakulima kupanda mazao yanayostahimili ukame mwaka huu.', 'Loe ka - see on oluline, ütles minister ajakirjanikele pärast valitsuse istungit.', 'Baca lagi - kata Menteri, rakyat perlu memahami dasar baharu itu.'])
      expect(RELATED_LINK_RE.test(sentence), sentence).toBe(false);
    expect(reason('Emner: [Anholt](https://kattegat.dk/emne/anholt), [Færger](https://kattegat.dk/emne/færger)')).toBe('tags');
  });
  it('source footers', () => {
    expect(SOURCE_FOOTER_RE.test('Read the full story at the source')).toBe(true);
    expect(SOURCE_FOOTER_RE.test('The source of the river is in the mountains')).toBe(false);
  });
  it('isSourceFooter answers as the footer expression on any text', () => {
    const units = ['read ', 'See', 'lire ', 'leer ', 'lesen ', 'ler ', 'leggi ', 'the ', 'ſource', 'Source', 'ORIGINAL', 'originale', 'full story', 'full article', 'fuente', 'Quelle', 'fonte', 'المصدر', ':', ' ', '\n', 'x'];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...units), maxLength: 8 }), (text) => {
        expect(isSourceFooter(text)).toBe(SOURCE_FOOTER_RE.test(text));
      }),
      { numRuns: 5000 },
    );
    expect(isSourceFooter('Read the full story at the source')).toBe(true);
  });
  it('comment headings', () => {
    expect(COMMENTS_HEADING_RE.test('34 responses to “We needed to win”')).toBe(true);
    expect(COMMENTS_HEADING_RE.test('Kommentare (12)')).toBe(true);
    for (const heading of ['コメント（2件）', 'Комментарии (12)', 'Reacties', '댓글', 'תגובות (2)', '评论', 'कमेंट्स (3)', 'মন্তব্য (2)', 'تبصرے']) expect(COMMENTS_HEADING_RE.test(heading), heading).toBe(true);
    expect(COMMENTS_HEADING_RE.test('Comments from the minister were brief')).toBe(false);
  });
  it('boilerplate coverage', () => {
    expect(boilerplateCoverage('Partager Imprimer')).toBe(1);
    expect(boilerplateCoverage(PROSE)).toBe(0);
  });
});

describe('jusText classes and context smoothing', () => {
  it('classifies long stopword-rich prose as good, menus as bad, short lines as short', () => {
    expect(initialClass(features(PROSE), DEFAULT_THRESHOLDS)).toBe('good');
    expect(initialClass(features('  • Sports'), DEFAULT_THRESHOLDS)).toBe('bad');
    expect(initialClass(features('A subheading'), DEFAULT_THRESHOLDS)).toBe('short');
  });
  it('a short block between good blocks is good, between bad blocks bad', () => {
    expect(smoothClasses(['good', 'short', 'good'])).toEqual(['good', 'good', 'good']);
    expect(smoothClasses(['bad', 'short', 'bad'])).toEqual(['bad', 'bad', 'bad']);
    expect(smoothClasses(['bad', 'neargood', 'good'])).toEqual(['bad', 'good', 'good']);
    expect(smoothClasses(['bad', 'neargood', 'bad'])).toEqual(['bad', 'bad', 'bad']);
  });
});

describe('article region', () => {
  const input = (isBody: boolean[], chars: number[], commentsAt = -1) => ({
    isBody, chars, commentsHeading: isBody.map((_, i) => i === commentsAt), listHeading: isBody.map(() => false),
  });
  it('keeps the first rich stretch and drops a later comment thread', () => {
    const isBody = [true, true, false, false, true, true, true];
    const chars = [400, 400, 20, 20, 500, 500, 500];
    expect(selectArticle(input(isBody, chars, 3), DEFAULT_REGION_OPTIONS)).toEqual([true, true, false, false, false, false, false]);
  });
  it('joins paragraphs across a caption', () => {
    const keep = selectArticle(input([true, false, true], [300, 30, 300]), DEFAULT_REGION_OPTIONS);
    expect(keep).toEqual([true, false, true]);
  });
  it('drops a far-away stretch behind a long link bar', () => {
    const keep = selectArticle(input([true, false, true], [900, 2000, 100]), DEFAULT_REGION_OPTIONS);
    expect(keep).toEqual([true, false, false]);
  });
});

describe('teasers', () => {
  it('finds trailing headline + "..." summary pairs', () => {
    const texts = [PROSE, 'Other headline', 'A summary that is cut...', 'Another headline', 'Second summary cut…'];
    const f = texts.map((t) => features(t));
    expect(trailingTeaserStart([0, 1, 2, 3, 4], f, texts)).toBe(1);
  });
  it('leaves an article ending with one ellipsis alone', () => {
    const texts = [PROSE, 'Subheading', 'And then there was silence...'];
    expect(trailingTeaserStart([0, 1, 2], texts.map((t) => features(t)), texts)).toBe(-1);
  });
});

describe('metadata', () => {
  it.each([
    ['Publié dans Le Journal le 10 - 02 - 2025', { site: 'Le Journal', date: '2025-02-10' }],
    ['Published by Wired on May 24, 2018', { site: 'Wired', date: '2018-05-24' }],
    ['Publicado en El Diario el 3 de marzo de 2024', { site: 'El Diario', date: '2024-03-03' }],
    ['Veröffentlicht in Comwrap am 07.02.2023', { site: 'Comwrap', date: '2023-02-07' }],
    ['Published Monday, November 18, 2019 8:22AM EST', { site: null, date: '2019-11-18' }],
    ['Опубликовано: 13.05.2025 09:40', { site: null, date: '2025-05-13' }],
    ['Opublikowano: 13 maja 2025', { site: null, date: '2025-05-13' }],
    ['Yayınlanma: 13.05.2025 10:15', { site: null, date: '2025-05-13' }],
    ['Giriş: 03.04.2025 13:20', { site: null, date: '2025-04-03' }],
    ['Giriş Tarihi: 24.02.2025 - 09:00', { site: null, date: '2025-02-24' }],
    ['发布时间：2025年05月12日 09:30', { site: null, date: '2025-05-12' }],
    ['입력 2025.05.13 10:20', { site: null, date: '2025-05-13' }],
    ['Julkaistu 14.1.2025 16.22', { site: null, date: '2025-01-14' }],
    ['公開日時：2025年3月11日 18:04', { site: null, date: '2025-03-11' }],
    ['Publisert 6. mars 2025 kl. 21.33', { site: null, date: '2025-03-06' }],
    ['Közzétéve: 2025. március 11. 10:15', { site: null, date: '2025-03-11' }],
    ['掲載日時：2025年3月11日', { site: null, date: '2025-03-11' }],
    ['Published 6:04 a.m. CT March 11, 2025 | Updated 9:15 a.m. CT March 11, 2025', { site: null, date: '2025-03-11' }],
    // Markdown converters' emphasis around the line or its label.
    ['_Publicado o 20 de marzo de 2025, 18:00 h_', { site: null, date: '2025-03-20' }],
    ['**Published:** 20 March 2025', { site: null, date: '2025-03-20' }],
    // A list item's bullet, as lynx prints a header's list.
    ['* 입력 2025.03.20 17:45 | 수정 2025.03.21 09:12', { site: null, date: '2025-03-20' }],
  ])('published line %s', (line, want) => {
    expect(parsePublishedLine(line, line.split(/\s+/).length)).toEqual(want);
  });
  it('needs a publication cue', () => {
    expect(parsePublishedLine('Le Journal le 10 - 02 - 2025', 7)).toBeNull();
    // Turkish "Giriş" is a page's entry time before its colon and a date and time alone, and "log in", "entrance" or
    // "admission" elsewhere (a helper's review: an exhibition's admission line and a concert's were read as the page's date).
    for (const line of ['Giriş Yap 12.05.2025', 'Giriş ücretsiz: 12 Mayıs 2025 tarihine kadar', 'Giriş: 1 Nisan 2025 tarihinden itibaren tam bilet 150 lira.', 'Giriş: 15 Mart 2025, saat 20.00, Arkas Sanat Merkezi', 'Giriş: 15.03.2025, saat 20.00, Arkas Sanat Merkezi'])
      expect(parsePublishedLine(line, line.split(/\s+/).length)?.date ?? null).toBeNull();
    // A sentence opening with a word that means "published" in its language is no publication line.
    for (const sentence of ['Avaldatud andmed näitavad, et 15.03.2024 seisuga oli registreeritud töötuid 45 000.', 'Imechapishwa Julai 2023, ripoti ya awali ilionyesha kuwa bei zilikuwa zimeshuka kidogo.'])
      expect(parsePublishedLine(sentence, sentence.split(/\s+/).length)).toBeNull();
    // A long body sentence opening with the cue is no publication line.
    const sentence = 'Published on 12 May 2023, the earlier study found that most rivers in England were polluted by sewage and run-off from farms.';
    expect(parsePublishedLine(sentence, sentence.split(/\s+/).length)).toBeNull();
  });
  it('bare site names', () => {
    expect(siteNameLine('Article19.ma')).toBe('Article19.ma');
    expect(siteNameLine('Times Union')).toBe('Times Union');
    expect(siteNameLine('and it ended.')).toBeNull();
    expect(siteNameLine('thanks for reading')).toBeNull();
  });
  it('counter lines: a label and a number, nothing else', () => {
    for (const line of ['ნახვები: 5 904', 'Views: 1,204', 'Lượt xem: 5.904', 'Komentarze: 12']) expect(isCounterLine(line), line).toBe(true);
    for (const line of ['Score: Arsenal 2, Chelsea 1', 'Budget 2025: 12 billion for schools', 'Tempo di lettura: 3 minuti', '12:30']) expect(isCounterLine(line), line).toBe(false);
  });
  it('site appended to a title', () => {
    expect(splitTitleSite('Royal Arrogance | New York Post')).toEqual({ title: 'Royal Arrogance', site: 'New York Post' });
    expect(splitTitleSite('A title without site')).toEqual({ title: 'A title without site', site: null });
    expect(splitTitleSite('They have all come out in favor of impeachment — some')).toEqual({ title: 'They have all come out in favor of impeachment — some', site: null });
  });
});

describe('corpus statistics', () => {
  it('counts each line once per document, folding digits and punctuation', () => {
    const stats = createCorpusStats();
    addToCorpusStats(stats, 'Published on 10 - 02 - 2025\nSame\nSame');
    addToCorpusStats(stats, 'Published on 11 - 03 - 2024\nOther');
    expect(documentsWithLine(stats, 'Published on 01-01-2020')).toBe(2);
    expect(documentsWithLine(stats, 'Same')).toBe(1);
    expect(documentsWithLine(null, 'Same')).toBe(0);
    expect(normaliseLine('  Hello, World 42! ')).toBe('hello world 00');
  });
  it('turns a widget shared by documents of a run into template noise', () => {
    const towns = ['Leeds', 'Bristol', 'Norwich'];
    const page = (n: number) => `Thanks for reporting!\n\n${PROSE.replace('city', towns[n - 1])}\n\nThe mayor of ${towns[n - 1]} added that families had asked for longer opening hours during the consultation last spring.`;
    const stats = createCorpusStats();
    for (const n of [1, 2, 3]) addToCorpusStats(stats, page(n));
    const result = cleanDocument(page(1), stats);
    expect(result.text).not.toContain('Thanks for reporting');
    expect(result.noise[0]).toEqual({ text: 'Thanks for reporting!', reason: 'template' });
    expect(cleanDocument(page(1), null).text).toContain('The mayor of Leeds added');
  });
});

describe('the headline at the head of the body', () => {
  // A Welsh site whose furniture no phrase list knows: the headline, a caption's credit and the caption are kept with
  // the article, and the only line above the headline is a section label.
  const page = (headline: string, date: string, credit: string, caption: string, paragraphs: string[]) =>
    [`Neidio i'r cynnwys`, 'Hafan | Newyddion | Chwaraeon | Busnes | Celfyddydau | Tywydd | English', 'Newyddion y Gogledd', headline, date, 'Rhannu',
      `Ffynhonnell y llun, ${credit}`, `Disgrifiad o'r llun, ${caption}`, ...paragraphs, 'Rhannu Facebook X E-bost', 'Straeon perthnasol',
      '  • Ysgol newydd i agor ym Mhwllheli', '  • Pryder am swyddi yn ffatri Llangefni', 'Telerau defnyddio | Amdanom ni | Polisi preifatrwydd | Cwcis'].join('\n\n');
  const pages = [
    page('Gwasanaeth bws newydd rhwng Bangor a Chaernarfon yn dechrau fis nesaf', '11 Mawrth 2025', 'Getty Images', 'Bws yng ngorsaf Bangor', [
      "Bydd gwasanaeth bws newydd rhwng Bangor a Chaernarfon yn dechrau ar ddechrau mis Ebrill, gyda bws bob hanner awr drwy'r dydd.",
      "Dywedodd y cwmni bysiau fod y gwasanaeth newydd yn ymateb i alw gan fyfyrwyr a gweithwyr sy'n teithio rhwng y ddwy dref bob dydd.",
      'Bydd tocyn dwyffordd yn costio £4, ac mae tocynnau wythnos ar gael i bobl ifanc am bris is.',
    ]),
    page("Ffermwyr yn poeni am effaith y tywydd gwlyb ar yr ŵyna eleni", '18 Mawrth 2025', 'Undeb Amaethwyr Cymru', 'Defaid ar fferm ger y Bala', [
      "Mae ffermwyr defaid yng nghanolbarth Cymru yn poeni bod y tywydd gwlyb diweddar yn cael effaith ddrwg ar y tymor ŵyna.",
      "Yn ôl un ffermwr o ardal y Bala, mae wedi colli mwy o ŵyn eleni nag yn ystod y deng mlynedd diwethaf.",
      "Dywedodd undeb y ffermwyr fod angen i'r llywodraeth gynnig cymorth ychwanegol i ffermydd sydd wedi dioddef colledion.",
    ]),
    page('Cyngor yn cytuno i godi treth y cyngor bron i naw y cant', '4 Mawrth 2025', 'Cyngor Gwynedd', 'Pencadlys y cyngor', [
      'Mae cynghorwyr wedi pleidleisio o blaid codi treth y cyngor 8.9% o fis Ebrill ymlaen, er gwaethaf gwrthwynebiad gan rai aelodau.',
      "Yn ôl arweinydd y cyngor, does dim dewis ond codi'r dreth er mwyn diogelu gwasanaethau fel gofal cymdeithasol ac addysg.",
      'Bydd y cynnydd yn golygu bod perchnogion tŷ yn y band canol yn talu tua £150 yn fwy y flwyddyn.',
    ]),
  ];

  it('takes the body\'s first block for the headline when it shares the lede\'s words, with the short lines under it', () => {
    const stats = createCorpusStats();
    for (const p of pages) addToCorpusStats(stats, p);
    for (const [i, want] of [[0, 'Gwasanaeth bws newydd rhwng Bangor a Chaernarfon yn dechrau fis nesaf'], [1, 'Ffermwyr yn poeni am effaith y tywydd gwlyb ar yr ŵyna eleni']] as const) {
      const r = cleanDocument(pages[i], stats);
      expect(r.title).toBe(want);
      expect(r.text.startsWith('Bydd gwasanaeth') || r.text.startsWith('Mae ffermwyr')).toBe(true);
      expect(r.text).not.toContain('Disgrifiad');
      expect(r.date).toBe(i === 0 ? '2025-03-11' : '2025-03-18');
    }
  });
  it('looks past a section label of a word or two kept over the headline', () => {
    const labelled = (label: string, headline: string, date: string, paragraphs: string[]) =>
      [`Neidio i'r cynnwys`, 'Hafan | Newyddion | Chwaraeon | Busnes | Celfyddydau | Tywydd | English', label, headline, date, ...paragraphs,
        'Rhannu Facebook X E-bost', 'Telerau defnyddio | Amdanom ni | Polisi preifatrwydd | Cwcis'].join('\n\n');
    const run = [
      labelled('Trafnidiaeth', 'Gwasanaeth bws newydd rhwng Bangor a Chaernarfon yn dechrau fis nesaf', '11.03.2025 | 10:15', pages[0].split('\n\n').slice(8, 10)),
      labelled('Amaeth', 'Ffermwyr yn poeni am effaith y tywydd gwlyb ar yr ŵyna eleni', '18.03.2025 | 08:40', pages[1].split('\n\n').slice(8, 10)),
      labelled('Gwleidyddiaeth', 'Cyngor yn cytuno i godi treth y cyngor bron i naw y cant', '04.03.2025 | 17:05', pages[2].split('\n\n').slice(8, 10)),
    ];
    const stats = createCorpusStats();
    for (const p of run) addToCorpusStats(stats, p);
    const r = cleanDocument(run[1], stats);
    expect(r.title).toBe('Ffermwyr yn poeni am effaith y tywydd gwlyb ar yr ŵyna eleni');
    expect(r.date).toBe('2025-03-18');
    expect(r.text.startsWith('Mae ffermwyr defaid')).toBe(true);
  });
});

describe('stopword thresholds of a sparse language', () => {
  it('lowers them for prose reading at 0.14-0.2 in its own list (as Catalan and Urdu do); dense prose keeps them', () => {
    const page = [
      'Regional council members approved sweeping budget cuts Tuesday, closing libraries, swimming pools and youth centres across northern districts despite loud protests near city hall yesterday evening.',
      'Opposition leaders called the decision reckless, warning families, pensioners and shopkeepers face rising fees while senior officials enjoy generous bonuses, company cars and travel allowances.',
      'Finance director Helen Marsh defended the package, citing falling tax receipts, soaring energy bills, delayed central government grants and expensive legal settlements inherited from previous administrations.',
      'Union representatives promised strikes, marches and legal challenges, demanding independent audits, published contracts and public hearings before any building closes permanently.',
    ].join('\n\n');
    // Sentence densities 0.19, 0.20, 0.12, 0.19 in English's list: the sparsest third's 0.19 against the reference 0.4.
    expect(stopwordScale(page, null)).toBeCloseTo(0.475, 2);
    expect(stopwordScale(PROSE.repeat(4).replace(/\. /g, '.\n\n'), null)).toBe(1);
    // On such a page a short closing sentence keeps its place whatever its stopwords.
    const closing = 'Final budget votes resume Friday morning.';
    const withClosing = ['Home | News | Sport', 'Council cuts libraries and pools', page, closing, '© 2025 Daily News'].join('\n\n');
    expect(cleanDocument(withClosing, null).text.endsWith(closing)).toBe(true);
  });
});

describe('recurrence across a run', () => {
  const SIDEBAR = [
    'Storm Closes Schools Across The County — Officials said on Monday that every school in the county would stay closed for two more days while crews cleared the roads.',
    'Harbour Festival Draws Record Crowds — More than forty thousand people visited the waterfront over the weekend, the organisers said, the most since the festival began.',
    'New Bus Routes Start In March — The transport authority will add six routes to the suburbs and run the night buses every twenty minutes instead of every hour.',
  ].join('\n');
  const ARTICLES = [
    'The library network will open on Sundays from next month, the council said, after a survey found that most readers wanted longer hours at the weekend.',
    'A local bakery has won the national bread prize for the second year in a row, with a sourdough loaf that the judges called the best they had tasted in years.',
    'Engineers began repairing the old stone bridge on Monday; the work is expected to last until the summer and the bridge will stay closed to cars until then.',
  ];
  const page = (article: string) => `Home\nNews\n\n${SIDEBAR}\n\nMenu\u00a0\u00a0Sport\u00a0\u00a0Weather\u00a0\u00a0Culture\u00a0\u00a0Business\u00a0\u00a0Travel\n\n${article}`;

  it('drops a teaser sidebar shared by pages whose articles differ', () => {
    const stats = createCorpusStats();
    for (const a of ARTICLES) addToCorpusStats(stats, page(a));
    for (const a of ARTICLES) expect(cleanDocument(page(a), stats).text).toBe(a);
    // Alone, the same page keeps the longer sidebar: recurrence is what tells it from the article.
    expect(cleanDocument(page(ARTICLES[0]), null).text).toContain('Harbour Festival');
  });
  it('keeps an article republished in three documents, whatever the noise around it', () => {
    const article = `${ARTICLES[0]}\n\n${ARTICLES[1]}\n\nShort line of the article\n\n${ARTICLES[2]}`;
    const noise = ['Subscribe to our newsletter', 'Follow us on social media', 'Log in to comment'];
    const stats = createCorpusStats();
    for (const n of noise) addToCorpusStats(stats, `${n}\n\n${article}`);
    const r = cleanDocument(`${noise[0]}\n\n${article}`, stats);
    expect(r.text).toContain(ARTICLES[0]);
    expect(r.text).toContain(ARTICLES[2]);
    expect(r.text).toContain('Short line of the article');
  });
  it('measures how widely a page\'s own text recurs from the rarest quarter of its text', () => {
    expect(contentDocuments([100, 300], [1, 8])).toBe(1);
    expect(contentDocuments([10, 300], [1, 8])).toBe(8);
    expect(contentDocuments([200, 200, 10], [4, 3, 120])).toBe(3);
    expect(contentDocuments([], [])).toBe(0);
  });
  it('weighs a stretch recurring far more widely than the page\'s rarest stretch by the ratio', () => {
    const input = { isBody: [true, false, false, false, false, false, false, false, true], chars: [300, 200, 200, 200, 200, 200, 200, 200, 1000], docs: [1, 0, 0, 0, 0, 0, 0, 0, 8], commentsHeading: Array(9).fill(false), listHeading: Array(9).fill(false) };
    expect(bodyStretches(input, DEFAULT_REGION_OPTIONS).map((s) => s.docs)).toEqual([1, 8]);
    expect(selectArticle(input, DEFAULT_REGION_OPTIONS)[0]).toBe(true);
    expect(selectArticle(input, DEFAULT_REGION_OPTIONS)[8]).toBe(false);
    // Shared by two documents only: text mass decides as without statistics.
    expect(selectArticle({ ...input, docs: input.docs.map((d) => Math.min(d, 2)) }, DEFAULT_REGION_OPTIONS)[8]).toBe(true);
  });
});

describe('language', () => {
  it.each([
    [PROSE, 'en'],
    ["La municipalité a annoncé jeudi un vaste plan de rénovation des écoles primaires de la ville.", 'fr'],
    ['El gobierno regional presentó este lunes un plan para ampliar la red de transporte público.', 'es'],
    ['Die Stadtverwaltung will in den kommenden zwei Jahren neue Radwege in der Innenstadt bauen.', 'de'],
    // Scripts franc-min has no model for, a few Latin words among them.
    ['בנק ישראל הודיע היום כי הריבית תישאר ברמה של 4.5%, כך לפי JAMA Neurology.', 'he'],
    // Yiddish by what only it writes in the Hebrew script (װ ײ, פֿ, אַ אָ); a Hebrew text quoting one Yiddish word stays Hebrew.
    ['דער שטאָט־ראַט האָט באַשלאָסן צו בויען אַ נײַע ביבליאָטעק פֿאַר די קינדער פֿון דער געגנט.', 'yi'],
    ['העירייה החליטה לבנות ספרייה חדשה לילדי השכונה, ובטקס נאמרה המילה "שטאָט" ביידיש.', 'he'],
    // Pointed Hebrew (scripture, poetry) writes אַ and אָ too; Yiddish without points has its own words (און, איז, פון).
    ['בְּרֵאשִׁית בָּרָא אֱלֹהִים אֵת הַשָּׁמַיִם וְאֵת הָאָרֶץ. וְהָאָרֶץ הָיְתָה תֹהוּ וָבֹהוּ, וַאֲבָרָהָם אָמַר אֶל אָבִיו: הִנֵּה אָנֹכִי, אַתָּה אָב.', 'he'],
    ['די שטאט האט באשלאסן צו בויען א נייע ביבליאטעק פון און פאר די קינדער, און דער בירגערמייסטער איז צופרידן מיט דעם פלאן.', 'yi'],
    // Esperanto by the letters only it writes (no model of it among the labels).
    ['La urba konsilio decidis konstrui novan ĉefbibliotekon, kiu malfermiĝos en la venonta jaro kaj ŝanĝos la vivon de la kvartalo.', 'eo'],
    ['საქართველოს მთავრობამ დღეს ახალი გეგმა გამოაცხადა ეკონომიკის შესახებ.', 'ka'],
    ['Հայաստանի կառավարությունը այսօր հայտարարեց նոր ծրագրի մասին։', 'hy'],
    // Nor franc-all (Odia, Dhivehi's Thaana).
    ['ଭୁବନେଶ୍ୱରରେ ସରକାର ଆଜି ନୂଆ ଯୋଜନା ଘୋଷଣା କରିଛନ୍ତି। ଏହା ଦ୍ୱାରା ହଜାର ହଜାର ଲୋକ ଉପକୃତ ହେବେ।', 'or'],
    ['ދިވެހިރާއްޖޭގެ ސަރުކާރުން މިއަދު އިއުލާނުކުރި ގޮތުގައި، އަލަށް ގާއިމުކުރާ ހޮސްޕިޓަލުގެ މަސައްކަތް ފެށުމަށް ނިންމައިފި އެވެ.', 'dv'],
  ])('%s → %s', (text, want) => expect(detectLanguage(text)).toBe(want));
  it('is null for short text', () => expect(detectLanguage('Hello world')).toBeNull());
  it('tells Occitan from Catalan by the words that differ (lo, los, las, e against el, els, les, i)', () => {
    const oc = "Los agricultors del Lauragués an manifestat divendres davant la prefectura per demandar d'ajudas contra la secada. Segon lor sindicat, las recòltas de blat son estadas fòrça febles ongan, e fòrça exploitacions son en dificultat. Lo prefècte a recebut una delegacion e a promés de transmetre las demandas al govèrn.";
    const ca = "Les temperatures de fins a tres graus sota zero registrades la matinada de dilluns han deixat un panorama desolador en bona part de les finques de fruita de pinyol del Segrià. Les primeres estimacions de les organitzacions agràries xifren les pèrdues entre el 30 i el 70 per cent de la collita.";
    expect([oc, ca].map(bodyLanguage)).toEqual(['oc', 'ca']);
  });
  it('labels a language of a million speakers or more that has no two-letter code with its three-letter one', () => {
    const ceb = 'Ang lungsod sa Sugbo nagpahibalo nga ang bag-ong tulay mahuman sa sunod tuig. Matud sa mayor, ang proyekto makatabang sa mga drayber nga kanunay maipit sa trapiko. Daghang residente ang nalipay sa balita ug nanghinaot nga dili na malangan ang trabaho.';
    const tl = 'Inanunsyo ng lungsod na matatapos ang bagong tulay sa susunod na taon. Ayon sa alkalde, makatutulong ang proyekto sa mga drayber na laging naiipit sa trapiko. Maraming residente ang natuwa sa balita at umaasang hindi na maaantala ang trabaho.';
    expect([ceb, tl].map(bodyLanguage)).toEqual(['ceb', 'tl']);
  });
  it('labels a body in a language franc-min has no model for by its stoplist (Norwegian, Danish, Finnish, Catalan)', () => {
    const no = 'Regjeringen vil bruke mer penger på veier og jernbane i Nord-Norge. Det sier samferdselsministeren til avisen etter et møte med fylkene. Han mener at det er viktig for næringslivet og for folk som bor der. Planen skal legges fram i Stortinget til høsten.';
    const da = 'Regeringen vil bruge flere penge på veje og jernbaner i Nordjylland. Det siger transportministeren til avisen efter et møde med regionerne. Han mener, at det er vigtigt for erhvervslivet og for de mennesker, der bor der. Planen skal fremlægges i Folketinget til efteråret.';
    const fi = 'Hallitus aikoo käyttää enemmän rahaa teihin ja rautateihin Pohjois-Suomessa. Asiasta kertoi liikenneministeri lehdelle tapaamisen jälkeen. Hänen mukaansa se on tärkeää elinkeinoelämälle ja alueen asukkaille. Suunnitelma tuodaan eduskuntaan syksyllä.';
    const sv = 'Regeringen vill satsa mer pengar på vägar och järnvägar i norra Sverige. Det säger infrastrukturministern till tidningen efter ett möte med regionerna. Han menar att det är viktigt för näringslivet och för de människor som bor där. Planen ska läggas fram i riksdagen i höst.';
    expect([no, da, fi, sv, PROSE.repeat(2)].map(bodyLanguage)).toEqual(['no', 'da', 'fi', 'sv', 'en']);
    // A South Slavic guess stands (Bosnian reads densely in Slovenian's list).
    const bs = 'Sarajevo je danas bilo u znaku protesta radnika koji traže veće plate i bolje uslove rada. Okupljeni su poručili da neće odustati dok vlada ne ispuni njihove zahtjeve, a sindikati najavljuju nove proteste za sljedeću sedmicu.';
    expect(bodyLanguage(bs)).toBe(detectLanguage(bs));
    // Catalan, which franc-min takes for Portuguese or Spanish; Spanish, Portuguese, French and Italian stay.
    const ca = "Les temperatures de fins a tres graus sota zero registrades la matinada de dilluns han deixat un panorama desolador en bona part de les finques de fruita de pinyol del Segrià. Les primeres estimacions de les organitzacions agràries xifren les pèrdues entre el 30 i el 70 per cent de la collita, en funció de la zona i de la varietat.";
    const es = 'Las temperaturas de hasta tres grados bajo cero registradas en la madrugada del lunes han dejado un panorama desolador en buena parte de las fincas de fruta de hueso de la comarca. Las primeras estimaciones de las organizaciones agrarias cifran las pérdidas entre el 30 y el 70 por ciento de la cosecha, en función de la zona y de la variedad.';
    const pt = 'As temperaturas de até três graus abaixo de zero registadas na madrugada de segunda-feira deixaram um panorama desolador em boa parte das quintas de fruta de caroço da região. As primeiras estimativas das organizações agrícolas apontam perdas entre 30 e 70 por cento da colheita, consoante a zona e a variedade.';
    const fr = "Les températures jusqu'à trois degrés sous zéro enregistrées dans la nuit de lundi ont laissé un paysage désolant dans une bonne partie des vergers de la région. Les premières estimations des organisations agricoles chiffrent les pertes entre 30 et 70 pour cent de la récolte, selon la zone et la variété.";
    const it = 'Le temperature fino a tre gradi sotto zero registrate nella notte di lunedì hanno lasciato un panorama desolante in buona parte dei frutteti della zona. Le prime stime delle organizzazioni agricole indicano perdite tra il 30 e il 70 per cento del raccolto, a seconda della zona e della varietà.';
    expect([ca, es, pt, fr, it].map(bodyLanguage)).toEqual(['ca', 'es', 'pt', 'fr', 'it']);
  });
  it('labels a body in a language franc-min lacks with the wider models (every language with a two-letter code)', () => {
    const texts: Record<string, string> = {
      af: 'Die regering het Dinsdag aangekondig dat die prys van brood volgende maand weer sal styg. Volgens die minister is die styging nodig omdat die koste van graan en vervoer die afgelope jaar skerp toegeneem het. Boere se organisasies sê hulle is nie verbaas nie, maar vra dat arm gesinne ondersteun word.',
      sl: 'Vlada je v torek sprejela nov zakon o javnem prevozu, ki bo začel veljati prihodnje leto. Minister je poudaril, da bodo vozovnice cenejše za upokojence in študente, občine pa bodo dobile več denarja za nove avtobusne linije.',
      mk: 'Владата во вторник донесе нов закон за јавниот превоз, кој ќе стапи на сила следната година. Министерот истакна дека билетите ќе бидат поевтини за пензионерите и студентите, а општините ќе добијат повеќе пари за нови автобуски линии.',
      cy: "Mae'r llywodraeth wedi cyhoeddi cynllun newydd i wella gwasanaethau bws yng nghefn gwlad Cymru. Dywedodd y gweinidog y bydd y cynllun yn costio tua deg miliwn o bunnoedd dros y tair blynedd nesaf, a bydd cynghorau lleol yn cael mwy o arian i redeg llwybrau newydd.",
      eu: 'Gobernuak asteartean garraio publikoari buruzko lege berria onartu zuen, eta datorren urtean sartuko da indarrean. Ministroak azpimarratu zuenez, txartelak merkeagoak izango dira erretiratuentzat eta ikasleentzat, eta udalek diru gehiago jasoko dute autobus lerro berrietarako.',
      is: 'Ríkisstjórnin samþykkti á þriðjudag ný lög um almenningssamgöngur sem taka gildi á næsta ári. Ráðherrann sagði að fargjöld yrðu lægri fyrir eldri borgara og námsmenn og að sveitarfélögin fengju meira fé til nýrra strætóleiða.',
      lt: 'Vyriausybė antradienį patvirtino naują viešojo transporto įstatymą, kuris įsigalios kitais metais. Ministras pabrėžė, kad bilietai bus pigesni pensininkams ir studentams, o savivaldybės gaus daugiau pinigų naujoms autobusų linijoms.',
    };
    for (const [lang, text] of Object.entries(texts)) expect(bodyLanguage(text), lang).toBe(lang);
    // Short Bulgarian, which the wider models take for Macedonian, writes ъ and щ; Macedonian does not.
    expect(bodyLanguage('Силен дъжд наводни няколко улици в София през нощта. Пожарникарите помагаха на хората да изпомпват водата от мазетата.')).toBe('bg');
    // A language the stoplists name over franc-min's guess stands over the trigrams (Slovak full of English names).
    const sk = 'Festival Pohoda ohlásil prvých účinkujúcich: Massive Attack, Fontaines D.C. a ďalší. Na novej stage pre electronic music sa predstavia aj domáci umelci, nebude chýbať ani street food a program pre deti. Vstupenky sú v predaji od pondelka a ich cena sa do konca mesiaca nezmení.';
    expect(bodyLanguage(sk)).toBe('sk');
    // The page is still read in franc-min's guess (most of these have no stoplist).
    expect(detectLanguage(texts.af)).toBe('nl');
  });
  it("reads a page without the stoplist of a guess that finds next to nothing in it, and labels it with no language", () => {
    // Estonian: no franc-min model, a stoplist too short to use; its words are in no Italian list.
    const et = 'Tallinna linnavalitsus kiitis kolmapäeval heaks määruse, millega tõuseb ühekordse sõidupileti hind kahe euroni. Abilinnapea sõnul on kulud viimase kolme aastaga kasvanud ligi kolmkümmend protsenti, samas kui piletitulu on jäänud samaks.';
    const it = 'Le temperature fino a tre gradi sotto zero registrate nella notte di lunedì hanno lasciato un panorama desolante in buona parte dei frutteti della zona. Le prime stime delle organizzazioni agricole indicano perdite tra il 30 e il 70 per cento del raccolto.';
    expect(readingLanguage('it', et)).toBeNull();
    expect(readingLanguage('it', it)).toBe('it');
    // A guess that is not one franc gives for languages it lacks stands, as does any guess on too few words.
    expect(readingLanguage('en', et)).toBe('en');
    expect(readingLanguage('it', 'Tallinna linnavalitsus kiitis heaks')).toBe('it');
    // Danish prose taken for Italian is read with Danish's list, which reads it.
    const da = 'Regeringen vil bruge flere penge på veje og jernbaner i Nordjylland. Det siger transportministeren til avisen efter et møde med regionerne. Han mener, at det er vigtigt for erhvervslivet og for de mennesker, der bor der.';
    expect(readingLanguage('it', da)).toBe('da');
    expect(byStoplist('it', et)).toBeNull();
    expect(byStoplist('it', it)).toBe('it');
    // Only sentences are measured: a page of results reads sparsely in its own list, and keeps its language.
    const results = ['Wyniki 24. kolejki:', 'Piast Gliwice - Legia Warszawa 1:1 (0:1)', 'Lech Poznań - Raków Częstochowa 2:0 (1:0)', 'Jagiellonia Białystok - Pogoń Szczecin 3:2 (2:1)',
      'Górnik Zabrze - Cracovia 0:0', 'Widzew Łódź - Zagłębie Lubin 2:1 (1:1)', 'Motor Lublin - Stal Mielec 1:3 (0:2)', 'Korona Kielce - GKS Katowice 1:0 (0:0)',
      'Lech Poznań wygrał z Rakowem i umocnił się na pozycji lidera.'].join('\n');
    expect(readingLanguage('pl', results)).toBe('pl');
    expect(byStoplist('pl', results)).toBe('pl');
  });
  it('tells Croatian, Bosnian and Serbian apart by the words they write differently, and leaves other guesses alone', () => {
    const hr = 'Tijekom prošlog tjedna cijene kruha porasle su za deset posto, a tisuće obitelji žale se na troškove.';
    const sr = 'Posle nedelju dana cene hleba ponovo su porasle, a deca su se vratila u školu u celom gradu.';
    const bs = 'Prije sedmicu dana cijene hljeba porasle su za deset posto, a hiljade porodica žale se na troškove.';
    for (const guess of ['hr', 'bs', 'sr']) expect([hr, sr, bs].map((t) => southSlavic(guess, t))).toEqual(['hr', 'sr', 'bs']);
    expect(southSlavic('hr', 'После недељу дана цене хлеба поново су порасле.')).toBe('sr');
    // Too few words that differ: the guess stands; other languages are not asked.
    expect(southSlavic('bs', 'Vlada je danas usvojila novi zakon o porezu.')).toBe('bs');
    // Words all three write alike are no markers (zdravlje, teško, reći; "ceo" is also CEO), nor names (Maja, August).
    expect(southSlavic('hr', 'Zdravlje djece je važno, rekao je ravnatelj, no teško je reći što će biti. Ceo tvrtke Maja Horvat dolazi u kolovozu.')).toBe('hr');
    expect(southSlavic('sl', sr)).toBe('sl');
  });
  it('corrects a Bulgarian or Spanish guess by letters only Russian or Portuguese write', () => {
    expect(byOrthography('bg', 'Мы были там, и это было хорошо.')).toBe('ru');
    expect(byOrthography('bg', 'Ние бяхме там и беше хубаво.')).toBe('bg');
    expect(byOrthography('es', 'Classificação atualizada da temporada e posições')).toBe('pt');
    expect(byOrthography('fo', 'Þingmenn samþykktu frumvarpið í gær eftir langar umræður')).toBe('is');
    expect(byOrthography('fo', 'Tingið samtykti uppskotið í gjár eftir langan kjak')).toBe('fo');
    // One letter is a quoted name; both languages' letters, no evidence.
    expect(byOrthography('es', 'El piloto João ganó la carrera en España')).toBe('es');
    expect(byOrthography('pt', 'O espanhol Nuñez venceu o Peñarol')).toBe('pt');
  });
  it('labels Arabic-script Sorani, which franc has no model of, by its own letters ڕ ڵ ێ', () => {
    const sorani = 'حکومەتی هەرێمی کوردستان ڕایگەیاند کە مووچەی فەرمانبەران لە ڕۆژی یەکشەممەی داهاتوو دابەش دەکرێت و هەموو وەزارەتەکان دەگرێتەوە.';
    expect(detectLanguage(sorani)).toBe('ku');
    expect(bodyLanguage(sorani)).toBe('ku');
    // A Persian sentence naming a Kurdish town in Kurdish spelling stays Persian.
    const persian = 'وزیر امور خارجه روز دوشنبه در سفری رسمی به شهر هەولێر رفت و با مقامات محلی درباره همکاری‌های اقتصادی و تجاری دو کشور گفتگو کرد و گفت روابط دو طرف در سال‌های اخیر گسترش یافته است.';
    expect(detectLanguage(persian)).toBe('fa');
    expect(byOrthography('fa', persian)).toBe('fa');
  });
  it('needs a quarter of the letters in CJK scripts, whose characters carry more text', () => {
    expect(detectLanguage('这是一个用于测试的中文句子')).toBe('zh'); // 12 ideographs
    expect(detectLanguage('这是一个用于测试')).toBeNull(); // 8
    expect(detectLanguage('abcdefghijkl mnop')).toBeNull(); // 16 Latin letters
  });
});

describe('cookie notices', () => {
  const NOTICE = 'We use cookies and similar technologies to improve your experience, personalise content and ads, and analyse our traffic. By clicking "Accept all" you agree to our use of cookies.';
  const briefs = [
    'The night bus between the city centre and the airport will stop running at the end of the month, the operator said.',
    'The central library will open on Sundays from next week, after a trial last summer drew more readers than expected.',
    'A new pedestrian crossing will be built outside the primary school on Mill Road before the autumn term starts.',
    'The farmers market will move from the car park to the town square in June, giving stallholders more room.',
  ];
  const page = (brief: string) => ['≡ Menu', 'Metro Brief', NOTICE, 'Accept all', 'News', brief, 'Back to top', '© 2025 Metro Brief'].join('\n');
  it("is the site's, not a short brief's only paragraph, where pages of the run repeat it", () => {
    const stats = createCorpusStats();
    for (const b of briefs) addToCorpusStats(stats, page(b));
    for (const b of briefs) {
      const r = cleanDocument(page(b), stats);
      expect(r.text).not.toContain('We use cookies');
      expect(r.noise.some((n) => n.reason === 'cookie-notice')).toBe(true);
    }
  });
  it('is known where the run repeats it in any language the cookie words know, consent words or none', () => {
    const ctx = { ...noCtx, documentsWithLine: 4, contentDocuments: 1, neighbourDocuments: 1 };
    for (const notice of ['이 사이트는 쿠키를 사용합니다. 자세한 내용은 개인정보 처리방침을 확인하세요.', 'Sitemizde çerezler kullanılmaktadır. Ayrıntılı bilgi için tıklayın.']) {
      expect(isCookieNotice(notice, features(notice), ctx, false), notice).toBe(true);
    }
  });
  it('stays where the run does not repeat it (one page), and a paragraph about cookies is no notice', () => {
    const f = features(NOTICE);
    const ctx = { ...noCtx, documentsWithLine: 4, contentDocuments: 1, neighbourDocuments: 1 };
    expect(isCookieNotice(NOTICE, f, ctx, false)).toBe(true);
    expect(isCookieNotice(NOTICE, f, { ...ctx, documentsWithLine: 1 }, false)).toBe(false);
    // A republished article about cookie rules recurs no more widely than its page's text, or than its other paragraphs.
    expect(isCookieNotice(NOTICE, f, { ...ctx, contentDocuments: 4 }, false)).toBe(false);
    expect(isCookieNotice(NOTICE, f, { ...ctx, neighbourDocuments: 4 }, false)).toBe(false);
    // A wire story's background paragraph on cookie rules, inside three different articles.
    expect(isCookieNotice(NOTICE, f, ctx, true)).toBe(false);
  });
  it('is known on its one page when it stands first, the only paragraph of the page speaking of cookies', () => {
    // (a welcome line above it, and its buttons speaking of cookies too)
    const article = ['≡ Menu', 'Welcome to the Metro Brief website', NOTICE, 'Accept all Reject all Manage cookies', 'Night bus to stop running', `${briefs[0]} ${briefs[1]}`, `${briefs[2]} ${briefs[3]}`, PROSE].join('\n\n');
    const r = cleanDocument(article, null);
    expect(r.text).not.toContain('We use cookies');
    expect(r.text).toContain(briefs[0]);
    expect(r.noise.some((n) => n.reason === 'cookie-notice')).toBe(true);
  });
  it('leaves the lede of an article about cookies, which speaks of them again', () => {
    const lede = 'Browsers will stop accepting third-party cookies from advertisers next year, the company said on Monday, after two delays and a review by regulators.';
    const story = ['Cookie phase-out to go ahead next year', lede, briefs[1], 'Advertisers said the end of tracking cookies would cost smaller publishers the most, and asked for more time to test the replacements.'].join('\n\n');
    const r = cleanDocument(story, null);
    expect(r.text).toContain(lede);
    expect(r.title).toBe('Cookie phase-out to go ahead next year');
    // with the headline set apart, the lede stands first
    expect(cleanDocument(story.replace('Cookie phase-out to go ahead next year', 'Browsers | Phase-out'), null).text).toContain(lede);
  });
  it('keeps a background paragraph on cookie rules that three articles of the run share', () => {
    const background = 'The rules, which require websites to ask visitors for their consent before setting advertising cookies or sharing their browsing data with partners, took effect across the bloc in 2018, and national regulators have since fined dozens of companies for ignoring them.';
    const firms = ['Nordvik', 'Castellan', 'Bremford'];
    const towns = ['Lyon', 'Ghent', 'Porto'];
    const article = (k: number) => [`Regulator fines ${firms[k]} over shopper complaints`, `${firms[k]} was fined in ${towns[k]} on Monday after an inquiry found it had ignored complaints from shoppers, the regulator said.`, background, `${firms[k]} said it would appeal against the fine and had already changed its website in ${towns[k]}.`].join('\n\n');
    const stats = createCorpusStats();
    for (const k of [0, 1, 2]) addToCorpusStats(stats, article(k));
    for (const k of [0, 1, 2]) expect(cleanDocument(article(k), stats).text).toContain(background);
  });
});

describe("an article's header furniture in its text", () => {
  it('a reading time is no body line, a sentence about minutes is', () => {
    expect(reason('Temps de Lecture 2 min.', {}, 'fr')).toBe('reading-time');
    expect(reason('5 min read')).toBe('reading-time');
    expect(reason('Lesezeit: 4 Minuten', {}, 'de')).toBe('reading-time');
    expect(reason('It takes five minutes to read the whole report, the council said.')).toBeNull();
  });
  it("an article's tool bar (gift it, read it later, share it) is boilerplate", () => {
    expect(reason('Offrir l’article Lire plus tard Partager', {}, 'fr')).toBe('boilerplate');
    expect(reason('Gift article Save for later Share', {})).toBe('boilerplate');
  });
});

describe('a list of related coverage inside the article', () => {
  it('stays out of the body, and the article goes on after it', () => {
    const page = (heading: string) => cleanDocument(['Budget approved after months of debate', PROSE, PROSE.replace('council', 'board'), heading, '  • Mayor says the budget vote is only the first step', PROSE.replace('council', 'court'), PROSE.replace('council', 'assembly')].join('\n\n'), null);
    for (const heading of ['Related coverage', 'Related links', 'Further reading']) {
      const r = page(heading);
      expect(r.text, heading).not.toContain('Mayor says');
      expect(r.text, heading).toContain(PROSE.replace('council', 'assembly'));
    }
  });
});

describe("a sign-up form's fine print", () => {
  it('is boilerplate: by doing what the form asks, the reader agrees to the terms', () => {
    expect(reason('By signing up you agree to our Terms of Use and acknowledge the data practices in our Privacy Policy. You may unsubscribe at any time.')).toBe('boilerplate');
    expect(reason('En vous inscrivant, vous acceptez nos conditions générales et notre politique de confidentialité.', {}, 'fr')).toBe('boilerplate');
    expect(reason('Mit Ihrer Anmeldung akzeptieren Sie unsere Datenschutzbestimmungen.', {}, 'de')).toBe('boilerplate');
  });
  it('is not a sentence about agreeing', () => {
    expect(reason('By signing the treaty, the two countries agreed to cut tariffs on steel by half over five years.')).toBeNull();
    expect(isSignupConsent('By clicking the link, readers were taken to a page where you agree to nothing at all and the story went on for many more words than any box would ever print under a form, far too long.'.repeat(2), 70)).toBe(false);
  });
});

describe("a paywall's notice", () => {
  it('is a line opening with what is left to read, that the rest is for subscribers, or an invitation to read on', () => {
    for (const line of ['Il vous reste 78.42% de cet article à lire. La suite est réservée aux abonnés.', 'Subscribe to continue reading', 'Jetzt weiterlesen mit RK Plus', 'Pozostało jeszcze 72% artykułu', 'This article is only available to subscribers. Sign in']) {
      expect(isPaywallNotice(line, line.split(/\s+/).length), line).toBe(true);
    }
    const sentence = 'Readers who want to continue reading after the free trial will have to subscribe, the company said.';
    expect(isPaywallNotice(sentence, sentence.split(/\s+/).length)).toBe(false);
  });
  it('ends the article: what the body kept under it is the wall', () => {
    const wall = 'You are reading the Courier on another device. Your subscription lets you read it on one device at a time, so the article has been paused here.';
    const r = cleanDocument(['Budget approved after months of debate', PROSE, PROSE.replace('council', 'board'), 'Subscribe to continue reading', wall, PROSE.replace('council', 'court')].join('\n\n'), null);
    expect(r.text.split('\n\n')).toEqual([PROSE, PROSE.replace('council', 'board')]);
    expect(r.noise.filter((n) => n.reason === 'paywall').length).toBeGreaterThanOrEqual(2);
  });
});

describe('the date under a long header', () => {
  it('is read under the headline over a score box and its key moments (fourteen lines)', () => {
    const moments = ["22'    GOAL — Watkins heads Villa in front", "38'    GOAL — Saka levels at the near post", "64'    Yellow card — Kamara", "71'    GOAL — Havertz turns in the cut-back", "90+4'  Full-time"];
    const page = ['Touchline', 'Arsenal 2-1 Aston Villa: Saka and Havertz keep title hopes alive', 'Jack Penrose, Chief Football Writer', 'Sat 15 Mar 2025, 19:28 GMT', 'Share', 'FT', 'Arsenal                     2 - 1 Aston Villa', "Saka 38', Havertz 71'             Watkins 22'", 'Line-ups Stats Table', 'Key moments', ...moments, 'Play Video',
      'Bukayo Saka marked his first start in three months with the equaliser as Arsenal came from behind to beat Aston Villa on Saturday and keep their hopes of the title alive.',
      'Ollie Watkins had given Villa a deserved lead midway through the first half, rising above the defence to head in a cross from the left, and the visitors could have added a second before the break.',
      'Kai Havertz turned in the winner with nineteen minutes left after a cut-back from the right, and Arsenal held on through six minutes of added time to close the gap at the top to nine points.'];
    expect(cleanDocument(page.join('\n\n'), null).date).toBe('2025-03-15');
  });
});

describe("an author's note under the article", () => {
  const NOTE = 'Ann Lee is a senior reporter at the Courier, where she has covered city hall for a decade.';
  const article = (tail: string[]) => cleanDocument(['Budget approved after months of debate', 'By Ann Lee', PROSE, PROSE.replace('council', 'board'), PROSE.replace('council', 'mayor'), ...tail].join('\n\n'), null);
  it('is out of the body, with the name over it and a follow link under it', () => {
    const r = article(['Ann Lee', NOTE, 'Follow Ann on X']);
    expect(r.text).not.toContain('senior reporter');
    expect(r.text).not.toContain('Follow Ann');
    expect(r.text.split('\n\n')).toHaveLength(3);
    expect(r.noise.filter((n) => n.reason === 'author-note').map((n) => n.text)).toEqual(expect.arrayContaining(['Ann Lee', NOTE]));
  });
  it('stays where article text follows it (a paragraph about a reporter)', () => {
    const r = article([NOTE, PROSE.replace('council', 'court')]);
    expect(r.text).toContain(NOTE);
  });
});

describe('cleanDocument', () => {
  it('keeps subheadings between paragraphs and strips "+ … +" marks', () => {
    const r = cleanDocument(`${PROSE}\n\n+ A new plan +\n\n${PROSE.replace('council', 'board')}`, null);
    expect(r.text.split('\n\n')).toEqual([PROSE, 'A new plan', PROSE.replace('council', 'board')]);
  });
  it('returns empty text and nulls for an empty page', () => {
    expect(cleanDocument('', null)).toEqual({ text: '', title: null, site: null, date: null, lang: null, noise: [] });
  });
  it('looks past what stands between a headline and its article: a role under the byline, a share label, a reading time', () => {
    const page = (lines: string[]) => cleanDocument(`${lines.join('\n')}\n${PROSE}\n${PROSE}`, null);
    expect(page(['Budget approved after months of debate', 'By Anna Cole', 'City government reporter', 'Published May 12, 2024']).title).toBe('Budget approved after months of debate');
    expect(page(['Budget approved after months of debate', 'By Anna Cole', 'May 12, 2024', 'Share this article', 'Share to X   Share to Facebook   Email']).title).toBe('Budget approved after months of debate');
    expect(page(['Budget approved after months of debate', 'By Anna Cole', 'May 12, 2024', '16 minute read']).title).toBe('Budget approved after months of debate');
    expect(page(['Porto di Livorno, sciopero dei portuali', 'di Marco Benvenuti', '12 marzo 2025', 'Tempo di lettura: 3 minuti']).title).toBe('Porto di Livorno, sciopero dei portuali');
  });
  it('keeps out of the body the short sentences around an article: teasers above its headline, notices, footers', () => {
    const body = [PROSE, PROSE.replace('council', 'board'), PROSE.replace('library', 'museum')];
    const teasers = ['Top stories', 'Police search for missing hiker near the lake', 'The 34-year-old was last seen on Sunday morning.', 'Library to extend its opening hours in summer', 'The change will start at the beginning of June.'];
    const r = cleanDocument([...teasers, 'Council approves new cycle lanes on Main Street', ...body].join('\n'), null);
    expect(r.text.split('\n\n')).toEqual(body);
    expect(r.title).toBe('Council approves new cycle lanes on Main Street');
    const notice = cleanDocument(['Is this the end of the British high street?', 'This article is more than 3 years old.', ...body, 'Be the first to comment on this article.', 'We use cookies to give you the best experience on our site.'].join('\n'), null);
    expect(notice.text.split('\n\n')).toEqual(body);
    expect(notice.title).toBe('Is this the end of the British high street?');
  });
  it('drops a pull quote repeating words of a paragraph, and keeps a quotation printed once', () => {
    const said = '“We have heard from residents for years that the roads are the first issue,” said council member Patricia Okafor, who represents the east side of the city and has pushed for the repairs since 2021.';
    const page = [PROSE, '', said, '', '“The roads are the first issue”', '', PROSE.replace('council', 'board'), '', '“Nobody asked us before the vote was taken,” one resident said.', '', PROSE.replace('library', 'museum')].join('\n');
    const r = cleanDocument(page, null);
    expect(r.noise).toContainEqual({ text: '“The roads are the first issue”', reason: 'pull-quote' });
    expect(r.text).toContain(said);
    expect(r.text).toContain('“Nobody asked us before the vote was taken,” one resident said.');
  });
  it('drops a pull quote set in as a block quote without quotation marks, and keeps a line set in that repeats nothing', () => {
    const said = 'It took me months to understand that my output was now the team output, and that a day spent unblocking three people was a better day than one spent writing code.';
    // paragraphs at the margin (none, or lynx's three columns), the block quotes four further in
    const page = (margin: string) =>
      [PROSE, said, '    My output was now the team output.', PROSE.replace('council', 'board'), '    The board will meet again in June.', PROSE.replace('library', 'museum')].map((l) => margin + l).join('\n\n');
    for (const margin of ['', '   ']) {
      const r = cleanDocument(page(margin), null);
      expect(r.noise.map((n) => n.reason)).toContain('pull-quote');
      expect(r.text).not.toContain('My output was now the team output.\n');
      expect(r.text).toContain(said);
      expect(r.text).toContain('The board will meet again in June.');
    }
  });
  it('keeps a quotation printed as its own paragraph when the headline quotes it', () => {
    const quote = '‘I heard a bang and the whole roof was gone.’';
    const r = cleanDocument(['‘I heard a bang and the whole roof was gone’: storm leaves trail of destruction', PROSE, quote, PROSE.replace('council', 'board')].join('\n'), null);
    expect(r.text).toContain(quote);
  });
  it('does not guess a date from a byline timestamp', () => {
    const r = cleanDocument(`Nov. 18, 2019 12:02 PM\nBy Jane Doe\n\nA headline here\n${PROSE}\n${PROSE}`, null);
    expect(r.date).toBeNull();
    expect(r.title).toBe('A headline here');
  });
  it('takes a name alone under the headline for the byline, not the title, when a publication line follows', () => {
    const page = (lines: string[]) => cleanDocument(`${lines.join('\n')}\n${PROSE}\n${PROSE}`, null);
    expect(page(['Budget approved after months of debate', 'Anna Cole', 'Published May 12, 2024']).title).toBe('Budget approved after months of debate');
    // A short headline (with a stopword) under a sentence stays the title; so does one in lower case under a tagline.
    expect(page(['This image will be blocked after several reports.', 'The Impeachment Clock', 'Published May 12, 2024']).title).toBe('The Impeachment Clock');
    expect(page(['Latest business news and analysis from the region', 'Tesla shares plunge', 'Published May 12, 2024']).title).toBe('Tesla shares plunge');
    // Where the language has no stoplist (Turkish), the capitals alone tell the name.
    const tr = 'Merkez Bankası bugün yaptığı açıklamada politika faizini yüzde kırk altı seviyesinde sabit tuttuğunu duyurdu ve piyasalar kararı olumlu karşıladı.';
    const turkish = cleanDocument(['Merkez Bankası faizi yine sabit tuttu', 'Ayşe Demir', 'Yayınlanma: 12.05.2025 - 14:35', tr, tr].join('\n'), null);
    expect(turkish.title).toBe('Merkez Bankası faizi yine sabit tuttu');
    // In a script without capitals, the short line's place says it: a name and a place under the headline.
    const hi = 'केंद्र सरकार ने सोमवार को लोकसभा में डेटा संरक्षण कानून में संशोधन के लिए एक नया विधेयक पेश किया, जिसका विपक्षी दलों ने विरोध किया।';
    const hindi = cleanDocument(['लोकसभा में नया डेटा संरक्षण संशोधन विधेयक पेश', 'राहुल शर्मा, नई दिल्ली', 'प्रकाशित: 12 मई 2025, 10:30 AM IST', hi, hi].join('\n'), null);
    expect(hindi).toMatchObject({ title: 'लोकसभा में नया डेटा संरक्षण संशोधन विधेयक पेश', date: '2025-05-12' });
  });
  it('keeps the title and date of full copies when a teaser of the article is in the run too', () => {
    const s = [
      'The regional council said on Tuesday that the new bridge over the river would be delayed until next spring.',
      'Engineers found cracks in two of the supporting pillars during a routine inspection in February.',
      'The mayor told reporters that the repairs had cost far more than planned and that residents were losing patience.',
      'A spokesman for the transport ministry said the national government would pay for most of the work.',
      'Local shop owners complained that the detour had cut the number of customers by almost a third.',
      'The opposition asked for an independent review of the contract signed with the construction company.',
      'Commuters now spend up to forty minutes more each day driving around the closed section of the road.',
      'The council expects to publish a new timetable for the project at its next meeting in April.',
    ];
    const paras = s.map((_, i) => `${[0, 1, 2].map((k) => s[(i + k) % 8]).join(' ')} Officials repeated the point in meeting number ${i + 1}.`);
    const page = (site: string, menu: string, body: string[]) => `${site}\n${menu}\n\nBridge repairs delayed until spring\n\nPublished 12 March 2024 by Staff reporter\n\n${body.join('\n\n')}\n`;
    const docs = [
      page('The Daily Courier', 'Home | World | Politics | Business | Sport', paras),
      page('Morning Herald', 'Menu • News • Opinion • Sport • Weather', paras),
      page('The Daily Courier', 'Home | World | Politics | Business | Sport', paras.slice(0, 3)),
    ];
    const stats = createCorpusStats();
    for (const d of docs) addToCorpusStats(stats, d);
    for (const d of docs) expect(cleanDocument(d, stats)).toMatchObject({ title: 'Bridge repairs delayed until spring', date: '2024-03-12' });
  });
  it('looks past a date line of digits alone between the headline and the article', () => {
    for (const date of ['2024-05-12', '12.05.2024', '12 May 2024']) {
      expect(cleanDocument(`Budget approved after months of debate\n${date}\n${PROSE}\n${PROSE}`, null).title).toBe('Budget approved after months of debate');
    }
  });
  it('never takes a menu line for the title, and takes the heading below it', () => {
    for (const menu of ['Home | News | Sport | Contact', 'News • Sport • Weather • Culture', 'Accueil · Monde · Sport']) {
      const r = cleanDocument(`${menu}\nBudget approved after months of debate\n${PROSE}\n${PROSE}`, null);
      expect(r.title).toBe('Budget approved after months of debate');
      expect(r.site).toBeNull();
    }
    expect(isMenuLine('Budget approved after months of debate | Politics | The Daily')).toBe(false);
    expect(isMenuLine('Royal Arrogance | New York Post')).toBe(false);
  });
  it('looks past a share bar, a credits line and a date between the headline and the article', () => {
    const header = ['Budget approved after months of debate', '12 May 2024', 'Writer: Ann Lee | Editor: Tom Ray', 'Share   Facebook   WhatsApp   X   Copy link'];
    expect(cleanDocument(`${header.join('\n')}\n${PROSE}\n${PROSE}`, null).title).toBe('Budget approved after months of debate');
    // A bar of the site's sections is a menu, and ends the header: a line above it is the title only when it is
    // written in the lede's words (budget, debate), not when it is the site's tagline.
    const menu = 'Politics   Business   Sport   Culture';
    expect(cleanDocument(`News from the valley since 1921\n${menu}\n${PROSE}\n${PROSE}`, null).title).toBeNull();
    expect(cleanDocument(`Budget approved after months of debate\n${menu}\n${PROSE}\n${PROSE}`, null).title).toBe('Budget approved after months of debate');
    expect(isCreditsLine('Writer: Ann Lee | Editor: Tom Ray')).toBe(true);
    expect(isCreditsLine('Penulis: Dian Pratiwi | Editor: Agus Santoso')).toBe(true);
    expect(isCreditsLine('Analysis: why the budget passed | The Daily')).toBe(false);
    expect(isShareLine('Share   Facebook   WhatsApp   X   Copy link')).toBe(true);
    expect(isShareLine('Поделиться:   ВКонтакте   Одноклассники   Telegram')).toBe(true);
    expect(isShareLine('Compartilhe: WhatsApp  Facebook  Twitter  E-mail')).toBe(true);
    expect(isShareLine('Partager sur Facebook   Partager sur X   Envoyer par e-mail   Copier le lien')).toBe(true);
    expect(isShareLine('Condividi: Facebook | X | WhatsApp | Email')).toBe(true);
    expect(isShareLine('Share: Facebook Twitter Email')).toBe(true);
    expect(isShareLine('Delen Facebook WhatsApp Mail')).toBe(true);
    expect(isShareLine('Del artikkelen: Facebook X E-post')).toBe(true);
    expect(isShareLine('اشتراک‌گذاری: تلگرام  واتساپ  ایکس  کپی لینک')).toBe(true);
    expect(isShareLine('Follow us   Facebook   News   Sport   Culture')).toBe(false);
    expect(isShareLine('Facebook, WhatsApp and Telegram went down for hours on Monday')).toBe(false);
    expect(isShareLine('WhatsApp, Telegram and Viber down')).toBe(false);
    expect(isShareLine('Facebook, Twitter, LinkedIn face EU fines')).toBe(false);
    expect(isShareLine('Facebook Twitter WhatsApp Copier le lien')).toBe(true);
    // A dump drops the spaces between CJK words: the services' names run together, and are read out of the run.
    expect(isShareLine('字号：大中小　分享到：微信微博 QQ空间')).toBe(true);
    expect(isShareLine('list ブックマークメール印刷 Xポストはてなブックマーク LINE')).toBe(true);
    // A headline naming them has its commas, or words around them, or no bar's label and fewer than four of them
    // (a helper's review: these headlines were read as bars); a word holding a name is no name.
    expect(isShareLine('微信、微博和QQ同时出现故障，用户无法登录')).toBe(false);
    expect(isShareLine('微信QQ微博同时崩了 网友：我以为是手机坏了')).toBe(false);
    expect(isShareLine('LINEやXで偽メール拡散')).toBe(false);
    expect(isShareLine('카카오톡·네이버·페이스북 동시 접속 장애')).toBe(false);
    expect(isShareLine('Why Mastodon and Bluesky beat X and Threads')).toBe(false);
    expect(isShareLine('LINEとメールで詐欺被害、警察が注意呼びかけ')).toBe(false);
    expect(isShareLine('メールマガジン登録 LINE公式アカウント')).toBe(false);
    expect(isShareLine('Xylophone Linework Facebookers')).toBe(false);
    // One button a line has the shape of a short headline ending in a platform: only a run of them is a share bar.
    expect(isShareButton('Share via email')).toBe(true);
    expect(isShareButton('Compartir en X')).toBe(true);
    expect(isShareLine('Share via email')).toBe(false);
    const buttons = ['Share on Facebook', 'Share on X', 'Share via email'];
    expect(cleanDocument(['Budget approved after months of debate', 'By Ann Lee', ...buttons, PROSE, PROSE].join('\n'), null).title).toBe('Budget approved after months of debate');
    expect(cleanDocument(['The Courier', 'Home  News  Sport  Culture  Weather', 'Musk buys Twitter', 'By Anna Cole', PROSE, PROSE].join('\n'), null).title).toBe('Musk buys Twitter');
  });
  it('finds a Korean headline by the stems it shares with the lede, two syllables each, over a short subtitle quoted in it', () => {
    const page = [
      '서울시-구청 예산 갈등, 시민이 관심을 가져야 하는 이유',
      '서울시의 횡포인가, 구청의 엄살인가',
      '',
      '[칼럼] 서울시의 횡포인가, 구청의 엄살인가. 시작은 서울시의 일방적인 예산 삭감 발표였다. 구청들은 곧바로 반발했고, 갈등은 한 달째 이어지고 있다.',
      '',
      '예산 갈등이 길어지면서 피해는 시민들에게 돌아가고 있다. 구청이 운영하는 복지 사업 가운데 일부는 이미 중단됐고, 시민들의 관심이 필요한 이유도 여기에 있다.',
      '',
      '서울시는 재정 건전성을 이유로 들지만, 구청들은 충분한 협의가 없었다고 주장한다. 양측의 갈등이 어떻게 마무리될지 주목된다.',
    ].join('\n');
    expect(cleanDocument(page, null).title).toBe('서울시-구청 예산 갈등, 시민이 관심을 가져야 하는 이유');
  });
  it('takes the headline under a masthead when a byline, date and share line stand between it and the article', () => {
    const header = ['Daily Planet', 'Budget approved after months of debate', 'By Ann Lee', '12 May 2024', 'Share: Facebook Twitter Email'];
    expect(cleanDocument(`${header.join('\n')}\n${PROSE}\n${PROSE}`, null).title).toBe('Budget approved after months of debate');
  });
  it('takes the headline above a byline\'s name and outlet or role, and a two-space menu is no headline', () => {
    const lines = ['Council approves road repair plan after heated debate', 'Megan Turner', 'Riverton Ledger', 'Published 6:04 a.m. CT March 11, 2025 | Updated 9:15 a.m. CT March 11, 2025'];
    expect(cleanDocument(`${lines.join('\n')}\n${PROSE}\n${PROSE}`, null)).toMatchObject({ title: lines[0], date: '2025-03-11' });
    expect(isMenuLine('Uutiset  Kotimaa  Oulu  Urheilu  Talous')).toBe(true);
    // Clauses of a headline set apart by two spaces are no menu; a short headline under the masthead stays the title.
    expect(isMenuLine('国务院  发布新规  加强平台监管')).toBe(false);
    expect(cleanDocument(['Riverton Ledger', 'Starmer Visits Kyiv', 'Published March 3, 2025', PROSE, PROSE].join('\n'), null).title).toBe('Starmer Visits Kyiv');
  });
  it('takes the headline over a section label or a name in capitals under it', () => {
    expect(cleanDocument(`POLITICS\nBudget approved after months of debate\nJAVIER MORENO\n12 May 2024\n${PROSE}\n${PROSE}`, null).title).toBe('Budget approved after months of debate');
  });
  it('reads past a byline and a standfirst above the publication line to the headline', () => {
    const lines = ['Regeringen vill skärpa reglerna för friskolor', 'Vinstuttag ska bara tillåtas om skolan når upp till kvalitetskraven. Förslaget möter kritik.', 'Av Erik Lindqvist', 'Publicerad 4 mars 2025 kl. 11.05'];
    const r = cleanDocument(`${lines.join('\n')}\n${PROSE}\n${PROSE}`, null);
    expect(r).toMatchObject({ title: 'Regeringen vill skärpa reglerna för friskolor', date: '2025-03-04' });
  });
  it('looks past a standfirst and a long byline, and takes a two-sentence headline when nothing stands above it', () => {
    const standfirst = 'Poslanci ve středu po dlouhé debatě podpořili vládní návrh. Rodiče malých dětí si od července polepší.';
    const lines = ['Sněmovna schválila zvýšení rodičovského příspěvku', standfirst, 'Por Rafael Nogueira, Folha do Vale — São José dos Campos', 'Share   Facebook   X   Email'];
    expect(cleanDocument(`${lines.join('\n')}\n${PROSE}\n${PROSE}`, null).title).toBe('Sněmovna schválila zvýšení rodičovského příspěvku');
    const twoSentences = 'Home Depot stock is falling after its earnings release. Why you should not worry.';
    expect(cleanDocument(`${twoSentences}\nShare   Facebook   X   Email\n${PROSE}\n${PROSE}`, null).title).toBe(twoSentences);
  });
  it('looks past a share run a service name a line, with its label, and a standfirst under a weak heading, to the headline', () => {
    // A share bar a line a button, each the service's name, under its label and over "copy link", then the standfirst.
    const forint = 'Újabb mélypontra gyengült a forint, 410 fölé ment az euró';
    const standfirst = 'A magyar deviza a nap folyamán minden jelentős devizával szemben veszített értékéből. Az elemzők szerint a hangulat rossz.';
    const hu = [forint, 'Kovács Péter', '2025. március 11. 18:04', 'Megosztás', 'Facebook', 'X', 'E-mail', 'Link másolása', standfirst];
    expect(cleanDocument([...hu, PROSE, PROSE].join('\n'), null).title).toBe(forint);
    // The bar's "copy link" under its buttons is no title, whatever stands above the bar.
    const sr = ['Komentari: 41', 'Podeli:', 'Facebook', 'X', 'Viber', 'WhatsApp', 'Kopiraj link'];
    expect(cleanDocument([...sr, PROSE, PROSE].join('\n'), null).title).not.toBe('Kopiraj link');
    // A standfirst under a weak heading ("Copiar link" after the buttons) is still looked past once.
    const subte = 'Suben el subte y los colectivos en el AMBA desde el 1 de abril';
    const lede = 'El boleto mínimo de colectivo pasará a costar $371 y el del subte, $1.100. Las tarifas se ajustarán todos los meses.';
    const es = [subte, lede, '11 de marzo de 2025 - 18:04', 'Compartir en Facebook', 'Compartir en WhatsApp', 'Compartir en X', 'Copiar link'];
    const prosa = ['Viajar en transporte público en el Área Metropolitana de Buenos Aires volverá a ser más caro a partir del mes próximo, según lo publicado este martes.', 'Las asociaciones de usuarios anticiparon que presentarán un amparo para frenar el aumento de las tarifas en la justicia.'];
    expect(cleanDocument([...es, ...prosa].join('\n'), null).title).toBe(subte);
  });
  it('takes the headline over the deck above a publication line, and no deck that is a two-sentence headline or a paragraph', () => {
    const headline = 'Train drivers on Northern routes to strike over Easter weekend';
    const deck = 'Aslef says the walkout will go ahead after talks over rest-day working broke down, with passengers warned of severe disruption.';
    expect(cleanDocument([headline, deck, 'Published 7 March 2025', PROSE, PROSE].join('\n'), null)).toMatchObject({ title: headline, date: '2025-03-07' });
    // A headline of two short sentences under a teaser's line is the title: it is not half as long again.
    const twoSentences = 'South Dakota doubles down on its drug campaign. They just might be right.';
    const teaser = 'Senators drag police chief to court over raid on homes';
    expect(cleanDocument(['Opinions', teaser, '', twoSentences, 'Published in The Paradigm on 27 March 2024', PROSE, PROSE].join('\n'), null).title).toBe(twoSentences);
    // A publication line under the article's text: the paragraph above it is no deck, the share button above that no headline.
    const page = [headline, PROSE, 'Click to share on Twitter (Opens in new window)', `${PROSE} It was the third such vote this year and the last before the summer recess.`, 'Published in The Courier on 21 November 2019'];
    expect(cleanDocument(page.join('\n'), null).title).not.toBe('Click to share on Twitter (Opens in new window)');
  });
  it('takes a caption of several sentences closed by its credit for a caption, however long, and no paragraph', () => {
    const long = 'St Ives harbour in October. Nearly a third of homes in the town are second homes or holiday lets, and the council says the share has doubled in ten years. Photograph: Jim Wileman/The Meridian';
    expect(closesWithCredit(long)).toBe(true);
    expect(closesWithCredit('Researchers said the flaw could be exploited through a malicious dependency. Image: ByteWire')).toBe(true);
    expect(cleanDocument([PROSE, long, PROSE.replace('council', 'board'), PROSE.replace('council', 'court')].join('\n\n'), null).text).not.toContain('Photograph:');
    // a credit with a sentence after it, a lower-case "image:" and a photo word mid-paragraph are no closing credit
    expect(closesWithCredit('The harbour is full. Photograph: Jim Wileman. The council met on Tuesday.')).toBe(false);
    expect(closesWithCredit('The study was clear. Image: a man walking past the harbour wall')).toBe(false);
    expect(closesWithCredit('The photo: it showed the harbour at night, the council said on Tuesday.')).toBe(false);
  });
  it('takes the credits of Bulgarian, Croatian, Lithuanian, Filipino, BBC and Iberian captions for captions', () => {
    for (const caption of [
      'Пресъхнала царевица край Добрич. Снимка: Иван Иванов',
      'Снимка: Архив',
      'Novi autobusi na probnoj vožnji u Ilici / Foto: Ivan Horvat / PIXSELL',
      'Naujoji gatvė Kaune. / Kauno dienos nuotr.',
      'Mga mamimili sa palengke sa Maynila. (Kuha ni Ana Cruz)',
      'Bayanan hoto, Manoma a gona a Kano',
      'Chanzo cha picha, Getty Images',
    ]) expect(isCaptionText(caption), caption).toBe(true);
    // A photographer's name in capitals closes a caption, looked past above the article; it is never taken out of a
    // body, and a phrase in capitals (a label run into a paragraph, a tabloid headline's tail) is none.
    for (const caption of ['El estadio durante el partido. PACO PUENTES', 'A reunião decorreu em Lisboa. JOÃO A. SILVA/LUSA']) {
      expect(endsWithPhotographer(caption), caption).toBe(true);
      expect(isCaptionText(caption), caption).toBe(false);
    }
    for (const line of ['Policija traga za muškarcem posle tri dana. OGLASILA SE POLICIJA', 'Hajduk slavio na Poljudu. EVO ŠTO JE REKAO CANNAVARO', 'Rondo had eight points. UP NEXT'])
      expect(endsWithPhotographer(line), line).toBe(false);
    // A paragraph with a label run into its end, a one-word wire credit, a headline in capitals, a sentence saying "kuha".
    for (const line of ['Chris Paul had four points and five rebounds for the Thunder, and he did not appear to clash with his old opponent from last season. Rondo had eight points and a season-high 10 assists. UP NEXT',
      'Police confirmed the arrest. AP', 'NATO SUMMIT OPENS IN VILNIUS', 'Kuha ng larawan ang mga bata sa parke', 'Brexit: what happens next'])
      expect(isCaptionText(line), line).toBe(false);
  });
  it("reads the date of a news agency's dateline opening the lede where no line states one, the dateline kept in the paragraph", () => {
    const page = (lede: string) => ['Inicio | Noticias | Estado', 'Cooperativa de mezcaleros inaugura planta en la sierra', lede,
      'La planta procesará el agave de más de cuarenta productores de la región, que hasta ahora vendían su cosecha a intermediarios a precios muy bajos.'].join('\n\n');
    const lede = 'Chilpancingo, Gro., 27 de mayo de 2025.- Una cooperativa de productores de mezcal inauguró este lunes una planta nueva en la sierra, con apoyo del gobierno estatal.';
    const result = cleanDocument(page(lede), null);
    expect(result.date).toBe('2025-05-27');
    expect(result.text).toContain('Chilpancingo, Gro., 27 de mayo de 2025.- Una cooperativa');
    expect(cleanDocument(page('Ciudad de México, 2 de junio de 2024 – Millones de mexicanos acudieron a las urnas este domingo para elegir a la primera presidenta del país.'), null).date).toBe('2024-06-02');
    // A life's dates in brackets, a sentence running on after the dash, a sentence opening with a date are no datelines.
    for (const lede of ['John Smith (March 4, 1941 – April 2, 2025) murió en paz en su casa rodeado de su familia, dijo su hija en un comunicado.',
      'Kyiv, 24 February 2022 – aquella mañana las sirenas sonaron en toda la ciudad antes del amanecer y nadie sabía qué pasaría.',
      'Last year, on 3 May 2024 – just weeks before the vote, the party had promised a new housing law for the region.'])
      expect(cleanDocument(page(lede), null).date, lede).toBeNull();
    // A sentence naming a place and a date is no dateline; nor is a date without its year.
    expect(cleanDocument(page('En Chilpancingo, el 27 de mayo de 2025, una cooperativa de productores de mezcal inauguró una planta nueva en la sierra, con apoyo del gobierno.'), null).date).toBeNull();
    expect(cleanDocument(page('Chilpancingo, 27 de mayo (EFE).- Una cooperativa de productores de mezcal inauguró este lunes una planta nueva en la sierra, con apoyo del gobierno estatal.'), null).date).toBeNull();
  });
  it('takes a credit after a sentence closed by a danda (।) for a caption, in Indian scripts’ word for photo', () => {
    for (const caption of ['ବରଗଡ଼ର ଏକ ମଣ୍ଡିରେ ଧାନ ବସ୍ତା। ଫଟୋ: ସଂଜୟ ପଟେଲ', 'मंडी में धान की बोरियां। फोटो: संजय पटेल', 'হাটে ধানের বস্তা। ছবি: সঞ্জয় পাল'])
      expect(isCaptionText(caption), caption).toBe(true);
    expect(isCaptionText('सरकार ने आज नई योजना की घोषणा की। मंत्री ने कहा कि इससे किसानों को लाभ होगा।')).toBe(false);
  });
  it('takes a Thai or Lao credit after a sentence that ends with a space alone for a caption', () => {
    for (const caption of ['ປະຊາຊົນມາຮ່ວມງານບຸນທີ່ຖະໜົນລ້ານຊ້າງ ພາບ: ບຸນມີ ສີລາ', 'ผู้คนร่วมงานประเพณีที่ถนนราชดำเนิน ภาพ: สมชาย ใจดี'])
      expect(isCaptionText(caption), caption).toBe(true);
    // The word for picture inside a sentence, with no colon after it, is no credit.
    expect(isCaptionText('ນັກທ່ອງທ່ຽວ ມັກຖ່າຍພາບ ຢູ່ປະຕູໄຊ ໃນຕອນແລງ')).toBe(false);
  });
  it('takes Korean captions (… /사진=credit) and Malagasy credits for captions, not a list item opened by ▲', () => {
    for (const caption of ['▲ 새 전동차가 시험 운행을 하고 있다. /사진=부산교통공사', '시장 상인들이 물건을 정리하고 있다. /사진=동백뉴스 DB', 'Tantsaha eo amin’ny saha. Sary: Lalao Razafy'])
      expect(isCaptionText(caption), caption).toBe(true);
    for (const line of ['서울시는 10일 새 정책을 발표했다.', '▲ 기획조정실장 김철수', '▲ 새 전동차가 시험 운행을 하고 있다.']) expect(isCaptionText(line), line).toBe(false);
  });
  it('reads a header printed as a list (lynx): a bulleted byline and publication line are looked past to the headline', () => {
    const page = [
      '[1]홈 > [2]사회',
      '부산 지하철 새 전동차 투입',
      '     * 김민수 기자',
      '     * 입력 2025.03.14 10:21',
      '부산교통공사는 도시철도 1호선에서 30년 넘게 운행해 온 노후 전동차의 교체 작업을 이달 말 모두 마무리한다고 14일 밝혔다. 공사는 새 차량이 소음을 크게 줄일 것이라고 설명했다.',
      '새 전동차는 객실 의자를 줄이는 대신 입석 공간을 넓혀 출퇴근 시간대 혼잡을 줄이도록 설계됐다. 칸마다 휠체어와 유모차를 위한 전용 공간이 마련됐다.',
    ].join('\n\n');
    const result = cleanDocument(page, null);
    expect(result).toMatchObject({ title: '부산 지하철 새 전동차 투입', date: '2025-03-14' });
    expect(result.noise.find((n) => n.text.includes('김민수'))?.reason).toBe('byline');
    // A list item opening with a cue word is a byline only when a name alone follows it.
    const f = (text: string) => features(text, null);
    for (const item of ['* Von Januar bis März gesperrt', '* From Monday, free parking in the centre', '• De Lisboa ao Porto em três horas', '* Por Internet, en la web del museo'])
      expect(isByline(item, f(item)), item).toBe(false);
    for (const item of ['* By Ann Lee', '• Von Tim Scholz']) expect(isByline(item, f(item)), item).toBe(true);
  });
  it("reads pandoc markdown: a fenced div's lines are markup, a heading's attributes are no words of it", () => {
    const page = [
      '::: {#main role="main"}',
      '# Nýggj ferja til Suðuroyar {#headline .headline}',
      ':::',
      '::: article-body',
      'Landsstýrið hevur í dag undirskrivað ein sáttmála um keyp av eini nýggjari ferju, sum skal sigla millum Tórshavn og Suðuroy frá næsta sumri.',
      'Ferjan kann taka 600 ferðafólk og 200 bilar, og hon verður munandi skjótari enn gamla ferjan, sum hevur siglt á leiðini í meira enn tjúgu ár.',
      ':::',
    ].join('\n\n');
    const result = cleanDocument(page, null);
    expect(result.title).toBe('Nýggj ferja til Suðuroyar');
    // (a closing ::: has no letters: symbols)
    expect(result.noise.filter((n) => n.text.startsWith(':::')).map((n) => n.reason)).toEqual(['markup', 'symbols', 'markup', 'symbols']);
    expect(result.text).not.toContain(':::');
  });
  it("takes Japanese captions closing with when and where (＝13日、市役所 or （3月、市内）) for captions, not a dateline", () => {
    for (const caption of ['新しく導入された電気バス＝10日、市役所前', '田植えをする児童たち＝共同', '花見客でにぎわう公園（4月、市内）'])
      expect(isCaptionText(caption), caption).toBe(true);
    expect(isCaptionText('古民家を改装したカフェの前に立つ佐藤さん夫妻＝木曽町')).toBe(true);
    // The description before the sign is eight characters at least, none of them another ＝.
    expect(isCaptionText('立つ佐藤さん夫妻＝木曽町')).toBe(true);
    expect(isCaptionText('つ佐藤さん夫妻＝木曽町')).toBe(false);
    expect(isCaptionText('立つ佐藤さ＝ん夫妻＝木曽町')).toBe(false);
    // A headline's ＝ (Jiji, Kyodo) is followed by more news, and an event's facts stand under a label of a word.
    for (const line of ['【ロンドン＝共同】英政府は10日、新たな方針を発表した。', '市長「財源＝税収の確保が課題だ」と語った。', '新市長、就任会見で抱負　子育て支援を最優先に',
      '米大統領、中国に追加関税＝来月から発動へ', '日時＝4月20日午後1時から', '会場＝市民会館', '入場料＝無料'])
      expect(isCaptionText(line), line).toBe(false);
  });
  it('takes captions closing with a credit in any language for captions, and no sentence quoting someone', () => {
    for (const caption of [
      'Wakazi wa Mukuru kwa Njenga wakiokoa mali zao baada ya nyumba zao kusombwa na maji. Picha: Mwangaza Leo',
      'لاہور میں اسموگ کے باعث حد نگاہ کم ہونے سے ٹریفک کو مشکلات کا سامنا — فوٹو: آواز',
      'Ortopedické oddelenia na východe Slovenska čelia nedostatku anestéziológov. Ilustračné foto: Denník Tatry',
      'Spillerne fra Djurs HK kunne fejre oprykningen foran 1.100 tilskuere. _Foto: Lars Bo Nielsen_',
      'Msanii Jabari Kinoo akitumbuiza katika tamasha la awali. Picha: Instagram/Jabari Kinoo',
      'Gambar hiasan. FOTO Arkib',
    ]) expect(isCaptionText(caption), caption).toBe(true);
    // Headlines and sentences with a label and a colon, and "FOTO" opening a tabloid's headline, are none.
    for (const line of ['The minister spoke to reporters. He said: never again will this happen', 'Keputusan SPM: 11,713 calon peroleh semua A', 'Photo Finish Decides Derby', 'Final score. Result: Arsenal 2 Chelsea 1', 'Nigeria: Flood Kills Twelve',
      'بعد لقاء القاهرة.. وزير الخارجية: مصر لن تقبل بتهجير الفلسطينيين', 'Ukraine War – Zelensky: We Will Not Give Up', 'FOTO ŠOK U ZAGREBU', 'UŽAS U ZAGREBU – POLICIJA: NAPADAČ UHIĆEN',
      'The report was published on Monday. Source: Statistics Canada', 'Die Gespräche dauerten bis tief in die Nacht. Das Ergebnis: Stillstand.', "Men's 100m – Gold: Noah Lyles", 'The film opens nationwide this week. Director: Greta Gerwig'])
      expect(isCaptionText(line), line).toBe(false);
    // Between the headline and the article, such a caption is looked past.
    const headline = 'Mafuriko Nairobi: Familia 300 Zakosa Makao Baada ya Mto Ngong Kuvunja Kingo Zake';
    const maneno = ['Zaidi ya familia 300 katika mitaa ya Mukuru kwa Njenga na Kibera jijini Nairobi hazina makao baada ya Mto Ngong kuvunja kingo zake usiku wa kuamkia Jumatano.', 'Mvua kubwa iliyonyesha kwa zaidi ya saa sita ilisababisha maji kuingia kwenye nyumba, huku baadhi ya wakazi wakilazimika kupanda juu ya paa kujiokoa.'];
    const page = [headline, 'Wakazi wa Mukuru kwa Njenga wakiokoa mali zao baada ya nyumba zao kusombwa na maji. Picha: Mwangaza Leo', ...maneno];
    expect(cleanDocument(page.join('\n'), null).title).toBe(headline);
    // And so is a line ending in a year and a time of day, a publication line in words the cleaner does not know; a
    // headline with a time and a year in it is not one.
    const stamped = [headline, 'Imechapishwa: Jumatano, Aprili 23, 2025 saa 11:40 asubuhi', 'Shiriki: Facebook | X | WhatsApp | Telegram', ...maneno];
    expect(cleanDocument(stamped.join('\n'), null).title).toBe(headline);
    for (const timed of ['Polls close at 8:00 in 2024 election', 'Euro 2024: Germany face Scotland at 21:00 in opener', 'Petrol prices hit £1.55 a litre, highest since 2022'])
      expect(cleanDocument(['THE DAILY COURIER', timed, 'By Mark Evans', PROSE, PROSE].join('\n'), null).title).toBe(timed);
  });
  it('reads markdown headings without their marks, and an address under the byline as the byline\'s', () => {
    const r = cleanDocument(['# Budget approved after months of debate', PROSE, '## Libraries first', PROSE.replace('council', 'board')].join('\n\n'), null);
    expect(r.title).toBe('Budget approved after months of debate');
    expect(r.text).toContain('\n\nLibraries first\n\n');
    expect(r.text).not.toContain('#');
    for (const address of ['[ann.lee@daily.example](mailto:ann.lee@daily.example)', 'ann.lee@daily.example']) {
      const lines = ['Council approves road repair plan after heated debate', 'By Ann Lee', address, 'Published 6:04 a.m. CT March 11, 2025', PROSE, PROSE];
      expect(cleanDocument(lines.join('\n'), null)).toMatchObject({ title: lines[0], date: '2025-03-11' });
    }
  });
  it('takes a byline for one even when the run counts it as template (an author of two pages)', () => {
    const page = (k: number) => [`Headline number ${NAMES_EN[k]} about the harbour works`, 'de Ioana Marinescu', 'Publicat: luni, 1 iulie 2024, 17:20', `${PROSE} ${NAMES_EN[k]}.`, PROSE].join('\n');
    const stats = createCorpusStats();
    for (const k of [0, 1]) addToCorpusStats(stats, page(k));
    expect(cleanDocument(page(0), stats)).toMatchObject({ title: `Headline number ${NAMES_EN[0]} about the harbour works`, date: '2024-07-01' });
  });
  it('goes on past a "Read also" link inside the article to its last near-good paragraphs', () => {
    const after = ['Once running, the new line should carry about a quarter of a million passengers a day.', 'The project was approved in 2019 and has been delayed by land purchases and the pandemic.'];
    const r = cleanDocument([PROSE, PROSE.replace('council', 'board'), 'Also Read | Weather office issues a yellow alert as the temperature rises', ...after, 'Tags: Metro, Transport'].join('\n'), null);
    for (const p of after) expect(r.text).toContain(p);
    expect(r.text).not.toContain('Also Read');
    expect(r.text).not.toContain('Tags:');
  });
  it('keeps no teaser after a closing "Read more" link', () => {
    const r = cleanDocument([PROSE, PROSE.replace('council', 'board'), 'Read more: Library to close at the end of the year', 'It is the last of the town\'s libraries and the council says it cannot afford to keep it open…'].join('\n'), null);
    expect(r.text).not.toContain('last of the town');
  });
  it("looks past a dump's bar of numbered links (tags, share links) between the headline and the article", () => {
    const page = ['[1]Home [2]News [3]Sport [4]Business [5]Culture', 'Budget approved after months of debate', '[21]Budget [22]Council [23]Taxes [24]Schools', PROSE, PROSE.replace('council', 'board')].join('\n\n');
    const r = cleanDocument(page, null);
    expect(r.title).toBe('Budget approved after months of debate');
    expect(r.text).not.toContain('[2]News');
  });
  it('takes a name and the place it was filed from, with no cue, under an unclosed standfirst for the byline', () => {
    const page = ['Home > Society', 'The last second-hand bookshop on Booksellers Row', 'Tom Hale, 78, still opens every morning the shutter of a shop his grandfather founded in 1931', 'Alvaro Sanz | Salamanca', 'Published: 02/03/2025 09:30', PROSE, PROSE.replace('council', 'board')].join('\n\n');
    const r = cleanDocument(page, null);
    expect(r.title).toBe('The last second-hand bookshop on Booksellers Row');
    expect(r.date).toBe('2025-03-02');
  });
  it('looks past a tag list between the byline and the article', () => {
    expect(cleanDocument(['Budget approved after months of debate', 'By Ann Lee', 'Tags: NHS, A&E, Health', PROSE, PROSE].join('\n'), null).title).toBe('Budget approved after months of debate');
  });
  it('looks past an ad slot\'s label inside the article', () => {
    const after = ['The club said the new stand would open in time for the first home game of the season.', 'Tickets for the stand go on sale to members next week and to the public in July.'];
    for (const label of ['Advertisement', 'Anzeige', '広告', 'AD']) {
      const r = cleanDocument([PROSE, PROSE.replace('council', 'board'), label, ...after, '© 2025 The Courier'].join('\n'), null);
      for (const p of after) expect(r.text, label).toContain(p);
      expect(r.text).not.toContain(label);
    }
  });
  it("leaves a shop's prices and buttons out of the article, which goes on past them", () => {
    const after = ['The club said the new stand would open in time for the first home game of the season.', 'Tickets for the stand go on sale to members next week and to the public in July.'];
    for (const links of [['$89 at Crate & Barrel'], ['£15 at John Lewis', 'Buy now'], ['29,99 € bei Otto', 'Zum Angebot']]) {
      const r = cleanDocument([PROSE, PROSE.replace('council', 'board'), ...links, ...after, '© 2025 The Courier'].join('\n'), null);
      for (const p of after) expect(r.text, links[0]).toContain(p);
      for (const link of links) expect(r.text).not.toContain(link);
      for (const link of links) expect(r.noise.find((n) => n.text === link)?.reason).toBe('shop-link');
    }
  });
  it("keeps a listicle's numbered headings and their short paragraphs past each product's price and button", () => {
    const products = [
      ['1. Stoneware pasta bowls, set of four', 'Deep enough for soup and heavy enough not to slide around on the table.', '£32 at Habitat'],
      ['2. A cast-iron griddle pan', 'It takes a while to heat up, but it gives steaks the same marks as a restaurant grill.', '£45 at Argos'],
      ['3. Olive-wood salad servers', 'Each pair is carved from a single piece of wood, so no two sets are alike.', '£18 at Etsy'],
      ['4. An enamel casserole dish', 'Goes from the hob to the oven to the table, and is easy to clean afterwards.', '£60 at Lakeland'],
    ];
    const page = ['Home | Kitchen | Gifts', 'Four kitchen gifts for people who love to cook', 'By Sam Ortiz',
      'Every pick here has been used for at least a month in our test kitchen, and all of them were still in use when we finished writing this guide.',
      ...products.flatMap((p) => [...p, 'Buy now']), 'Most read', '1. Ferry timetable cut for the winter', '2. Lifeboat crew called out twice', '© 2025 The Kitchen Courier'].join('\n\n');
    const r = cleanDocument(page, null);
    for (const [heading, paragraph, price] of products) {
      expect(r.text).toContain(heading);
      expect(r.text).toContain(paragraph);
      expect(r.text).not.toContain(price);
    }
    expect(r.text).not.toContain('Buy now');
    // A box's numbered headlines, one under another, are no listicle's headings.
    expect(r.text).not.toContain('Ferry timetable');
  });
  it('looks past a "Read also" link a site sets in every article of the run (the day\'s promoted story)', () => {
    // Each page: its own article, with the ad label and the same link between its paragraphs, as a template would.
    const sites = ['alder', 'birch', 'cedar', 'hazel'];
    const closing = (k: number) => [`The works on the ${sites[k]} site are due to finish in the spring, and the road next to it will be closed for most of that time.`, `A public meeting about the ${sites[k]} plans is planned for next month, when residents will be able to ask the council about the works.`];
    const page = (k: number) => ['Home | News | Sport', `Plans for the ${sites[k]} site approved`, `${PROSE} ${sites[k]}.`, 'Advertisement', 'Read also: Library to close at the end of the year', ...closing(k), '© 2025 The Courier'].join('\n\n');
    const stats = createCorpusStats();
    for (const k of [0, 1, 2, 3]) addToCorpusStats(stats, page(k));
    const r = cleanDocument(page(1), stats);
    for (const p of closing(1)) expect(r.text).toContain(p);
    expect(r.text).not.toContain('Read also');
    expect(r.noise.find((n) => n.text.startsWith('Read also'))?.reason).toBe('related-link');
  });
  it('ends the article at a "Read also" link the run repeats over a list of headlines and their summaries (a sidebar)', () => {
    // The day's promoted link heads each page's sidebar of teasers, whose one-sentence summaries differ page by page.
    const sites = ['alder', 'birch', 'cedar', 'hazel'];
    const teasers = (k: number) => [
      [`Ferry timetable cut at ${sites[k]} pier`, `The ferry company says it will run four crossings a day from the ${sites[k]} pier until March.`],
      [`Lifeboat crew called out near ${sites[k]} point`, `The crew were called to a yacht in trouble off ${sites[k]} point and later to a swimmer who got into difficulty.`],
    ];
    const page = (k: number) => ['Home | News | Sport', `Plans for the ${sites[k]} site approved`, `${PROSE} ${sites[k]}.`, PROSE.replace('library network', `${sites[k]} school`),
      'Read also: Why the harbour matters to the whole town', ...teasers(k).flat(), '© 2025 The Courier'].join('\n\n');
    const stats = createCorpusStats();
    for (const k of [0, 1, 2, 3]) addToCorpusStats(stats, page(k));
    const r = cleanDocument(page(1), stats);
    expect(r.text).toContain(PROSE.replace('library network', 'birch school'));
    for (const [headline, summary] of teasers(1)) {
      expect(r.text).not.toContain(headline);
      expect(r.text).not.toContain(summary);
    }
  });
  it('goes on past a "Read also" link, a subheading and a short list of facts to the article\'s last paragraphs', () => {
    const closing = ['Board member Luis Arroyo, who voted against the plan, said the district was balancing its books on the backs of the youngest pupils in the city.', 'The budget must be certified with the county auditor by the end of the month, and a second public hearing is planned for next week.'];
    const page = ['Home | News | Sport', 'School board approves budget after a long hearing', PROSE, PROSE.replace('council', 'board'), 'Advertisement', 'Related: City council approves new bike lanes on Main Street',
      'What changes next fall', '• Kindergarten classes capped at 22 pupils, up from 20', '• Bus routes cut from 31 to 27 across the district', '• Middle school activity fees rise by fifteen dollars', ...closing, 'Comments (7)'].join('\n\n');
    const r = cleanDocument(page, null);
    for (const p of closing) expect(r.text).toContain(p);
    expect(r.text).not.toContain('Related:');
    // A menu in its place is no part of the article: the same gap ends it.
    expect(cleanDocument(page.replace('Related: City council approves new bike lanes on Main Street', 'Home | News | Local | Sports | Opinion | Weather | Obituaries'), null).text).not.toContain(closing[1]);
  });
  it('goes on past a list the article introduces (a line ending with a colon, then items) and an ad slot after it', () => {
    const closing = ['Shop owners on the street have asked the council for compensation, saying that they lost many of their customers during the works on the same street last year and that they cannot afford it again.', 'The council has called a public meeting with the residents and the shop owners on Thursday evening in the hall of the district, where the engineers will answer their questions about the works.'];
    const items = ['• buses on lines 7 and 13 will run along the river road', '• cars heading to the centre will be sent round the ring road', '• residents will still reach their homes from the south'];
    const page = (lead: string) => ['Home | News | Sport', 'Street to close for three months of sewer works', PROSE, PROSE.replace('council', 'board'), lead, ...items, 'Advertisement', 'Newsletter', 'Every morning at seven, the news of the city in your inbox.', ...closing, 'Most read'].join('\n\n');
    const r = cleanDocument(page('The diversions are these:'), null);
    for (const p of closing) expect(r.text).toContain(p);
    for (const item of items) expect(r.text).toContain(item);
    // Without the colon the lines are not announced as the article's list: the same gap ends the article there.
    expect(cleanDocument(page('Diversions'), null).text).not.toContain(closing[1]);
  });
  it('ends the article at a box of "Read also" links: an author\'s bio under five of them stays out', () => {
    const links = ['Harbour master warns of silting in the outer basin', 'Ferry timetable cut for the winter months', 'Fish market traders protest over rent rises', 'New lifeboat arrives at the harbour station', 'Councillors split over the future of the pier'];
    const bio = "Sarah Collins is the Courier's local government reporter. She has covered the council and the harbour for the paper since 2012, and before that worked for a news agency in the city.";
    const page = ['Home | News | Sport | Business | Opinion', 'Harbour car park plan approved after long debate', 'By Sarah Collins, 4 March 2025', PROSE, PROSE.replace('library network', 'harbour board'), PROSE.replace('library network', 'fire service'),
      ...links.map((l) => `Read also: ${l}`), bio, '© 2025 The Harbour Courier'].join('\n\n');
    const r = cleanDocument(page, null);
    expect(r.text).toContain(PROSE);
    expect(r.text).not.toContain(bio);
  });
  it("leaves a sign-up box set in the article out of it: its heading and blurb over the form's field", () => {
    const box = ['Newsletter of the Courier', 'Every morning at seven, the news of the city in your inbox.'];
    for (const form of ['[                    ]Subscribe', '____________________ (BUTTON) Subscribe']) {
      const r = cleanDocument(['Home | News | Sport', 'Street to close for three months', PROSE, PROSE.replace('council', 'board'), ...box, form, PROSE.replace('council', 'mayor'), '© 2025 The Courier'].join('\n\n'), null);
      expect(r.text, form).toContain(PROSE.replace('council', 'mayor'));
      for (const line of box) expect(r.text, form).not.toContain(line);
    }
  });
  it('reads "Read also" links and ad labels in NFC: precomposed nukta letters (पढ़ें with U+095D) and decomposed accents', () => {
    expect(isRelatedLink('यह भी प\u095Dें: राजस्थान में बिजली की नई दरें लागू')).toBe(true);
    expect(isRelatedLink('यह भी पढ़ें: राजस्थान में बिजली की नई दरें लागू')).toBe(true);
    expect(isRelatedLink('Leia tambe\u0301m: Prefeitura anuncia mutirão')).toBe(true);
    expect(isAdLabel('विज्ञापन')).toBe(true);
    expect(isAdLabel('Publicite\u0301')).toBe(true);
    for (const label of ['Advertentie', 'INZERCE', '— Publicitate —', 'اشتہار', 'বিজ্ঞাপন', 'விளம்பரம்', 'Reklamm', 'TALLA', 'ማስታወቂያ', 'ကြော်ငြာ']) expect(isAdLabel(label), label).toBe(true);
    // Read-also prefixes of more languages, before a colon only (they may open a sentence otherwise).
    for (const link of ['Liest och: Nei Bréck iwwer d\'Uelzecht', 'Lestu einnig: Ný brú yfir ána', 'ಇದನ್ನೂ ಓದಿ: ಹೊಸ ಸೇತುವೆ ಉದ್ಘಾಟನೆ']) expect(isRelatedLink(link), link).toBe(true);
    expect(isRelatedLink('Liest och den Rapport vun der Regierung iwwer de Budget.')).toBe(false);
    // A full stop after the prefix separates it as a colon does (a Flemish site's "LEES OOK. …"); not one ending the line.
    expect(isRelatedLink('LEES OOK. Fietsers krijgen voorrang op de ring')).toBe(true);
    expect(isRelatedLink('SOMA ZAIDI: Bei ya mchele yapanda sokoni')).toBe(true);
    for (const line of ['Related.', 'Read more...', 'Read more about the study.']) expect(isRelatedLink(line), line).toBe(false);
    // A word that only starts like a label, or a label and more words, is no label.
    for (const line of ['Advertentiekosten stijgen', 'विज्ञापन नीति', 'ad hoc']) expect(isAdLabel(line), line).toBe(false);
  });
  it('looks past a "Read also" link inside an article of one-sentence paragraphs', () => {
    const sentences = ['The ferry was late again on Monday.', 'It was the third time this week.', 'Most of the passengers were on their way to work.', 'Some of them had to wait for over an hour.'];
    const r = cleanDocument(['Home | News | Sport', ...sentences.slice(0, 2), 'Read also: Library to close at the end of the year', ...sentences.slice(2), '© 2025 The Courier'].join('\n\n'), null);
    for (const sentence of sentences) expect(r.text).toContain(sentence);
    expect(r.text).not.toContain('Read also');
    // A box of links with a one-line summary under each is not the article; a paragraph between two links is.
    const box = ['Read also: Power prices soar again tonight', 'The experts disagree on the winter ahead.', 'Read also: Trains cancelled on the coast line', 'Passengers were given no new times.', 'Read also: Star seen with new partner', 'The couple were spotted at a party.', 'Read also: The best pizza in town named', 'We tested ten restaurants in the city.'];
    const withBox = cleanDocument(['Home | News | Sport', PROSE, PROSE.replace('council', 'board'), ...box, '© 2025 The Courier'].join('\n\n'), null);
    for (const summary of box.filter((_, i) => i % 2 === 1).slice(0, 3)) expect(withBox.text).not.toContain(summary);
    const between = cleanDocument([PROSE, 'Related: Budget talks stall again', PROSE.replace('council', 'board'), 'Related: Mayor to stand down', `${PROSE} The vote is expected next week.`].join('\n'), null);
    expect(between.text).toContain('The vote is expected next week.');
  });
  it('keeps a short closing sentence of the article, not a short call to action after it', () => {
    const page = (closing: string) => cleanDocument([`${PROSE}`, PROSE.replace('council', 'mayor'), closing, 'Tags: council, budget', '© 2025 The Courier'].join('\n'), null);
    expect(page('The works are due to start in 2027.').text).toContain('The works are due to start in 2027.');
    expect(page('Follow us on Facebook and Twitter.').text).not.toContain('Follow us');
    expect(page('Vote now.').text).not.toContain('Vote now');
  });
  it('takes the headline under a publication line when the line above it is no headline', () => {
    const page = (above: string) => cleanDocument(`${above}\nPublished May 12, 2024\nBudget approved after months of debate\n${PROSE}\n${PROSE}`, null);
    expect(page('Home › Politics').title).toBe('Budget approved after months of debate');
    expect(page('LOCAL POLITICS')).toMatchObject({ title: 'Budget approved after months of debate', date: '2024-05-12' });
    // A headline above the publication line stays the title.
    expect(page('Council votes on the new library today').title).toBe('Council votes on the new library today');
  });
  it('skips a heading line in another script than the article (a link to a translation)', () => {
    const r = cleanDocument(`Budget approved after months of debate\n\n阅读简体中文版閱讀繁體中文版\n\n${PROSE}\n${PROSE}`, null);
    expect(r.title).toBe('Budget approved after months of debate');
    const zh = '政府宣布了一项支持中小企业的新计划，该计划将于明年一月一日开始实施。经济部长表示，该计划包括减税和简化新公司注册程序等措施。';
    expect(cleanDocument(`政府支持中小企业新计划\n${zh}\n${zh}`, null).title).toBe('政府支持中小企业新计划');
  });
  it('keeps a short Chinese article in a run: its characters count as words (two to a word)', () => {
    const zh = ['政府宣布了一项支持中小企业的新计划，该计划将于明年一月一日开始实施。', '经济部长表示，该计划包括减税和简化新公司注册程序等措施。', '专家认为，这些措施将有助于在失业率较高的地区创造数千个就业机会。', '然而，反对派代表批评该计划没有解决企业家面临的主要问题。'];
    const stats = createCorpusStats();
    addToCorpusStats(stats, zh.join('\n'));
    expect(cleanDocument(zh.join('\n'), stats).text.split('\n\n')).toEqual(zh);
  });
});

describe('table rows', () => {
  const table = ['Pos   Player            Plays   %', 'DL    Larry Ogunjobi       63   85%', 'DL    Myles Garrett        57   77%'].join('\n');
  it('tells aligned cells of a laid-out table from a one-line link bar', () => {
    expect(tableRows(splitBlocks(table))).toEqual([true, true, true]);
    expect(tableRows(splitBlocks(`World   Politics   Sport\n${PROSE}`))).toEqual([false, false]);
    expect(tableRows(splitBlocks('One\u00a0\u00a0Two\u00a0\u00a0Three\nFour\u00a0\u00a0Five\u00a0\u00a0Six'))).toEqual([false, false]);
  });
  it('keeps a table between paragraphs of the article', () => {
    const r = cleanDocument(`${PROSE}\n\n${table}\n\n${PROSE.replace('council', 'board')}`, null);
    expect(r.text).toContain('Larry Ogunjobi');
  });
});

describe('comment threads', () => {
  it('recognises numbered or dated author lines', () => {
    expect(COMMENT_AUTHOR_RE.test('12. joetoronto says:')).toBe(true);
    expect(COMMENT_AUTHOR_RE.test('• Catherine on September 13, 2018 at 5:23 pm said:')).toBe(true);
    expect(COMMENT_AUTHOR_RE.test(PROSE)).toBe(false);
  });
  it('tests a line as an author line exactly as the expression does', () => {
    const piece = fc.constantFrom('12.', '•', ' ', 'joe', 'Anna Smith', 'on May 3, 2019 at 4:47 pm', 'says', 'said', 'a écrit', ':', ' :', ': ', '\n', '\t', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join(' ')), (text) => {
        expect(isCommentAuthorLine(text)).toBe(COMMENT_AUTHOR_RE.test(text));
        expect(isCommentAuthorLine(text + ':')).toBe(COMMENT_AUTHOR_RE.test(text + ':'));
      }),
      { numRuns: 3000 },
    );
  });
  it('drops a thread after a short article', () => {
    const comment = 'I am not sure this is the right decision, and the hours in my district were fine as they were before the vote.';
    const r = cleanDocument(`${PROSE}\n\n1. anna says:\n\n${comment}\n\n2. bob says:\n\n${comment.replace('sure', 'certain')}\n\n${comment.replace('fine', 'good')}`, null);
    expect(r.text).toBe(PROSE);
  });
});

describe('announced lists', () => {
  it('keeps the bullet items a body line introduces with a colon', () => {
    const r = cleanDocument(`${PROSE}\n\nThe plan brings three changes:\n\n• Longer hours\n• New books\n• Free wifi\n\n${PROSE.replace('council', 'board')}`, null);
    expect(r.text).toContain('• New books');
  });
});

describe('stats on huge lines', () => {
  it('keys a huge line by its first characters, and cleans a 5 MB line quickly', () => {
    const stats = createCorpusStats();
    const huge = `${PROSE} `.repeat(Math.ceil(5e6 / PROSE.length));
    addToCorpusStats(stats, `Menu line\n${huge}`);
    expect(stats.lineDocs.size).toBe(2);
    expect(documentsWithLine(stats, huge.slice(0, LINE_KEY_MAX_CHARS + 500))).toBe(1);
    expect(cleanDocument(huge, stats).text.length).toBeGreaterThan(4e6);
  });
  it('rescues a page of 300,000 lines without spreading them into one call (the call stack has a limit)', () => {
    const lines = Array.from({ length: 300_000 }, (_, i) => `zeta${i} quux${i % 97} norf${i % 89} blip${i % 83} vex${i % 79} krom${i % 73} tal${i % 71} dun${i % 67} ore${i % 61} pim${i % 59} sol${i % 53}`);
    const page = lines.join('\n');
    const stats = createCorpusStats();
    addToCorpusStats(stats, page);
    addToCorpusStats(stats, 'another page');
    expect(cleanDocument(page, stats).text.length).toBeGreaterThan(0);
  });
});
