import { describe, expect, it } from 'vitest';
import { generateLockdepDump } from '../../bench/lockgraph-dump';
import type { Report } from '../model/types';
import { parseText } from '../parse';
import { buildLockGraph } from './build';
import { isTakenBefore, suggestedLockOrder } from './lock-order';
import type { LockGraph } from './types';

/** A lock-graph report from `a -> b` strings, classes in first-seen order. */
function graphOf(...deps: string[]): LockGraph {
  const pairs = deps.map((d) => d.split(' -> ') as [string, string]);
  const names = [...new Set(pairs.flat())];
  const report: Report = {
    format: 'proc-lockdep',
    kind: 'lock-graph',
    title: '',
    lines: { start: 1, end: 1 },
    truncated: false,
    kernel: null,
    task: null,
    classes: names.map((name) => ({ name, usage: null, waitType: null })),
    dependencies: pairs.map(([prev, next]) => ({
      prev,
      next,
      trace: [],
      chainEntry: null,
      isNew: false,
    })),
    cycle: null,
    scenario: null,
    heldLocks: null,
    trace: [],
  };
  return buildLockGraph([report]);
}

/** The order is a topological order of the graph without the back edges, and names every class. */
function expectValidOrder(graph: LockGraph, order: ReturnType<typeof suggestedLockOrder>): void {
  expect([...order.order].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
  const position = new Map(order.order.map((id, i) => [id, i]));
  const back = new Set(order.backEdges.map((e) => e.id));
  for (const e of graph.edges) {
    if (back.has(e.id)) expect(position.get(e.prev)!).toBeGreaterThanOrEqual(position.get(e.next)!);
    else expect(position.get(e.prev)!).toBeLessThan(position.get(e.next)!);
  }
}

describe('isTakenBefore', () => {
  const g = graphOf('a -> b', 'b -> c', 'a -> c', 'c -> d', 'd -> b', 'e -> e');
  it('gives the shortest chain of dependencies from a to b', () => {
    expect(isTakenBefore(g, 'a', 'c')).toEqual(['a', 'c']);
    expect(isTakenBefore(g, 'a', 'd')).toEqual(['a', 'c', 'd']);
    expect(isTakenBefore(g, 'd', 'c')).toEqual(['d', 'b', 'c']);
  });
  it('is null when no order is recorded or a class is unknown', () => {
    expect(isTakenBefore(g, 'c', 'a')).toBeNull();
    expect(isTakenBefore(g, 'a', 'nope')).toBeNull();
  });
  it('a class before itself: the shortest cycle through it', () => {
    expect(isTakenBefore(g, 'b', 'b')).toEqual(['b', 'c', 'd', 'b']);
    expect(isTakenBefore(g, 'e', 'e')).toEqual(['e', 'e']);
    expect(isTakenBefore(g, 'a', 'a')).toBeNull();
  });
});

describe('suggestedLockOrder', () => {
  it('an acyclic graph: a topological order, no back edges, ties to the class printed first', () => {
    const g = graphOf('c -> d', 'a -> b', 'b -> d', 'a -> c');
    const o = suggestedLockOrder(g);
    expect(o.backEdges).toEqual([]);
    expect(o.order).toEqual(['a', 'c', 'b', 'd']);
    expectValidOrder(g, o);
  });

  it('a two-class inversion: exactly one of its dependencies is named', () => {
    const g = graphOf('x -> a', 'a -> b', 'b -> a', 'b -> y');
    const o = suggestedLockOrder(g);
    expect(o.order[0]).toBe('x');
    expect(o.order[o.order.length - 1]).toBe('y');
    expect(o.backEdges).toHaveLength(1);
    expectValidOrder(g, o);
  });

  it('names a self-loop as a back edge', () => {
    const g = graphOf('a -> a', 'a -> b');
    const o = suggestedLockOrder(g);
    expect(o.backEdges.map((e) => `${e.prev} -> ${e.next}`)).toEqual(['a -> a']);
    expectValidOrder(g, o);
  });

  it('one back edge breaks a long cycle whose one edge goes against the grain', () => {
    const g = graphOf('a -> b', 'b -> c', 'c -> d', 'd -> e', 'e -> a', 'a -> c', 'b -> d');
    const o = suggestedLockOrder(g);
    expect(o.backEdges.map((e) => `${e.prev} -> ${e.next}`)).toEqual(['e -> a']);
    expectValidOrder(g, o);
  });

  it('8,000 classes / 32,000 dependencies: valid, every back edge on a cycle, few of them', () => {
    const dump = generateLockdepDump({ classes: 8000, dependencies: 32000, cycles: 3, seed: 4 });
    const g = buildLockGraph(parseText(dump.text).reports);
    const o = suggestedLockOrder(g);
    expectValidOrder(g, o);
    const inScc = new Set(g.edges.filter((e) => e.inScc).map((e) => e.id));
    for (const e of o.backEdges) expect(inScc.has(e.id)).toBe(true);
    // each planted cycle needs one; the heuristic should not need many more
    expect(o.backEdges.length).toBeGreaterThanOrEqual(3);
    expect(o.backEdges.length).toBeLessThanOrEqual(6);
  });
});
