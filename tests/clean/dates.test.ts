import { describe, expect, it } from 'vitest';
import { dateLineDate, parseDate, parsePublicationDate, splitDateline } from '../../src/clean/dates.js';

describe('parseDate', () => {
  it.each([
    ['10 - 02 - 2025', '2025-02-10'],
    ['01 - 12 - 2025', '2025-12-01'],
    ['07.02.2023', '2023-02-07'],
    ['2019-11-18', '2019-11-18'],
    ['2019-11-18T12:02:00Z', '2019-11-18'],
    ['May 24, 2018', '2018-05-24'],
    ['Monday, November 18, 2019 8:22AM EST', '2019-11-18'],
    ['18th November 2019', '2019-11-18'],
    ['10 février 2025', '2025-02-10'],
    ['1er août 2024', '2024-08-01'],
    ['3 de marzo de 2024', '2024-03-03'],
    ['15 de septiembre del 2022', '2022-09-15'],
    ['7. Februar 2023', '2023-02-07'],
    ['12. März 2021', '2021-03-12'],
    ['10 فبراير 2025', '2025-02-10'],
    ['٢٩ يونيو ٢٠٢٥', '2025-06-29'],
    ['۲۹ يونيو ۲۰۲۵', '2025-06-29'],
    ['١٠/٠٢/٢٠٢٥', '2025-02-10'],
    ['5 أيلول 2020', '2020-09-05'],
    ['12 جويلية 2023', '2023-07-12'],
    ['13 мая 2025', '2025-05-13'],
    ['13 maja 2025', '2025-05-13'],
    ['13 Mayıs 2025', '2025-05-13'],
    ['12 Mei 2025', '2025-05-12'],
    ['12 Μαΐου 2025', '2025-05-12'],
    // Words that are months elsewhere are not read as months here: Irish livestock marts, Japanese machi (town).
    ['Cattle marts 2024 review: prices up across the country', null],
    ['Machi 2025: Kawagoe prepares for festival crowds', null],
    // Beside a day they are read (Filipino, Hausa, Swahili, Azerbaijani, Kazakh, Croatian, Estonian); alone, still not.
    ['Marso 12, 2025 | 6:30 PM', '2025-03-12'],
    ['Imechapishwa: Jumatano, Aprili 23, 2025 saa 11:40 asubuhi', '2025-04-23'],
    ['12 Machi 2025', '2025-03-12'],
    ['12 mart 2025, 14:30', '2025-03-12'],
    ['12 наурыз 2025', '2025-03-12'],
    ['14. ožujka 2025. u 07:20', '2025-03-14'],
    ['12. märts 2025, 14:35', '2025-03-12'],
    ["Ireland's top 10 marts 2024", null],
    ['Maris 2025: the year in review', null],
    ['2. Maris 1961 – 61', null],
    ['14. listopada 2025.', '2025-11-14'], // Polish November; Croatian October is not read
    ['3 maart 2024', '2024-03-03'],
    ['2025年5月12日 09:30', '2025-05-12'],
    ['于2025年5月1日发布', '2025-05-01'],
    ['2025년 5월 13일', '2025-05-13'],
    ['12 मई 2025, 10:30 AM IST', '2025-05-12'],
    ['3 फ़रवरी 2024', '2024-02-03'],
    ['13 במאי 2025', '2025-05-13'],
    ['১৮ জানুয়ারি ২০২৫, ০৯: ১৫', '2025-01-18'],
    ['२०२५-०५-१२', '2025-05-12'],
    ['20. ledna 2025  08:15', '2025-01-20'],
    ['28 жовтня 2024, 09:05', '2024-10-28'],
    ['luni, 1 iulie 2024, 17:20', '2024-07-01'],
    ['8 augusti 2025', '2025-08-08'],
    ['سه‌شنبه ۲۵ اردیبهشت ۱۴۰۳ - ۱۴:۳۵', '2024-05-14'],
    ['۱ فروردین ۱۴۰۳', '2024-03-20'],
    ['11 دی 1402', '2024-01-01'],
    ['۱۰ دي ۱۴۰۲', '2023-12-31'],
  ])('%s → %s', (text, want) => {
    expect(parseDate(text)).toBe(want);
  });

  it.each([
    ['février 2025', '2025-02'],
    ['September 2018 open thread', '2018-09'],
    ['2025-02', '2025-02'],
  ])('month only: %s → %s', (text, want) => {
    expect(parseDate(text)).toBe(want);
  });

  it.each([
    ['2025-жылдын 21-марты', '2025-03-21'],
    ['2025 жылғы 21 наурыз', '2025-03-21'],
    ['2025-yil 21-mart', '2025-03-21'],
    ['ۋاقتى: 2025-يىلى 14-مارت 10:30', '2025-03-14'],
    ['2025-2026 season 12 games', null],
    ['In 2025 year 14 March', null],
  ])('Turkic dates, the year and its word first: %s → %s', (text, want) => {
    expect(parseDate(text)).toBe(want);
  });

  it('reads a Yiddish month name printed with its vowel points, as the month lists hold it bare', () => {
    expect(parseDate('דינסטיק, 14טן נאָוועמבער 2025')).toBe('2025-11-14');
    expect(parseDate('פֿון יוסף בערגער · מאָנטיק, 3טן סעפּטעמבער 2025')).toBe('2025-09-03');
    expect(parseDate('3טן סעפטעמבער 2025')).toBe('2025-09-03');
  });

  it('tells a date line from a line that holds a date', () => {
    for (const [line, want] of [
      ['Updated 12 March 2025, 16:10', '2025-03-12'],
      ['Imechapishwa: Jumatano, Aprili 23, 2025 saa 11:40 asubuhi', '2025-04-23'],
      ['Von Tim Scholz | 18.11.2024, 11:47 Uhr', '2024-11-18'],
      // Portuguese abbreviations and times written with an "h" (Brazilian papers print both).
      ['18.fev.2025 às 9h45 Atualizado: 18.fev.2025 às 13h20', '2025-02-18'],
      ['Publicado em 18 fev 2025, 9h45', '2025-02-18'],
      ['Apr 03, 2025 4:38 PM EDT  ·  Updated Apr 03, 2025 5:21 PM EDT', '2025-04-03'],
      ['Peter Hudák             15. marca 2025 o 10:24           Čítanie na 4 min', '2025-03-15'],
      [' date 2020-04 Penghinaan terhadap Istri dan Sahabat Nabi', '2020-04'],
      // Chinese and Japanese headers lay their pieces out with an ideographic space.
      ['2025-03-18 08:45\u3000来源：澜江晚报\u3000作者：记者 王晓燕', '2025-03-18'],
      // A headline or a programme line with a date in it says more.
      ['Tume yatangaza tarehe ya Uchaguzi Mkuu wa Oktoba 29, 2025', null],
      ['Petak, 13. lipnja 2025. – Otvorenje festivala na Trgu bana Jelačića', null],
    ] as const) expect(dateLineDate(line), line).toBe(want);
  });
  // Any language's month names (CLDR) beside a day and a year, in the orders CLDR prints them, with their connectors.
  it.each([
    ['12 მარტი, 2025', '2025-03-12'],
    ['Maarso 12, 2025', '2025-03-12'],
    ['12 de març del 2025', '2025-03-12'],
    ["Dimarts, 8 d'abril de 2025, 19:45 h", '2025-04-08'],
    ["12 ta' Marzu 2025", '2025-03-12'],
    ['2025 m. kovo 12 d.', '2025-03-12'],
    ['12-mart, 2025', '2025-03-12'],
    ['12. marec 2025', '2025-03-12'],
    ['12 Oṣù Ẹrẹ̀nà 2025', '2025-03-12'],
    ['12 сакавіка 2025 г.', '2025-03-12'],
    ['பதிவு: அக்டோபர் 15, 2025 06:42 AM', '2025-10-15'],
    ['شائع 12 نومبر 2025 10:35am', '2025-11-12'],
    ['12 مارچ، 2025', '2025-03-12'],
    ['di 11 mrt 2025, 06:48', '2025-03-11'],
    // What CLDR's formats glue to the day, the year and the month name: Basque, Sorani (Eastern Arabic digits).
    ['2025eko martxoaren 14a, 07:00', '2025-03-14'],
    ['١٤ی ئازاری ٢٠٢٥ - کاتژمێر ١١:٤٢', '2025-03-14'],
    // Sinhala's English-derived names, which CLDR lacks; April holds a zero-width joiner.
    ['2025 මාර්තු 27 - 08:15', '2025-03-27'],
    ['2025 අප්\u200dරේල් 03 - 22:05', '2025-04-03'],
    ['Zuzana Kováčová         5. februára 2024 o 07:50', '2024-02-05'],
    // Burmese as CLDR writes it, and as news does: "year" after the year, "month" glued to the name, its comma.
    ['၂၀၂၅ မတ် ၁၈', '2025-03-18'],
    ['စီးပွားရေး ကဏ္ဍ ၊ ၂၀၂၅ ခုနှစ်၊ မတ်လ ၁၈ ရက်၊ ၁၆:၄၀', '2025-03-18'],
    // Thai, in the Buddhist era (543 years ahead).
    ['23 ม.ค. 2568 09:30 น.', '2025-01-23'],
    ['20 มีนาคม 2568', '2025-03-20'],
    // Digits of any script.
    ['੧੨ ਮਾਰਚ ੨੦੨੫', '2025-03-12'],
    ['२०२५ मार्च १२', '2025-03-12'],
  ])('any language: %s → %s', (text, want) => {
    expect(parseDate(text)).toBe(want);
  });

  it.each(['Redmi Note 14 Pro 2025 im Test', 'Top 5 Mac 2025 deals', 'Above: the MacBook Pro 16 2019', 'Rozpočet na rok 2025 pro 14 krajů',
    'Fatturato 2024 tra 10 e 15 miliardi', 'Omzet 2024 met 12 procent omhoog', 'Orçamento para 2025 tem 12 prioridades', 'the class of 2024 set 12 records',
    '12 March 2568', 'Page 2 of 2025', 'Route 14a 2025 plan', 'Gate 12a to 2025eko', 'Top 5 films 2024', 'Chapter 12 the 2025 edition', '12 people 2025'])('reads no month in other words between a day and a year: %s', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it('reads US month-first order when day-first is impossible', () => {
    expect(parseDate('11/20/2019 01:14 PM')).toBe('2019-11-20');
  });

  it.each(['Tarif MRT 2025 naik', '31 - 02 - 2025', '30 February 2024', '2025-13-01', '45.12.2020', 'no date here', '1200 words', '29 février 2023'])(
    'rejects %s',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );

  it('accepts 29 February in a leap year only', () => {
    expect(parseDate('29 février 2024')).toBe('2024-02-29');
  });

  it('rejects a Solar Hijri day its month does not have (Esfand 1402 had 29 days, Mehr has 30)', () => {
    expect(parseDate('۳۰ اسفند ۱۴۰۲')).toBeNull();
    expect(parseDate('۳۰ اسفند ۱۴۰۳')).toBe('2025-03-20');
    expect(parseDate('۳۱ مهر ۱۴۰۳')).toBeNull();
  });
  it('does not read a month name inside a word (Bengali মে, May, ends গ্রামে, in the village)', () => {
    expect(parseDate('রহিমপুর গ্রামে ২০২৪ সালে প্রথম হাসপাতাল চালু')).toBeNull();
  });
  it('does not read month abbreviations inside words', () => {
    expect(parseDate('Le marché 2024 est ouvert')).toBeNull();
  });
});

describe('parsePublicationDate', () => {
  it('reads a two-digit year after a publication cue, and what parseDate reads', () => {
    expect(parsePublicationDate(' 13.05.25, 16:00')).toBe('2025-05-13');
    expect(parsePublicationDate(' 12 May 2024')).toBe('2024-05-12');
    // Not a date: a version, an impossible day; and parseDate itself never reads two-digit years.
    expect(parsePublicationDate(' version 1.2.3.4')).toBeNull();
    expect(parsePublicationDate(' 31.02.25')).toBeNull();
    expect(parseDate('13.05.25')).toBeNull();
    // Years from 69 on are the 1900s (the POSIX pivot): never a date decades ahead.
    expect(parsePublicationDate(' 12/31/98')).toBe('1998-12-31');
  });
});

describe('splitDateline', () => {
  it('splits a month dateline from the first paragraph', () => {
    expect(splitDateline(' date 2025-02 De nouveaux pays ont exprimé leur intérêt.')).toEqual({
      date: '2025-02',
      rest: 'De nouveaux pays ont exprimé leur intérêt.',
    });
  });
  it('ignores paragraphs that merely start with a date word', () => {
    expect(splitDateline('Date night ideas for 2025 are here.')).toBeNull();
  });
});
