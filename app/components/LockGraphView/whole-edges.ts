// The whole graph's dependencies (32,000 for a whole kernel) drawn on a canvas of our own under
// Cytoscape's, following its pan and zoom. As Cytoscape elements they cost ~0.2 ms each to add,
// style, bound and draw (6-8 s here, seconds more per zoom step); as one canvas path they cost
// tens of milliseconds a frame. Straight centre-to-centre lines, as a haystack edge is; arrowheads
// at the target's border once zoomed in far enough to see them; only the edges in view are drawn.
import type { Core } from 'cytoscape';
import { ARROW_ZOOM } from './explorer-style';

export interface EdgeLayerInput {
  edges: readonly { prev: string; next: string; inScc: boolean }[];
  /** node centres, model coordinates (the layout's) */
  positions: Readonly<Record<string, { x: number; y: number }>>;
  /** node box sizes, for arrowheads that stop at the border */
  sizes: ReadonlyMap<string, { width: number; height: number }>;
  colours: { edge: string; sccEdge: string };
}

export interface EdgeLayer {
  /** dependencies the layer holds (drawn when in view; a self-loop is never seen this far out) */
  count: number;
  destroy(): void;
}

/** Arrowhead length and half-width, in model units (drawn only when zoomed in). */
const ARROW = { length: 9, half: 4 };

export function createEdgeLayer(
  cy: Core,
  container: HTMLElement,
  input: EdgeLayerInput,
): EdgeLayer {
  const { edges, positions, sizes, colours } = input;
  // x1 y1 x2 y2, and the target's half width and height, per edge
  const geo = new Float64Array(edges.length * 6);
  const scc = new Uint8Array(edges.length);
  let count = 0;
  for (const e of edges) {
    const a = positions[e.prev];
    const b = positions[e.next];
    const size = sizes.get(e.next);
    if (!a || !b || !size || e.prev === e.next) continue;
    geo.set([a.x, a.y, b.x, b.y, size.width / 2, size.height / 2], count * 6);
    scc[count++] = e.inScc ? 1 : 0;
  }

  const canvas = document.createElement('canvas');
  canvas.setAttribute('data-id', 'lockscope-edges');
  canvas.setAttribute('aria-hidden', 'true');
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' });
  container.prepend(canvas); // before Cytoscape's layers, so beneath them
  const ctx = canvas.getContext('2d')!;

  const draw = () => {
    const dpr = window.devicePixelRatio || 1;
    const w = container.clientWidth;
    const h = container.clientHeight;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
    }
    const zoom = cy.zoom();
    const pan = cy.pan();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * pan.x, dpr * pan.y);
    // the view in model coordinates: edges wholly outside it are skipped
    const vx1 = -pan.x / zoom;
    const vy1 = -pan.y / zoom;
    const vx2 = vx1 + w / zoom;
    const vy2 = vy1 + h / zoom;
    const arrows = zoom >= ARROW_ZOOM;
    for (const inScc of [0, 1]) {
      ctx.beginPath();
      if (arrows) ctx.fillStyle = inScc ? colours.sccEdge : colours.edge;
      for (let i = 0; i < count; i++) {
        if (scc[i] !== inScc) continue;
        const o = i * 6;
        const [x1, y1, x2, y2] = [geo[o]!, geo[o + 1]!, geo[o + 2]!, geo[o + 3]!];
        if (Math.max(x1, x2) < vx1 || Math.min(x1, x2) > vx2) continue;
        if (Math.max(y1, y2) < vy1 || Math.min(y1, y2) > vy2) continue;
        if (!arrows) {
          ctx.moveTo(x1, y1);
          ctx.lineTo(x2, y2);
          continue;
        }
        const tip = borderPoint(x1, y1, x2, y2, geo[o + 4]!, geo[o + 5]!);
        const dx = x2 - x1;
        const dy = y2 - y1;
        const len = Math.hypot(dx, dy) || 1;
        const [ux, uy] = [dx / len, dy / len];
        const bx = tip.x - ux * ARROW.length;
        const by = tip.y - uy * ARROW.length;
        ctx.moveTo(x1, y1);
        ctx.lineTo(bx, by);
        ctx.moveTo(tip.x, tip.y);
        ctx.lineTo(bx - uy * ARROW.half, by + ux * ARROW.half);
        ctx.lineTo(bx + uy * ARROW.half, by - ux * ARROW.half);
        ctx.lineTo(tip.x, tip.y);
      }
      ctx.globalAlpha = inScc ? 0.8 : arrows ? 0.7 : 0.45;
      ctx.strokeStyle = inScc ? colours.sccEdge : colours.edge;
      ctx.lineWidth = (inScc ? 1.5 : 1) / zoom;
      ctx.stroke();
      if (arrows) ctx.fill();
    }
    ctx.globalAlpha = 1;
  };

  let frame = 0;
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), draw()));
  };
  cy.on('viewport resize', schedule);
  draw();
  return {
    count: edges.length,
    destroy() {
      if (!cy.destroyed()) cy.off('viewport resize', schedule);
      if (frame) cancelAnimationFrame(frame);
      canvas.remove();
    },
  };
}

/** Where the segment from (x1, y1) to the centre (x2, y2) of a hw × hh half-size box enters it. */
export function borderPoint(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  hw: number,
  hh: number,
): { x: number; y: number } {
  const dx = x1 - x2;
  const dy = y1 - y2;
  if (dx === 0 && dy === 0) return { x: x2, y: y2 };
  const t = Math.min(
    dx === 0 ? Infinity : hw / Math.abs(dx),
    dy === 0 ? Infinity : hh / Math.abs(dy),
  );
  return t >= 1 ? { x: x2, y: y2 } : { x: x2 + dx * t, y: y2 + dy * t };
}
