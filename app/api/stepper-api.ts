// window.lockscope.state().stepper: the step shown as plain JSON — the fields the stepper issue
// fixes (scenario, cpus, index, length, deadlocked, holds, waits, schedule) and a few more.
import type { Status } from '../../src/scenario';
import { selectStepperModel, type AppState, type AppStore, type StepperMode } from '../store';

export interface ApiStepper {
  /** the scenario shown: 'full', 'lockdep', 'interrupt', 'recursive' or 'lor' */
  scenario: string;
  /** CPU (or thread) names, in column order */
  cpus: string[];
  /** the step shown: 0 before any step, `length` after the last */
  index: number;
  length: number;
  /** the CPUs are deadlocked at the step shown */
  deadlocked: boolean;
  /** CPU name -> lock classes held at the step shown, first taken first */
  holds: Record<string, string[]>;
  /** CPU name -> the lock class it waits for, or null */
  waits: Record<string, string | null>;
  /** every step of the run, one character per step naming the CPU that moves ('0'-'9', 'a'-'z') */
  schedule: string;
  /** the scenarios this report offers, the first shown first */
  scenarios: string[];
  mode: StepperMode;
  playing: boolean;
  /** at the step shown: 'running', 'deadlocked', or 'finished' (every CPU done) */
  status: Status;
  /** what the step shown did, in words ('' at the start) */
  sentence: string;
  /** the deadlock in words ('' unless deadlocked) */
  explanation: string;
  /** the waits that close the deadlock: CPU name waits for class, held by CPU name */
  cycle: { cpu: string; class: string; holder: string }[] | null;
  /** the CPUs that may move next, by name */
  enabled: string[];
  /** why the schedule asked for could not be played to its end, or null */
  error: string | null;
}

export function apiStepper(s: AppState): ApiStepper | null {
  const m = selectStepperModel(s);
  if (!m) return null;
  const name = (cpu: number) => m.view.cpus[cpu] ?? `CPU${cpu}`;
  return {
    ...m.view,
    scenarios: m.scenarios.map((x) => x.id),
    mode: m.mode,
    playing: s.stepper.playing,
    status: m.status,
    sentence: m.sentence,
    explanation: m.explanation,
    cycle:
      m.cycle?.map((e) => ({ cpu: name(e.waiter), class: e.class, holder: name(e.holder) })) ??
      null,
    enabled: m.enabled.map(name),
    error: m.error,
  };
}

/** choose() by index or by name ("CPU1", "Thread B", "1"). */
export function chooseByName(store: AppStore, cpu: number | string): boolean {
  const model = selectStepperModel(store.getState());
  if (!model) return false;
  const index =
    typeof cpu === 'number'
      ? cpu
      : model.view.cpus.indexOf(cpu) >= 0
        ? model.view.cpus.indexOf(cpu)
        : Number(cpu);
  if (!Number.isInteger(index)) return false;
  return store.getState().chooseCpu(index);
}
