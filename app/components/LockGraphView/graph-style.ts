// How the lock graph looks: one stylesheet, coloured from the page's theme (CSS custom properties
// on the graph's container), rebuilt when the system switches between light and dark.
import type { NodeSingular, StylesheetJson } from 'cytoscape';

export interface GraphPalette {
  text: string;
  nodeBg: string;
  nodeBorder: string;
  edge: string;
  sccBg: string;
  sccEdge: string;
  cycle: string;
  cycleBg: string;
  highlight: string;
  labelBg: string;
  deadlock: string;
  changed: string;
}

const VARS: Record<keyof GraphPalette, string> = {
  text: '--text',
  nodeBg: '--graph-node-bg',
  nodeBorder: '--graph-node-border',
  edge: '--graph-edge',
  sccBg: '--graph-scc-bg',
  sccEdge: '--graph-scc-edge',
  cycle: '--cycle',
  cycleBg: '--graph-cycle-bg',
  highlight: '--accent',
  labelBg: '--surface',
  deadlock: '--error',
  changed: '--graph-step-changed',
};

/** One colour per CPU for the stepper's badges and wait-for arrows (white text reads on each). */
export const CPU_COLOURS = [
  '#1f6feb',
  '#1a7f37',
  '#b35900',
  '#0a7ea4',
  '#bf3989',
  '#6f42c1',
  '#7d5a1e',
  '#57606a',
];

export const STEP_BADGE_FONT_SIZE = 10;

function stepperStyles(p: GraphPalette, k: number): StylesheetJson {
  const perCpu = CPU_COLOURS.flatMap((c, i) => [
    { selector: `node.step-c${i}`, style: { 'background-color': c, 'border-color': c } },
    {
      selector: `edge.step-c${i}`,
      style: { 'line-color': c, 'target-arrow-color': c, color: c },
    },
  ]);
  return [
    {
      selector: '.step',
      style: { events: 'no', 'z-index': 20 },
    },
    {
      selector: 'node.step-badge',
      style: {
        shape: 'round-rectangle',
        width: k === 1 ? 'data(w)' : (n: NodeSingular) => Number(n.data('w')) * k,
        height: k === 1 ? 'data(h)' : (n: NodeSingular) => Number(n.data('h')) * k,
        label: 'data(label)',
        'font-family': LABEL_FONT_FAMILY,
        'font-size': STEP_BADGE_FONT_SIZE * k,
        'font-weight': 'bold',
        color: '#ffffff',
        'text-valign': 'center',
        'text-halign': 'center',
        'border-width': 1 * k,
      },
    },
    ...perCpu,
    {
      // holds nothing yet and waits: drawn hollow, in its colour
      selector: 'node.step-idle',
      style: { 'background-color': p.labelBg, 'border-width': 1.5 * k, color: p.text },
    },
    {
      selector: 'edge.step-wait',
      style: {
        width: 2.5 * k,
        'curve-style': 'straight',
        'line-style': 'dashed',
        'line-dash-pattern': [6 * k, 4 * k],
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.1,
        label: 'data(label)',
        'font-size': 10 * k,
        'font-style': 'italic',
        'text-background-color': p.labelBg,
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
      },
    },
    {
      selector: 'edge.step-wait.step-bowed',
      style: {
        'curve-style': 'unbundled-bezier',
        'control-point-distances': 'data(bow)',
        'control-point-weights': 0.5,
      },
    },
    {
      selector: 'edge.step-cycle',
      style: {
        'line-color': p.deadlock,
        'target-arrow-color': p.deadlock,
        color: p.deadlock,
        width: 3.5 * k,
      },
    },
    {
      selector: 'node.step-cycle-lock',
      style: { 'underlay-color': p.deadlock, 'underlay-opacity': 0.22, 'underlay-padding': 7 * k },
    },
    {
      selector: '.step-changed',
      style: { 'underlay-color': p.changed, 'underlay-opacity': 0.75, 'underlay-padding': 5 * k },
    },
    {
      selector: 'edge.step-changed',
      style: { 'underlay-padding': 3 * k, 'underlay-opacity': 0.6 },
    },
  ] as StylesheetJson;
}

export function readPalette(el: Element): GraphPalette {
  const css = getComputedStyle(el);
  const out = {} as GraphPalette;
  for (const [key, name] of Object.entries(VARS) as [keyof GraphPalette, string][])
    out[key] = css.getPropertyValue(name).trim() || '#888';
  return out;
}

