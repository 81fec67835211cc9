import { describe, expect, it } from 'vitest';
import { buildLockGraph } from '../build';
import { edgeId } from '../types';
import { SEVEN, circularReport, dep, makeReport } from '../testdata/reports';
import { layeredLayout, type LayeredLayout, type LayoutGraph, type Size } from './index';

const graphOf = (pairs: readonly [string, string][], cycle: string[] | null = null) =>
  buildLockGraph([makeReport({ dependencies: pairs.map(([a, b]) => dep(a, b)), cycle })]);

function randomPairs(n: number, m: number, seed: number): [string, string][] {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pairs: [string, string][] = [];
  for (let i = 0; i < m; i++) {
    pairs.push([`n${Math.floor(rand() * n)}`, `n${Math.floor(rand() * n)}`]);
  }
  return pairs;
}

function expectNoOverlap(graph: LayoutGraph, layout: LayeredLayout, size: (id: string) => Size) {
  const boxes = graph.nodes.map((node) => {
    const p = layout.positions[node.id]!;
    const s = size(node.id);
    return {
      id: node.id,
      l: p.x - s.width / 2,
      r: p.x + s.width / 2,
      t: p.y - s.height / 2,
      b: p.y + s.height / 2,
    };
  });
  for (const b of boxes) {
    expect(b.l).toBeGreaterThanOrEqual(-1e-9);
    expect(b.t).toBeGreaterThanOrEqual(-1e-9);
    expect(b.r).toBeLessThanOrEqual(layout.width + 1e-9);
    expect(b.b).toBeLessThanOrEqual(layout.height + 1e-9);
  }
  // sweep by left edge so the check stays cheap
  boxes.sort((p, q) => p.l - q.l);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length && boxes[j]!.l < a.r; j++) {
      const b = boxes[j]!;
      const overlap = a.t < b.b && b.t < a.b;
      if (overlap) throw new Error(`${a.id} overlaps ${b.id}`);
    }
  }
}

function expectEdgesDown(graph: LayoutGraph, layout: LayeredLayout) {
  const back = new Set(layout.backEdges);
  for (const e of graph.edges) {
    const down = layout.ranks[e.next]! > layout.ranks[e.prev]!;
    expect(down, `${e.id} ${back.has(e.id) ? 'is set aside' : 'points down'}`).toBe(
      !back.has(e.id),
    );
    if (back.has(e.id)) continue;
    const [from, to] = [layout.columns[e.prev]!, layout.columns[e.next]!];
    // within a column an edge points down; a folded drawing goes on in the next column
    if (from === to)
      expect(layout.positions[e.next]!.y).toBeGreaterThan(layout.positions[e.prev]!.y);
    else expect(layout.positions[e.next]!.x).toBeGreaterThan(layout.positions[e.prev]!.x);
  }
}

