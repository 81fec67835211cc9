// The lock graph as a standalone SVG: boxes for lock classes, arrows prev -> next, the cycle and
// any highlight drawn as the app draws them. The app hands in what is on screen (positions and
// classes read from the view); the CLI lays the graph out with layeredLayout.
import { cycleEdgeIds, layeredLayout, type LockGraph } from '../graph';
import type { Report } from '../model/types';
import { wrapName } from './dot';

export interface SvgNode {
  id: string;
  /** centre, in drawing units */
  x: number;
  y: number;
  width: number;
  height: number;
  /** the label's lines */
  lines: string[];
  /** view classes: in-cycle, in-scc, held, acquiring, highlighted, selected, faded */
  classes: readonly string[];
}

export interface SvgEdge {
  id: string;
  prev: string;
  next: string;
  label: string;
  /** view classes: in-cycle, in-scc, new, highlighted, selected, faded */
  classes: readonly string[];
  /**
   * a bowed arrow (the edge closing a cycle): how far its control point is off the straight line,
   * to the left of prev -> next; Cytoscape's control-point-distances, so the app hands it over as is
   */
  bow?: number;
}

export interface SvgDrawing {
  nodes: SvgNode[];
  edges: SvgEdge[];
  /** a caption drawn at the top (the report's title) */
  title?: string;
}

export interface SvgPalette {
  background: string;
  text: string;
  nodeBg: string;
  nodeBorder: string;
  edge: string;
  sccBg: string;
  sccEdge: string;
  cycle: string;
  cycleBg: string;
  highlight: string;
}

/** The app's light theme (app/styles/base.css, LockGraphView.css). */
export const LIGHT_PALETTE: SvgPalette = {
  background: '#ffffff',
  text: '#1d1d1b',
  nodeBg: '#ffffff',
  nodeBorder: '#5c5c57',
  edge: '#8b8b84',
  sccBg: '#fbeede',
  sccEdge: '#c0771d',
  cycle: '#8a2be2',
  cycleBg: '#f4ecfd',
  highlight: '#1f5fbf',
};

export const FONT_SIZE = 12;
const LINE_HEIGHT = FONT_SIZE * 1.3;
const CHAR_WIDTH = FONT_SIZE * 0.6;
const PAD_X = 10;
const PAD_Y = 7;
const MARGIN = 24;

export interface SvgOptions {
  palette?: Partial<SvgPalette>;
}

export function renderSvg(drawing: SvgDrawing, options: SvgOptions = {}): string {
  const p = { ...LIGHT_PALETTE, ...options.palette };
  const box = bounds(drawing);
  const top = drawing.title ? LINE_HEIGHT + 12 : 0;
  const width = Math.ceil(box.x2 - box.x1 + 2 * MARGIN);
  const height = Math.ceil(box.y2 - box.y1 + 2 * MARGIN + top);
  const dx = MARGIN - box.x1;
  const dy = MARGIN + top - box.y1;
  const byId = new Map(drawing.nodes.map((n) => [n.id, n]));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans Mono, ui-monospace, Menlo, Consolas, monospace" font-size="${FONT_SIZE}">`,
    `<title>${xml(drawing.title ?? 'Lock graph')}</title>`,
    `<style>${stylesheet(p)}</style>`,
    '<defs>',
    ...(['edge', 'scc', 'cycle', 'hl'] as const).map(
      (kind) =>
        `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${markerColour(kind, p)}"/></marker>`,
    ),
    '</defs>',
    `<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="${attr(p.background)}"/>`,
  ];
  if (drawing.title) {
    out.push(`<text class="caption" x="${MARGIN}" y="${MARGIN}">${xml(drawing.title)}</text>`);
  }
  out.push(`<g transform="translate(${num(dx)} ${num(dy)})">`);
  out.push('<g class="edges">');
  for (const e of drawing.edges) {
    const a = byId.get(e.prev);
    const b = byId.get(e.next);
    if (a && b) out.push(edgeSvg(e, a, b));
  }
  out.push('</g>', '<g class="nodes">');
  for (const n of drawing.nodes) out.push(nodeSvg(n));
  out.push('</g>', '</g>', '</svg>');
  return out.join('\n') + '\n';
}

