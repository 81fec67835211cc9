// One store made of slices, built by a factory so that every test (and every page) gets its own.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createGraphSlice, type GraphSlice } from './graph-slice';
import { createLessonsSlice, type LessonsSlice } from './lessons-slice';
import { createLinkSlice, type LinkSlice } from './link-slice';
import { createLockGraphSlice, type LockGraphSlice } from './lock-graph-slice';
import { createReportSlice, type ReportSlice } from './report-slice';
import { createSimulatorSlice, type SimulatorSlice } from './simulator-slice';
import { createStepperSlice, type StepperSlice } from './stepper-slice';
import { createViewSlice, type ViewSlice } from './view-slice';
import type { StoreDeps } from './types';

export type AppState = ReportSlice &
  ViewSlice &
  GraphSlice &
  StepperSlice &
  LinkSlice &
  LockGraphSlice &
  SimulatorSlice &
  LessonsSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createReportSlice(deps)(...a),
    ...createViewSlice(...a),
    ...createGraphSlice(...a),
    ...createStepperSlice(...a),
    ...createLinkSlice(...a),
    ...createLockGraphSlice(...a),
    ...createSimulatorSlice(deps)(...a),
    ...createLessonsSlice(...a),
  }));
}
