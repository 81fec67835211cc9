// The one line of chrome presentation mode keeps: the keys, and the way out.
import { useAppStore } from '../store';

export function PresentationBar() {
  const presenting = useAppStore((s) => s.presenting);
  const leave = useAppStore((s) => s.setPresenting);
  if (!presenting) return null;
  return (
    <div className="presentation-bar" data-testid="presentation.bar">
      <span>→ ← step · n p lesson · r reveal</span>
      <button type="button" className="button" onClick={() => leave(false)}>
        Esc: leave
      </button>
    </div>
  );
}
