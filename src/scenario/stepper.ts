// What the stepper shows at one step, in the shape window.lockscope.state().stepper speaks:
// who holds what, who waits for what, and the schedule a permalink carries.
import { nextOp, status } from './machine';
import type { Scenario, State } from './types';

export interface StepperView {
  /** the scenario shown: 'lockdep', 'full', … */
  scenario: string;
  cpus: string[];
  /** the step shown: 0 is before any step, `length` after the last */
  index: number;
  length: number;
  deadlocked: boolean;
  /** CPU name -> lock classes held, first taken first */
  holds: Record<string, string[]>;
  /** CPU name -> the lock class it waits for, or null */
  waits: Record<string, string | null>;
  /** every step of the run, shown or not (schedule.ts) */
  schedule: string;
}

export function holdsOf(scenario: Scenario, state: State): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  scenario.cpus.forEach((c, i) => (out[c.name] = state.cpus[i]?.holds.map((h) => h.class) ?? []));
  return out;
}

export function waitsOf(scenario: Scenario, state: State): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  scenario.cpus.forEach((c, i) => {
    out[c.name] = state.cpus[i]?.waiting ? (nextOp(scenario, state, i)?.class ?? null) : null;
  });
  return out;
}

/** The view of `states` (a replay) at `index`, clamped to the run. */
export function stepperView(
  scenario: Scenario,
  states: readonly State[],
  index: number,
): StepperView {
  const length = Math.max(0, states.length - 1);
  const at = Math.min(Math.max(0, Math.trunc(index) || 0), length);
  const state = states[at];
  const lastState = states[length];
  if (!state || !lastState) throw new RangeError('a replay always has its initial state');
  return {
    scenario: scenario.id,
    cpus: scenario.cpus.map((c) => c.name),
    index: at,
    length,
    deadlocked: status(scenario, state) === 'deadlocked',
    holds: holdsOf(scenario, state),
    waits: waitsOf(scenario, state),
    schedule: lastState.schedule,
  };
}
