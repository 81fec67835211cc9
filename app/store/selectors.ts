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
