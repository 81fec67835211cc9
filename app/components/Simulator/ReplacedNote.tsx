// After an example or a link replaced an edited program: say so, and offer it back.
import { useAppStore } from '../../store';

export function ReplacedNote() {
  const replaced = useAppStore((s) => s.programReplaced);
  const restore = useAppStore((s) => s.restoreProgram);
  const dismiss = useAppStore((s) => s.dismissRestore);
  if (!replaced) return null;
  return (
    <div className="sim-replaced" role="status" data-testid="sim.replaced">
      <span>Your program was replaced by {replaced.by}.</span>
      <button type="button" className="button" data-testid="sim.restore" onClick={restore}>
        Bring my program back
      </button>
      <button type="button" className="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
