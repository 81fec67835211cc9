import { nextOp } from '../../../src/scenario';
import type { StepperModel } from '../../store';
import { useAppStore } from '../../store';
import { opText } from '../Timeline/timeline-rows';
import './Scheduler.css';

/** "You are the scheduler": one button per CPU that may run next, undo, and the schedule so far. */
export function Scheduler({ model }: { model: StepperModel }) {
  const choose = useAppStore((s) => s.chooseCpu);
  const undo = useAppStore((s) => s.undoStep);
  const setSchedule = useAppStore((s) => s.setSchedule);
  const { scenario, state, view, enabled } = model;
  const schedule = view.schedule.slice(0, view.index);
  return (
    <div className="scheduler" data-testid="scheduler">
      <div className="scheduler__cpus" role="group" aria-label="Run next">
        {scenario.cpus.map((cpu, i) => {
          const op = nextOp(scenario, state, i);
          const may = enabled.includes(i);
          const why = !op
            ? 'finished'
            : state.cpus[i]?.waiting
              ? `waits for ${op.class ?? 'a lock'}`
              : op.op === 'interrupt' && !may
                ? 'interrupts off'
                : '';
          return (
            <button
              key={cpu.name}
              type="button"
              className="button scheduler__cpu"
              data-testid="scheduler.cpu"
              data-cpu={i}
              disabled={!may}
              onClick={() => choose(i)}
            >
              <strong>{cpu.name}</strong>
              <code>{op && may ? opText(op) : why}</code>
            </button>
          );
        })}
      </div>
      <div className="scheduler__bar">
        <button
          type="button"
          className="button"
          data-testid="scheduler.undo"
          disabled={view.index === 0}
          onClick={undo}
        >
          Undo
        </button>
        <button
          type="button"
          className="button"
          data-testid="scheduler.reset"
          disabled={view.schedule === ''}
          onClick={() => setSchedule('')}
        >
          Start over
        </button>
        <span className="muted">Schedule:</span>
        <code
          className="scheduler__schedule"
          data-testid="scheduler.schedule"
          title="The CPU that moved at each step"
        >
          {schedule || '(none yet)'}
        </code>
      </div>
    </div>
  );
}
