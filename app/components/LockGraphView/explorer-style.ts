// How the lock-graph explorer looks: the report graph's stylesheet, plus the focus class, the
// path asked about, "N more" stubs, and — for the whole graph — cheap edges and labels that
// appear only once zoomed in far enough to read them.
import type { StylesheetJson } from 'cytoscape';
import { graphStylesheet, LABEL_FONT_SIZE, type GraphPalette } from './graph-style';

/** Labels drawn smaller than this (px on screen) are skipped: at the fitted zoom, all are. */
export const MIN_ZOOMED_FONT_SIZE = 7;

/** Whole-graph edges get arrowheads only from this zoom on (whole-edges.ts). */
export const ARROW_ZOOM = 0.45;

export function labelsShownAt(zoom: number): boolean {
  return zoom * LABEL_FONT_SIZE >= MIN_ZOOMED_FONT_SIZE;
}

export function explorerStylesheet(p: GraphPalette, whole: boolean): StylesheetJson {
  if (whole) return wholeStylesheet(p);
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
  return [...base, ...focus] as StylesheetJson;
}

/**
 * The whole graph (8,000 classes): a sheet of its own with two selectors, since Cytoscape matches
 * every selector against every element (the report graph's sheet has ~40). The report graph's
 * node look, as rectangles, with class names drawn only once zoomed in far enough to read them;
 * the dependencies are drawn by whole-edges.ts, not by Cytoscape.
 */
function wholeStylesheet(p: GraphPalette): StylesheetJson {
  const [node, scc] = graphStylesheet(p) as { selector: string; style: object }[];
  return [
    {
      selector: 'node',
      style: {
        ...node!.style,
        shape: 'rectangle',
        'border-width': 1,
        'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE,
      },
    },
    scc!,
  ] as StylesheetJson;
}
