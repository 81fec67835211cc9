import { useEffect, useMemo, useRef } from 'react';
import { edgeId } from '../../../src/graph';
import type { Dependency } from '../../../src/model/types';
import type { StepperModel } from '../../store';
import { selectSelectedReport, useAppStore } from '../../store';
import { timelineRows, type TimelineRow } from './timeline-rows';
import './Timeline.css';

const OUTCOME_WORDS: Record<TimelineRow['outcome'], string> = {
  took: '',
  waits: 'waits',
  released: '',
  synced: 'synced',
  irq: '',
};

/** The run as a table: one column per CPU, one row per step, the step shown highlighted. */
export function Timeline({ model }: { model: StepperModel }) {
  const stepTo = useAppStore((s) => s.stepTo);
  const dependencies = useAppStore((s) => selectSelectedReport(s)?.dependencies);
  const rows = useMemo(
    () => timelineRows(model.scenario, model.states),
    [model.scenario, model.states],
  );
  const index = model.view.index;
  const cpus = model.view.cpus;
  const scroller = useRef<HTMLDivElement>(null);

  // Keep the step shown in view inside the timeline's own scroll box (never the page's).
  useEffect(() => {
    const box = scroller.current;
    const row = box?.querySelector<HTMLElement>('tr[aria-current="step"]');
    if (!box || !row) return;
    const head = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    if (row.offsetTop - head < box.scrollTop) box.scrollTop = row.offsetTop - head;
    else if (row.offsetTop + row.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = row.offsetTop + row.offsetHeight - box.clientHeight;
    const cell = row.querySelector<HTMLElement>('.timeline__op');
    const sticky = row.querySelector<HTMLElement>('.timeline__step')?.offsetWidth ?? 0;
    if (!cell) return;
    const left = cell.offsetLeft - sticky;
    if (
      left < box.scrollLeft ||
      cell.offsetLeft + cell.offsetWidth > box.scrollLeft + box.clientWidth
    )
      box.scrollLeft = Math.max(0, left - 8);
  }, [index, rows]);

  return (
    <div className="timeline" ref={scroller} data-testid="timeline">
      <table className="timeline__table" data-testid="timeline.table">
        <caption className="visually-hidden">
          The interleaving, one column per CPU and one row per step; choose a step to show it
        </caption>
        <thead>
          <tr>
            <th scope="col" className="timeline__step">
              Step
            </th>
            {cpus.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr
            data-testid="timeline.row"
            aria-current={index === 0 ? 'step' : undefined}
            onClick={() => stepTo(0)}
          >
            <td className="timeline__step">
              <button type="button" className="timeline__jump" onClick={() => stepTo(0)}>
                start
              </button>
            </td>
            <td colSpan={cpus.length} className="muted">
              Nothing held yet.
            </td>
          </tr>
          {rows.map((row) => (
            <tr
              key={row.step}
              data-testid="timeline.row"
              aria-current={row.step === index ? 'step' : undefined}
              className={row.step > index ? 'timeline__future' : undefined}
              onClick={() => stepTo(row.step)}
            >
              <td className="timeline__step">
                <button
                  type="button"
                  className="timeline__jump"
                  aria-label={`Show step ${row.step}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    stepTo(row.step);
                  }}
                >
                  {row.step}
                </button>
              </td>
              {cpus.map((c, i) =>
                i === row.cpu ? (
                  <OpCell
                    key={c}
                    row={row}
                    dependency={row.dependency === null ? null : dependencies?.[row.dependency]}
                  />
                ) : (
                  <td key={c} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "in filldir()": a link to the stack that shows it (the dependency's `-> #k` entry) when there is one. */
function Where({ row, dependency }: { row: TimelineRow; dependency?: Dependency | null }) {
  const select = useAppStore((s) => s.selectGraphElement);
  const text = row.whereIsOwn ? `in ${row.where}` : `as ${row.where} does`;
  if (!dependency) return <>{text}</>;
  const k = dependency.chainEntry === null ? '' : ` (-> #${dependency.chainEntry})`;
  return (
    <button
      type="button"
      className="timeline__stack"
      data-testid="timeline.stack"
      title={`Show the stack of ${dependency.prev} → ${dependency.next}${k}`}
      onClick={() => select({ kind: 'edge', id: edgeId(dependency.prev, dependency.next) })}
    >
      {text}
    </button>
  );
}

function OpCell({ row, dependency }: { row: TimelineRow; dependency?: Dependency | null }) {
  const classes = ['timeline__op', `timeline__op--${row.outcome}`];
  if (row.inInterrupt) classes.push('timeline__op--irq');
  if (row.added) classes.push('timeline__op--added');
  const outcome = OUTCOME_WORDS[row.outcome];
  return (
    <td className={classes.join(' ')} data-testid="timeline.cell">
      <code data-testid="timeline.op">{row.text}</code>
      {outcome ? <span className="timeline__outcome"> {outcome}</span> : null}
      {row.where ? (
        <span className="timeline__where" data-testid="timeline.where">
          <Where row={row} dependency={dependency} />
        </span>
      ) : null}
      {row.via ? <span className="timeline__where">down {row.via}</span> : null}
    </td>
  );
}
