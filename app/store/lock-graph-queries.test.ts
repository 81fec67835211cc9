import { describe, expect, it } from 'vitest';
import { buildLockGraph } from '../../src/graph';
import {
  degreeOf,
  edgesAmong,
  explorerNeighbourhood,
  neighbours,
  searchClasses,
} from './lock-graph-queries';
import { dumpReport } from './lock-graph-test-report';

const graphOf = (deps: [string, string][], extra: string[] = []) =>
  buildLockGraph([dumpReport(deps, extra)]);

describe('searchClasses', () => {
  const ix = graphOf(
    [
      ['&sb->s_type->i_mutex_key#5', '&mm->mmap_lock'],
      ['&mm->mmap_lock', 'mmap_lock_helper'],
      ['rcu_read_lock', '&mm->mmap_lock'],
      ['&xmmap_lock', 'rcu_read_lock'],
    ],
    ['MMAP_LOCK'],
  );

  it('ranks the exact name, then prefixes, then word starts, then any substring', () => {
    expect(searchClasses(ix, 'mmap_lock').map((m) => m.id)).toEqual([
      'MMAP_LOCK', // exact, case-insensitive
      'mmap_lock_helper', // prefix
      '&mm->mmap_lock', // after "->"
      '&xmmap_lock', // inside a word
    ]);
  });

  it('says how many dependencies lead in and out, caps the list, and ignores blank queries', () => {
    const [hit] = searchClasses(ix, '&mm->mmap');
    expect(hit?.id).toBe('&mm->mmap_lock');
    expect(degreeOf(ix, '&mm->mmap_lock')).toEqual({ in: 2, out: 1 });
    expect(degreeOf(ix, 'no such lock')).toEqual({ in: 0, out: 0 });
    expect(searchClasses(ix, 'm', 2)).toHaveLength(2);
    expect(searchClasses(ix, '   ')).toEqual([]);
    expect(searchClasses(ix, 'no such lock')).toEqual([]);
  });
});

describe('neighbourhood', () => {
  // a hub taken before 100 leaf locks, and a chain a -> b -> hub -> c -> d
  const leaves = Array.from({ length: 100 }, (_, i) => `leaf${String(i).padStart(3, '0')}`);
  const ix = graphOf([
    ['a', 'b'],
    ['b', 'hub'],
    ['hub', 'c'],
    ['c', 'd'],
    ...leaves.map((l): [string, string] => ['hub', l]),
    ['d', 'b'], // b -> hub -> c -> d -> b is a cycle
  ]);

  it('draws the classes one step either side, capping a hub and counting the rest', () => {
    const h = explorerNeighbourhood(ix, 'hub', { depth: 1, perClass: [10] });
    expect(h.unknown).toBe(false);
    expect(h.nodes[0]).toBe('hub');
    // c is on a cycle with the hub: listed before the leaves
    expect(h.nodes).toContain('c');
    expect(h.nodes).toContain('b');
    expect(h.nodes).not.toContain('a');
    expect(h.nodes).toHaveLength(1 + 10 + 1);
    expect(h.hidden).toEqual([{ name: 'hub', direction: 'out', count: 91 }]);
    // every edge drawn joins two drawn classes
    for (const e of h.edges)
      expect(h.nodes.includes(e.prev) && h.nodes.includes(e.next)).toBe(true);
  });

  it('goes two steps along each direction, never sideways', () => {
    const h = explorerNeighbourhood(ix, 'c', { depth: 2 });
    expect(new Set(h.nodes)).toEqual(new Set(['c', 'd', 'b', 'hub']));
    const far = explorerNeighbourhood(ix, 'b', { depth: 2, perClass: [30, 3] });
    expect(far.nodes).toContain('a');
    expect(far.nodes).toContain('c'); // b -> hub -> c
    expect(far.hidden).toContainEqual({ name: 'hub', direction: 'out', count: 98 });
  });

  it('tells an unknown class apart from a lonely one', () => {
    expect(explorerNeighbourhood(ix, 'nope', { depth: 1 }).unknown).toBe(true);
    const lonely = graphOf([['x', 'y']], ['alone']);
    expect(explorerNeighbourhood(lonely, 'alone', { depth: 1 })).toEqual({
      nodes: ['alone'],
      edges: [],
      hidden: [],
      unknown: false,
    });
  });

  it('lists neighbours on a cycle with the class first', () => {
    expect(neighbours(ix, 'hub', 'out')[0]).toBe('c');
    expect(neighbours(ix, 'b', 'in')).toEqual(['d', 'a']);
    expect(edgesAmong(ix, ['b', 'hub', 'c'], 1)).toHaveLength(1);
  });
});
