// Derived data, computed from the state and never stored twice. Each returns either a piece of
// the state itself or a frozen constant, so components that select through them re-render only
// when that piece changes.
import type { Diagnostic, Report } from '../../src/model/types';
import type { AppState } from './create-app-store';

const NO_REPORTS: readonly Report[] = Object.freeze([]);
const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

export const selectReports = (s: AppState): readonly Report[] => s.output?.reports ?? NO_REPORTS;

export const selectSelectedReport = (s: AppState): Report | null =>
  s.selected === null ? null : (s.output?.reports[s.selected] ?? null);

/** Diagnostics about the input as a whole (not about one report). */
export const selectInputDiagnostics = (s: AppState): readonly Diagnostic[] =>
  s.output?.diagnostics ?? NO_DIAGNOSTICS;

export const selectReportDiagnostics = (s: AppState): readonly Diagnostic[] =>
  selectSelectedReport(s)?.diagnostics ?? NO_DIAGNOSTICS;

export const selectIsParsing = (s: AppState): boolean => s.status === 'parsing';

/** The parse finished and found nothing: the page says why instead of showing results. */
export const selectFoundNothing = (s: AppState): boolean =>
  s.status === 'done' && (s.output?.reports.length ?? 0) === 0;

/**
 * Beyond this many characters the text box shows only the start of the input: Chromium needs
 * about 11 s to lay out a 50 MB textarea, which would freeze the page the worker keeps free.
 * The whole input is still parsed.
 */
export const BOX_PREVIEW_CHARS = 1_000_000;

let lastInput = '';
let lastPreview = '';

/** What the text box shows: the input, or its first lines when it is too big to edit here. */
export const selectBoxText = (s: AppState): string => {
  if (s.input.length <= BOX_PREVIEW_CHARS) return s.input;
  if (s.input !== lastInput) {
    lastInput = s.input;
    const cut = s.input.lastIndexOf('\n', BOX_PREVIEW_CHARS);
    lastPreview = s.input.slice(0, cut > 0 ? cut : BOX_PREVIEW_CHARS);
  }
  return lastPreview;
};

export const selectInputIsLarge = (s: AppState): boolean => s.input.length > BOX_PREVIEW_CHARS;
