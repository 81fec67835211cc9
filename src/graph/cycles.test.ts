import { describe, expect, it } from 'vitest';
import { buildLockGraph } from './build';
import { cycleEdgeIds, findCycles, pathBetween, shortestCycleThrough } from './cycles';
import { edgeId } from './types';
import { SEVEN, circularReport, dep, makeReport } from './testdata/reports';

/** Far above any normal run even on a loaded machine; speed itself is measured by `npm run bench`. */
const HANG_MS = 20_000;

const graphOf = (pairs: readonly [string, string][]) =>
  buildLockGraph([makeReport({ dependencies: pairs.map(([a, b]) => dep(a, b)) })]);

/** Every elementary cycle by brute force (small graphs only), rotated to its earliest node. */
function bruteCycles(nodes: readonly string[], pairs: readonly [string, string][]): string[] {
  const out = new Set<string>();
  const rank = new Map(nodes.map((id, i) => [id, i]));
  const walk = (path: string[]) => {
    const last = path[path.length - 1]!;
    for (const [a, b] of pairs) {
      if (a !== last) continue;
      if (b === path[0]) out.add(path.join(' '));
      else if (!path.includes(b) && rank.get(b)! > rank.get(path[0]!)!) walk([...path, b]);
    }
  };
  for (const s of nodes) walk([s]);
  return [...out].sort();
}

describe('shortestCycleThrough', () => {
  const seven = buildLockGraph([circularReport(SEVEN)]);

  it('gives the report cycle from the clicked edge prev, in taken-before order', () => {
    for (let i = 0; i < 7; i++) {
      const id = edgeId(SEVEN[i]!, SEVEN[(i + 1) % 7]!);
      expect(shortestCycleThrough(seven, id)).toEqual([...SEVEN.slice(i), ...SEVEN.slice(0, i)]);
    }
  });

  it('takes a chord when it is shorter, and only cycles that use the edge', () => {
    const g = graphOf([
      ['A', 'B'],
      ['B', 'C'],
      ['C', 'D'],
      ['D', 'A'],
      ['B', 'D'],
      ['D', 'E'],
    ]);
    expect(shortestCycleThrough(g, edgeId('A', 'B'))).toEqual(['A', 'B', 'D']);
    expect(shortestCycleThrough(g, edgeId('C', 'D'))).toEqual(['C', 'D', 'A', 'B']);
    expect(shortestCycleThrough(g, edgeId('B', 'C'))).toEqual(['B', 'C', 'D', 'A']);
    expect(shortestCycleThrough(g, edgeId('D', 'E'))).toBeNull();
    expect(shortestCycleThrough(g, edgeId('E', 'D'))).toBeNull();
  });

  it('a self-loop is its own cycle', () => {
    const g = graphOf([
      ['A', 'A'],
      ['A', 'B'],
    ]);
    expect(shortestCycleThrough(g, edgeId('A', 'A'))).toEqual(['A']);
    expect(shortestCycleThrough(g, edgeId('A', 'B'))).toBeNull();
  });

  it('walks a 100,000-class cycle without recursion', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `l${i}`);
    const g = buildLockGraph([makeReport({ cycle: names })]);
    const c = shortestCycleThrough(g, edgeId('l5', 'l6'))!;
    expect(c).toHaveLength(100_000);
    expect(c.slice(0, 2)).toEqual(['l5', 'l6']);
    expect(c.at(-1)).toBe('l4');
  });
});

describe('cycleEdgeIds', () => {
  it('lists the edges of a cycle with the closing one last', () => {
    expect(cycleEdgeIds(['A', 'B', 'C'])).toEqual([
      edgeId('A', 'B'),
      edgeId('B', 'C'),
      edgeId('C', 'A'),
    ]);
    expect(cycleEdgeIds(['A'])).toEqual([edgeId('A', 'A')]);
  });
});

describe('pathBetween', () => {
  const g = graphOf([
    ['A', 'B'],
    ['B', 'C'],
    ['A', 'X'],
    ['X', 'C'],
    ['C', 'D'],
  ]);
  it('finds a shortest dependency path, earliest edges first', () => {
    expect(pathBetween(g, 'A', 'D')).toEqual(['A', 'B', 'C', 'D']);
    expect(pathBetween(g, 'X', 'D')).toEqual(['X', 'C', 'D']);
    expect(pathBetween(g, 'A', 'A')).toEqual(['A']);
  });
  it('null when B is never taken after A, or a class is unknown', () => {
    expect(pathBetween(g, 'D', 'A')).toBeNull();
    expect(pathBetween(g, 'A', 'nope')).toBeNull();
  });
});

describe('findCycles', () => {
  it('the complete digraph on 4 classes has 20 elementary cycles', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const pairs = ids.flatMap((a) =>
      ids.filter((b) => b !== a).map((b) => [a, b] as [string, string]),
    );
    const { cycles, complete } = findCycles(graphOf(pairs));
    expect(complete).toBe(true);
    expect(cycles).toHaveLength(20);
    expect(cycles.map((c) => c.join(' ')).sort()).toEqual(bruteCycles(ids, pairs));
  });

  it('matches brute force on random small graphs (self-loops included)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 60; round++) {
      const n = 2 + Math.floor(rand() * 7);
      const ids = Array.from({ length: n }, (_, i) => `n${i}`);
      const pairs: [string, string][] = [];
      const seen = new Set<string>();
      for (let k = 0; k < n * 2; k++) {
        const a = ids[Math.floor(rand() * n)]!;
        const b = ids[Math.floor(rand() * n)]!;
        if (seen.has(a + b)) continue;
        seen.add(a + b);
        pairs.push([a, b]);
      }
      const g = graphOf(pairs);
      const { cycles, complete } = findCycles(g, { limit: 10_000 });
      expect(complete).toBe(true);
      // rotate each brute-force cycle to start at its earliest node in graph order
      const order = g.nodes.map((x) => x.id);
      const expected = bruteCycles(order, pairs);
      expect(cycles.map((c) => c.join(' ')).sort()).toEqual(expected);
    }
  });

  it('stops at the limit and says the list is partial', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const pairs = ids.flatMap((a) =>
      ids.filter((b) => b !== a).map((b) => [a, b] as [string, string]),
    );
    const { cycles, complete } = findCycles(graphOf(pairs), { limit: 5 });
    expect(cycles).toHaveLength(5);
    expect(complete).toBe(false);
  });

  it('stops at the work budget on a graph with exponentially many cycles', () => {
    // a ladder of 2-way choices closed into a ring: 2^40 elementary cycles
    const pairs: [string, string][] = [];
    for (let i = 0; i < 40; i++) {
      const next = `j${(i + 1) % 40}`;
      pairs.push([`j${i}`, `u${i}`], [`j${i}`, `d${i}`], [`u${i}`, next], [`d${i}`, next]);
    }
    const t0 = performance.now();
    const { cycles, complete } = findCycles(graphOf(pairs), { limit: 1e9, budget: 100_000 });
    expect(complete).toBe(false);
    expect(cycles.length).toBeGreaterThan(0);
    // a hang guard, not a speed check: super-linear blow-up on these inputs takes minutes
    expect(performance.now() - t0).toBeLessThan(HANG_MS);
  });

  it('none in a DAG; the report cycle in a report', () => {
    expect(
      findCycles(
        graphOf([
          ['a', 'b'],
          ['b', 'c'],
        ]),
      ),
    ).toEqual({ cycles: [], complete: true });
    expect(findCycles(buildLockGraph([circularReport(SEVEN)]))).toEqual({
      cycles: [SEVEN],
      complete: true,
    });
  });
});
