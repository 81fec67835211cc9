import type { StepperModel } from '../../store';

/** What the step shown did, in words; at a deadlock, why nobody can move; at the end of a clean run, that. */
export function StepSentence({ model }: { model: StepperModel }) {
  const { view, status, sentence, explanation, mode, error } = model;
  const hint =
    mode === 'schedule'
      ? 'Choose which CPU runs next.'
      : 'Nothing has happened yet: step forward (→) or play (space).';
  return (
    <div className="stepper__words" aria-live="polite">
      <p className="stepper__sentence" data-testid="stepper.sentence">
        {view.index > 0 ? sentence + '.' : <span className="muted">{hint}</span>}
      </p>
      {status === 'deadlocked' ? (
        <p className="stepper__deadlock" data-testid="stepper.deadlock">
          <strong>Deadlock.</strong> {explanation}
        </p>
      ) : null}
      {status === 'finished' ? (
        <p className="stepper__finished" data-testid="stepper.finished">
          <strong>No deadlock on this schedule:</strong> every CPU finished.
        </p>
      ) : null}
      {error ? (
        <p className="stepper__error" data-testid="stepper.error">
          The schedule stops early: {error}.
        </p>
      ) : null}
    </div>
  );
}
