// The example programs: title and one sentence each; choosing one loads it (an edited program it
// replaces can be brought back from the note above the editor).
import { SIM_EXAMPLES } from '../../../src/sim';
import { useAppStore } from '../../store';

export function ExampleGallery({ onChosen }: { onChosen?: () => void }) {
  const current = useAppStore((s) => s.programExample);
  const loadProgramExample = useAppStore((s) => s.loadProgramExample);
  const runProgram = useAppStore((s) => s.runProgram);
  return (
    <ul className="sim-gallery" data-testid="sim.gallery">
      {SIM_EXAMPLES.map((e) => (
        <li key={e.id}>
          <button
            type="button"
            className="sim-gallery__item"
            aria-current={current === e.id ? 'true' : undefined}
            data-testid={`sim.example.${e.id}`}
            onClick={() => {
              loadProgramExample(e.id);
              onChosen?.();
              void runProgram();
            }}
          >
            <span className="sim-gallery__title">{e.title}</span>
            <span className="sim-gallery__summary">{e.summary}</span>
            <span
              className={
                e.deadlocks ? 'sim-gallery__tag' : 'sim-gallery__tag sim-gallery__tag--safe'
              }
            >
              {e.deadlocks ? 'deadlocks' : 'safe'}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
