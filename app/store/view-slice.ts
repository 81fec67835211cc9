// The view slice: requests from the results to the text box (show these lines).
import type { StateCreator } from 'zustand';
import type { AppState } from './create-app-store';

export interface LineSelection {
  /** 1-based original lines, inclusive */
  start: number;
  end: number;
  /** bumps on every request so that asking for the same lines twice still moves the caret */
  nonce: number;
}

export interface ViewSlice {
  lineSelection: LineSelection | null;
  showLines(start: number, end?: number): void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  lineSelection: null,
  showLines(start, end = start) {
    const nonce = (get().lineSelection?.nonce ?? 0) + 1;
    set({ lineSelection: { start, end: Math.max(start, end), nonce } });
  },
});
