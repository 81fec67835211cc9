// "Present": into presentation mode here, with the link (?present) in the address bar to share.
import { useAppStore } from '../store';

export function PresentButton() {
  const setPresenting = useAppStore((s) => s.setPresenting);
  const presenting = useAppStore((s) => s.presenting);
  if (presenting) return null;
  return (
    <button
      type="button"
      className="button"
      data-testid="lesson.present"
      title="Large type, high contrast, keyboard driven (Esc leaves). The address bar then holds a link that opens straight into it."
      onClick={() => setPresenting(true)}
    >
      Present
    </button>
  );
}
