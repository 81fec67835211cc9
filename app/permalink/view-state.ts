// The view on the page as a permalink's ViewState: what the address bar and the Share dialog
// encode. `historyKey` names the parts worth a Back/Forward entry of their own.
import { defaultViewState, type ViewState } from '../../src/permalink/state';
import type { AppState } from '../store';

export function viewStateOf(s: AppState): ViewState {
  // On the Simulator page the link is to its program (and the deadlock shown).
  if (s.page === 'simulator')
    return { ...defaultViewState(s.program), simulator: { deadlock: s.simSelected } };
  const sel = s.graphSelection;
  let selection: ViewState['selection'] = null;
  if (sel?.kind === 'node') selection = { kind: 'node', id: sel.id };
  else if (sel?.kind === 'edge') {
    const [prev, next] = JSON.parse(sel.id) as [string, string];
    selection = { kind: 'edge', prev, next };
  }
  const st = s.stepper;
  const stepperMoved =
    st.scenario !== null || st.index !== 0 || st.schedule !== null || st.mode !== 'play';
  const excerpt = s.linkExcerpt;
  return {
    input: s.input,
    report: s.selected,
    selection,
    stepper: stepperMoved
      ? {
          scenario: st.scenario,
          index: st.index,
          schedule: st.schedule,
          ...(st.mode === 'schedule' ? { mode: 'schedule' as const } : {}),
        }
      : null,
    view: { merged: s.merged },
    excerpt:
      excerpt && excerpt.input === s.input ? { start: excerpt.start, end: excerpt.end } : null,
  };
}

/**
 * Two views with the same key differ only in the step shown or the text typed: the address bar
 * replaces its entry for those, and adds one (Back returns to it) for anything else.
 */
export function historyKey(v: ViewState): string {
  return JSON.stringify([
    v.report,
    v.selection,
    v.stepper?.scenario ?? null,
    v.stepper?.mode ?? 'play',
    v.view,
    v.simulator ?? null,
  ]);
}
