// The parsed parts of the selected report, marked behind the text box: the box stays the one
// place the text is shown, beside the graph. The box has a fixed line height and does not wrap,
// so line N sits at (N - 1) * lineHeight and bars can be drawn without copying the text.
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { Span } from '../../../src/model/types';
import { linesForSelection, spansByLine } from '../../format/report-lines';
import { selectLockGraph, selectSelectedReport, useAppStore } from '../../store';

type Tone = 'class' | 'frame' | 'head' | 'selected';

function toneOf(spans: readonly Span[]): Tone {
  if (spans.some((s) => s.role === 'lock' || s.role === 'chain-entry' || s.role === 'held-lock'))
    return 'class';
  if (spans.some((s) => s.role === 'title' || s.role === 'kernel' || s.role === 'task'))
    return 'head';
  return 'frame';
}

/** Consecutive lines of one tone as one bar: [first line, count, tone], up to line `lastLine`. */
function bars(
  byLine: Map<number, Span[]>,
  selected: ReadonlySet<number>,
  lastLine: number,
): [number, number, Tone][] {
  const out: [number, number, Tone][] = [];
  const lines = [...new Set([...byLine.keys(), ...selected])].sort((a, b) => a - b);
  for (const n of lines) {
    if (n > lastLine) break;
    const tone = selected.has(n) ? 'selected' : toneOf(byLine.get(n)!);
    const last = out.at(-1);
    if (last && last[2] === tone && last[0] + last[1] === n) last[1]++;
    else out.push([n, 1, tone]);
  }
  return out;
}

export function TextHighlights({
  box,
  lines,
}: {
  box: RefObject<HTMLTextAreaElement | null>;
  /** lines the box shows (a large input shows its first ones): no bars past them */
  lines: number;
}) {
  const report = useAppStore(selectSelectedReport);
  const graph = useAppStore(selectLockGraph);
  const selection = useAppStore((s) => s.graphSelection);
  const layer = useRef<HTMLDivElement>(null);
  const byLine = useMemo(() => spansByLine(report?.spans), [report]);
  const selectedLines = useMemo(
    () => linesForSelection(selection, graph, report?.spans),
    [selection, graph, report],
  );
  const shown = useMemo(
    () => bars(byLine, new Set(selectedLines), lines),
    [byLine, selectedLines, lines],
  );

  // Follow the box's scrolling without re-rendering.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const follow = () => {
      if (layer.current) layer.current.style.transform = `translateY(${-el.scrollTop}px)`;
    };
    follow();
    el.addEventListener('scroll', follow, { passive: true });
    return () => el.removeEventListener('scroll', follow);
  }, [box]);

  // A selection made in the graph or the lists scrolls the box to its lines (without focus).
  useEffect(() => {
    const el = box.current;
    const first = selectedLines[0];
    if (!el || first === undefined) return;
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 18;
    const top = (first - 1) * lineHeight;
    if (top < el.scrollTop || top > el.scrollTop + el.clientHeight - 2 * lineHeight)
      el.scrollTop = Math.max(0, top - el.clientHeight / 3);
  }, [box, selectedLines]);

  return (
    <div className="text-highlights" aria-hidden="true">
      <div ref={layer} className="text-highlights__layer">
        {shown.map(([line, count, tone]) => (
          <div
            key={line}
            className={`text-highlights__bar text-highlights__bar--${tone}`}
            data-testid={tone === 'selected' ? 'paste.marked' : undefined}
            style={{
              top: `calc(${line - 1} * var(--box-line))`,
              height: `calc(${count} * var(--box-line))`,
            }}
          />
        ))}
      </div>
    </div>
  );
}
