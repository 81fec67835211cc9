// An edge that points back up is drawn straight when nothing is in its way, and bowed out to the
// side just far enough to clear the boxes it would otherwise cross (a cycle closing over a column).
import type { Core } from 'cytoscape';
import type { NodeLabel } from './label';

export interface Box {
  x: number;
  y: number;
  /** full width and height */
  w: number;
  h: number;
}

const MARGIN = 14;

/**
 * The signed control-point distance for Cytoscape's unbundled-bezier (relative to the
 * source -> target direction), or 0 when the straight line crosses no box but its own ends'.
 * `side` 1 bows towards +x when the edge goes up, -1 towards -x.
 */
export function backEdgeBow(
  source: { x: number; y: number },
  target: { x: number; y: number },
  boxes: Iterable<Box>,
  side: 1 | -1,
): number {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return 0;
  const len = Math.sqrt(len2);
  let apex = 0;
  for (const b of boxes) {
    if ((b.x === source.x && b.y === source.y) || (b.x === target.x && b.y === target.y)) continue;
    const t = ((b.x - source.x) * dx + (b.y - source.y) * dy) / len2;
    if (t <= 0 || t >= 1) continue;
    const d = ((b.x - source.x) * dy - (b.y - source.y) * dx) / len; // signed distance
    // How far the box reaches across the line, seen along the line's normal.
    const reach = (Math.abs(dy) * b.w) / 2 / len + (Math.abs(dx) * b.h) / 2 / len + MARGIN;
    if (Math.abs(d) >= reach) continue;
    apex = Math.max(apex, reach + Math.abs(d));
  }
  if (apex === 0) return 0;
  // One control point: the curve's apex is half the control distance out.
  const bow = 2 * apex;
  return dy < 0 ? side * bow : -side * bow;
}

/** Marks the layout's back edges on the drawn graph: class `back` and the bow that clears the boxes. */
export function bowBackEdges(
  cy: Core,
  pos: Record<string, { x: number; y: number }>,
  labels: ReadonlyMap<string, NodeLabel>,
  backEdges: readonly string[],
  width: number,
): void {
  const boxes: Box[] = [];
  for (const [id, l] of labels) {
    const p = pos[id];
    if (p) boxes.push({ x: p.x, y: p.y, w: l.width, h: l.height });
  }
  const back = new Set(backEdges);
  cy.batch(() =>
    cy.edges().forEach((e) => {
      const from = pos[e.source().id()];
      const to = pos[e.target().id()];
      const bow =
        back.has(e.id()) && from && to && from !== to
          ? backEdgeBow(from, to, boxes, from.x >= width / 2 ? 1 : -1)
          : 0;
      e.toggleClass('back', bow !== 0);
      e.data('bow', bow);
    }),
  );
}
