// Lock class names as node labels: whole, wrapped onto lines at the places a kernel developer
// reads as joints ("&sb->|s_type->|i_mutex_key#5"), never cut short with an ellipsis.

/** Characters after which a name may break, best first. */
const STRONG_BREAKS = ['->', '.', '/', ')', ',', ':', ' '];
const WEAK_BREAKS = ['_', '-', '&', '('];

function breakAfter(name: string, i: number, breaks: readonly string[]): boolean {
  for (const b of breaks) {
    const at = i - b.length + 1;
    if (at >= 0 && name.startsWith(b, at)) return true;
  }
  return false;
}

/**
 * Lines of at most `maxChars` characters whose concatenation is exactly `name`. A line breaks at
 * the last strong joint that fits (`->`, `.`, `/`, …), else the last weak one (`_`), else hard.
 */
export function wrapClassName(name: string, maxChars: number): string[] {
  const width = Math.max(4, Math.floor(maxChars));
  const lines: string[] = [];
  let rest = name;
  while (rest.length > width) {
    let cut = -1;
    for (const breaks of [STRONG_BREAKS, WEAK_BREAKS]) {
      // A break leaving a stub of one or two characters reads worse than a later one.
      for (let i = width - 1; i >= 2 && cut < 0; i--) if (breakAfter(rest, i, breaks)) cut = i + 1;
      if (cut >= 0) break;
    }
    if (cut < 0) cut = width;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines;
}

export interface LabelMetrics {
  /** width of one character of the label font, px */
  charWidth: number;
  /** px */
  lineHeight: number;
  /** characters per line before wrapping */
  maxChars: number;
  padX: number;
  padY: number;
}

export interface NodeLabel {
  text: string;
  width: number;
  height: number;
}

/** The label as Cytoscape draws it (lines joined by "\n") and the node size that holds it. */
export function layoutLabel(name: string, m: LabelMetrics): NodeLabel {
  const lines = wrapClassName(name, m.maxChars);
  const longest = Math.max(...lines.map((l) => l.length));
  return {
    text: lines.join('\n'),
    width: Math.ceil(longest * m.charWidth + 2 * m.padX),
    height: Math.ceil(lines.length * m.lineHeight + 2 * m.padY),
  };
}

/** The boxes the layout worker places, by class name. */
export function labelSizes(
  labels: ReadonlyMap<string, NodeLabel>,
): Record<string, { width: number; height: number }> {
  const sizes: Record<string, { width: number; height: number }> = Object.create(null);
  for (const [id, l] of labels) sizes[id] = { width: l.width, height: l.height };
  return sizes;
}
