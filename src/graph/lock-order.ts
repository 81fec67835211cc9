// "Is A ever taken before B?" and "in what order should locks be taken?" over a whole graph.
// The suggested order is a topological order of the graph once the dependencies that close its
// cycles are set aside; those back edges are named, since each one is a lock order to fix.
import type { Adjacency } from './adjacency';
import { adjacencyOf, pathBetween } from './cycles';
import { reverseAdjacencyOf } from './neighbourhood';
import type { LockGraph } from './types';

/**
 * A chain of dependencies showing `b` acquired while `a` is held, directly or through other
 * classes: [a, …, b], shortest first. For a === b, the shortest cycle through it: [a, …, a]
 * ([a, a] for a self-loop). Null when the graph records no such order or a class is unknown.
 */
export function isTakenBefore(graph: LockGraph, a: string, b: string): string[] | null {
  if (a !== b) return pathBetween(graph, a, b);
  const adj = adjacencyOf(graph);
  const v = adj.index.get(a);
  if (v === undefined) return null;
  let best: string[] | null = null;
  for (let s = adj.start[v]!; s < adj.start[v + 1]!; s++) {
    const w = adj.target[s]!;
    if (w === v) return [a, a];
    const back = pathBetween(graph, graph.nodes[w]!.id, a);
    if (back && (best === null || back.length + 1 < best.length)) best = [a, ...back];
  }
  return best;
}

export interface BackEdge {
  prev: string;
  next: string;
  /** edgeId(prev, next) */
  id: string;
}

export interface LockOrder {
  /** every class once; take earlier ones first */
  order: string[];
  /**
   * the dependencies that go against `order` (next placed before prev, or a self-loop), in graph
   * edge order: without them the graph is acyclic and `order` is a topological order of it
   */
  backEdges: BackEdge[];
}

/**
 * A suggested lock order. Between strongly connected components it is exact: a topological order
 * of the component graph, ties going to the class printed first. Inside a component (a tangle of
 * cycles) some dependencies must go against any order; the fewest is the minimum feedback arc
 * set, NP-hard, so heuristics order its classes (orderComponent: the best of Eades–Lin–Smyth and a
 * few depth-first orders). Every back edge lies on a cycle; an acyclic graph has none.
 * O(8 × (V + E) + (V + E) log V).
 */
export function suggestedLockOrder(graph: LockGraph): LockOrder {
  const out = adjacencyOf(graph);
  const inn = reverseAdjacencyOf(graph);
  const n = graph.nodes.length;
  // component of each node: a cyclic SCC's index, or a component of its own
  const comp = new Int32Array(n);
  const members: number[][] = graph.sccs.map(() => []);
  for (let v = 0; v < n; v++) {
    const s = graph.nodes[v]!.scc;
    if (s >= 0 && s < members.length) {
      comp[v] = s;
      members[s]!.push(v);
    } else {
      comp[v] = members.length;
      members.push([v]);
    }
  }
  const comps = members.length;
  const minNode = Int32Array.from(members, (m) => m[0] ?? 0);
  // in-degree of each component from other components
  const indeg = new Int32Array(comps);
  for (let v = 0; v < n; v++)
    for (let s = out.start[v]!; s < out.start[v + 1]!; s++) {
      const w = out.target[s]!;
      if (comp[w] !== comp[v]) indeg[comp[w]!]!++;
    }
  const ready = new Heap<number>((a, b) => minNode[a]! - minNode[b]!);
  for (let k = 0; k < comps; k++) if (indeg[k] === 0) ready.push(k);
  const order: number[] = [];
  while (ready.size > 0) {
    const k = ready.pop();
    const inside =
      members[k]!.length > 1 ? orderComponent(members[k]!, comp, out, inn) : members[k]!;
    for (const v of inside) {
      order.push(v);
      for (let s = out.start[v]!; s < out.start[v + 1]!; s++) {
        const w = out.target[s]!;
        if (comp[w] !== k && --indeg[comp[w]!]! === 0) ready.push(comp[w]!);
      }
    }
  }
  const position = new Int32Array(n);
  order.forEach((v, i) => (position[v] = i));
  const backEdges: BackEdge[] = [];
  for (const e of graph.edges) {
    const a = out.index.get(e.prev);
    const b = out.index.get(e.next);
    if (a === undefined || b === undefined) continue;
    if (position[a]! >= position[b]!) backEdges.push({ prev: e.prev, next: e.next, id: e.id });
  }
  return { order: order.map((v) => graph.nodes[v]!.id), backEdges };
}

/** Depth-first orders tried besides Eades–Lin–Smyth, from this many starting classes. */
const DFS_STARTS = 8;

/**
 * The order of one component with the fewest dependencies against it among: Eades–Lin–Smyth,
 * and reverse depth-first finishing orders started at the classes with the fewest incoming
 * dependencies inside the component. The latter are what mostly-ordered kernels need: when every
 * cycle goes through one inverted dependency, a walk started at its `next` leaves only it behind.
 */
