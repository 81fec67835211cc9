// window.lockscope: a small scripting API for browser tests and for pages that embed lockscope.
// It speaks the JSON contract's vocabulary (lockscope.report/v1); later views add fields to
// state() (graph, stepper…), never rename them.
import type { Diagnostic, Format, LineRange, ReportKind } from '../../src/model/types';
import type { AppState, AppStore, GraphSelection, ParseStatus } from '../store';
import { readGraphGeometry, type GraphGeometry } from './graph-probe';
import {
  selectGraphKey,
  selectHighlight,
  selectLockGraph,
  selectMergedCycles,
  selectReportGroups,
  selectReports,
} from '../store';
import { apiLesson, type ApiLesson } from './lesson-api';
import { apiStepper, chooseByName, type ApiStepper } from './stepper-api';
import type { AddressBar } from '../permalink/address-bar';
import type { PageId } from '../store/view-slice';
import { apiLockGraph, graphQuery, type ApiLockGraph, type GraphQuery } from './lock-graph-api';
import { selectExplorerDrawn } from '../store';
import { apiSim, apiSimulator, type ApiSim, type ApiSimulator } from './simulator-api';

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
  graph: ApiGraph;
  /** the deadlock stepper for the selected report; null when it supports no interleaving */
  stepper: ApiStepper | null;
  /**
   * The address bar's link to this view (absolute, "…#v1.…"), once the page has settled (it is
   * written ~300 ms after the last change); null before that or when no link can hold the text.
   */
  permalink: string | null;
  /** the address bar's link carries only the selected report (the text is too long for it) */
  permalinkReduced: boolean;
  /** what was wrong with the last link or .lockscope file opened (the banner's words), or null */
  linkError: string | null;
  /** the page shown: 'report', 'lessons'… */
  page: string;
  /** the lesson open on the Lessons page, or null */
  lesson: ApiLesson | null;
  /** presentation mode is on */
  presenting: boolean;
  /** the lock-graph explorer, when the selected report is a whole-kernel dump; else null */
  lockGraph: ApiLockGraph | null;
  /** the Simulator page: its program, errors and what the last run found */
  simulator: ApiSimulator;
  /** the reports grouped by dedup key (src/logs), in order of first appearance */
  groups: ApiGroup[];
}

/** A group of duplicate reports: the same lock cycle (or classes) reached from any function. */
export interface ApiGroup {
  /** the dedup key: "cycle: A | B", "inconsistent-lock-state: X (SOFTIRQ)", … */
  key: string;
  /** the first occurrence's title */
  title: string;
  titles: string[];
  count: number;
  /** indexes into `reports` */
  reports: number[];
  /** first line of the first occurrence, last line of the last */
  first: number;
  last: number;
  kinds: ReportKind[];
}

/** The lock graph on the page, with class names as in the JSON contract. */
export interface ApiGraph {
  /** lock classes */
  nodes: string[];
  /** dependencies: `next` was taken while `prev` was held */
  edges: [prev: string, next: string][];
  /** the cycle shown, in taken-before order; null when none */
  cycle: string[] | null;
  /** classes lit up now: the selected class, or the shortest cycle through the selected dependency */
  highlighted: string[];
  /** what is selected in the graph: a class (id = name) or a dependency (id = `["prev","next"]`) */
  selection: GraphSelection | null;
  /** every report merged into one graph, or only the selected one */
  merged: boolean;
  /** how many times the view has finished drawing a graph (for tests and benchmarks) */
  drawn: number;
  /**
   * merged: every cycle listed under the graph (each report's own, then those only the merge
   * closes), taken-before order; not merged: [cycle] or []
   */
  cycles: string[][];
  /** the cycle lit up from that list, or null */
  focusedCycle: string[] | null;
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
  /** show every report in one graph (true) or the selected report's (false) */
  setMerged(merged: boolean): void;
  /** select a class or dependency in the graph, as a click would; null clears */
  selectGraph(selection: GraphSelection | null): void;
  /**
   * Resolves once the graph shown now is drawn: parsed, laid out, positions applied and two
   * frames painted; at once when there is no graph. Tests and `npm run bench` time with it.
   */
  whenDrawn(): Promise<void>;
  /** where the drawn nodes and edges are on screen (tests click them); null with no graph view */
  geometry(): GraphGeometry | null;
  /** move the stepper n steps (negative: back), clamped to the run */
  step(n: number): void;
  /** show step i of the run (0: before any step) */
  stepTo(index: number): void;
  /** show another of the report's scenarios ('full', 'lockdep', 'interrupt', 'recursive', 'lor') */
  setScenario(id: string): void;
  /** 'play' follows the scenario's own schedule; 'schedule' lets the caller pick each CPU */
  setStepperMode(mode: 'play' | 'schedule'): void;
  /** play (true) or pause (false) */
  setPlaying(playing: boolean): void;
  /** schedule mode: run this CPU next (its index, or its name: "CPU1", "Thread B"); false if it cannot move */
  choose(cpu: number | string): boolean;
  /** schedule mode: take back the step shown */
  undo(): void;
  /** schedule mode along this schedule ("0110"): returns why a step cannot be played, or null */
  setSchedule(schedule: string): string | null;
  /** open a link (or "#v1.…") as if it were pasted into the address bar; resolves with its error or null */
  openLink(link: string): Promise<string | null>;
  /** resolves once the address bar (and state().permalink) holds the view shown now */
  whenLinked(): Promise<void>;
  /**
   * Lock-graph dumps: show a class's neighbourhood (`{focus, depth}`), answer "is `from` ever
   * taken before `to`?" (`{from, to}`), draw cycle `{cycle: i}` or `{whole: true}`; null clears.
   * Returns what the explorer then shows (whenDrawn() waits for it to be drawn); null when the
   * selected report is no lock graph.
   */
  graphQuery(query: GraphQuery | null): ApiLockGraph | null;
  /** the explorer's renderer: 'canvas', or 'webgl' (Cytoscape's WebGL renderer); redraws */
  setRenderer(renderer: 'canvas' | 'webgl'): void;
  /** show a page: 'report', 'simulator'… */
  setPage(page: string): void;
  /** the Simulator: load a program or an example, run it, open a deadlock in the stepper */
  sim: ApiSim;
  /** open a lesson by id (as ?lesson= does); resolves false for an unknown id */
  openLesson(id: string): Promise<boolean>;
  /** answer the open lesson's question: a lock class, a CPU name or an option id; false once revealed */
  answer(answer: string): boolean;
  /** reveal the answer (and lift the stepper's hold at the question step) */
  reveal(): void;
  /** presentation mode on or off */
  present(on: boolean): void;
}

