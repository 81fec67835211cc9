// What the notation under the pointer (or at the caret, for the keyboard) means: "{+.+.}",
// "-{3:3}", "-> #3", "<Interrupt>"… explained for the selected report's kernel era (src/explain).
import { useEffect, useState, type RefObject } from 'react';
import { explainAt, type Explanation } from '../../../src/explain';
import { selectSelectedReport, useAppStore } from '../../store';

type Found = Explanation & { line: number };

function lineAndColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return [line, offset - (before.lastIndexOf('\n') + 1)];
}

/** The text offset under a point of a monospace, non-wrapping textarea; null past a line's end. */
function offsetAt(el: HTMLTextAreaElement, x: number, y: number): number | null {
  const cs = getComputedStyle(el);
  const lineHeight = parseFloat(cs.lineHeight) || 18;
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return null;
  ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
  const charWidth = ctx.measureText('0000000000').width / 10 || 8;
  const rect = el.getBoundingClientRect();
  const row = Math.floor((y - rect.top - parseFloat(cs.paddingTop) + el.scrollTop) / lineHeight);
  const col = Math.floor((x - rect.left - parseFloat(cs.paddingLeft) + el.scrollLeft) / charWidth);
  if (row < 0 || col < 0) return null;
  const lines = el.value.split('\n');
  const text = lines[row];
  if (text === undefined) return null;
  // tabs are 8 columns wide in the box (tab-size: 8)
  let visual = 0;
  for (let i = 0; i < text.length; i++) {
    visual = text[i] === '\t' ? (Math.floor(visual / 8) + 1) * 8 : visual + 1;
    if (visual > col) return lines.slice(0, row).join('\n').length + (row > 0 ? 1 : 0) + i;
  }
  return null;
}

export function NotationTip({
  box,
  testId = 'paste.notation',
}: {
  box: RefObject<HTMLTextAreaElement | null>;
  /** the Lessons page shows a second one, under its report text */
  testId?: string;
}) {
  const report = useAppStore(selectSelectedReport);
  const era = report?.usageEra ?? 'modern';
  const [found, setFound] = useState<Found | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const at = (offset: number | null) => {
      if (offset === null) return setFound(null);
      const [line, column] = lineAndColumn(el.value, offset);
      setFound(explainAt(el.value, line, column, era));
    };
    const onMove = (e: PointerEvent) => at(offsetAt(el, e.clientX, e.clientY));
    const onCaret = () => {
      if (el.selectionStart === el.selectionEnd) at(el.selectionStart);
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('keyup', onCaret);
    el.addEventListener('click', onCaret);
    el.addEventListener('focus', onCaret);
    return () => {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('keyup', onCaret);
      el.removeEventListener('click', onCaret);
      el.removeEventListener('focus', onCaret);
    };
  }, [box, era]);

  return (
    <div className="notation-tip" data-testid={testId} aria-live="polite">
      {found ? (
        <>
          <p className="notation-tip__title">
            <code>{found.text}</code> <strong>{found.title}</strong>{' '}
            <span className="muted">(line {found.line})</span>
          </p>
          <p className="notation-tip__body">{found.body}</p>
        </>
      ) : (
        <p className="muted notation-tip__hint">
          Point at (or move the caret onto) a piece of lockdep notation — <code>{'{+.+.}'}</code>,{' '}
          <code>-&gt; #3</code>, <code>&lt;Interrupt&gt;</code> — to read what it means.
        </p>
      )}
    </div>
  );
}
