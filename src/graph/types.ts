// The lock graph: lock classes as nodes, dependencies (`prev -> next`: next acquired while prev
// held) as edges, built from one report or merged from several. Derived data only — it is
// recomputed from reports, never stored beside them.

/** A dependency as it appears in a report: reports[report].dependencies[index]. */
export interface DependencyRef {
  report: number;
  index: number;
}

export interface LockNode {
  /** the lock class name, exactly as in the report model (report-json.md) */
  id: string;
  /** usage characters and wait type from the first report that prints them */
  usage: string | null;
  waitType: string | null;
  /** indexes of the reports that name this class */
  reports: number[];
  /** named in a held-locks list of one of the reports */
  held: boolean;
  /** the lock a task was trying to acquire when a report fired (the `next` of a new dependency) */
  acquiring: boolean;
  /** index into LockGraph.sccs when the class is on some cycle; -1 otherwise */
  scc: number;
  // ---- addition ----
  /**
   * Set when the node is not a lock but a thread waiting INTO the cycle (Report.waiters, a Java
   * deadlock's tail): the thread's name. Its edge to the lock it waits for has `waits` set.
   */
  waiter?: string;
}

export interface LockEdge {
  /** stable id: edgeId(prev, next) */
  id: string;
  prev: string;
  next: string;
  /** every report dependency that establishes this edge, in report order */
  dependencies: DependencyRef[];
  /** established by the acquisition that triggered a report */
  isNew: boolean;
  /** on the cycle of LockGraph.cycle */
  inCycle: boolean;
  /** both ends in the same strongly connected component (on some cycle) */
  inScc: boolean;
  // ---- addition ----
  /** a waiter's wait (thread -> lock, or a lock it holds -> the lock it waits for): no dependency of the report */
  waits?: boolean;
}

export interface LockGraph {
  nodes: LockNode[];
  edges: LockEdge[];
  /** the cycle of the report(s) shown, taken-before order (report-json.md); null when none */
  cycle: string[] | null;
  /** strongly connected components with a cycle (size > 1, or a self-loop), largest first */
  sccs: string[][];

  // ---- additions (buildLockGraph always sets them) ----
  /** indexes of the reports the graph was built from, ascending */
  shown?: number[];
  /** the report `cycle` comes from; null when `cycle` is null */
  cycleReport?: number | null;
}

export function edgeId(prev: string, next: string): string {
  // Class names may contain spaces, arrows and quotes; JSON keeps the pair unambiguous.
  return JSON.stringify([prev, next]);
}
