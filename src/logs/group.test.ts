import { describe, expect, it } from 'vitest';
import { buildLockGraph } from '../graph';
import { emptyReport } from '../model/report';
import type { Report } from '../model/types';
import { parseText } from '../parse';
import { cycleIdentity, logCycles } from './cycles';
import { groupIndexOf, groupReports } from './group';
import { buildCorpusLog, corpusLogAvailable, LOG_PARTS } from './test-log';

function circular(cycle: string[], title: string, start: number): Report {
  const r = emptyReport('linux-lockdep', 'circular-dependency', { start, end: start + 9 });
  return { ...r, title, cycle };
}

describe('groupReports', () => {
  it('groups by key in order of first appearance, with counts, titles, lines and kinds', () => {
    const reports = [
      circular(['A', 'B'], 'possible deadlock in f', 1),
      circular(['C', 'D'], 'possible deadlock in h', 20),
      circular(['B', 'A'], 'possible deadlock in g', 40),
      circular(['A', 'B'], 'possible deadlock in g', 60),
    ];
    const groups = groupReports(reports);
    expect(groups.map((g) => [g.key, g.reports, g.count, g.first, g.last])).toEqual([
      ['cycle: A | B', [0, 2, 3], 3, 1, 69],
      ['cycle: C | D', [1], 1, 20, 29],
    ]);
    expect(groups[0]!.title).toBe('possible deadlock in f');
    expect(groups[0]!.titles).toEqual([
      { title: 'possible deadlock in g', count: 2 },
      { title: 'possible deadlock in f', count: 1 },
    ]);
    expect(groups[0]!.kinds).toEqual(['circular-dependency']);
    expect(groups[0]!.cycle).toEqual(['A', 'B']);
    expect(groupIndexOf(groups, 4)).toEqual([0, 1, 0, 0]);
  });

  it('gives nothing for nothing', () => {
    expect(groupReports([])).toEqual([]);
  });
});

describe('logCycles', () => {
  it('lists each report cycle once in any rotation, then the cycles only the merge closes', () => {
    const reports = [
      circular(['A', 'B', 'C'], 'x', 1),
      circular(['B', 'C', 'A'], 'y', 20),
      circular(['C', 'D'], 'z', 40),
      // D -> A here and A -> B -> C -> D above: the merge closes A -> B -> C -> D -> A
      {
        ...emptyReport('linux-lockdep', 'circular-dependency', { start: 60, end: 70 }),
        dependencies: [{ prev: 'D', next: 'A', trace: [], chainEntry: 1, isNew: false }],
      },
    ];
    const { cycles, complete } = logCycles(reports, buildLockGraph(reports));
    expect(complete).toBe(true);
    expect(cycles.slice(0, 2)).toEqual([
      { classes: ['A', 'B', 'C'], reports: [0, 1], merged: false },
      { classes: ['C', 'D'], reports: [2], merged: false },
    ]);
    expect(cycles.slice(2).map((c) => [cycleIdentity(c.classes), c.merged])).toEqual([
      [cycleIdentity(['A', 'B', 'C', 'D']), true],
    ]);
  });

  it('tells a cycle from its reverse', () => {
    expect(cycleIdentity(['A', 'B', 'C'])).toBe(cycleIdentity(['C', 'A', 'B']));
    expect(cycleIdentity(['A', 'B', 'C'])).not.toBe(cycleIdentity(['A', 'C', 'B']));
  });
});

describe.runIf(corpusLogAvailable())('a log built from corpus reports', () => {
  const out = parseText(buildCorpusLog());
  const groups = groupReports(out.reports);

  it('finds every report and groups the same deadlock reached from different functions', () => {
    expect(out.reports).toHaveLength(LOG_PARTS.length);
    const wg = groups.find((g) => g.key.includes('wg->static_identity.lock'))!;
    // 466 twice and 467: other function, other rotation, "#8" on one class
    expect(wg.count).toBe(3);
    expect(wg.titles.map((t) => t.title).sort()).toEqual([
      'possible deadlock in peer_remove_after_dead',
      'possible deadlock in wg_set_device',
    ]);
    expect(wg.key).toBe(
      'cycle: &wg->static_identity.lock | (work_completion)(&peer->transmit_handshake_work) | (wq_completion)wg-kex-wireguard1',
    );
    const ip = groups.find((g) => g.key.includes('sk_lock-AF_INET'))!;
    expect(ip.reports.map((i) => out.reports[i]!.title)).toEqual([
      'possible deadlock in do_ip_setsockopt',
      'possible deadlock in do_ip_getsockopt',
    ]);
  });

  it('keeps different bugs apart and covers every report once', () => {
    expect(groups.map((g) => g.key)).toEqual([...new Set(groups.map((g) => g.key))]);
    expect(groups).toHaveLength(6);
    expect(groups.flatMap((g) => g.reports).sort((a, b) => a - b)).toEqual(
      out.reports.map((_, i) => i),
    );
    for (const g of groups) {
      for (const i of g.reports) {
        expect(out.reports[i]!.lines.start).toBeGreaterThanOrEqual(g.first);
        expect(out.reports[i]!.lines.end).toBeLessThanOrEqual(g.last);
      }
    }
  });

  it('the merged graph holds every report cycle', () => {
    const graph = buildLockGraph(out.reports);
    const { cycles } = logCycles(out.reports, graph);
    const own = cycles.filter((c) => !c.merged);
    const expected = new Set(
      out.reports.filter((r) => r.cycle?.length).map((r) => cycleIdentity(r.cycle!)),
    );
    expect(new Set(own.map((c) => cycleIdentity(c.classes)))).toEqual(expected);
    const edges = new Set(graph.edges.map((e) => e.id));
    for (const c of cycles)
      c.classes.forEach((a, i) => {
        const b = c.classes[(i + 1) % c.classes.length]!;
        expect(edges.has(JSON.stringify([a, b]))).toBe(true);
      });
  });
});
