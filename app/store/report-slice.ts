// The report slice: the text in the box, its parse, and which report is selected.
import type { StateCreator } from 'zustand';
import type { ParseOutput, Report } from '../../src/model/types';
import { decodeLockscopeFile, looksLikeLockscopeFile } from '../../src/permalink/lockscope-file';
import { readTextFile } from '../platform/read-text-file';
import type { InputSource, ParseStatus, StoreDeps } from './types';
import type { AppState } from './create-app-store';
import { INITIAL_STEPPER } from './stepper-slice';

export interface ReportSlice {
  input: string;
  inputSource: InputSource | null;
  /** file or example name shown next to the box */
  inputName: string | null;
  status: ParseStatus;
  output: ParseOutput | null;
  /** why the parser itself failed (a worker crash), not why the text held no report */
  failure: string | null;
  selected: number | null;
  /** the box changed (typing, pasting): parse once typing pauses */
  editInput(text: string): void;
  /** replace the text and parse it at once; resolves when that parse (or a newer one) is done */
  loadInput(text: string, source: InputSource, name?: string | null): Promise<void>;
  loadFile(file: Blob & { name: string }): Promise<void>;
  loadExample(id: string): Promise<void>;
  selectReport(index: number | null): void;
  /** keep the current text for the next visit now (the page is being hidden or closed) */
  saveInput(): void;
}

// Inputs bigger than this are not kept across reloads: localStorage holds a few MB per origin.
export const MAX_STORED_CHARS = 2_000_000;

export function createReportSlice(deps: StoreDeps): StateCreator<AppState, [], [], ReportSlice> {
  const debounceMs = deps.debounceMs ?? 250;
  return (set, get) => {
    let latest = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Callers waiting for a parse: released when a parse at least as new as theirs settles.
    let waiters: { seq: number; resolve: () => void }[] = [];

    const release = (seq: number) => {
      const done = waiters.filter((w) => w.seq <= seq);
      waiters = waiters.filter((w) => w.seq > seq);
      for (const w of done) w.resolve();
    };

    const persist = (text: string) => {
      if (!deps.storage) return;
      try {
        deps.storage.save(text.length <= MAX_STORED_CHARS ? text : '');
      } catch {
        // A full or disabled localStorage must not stop the page from working.
      }
    };

    const runParse = (text: string): Promise<void> => {
      const seq = ++latest;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      set({ status: 'parsing', failure: null });
      const settled = new Promise<void>((resolve) => waiters.push({ seq, resolve }));
      deps.parse(text).then(
        (output) => {
          if (seq !== latest) return;
          set({
            status: 'done',
            output,
            selected: firstInterestingReport(output.reports),
            graphSelection: null,
            stepper: INITIAL_STEPPER,
          });
          release(seq);
        },
        (err: unknown) => {
          if (seq !== latest) return;
          const message = err instanceof Error ? err.message : String(err);
          set({
            status: 'failed',
            output: null,
            selected: null,
            graphSelection: null,
            stepper: INITIAL_STEPPER,
            failure: message,
          });
          release(seq);
        },
      );
      return settled;
    };

    return {
      input: '',
      inputSource: null,
      inputName: null,
      status: 'idle',
      output: null,
      failure: null,
      selected: null,

      editInput(text) {
        // 'parsing' from the first keystroke: what is shown no longer matches the box.
        set({ input: text, inputSource: 'typed', inputName: null, status: 'parsing' });
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          persist(text);
          void runParse(text);
        }, debounceMs);
      },

      loadInput(text, source, name = null) {
        set({ input: text, inputSource: source, inputName: name });
        if (source !== 'restored') persist(text);
        return runParse(text);
      },

      async loadFile(file) {
        let text: string;
        try {
          text = await readTextFile(file);
        } catch (err) {
          // A corrupt .gz: say so, and leave the box as it was.
          const why = err instanceof Error ? err.message : String(err);
          set({ status: 'failed', failure: `could not read ${file.name}: ${why}` });
          return;
        }
        // A .lockscope file (told by its content, never its name) opens the view it holds.
        if (looksLikeLockscopeFile(text)) {
          const view = decodeLockscopeFile(text);
          if (!view.ok) return get().setLinkError(view.error);
          get().setLinkError(await get().openView(view.state, 'file', file.name));
          return;
        }
        await get().loadInput(text, 'file', file.name);
      },

      async loadExample(id) {
        if (!deps.fetchExample) throw new Error('no examples in this build');
        const text = await deps.fetchExample(id);
        await get().loadInput(text, 'example', id);
      },

      saveInput() {
        persist(get().input);
      },

      selectReport(index) {
        const count = get().output?.reports.length ?? 0;
        if (index !== null && (index < 0 || index >= count)) return;
        set({ selected: index, graphSelection: null, stepper: INITIAL_STEPPER });
      },
    };
  };
}

/**
 * The report a person wants to see first in a log holding several: the first with a cycle, else
 * the first naming a dependency, else the first.
 */
export function firstInterestingReport(reports: readonly Report[]): number | null {
  if (reports.length === 0) return null;
  const withCycle = reports.findIndex((r) => (r.cycle?.length ?? 0) > 0);
  if (withCycle >= 0) return withCycle;
  const withDependency = reports.findIndex((r) => r.dependencies.length > 0);
  return withDependency >= 0 ? withDependency : 0;
}
