// The page's entry: one store, the parse worker behind it, window.lockscope, then the first input.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createLockscopeApi } from './api/lockscope-api';
import { loadFirstInput } from './bootstrap';
import { PresentationBar } from './lessons/PresentationBar';
import { readLessonParams, startPresentation } from './lessons/presentation';
import { startAddressBar } from './permalink/address-bar';
import { DEFAULT_EXAMPLE_ID, fetchExample } from './platform/examples';
import { createLocalInputStorage, createLocalProgramStorage } from './platform/local-input-storage';
import { AppStoreProvider, createAppStore } from './store';
import { createWorkerParser } from './worker/parse-client';
import { createSimClient } from './worker/sim-client';
import './styles/base.css';

const storage = createLocalInputStorage();
const store = createAppStore({
  parse: createWorkerParser(),
  storage,
  fetchExample,
  simulate: createSimClient(),
  programStorage: createLocalProgramStorage(),
  defaultExample: DEFAULT_EXAMPLE_ID,
});
let markReady = () => {};
const addressBar = startAddressBar(store, window, new Promise<void>((r) => (markReady = r)));
const hash = window.location.hash;
const openHash = hash.length > 1 ? () => addressBar.open(hash) : undefined;
// ?lesson=<id> opens that lesson; a #v1. link beside it then restores the exact view on top.
const lessonParams = readLessonParams(window.location.search);
store.getState().setPresenting(lessonParams.present);
const openFirstLink =
  lessonParams.lesson !== null
    ? async () => {
        const opened = await store.getState().openLesson(lessonParams.lesson!);
        if (opened && openHash) await openHash();
        return opened ? { opened } : (openHash?.() ?? { opened: false });
      }
    : openHash;
const ready = loadFirstInput(store, storage, DEFAULT_EXAMPLE_ID, openFirstLink)
  .catch((err: unknown) => {
    console.error('lockscope: could not load the first input', err);
  })
  .finally(markReady);
window.lockscope = createLockscopeApi(store, ready, addressBar);
startPresentation(store, window);
// Typing is saved when it pauses; a reload right after a keystroke must not lose it.
window.addEventListener('pagehide', () => {
  store.getState().saveInput();
  store.getState().saveProgram();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
      <PresentationBar />
    </AppStoreProvider>
  </StrictMode>,
);
