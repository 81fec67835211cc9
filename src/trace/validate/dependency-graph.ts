// The lock dependency graph lockdep builds (check_prev_add / add_lock_to_list) and its strong-path
// breadth-first search (__bfs), per kernel/locking/lockdep.c and lockdep-design.rst (v6.x).
// Each edge prev -> next remembers which kinds of dependency it stands for (the DEP_*_BIT mask:
// Shared/Exclusive prev, Recursive/Non-recursive next) and the stack where it was first seen.
import type { LockMode } from '../types';

/** Where something happened: an event of the trace. */
export interface Site {
  /** index of the event in the trace */
  event: number;
  thread: string;
  stack: readonly string[];
  line: number | undefined;
}

export interface DepEdge {
  prev: string;
  next: string;
  /** DEP_{SR,ER,SN,EN}_MASK bits seen for this edge */
  dep: number;
  /** where the dependency was first established */
  site: Site;
}

export const DEP_SR = 1;
export const DEP_ER = 2;
export const DEP_SN = 4;
export const DEP_EN = 8;

const readLevel = (m: LockMode | undefined): number =>
  m === 'read' ? 1 : m === 'recursive-read' ? 2 : 0;

/** calc_dep(): bit0 = prev->read == 0, bit1 = next->read != 2 */
export function calcDep(prev: LockMode | undefined, next: LockMode | undefined): number {
  return 1 << ((readLevel(prev) === 0 ? 1 : 0) + ((readLevel(next) !== 2 ? 1 : 0) << 1));
}

/** calc_depb(): the same dependency seen from next, so one BFS rule serves both directions */
function backwardDep(dep: number): number {
  return (dep & (DEP_SR | DEP_EN)) | ((dep & DEP_ER) << 1) | ((dep & DEP_SN) >> 1);
}

export interface PathNode {
  cls: string;
  /** only -(*R)-> dependencies lead here: an -(S*)-> next would not make a strong path */
  onlyXr: boolean;
  parent: PathNode | null;
  /** the edge from parent to here (forward) or from here to parent (backward) */
  edge: DepEdge | null;
  depth: number;
}

export type Direction = 'forward' | 'backward';

export class DependencyGraph {
  private readonly after = new Map<string, DepEdge[]>();
  private readonly before = new Map<string, DepEdge[]>();
  private readonly byPair = new Map<string, DepEdge>();

  get size(): number {
    return this.byPair.size;
  }

  edge(prev: string, next: string): DepEdge | undefined {
    return this.byPair.get(`${prev}\u0000${next}`);
  }

  edges(): IterableIterator<DepEdge> {
    return this.byPair.values();
  }

  add(prev: string, next: string, dep: number, site: Site): DepEdge {
    const old = this.edge(prev, next);
    if (old) {
      old.dep |= dep;
      return old;
    }
    const e: DepEdge = { prev, next, dep, site };
    this.byPair.set(`${prev}\u0000${next}`, e);
    push(this.after, prev, e);
    push(this.before, next, e);
    return e;
  }

  /**
   * __bfs(): the shortest strong path from `root`, forwards along locks_after or backwards along
   * locks_before, to the first node `match` accepts (the root included). Lockdep marks a class
   * visited once; here a class is visited once per only_xr state, so a strong path that reaches a
   * class after a weaker one is not missed (documented in docs/trace-format.md).
   */
  search(
    root: string,
    rootOnlyXr: boolean,
    dir: Direction,
    match: (node: PathNode) => boolean,
  ): PathNode | null {
    const seen = new Map<string, number>(); // 1: reached with only_xr, 2: without (stronger)
    const start: PathNode = { cls: root, onlyXr: rootOnlyXr, parent: null, edge: null, depth: 0 };
    const queue: PathNode[] = [start];
    seen.set(root, rootOnlyXr ? 1 : 2);
    const lists = dir === 'forward' ? this.after : this.before;
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi]!;
      if (match(node)) return node;
      for (const e of lists.get(node.cls) ?? []) {
        let dep = dir === 'forward' ? e.dep : backwardDep(e.dep);
        // -(*R)-> followed by -(S*)-> is not a strong path
        if (node.onlyXr) dep &= DEP_ER | DEP_EN;
        if (!dep) continue;
        const onlyXr = !(dep & (DEP_SN | DEP_EN));
        const cls = dir === 'forward' ? e.next : e.prev;
        const was = seen.get(cls) ?? 0;
        if (was === 2 || (was === 1 && onlyXr)) continue;
        seen.set(cls, onlyXr ? 1 : 2);
        queue.push({ cls, onlyXr, parent: node, edge: e, depth: node.depth + 1 });
      }
    }
    return null;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The nodes from the root to `leaf`, root first. */
export function pathTo(leaf: PathNode): PathNode[] {
  const out: PathNode[] = [];
  for (let n: PathNode | null = leaf; n; n = n.parent) out.push(n);
  return out.reverse();
}
