import { useId } from 'react';
import { selectStepperModel, useAppStore } from '../../store';
import { Scheduler } from '../Scheduler/Scheduler';
import { Timeline } from '../Timeline/Timeline';
import { ScenarioPicker } from './ScenarioPicker';
import { StepSentence } from './StepSentence';
import { StepperControls } from './StepperControls';
import { usePlayback } from './usePlayback';
import { useStepperKeys } from './useStepperKeys';
import './Stepper.css';

/**
 * The interleaving that deadlocks, step by step: which scenario, the controls, what the step did,
 * the scheduler's choices and the timeline. The graph above shows the same step.
 */
export function Stepper() {
  const headingId = useId();
  const keysId = useId();
  const model = useAppStore(selectStepperModel);
  const playing = useAppStore((s) => s.stepper.playing);
  usePlayback(playing);
  const onKeyDown = useStepperKeys(playing);
  if (!model) return null;
  return (
    <section
      className="stepper"
      data-testid="stepper"
      tabIndex={0}
      aria-labelledby={headingId}
      aria-describedby={keysId}
      onKeyDown={onKeyDown}
    >
      <h4 id={headingId}>Step through the deadlock</h4>
      <p id={keysId} className="visually-hidden">
        Arrow keys step, space plays or pauses, Home and End jump to the start and the end.
      </p>
      <ScenarioPicker model={model} />
      <StepperControls model={model} playing={playing} />
      <StepSentence model={model} />
      {model.mode === 'schedule' ? <Scheduler model={model} /> : null}
      <Timeline model={model} />
    </section>
  );
}
