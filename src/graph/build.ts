// Builds the lock graph of one report or of several merged: lock classes are nodes, dependencies
// `prev -> next` are edges, and the components with a cycle in them are found once, here.
import type { Report } from '../model/types';
import { buildAdjacency, indexNodes } from './adjacency';
import { findSccs } from './scc';
import { edgeId, type LockEdge, type LockGraph, type LockNode } from './types';

export interface BuildOptions {
  /** indexes into `reports` of the reports to show (default: all); order does not matter */
  only?: readonly number[];
}

/**
 * Nodes come in input order: each shown report's classes, then its held locks, dependency ends
 * and cycle members; usage and wait type come from the first report that prints them.
 * Edges come from dependencies (one edge per `prev -> next`, keeping every DependencyRef) and
 * from each report's cycle, consecutive pairs plus the closing `c(n-1) -> c0`: a cut-off chain
 * can name a cycle whose dependencies it never printed, and such an edge has no refs.
 *
 * `cycle` is the shown report's cycle; when several reports are merged it is the cycle of the
 * first shown report that has one (`cycleReport` says which), null when none has. Each report
 * may still be shown alone with `only: [i]` to see its own cycle.
 */
export function buildLockGraph(reports: readonly Report[], options: BuildOptions = {}): LockGraph {
  const shown = shownReports(reports.length, options.only);
  const nodes = new Map<string, LockNode>();
  const edges: LockEdge[] = [];

  const touch = (name: string, report: number): LockNode => {
    let node = nodes.get(name);
    if (!node) {
      node = {
        id: name,
        usage: null,
        waitType: null,
        reports: [],
        held: false,
        acquiring: false,
        scc: -1,
      };
      nodes.set(name, node);
    }
    if (node.reports[node.reports.length - 1] !== report) node.reports.push(report);
    return node;
  };
  // prev -> next -> edge: looked up once per dependency, so no id string is built for a lookup
  const byPrev = new Map<string, Map<string, LockEdge>>();
  const link = (prev: string, next: string): LockEdge => {
    let out = byPrev.get(prev);
    if (!out) byPrev.set(prev, (out = new Map()));
    let edge = out.get(next);
    if (!edge) {
      const id = edgeId(prev, next);
      edge = { id, prev, next, dependencies: [], isNew: false, inCycle: false, inScc: false };
      out.set(next, edge);
      edges.push(edge);
    }
    return edge;
  };

  for (const r of shown) {
    const report = reports[r]!;
    for (const c of report.classes) {
      const node = touch(c.name, r);
      if (node.usage === null && c.usage !== null) node.usage = c.usage;
      if (node.waitType === null && c.waitType !== null) node.waitType = c.waitType;
    }
    for (const h of report.heldLocks ?? []) touch(h.class, r).held = true;
    for (let index = 0; index < report.dependencies.length; index++) {
      const d = report.dependencies[index]!;
      touch(d.prev, r);
      const next = touch(d.next, r);
      const edge = link(d.prev, d.next);
      edge.dependencies.push({ report: r, index });
      if (d.isNew) {
        edge.isNew = true;
        next.acquiring = true;
      }
    }
    // threads waiting into the cycle (Java tails): shown, blocked on their lock, never in the cycle
    for (const w of report.waiters ?? []) {
      const id = waiterNodeId(w.thread);
      touch(id, r).waiter = w.thread;
      touch(w.waitsFor, r);
      link(id, w.waitsFor).waits = true;
      for (const h of w.holds) {
        touch(h, r).held = true;
        const e = link(h, w.waitsFor);
        if (e.dependencies.length === 0) e.waits = true;
      }
    }
    const cycle = report.cycle ?? [];
    for (const name of cycle) touch(name, r);
    for (let i = 0; i < cycle.length; i++) link(cycle[i]!, cycle[(i + 1) % cycle.length]!);
  }

  const cycleReport = shown.find((r) => (reports[r]!.cycle?.length ?? 0) > 0) ?? null;
  const cycle = cycleReport === null ? null : [...reports[cycleReport]!.cycle!];
  if (cycle) {
    for (let i = 0; i < cycle.length; i++) {
      byPrev.get(cycle[i]!)!.get(cycle[(i + 1) % cycle.length]!)!.inCycle = true;
    }
  }

  const nodeList = [...nodes.values()];
  const index = indexNodes(nodeList);
  const sccs = findSccs(buildAdjacency(nodeList, edges, false, index)).map((members, k) =>
    members.map((v) => {
      nodeList[v]!.scc = k;
      return nodeList[v]!.id;
    }),
  );
  for (const e of edges) {
    const scc = nodes.get(e.prev)!.scc;
    e.inScc = scc >= 0 && scc === nodes.get(e.next)!.scc;
  }
  return { nodes: nodeList, edges: edges, cycle, sccs, shown, cycleReport };
}

/** The node of a thread in Report.waiters: quoted, so that it cannot be taken for a lock's name. */
export function waiterNodeId(thread: string): string {
  return `thread "${thread}"`;
}

function shownReports(count: number, only: readonly number[] | undefined): number[] {
  if (!only) return Array.from({ length: count }, (_, i) => i);
  const valid = only.filter((i) => Number.isInteger(i) && i >= 0 && i < count);
  return [...new Set(valid)].sort((a, b) => a - b);
}
