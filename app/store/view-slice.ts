// The view slice: which page is shown, and requests from the results to the text box (show these lines).
import type { StateCreator } from 'zustand';
import type { AppState } from './create-app-store';

export interface LineSelection {
  /** 1-based original lines, inclusive */
  start: number;
  end: number;
  /** bumps on every request so that asking for the same lines twice still moves the caret */
  nonce: number;
}

/** The app's top-level pages (app/pages/pages.ts lists the ones that exist). */
export type PageId = 'report' | 'simulator' | 'lessons';

export interface ViewSlice {
  page: PageId;
  setPage(page: PageId): void;
  lineSelection: LineSelection | null;
  showLines(start: number, end?: number): void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  page: 'report',
  setPage(page) {
    if (get().page !== page) set({ page });
  },
  lineSelection: null,
  showLines(start, end = start) {
    const nonce = (get().lineSelection?.nonce ?? 0) + 1;
    set({ lineSelection: { start, end: Math.max(start, end), nonce } });
  },
});
