// A wait-for arrow runs straight from the CPU's badge to the lock it wants, unless that line
// would cross another box; then it bows out to the left (the side the badges are on) just far
// enough to pass every box between its ends.
import type { Box } from './back-edge-bow';

const MARGIN = 12;

/** Does the segment a-b pass through the box (grown by `pad`)? Liang–Barsky clipping. */
export function segmentHitsBox(
  a: { x: number; y: number },
  b: { x: number; y: number },
  box: Box,
  pad = 2,
): boolean {
  const x1 = box.x - box.w / 2 - pad;
  const x2 = box.x + box.w / 2 + pad;
  const y1 = box.y - box.h / 2 - pad;
  const y2 = box.y + box.h / 2 + pad;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a.x - x1],
    [dx, x2 - a.x],
    [-dy, a.y - y1],
    [dy, y2 - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

/**
 * Cytoscape's unbundled-bezier control-point distance that bows the arrow from `source` to
 * `target` out to the left of every box it would cross, or 0 when the straight line is clear.
 * `boxes` should hold neither end.
 */
export function waitEdgeBow(
  source: { x: number; y: number },
  target: { x: number; y: number },
  boxes: Iterable<Box>,
): number {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) return 0;
  const between: Box[] = [];
  let blocked = false;
  const top = Math.min(source.y, target.y);
  const bottom = Math.max(source.y, target.y);
  for (const b of boxes) {
    if (b.y + b.h / 2 < top || b.y - b.h / 2 > bottom) continue;
    between.push(b);
    if (segmentHitsBox(source, target, b)) blocked = true;
  }
  if (!blocked) return 0;
  // the left edge of everything between the ends, seen from the line's midpoint
  const mid = { x: (source.x + target.x) / 2, y: (source.y + target.y) / 2 };
  let left = Math.min(source.x, target.x);
  for (const b of between) left = Math.min(left, b.x - b.w / 2);
  const reach = mid.x - (left - MARGIN);
  // a quadratic curve's apex lies half-way to its control point; the distance is perpendicular
  const apex = (reach * Math.abs(dy)) / len + MARGIN;
  const bow = 2 * apex;
  // Cytoscape measures the distance to the right of source -> target: left is negative going down
  return dy >= 0 ? bow : -bow;
}
