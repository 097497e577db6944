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
