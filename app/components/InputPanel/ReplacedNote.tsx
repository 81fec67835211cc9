// "Your text was replaced — Undo": the user's own text that an example, a file, a link or Clear
// replaced is kept (a reload keeps it too) until they restore or discard it.
import { useAppStore } from '../../store';

function describe(lines: number, name: string | null): string {
  const what = name ? `Your text from ${name}` : 'Your text';
  return `${what} (${lines.toLocaleString('en')} line${lines === 1 ? '' : 's'}) was replaced.`;
}

export function ReplacedNote() {
  const replaced = useAppStore((s) => (s.inputSource === 'lesson' ? null : s.replacedInput));
  const restore = useAppStore((s) => s.restoreReplacedInput);
  const discard = useAppStore((s) => s.discardReplacedInput);
  if (!replaced) return null;
  const lines = replaced.text.split('\n').length;
  const name = replaced.source === 'file' ? replaced.name : null;
  return (
    <div className="input-panel__replaced" role="status" data-testid="paste.replaced">
      <span>{describe(lines, name)}</span>
      <button
        type="button"
        className="button"
        data-testid="paste.restore"
        onClick={() => void restore()}
      >
        Undo: restore your text
      </button>
      <button
        type="button"
        className="button"
        data-testid="paste.discard"
        title="Forget the replaced text for good"
        onClick={discard}
      >
        Discard it
      </button>
    </div>
  );
}
