// The deadlocks a run found: title and one sentence each; the selected one shows its shortest
// schedule (each step a button that marks its line in the editor) and opens in the stepper.
import type { Deadlock } from '../../../src/sim';
import { useAppStore } from '../../store';

export function DeadlockList() {
  const x = useAppStore((s) => s.simRun?.answer?.exploration ?? null);
  const selected = useAppStore((s) => s.simSelected);
  const selectDeadlock = useAppStore((s) => s.selectDeadlock);
  if (!x) return null;
  if (x.deadlocks.length === 0)
    return (
      <p className="sim-deadlocks__none" data-testid="sim.no-deadlock">
        {x.complete
          ? 'No deadlock: no interleaving of this program gets stuck.'
          : 'No deadlock in the states explored.'}
      </p>
    );
  return (
    <ol className="sim-deadlocks" data-testid="sim.deadlocks">
      {x.deadlocks.map((d) => (
        <li
          key={d.id}
          className="sim-deadlock"
          data-testid="sim.deadlock"
          aria-current={d.id === selected ? 'true' : undefined}
        >
          <button
            type="button"
            className="sim-deadlock__head"
            aria-expanded={d.id === selected}
            onClick={() => selectDeadlock(d.id === selected ? null : d.id)}
          >
            <span className="sim-deadlock__title" data-testid="sim.deadlock.title">
              {d.title}
            </span>
            <span className="sim-deadlock__summary">{d.summary}</span>
          </button>
          {d.id === selected ? <DeadlockDetail deadlock={d} /> : null}
        </li>
      ))}
    </ol>
  );
}

function DeadlockDetail({ deadlock: d }: { deadlock: Deadlock }) {
  const markProgram = useAppStore((s) => s.markProgram);
  const openDeadlock = useAppStore((s) => s.openDeadlock);
  return (
    <div className="sim-deadlock__detail">
      <h4 className="sim-deadlock__subhead">
        Shortest schedule ({d.schedule.length} {d.schedule.length === 1 ? 'step' : 'steps'})
      </h4>
      <ol className="sim-schedule" data-testid="sim.schedule">
        {d.schedule.map((s, i) => (
          <li key={i}>
            <button
              type="button"
              className={`sim-schedule__step sim-schedule__step--${s.kind}`}
              data-testid="sim.step"
              disabled={s.line === null}
              title={s.line === null ? undefined : `Show line ${s.line} in the program`}
              onClick={() => s.line !== null && markProgram(s.line, s.column ?? 1)}
            >
              <span className="sim-schedule__cpu">{s.cpu ?? 'work'}</span> {s.text}
              {s.line !== null ? <span className="muted"> (line {s.line})</span> : null}
            </button>
          </li>
        ))}
      </ol>
      {d.cycle ? (
        <p className="sim-deadlock__cycle">
          Cycle: <code>{[...d.cycle, d.cycle[0]].join(' → ')}</code>
        </p>
      ) : null}
      <button
        type="button"
        className="button"
        data-testid="sim.open-stepper"
        onClick={() => void openDeadlock(d.id)}
      >
        {d.kind === 'never-signalled' ? 'Open the hung-task report' : 'Open in stepper'}
      </button>
    </div>
  );
}
