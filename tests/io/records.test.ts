import { describe, expect, it } from 'vitest';
import { RecordSplitter, splitRecords } from '../../src/io/records.js';

describe('splitRecords', () => {
  it('splits on the delimiter on its own line and trims records', () => {
    expect(splitRecords('one\nq7x2\n two \nq7x2\nthree')).toEqual(['one', 'two', 'three']);
  });
  it('splits on the delimiter inline, as a whole word only', () => {
    expect(splitRecords('one q7x2 two q7x2x three xq7x2 four')).toEqual(['one', 'two q7x2x three xq7x2 four']);
  });
  it('skips empty records (leading, trailing, repeated delimiters)', () => {
    expect(splitRecords('q7x2\n\nq7x2 a q7x2 q7x2\n')).toEqual(['a']);
    expect(splitRecords('  q7x2  q7x2 ')).toEqual([]);
  });
  it('uses a custom delimiter, escaping regex characters', () => {
    expect(splitRecords('a <<>> b q7x2 c', '<<>>')).toEqual(['a', 'b q7x2 c']);
    expect(splitRecords('a --- b', '---')).toEqual(['a', 'b']);
  });
  it('gives a file without a delimiter one record', () => {
    expect(splitRecords('\n just text \n')).toEqual(['just text']);
  });
});

describe('RecordSplitter', () => {
  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'alpha q7x2 beta\nq7x2\ngamma q7x2x delta q7x2';
    const expected = splitRecords(text);
    for (let cut = 0; cut <= text.length; cut++) {
      const s = new RecordSplitter();
      expect([...s.push(text.slice(0, cut)), ...s.push(text.slice(cut)), ...s.end()]).toEqual(expected);
    }
  });
  it('emits a record as soon as the delimiter after it is complete', () => {
    const s = new RecordSplitter();
    expect(s.push('first q7x2 sec')).toEqual(['first']);
    expect(s.end()).toEqual(['sec']);
  });
});
