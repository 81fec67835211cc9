export { createAppStore, type AppState, type AppStore } from './create-app-store';
export { AppStoreProvider, useAppStore, useAppStoreApi } from './store-context';
export * from './selectors';
export type {
  InputMeta,
  InputStorage,
  InputSource,
  ParseFn,
  ParseStatus,
  SavedInput,
  StoreDeps,
} from './types';
export type { LineSelection } from './view-slice';
export { MAX_STORED_CHARS } from './report-slice';
export * from './graph-selectors';
export type { DrawnMark, GraphSelection } from './graph-slice';
export { firstInterestingReport } from './report-slice';
export * from './stepper-selectors';
export { INITIAL_STEPPER, type StepperMode, type StepperState } from './stepper-slice';
export type { LinkSlice, PermalinkMark } from './link-slice';
export * from './lock-graph-selectors';
export {
  selectExplorerQuery,
  type ExplorerMode,
  type ExplorerQuery,
  type ExplorerRenderer,
} from './lock-graph-slice';
export {
  degreeOf,
  hasClass,
  neighbours,
  searchClasses,
  suggestedLockOrder,
  type ClassMatch,
  type LockOrder,
} from './lock-graph-queries';
export * from './log-selectors';
export * from './lessons-selectors';
export type { LessonState, LessonsSlice } from './lessons-slice';
