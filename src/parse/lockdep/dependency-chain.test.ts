import { describe, expect, it } from 'vitest';
import { chainDependencies, describeMissing, readChain } from './dependency-chain';
import type { Section } from './report-reader';
import { logical } from './test-lines';

function entry(header: string, frames: string[]): Section {
  return { type: 'chain-entry', header: null, line: logical([header])[0]!, body: logical(frames) };
}

describe('readChain / chainDependencies', () => {
  const sections = [
    entry('-> #2 (&c){+.+.}-{3:3}:', ['       c_fn+0x1/0x2']),
    entry('-> #1 ((work_completion)(&w)){+.+.}:', [
      '       b_fn+0x1/0x2',
      '       b_caller+0x3/0x4',
    ]),
    entry('-> #0 (&a){+.+.}:', ['       a_fn+0x1/0x2']),
  ];

  it('orders entries #0 first and reads names with parentheses', () => {
    const chain = readChain(sections);
    expect(chain.entries.map((e) => [e.k, e.name, e.frames.length])).toEqual([
      [0, '&a', 1],
      [1, '(work_completion)(&w)', 2],
      [2, '&c', 1],
    ]);
    expect(chain.top).toBe(2);
    expect(chain.missing).toEqual([]);
    expect(chain.entries[2]!.waitType).toBe('3:3');
  });

  it('gives edge #k-1 -> #k for k >= 1 and the new edge #N -> #0', () => {
    const deps = chainDependencies(readChain(sections), null);
    expect(deps.map((d) => [d.prev, d.next, d.chainEntry, d.isNew, d.trace[0]?.function])).toEqual([
      ['&a', '(work_completion)(&w)', 1, false, 'b_fn'],
      ['(work_completion)(&w)', '&c', 2, false, 'c_fn'],
      ['&c', '&a', 0, true, 'a_fn'],
    ]);
  });

  it('says which entries are missing', () => {
    const chain = readChain([sections[0]!]);
    expect(chain.missing).toEqual([0, 1]);
    expect(describeMissing(chain)).toBe(
      'the dependency chain stops at -> #2: entries #1 and #0 are missing',
    );
    expect(chainDependencies(chain, '&c')).toEqual([]);
    const gap = readChain([sections[0]!, sections[2]!]);
    expect(describeMissing(gap)).toBe('the dependency chain has gaps: entry #1 is missing');
  });

  it('keeps a right-cut entry header', () => {
    const chain = readChain([entry('-> #1 (&q->elevator_lo', [])]);
    expect(chain.entries[0]!.name).toBe('&q->elevator_lo');
  });
});
