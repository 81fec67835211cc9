import { describe, expect, it } from 'vitest';
import { buildLockGraph } from './build';
import { edgeId } from './types';
import { SEVEN, circularReport, dep, makeReport } from './testdata/reports';

describe('buildLockGraph', () => {
  it('a 7-class circular report: one node per class, the cycle and its closing edge', () => {
    const g = buildLockGraph([circularReport(SEVEN)]);
    expect(g.nodes.map((n) => n.id)).toEqual(SEVEN);
    expect(g.nodes.map((n) => n.usage)).toEqual(SEVEN.map((_, i) => `+.+.${i}`));
    expect(g.cycle).toEqual(SEVEN);
    expect(g.cycleReport).toBe(0);
    expect(g.shown).toEqual([0]);
    expect(g.edges).toHaveLength(7);
    expect(g.edges.every((e) => e.inCycle && e.inScc && e.dependencies.length === 1)).toBe(true);
    const closing = g.edges.find((e) => e.id === edgeId(SEVEN[6]!, SEVEN[0]!))!;
    expect(closing.isNew).toBe(true);
    expect(closing.dependencies).toEqual([{ report: 0, index: 6 }]);
    expect(g.edges.filter((e) => e.isNew)).toEqual([closing]);
    expect(g.nodes.filter((n) => n.acquiring).map((n) => n.id)).toEqual([SEVEN[0]]);
    expect(g.nodes.filter((n) => n.held).map((n) => n.id)).toEqual([SEVEN[6]]);
    expect(g.sccs).toEqual([SEVEN]);
    expect(g.nodes.every((n) => n.scc === 0)).toBe(true);
  });

  it('recursive locking is a self-loop and a one-node component', () => {
    const a = '&(&dev->event_lock)->rlock';
    const r = makeReport({
      kind: 'recursive-locking',
      classes: [
        { name: a, usage: null, waitType: null },
        { name: 'events', usage: null, waitType: null },
      ],
      dependencies: [dep(a, a, 0)],
      cycle: [a],
      heldLocks: [
        { index: 0, class: 'events', address: null, at: null },
        { index: 1, class: a, address: null, at: null },
      ],
    });
    const g = buildLockGraph([r]);
    expect(g.edges).toEqual([
      {
        id: edgeId(a, a),
        prev: a,
        next: a,
        dependencies: [{ report: 0, index: 0 }],
        isNew: true,
        inCycle: true,
        inScc: true,
      },
    ]);
    expect(g.sccs).toEqual([[a]]);
    expect(g.nodes.map((n) => [n.id, n.scc, n.held, n.acquiring])).toEqual([
      [a, 0, true, true],
      ['events', -1, true, false],
    ]);
  });

  it('a report with no dependencies gives nodes and no edges', () => {
    const r = makeReport({
      kind: 'inconsistent-lock-state',
      classes: [{ name: '&card->irq_lock', usage: '{IN-HARDIRQ-W}', waitType: '2:2' }],
      heldLocks: [{ index: 0, class: '&card->open_mutex', address: null, at: null }],
    });
    const g = buildLockGraph([r]);
    expect(g.nodes.map((n) => [n.id, n.usage, n.waitType, n.held])).toEqual([
      ['&card->irq_lock', '{IN-HARDIRQ-W}', '2:2', false],
      ['&card->open_mutex', null, null, true],
    ]);
    expect(g.edges).toEqual([]);
    expect(g.cycle).toBeNull();
    expect(g.cycleReport).toBeNull();
    expect(g.sccs).toEqual([]);
  });

  it('a cut-off chain: cycle pairs with no printed dependency become edges without refs', () => {
    const r = makeReport({
      truncated: true,
      dependencies: [dep('A', 'B', 1)],
      cycle: ['A', 'B', 'C'],
    });
    const g = buildLockGraph([r]);
    expect(g.edges.map((e) => [e.prev, e.next, e.dependencies.length, e.inCycle])).toEqual([
      ['A', 'B', 1, true],
      ['B', 'C', 0, true],
      ['C', 'A', 0, true],
    ]);
    expect(g.sccs).toEqual([['A', 'B', 'C']]);
  });

  it('merges reports sharing classes: each class once, every dependency kept', () => {
    const first = circularReport(['A', 'B']);
    const second = circularReport(['B', 'C', 'A'], {
      classes: [
        { name: 'B', usage: 'ignored', waitType: '3:3' },
        { name: 'C', usage: null, waitType: null },
        { name: 'A', usage: null, waitType: null },
      ],
    });
    const alone = makeReport({ classes: [{ name: 'D', usage: null, waitType: null }] });
    const g = buildLockGraph([first, alone, second]);
    expect(g.shown).toEqual([0, 1, 2]);
    expect(g.nodes.map((n) => [n.id, n.usage, n.waitType, n.reports])).toEqual([
      ['A', '+.+.0', null, [0, 2]],
      ['B', '+.+.1', '3:3', [0, 2]],
      ['D', null, null, [1]],
      ['C', null, null, [2]],
    ]);
    // A -> B is printed by both reports (#1 of the first, the new #0 of the second)
    const ab = g.edges.find((e) => e.id === edgeId('A', 'B'))!;
    expect(ab.dependencies).toEqual([
      { report: 0, index: 0 },
      { report: 2, index: 2 },
    ]);
    expect(ab.isNew).toBe(true);
    expect(g.edges).toHaveLength(4); // A->B, B->A, B->C, C->A
    expect(g.cycle).toEqual(['A', 'B']);
    expect(g.cycleReport).toBe(0);
    expect(g.edges.filter((e) => e.inCycle).map((e) => e.id)).toEqual([
      edgeId('A', 'B'),
      edgeId('B', 'A'),
    ]);
    expect(g.sccs).toEqual([['A', 'B', 'C']]);
    expect(g.nodes.map((n) => n.scc)).toEqual([0, 0, -1, 0]);
    expect(g.nodes.filter((n) => n.acquiring).map((n) => n.id)).toEqual(['A', 'B']);
  });

  it('only: shows the chosen reports, keeping indexes into the full list', () => {
    const reports = [circularReport(['A', 'B']), circularReport(['B', 'C', 'A'])];
    const g = buildLockGraph(reports, { only: [1, 7, -1, 1] });
    expect(g.shown).toEqual([1]);
    expect(g.cycle).toEqual(['B', 'C', 'A']);
    expect(g.cycleReport).toBe(1);
    expect(g.nodes.every((n) => n.reports.join() === '1')).toBe(true);
    expect(g.edges.flatMap((e) => e.dependencies.map((d) => d.report))).toEqual([1, 1, 1]);
    expect(buildLockGraph(reports, { only: [] }).nodes).toEqual([]);
  });

  it('merged without any cycle: cycle is null; a later report with one is used', () => {
    const plain = makeReport({ dependencies: [dep('A', 'B')] });
    expect(buildLockGraph([plain, plain]).cycle).toBeNull();
    const g = buildLockGraph([plain, circularReport(['X', 'Y'])]);
    expect(g.cycle).toEqual(['X', 'Y']);
    expect(g.cycleReport).toBe(1);
  });

  it('two components: sccs largest first, nodes point at theirs', () => {
    const r = makeReport({
      dependencies: [
        dep('a', 'b'),
        dep('b', 'a'),
        dep('b', 'x'),
        dep('x', 'y'),
        dep('y', 'z'),
        dep('z', 'x'),
        dep('z', 'end'),
      ],
    });
    const g = buildLockGraph([r]);
    expect(g.sccs).toEqual([
      ['x', 'y', 'z'],
      ['a', 'b'],
    ]);
    expect(g.nodes.map((n) => `${n.id}:${n.scc}`)).toEqual([
      'a:1',
      'b:1',
      'x:0',
      'y:0',
      'z:0',
      'end:-1',
    ]);
    expect(g.edges.map((e) => e.inScc)).toEqual([true, true, false, true, true, true, false]);
  });

  it('is deterministic', () => {
    const reports = [circularReport(SEVEN), circularReport(['A', 'B'])];
    expect(JSON.stringify(buildLockGraph(reports))).toBe(JSON.stringify(buildLockGraph(reports)));
  });

  // Speed is the graph benchmark's job (npm run bench -- graph); this proves no recursion.
  it('100,000-class path and cycle: no recursion', () => {
    const n = 100_000;
    const names = Array.from({ length: n }, (_, i) => `lock#${i}`);
    const path = makeReport({ dependencies: names.slice(1).map((b, i) => dep(names[i]!, b)) });
    const g = buildLockGraph([path]);
    expect(g.nodes).toHaveLength(n);
    expect(g.edges).toHaveLength(n - 1);
    expect(g.sccs).toEqual([]);
    const ring = makeReport({ cycle: names });
    const h = buildLockGraph([ring]);
    expect(h.edges).toHaveLength(n);
    expect(h.sccs).toHaveLength(1);
    expect(h.sccs[0]).toHaveLength(n);
    expect(h.edges.every((e) => e.inCycle && e.inScc)).toBe(true);
  });
});
