export { createAppStore, type AppState, type AppStore } from './create-app-store';
export { AppStoreProvider, useAppStore } from './store-context';
export * from './selectors';
export type { InputStorage, InputSource, ParseFn, ParseStatus, StoreDeps } from './types';
export type { LineSelection } from './view-slice';
export { MAX_STORED_CHARS } from './report-slice';
export * from './graph-selectors';
export type { DrawnMark, GraphSelection } from './graph-slice';
export { firstInterestingReport } from './report-slice';