function markerColour(kind: 'edge' | 'scc' | 'cycle' | 'hl', p: SvgPalette): string {
  const c = { edge: p.edge, scc: p.sccEdge, cycle: p.cycle, hl: p.highlight }[kind];
  return attr(c);
}

function stylesheet(p: SvgPalette): string {
  return [
    `text{fill:${css(p.text)}}`,
    `.node rect{fill:${css(p.nodeBg)};stroke:${css(p.nodeBorder)};stroke-width:1.5}`,
    `.node.in-scc rect{fill:${css(p.sccBg)}}`,
    `.node.in-cycle rect{fill:${css(p.cycleBg)};stroke:${css(p.cycle)};stroke-width:2.5}`,
    `.node rect.inner{fill:none;stroke-width:1.2}`,
    `.node.acquiring rect{stroke-dasharray:6 3;stroke-width:3}`,
    `.node.selected rect{stroke:${css(p.highlight)};stroke-width:4}`,
    `.edge path{fill:none;stroke:${css(p.edge)};stroke-width:1.5}`,
    `.edge.in-scc path{stroke:${css(p.sccEdge)};stroke-width:2}`,
    `.edge.in-cycle path{stroke:${css(p.cycle)};stroke-width:3}`,
    `.edge.new path{stroke-dasharray:8 4}`,
    `.edge.selected path{stroke:${css(p.highlight)};stroke-width:4.5}`,
    `.edge text{font-size:11px}`,
    `.edge.in-cycle text{fill:${css(p.cycle)}}`,
    `.label-bg{fill:${css(p.background)};opacity:0.9}`,
    `.faded{opacity:0.28}`,
    `.caption{font-weight:bold;font-size:13px}`,
    // last, so no class rule for the box or arrow above reaches the halo behind it
    `.node rect.halo{fill:${css(p.highlight)};stroke:none;opacity:0.28}`,
    `.edge path.halo{fill:none;stroke:${css(p.highlight)};stroke-width:13;stroke-dasharray:none;stroke-linecap:round;opacity:0.28}`,
    `.selected .halo{opacity:0.45}`,
  ].join('');
}

function nodeSvg(n: SvgNode): string {
  const x = n.x - n.width / 2;
  const y = n.y - n.height / 2;
  const lines = n.lines.length > 0 ? n.lines : [n.id];
  const first = n.y - ((lines.length - 1) * LINE_HEIGHT) / 2;
  const text = lines
    .map(
      (l, i) =>
        `<tspan x="${num(x + PAD_X)}" y="${num(first + i * LINE_HEIGHT)}">${xml(l)}</tspan>`,
    )
    .join('');
  return (
    `<g class="${classAttr('node', n.classes)}" data-id="${attr(n.id)}">` +
    // lit up: a halo behind the box, as the app's underlay
    (lit(n.classes)
      ? `<rect class="halo" x="${num(x - 6)}" y="${num(y - 6)}" width="${num(n.width + 12)}" height="${num(n.height + 12)}" rx="10"/>`
      : '') +
    `<rect x="${num(x)}" y="${num(y)}" width="${num(n.width)}" height="${num(n.height)}" rx="6"/>` +
    // held: a double border, as in the app
    (n.classes.includes('held')
      ? `<rect class="inner" x="${num(x + 3.5)}" y="${num(y + 3.5)}" width="${num(n.width - 7)}" height="${num(n.height - 7)}" rx="4"/>`
      : '') +
    `<text dominant-baseline="central" xml:space="preserve">${text}</text></g>`
  );
}

function edgeSvg(e: SvgEdge, a: SvgNode, b: SvgNode): string {
  const kind = e.classes.includes('selected')
    ? 'hl'
    : e.classes.includes('in-cycle')
      ? 'cycle'
      : e.classes.includes('in-scc')
        ? 'scc'
        : 'edge';
  const { d, mid } = a === b ? selfLoop(a) : edgePath(a, b, e.bow ?? 0);
  let label = '';
  if (e.label) {
    const w = e.label.length * 11 * 0.6 + 4;
    label =
      `<rect class="label-bg" x="${num(mid.x - w / 2)}" y="${num(mid.y - 8)}" width="${num(w)}" height="16" rx="2"/>` +
      `<text x="${num(mid.x)}" y="${num(mid.y)}" text-anchor="middle" dominant-baseline="central">${xml(e.label)}</text>`;
  }
  return (
    `<g class="${classAttr('edge', e.classes)}" data-prev="${attr(e.prev)}" data-next="${attr(e.next)}">` +
    (lit(e.classes) ? `<path class="halo" d="${d}"/>` : '') +
    `<path d="${d}" marker-end="url(#arrow-${kind})"/>${label}</g>`
  );
}

