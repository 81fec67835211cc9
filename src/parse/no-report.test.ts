// Why nothing was found, with the input's line count as an editor shows it.
import { describe, expect, it } from 'vitest';
import { parseText } from './index';

const noReport = (input: string) => parseText(input).diagnostics.at(-1)!.message;

describe('the no-report diagnostic', () => {
  it('does not count a trailing newline as a line', () => {
    expect(noReport('x\n')).toContain('in 1 line:');
    expect(noReport('x')).toContain('in 1 line:');
    expect(noReport('a\nb\n')).toContain('in 2 lines:');
    expect(noReport('a\r\nb\r\n')).toContain('in 2 lines:');
    expect(noReport('a\n\n')).toContain('in 2 lines:');
  });

  it('points at the closest line', () => {
    const out = parseText('boot\nsomething about a mutex being slow and a deadlock\nend\n');
    expect(out.diagnostics).toEqual([expect.objectContaining({ line: 2, severity: 'error' })]);
    expect(out.diagnostics[0]!.message).toMatch(
      /^No lock report found in 3 lines\. The closest is line 2/,
    );
  });
});
