// What a permalink reproduces: the text, the selected report, what is selected in its graph, the
// stepper and the view options. Every field but `input` has a default, so a v1 link that leaves
// a field out (or one a later v1 writer added and this reader does not know) still opens.
// A program link (added to v1 later) is a view with `simulator` set: its `input` is then the lock
// program in the Simulator's editor, and links made before it keep decoding exactly as they did.

/** A lock class (node id = class name) or a dependency prev -> next. */
export type LinkSelection =
  { kind: 'node'; id: string } | { kind: 'edge'; prev: string; next: string };

export interface StepperState {
  /** the scenario's id ('lockdep', 'full', …); null = the stepper's default */
  scenario: string | null;
  /** the step shown: 0 is before any step */
  index: number;
  /** the CPUs that move, one character each (src/scenario/schedule.ts); null: the scenario's own */
  schedule: string | null;
  /** 'schedule': the person picks each CPU (app/store/stepper-slice.ts); a link opens paused */
  mode?: 'play' | 'schedule';
}

/** On a program link: the Simulator shows `input` as its program, and this deadlock selected. */
export interface SimulatorView {
  /** a Deadlock's id from explore() ("deadlock-2"); null: none selected */
  deadlock: string | null;
}

/** View options: `merged` plus whatever later views add (flat, JSON-safe values only). */
export interface ViewOptions {
  merged: boolean;
  [option: string]: string | number | boolean;
}

export interface ViewState {
  /** the text in the box, exactly (or, for a report-only link, the reduced report) */
  input: string;
  /** 0-based index into parseText(input).reports; null = the app's own choice */
  report: number | null;
  selection: LinkSelection | null;
  stepper: StepperState | null;
  view: ViewOptions;
  /**
   * Set on report-only links: the original lines (1-based, inclusive) the reduced `input` was
   * cut from, so the app can say "lines 120-260 of a longer log". null for a full link.
   */
  excerpt: { start: number; end: number } | null;
  /**
   * Present only on a program link: `input` is a lock program (src/sim) for the Simulator page,
   * not report text. Left out (never null) on report views, so their decoding is unchanged.
   */
  simulator?: SimulatorView;
}

export function defaultViewState(input = ''): ViewState {
  return {
    input,
    report: null,
    selection: null,
    stepper: null,
    view: { merged: false },
    excerpt: null,
  };
}

/** Bounds that keep a hostile link from smuggling in huge or odd values. */
const MAX_NAME = 4096;
const MAX_OPTIONS = 64;
const MAX_INDEX = 1e9;
const SCHEDULE = /^[0-9a-z]*$/;
const OPTION_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** `reason` completes "This link is damaged: …" (or "This file …"). */
export type StateResult = { ok: true; state: ViewState } | { ok: false; reason: string };

/**
 * A decoded object to a ViewState: defaults for what is missing, unknown fields ignored, a
 * field of the wrong type is an error (the link was not made by lockscope, or is damaged).
 */
export function normalizeState(raw: unknown): StateResult {
  if (!isRecord(raw)) return fail('it holds no view');
  if (typeof raw.input !== 'string') return fail('it holds no text');
  const state = defaultViewState(raw.input);

  if (raw.report !== undefined && raw.report !== null) {
    if (!isIndex(raw.report)) return fail('its report number is not a number');
    state.report = raw.report;
  }
  if (raw.selection !== undefined && raw.selection !== null) {
    const s = readSelection(raw.selection);
    if (!s) return fail('its selection is not a lock class or a dependency');
    state.selection = s;
  }
  if (raw.stepper !== undefined && raw.stepper !== null) {
    const s = readStepper(raw.stepper);
    if (!s) return fail('its stepper position is not one lockscope writes');
    state.stepper = s;
  }
  if (raw.view !== undefined && raw.view !== null) {
    const v = readView(raw.view);
    if (!v) return fail('its view options are not ones lockscope writes');
    state.view = v;
  }
  if (raw.excerpt !== undefined && raw.excerpt !== null) {
    const e = raw.excerpt;
    if (!isRecord(e) || !isIndex(e.start) || !isIndex(e.end) || e.start < 1 || e.end < e.start)
      return fail('its line range is not a line range');
    state.excerpt = { start: e.start, end: e.end };
  }
  if (raw.simulator !== undefined && raw.simulator !== null) {
    const sim = raw.simulator;
    const deadlock = isRecord(sim) ? (sim.deadlock ?? null) : undefined;
    if (deadlock === undefined || (deadlock !== null && !isName(deadlock)))
      return fail('its simulator view is not one lockscope writes (a program link was changed)');
    state.simulator = { deadlock };
  }
  return { ok: true, state };
}

function readSelection(s: unknown): LinkSelection | null {
  if (!isRecord(s)) return null;
  if (s.kind === 'node' && isName(s.id)) return { kind: 'node', id: s.id };
  if (s.kind === 'edge' && isName(s.prev) && isName(s.next))
    return { kind: 'edge', prev: s.prev, next: s.next };
  return null;
}

function readStepper(s: unknown): StepperState | null {
  if (!isRecord(s)) return null;
  const scenario = s.scenario ?? null;
  if (scenario !== null && !isName(scenario)) return null;
  const index = s.index ?? 0;
  if (!isIndex(index)) return null;
  const schedule = s.schedule ?? null;
  if (
    schedule !== null &&
    (typeof schedule !== 'string' || schedule.length > MAX_NAME * 16 || !SCHEDULE.test(schedule))
  )
    return null;
  const out: StepperState = { scenario, index, schedule };
  if (s.mode !== undefined) {
    if (s.mode !== 'play' && s.mode !== 'schedule') return null;
    out.mode = s.mode;
  }
  return out;
}

function readView(v: unknown): ViewOptions | null {
  if (!isRecord(v)) return null;
  const entries = Object.entries(v);
  if (entries.length > MAX_OPTIONS) return null;
  const out: ViewOptions = { merged: false };
  for (const [key, value] of entries) {
    // Keys become property names in the app's store: nothing that reaches a prototype.
    if (!OPTION_KEY.test(key) || key === 'constructor' || key === 'prototype') return null;
    const ok =
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      (typeof value === 'string' && value.length <= MAX_NAME);
    if (!ok) return null;
    if (key === 'merged' && typeof value !== 'boolean') return null;
    out[key] = value;
  }
  return out;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isIndex(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= MAX_INDEX;
}

function isName(x: unknown): x is string {
  return typeof x === 'string' && x.length > 0 && x.length <= MAX_NAME;
}

function fail(reason: string): StateResult {
  return { ok: false, reason };
}
