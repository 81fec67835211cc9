// The address bar follows the view: once the page settles, the view is encoded (debounced, the
// codec is async) into the URL's fragment. A new report, selection, scenario or text from a file
// adds a history entry, so Back and Forward walk through them; a step or a keystroke replaces the
// entry. Back, Forward and a link pasted into the address bar are decoded and applied here.
import { encodeFragmentV1, decodePermalink, PermalinkError } from '../../src/permalink/codec';
import type { ViewState } from '../../src/permalink/state';
import type { ParseOutput } from '../../src/model/types';
import type { AppState, AppStore } from '../store';
import { historyKey, viewStateOf } from './view-state';

/** Texts longer than this put the report-only link in the address bar, never megabytes. */
export const ADDRESS_BAR_MAX_TEXT = 100_000;

/** Characters in lines `start`..`end` (1-based, inclusive) of `text`, newlines included. */
export function linesLength(text: string, start: number, end: number): number {
  let from = 0;
  let line = 1;
  for (; line < start && from >= 0; line++) from = text.indexOf('\n', from) + 1 || -1;
  if (from < 0) return 0;
  let to = from;
  for (; line <= end && to >= 0; line++) to = text.indexOf('\n', to) + 1 || -1;
  return (to < 0 ? text.length : to) - from;
}

export interface AddressBarWindow {
  location: { href: string; hash: string };
  history: Pick<History, 'pushState' | 'replaceState'>;
  addEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
  removeEventListener(type: 'popstate' | 'hashchange', listener: () => void): void;
}

export interface OpenResult {
  /** the link's view is shown (perhaps in part: see error) */
  opened: boolean;
  /** what was wrong with the link, shown in the banner; null when nothing was */
  error: string | null;
  /** a program link: it opened the Simulator and left the report box as it was */
  program?: boolean;
}

export interface AddressBar {
  /** decode a link (or a fragment) and show its view */
  open(link: string): Promise<OpenResult>;
  /** resolves once the address bar holds the view shown now (no change waiting to be written) */
  settled(): Promise<void>;
  stop(): void;
}