declare global {
  interface Window {
    lockscope?: LockscopeApi;
  }
}

export function createLockscopeApi(
  store: AppStore,
  ready: Promise<void>,
  addressBar?: Pick<AddressBar, 'open' | 'settled'>,
): LockscopeApi {
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
        graph: apiGraph(s),
        stepper: apiStepper(s),
        permalink: s.permalink.url,
        permalinkReduced: s.permalink.reduced,
        linkError: s.linkError,
        lockGraph: apiLockGraph(s),
        simulator: apiSimulator(s),
        groups: selectReportGroups(s).map((g) => ({
          key: g.key,
          title: g.title,
          titles: g.titles.map((t) => t.title),
          count: g.count,
          reports: g.reports,
          first: g.first,
          last: g.last,
          kinds: g.kinds,
        })),
        page: s.page,
        lesson: apiLesson(s),
        presenting: s.presenting,
      });
    },
    select: (index) => store.getState().selectReport(index),
    ready,
    setMerged: (merged) => store.getState().setMerged(Boolean(merged)),
    selectGraph: (selection) => store.getState().selectGraphElement(selection),
    whenDrawn: () => whenDrawn(store),
    geometry: () => readGraphGeometry(),
    step: (n) => store.getState().stepBy(Number(n)),
    stepTo: (index) => store.getState().stepTo(Number(index)),
    setScenario: (id) => store.getState().setScenario(String(id)),
    setStepperMode: (mode) => store.getState().setStepperMode(mode === 'schedule' ? mode : 'play'),
    setPlaying: (playing) => store.getState().setPlaying(Boolean(playing)),
    choose: (cpu) => chooseByName(store, cpu),
    undo: () => store.getState().undoStep(),
    setSchedule: (schedule) => store.getState().setSchedule(String(schedule)),
    openLink: async (link) => {
      if (!addressBar) throw new Error('no address bar on this page');
      return (await addressBar.open(String(link))).error;
    },
    whenLinked: () => addressBar?.settled() ?? Promise.resolve(),
    graphQuery: (query) => graphQuery(store, query),
    setRenderer: (renderer) =>
      store.getState().setExplorerRenderer(renderer === 'webgl' ? 'webgl' : 'canvas'),
    setPage: (page) => {
      const pages: readonly string[] = ['report', 'simulator', 'lessons'] satisfies PageId[];
      if (pages.includes(page)) store.getState().setPage(page as PageId);
    },
    sim: apiSim(store),
    openLesson: (id) => store.getState().openLesson(String(id)),
    answer: (answer) => store.getState().answerLesson(String(answer)),
    reveal: () => store.getState().revealLesson(),
    present: (on) => store.getState().setPresenting(Boolean(on)),
  };
}

function apiGraph(s: AppState): ApiGraph {
  const graph = selectLockGraph(s);
  return {
    nodes: graph?.nodes.map((n) => n.id) ?? [],
    edges: graph?.edges.map((e) => [e.prev, e.next]) ?? [],
    cycle: graph?.cycle ?? null,
    highlighted: [...selectHighlight(s).nodes],
    selection: s.graphSelection,
    merged: s.merged,
    drawn: s.drawn.count,
    cycles: s.merged
      ? selectMergedCycles(s).cycles.map((c) => c.classes)
      : graph?.cycle
        ? [graph.cycle]
        : [],
    focusedCycle: s.focusedCycle ? [...s.focusedCycle] : null,
  };
}

function isDrawn(s: AppState): boolean {
  if (s.status === 'parsing') return false;
  // a whole-kernel dump: what its explorer shows, never all of it unless asked
  const explorer = selectExplorerDrawn(s);
  if (explorer !== null) return explorer;
  const graph = selectLockGraph(s);
  if (!graph || graph.nodes.length === 0) return true;
  return s.drawn.key === selectGraphKey(s);
}

function whenDrawn(store: AppStore): Promise<void> {
  return new Promise((resolve) => {
    if (isDrawn(store.getState())) return resolve();
    const stop = store.subscribe((s) => {
      if (!isDrawn(s)) return;
      stop();
      resolve();
    });
  });
}
