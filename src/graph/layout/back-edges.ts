// Which dependencies to set aside so the rest is a DAG that can be ranked top to bottom: the
// edges a depth-first walk finds pointing back to a class still on its stack (self-loops too).
import type { Adjacency } from '../adjacency';

/**
 * Depth-first, iterative. The walk starts at `first` (the shown cycle's c0), then at classes no
 * dependency leads to, then at the rest, in node order; at each class it follows the edges
 * marked `preferred` (the shown cycle's) before the others. So a shown cycle c0 … c(n-1) is
 * walked in order and only its closing edge c(n-1) -> c0 is found pointing back.
 * Returns a flag per edge index and the preorder of the nodes (a good first order within ranks).
 */
export function findBackEdges(
  adj: Adjacency,
  edgeCount: number,
  preferred: Uint8Array,
  first: number,
): { back: Uint8Array; preorder: Int32Array } {
  const { start, target, edge } = adj;
  const n = start.length - 1;
  const back = new Uint8Array(edgeCount);
  const state = new Uint8Array(n); // 0 unseen, 1 on the stack, 2 done
  const cursor = new Int32Array(n);
  const pass = new Uint8Array(n); // 0: preferred edges, 1: the others
  const calls = new Int32Array(n);
  const preorder = new Int32Array(n);
  let seen = 0;

  const hasIn = new Uint8Array(n);
  for (let s = 0; s < target.length; s++) {
    const w = target[s]!;
    if (!(s >= start[w]! && s < start[w + 1]!)) hasIn[w] = 1; // a self-loop does not count
  }
  const roots: number[] = [];
  if (first >= 0) roots.push(first);
  for (let v = 0; v < n; v++) if (!hasIn[v]) roots.push(v);
  for (let v = 0; v < n; v++) roots.push(v);

  for (const root of roots) {
    if (state[root] !== 0) continue;
    let cp = 0;
    const enter = (v: number) => {
      state[v] = 1;
      cursor[v] = start[v]!;
      pass[v] = 0;
      preorder[seen++] = v;
      calls[cp++] = v;
    };
    enter(root);
    while (cp > 0) {
      const v = calls[cp - 1]!;
      if (cursor[v]! >= start[v + 1]!) {
        if (pass[v] === 0) {
          pass[v] = 1;
          cursor[v] = start[v]!;
        } else {
          state[v] = 2;
          cp--;
        }
        continue;
      }
      const s = cursor[v]!++;
      if (preferred[edge[s]!] !== (pass[v] === 0 ? 1 : 0)) continue;
      const w = target[s]!;
      if (state[w] === 0) enter(w);
      else if (state[w] === 1) back[edge[s]!] = 1;
    }
  }
  return { back, preorder };
}