function lit(classes: readonly string[]): boolean {
  return classes.includes('highlighted') || classes.includes('selected');
}

type Point = { x: number; y: number };

/** A straight arrow, or a quadratic one bowed `bow` units to its left, from box edge to box edge. */
function edgePath(a: SvgNode, b: SvgNode, bow: number): { d: string; mid: Point } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const c = { x: (a.x + b.x) / 2 - (dy / len) * bow, y: (a.y + b.y) / 2 + (dx / len) * bow };
  const from = clip(a, bow ? c : b);
  const to = clip(b, bow ? c : a);
  if (!bow) {
    return {
      d: `M${num(from.x)},${num(from.y)}L${num(to.x)},${num(to.y)}`,
      mid: { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 },
    };
  }
  const mid = { x: (from.x + 2 * c.x + to.x) / 4, y: (from.y + 2 * c.y + to.y) / 4 };
  return {
    d: `M${num(from.x)},${num(from.y)}Q${num(c.x)},${num(c.y)} ${num(to.x)},${num(to.y)}`,
    mid,
  };
}

/** Where the line from the box's centre towards `toward` leaves the box. */
function clip(n: SvgNode, toward: Point): Point {
  const dx = toward.x - n.x;
  const dy = toward.y - n.y;
  if (dx === 0 && dy === 0) return { x: n.x, y: n.y };
  const t = Math.min(
    dx !== 0 ? n.width / 2 / Math.abs(dx) : Infinity,
    dy !== 0 ? n.height / 2 / Math.abs(dy) : Infinity,
  );
  return { x: n.x + dx * t, y: n.y + dy * t };
}

/** Recursive locking: a loop off the box's right side. */
function selfLoop(n: SvgNode): { d: string; mid: Point } {
  const x = n.x + n.width / 2;
  const y1 = n.y - n.height / 4;
  const y2 = n.y + n.height / 4;
  const out = 44;
  return {
    d: `M${num(x)},${num(y1)}C${num(x + out)},${num(y1 - 24)} ${num(x + out)},${num(y2 + 24)} ${num(x)},${num(y2)}`,
    mid: { x: x + out * 0.75, y: n.y },
  };
}

function bounds(d: SvgDrawing): { x1: number; y1: number; x2: number; y2: number } {
  if (d.nodes.length === 0) return { x1: 0, y1: 0, x2: 200, y2: 40 };
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const n of d.nodes) {
    x1 = Math.min(x1, n.x - n.width / 2);
    y1 = Math.min(y1, n.y - n.height / 2);
    // self-loops and bowed arrows reach past the boxes
    x2 = Math.max(x2, n.x + n.width / 2 + 48);
    y2 = Math.max(y2, n.y + n.height / 2);
  }
  for (const e of d.edges) {
    if (!e.bow) continue;
    const a = d.nodes.find((n) => n.id === e.prev);
    const b = d.nodes.find((n) => n.id === e.next);
    if (!a || !b) continue;
    const reach = Math.abs(e.bow) / 2 + 8;
    x1 = Math.min(x1, Math.min(a.x, b.x) - reach);
    x2 = Math.max(x2, Math.max(a.x, b.x) + reach);
  }
  if (d.title) x2 = Math.max(x2, x1 + d.title.length * 13 * 0.6);
  return { x1, y1, x2, y2 };
}

// ---- the graph as the CLI draws it ----

export interface GraphDrawingOptions {
  /** for "#k" and "new" edge labels (omitted when merged, as in the app) */
  reports?: readonly Report[];
  merged?: boolean;
  /** cycles drawn in the cycle colour (default: graph.cycle); e.g. every report's cycle in a merged graph */
  cycles?: readonly (readonly string[])[];
  /** what is lit up: class names and edge ids; everything else is faded */
  highlight?: { nodes: readonly string[]; edges: readonly string[] };
  title?: string;
}

