// The stepper's derived views: the selected report's scenarios, the run along the schedule
// (a replay), and what the page shows at the step shown — memoised on exactly their inputs, so
// a step recomputes one step's words and nothing is stored twice.
import type { Report } from '../../src/model/types';
import {
  deriveScenarios,
  describeStep,
  enabled,
  explainDeadlock,
  replay,
  status,
  stepperView,
  waitCycle,
  type ReplayResult,
  type Scenario,
  type State,
  type Status,
  type StepperView,
  type WaitEdge,
} from '../../src/scenario';
import type { AppState } from './create-app-store';
import { selectSelectedReport } from './selectors';
import type { StepperMode } from './stepper-slice';

const NO_SCENARIOS: readonly Scenario[] = Object.freeze([]);
const scenarioMemo = new WeakMap<Report, readonly Scenario[]>();

/** Every interleaving the selected report supports, the one to show first first. */
export const selectScenarios = (s: AppState): readonly Scenario[] => {
  const report = s.status === 'failed' ? null : selectSelectedReport(s);
  if (!report) return NO_SCENARIOS;
  let out = scenarioMemo.get(report);
  if (!out) scenarioMemo.set(report, (out = deriveScenarios(report)));
  return out;
};

/** The scenario shown: the one chosen, else the first. */
export const selectScenario = (s: AppState): Scenario | null => {
  const all = selectScenarios(s);
  return all.find((x) => x.id === s.stepper.scenario) ?? all[0] ?? null;
};

let replayInputs: [Scenario | null, string] | null = null;
let replayMemo: ReplayResult | null = null;

/** Every state along the schedule shown (the scenario's own, or the one chosen). */
export const selectReplay = (s: AppState): ReplayResult | null => {
  const scenario = selectScenario(s);
  const schedule = s.stepper.schedule ?? scenario?.schedule ?? '';
  if (replayInputs && replayInputs[0] === scenario && replayInputs[1] === schedule)
    return replayMemo;
  replayInputs = [scenario, schedule];
  replayMemo = scenario ? replay(scenario, schedule) : null;
  return replayMemo;
};

export interface StepperModel {
  scenario: Scenario;
  /** the scenarios to choose from */
  scenarios: readonly Scenario[];
  mode: StepperMode;
  /** the run: states[0] is the start, states[i] after step i */
  states: readonly State[];
  /** why the schedule could not be played to its end (a bad permalink), or null */
  error: string | null;
  /** what window.lockscope.state().stepper shows */
  view: StepperView;
  /** the state at the step shown */
  state: State;
  status: Status;
  /** what the step shown did, in words; '' at the start */
  sentence: string;
  /** the deadlock in words, when the CPUs are deadlocked at the step shown; else '' */
  explanation: string;
  /** the waits that close on themselves at a deadlock */
  cycle: readonly WaitEdge[] | null;
  /** the CPUs that may move next (schedule mode offers these) */
  enabled: readonly number[];
}

let modelInputs: [Scenario | null, ReplayResult | null, number, StepperMode] | null = null;
let modelMemo: StepperModel | null = null;

/** Everything the stepper, the timeline and the graph overlay show at the step shown. */
export const selectStepperModel = (s: AppState): StepperModel | null => {
  const scenario = selectScenario(s);
  const run = selectReplay(s);
  const { index, mode } = s.stepper;
  const i = modelInputs;
  if (i && i[0] === scenario && i[1] === run && i[2] === index && i[3] === mode) return modelMemo;
  modelInputs = [scenario, run, index, mode];
  modelMemo = scenario && run ? buildModel(s, scenario, run, index, mode) : null;
  return modelMemo;
};

function buildModel(
  s: AppState,
  scenario: Scenario,
  run: ReplayResult,
  index: number,
  mode: StepperMode,
): StepperModel {
  const states = run.states;
  const view = stepperView(scenario, states, index);
  const state = states[view.index]!;
  const st = status(scenario, state);
  return {
    scenario,
    scenarios: selectScenarios(s),
    mode,
    states,
    error: run.ok ? null : run.error,
    view,
    state,
    status: st,
    sentence: view.index > 0 ? describeStep(scenario, states[view.index - 1]!, state) : '',
    explanation: st === 'deadlocked' ? explainDeadlock(scenario, state) : '',
    cycle: st === 'deadlocked' ? waitCycle(scenario, state) : null,
    enabled: enabled(scenario, state),
  };
}