function orderComponent(
  nodes: readonly number[],
  comp: Int32Array,
  out: Adjacency,
  inn: Adjacency,
): number[] {
  const k = comp[nodes[0]!]!;
  const inside = (w: number) => comp[w] === k;
  const degree = (adj: Adjacency, v: number) => {
    let c = 0;
    for (let s = adj.start[v]!; s < adj.start[v + 1]!; s++) if (inside(adj.target[s]!)) c++;
    return c;
  };
  const backCount = (order: readonly number[]) => {
    const position = new Map<number, number>();
    order.forEach((v, i) => position.set(v, i));
    let back = 0;
    for (const v of order)
      for (let s = out.start[v]!; s < out.start[v + 1]!; s++) {
        const w = out.target[s]!;
        if (inside(w) && position.get(w)! <= position.get(v)!) back++;
      }
    return back;
  };
  let best = orderInside(nodes, comp, out, inn);
  let fewest = backCount(best);
  const starts = [...nodes]
    .map((v) => ({ v, in: degree(inn, v), out: degree(out, v) }))
    .sort((a, b) => a.in - b.in || b.out - a.out || a.v - b.v)
    .slice(0, DFS_STARTS);
  for (const { v } of starts) {
    if (fewest <= 1) break;
    const order = depthFirstOrder(nodes, v, inside, out);
    const back = backCount(order);
    if (back < fewest) [best, fewest] = [order, back];
  }
  return best;
}

/** Reverse finishing order of a depth-first walk from `first`, then from the rest in order. */
function depthFirstOrder(
  nodes: readonly number[],
  first: number,
  inside: (v: number) => boolean,
  out: Adjacency,
): number[] {
  const visited = new Set<number>();
  const finished: number[] = [];
  const stack: number[] = [];
  const cursor = new Map<number, number>();
  for (const root of [first, ...nodes]) {
    if (visited.has(root)) continue;
    visited.add(root);
    stack.push(root);
    cursor.set(root, out.start[root]!);
    while (stack.length) {
      const v = stack[stack.length - 1]!;
      const s = cursor.get(v)!;
      if (s < out.start[v + 1]!) {
        cursor.set(v, s + 1);
        const w = out.target[s]!;
        if (!inside(w) || visited.has(w)) continue;
        visited.add(w);
        cursor.set(w, out.start[w]!);
        stack.push(w);
        continue;
      }
      stack.pop();
      finished.push(v);
    }
  }
  return finished.reverse();
}

/** Eades–Lin–Smyth on one component: sources first, sinks last, else the largest out − in. */
function orderInside(
  nodes: readonly number[],
  comp: Int32Array,
  out: Adjacency,
  inn: Adjacency,
): number[] {
  const k = comp[nodes[0]!]!;
  const outDeg = new Map<number, number>();
  const inDeg = new Map<number, number>();
  const count = (adj: Adjacency, v: number) => {
    let c = 0;
    for (let s = adj.start[v]!; s < adj.start[v + 1]!; s++) {
      const w = adj.target[s]!;
      if (comp[w] === k && w !== v) c++;
    }
    return c;
  };
  for (const v of nodes) {
    outDeg.set(v, count(out, v));
    inDeg.set(v, count(inn, v));
  }
  const removed = new Set<number>();
  const first: number[] = [];
  const last: number[] = [];
  const sinks: number[] = [];
  const sources: number[] = [];
  // max out − in first, ties by node order; stale entries are skipped when popped
  const delta = new Heap<[number, number]>((a, b) => b[0] - a[0] || a[1] - b[1]);
  const classify = (v: number) => {
    if (outDeg.get(v) === 0) sinks.push(v);
    else if (inDeg.get(v) === 0) sources.push(v);
    else delta.push([outDeg.get(v)! - inDeg.get(v)!, v]);
  };
  for (const v of nodes) classify(v);
  const remove = (v: number) => {
    removed.add(v);
    const touched: number[] = [];
    for (let s = out.start[v]!; s < out.start[v + 1]!; s++) {
      const w = out.target[s]!;
      if (comp[w] !== k || w === v || removed.has(w)) continue;
      inDeg.set(w, inDeg.get(w)! - 1);
      touched.push(w);
    }
    for (let s = inn.start[v]!; s < inn.start[v + 1]!; s++) {
      const w = inn.target[s]!;
      if (comp[w] !== k || w === v || removed.has(w)) continue;
      outDeg.set(w, outDeg.get(w)! - 1);
      touched.push(w);
    }
    for (const w of touched) classify(w);
  };
  while (removed.size < nodes.length) {
    const sink = sinks.pop();
    if (sink !== undefined) {
      if (!removed.has(sink)) {
        last.push(sink);
        remove(sink);
      }
      continue;
    }
    const source = sources.pop();
    if (source !== undefined) {
      if (!removed.has(source)) {
        first.push(source);
        remove(source);
      }
      continue;
    }
    const top = delta.pop();
    const v = top[1];
    if (removed.has(v) || outDeg.get(v)! - inDeg.get(v)! !== top[0]) continue;
    first.push(v);
    remove(v);
  }
  return [...first, ...last.reverse()];
}

/** A binary heap: `compare(a, b) < 0` puts a nearer the top. */
class Heap<T> {
  private readonly items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}
  get size(): number {
    return this.items.length;
  }
  push(x: T): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.compare(a[i]!, a[p]!) >= 0) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): T {
    const a = this.items;
    const top = a[0]!;
    const end = a.pop()!;
    if (a.length > 0) {
      a[0] = end;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.compare(a[l]!, a[m]!) < 0) m = l;
        if (r < a.length && this.compare(a[r]!, a[m]!) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}
