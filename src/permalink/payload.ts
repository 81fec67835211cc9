// The uncompressed payload of a link: one line of JSON for the view (fields at their default
// left out), a newline, then the input text exactly as it was. The text is not JSON-escaped,
// so it compresses against the dictionary as the kernel printed it.
import { defaultViewState, normalizeState, type StateResult, type ViewState } from './state';

export function serializePayload(state: ViewState): string {
  return `${JSON.stringify(viewHeader(state))}\n${state.input}`;
}

/** The state without its input, defaults left out: what the header line and .lockscope files hold. */
export function viewHeader(state: ViewState): Record<string, unknown> {
  const defaults = defaultViewState();
  const out: Record<string, unknown> = {};
  if (state.report !== defaults.report) out.report = state.report;
  if (state.selection) out.selection = state.selection;
  if (state.stepper) out.stepper = state.stepper;
  const view = Object.entries(state.view).filter(([k, v]) => !(k === 'merged' && v === false));
  if (view.length > 0) out.view = Object.fromEntries(view);
  if (state.excerpt) out.excerpt = state.excerpt;
  // A program link: the text after the view line is the program ({"simulator":{}} for none selected).
  if (state.simulator)
    out.simulator = state.simulator.deadlock === null ? {} : { deadlock: state.simulator.deadlock };
  return out;
}

export function parsePayload(text: string): StateResult {
  const nl = text.indexOf('\n');
  if (nl < 0) return { ok: false, reason: 'its view line is missing' };
  let header: unknown;
  try {
    header = JSON.parse(text.slice(0, nl));
  } catch {
    return { ok: false, reason: 'its view line is not JSON' };
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    return { ok: false, reason: 'its view line is not a JSON object' };
  return normalizeState({ ...header, input: text.slice(nl + 1) });
}
