import { useAppStore } from '../../store';
import { useFileDrop } from '../../hooks/useFileDrop';
import './DropOverlay.css';

/** Lets a file be dropped anywhere on the page, and says so while one is dragged over it. */
export function DropOverlay() {
  const loadFile = useAppStore((s) => s.loadFile);
  const dragging = useFileDrop((file) => void loadFile(file));
  if (!dragging) return null;
  return (
    <div className="drop-overlay" data-testid="drop.overlay" aria-hidden="true">
      <p>Drop the file to read it here. It is not uploaded.</p>
    </div>
  );
}
