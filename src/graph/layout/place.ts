// Coordinates: one band per rank, top to bottom; in a band, nodes left to right in layer order,
// rows centred. A layer wider than the row limit wraps onto several rows of its band, so a
// whole-kernel graph (8,000 classes) stays a picture rather than a line 100,000 px wide.

export interface Size {
  width: number;
  height: number;
}

export interface Spacing {
  /** horizontal gap between neighbours in a row */
  nodeGap: number;
  /** vertical gap between ranks */
  rankGap: number;
  /** vertical gap between the rows of one wrapped rank */
  rowGap: number;
  /** widest a row may be before its rank wraps */
  maxRowWidth: number;
}

export interface Placement {
  /** centres, as Cytoscape's preset layout takes them */
  x: Float64Array;
  y: Float64Array;
  width: number;
  height: number;
}

export function placeLayers(layers: number[][], size: Size[], spacing: Spacing): Placement {
  const n = size.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const { nodeGap, rankGap, rowGap, maxRowWidth } = spacing;

  // split each layer into rows; remember their widths and heights
  const rows: { nodes: number[]; width: number; height: number; gapAbove: number }[] = [];
  let width = 0;
  for (const layer of layers) {
    let row: number[] = [];
    let rowWidth = 0;
    let rowHeight = 0;
    let firstOfRank = true;
    const flush = () => {
      rows.push({
        nodes: row,
        width: rowWidth,
        height: rowHeight,
        gapAbove: firstOfRank ? rankGap : rowGap,
      });
      width = Math.max(width, rowWidth);
      firstOfRank = false;
      row = [];
      rowWidth = 0;
      rowHeight = 0;
    };
    for (const v of layer) {
      const s = size[v]!;
      const grown = row.length ? rowWidth + nodeGap + s.width : s.width;
      if (row.length && grown > maxRowWidth) flush();
      rowWidth = row.length ? rowWidth + nodeGap + s.width : s.width;
      rowHeight = Math.max(rowHeight, s.height);
      row.push(v);
    }
    // an empty rank (longest-path ranks leave none, but be safe) still takes no room
    if (row.length) flush();
  }

  let top = 0;
  rows.forEach((row, i) => {
    if (i > 0) top += row.gapAbove;
    let left = (width - row.width) / 2;
    for (const v of row.nodes) {
      const s = size[v]!;
      x[v] = left + s.width / 2;
      y[v] = top + row.height / 2;
      left += s.width + nodeGap;
    }
    top += row.height;
  });
  return { x, y, width, height: top };
}
