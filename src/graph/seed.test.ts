import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../parse';
import { CORPUS_DIR, corpusAvailable } from '../parse/corpus';
import { buildLockGraph } from './build';
import { cycleEdgeIds, shortestCycleThrough } from './cycles';
import { layeredLayout } from './layout';

// Seed 002 is the contract's own example of a 7-class cycle (report-json.md, "The cycle").
describe.runIf(corpusAvailable())('seed 002 through parse, graph and layout', () => {
  it('draws the report cycle top to bottom with #0 pointing back up', () => {
    const text = readFileSync(join(CORPUS_DIR, 'seeds', '002_2cc49d2819f18c37.txt'), 'utf8');
    const reports = parseText(text).reports.filter((r) => r.cycle);
    expect(reports.length).toBeGreaterThan(0);
    const g = buildLockGraph(reports, { only: [0] });
    const cycle = g.cycle!;
    expect(cycle).toHaveLength(7);
    expect(cycle[0]).toBe('cpu_hotplug_lock.rw_sem');
    const closing = cycleEdgeIds(cycle).at(-1)!;
    expect(g.edges.find((e) => e.id === closing)!.isNew).toBe(true);
    expect(g.nodes.find((n) => n.id === cycle[0])!.acquiring).toBe(true);
    const layout = layeredLayout(g);
    expect(layout.backEdges).toEqual([closing]);
    expect(cycle.map((c) => layout.ranks[c])).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(shortestCycleThrough(g, closing)).toEqual([cycle[6], ...cycle.slice(0, 6)]);
  });
});
