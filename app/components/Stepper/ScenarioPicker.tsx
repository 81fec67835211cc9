import type { StepperModel, StepperMode } from '../../store';
import { useAppStore } from '../../store';

/** Which interleaving to show (the full one, lockdep's table…) and whether the page or the person schedules it. */
export function ScenarioPicker({ model }: { model: StepperModel }) {
  const setScenario = useAppStore((s) => s.setScenario);
  const setMode = useAppStore((s) => s.setStepperMode);
  const { scenario, scenarios, mode } = model;
  const modes: [StepperMode, string][] = [
    ['play', 'Play the scenario'],
    ['schedule', 'You are the scheduler'],
  ];
  return (
    <div className="stepper__picker">
      <div className="stepper__choices" role="group" aria-label="Scenario">
        {scenarios.map((s) => (
          <button
            key={s.id}
            type="button"
            className="button stepper__choice"
            data-testid="stepper.scenario"
            data-scenario={s.id}
            aria-pressed={s === scenario}
            onClick={() => setScenario(s.id)}
          >
            {s.label}
          </button>
        ))}
        <span className="stepper__divider" aria-hidden="true" />
        {modes.map(([m, label]) => (
          <button
            key={m}
            type="button"
            className="button stepper__choice"
            data-testid={`stepper.mode-${m}`}
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
          >
            {label}
          </button>
        ))}
      </div>
      <p className="stepper__description muted" data-testid="stepper.description">
        {scenario.description}
      </p>
      {scenario.notes.length > 0 ? (
        <details className="stepper__notes">
          <summary>What lockscope assumed ({scenario.notes.length})</summary>
          <ul>
            {scenario.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
