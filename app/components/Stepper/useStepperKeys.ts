// The stepper's keys, while focus is inside it: arrows step, space plays or pauses, Home and End
// jump. Keys typed into a text field stay there; a focused button keeps space and Enter.
import { useCallback, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store';

export function useStepperKeys(playing: boolean): (event: KeyboardEvent) => void {
  const stepBy = useAppStore((s) => s.stepBy);
  const stepTo = useAppStore((s) => s.stepTo);
  const setPlaying = useAppStore((s) => s.setPlaying);
  return useCallback(
    (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
      const onButton = target.closest('button') !== null;
      switch (event.key) {
        case 'ArrowRight':
        case 'ArrowDown':
          stepBy(1);
          break;
        case 'ArrowLeft':
        case 'ArrowUp':
          stepBy(-1);
          break;
        case 'Home':
          stepTo(0);
          break;
        case 'End':
          stepTo(Number.MAX_SAFE_INTEGER);
          break;
        case ' ':
          if (onButton) return;
          setPlaying(!playing);
          break;
        default:
          return;
      }
      event.preventDefault();
    },
    [stepBy, stepTo, setPlaying, playing],
  );
}