/** The label font: monospace, so a label's width is its longest line times one character. */
export const LABEL_FONT_FAMILY = '"DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace';
export const LABEL_FONT_SIZE = 12;
export const LABEL_LINE_HEIGHT = 1.3;

/**
 * 'present': presentation mode, read from the back of a lecture hall — labels, borders, arrows
 * and edge widths all scaled by GRAPH_SCALE (node sizes follow: labelMetrics(variant)).
 */
export type GraphVariant = 'page' | 'present';
export const GRAPH_SCALE: Record<GraphVariant, number> = { page: 1, present: 1.75 };

/** The node label font size of a variant, px at zoom 1. */
export function labelFontSize(variant: GraphVariant = 'page'): number {
  return LABEL_FONT_SIZE * GRAPH_SCALE[variant];
}

export function graphStylesheet(p: GraphPalette, variant: GraphVariant = 'page'): StylesheetJson {
  const k = GRAPH_SCALE[variant];
  return [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        width: 'data(w)',
        height: 'data(h)',
        label: 'data(label)',
        'font-family': LABEL_FONT_FAMILY,
        'font-size': labelFontSize(variant),
        'line-height': LABEL_LINE_HEIGHT,
        color: p.text,
        'text-wrap': 'wrap',
        // The labels arrive wrapped (label.ts); this only stops Cytoscape wrapping them again.
        'text-max-width': '2000px',
        'text-valign': 'center',
        'text-halign': 'center',
        'text-justification': 'left',
        'background-color': p.nodeBg,
        'border-width': 1.5 * k,
        'border-color': p.nodeBorder,
      },
    },
    { selector: 'node.in-scc', style: { 'background-color': p.sccBg } },
    {
      selector: 'node.in-cycle',
      style: { 'border-color': p.cycle, 'border-width': 2.5 * k, 'background-color': p.cycleBg },
    },
    { selector: 'node.held', style: { 'border-style': 'double', 'border-width': 6 * k } },
    { selector: 'node.acquiring', style: { 'border-style': 'dashed', 'border-width': 3 * k } },
    {
      selector: 'edge',
      style: {
        width: 1.5 * k,
        'curve-style': 'bezier',
        'line-color': p.edge,
        'target-arrow-color': p.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.2,
        label: 'data(label)',
        'font-family': LABEL_FONT_FAMILY,
        'font-size': 11 * k,
        color: p.text,
        'text-background-color': p.labelBg,
        'text-background-opacity': 0.9,
        'text-background-padding': `${2 * k}px`,
      },
    },
    {
      selector: 'edge.in-scc',
      style: { 'line-color': p.sccEdge, 'target-arrow-color': p.sccEdge, width: 2 * k },
    },
    {
      selector: 'edge.in-cycle',
      style: { 'line-color': p.cycle, 'target-arrow-color': p.cycle, width: 3 * k, color: p.cycle },
    },
    { selector: 'edge.new', style: { 'line-style': 'dashed', 'font-weight': 'bold' } },
    {
      // The edge that closes the cycle points back up; bow it out to the side of the layers.
      selector: 'edge.back',
      style: {
        'curve-style': 'unbundled-bezier',
        'control-point-distances': 'data(bow)',
        'control-point-weights': 0.5,
      },
    },
    // a lesson's question hides the cycle until it is answered (useConcealCycle)
    {
      selector: 'node.concealed',
      style: {
        'background-color': p.nodeBg,
        'border-color': p.nodeBorder,
        'border-width': 1.5 * k,
      },
    },
    {
      selector: 'edge.concealed',
      style: {
        'line-color': p.edge,
        'target-arrow-color': p.edge,
        width: 1.5 * k,
        color: p.text,
        'line-style': 'solid',
        'font-weight': 'normal',
      },
    },
    { selector: '.faded', style: { opacity: 0.28 } },
    {
      selector: '.highlighted',
      style: { 'underlay-color': p.highlight, 'underlay-opacity': 0.28, 'underlay-padding': 6 * k },
    },
    {
      selector: 'node.selected',
      style: { 'border-color': p.highlight, 'border-width': 4 * k, 'underlay-opacity': 0.45 },
    },
    {
      selector: 'edge.selected',
      style: {
        'line-color': p.highlight,
        'target-arrow-color': p.highlight,
        width: 4.5 * k,
        'underlay-opacity': 0.45,
      },
    },
    ...(stepperStyles(p, k) as object[]),
  ] as StylesheetJson;
}
