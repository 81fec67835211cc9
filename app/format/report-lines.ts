// The selected report's own lines of the original text, and the map between those lines and the
// graph: report.spans say which line names which lock class ("ref": a class) or which dependency
// ("ref": "prev -> next", on the frames of a `-> #k` entry).
import type { LockGraph } from '../../src/graph';
import type { Span } from '../../src/model/types';
import type { GraphSelection } from '../store';

/** Lines start..end (1-based, inclusive) of text; at most `max` of them. Walks only that far. */
export function sliceLines(
  text: string,
  start: number,
  end: number,
  max: number,
): { lines: string[]; cut: boolean } {
  const lines: string[] = [];
  let line = 1;
  let from = 0;
  while (line < start && from >= 0) {
    from = text.indexOf('\n', from);
    if (from >= 0) from++;
    line++;
  }
  if (from < 0) return { lines, cut: false };
  const last = Math.min(end, start + max - 1);
  for (; line <= last; line++) {
    const nl = text.indexOf('\n', from);
    const raw = nl < 0 ? text.slice(from) : text.slice(from, nl);
    lines.push(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
    if (nl < 0) break;
    from = nl + 1;
  }
  return { lines, cut: end > last };
}

export function spansByLine(spans: readonly Span[] | undefined): Map<number, Span[]> {
  const out = new Map<number, Span[]>();
  for (const s of spans ?? []) {
    const list = out.get(s.line);
    if (list) list.push(s);
    else out.set(s.line, [s]);
  }
  return out;
}

/** "prev -> next", the way spans name a dependency. */
export function dependencyRef(prev: string, next: string): string {
  return `${prev} -> ${next}`;
}

/** Resolves a span's ref to a graph element: a class in the graph, or a dependency edge. */
export function selectionForRef(ref: string | null, graph: LockGraph): GraphSelection | null {
  if (ref === null) return null;
  if (graph.nodes.some((n) => n.id === ref)) return { kind: 'node', id: ref };
  // Class names can hold "->" themselves ("&mm->mmap_lock"), so match whole edges, not a split.
  const edge = graph.edges.find((e) => dependencyRef(e.prev, e.next) === ref);
  return edge ? { kind: 'edge', id: edge.id } : null;
}

/** What clicking a line selects: its dependency if it is a frame of one, else the class it names. */
export function selectionForLine(spans: readonly Span[], graph: LockGraph): GraphSelection | null {
  const ranked = [...spans].sort((a, b) => Number(b.role === 'frame') - Number(a.role === 'frame'));
  for (const s of ranked) {
    const sel = selectionForRef(s.ref, graph);
    if (sel) return sel;
  }
  return null;
}

/**
 * The lines that describe the selection: a class's lines, or a dependency's frames together with
 * the `-> #k` line that heads them.
 */
export function linesForSelection(
  selection: GraphSelection | null,
  graph: LockGraph | null,
  spans: readonly Span[] | undefined,
): number[] {
  if (!selection || !graph || !spans) return [];
  const out = new Set<number>();
  if (selection.kind === 'node') {
    for (const s of spans) if (s.ref === selection.id) out.add(s.line);
  } else {
    const edge = graph.edges.find((e) => e.id === selection.id);
    if (!edge) return [];
    const ref = dependencyRef(edge.prev, edge.next);
    for (const s of spans) if (s.ref === ref) out.add(s.line);
    const first = Math.min(...out);
    const head = spans.find(
      (s) => s.role === 'chain-entry' && s.ref === edge.next && s.line === first - 1,
    );
    if (head) out.add(head.line);
  }
  return [...out].sort((a, b) => a - b);
}
