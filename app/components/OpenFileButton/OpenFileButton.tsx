import { useRef } from 'react';
import { useAppStore } from '../../store';

/** "Open file…": reads a local file into the box. The file is read here, never uploaded. */
export function OpenFileButton() {
  const loadFile = useAppStore((s) => s.loadFile);
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="paste.open-file"
        onClick={() => input.current?.click()}
      >
        Open file…
      </button>
      <input
        ref={input}
        type="file"
        hidden
        data-testid="paste.file-input"
        aria-label="Open a report file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void loadFile(file);
        }}
      />
    </>
  );
}
