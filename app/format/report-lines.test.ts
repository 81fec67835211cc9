import { describe, expect, it } from 'vitest';
import { buildLockGraph, edgeId } from '../../src/graph';
import type { Report, Span } from '../../src/model/types';
import { linesForSelection, selectionForLine, sliceLines, spansByLine } from './report-lines';

const spans: Span[] = [
  { line: 3, role: 'lock', ref: '&mm->mmap_lock' },
  { line: 5, role: 'chain-entry', ref: '&mm->mmap_lock' },
  { line: 6, role: 'frame', ref: '&dev->lock -> &mm->mmap_lock' },
  { line: 7, role: 'frame', ref: '&dev->lock -> &mm->mmap_lock' },
  { line: 9, role: 'held-lock', ref: '&dev->lock' },
  { line: 10, role: 'frame', ref: null },
];

const report = {
  format: 'linux-lockdep',
  kind: 'circular-dependency',
  title: 't',
  lines: { start: 1, end: 10 },
  truncated: false,
  kernel: null,
  task: null,
  classes: [],
  dependencies: [
    { prev: '&dev->lock', next: '&mm->mmap_lock', trace: [], chainEntry: 1, isNew: false },
    { prev: '&mm->mmap_lock', next: '&dev->lock', trace: [], chainEntry: 0, isNew: true },
  ],
  cycle: ['&mm->mmap_lock', '&dev->lock'],
  scenario: null,
  heldLocks: null,
  trace: [],
  spans,
} satisfies Report;
const graph = buildLockGraph([report]);

describe('report lines', () => {
  it('slices lines of the original text, CRLF or not, and caps how many', () => {
    expect(sliceLines('a\nb\r\nc\nd', 2, 3, 10)).toEqual({ lines: ['b', 'c'], cut: false });
    expect(sliceLines('a\nb\nc\nd', 1, 4, 2)).toEqual({ lines: ['a', 'b'], cut: true });
    expect(sliceLines('a\nb', 2, 9, 10)).toEqual({ lines: ['b'], cut: false });
    expect(sliceLines('a', 5, 6, 10)).toEqual({ lines: [], cut: false });
  });

  it('a frame line selects its dependency, a lock line its class, a plain line nothing', () => {
    const byLine = spansByLine(spans);
    expect(selectionForLine(byLine.get(6)!, graph)).toEqual({
      kind: 'edge',
      id: edgeId('&dev->lock', '&mm->mmap_lock'),
    });
    expect(selectionForLine(byLine.get(9)!, graph)).toEqual({ kind: 'node', id: '&dev->lock' });
    expect(selectionForLine(byLine.get(10)!, graph)).toBeNull();
  });

  it('a selected dependency lights its frames and the -> #k line above them', () => {
    const sel = { kind: 'edge', id: edgeId('&dev->lock', '&mm->mmap_lock') } as const;
    expect(linesForSelection(sel, graph, spans)).toEqual([5, 6, 7]);
    expect(linesForSelection({ kind: 'node', id: '&mm->mmap_lock' }, graph, spans)).toEqual([3, 5]);
    expect(linesForSelection(null, graph, spans)).toEqual([]);
  });
});
