import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { asTableRow, blockFacts, clearBlockFacts } from '../../src/clean/block-facts.js';
import { splitBlocks } from '../../src/clean/blocks.js';
import { computeFeatures } from '../../src/clean/features.js';
import { cleanDocument } from '../../src/clean/index.js';
import { addToCorpusStats, createCorpusStats, documentsWithKey, lineKeyHashes, type CorpusStats } from '../../src/clean/stats.js';

const statsOf = (docs: readonly string[]): CorpusStats => {
  const stats = createCorpusStats();
  for (const d of docs) addToCorpusStats(stats, d);
  return stats;
};

/** Template lines shared by pages, a laid-out table row, and article lines, in English, German and French. */
const LINES = [
  'Home  |  World  |  Business  |  Sport',
  'Share this article on Facebook',
  'Copyright © 2024 Example Media. All rights reserved.',
  'Price      10      20',
  'Name       Age     Town',
  'Die Regierung hat am Dienstag neue Maßnahmen angekündigt, die ab dem nächsten Jahr gelten sollen.',
  'The council said the new bridge would open to traffic in the spring after two years of delays.',
  'Le maire a annoncé que les travaux commenceraient au printemps et dureraient deux ans.',
  'Read more',
  '• Related: Storm hits the coast',
];

beforeEach(() => clearBlockFacts());

describe('blockFacts', () => {
  it('gives the features, line keys and document count computed afresh, whatever was remembered before', () => {
    const page = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(fc.array(page, { minLength: 2, maxLength: 6 }), fc.constantFrom('en', 'de', 'fr', null), (pages, lang) => {
        const stats = statsOf(pages);
        for (const page of pages) {
          for (const block of splitBlocks(page)) {
            const facts = blockFacts(block, lang, stats);
            const keys = lineKeyHashes(block.text);
            expect(facts.features).toEqual(computeFeatures(block, lang));
            expect(facts.keys).toEqual(keys);
            expect(facts.docs).toBe(documentsWithKey(stats, keys.line));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads the document count from the statistics it is given, not from the run that filled the cache', () => {
    const line = LINES[1];
    const [block] = splitBlocks(line);
    expect(blockFacts(block, 'en', statsOf([line, line, line])).docs).toBe(3);
    expect(blockFacts(block, 'en', statsOf([line, line])).docs).toBe(2);
    expect(blockFacts(block, 'en', null).docs).toBe(0);
  });

  it('keeps the language apart: a line remembered under one stoplist is not reused under another', () => {
    const [block] = splitBlocks('the and of to in is on for with that');
    const stats = statsOf([block.text, block.text]);
    expect(blockFacts(block, 'en', stats).features.stopwordDensity).toBe(1);
    expect(blockFacts(block, 'de', stats).features.stopwordDensity).toBe(computeFeatures(block, 'de').stopwordDensity);
    expect(blockFacts(block, 'de', stats).features.stopwordDensity).toBeLessThan(1);
  });

  it('asTableRow copies: the remembered features of the line stay those of its text alone', () => {
    const [block] = splitBlocks(LINES[3]);
    const stats = statsOf([block.text, block.text]);
    const shared = blockFacts(block, 'en', stats).features;
    const row = asTableRow(shared);
    expect(row.tableRow).toBe(true);
    expect(shared.tableRow).toBe(false);
    expect(blockFacts(block, 'en', stats).features.tableRow).toBe(false);
  });
});

describe('cleanDocument with remembered lines', () => {
  it('leaves a remembered line as its text gives it after the line was a table row on a page', () => {
    const table = `${LINES[4]}\n${LINES[3]}`;
    const stats = statsOf([table, table, LINES[3]]);
    cleanDocument(table, stats);
    const [row] = splitBlocks(LINES[3]);
    expect(blockFacts(row, null, stats).features.tableRow).toBe(false);
    expect(blockFacts(row, null, stats).features).toEqual(computeFeatures(row, null));
  });

  it('cleans every page as it does with nothing remembered, in any order of the pages', () => {
    const table = `${LINES[4]}\n${LINES[3]}\n\n${LINES[6]} ${LINES[6]}`;
    // the same row alone between blank lines: no neighbour to line up with, so no table row
    const alone = `${LINES[0]}\n\n${LINES[3]}\n\n${LINES[6]}\n${LINES[7]}\n${LINES[1]}`;
    const page = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 14 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(fc.array(fc.oneof(page, fc.constant(table), fc.constant(alone)), { minLength: 2, maxLength: 6 }), (pages) => {
        const stats = statsOf(pages);
        const cold = pages.map((p) => {
          clearBlockFacts();
          return cleanDocument(p, stats);
        });
        clearBlockFacts();
        const forwards = pages.map((p) => cleanDocument(p, stats));
        const backwards = [...pages].reverse().map((p) => cleanDocument(p, stats)).reverse();
        expect(forwards).toEqual(cold);
        expect(backwards).toEqual(cold);
      }),
      { numRuns: 100 },
    );
  });
});
