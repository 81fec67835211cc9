// What the Share dialog and `lockscope link` need: the link for a view, whole or cut down to the
// selected report, and which report a view shows when it names none.
import type { ParseOutput, Report } from '../model/types';
import { parseText } from '../parse';
import { encodeFragmentV1, LINK_LENGTH_LIMIT, PermalinkError } from './codec';
import { reduceForLink, type Reduction } from './reduce';
import type { ViewState } from './state';

export interface EncodeOptions {
  /** the app's address, e.g. "https://lockscope.example/"; without it the result is "#v1.…" */
  base?: string;
  /** carry only the selected report, cleaned and stripped (reduce.ts) */
  reduce?: boolean;
  /** parseText(state.input), when the caller has it already (saves a parse) */
  parsed?: ParseOutput;
}

export async function encodePermalink(
  state: ViewState,
  options: EncodeOptions = {},
): Promise<string> {
  const shown = options.reduce ? reduceViewState(state, options.parsed).state : state;
  return encodeFragmentV1(shown, options.base);
}

/**
 * The view with its input cut down to the selected report (or the one the app would select):
 * the report index remapped into the reduced text and `excerpt` saying where it came from.
 * 'whole' when there is no report or no cut gives the same report back.
 */
export function reduceViewState(
  state: ViewState,
  given?: ParseOutput,
): { state: ViewState; reduction: Reduction } {
  // A program link carries a lock program, not a log: there is no report to cut it down to.
  if (state.simulator) return { state, reduction: 'whole' };
  const parsed = given ?? parseText(state.input);
  const index = state.report ?? defaultReportIndex(parsed.reports);
  const reduced = index === null ? null : reduceForLink(state.input, parsed, index);
  if (!reduced || reduced.reduction === 'whole') return { state, reduction: 'whole' };
  return {
    state: { ...state, input: reduced.text, report: reduced.report, excerpt: reduced.excerpt },
    reduction: reduced.reduction,
  };
}

export interface ShareLinks {
  /** the whole view; null when the text is too large for any link */
  full: string | null;
  /** the selected report only; null when it would be no shorter than `full` */
  reportOnly: string | null;
  reduction: Reduction;
  /** LINK_LENGTH_LIMIT: above it, offer `reportOnly` or a .lockscope file */
  limit: number;
}

/** Both links at once, for the Share dialog: it shows `full`, and `reportOnly` when `full` is long. */
export async function shareLinks(
  state: ViewState,
  options: { base?: string; parsed?: ParseOutput } = {},
): Promise<ShareLinks> {
  let full: string | null = null;
  try {
    full = await encodeFragmentV1(state, options.base);
  } catch (err) {
    if (!(err instanceof PermalinkError)) throw err;
  }
  const { state: reduced, reduction } = reduceViewState(state, options.parsed);
  let reportOnly: string | null = null;
  if (reduction !== 'whole') {
    try {
      reportOnly = await encodeFragmentV1(reduced, options.base);
    } catch (err) {
      if (!(err instanceof PermalinkError)) throw err;
    }
  }
  if (full !== null && reportOnly !== null && reportOnly.length >= full.length) reportOnly = null;
  return { full, reportOnly, reduction, limit: LINK_LENGTH_LIMIT };
}

/** The report a view shows when it names none: the first with a cycle, else the first with a
 * dependency, else the first (the app's firstInterestingReport, app/store/report-slice.ts). */
export function defaultReportIndex(reports: readonly Report[]): number | null {
  if (reports.length === 0) return null;
  const withCycle = reports.findIndex((r) => (r.cycle?.length ?? 0) > 0);
  if (withCycle >= 0) return withCycle;
  const withDependency = reports.findIndex((r) => r.dependencies.length > 0);
  return withDependency >= 0 ? withDependency : 0;
}
