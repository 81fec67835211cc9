// The link slice: opening a view that a permalink or a .lockscope file describes, what the
// address bar holds, and why a link could not be opened (shown in a banner, dismissible).
import type { StateCreator } from 'zustand';
import { edgeId } from '../../src/graph';
import type { ViewState } from '../../src/permalink/state';
import type { AppState } from './create-app-store';
import type { InputSource } from './types';

/** What the address bar holds now (written by app/permalink/address-bar.ts). */
export interface PermalinkMark {
  /** the absolute URL with its "#v1.…" fragment; null when the text is too large for any link */
  url: string | null;
  /** the link carries only the selected report (the text was too large for the address bar) */
  reduced: boolean;
}

export interface LinkSlice {
  permalink: PermalinkMark;
  /** what was wrong with the link or file just opened; null when nothing was */
  linkError: string | null;
  /** the line range of a report-only link, kept while its text is in the box */
  linkExcerpt: { input: string; start: number; end: number } | null;
  /**
   * Show this view: its text parsed, then its report, merged flag, selection and stepper.
   * Resolves with why part of it could not be shown (a report that is not in the text…), or null.
   */
  openView(view: ViewState, source?: InputSource, name?: string | null): Promise<string | null>;
  setLinkError(error: string | null): void;
  setPermalink(mark: PermalinkMark): void;
}

export const createLinkSlice: StateCreator<AppState, [], [], LinkSlice> = (set, get) => ({
  permalink: { url: null, reduced: false },
  linkError: null,
  linkExcerpt: null,

  async openView(view, source = 'link', name = null) {
    // A program link opens the Simulator; a report link shown from there goes back to the report.
    if (view.simulator) return get().openProgramView(view);
    if (get().page === 'simulator') get().setPage('report');
    const now = get();
    if (now.input === view.input && now.status === 'done') {
      // Back/Forward between views of the same text: no parse, only a fresh selection.
      now.selectReport(now.selected);
      if (source !== 'link') set({ inputSource: source, inputName: name });
    } else {
      await get().loadInput(view.input, source, name);
      // A newer input arrived while this one was parsing: it wins, and nothing is applied.
      if (get().input !== view.input) return null;
    }
    const problems: string[] = [];
    const count = get().output?.reports.length ?? 0;
    if (view.report !== null) {
      if (view.report < count) get().selectReport(view.report);
      else problems.push(`its report #${view.report + 1} is not in the text (it holds ${count})`);
    }
    get().setMerged(view.view.merged);
    if (view.selection?.kind === 'node')
      get().selectGraphElement({ kind: 'node', id: view.selection.id });
    else if (view.selection?.kind === 'edge')
      get().selectGraphElement({
        kind: 'edge',
        id: edgeId(view.selection.prev, view.selection.next),
      });
    const stepper = view.stepper;
    if (stepper) {
      if (stepper.scenario !== null) get().setScenario(stepper.scenario);
      if (stepper.mode === 'schedule' || stepper.schedule !== null) {
        const why = get().setSchedule(stepper.schedule ?? '');
        if (why) problems.push(`its schedule stops early: ${why}`);
      }
      get().stepTo(stepper.index);
    }
    set({
      linkExcerpt: view.excerpt ? { input: view.input, ...view.excerpt } : null,
    });
    return problems.length > 0 ? `The view opened, but ${problems.join('; ')}` : null;
  },

  setLinkError(error) {
    set({ linkError: error });
  },

  setPermalink(mark) {
    const now = get().permalink;
    if (now.url !== mark.url || now.reduced !== mark.reduced) set({ permalink: mark });
  },
});
