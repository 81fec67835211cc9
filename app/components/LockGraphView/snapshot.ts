// The graph on screen for the Export menu: a PNG from Cytoscape, and positions, labels and view
// classes read back from the elements, so an exported SVG shows what the page shows.
import type { Core } from 'cytoscape';
import type { GraphSnapshot } from '../ExportMenu/graph-snapshot';
import type { SvgDrawing, SvgPalette } from '../../../src/render/svg';
import { readPalette } from './graph-style';

export function graphSnapshot(cy: Core, container: HTMLElement): GraphSnapshot {
  return {
    png: (scale) =>
      cy.png({ output: 'blob', full: true, scale, bg: readPalette(container).labelBg }),
    drawing: () => drawingOf(cy),
    palette: () => paletteOf(container),
  };
}

function drawingOf(cy: Core): SvgDrawing {
  return {
    nodes: cy.nodes(':not(.step)').map((n) => ({
      id: n.id(),
      x: n.position('x'),
      y: n.position('y'),
      width: Number(n.data('w')) || n.width(),
      height: Number(n.data('h')) || n.height(),
      lines: String(n.data('label') ?? n.id()).split('\n'),
      classes: n.classes(),
    })),
    edges: cy.edges(':not(.step)').map((e) => ({
      id: e.id(),
      prev: e.source().id(),
      next: e.target().id(),
      label: String(e.data('label') ?? ''),
      classes: e.classes(),
      bow: e.hasClass('back') ? Number(e.data('bow')) || 0 : 0,
    })),
  };
}

function paletteOf(container: HTMLElement): SvgPalette {
  const p = readPalette(container);
  return {
    background: p.labelBg,
    text: p.text,
    nodeBg: p.nodeBg,
    nodeBorder: p.nodeBorder,
    edge: p.edge,
    sccBg: p.sccBg,
    sccEdge: p.sccEdge,
    cycle: p.cycle,
    cycleBg: p.cycleBg,
    highlight: p.highlight,
  };
}
