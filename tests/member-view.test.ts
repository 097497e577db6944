import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberView, NO_VIEW, previewOf } from '../src/member-view.js';

describe('previewOf', () => {
  it('gives the first characters of the body with spaces collapsed, as flattening the whole body would', () => {
    const whole = (text: string, chars = 120): string => {
      const flat = text.replace(/\s+/g, ' ').trim();
      return flat.length <= chars ? flat : flat.slice(0, chars - 1).trimEnd() + '…';
    };
    const unit = fc.constantFrom('a', 'b', ' ', '\n', '\t', '\u00a0', 'é', '.');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 1200 }), fc.integer({ min: 1, max: 150 }), (text, chars) => {
        expect(previewOf(text, chars)).toBe(whole(text, chars));
      }),
      { numRuns: 1000 },
    );
    expect(previewOf(' '.repeat(5000) + 'word')).toBe('word');
  });
});

describe('memberView', () => {
  it('is the JSON object of what a cluster member shows, as reading its record back would give', () => {
    const record = { id: 'x', text: 'Line one\n\n  line\ttwo', title: 'A “title”\u2028', site: 'example.org', date: null, lang: 'en', chars_kept: 21 };
    const parsed = JSON.parse(JSON.stringify(record)) as typeof record;
    expect(memberView(record)).toBe(JSON.stringify({ title: parsed.title, site: parsed.site, date: parsed.date, chars: parsed.chars_kept, preview: previewOf(parsed.text) }));
    expect(JSON.parse(memberView(record))).toEqual({ title: 'A “title”\u2028', site: 'example.org', date: null, chars: 21, preview: 'Line one line two' });
    // Views are joined by newlines to cross threads: a body's or a title's newline is escaped.
    expect(memberView({ ...record, title: 'a\nb' })).not.toContain('\n');
    expect(JSON.parse(NO_VIEW)).toEqual({ title: null, site: null, date: null, chars: 0, preview: '' });
  });
});
