// How the lock-graph explorer looks: the report graph's stylesheet, plus the focus class, the
// path asked about, "N more" stubs, and — for the whole graph — cheap edges and labels that
// appear only once zoomed in far enough to read them.
import type { StylesheetJson } from 'cytoscape';
import { graphStylesheet, LABEL_FONT_SIZE, type GraphPalette } from './graph-style';

/** Labels drawn smaller than this (px on screen) are skipped: at the fitted zoom, all are. */
export const MIN_ZOOMED_FONT_SIZE = 7;

/** Whole-graph edges get arrowheads (and cost more) only from this zoom on. */
export const ARROW_ZOOM = 0.45;

export function labelsShownAt(zoom: number): boolean {
  return zoom * LABEL_FONT_SIZE >= MIN_ZOOMED_FONT_SIZE;
}

export function explorerStylesheet(p: GraphPalette, whole: boolean): StylesheetJson {
  const base = graphStylesheet(p) as object[];
  const focus: object[] = [
    {
      selector: 'node.focus',
      style: { 'border-color': p.highlight, 'border-width': 3.5 },
    },
    {
      selector: 'node.more',
      style: {
        'border-style': 'dashed',
        'border-width': 1,
        'background-color': p.labelBg,
        color: p.text,
        'font-style': 'italic',
        'font-size': 11,
      },
    },
    {
      selector: 'edge.more',
      style: { 'line-style': 'dotted', 'target-arrow-shape': 'none', opacity: 0.7 },
    },
    {
      selector: 'edge.on-path',
      style: { 'line-color': p.highlight, 'target-arrow-color': p.highlight, width: 3.5 },
    },
    { selector: 'node.on-path', style: { 'border-color': p.highlight, 'border-width': 3 } },
    {
      selector: 'edge.reverse-path',
      style: { 'line-color': p.deadlock, 'target-arrow-color': p.deadlock, width: 3.5 },
    },
    { selector: 'node.reverse-path', style: { 'border-color': p.deadlock, 'border-width': 3 } },
  ];
  if (!whole) return [...base, ...focus] as StylesheetJson;
  const big: object[] = [
    {
      selector: 'node',
      style: { 'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE, 'border-width': 1 },
    },
    {
      // haystack: straight, bundled, no arrowheads — the cheapest edge Cytoscape draws
      selector: 'edge',
      style: {
        'curve-style': 'haystack',
        'haystack-radius': 0,
        width: 1,
        opacity: 0.45,
        label: '',
        'target-arrow-shape': 'none',
      },
    },
    { selector: 'edge.in-scc', style: { opacity: 0.8, width: 1.5 } },
    {
      selector: 'edge.arrows',
      style: { 'curve-style': 'straight', 'target-arrow-shape': 'triangle', opacity: 0.7 },
    },
  ];
  return [...base, ...focus, ...big] as StylesheetJson;
}
