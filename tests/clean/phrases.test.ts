import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_PHRASES, BOILERPLATE_RE, boilerplateCoverage, COPYRIGHT_RE, authorNoteName, isAffiliateDisclosure, isCopyrightNotice, isShopLink } from '../../src/clean/phrases.js';

/** The definition: letters of the expression's matches over the text's letters. */
function reference(text: string): number {
  const letters = (s: string): number => s.replace(/[^\p{L}]/gu, '').length;
  const all = letters(text);
  if (all === 0) return 0;
  let covered = 0;
  for (const m of text.matchAll(new RegExp(BOILERPLATE_RE.source, 'giu'))) covered += letters(m[0]);
  return Math.min(1, covered / all);
}

const randomCase = (s: string, flips: number): string => [...s].map((c, i) => ((flips >> i % 16) & 1 ? c.toUpperCase() : c)).join('');
const piece = fc.oneof(
  fc.tuple(fc.constantFrom(...BOILERPLATE_PHRASES), fc.nat()).map(([p, flips]) => randomCase(p, flips)),
  // near misses: one character of a phrase changed
  fc.tuple(fc.constantFrom(...BOILERPLATE_PHRASES), fc.nat(), fc.constantFrom('x', 'e', 'S', '-', ' ')).map(([p, at, c]) => p.slice(0, at % p.length) + c + p.slice((at % p.length) + 1)),
  fc.constantFrom('news', 'Sport', 'shares', 'homepage', 'e', 'x', 'USA', '2024', 'a'),
  fc.constantFrom(' ', '  ', '-', "'", '.', ':', '|', '•', '\u00a0', '’', '“', '😀', '\t', '/'),
  fc.constantFrom('é', 'café', 'ß', '\u212a', '\u017f', 'Ж', 'شارك', '𝐀', '\ud800'),
);

