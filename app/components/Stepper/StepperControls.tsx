import type { StepperModel } from '../../store';

/** |◀ and ▶| drawn, not typed: the system fonts here have no ⏮/⏭ glyphs. */
function JumpIcon({ to }: { to: 'start' | 'end' }) {
  return (
    <svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true" focusable="false">
      <g fill="currentColor" transform={to === 'end' ? 'matrix(-1 0 0 1 14 0)' : undefined}>
        <rect x="1" y="1" width="2" height="10" />
        <path d="M13 1 L4 6 L13 11 Z" />
      </g>
    </svg>
  );
}
import { useAppStore } from '../../store';

/** Start, back, play/pause, forward, end, and where the run is. */
export function StepperControls({ model, playing }: { model: StepperModel; playing: boolean }) {
  const stepBy = useAppStore((s) => s.stepBy);
  const stepTo = useAppStore((s) => s.stepTo);
  const setPlaying = useAppStore((s) => s.setPlaying);
  const { index, length } = model.view;
  const atStart = index === 0;
  const atEnd = index >= length;
  return (
    <div className="stepper__controls" role="toolbar" aria-label="Step through the run">
      <button
        type="button"
        className="button"
        data-testid="stepper.start"
        aria-label="Jump to the start"
        disabled={atStart}
        onClick={() => stepTo(0)}
      >
        <JumpIcon to="start" />
      </button>
      <button
        type="button"
        className="button"
        data-testid="stepper.back"
        aria-label="Step back"
        disabled={atStart}
        onClick={() => stepBy(-1)}
      >
        ◀
      </button>
      <button
        type="button"
        className="button stepper__play"
        data-testid="stepper.play"
        aria-label={playing ? 'Pause' : 'Play'}
        aria-pressed={playing}
        disabled={length === 0}
        onClick={() => setPlaying(!playing)}
      >
        {playing ? '⏸ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        className="button"
        data-testid="stepper.forward"
        aria-label="Step forward"
        disabled={atEnd}
        onClick={() => stepBy(1)}
      >
        ▶
      </button>
      <button
        type="button"
        className="button"
        data-testid="stepper.end"
        aria-label="Jump to the end"
        disabled={atEnd}
        onClick={() => stepTo(length)}
      >
        <JumpIcon to="end" />
      </button>
      <span className="stepper__position" data-testid="stepper.position">
        step {index} of {length}
      </span>
    </div>
  );
}
