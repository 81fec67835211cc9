// The lock graph at report, merged-log and whole-kernel sizes: build (with SCCs), SCCs alone, and
// the layered layout, on the shapes toolchain.md §7 timed general-purpose layouts on.
import type { Report } from '../src/model/types';
import { buildAdjacency } from '../src/graph/adjacency';
import { buildLockGraph } from '../src/graph/build';
import { layeredLayout } from '../src/graph/layout';
import { findSccs } from '../src/graph/scc';
import { rng } from './generate';
import { bestTime, formatMs } from './measure';

type Shape = 'dagish' | 'random';

/**
 * One report holding every dependency, no duplicate edges, no self-loops. dagish: next = prev +
 * 1..20 with 2% reversed (mostly ordered, a few cycles); random: uniform ends (very cyclic).
 */
function makeReport(shape: Shape, nodes: number, edges: number, seed: number): Report {
  const r = rng(seed);
  const name = (i: number) => `&sb->s_type->i_mutex_key#${i}`;
  const seen = new Set<number>();
  const dependencies: Report['dependencies'] = [];
  while (dependencies.length < edges) {
    let a = Math.floor(r() * nodes);
    let b = shape === 'random' ? Math.floor(r() * nodes) : a + 1 + Math.floor(r() * 20);
    if (b >= nodes || a === b) continue;
    if (shape === 'dagish' && r() < 0.02) [a, b] = [b, a];
    if (seen.has(a * nodes + b)) continue;
    seen.add(a * nodes + b);
    dependencies.push({ prev: name(a), next: name(b), trace: [], chainEntry: null, isNew: false });
  }
  return {
    format: 'proc-lockdep',
    kind: 'lock-graph',
    title: `${shape} ${nodes}/${edges}`,
    lines: { start: 1, end: 1 },
    truncated: false,
    kernel: null,
    task: null,
    classes: Array.from({ length: nodes }, (_, i) => ({
      name: name(i),
      usage: null,
      waitType: null,
    })),
    dependencies,
    cycle: null,
    scenario: null,
    heldLocks: null,
    trace: [],
  };
}

const CASES: readonly [Shape, number, number][] = [
  ['dagish', 500, 2000],
  ['dagish', 2000, 8000],
  ['dagish', 8000, 32000],
  ['random', 500, 2000],
  ['random', 2000, 8000],
  ['random', 8000, 32000],
];

export function benchGraph(): string {
  const head = [
    'graph',
    'nodes/edges',
    'build',
    'sccs',
    'layout',
    'total',
    'x@500',
    'nodes x',
    'notes',
  ];
  const rows: string[][] = [];
  const base = new Map<Shape, number>();
  for (const [shape, nodes, edges] of CASES) {
    const report = makeReport(shape, nodes, edges, nodes + edges);
    const graph = buildLockGraph([report]);
    const adj = buildAdjacency(graph.nodes, graph.edges);
    const build = bestTime(() => void buildLockGraph([report]));
    const sccs = bestTime(() => void findSccs(adj));
    let back = 0;
    let ranks = 0;
    let picture = '';
    const layout = bestTime(() => {
      const l = layeredLayout(graph);
      back = l.backEdges.length;
      ranks = Object.values(l.ranks).reduce((a, b) => Math.max(a, b), 0) + 1;
      const columns = Object.values(l.columns).reduce((a, b) => Math.max(a, b), 0) + 1;
      picture = `${Math.round(l.width)}x${Math.round(l.height)} px in ${columns} column${columns > 1 ? 's' : ''}`;
    });
    const total = build + layout;
    if (nodes === 500) base.set(shape, total);
    const largest = graph.sccs[0]?.length ?? 0;
    rows.push([
      shape,
      `${nodes}/${edges}`,
      formatMs(build),
      formatMs(sccs),
      formatMs(layout),
      formatMs(total),
      (total / base.get(shape)!).toFixed(1),
      (nodes / 500).toFixed(0),
      `${graph.sccs.length} sccs (largest ${largest}), ${back} back edges, ${ranks} ranks, ${picture}`,
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i < 2 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  return [
    'graph: buildLockGraph (includes sccs) + layeredLayout; total = build + layout;',
    'x@500 = total / total at 500 nodes of the same shape (linear would equal "nodes x")',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}