describe('boilerplateCoverage', () => {
  it('equals the share of letters in the phrase expression’s matches, on ASCII and other text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }).map((p) => p.join('')), (text) => {
        expect(boilerplateCoverage(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('rests on case folding joining a phrase character only to the same ASCII letter or to letters outside ASCII', () => {
    // The ASCII scan's premise: in a text whose letters are all ASCII, a phrase with a character outside ASCII
    // cannot match, and an ASCII phrase matches by ASCII case folding only.
    const isAscii = (u: number): boolean => u < 0x80;
    for (const c of new Set(BOILERPLATE_PHRASES.join(''))) {
      const same = new RegExp(`^[${c.replace(/[\\\]^-]/g, '\\$&')}]$`, 'iu');
      for (let unit = 0; unit < 0x10000; unit++) {
        const other = String.fromCharCode(unit);
        if (other === c || (unit >= 0xd800 && unit <= 0xdfff) || !same.test(other)) continue;
        const sameAsciiLetter = isAscii(c.charCodeAt(0)) && isAscii(unit) && other.toLowerCase() === c.toLowerCase();
        const letterOutsideAscii = !isAscii(unit) && /\p{L}/u.test(other);
        expect({ c, other, allowed: sameAsciiLetter || letterOutsideAscii }).toEqual({ c, other, allowed: true });
      }
    }
  });
});

describe('isCopyrightNotice', () => {
  it('answers as the notice expression does', () => {
    const notices = ['all rights reserved', 'tous droits réservés', 'todos los derechos reservados', 'alle rechte vorbehalten', 'todos os direitos reservados', 'tutti i diritti riservati'];
    // Case changes, the long s (which case folding joins to s), near misses.
    const variant = fc.tuple(fc.constantFrom(...notices), fc.nat(), fc.nat()).map(([p, flips, at]) => {
      const cased = randomCase(p, flips);
      const i = at % cased.length;
      return at % 3 === 0 ? cased.replace(/s/g, '\u017f') : at % 3 === 1 ? cased.slice(0, i) + 'x' + cased.slice(i + 1) : cased;
    });
    const piece = fc.oneof(variant, fc.constantFrom('©', '(c)', '(C) 2024', '(c)2019', '(c) 19', 'جميع الحقوق محفوظة', 'جميع', 'Reuters', ' ', '. ', '2024', 'preserved', 'vorbehaltlich', 'a'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }).map((p) => p.join('')), (text) => {
        expect(isCopyrightNotice(text)).toBe(COPYRIGHT_RE.test(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("author's notes", () => {
  const words = (text: string) => text.split(/\s+/).length;
  const note = (text: string) => authorNoteName(text, words(text)) !== null;
  it('are a name, a verb and a writer\'s role within a few words, in several languages', () => {
    expect(note('Jenna Holloway is a senior commerce editor at Hearth & Habit, where she has tested kitchen appliances for six years.')).toBe(true);
    expect(note('Daniel Ferreira-Lutz is a national reporter based in Denver who writes about water.')).toBe(true);
    expect(note('Marie-Claire Dubois est journaliste au service Politique depuis 2019.')).toBe(true);
    expect(note('Katrin Wellmann ist Redakteurin im Ressort Wirtschaft.')).toBe(true);
    expect(note('Ana María de la Vega es periodista y cubre temas de salud.')).toBe(true);
  });
  it('are not sentences about other people, nor lines without the name first', () => {
    expect(note('Prime Minister Keir Starmer is a former lawyer who told the committee on Tuesday that reporters had it wrong.')).toBe(false);
    expect(note('The reporter is a former editor of the paper.')).toBe(false);
    expect(note('she is a senior reporter at the paper.')).toBe(false);
    expect(note('Katrin Wellmann said the editor would decide.')).toBe(false);
    expect(note(`Ann Lee is a reporter. ${'She has covered the city for many years. '.repeat(12)}`)).toBe(false);
  });
});

describe('isShopLink', () => {
  it('knows a price where it is sold and a buy button, in several currencies and languages', () => {
    const links = [
      '£15 at John Lewis', '€29 bei Amazon', '29,99 € bei Otto', '39,90 € chez Fnac', '19,99 € su Amazon', 'CHF 49.– bei Galaxus',
      'US$25 at eBay', '1 299 kr hos Elgiganten', '$15 at Amazon $18 at Target', '$42 at Bloom & Wild', 'From $1,299.99 at Best Buy', '$25 $35 at Walmart',
      'Buy now', 'BUY NOW', 'Shop Now', 'Check price', 'View deal', 'See at Amazon', 'Buy from Target', 'Jetzt kaufen', 'Zum Angebot', "Voir l'offre", 'Voir l’offre',
      'Ver en Amazon', 'Ver oferta', 'Acquista ora', 'Bekijk aanbieding', '• $25 at Amazon',
    ];
    for (const line of links) expect(isShopLink(line), line).toBe(true);
  });
  it('takes no sentence, fact or headline about prices or shopping for one', () => {
    const lines = [
      '$25 on average per household', '$4 at the pump', '$5 billion from investors', 'The $25 gift at Amazon', 'Prices start at $25 at Amazon.',
      'Buy now, pay later schemes face new rules', 'Buy from Britain campaign launched today', 'Buy', 'Shop', '$25', 'Amazon', 'See you at the match',
    ];
    for (const line of lines) expect(isShopLink(line), line).toBe(false);
  });
});

describe('isAffiliateDisclosure', () => {
  it("knows a site's note that it is paid for what readers buy through its links, in several languages", () => {
    const notes = [
      'Some of the links on this page are affiliate links: we may earn a fee at no cost to you.',
      'If you click one of our links and buy something, we may receive a small commission.',
      'Für Käufe über diese Links erhalten wir eine kleine Provision.',
      'Les liens de cet article sont des liens d’affiliation : nous pouvons percevoir une commission.',
      'Si compras a través de nuestros enlaces, podemos recibir una comisión.',
      'Se acquisti tramite i nostri link potremmo ricevere una commissione.',
    ];
    for (const note of notes) expect(isAffiliateDisclosure(note), note).toBe(true);
  });
  it('takes no sentence about a commission, an institution or links for one', () => {
    const lines = [
      '“We will publish links to all submissions,” the Commission said.',
      'We set up a commission to study links between poverty and crime, the mayor said.',
      'The European Commission published links to the documents we requested.',
      'Agents earn a commission on every house they sell, and analysts found links between fees and prices.',
    ];
    for (const line of lines) expect(isAffiliateDisclosure(line), line).toBe(false);
  });
});
