// Coordinates: one band per rank, top to bottom; in a band, nodes left to right in layer order,
// rows centred. A layer wider than the row limit wraps onto several rows of its band, and a
// graph far taller than wide folds its bands into side-by-side columns (ranks 0..k in the first,
// then the next ones), so a whole-kernel graph (8,000 classes, thousands of ranks) stays a
// picture rather than a ribbon 300,000 px long.

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
  /** a drawing taller than this and over 3 times taller than wide folds into columns */
  foldHeight: number;
}

export interface Placement {
  /** centres, as Cytoscape's preset layout takes them */
  x: Float64Array;
  y: Float64Array;
  width: number;
  height: number;
  /** the column each node is in (0 unless the drawing was folded) */
  column: Int32Array;
}

interface Row {
  nodes: number[];
  width: number;
  height: number;
}

interface Band {
  rows: Row[];
  width: number;
  height: number;
}

export function placeLayers(layers: number[][], size: Size[], spacing: Spacing): Placement {
  const n = size.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const column = new Int32Array(n);
  const { nodeGap, rankGap, rowGap, maxRowWidth } = spacing;

  const bands: Band[] = [];
  for (const layer of layers) {
    if (layer.length === 0) continue; // longest-path ranks leave none, but be safe
    const rows: Row[] = [];
    let row: Row = { nodes: [], width: 0, height: 0 };
    for (const v of layer) {
      const s = size[v]!;
      if (row.nodes.length && row.width + nodeGap + s.width > maxRowWidth) {
        rows.push(row);
        row = { nodes: [], width: 0, height: 0 };
      }
      row.width += (row.nodes.length ? nodeGap : 0) + s.width;
      row.height = Math.max(row.height, s.height);
      row.nodes.push(v);
    }
    rows.push(row);
    const height = rows.reduce((h, r) => h + r.height, 0) + rowGap * (rows.length - 1);
    bands.push({ rows, width: widest(rows), height });
  }

  const columns = foldBands(bands, spacing);
  const columnGap = Math.max(rankGap, nodeGap) * 2;
  let left = 0;
  let width = 0;
  let height = 0;
  columns.forEach((col, c) => {
    const colWidth = widest(col);
    let top = 0;
    col.forEach((band, i) => {
      if (i > 0) top += rankGap;
      band.rows.forEach((row, j) => {
        if (j > 0) top += rowGap;
        let at = left + (colWidth - row.width) / 2;
        for (const v of row.nodes) {
          const s = size[v]!;
          x[v] = at + s.width / 2;
          y[v] = top + row.height / 2;
          column[v] = c;
          at += s.width + nodeGap;
        }
        top += row.height;
      });
    });
    height = Math.max(height, top);
    width = left + colWidth;
    left += colWidth + columnGap;
  });
  return { x, y, width, height, column };
}

/**
 * Bands in columns of about equal height, as many columns as make the drawing about as wide as
 * tall (a binary search on the count: width grows and height shrinks with it); one column
 * unless the drawing is tall and far taller than wide.
 */
function foldBands(bands: Band[], spacing: Spacing): Band[][] {
  const total = bands.reduce((h, b) => h + b.height, 0) + spacing.rankGap * (bands.length - 1);
  const wide = Math.max(1, widest(bands));
  if (total <= spacing.foldHeight || total <= 3 * wide) return [bands];
  const columnGap = Math.max(spacing.rankGap, spacing.nodeGap) * 2;
  const fold = (count: number) => {
    const target = total / count;
    const columns: Band[][] = [[]];
    let filled = 0;
    for (const band of bands) {
      let col = columns[columns.length - 1]!;
      if (col.length && filled + spacing.rankGap + band.height > target) {
        col = [];
        columns.push(col);
        filled = 0;
      }
      filled += (col.length ? spacing.rankGap : 0) + band.height;
      col.push(band);
    }
    let width = -columnGap;
    let height = 0;
    for (const col of columns) {
      width += columnGap + widest(col);
      height = Math.max(
        height,
        col.reduce((h, b) => h + b.height, 0) + spacing.rankGap * (col.length - 1),
      );
    }
    return { columns, wider: width >= height };
  };
  let lo = 1;
  let hi = bands.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fold(mid).wider) hi = mid;
    else lo = mid + 1;
  }
  return fold(lo).columns;
}

/** A loop, not Math.max(...xs): a spread of 100,000 arguments overflows the call stack. */
function widest(items: readonly { width: number }[]): number {
  let w = 0;
  for (const item of items) if (item.width > w) w = item.width;
  return w;
}
