// Strongly connected components by Tarjan's algorithm, iterative (an explicit call stack): a
// recursive walk overflows the JS stack on a 100,000-class path, and /proc/lockdep is 8,000 deep.
import type { Adjacency } from './adjacency';

/**
 * Every component with a cycle in it — more than one node, or one node with a self-loop —
 * as sorted node indexes; largest first, ties by lowest node index, so output is deterministic.
 */
export function findSccs(adj: Adjacency): number[][] {
  const { start, target } = adj;
  const n = start.length - 1;
  const order = new Int32Array(n).fill(-1); // discovery index
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const cursor = new Int32Array(n); // next out-slot to look at, per node on the call stack
  const stack = new Int32Array(n); // Tarjan's node stack
  const calls = new Int32Array(n); // the explicit call stack
  let sp = 0;
  let cp = 0;
  let counter = 0;
  const components: number[][] = [];

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    order[root] = low[root] = counter++;
    cursor[root] = start[root]!;
    stack[sp++] = root;
    onStack[root] = 1;
    calls[cp++] = root;
    while (cp > 0) {
      const v = calls[cp - 1]!;
      if (cursor[v]! < start[v + 1]!) {
        const w = target[cursor[v]!++]!;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          cursor[w] = start[w]!;
          stack[sp++] = w;
          onStack[w] = 1;
          calls[cp++] = w;
        } else if (onStack[w] && order[w]! < low[v]!) {
          low[v] = order[w]!;
        }
        continue;
      }
      cp--;
      if (cp > 0) {
        const parent = calls[cp - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] !== order[v]) continue;
      const members: number[] = [];
      let w: number;
      do {
        w = stack[--sp]!;
        onStack[w] = 0;
        members.push(w);
      } while (w !== v);
      if (members.length > 1 || hasSelfLoop(adj, v)) components.push(members.sort((a, b) => a - b));
    }
  }
  return components.sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

function hasSelfLoop(adj: Adjacency, v: number): boolean {
  for (let s = adj.start[v]!; s < adj.start[v + 1]!; s++) if (adj.target[s] === v) return true;
  return false;
}
