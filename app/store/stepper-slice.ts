// The stepper slice: which interleaving of the selected report is shown, along which schedule,
// at which step, and whether the page plays it or the person picks each CPU ("schedule" mode).
// What the CPUs hold and wait for at that step is derived (stepper-selectors), never stored.
import type { StateCreator } from 'zustand';
import { replay, scheduleChar } from '../../src/scenario';
import type { AppState } from './create-app-store';
import { selectReplay, selectScenario, selectStepperModel } from './stepper-selectors';

export type StepperMode = 'play' | 'schedule';

export interface StepperState {
  /** the scenario id chosen ('full', 'lockdep', …); null: the first one derived for the report */
  scenario: string | null;
  /** the CPUs that move, one character each (src/scenario/schedule.ts); null: the scenario's own */
  schedule: string | null;
  /** the step shown: 0 before any step */
  index: number;
  mode: StepperMode;
  playing: boolean;
}

export const INITIAL_STEPPER: StepperState = Object.freeze({
  scenario: null,
  schedule: null,
  index: 0,
  mode: 'play',
  playing: false,
});

export interface StepperSlice {
  stepper: StepperState;
  setScenario(id: string): void;
  /** move by n steps (negative: back), clamped to the run; pauses playback */
  stepBy(n: number): void;
  /** show step i (0 = start), clamped */
  stepTo(index: number): void;
  /** playback's beat: one step on, and stop at the end */
  tick(): void;
  /** play from here (from the start when at the end), or pause */
  setPlaying(playing: boolean): void;
  /** 'schedule' takes over from the step shown: its steps so far become the chosen schedule */
  setStepperMode(mode: StepperMode): void;
  /** schedule mode: run this CPU next (dropping any steps after the one shown); false if it cannot move */
  chooseCpu(cpu: number): boolean;
  /** schedule mode: take back the step shown and everything after it */
  undoStep(): void;
  /**
   * Switch to schedule mode along `schedule` (a permalink's). Keeps the steps that can be played;
   * returns why the rest cannot ("step 3: CPU1 is waiting for A, held by CPU0"), or null.
   */
  setSchedule(schedule: string): string | null;
}

export const createStepperSlice: StateCreator<AppState, [], [], StepperSlice> = (set, get) => {
  const update = (patch: Partial<StepperState>) => set({ stepper: { ...get().stepper, ...patch } });
  const length = () => Math.max(0, selectReplay(get())?.states.length ?? 1) - 1;
  const clamp = (i: number) => Math.min(Math.max(0, Math.trunc(i) || 0), Math.max(0, length()));

  return {
    stepper: INITIAL_STEPPER,

    setScenario(id) {
      const { mode } = get().stepper;
      update({ scenario: id, schedule: mode === 'schedule' ? '' : null, index: 0, playing: false });
    },

    stepBy(n) {
      update({ index: clamp(get().stepper.index + n), playing: false });
    },

    stepTo(index) {
      update({ index: clamp(index), playing: false });
    },

    tick() {
      const end = length();
      const index = Math.min(get().stepper.index + 1, end);
      update({ index, playing: get().stepper.playing && index < end });
    },

    setPlaying(playing) {
      if (!playing) return update({ playing: false });
      const end = length();
      if (end === 0) return;
      update({ playing: true, index: get().stepper.index >= end ? 0 : get().stepper.index });
    },

    setStepperMode(mode) {
      const { stepper } = get();
      if (mode === stepper.mode) return;
      if (mode === 'play') {
        update({ mode, schedule: null, index: 0, playing: false });
        return;
      }
      const model = selectStepperModel(get());
      const sofar = model ? model.view.schedule.slice(0, model.view.index) : '';
      update({ mode, schedule: sofar, index: sofar.length, playing: false });
    },

    chooseCpu(cpu) {
      const model = selectStepperModel(get());
      if (!model || get().stepper.mode !== 'schedule' || !model.enabled.includes(cpu)) return false;
      const schedule = model.view.schedule.slice(0, model.view.index) + scheduleChar(cpu);
      update({ schedule, index: schedule.length, playing: false });
      return true;
    },

    undoStep() {
      const model = selectStepperModel(get());
      if (!model || get().stepper.mode !== 'schedule') return;
      const schedule = model.view.schedule.slice(0, Math.max(0, model.view.index - 1));
      update({ schedule, index: schedule.length, playing: false });
    },

    setSchedule(schedule) {
      const scenario = selectScenario(get());
      if (!scenario) return 'no scenario to schedule: the selected report has none';
      const text = String(schedule).trim();
      const run = replay(scenario, text);
      const kept = run.ok ? text : text.slice(0, run.at);
      update({ mode: 'schedule', schedule: kept, index: kept.length, playing: false });
      return run.ok ? null : run.error;
    },
  };
};