describe('layeredLayout', () => {
  it('the 7-cycle reads top to bottom; only the closing edge points back up', () => {
    const g = buildLockGraph([circularReport(SEVEN)]);
    const layout = layeredLayout(g);
    expect(SEVEN.map((c) => layout.ranks[c])).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(layout.backEdges).toEqual([edgeId(SEVEN[6]!, SEVEN[0]!)]);
    const ys = SEVEN.map((c) => layout.positions[c]!.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(7);
  });

  it('keeps the shown cycle in order whatever the node order and chords', () => {
    // classes listed backwards, a chord down (c1 -> c4), a chord back (c5 -> c2), a held lock
    const report = circularReport(SEVEN, {
      classes: [...SEVEN].reverse().map((name) => ({ name, usage: null, waitType: null })),
    });
    report.dependencies.unshift(dep(SEVEN[5]!, SEVEN[2]!), dep(SEVEN[1]!, SEVEN[4]!));
    report.dependencies.push(dep('held', SEVEN[3]!));
    const g = buildLockGraph([report]);
    const layout = layeredLayout(g);
    const r = SEVEN.map((c) => layout.ranks[c]!);
    expect(r).toEqual([...r].sort((a, b) => a - b));
    expect(new Set(r).size).toBe(7);
    expect(layout.backEdges).toContain(edgeId(SEVEN[6]!, SEVEN[0]!));
    for (let i = 0; i < 6; i++)
      expect(layout.backEdges).not.toContain(edgeId(SEVEN[i]!, SEVEN[i + 1]!));
    expectEdgesDown(g, layout);
    // the held lock sits just above the class it was held while taking
    expect(layout.ranks['held']).toBe(layout.ranks[SEVEN[3]!]! - 1);
  });

  it('a DAG has no back edges and every edge points down', () => {
    const pairs: [string, string][] = [];
    for (let i = 0; i < 200; i++)
      for (const d of [1, 3, 7]) if (i + d < 200) pairs.push([`n${i}`, `n${i + d}`]);
    const g = graphOf(pairs);
    const layout = layeredLayout(g);
    expect(layout.backEdges).toEqual([]);
    expectEdgesDown(g, layout);
  });

  it('random graphs: kept edges point down, no two nodes overlap, sizes respected', () => {
    const size = (id: string) => ({
      width: 40 + ((id.length * 37) % 200),
      height: 20 + ((id.length * 13) % 50),
    });
    for (const seed of [1, 2, 3]) {
      const g = graphOf(randomPairs(300, 1200, seed));
      const layout = layeredLayout(g, { nodeSize: size });
      expectEdgesDown(g, layout);
      expectNoOverlap(g, layout, size);
      expect(layout.backEdges.length).toBeGreaterThan(0);
    }
  });

  it('self-loops are set aside', () => {
    const g = graphOf(
      [
        ['a', 'a'],
        ['a', 'b'],
      ],
      ['a'],
    );
    const layout = layeredLayout(g);
    expect(layout.backEdges).toEqual([edgeId('a', 'a')]);
    expect(layout.ranks).toEqual({ a: 0, b: 1 });
  });

  it('wraps a wide rank into rows no wider than the limit', () => {
    const names = Array.from({ length: 1000 }, (_, i) => `&lock_${i}`);
    const g = buildLockGraph([
      makeReport({ classes: names.map((name) => ({ name, usage: null, waitType: null })) }),
    ]);
    const layout = layeredLayout(g, { maxRowWidth: 2000 });
    expect(layout.width).toBeLessThanOrEqual(2000);
    expect(layout.height).toBeGreaterThan(40 * 50);
    expectNoOverlap(g, layout, () => ({ width: 160, height: 40 }));
    // the default keeps the picture roughly square
    const auto = layeredLayout(g);
    expect(auto.width / auto.height).toBeGreaterThan(0.5);
    expect(auto.width / auto.height).toBeLessThan(8);
  });

  it('folds a deep drawing into columns, ranks in order left to right', () => {
    const pairs: [string, string][] = [];
    for (let i = 0; i < 2000; i++) for (const d of [1, 2]) pairs.push([`n${i}`, `n${i + d}`]);
    const g = graphOf(pairs);
    const layout = layeredLayout(g);
    const cols = Object.values(layout.columns);
    const count = Math.max(...cols) + 1;
    expect(count).toBeGreaterThan(3);
    expect(layout.width / layout.height).toBeGreaterThan(0.3);
    expect(layout.width / layout.height).toBeLessThan(3);
    expectEdgesDown(g, layout);
    expectNoOverlap(g, layout, () => ({ width: 160, height: 40 }));
    // columns hold consecutive ranks
    for (const e of g.edges)
      expect(layout.columns[e.next]).toBeGreaterThanOrEqual(layout.columns[e.prev]!);
    // a report-sized cycle is never folded, however narrow
    const tall = layeredLayout(buildLockGraph([circularReport(SEVEN)]));
    expect(new Set(Object.values(tall.columns))).toEqual(new Set([0]));
  });

  it('takes sizes as a plain object (for a worker), with a default for the rest', () => {
    const g = graphOf([['a', 'b']]);
    const layout = layeredLayout(g, {
      sizes: { a: { width: 500, height: 100 } },
      defaultSize: { width: 10, height: 10 },
    });
    expect(layout.width).toBe(500);
    expect(layout.positions['a']).toEqual({ x: 250, y: 50 });
    expect(layout.positions['b']).toEqual({ x: 250, y: 100 + 60 + 5 });
    expect(layout.height).toBe(170);
  });

  it('is deterministic and survives awkward class names', () => {
    const g = graphOf([
      ['__proto__', 'constructor'],
      ['constructor', '__proto__'],
      ['x', 'constructor'],
    ]);
    const a = layeredLayout(g);
    const b = layeredLayout(g);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.keys(a.positions).sort()).toEqual(['__proto__', 'constructor', 'x']);
    const big = graphOf(randomPairs(2000, 8000, 9));
    expect(JSON.stringify(layeredLayout(big))).toBe(JSON.stringify(layeredLayout(big)));
  });

  it('a 100,000-class path and cycle: no recursion', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `l${i}`);
    const ring = buildLockGraph([makeReport({ cycle: names })]);
    const layout = layeredLayout(ring);
    expect(layout.backEdges).toEqual([edgeId(names.at(-1)!, names[0]!)]);
    expect(layout.ranks[names.at(-1)!]).toBe(99_999);
    const path = buildLockGraph([
      makeReport({ dependencies: names.slice(1).map((b, i) => dep(names[i]!, b)) }),
    ]);
    const straight = layeredLayout(path);
    expect(straight.backEdges).toEqual([]);
    expect(straight.ranks[names.at(-1)!]).toBe(99_999);
  });
});
