import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/clean/front-matter.js';

describe('readFrontMatter', () => {
  it("reads Jina Reader's header down to its 'Markdown Content:' line", () => {
    const lines = ['Title: Ferry cut | Eastbay Courier', 'URL Source: https://eastbay.example/a', 'Published Time: 2024-11-02T07:30:00+00:00', 'Markdown Content:', 'The ferry will run less often.'];
    expect(readFrontMatter(lines)).toEqual({ blocks: 4, title: 'Ferry cut | Eastbay Courier', date: '2024-11-02', site: null });
  });

  it('reads YAML front matter between its fences, quotes taken off and list items passed', () => {
    const lines = ['---', "title: 'It''s open again'", 'sitename: "Millbrook Gazette"', 'date: 2024-06-15', 'tags:', '- library', '---', 'Text.'];
    expect(readFrontMatter(lines)).toEqual({ blocks: 7, title: "It's open again", date: '2024-06-15', site: 'Millbrook Gazette' });
  });

  it("reads a feed reader's saved article (newsboat), a long title's line run into the next field's", () => {
    const lines = ['Feed: Harbour Notes', 'Title: Night ferry to return after the summer, the operator confirms Author: Lena Vos', 'Date: Tue, 03 Jun 2025 09:40:00 +0000', 'Link: https://harbour.example/ferry', 'The night ferry will return in September.'];
    expect(readFrontMatter(lines)).toEqual({ blocks: 4, title: 'Night ferry to return after the summer, the operator confirms', date: '2025-06-03', site: 'Harbour Notes' });
    // Field lines that name no title are no feed header; nor are fewer than three.
    expect(readFrontMatter(['Author: Lena Vos', 'Date: 3 June 2025', 'Link: https://harbour.example/ferry', 'Text.'])).toBeNull();
    expect(readFrontMatter(['Title: A page of its own', 'Date: 3 June 2025', 'The text goes on here.'])).toBeNull();
  });

  it("reads Factiva's export, codes alone on their lines or before a tab, down to the lead paragraphs' code", () => {
    const own = ['SE', 'News', 'HD', 'New lifeboat station opens on the island', 'BY', 'By Ewan Ross', 'WC', '212 words', 'PD', '17 January 2025', 'SN', 'Island Courier', 'LA', 'English', 'LP', 'The new station opened on Monday.'];
    expect(readFrontMatter(own)).toEqual({ blocks: 15, title: 'New lifeboat station opens on the island', date: '2025-01-17', site: 'Island Courier' });
    const tabbed = ['HD\tNew lifeboat station opens on the island', 'BY\tBy Ewan Ross', 'PD\t17 January 2025', 'SN\tIsland Courier', 'LP', 'The new station opened on Monday.'];
    expect(readFrontMatter(tabbed)).toEqual({ blocks: 5, title: 'New lifeboat station opens on the island', date: '2025-01-17', site: 'Island Courier' });
    // A page of its own opening with a two-letter line is none (no headline and date codes before the text).
    expect(readFrontMatter(['SE', 'The south-east region will get new trains.'])).toBeNull();
  });

  it("reads LexisNexis's export: the publication, the date, an edition's line, the headline, then its fields", () => {
    const lines = ['2 of 5 DOCUMENTS', 'The Island Courier', 'February 13, 2025 Thursday', 'West Edition', 'Ferry to the outer island cancelled again', 'BYLINE: Ewan Ross', 'SECTION: NEWS; Pg. 3', 'LENGTH: 241 words', 'The ferry was cancelled on Wednesday.'];
    expect(readFrontMatter(lines)).toEqual({ blocks: 8, title: 'Ferry to the outer island cancelled again', date: '2025-02-13', site: 'The Island Courier' });
    expect(readFrontMatter(['2 of 5 DOCUMENTS', 'BYLINE: Ewan Ross', 'Text.'])).toBeNull();
  });

  it('finds none where the lines are no header', () => {
    // A page opening with a labelled line of its own, a Jina-like header never closed, a rule over prose.
    expect(readFrontMatter(['Title: a page of its own', 'The text goes on here.'])).toBeNull();
    expect(readFrontMatter(['Title: A', 'URL Source: https://a.example', 'Published Time: 2024-01-01'])).toBeNull();
    expect(readFrontMatter(['Markdown Content:', 'Text.'])).toBeNull();
    expect(readFrontMatter(['---', 'The council met on Tuesday.', '---'])).toBeNull();
    expect(readFrontMatter(['---', '---', 'Text.'])).toBeNull();
    // Labelled notes between rules name no field front matter holds.
    expect(readFrontMatter(['---', 'Update: This story was corrected on 14 March 2025.', 'Correction: An earlier version misnamed the mayor.', '---', 'Text.'])).toBeNull();
  });
});