export function startAddressBar(
  store: AppStore,
  win: AddressBarWindow,
  ready: Promise<void>,
  delayMs = 300,
): AddressBar {
  let started = false;
  let applying = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let seq = 0;
  let lastKey: string | null = null;
  let lastInput: string | null = null;
  let lastHash = win.location.hash;
  // set when new text already got its own (fragment-less) history entry, so the write replaces it
  let pushedForInput = false;
  let writing = 0;
  let waiters: (() => void)[] = [];
  const idle = () => started && timer === null && writing === 0 && applying === 0;
  const wake = () => {
    if (!idle()) return;
    const now = waiters;
    waiters = [];
    for (const w of now) w();
  };
  const reduced = new WeakMap<ParseOutput, Map<number | null, ViewState | null>>();

  const schedule = () => {
    if (!started) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      writing++;
      write().finally(() => {
        writing--;
        wake();
      });
    }, delayMs);
  };

  /** The view as the address bar carries it: whole, or cut to its report when the text is long. */
  const linkedView = async (s: AppState, v: ViewState) => {
    if (v.simulator)
      return { view: v.input.length <= ADDRESS_BAR_MAX_TEXT ? v : null, reduced: false };
    if (v.input.length <= ADDRESS_BAR_MAX_TEXT) return { view: v, reduced: false };
    if (!s.output) return { view: null, reduced: true };
    // A report longer than the bar carries (a whole-kernel lock-graph dump is megabytes) gets no
    // link there: cutting the text down would re-parse it on the main thread for nothing. The
    // Share dialog offers a .lockscope file for it.
    const shown = v.report === null ? undefined : s.output.reports[v.report];
    if (shown && linesLength(v.input, shown.lines.start, shown.lines.end) > ADDRESS_BAR_MAX_TEXT)
      return { view: null, reduced: true };
    let memo = reduced.get(s.output);
    if (!memo) reduced.set(s.output, (memo = new Map()));
    if (!memo.has(v.report)) {
      const { reduceViewState } = await import('../../src/permalink/share');
      const r = reduceViewState({ ...v, selection: null, stepper: null }, s.output);
      memo.set(v.report, r.reduction === 'whole' ? null : r.state);
    }
    const cut = memo.get(v.report);
    if (!cut || cut.input.length > ADDRESS_BAR_MAX_TEXT) return { view: null, reduced: true };
    return {
      view: { ...v, input: cut.input, report: cut.report, excerpt: cut.excerpt },
      reduced: true,
    };
  };

  const write = async () => {
    const s = store.getState();
    const v = viewStateOf(s);
    if (applying > 0 || (!v.simulator && (s.status === 'parsing' || s.status === 'idle'))) return;
    const mine = ++seq;
    const { view, reduced: isReduced } = await linkedView(s, v);
    let fragment: string | null = null;
    if (view) {
      try {
        fragment = await encodeFragmentV1(view);
      } catch (err) {
        if (!(err instanceof PermalinkError)) throw err;
      }
    }
    if (mine !== seq || applying > 0) return;
    const base = win.location.href.split('#')[0]!;
    // Typing replaces the entry even when it changes the report shown; other new text adds one.
    const newText = v.input !== lastInput;
    const typed = newText && (v.simulator ? s.programSource : s.inputSource) === 'typed';
    const push =
      lastKey !== null && !typed && !pushedForInput && (newText || historyKey(v) !== lastKey);
    pushedForInput = false;
    const url = fragment ? base + fragment : base;
    if (win.location.hash !== (fragment ?? '')) {
      if (push) win.history.pushState(null, '', url);
      else win.history.replaceState(null, '', url);
    }
    lastKey = historyKey(v);
    lastInput = v.input;
    lastHash = win.location.hash;
    store.getState().setPermalink({ url: fragment ? url : null, reduced: isReduced });
  };

  const open = async (link: string): Promise<OpenResult> => {
    applying++;
    try {
      const decoded = await decodePermalink(link);
      const error = decoded.ok ? await store.getState().openView(decoded.state) : decoded.error;
      store.getState().setLinkError(error);
      const v = viewStateOf(store.getState());
      lastKey = historyKey(v);
      lastInput = v.input;
      return { opened: decoded.ok, error, program: decoded.ok && !!decoded.state.simulator };
    } finally {
      applying--;
      schedule();
    }
  };

  const onNavigate = () => {
    const hash = win.location.hash;
    if (hash === lastHash) return;
    lastHash = hash;
    // Back to the entry the page was opened with, before any link: nothing to apply.
    if (hash === '' || hash === '#') return;
    void open(hash);
  };

  // New text makes the link in the address bar stale at once, while its own link is still being
  // encoded: drop the fragment now, so that a reload in between restores the new text (saved in
  // local storage) rather than reopening the old view.
  const dropStaleLink = (typed: boolean) => {
    if (!started || applying > 0 || !win.location.hash) return;
    const base = win.location.href.split('#')[0]!;
    if (typed || lastKey === null) win.history.replaceState(null, '', base);
    else {
      win.history.pushState(null, '', base);
      pushedForInput = true;
    }
    lastHash = win.location.hash;
  };

  const stopWatching = store.subscribe((s, prev) => {
    if (s.input !== prev.input) dropStaleLink(s.inputSource === 'typed');
    else if (s.page === 'simulator' && s.program !== prev.program)
      dropStaleLink(s.programSource === 'typed');
    if (
      s.page !== prev.page ||
      s.program !== prev.program ||
      s.simSelected !== prev.simSelected ||
      s.input !== prev.input ||
      s.status !== prev.status ||
      s.selected !== prev.selected ||
      s.graphSelection !== prev.graphSelection ||
      s.stepper !== prev.stepper ||
      s.merged !== prev.merged
    )
      schedule();
  });
  win.addEventListener('popstate', onNavigate);
  win.addEventListener('hashchange', onNavigate);
  void ready.then(() => {
    started = true;
    schedule();
  });

  return {
    open,
    settled: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        wake();
      }),
    stop() {
      stopWatching();
      if (timer !== null) clearTimeout(timer);
      win.removeEventListener('popstate', onNavigate);
      win.removeEventListener('hashchange', onNavigate);
    },
  };
}
