// window.lockscope: a small scripting API for browser tests and for pages that embed lockscope.
// It speaks the JSON contract's vocabulary (lockscope.report/v1); later views add fields to
// state() (graph, stepper…), never rename them.
import type { Diagnostic, Format, LineRange, ReportKind } from '../../src/model/types';
import type { AppStore, ParseStatus } from '../store';
import { selectReports } from '../store';

export interface ApiReport {
  title: string;
  kind: ReportKind;
  format: Format;
  lines: LineRange;
}

export interface ApiState {
  reports: ApiReport[];
  selected: number | null;
  /** diagnostics about the input as a whole (each report's own are on the page) */
  diagnostics: Diagnostic[];
  status: ParseStatus;
  /** characters in the text box */
  inputLength: number;
}

export interface LockscopeApi {
  /** as if the text were pasted into the box; resolves when parsing has finished */
  load(text: string): Promise<void>;
  /** a JSON-safe snapshot of what the page shows */
  state(): ApiState;
  /** select the report at this index (as a click in the list would) */
  select(index: number | null): void;
  /** resolves once the first input (saved text or the default example) has been parsed */
  ready: Promise<void>;
}

declare global {
  interface Window {
    lockscope?: LockscopeApi;
  }
}

export function createLockscopeApi(store: AppStore, ready: Promise<void>): LockscopeApi {
  return {
    load: (text) => store.getState().loadInput(String(text), 'api'),
    state: () => {
      const s = store.getState();
      return structuredClone({
        reports: selectReports(s).map((r) => ({
          title: r.title,
          kind: r.kind,
          format: r.format,
          lines: r.lines,
        })),
        selected: s.selected,
        diagnostics: s.output?.diagnostics ?? [],
        status: s.status,
        inputLength: s.input.length,
      });
    },
    select: (index) => store.getState().selectReport(index),
    ready,
  };
}
