// Playback's clock: while playing, one step per beat until the end.
import { useEffect } from 'react';
import { useAppStore } from '../../store';

export const PLAYBACK_BEAT_MS = 900;

export function usePlayback(playing: boolean): void {
  const tick = useAppStore((s) => s.tick);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(tick, PLAYBACK_BEAT_MS);
    return () => clearInterval(timer);
  }, [playing, tick]);
}