/** Label lines and box size of a class, as the app wraps them (26 characters a line). */
export function nodeBox(id: string): { lines: string[]; width: number; height: number } {
  const lines = wrapName(id, 26);
  const longest = Math.max(...lines.map((l) => l.length));
  return {
    lines,
    width: Math.ceil(longest * CHAR_WIDTH + 2 * PAD_X),
    height: Math.ceil(lines.length * LINE_HEIGHT + 2 * PAD_Y),
  };
}

/** The whole graph laid out in layers (lock order top to bottom), classes as the app sets them. */
export function drawGraph(graph: LockGraph, options: GraphDrawingOptions = {}): SvgDrawing {
  const boxes = new Map(graph.nodes.map((n) => [n.id, nodeBox(n.id)]));
  const layout = layeredLayout(graph, { nodeSize: (id) => boxes.get(id)! });
  const cycles = options.cycles ?? (graph.cycle ? [graph.cycle] : []);
  const cycleNodes = new Set(cycles.flat());
  const cycleEdges = new Set(cycles.flatMap((c) => cycleEdgeIds(c)));
  const lit = options.highlight;
  const litIds = new Set([...(lit?.nodes ?? []), ...(lit?.edges ?? [])]);
  const view = (id: string, base: string[]) => {
    if (litIds.size === 0) return base;
    return [...base, litIds.has(id) ? 'highlighted' : 'faded'];
  };
  const back = new Set(layout.backEdges);
  const nodes: SvgNode[] = graph.nodes.map((n) => {
    const box = boxes.get(n.id)!;
    const pos = layout.positions[n.id] ?? { x: 0, y: 0 };
    const classes = [
      cycleNodes.has(n.id) ? 'in-cycle' : '',
      n.scc >= 0 ? 'in-scc' : '',
      n.held ? 'held' : '',
      n.acquiring ? 'acquiring' : '',
    ].filter(Boolean);
    return { id: n.id, ...pos, ...box, classes: view(n.id, classes) };
  });
  const edges: SvgEdge[] = graph.edges.map((e) => {
    const classes = [
      cycleEdges.has(e.id) ? 'in-cycle' : '',
      e.inScc ? 'in-scc' : '',
      e.isNew ? 'new' : '',
    ].filter(Boolean);
    const from = layout.positions[e.prev];
    const to = layout.positions[e.next];
    let bow = 0;
    if (back.has(e.id) && from && to && e.prev !== e.next) {
      const side = from.x >= layout.width / 2 ? 1 : -1;
      // the curve's middle is half as far off the line as its control point
      bow = side * Math.min(320, 80 + 0.4 * Math.hypot(to.x - from.x, to.y - from.y));
    }
    return {
      id: e.id,
      prev: e.prev,
      next: e.next,
      label: edgeLabel(e, options.reports ?? [], options.merged ?? false),
      classes: view(e.id, classes),
      bow,
    };
  });
  return { nodes, edges, ...(options.title !== undefined ? { title: options.title } : {}) };
}

function edgeLabel(edge: LockGraph['edges'][number], reports: readonly Report[], merged: boolean) {
  if (merged) return '';
  if (edge.isNew) return 'new';
  if (edge.dependencies.length !== 1) return '';
  const ref = edge.dependencies[0]!;
  const k = reports[ref.report]?.dependencies[ref.index]?.chainEntry;
  return k === null || k === undefined ? '' : `#${k}`;
}

// ---- escaping ----

/** Text content: XML's five, and the control characters XML 1.0 forbids as U+FFFD. */
export function xml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
      .replace(
        /[&<>"']/g,
        (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
      )
  );
}

const attr = xml;

/** A colour from the page's CSS variables into the SVG's stylesheet: no way out of the rule. */
function css(value: string): string {
  return /^[#\w(),.%\s-]{1,64}$/.test(value) ? value : '#888';
}

function classAttr(base: string, classes: readonly string[]): string {
  return [base, ...classes.filter((c) => /^[\w-]{1,40}$/.test(c))].join(' ');
}

function num(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 10) / 10) : '0';
}
