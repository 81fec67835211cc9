// The report slice: the text in the box, its parse, and which report is selected.
import type { StateCreator } from 'zustand';
import type { ParseOutput, Report } from '../../src/model/types';
import { decodeLockscopeFile, looksLikeLockscopeFile } from '../../src/permalink/lockscope-file';
import { readTextFile } from '../platform/read-text-file';
import type { InputMeta, InputSource, ParseStatus, SavedInput, StoreDeps } from './types';
import type { AppState } from './create-app-store';
import { INITIAL_STEPPER } from './stepper-slice';

/** The Report page's box as the user left it, while a lesson shows its own report. */
interface UserBox {
  input: string;
  inputSource: InputSource | null;
  inputName: string | null;
  inputOwn: boolean;
  replacedInput: SavedInput | null;
  /** what was shown, when it was settled: given back as it was, without a new parse */
  view: Pick<
    AppState,
    'status' | 'output' | 'failure' | 'selected' | 'graphSelection' | 'stepper'
  > | null;
}

/** The box lent to a lesson: the user's box, or null when nothing had been shown yet. */
export interface LentBox {
  box: UserBox | null;
}

export interface ReportSlice {
  input: string;
  inputSource: InputSource | null;
  /** file or example name shown next to the box */
  inputName: string | null;
  /** the box holds the user's own text (typed, pasted, a file, a link), not an example or lesson */
  inputOwn: boolean;
  /** the user's own text that an example, a file, a link or Clear replaced, until restored */
  replacedInput: SavedInput | null;
  /** set while a lesson shows its report: the user's box, given back when the lesson is left */
  lentBox: LentBox | null;
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
  /** empty the box; the text it held can be restored */
  clearInput(): Promise<void>;
  /** put the replaced text back (the text it replaces, if the user's own, is kept in turn) */
  restoreReplacedInput(): Promise<void>;
  discardReplacedInput(): void;
  /** show a lesson's report without making it the user's input (never saved, never replaces) */
  showLessonInput(text: string, name: string): Promise<void>;
  /** give the user's box back as it was, once the lesson is left */
  returnLentBox(): Promise<void>;
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

    // The box as the user has it: their own, even while a lesson borrows the page's box.
    const userBox = (): UserBox | null => {
      const s = get();
      if (s.inputSource === 'lesson') return s.lentBox?.box ?? null;
      const { input, inputSource, inputName, inputOwn, replacedInput } = s;
      return { input, inputSource, inputName, inputOwn, replacedInput, view: null };
    };

    // The user's box goes to storage, never a lesson's report.
    const persist = () => {
      const box = userBox();
      if (!deps.storage || !box) return;
      const fits = (t: string) => t.length <= MAX_STORED_CHARS;
      try {
        deps.storage.save(fits(box.input) ? box.input : '');
        const replaced =
          box.replacedInput && fits(box.replacedInput.text) ? box.replacedInput : null;
        deps.storage.saveMeta?.({ own: box.inputOwn, replaced });
      } catch {
        // A full or disabled localStorage must not stop the page from working.
      }
    };

    const savedMeta = (): InputMeta | null => {
      try {
        return deps.storage?.loadMeta?.() ?? null;
      } catch {
        return null;
      }
    };

    // What a lesson opened before anything else lends: the saved text, read as a reload would.
    const storedBox = (): UserBox | null => {
      let text: string | null;
      try {
        text = deps.storage?.load() ?? null;
      } catch {
        return null;
      }
      if (text === null) return null;
      const meta = savedMeta();
      return {
        input: text,
        inputSource: 'restored',
        inputName: null,
        inputOwn: meta?.own ?? true,
        replacedInput: meta?.replaced ?? null,
        view: null,
      };
    };

    let lastParse: Promise<void> = Promise.resolve();

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
      lastParse = settled;
      return settled;
    };

    return {
      input: '',
      inputSource: null,
      inputName: null,
      inputOwn: true,
      replacedInput: null,
      lentBox: null,
      status: 'idle',
      output: null,
      failure: null,
      selected: null,

      editInput(text) {
        // 'parsing' from the first keystroke: what is shown no longer matches the box.
        set({
          input: text,
          inputSource: 'typed',
          inputName: null,
          inputOwn: true,
          lentBox: null,
          status: 'parsing',
        });
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          persist();
          void runParse(text);
        }, debounceMs);
      },

      loadInput(text, source, name = null) {
        if (source === 'lesson') return get().showLessonInput(text, name ?? '');
        if (source === 'restored') {
          const meta = savedMeta();
          set({
            input: text,
            inputSource: source,
            inputName: name,
            inputOwn: meta?.own ?? true,
            replacedInput: meta?.replaced ?? null,
            lentBox: null,
          });
          return runParse(text);
        }
        // New text in the box: the user's own text it replaces is kept aside, never dropped.
        const box = userBox();
        let replaced = box?.replacedInput ?? null;
        if (box && box.inputOwn && box.input.trim() !== '' && box.input !== text)
          replaced = { text: box.input, source: box.inputSource ?? 'typed', name: box.inputName };
        if (replaced?.text === text) replaced = null;
        set({
          input: text,
          inputSource: source,
          inputName: name,
          // generated text (an example, a Simulator deadlock) never pushes the user's own text out
          inputOwn: source !== 'example' && source !== 'simulator',
          replacedInput: replaced,
          lentBox: null,
        });
        persist();
        return runParse(text);
      },

      clearInput() {
        return get().loadInput('', 'typed');
      },

      restoreReplacedInput() {
        const r = get().replacedInput;
        if (!r || get().inputSource === 'lesson') return Promise.resolve();
        return get().loadInput(r.text, r.source === 'restored' ? 'typed' : r.source, r.name);
      },

      discardReplacedInput() {
        if (!get().replacedInput) return;
        set({ replacedInput: null });
        persist();
      },

      showLessonInput(text, name) {
        const s = get();
        if (s.inputSource === 'lesson' && s.input === text) return lastParse;
        // Typing that has not been saved yet is saved now, as the user's; its parse is moot.
        if (timer !== null) {
          clearTimeout(timer);
          timer = null;
          persist();
        }
        let lent: LentBox;
        if (s.inputSource === 'lesson') lent = s.lentBox ?? { box: null };
        else if (s.inputSource === null) lent = { box: storedBox() };
        else {
          const settled = s.status === 'done' || s.status === 'failed';
          const { status, output, failure, selected, graphSelection, stepper } = s;
          const box = userBox()!;
          box.view = settled
            ? { status, output, failure, selected, graphSelection, stepper }
            : null;
          lent = { box };
        }
        set({
          input: text,
          inputSource: 'lesson',
          inputName: name,
          inputOwn: false,
          replacedInput: null,
          lentBox: lent,
        });
        return runParse(text);
      },

      async returnLentBox() {
        const s = get();
        if (s.inputSource !== 'lesson') return;
        const box = s.lentBox?.box ?? null;
        if (!box) {
          set({ input: '', inputSource: null, inputName: null, lentBox: null });
          if (deps.fetchExample && deps.defaultExample)
            return get().loadExample(deps.defaultExample);
          return get().loadInput('', 'restored');
        }
        const { view, ...fields } = box;
        set({ ...fields, lentBox: null });
        if (!view) return runParse(box.input);
        // Shown as it was left: no parse, and any parse still running for the lesson is moot.
        latest++;
        if (timer !== null) clearTimeout(timer);
        timer = null;
        set(view);
        release(latest);
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
        persist();
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
