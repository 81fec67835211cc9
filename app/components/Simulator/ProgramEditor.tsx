// The program editor: a plain text box with a line-number gutter, and behind the text the error
// marks (a wavy underline from the error's column, the gutter number in red) and the line a
// schedule step points at. The box does not wrap and has a fixed line height, so line N sits at
// (N - 1) * line height and column C at C - 1 characters of the monospace font.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useAppStore } from '../../store';

/** Visual column of a 1-based column in a line, with tabs to the next multiple of 8. */
function visualColumn(line: string, column: number): number {
  let col = 0;
  for (let i = 0; i < column - 1 && i < line.length; i++)
    col = line[i] === '\t' ? col + 8 - (col % 8) : col + 1;
  return col + Math.max(0, column - 1 - line.length);
}

function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  const end = text.indexOf('\n', at);
  return Math.min(at + column - 1, end < 0 ? text.length : end);
}

export function ProgramEditor({ labelledBy }: { labelledBy: string }) {
  const program = useAppStore((s) => s.program);
  const errors = useAppStore((s) => s.programErrors);
  const checked = useAppStore((s) => s.programChecked);
  const mark = useAppStore((s) => s.programMark);
  const editProgram = useAppStore((s) => s.editProgram);
  const box = useRef<HTMLTextAreaElement>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const lines = useMemo(() => program.split('\n'), [program]);
  const errorLines = useMemo(() => new Set(errors.map((e) => e.line)), [errors]);

  // A click on a schedule step or an error: put the caret there and bring the line into view.
  useEffect(() => {
    const el = box.current;
    if (!el || !mark) return;
    const start = offsetOf(el.value, mark.line, mark.column);
    const end = mark.endColumn ? offsetOf(el.value, mark.line, mark.endColumn) : start;
    el.focus({ preventScroll: true });
    el.setSelectionRange(start, Math.max(start, end));
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 18;
    const top = (mark.line - 1) * lineHeight;
    if (top < el.scrollTop || top > el.scrollTop + el.clientHeight - 2 * lineHeight)
      el.scrollTop = Math.max(0, top - el.clientHeight / 3);
  }, [mark]);

  const shift = { transform: `translate(${-scroll.left}px, ${-scroll.top}px)` };
  return (
    <div className="program-editor">
      <div className="program-editor__gutter" aria-hidden="true">
        <div style={{ transform: `translateY(${-scroll.top}px)` }}>
          {lines.map((_, i) => (
            <div
              key={i}
              className={
                errorLines.has(i + 1) && checked
                  ? 'program-editor__number program-editor__number--error'
                  : 'program-editor__number'
              }
            >
              {i + 1}
            </div>
          ))}
        </div>
      </div>
      <div className="program-editor__frame">
        <div className="program-editor__marks" aria-hidden="true">
          <div className="program-editor__layer" style={shift}>
            {mark ? (
              <div
                className="program-editor__line-mark"
                data-testid="sim.editor.marked"
                data-line={mark.line}
                style={{ top: `calc(${mark.line - 1} * var(--box-line))` }}
              />
            ) : null}
            {checked
              ? errors.map((e, i) => {
                  const text = lines[e.line - 1] ?? '';
                  const from = visualColumn(text, e.column);
                  const to =
                    e.endColumn && e.endColumn > e.column
                      ? visualColumn(text, e.endColumn)
                      : Math.max(from + 1, visualColumn(text, text.length + 1));
                  return (
                    <div
                      key={i}
                      className="program-editor__error-mark"
                      data-testid="sim.editor.error-mark"
                      data-line={e.line}
                      data-column={e.column}
                      style={{
                        top: `calc(${e.line - 1} * var(--box-line))`,
                        left: `${from}ch`,
                        width: `${Math.max(1, to - from)}ch`,
                      }}
                    />
                  );
                })
              : null}
          </div>
        </div>
        <textarea
          ref={box}
          className="program-editor__box"
          aria-labelledby={labelledBy}
          aria-invalid={checked && errors.length > 0}
          aria-describedby={errors.length > 0 ? 'sim-errors' : undefined}
          data-testid="sim.editor"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          wrap="off"
          value={program}
          onChange={(event) => editProgram(event.target.value)}
          onScroll={(event) =>
            setScroll({ top: event.currentTarget.scrollTop, left: event.currentTarget.scrollLeft })
          }
        />
      </div>
    </div>
  );
}
