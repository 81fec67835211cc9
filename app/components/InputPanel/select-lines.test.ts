import { describe, expect, it } from 'vitest';
import { lineOffsets } from './select-lines';

describe('lineOffsets', () => {
  const text = 'one\ntwo\nthree\n\nfive';
  const pick = (start: number, end: number) => {
    const [from, to] = lineOffsets(text, start, end);
    return text.slice(from, to);
  };

  it('selects one line without its line break', () => {
    expect(pick(1, 1)).toBe('one');
    expect(pick(2, 2)).toBe('two');
    expect(pick(4, 4)).toBe('');
    expect(pick(5, 5)).toBe('five');
  });

  it('selects a range of lines', () => {
    expect(pick(2, 3)).toBe('two\nthree');
    expect(pick(1, 5)).toBe(text);
  });

  it('goes to the end for lines past the text', () => {
    expect(lineOffsets(text, 9, 9)).toEqual([text.length, text.length]);
    expect(pick(5, 99)).toBe('five');
  });
});
