// What the store needs from the outside world, injected so that tests can hand in fakes.
import type { ParseOutput } from '../../src/model/types';
import type { SimulateFn } from '../worker/sim-client';

/** Parses text off the main thread; may reject when a newer request supersedes it. */
export type ParseFn = (text: string) => Promise<ParseOutput>;

/** The user's own text, kept aside (a reload keeps it too) so that no click can lose it. */
export interface SavedInput {
  text: string;
  source: InputSource;
  name: string | null;
}

/** What is kept beside the saved text: whether it is the user's own, and what it replaced. */
export interface InputMeta {
  /** false when the saved text is an example (replacing it loses nothing) */
  own: boolean;
  /** the user's own text that an example, a file or a link replaced: "Undo" brings it back */
  replaced: SavedInput | null;
}

/** Keeps the last input across reloads. */
export interface InputStorage {
  load(): string | null;
  save(text: string): void;
  /** optional: storages without it treat every saved text as the user's own */
  loadMeta?(): InputMeta | null;
  saveMeta?(meta: InputMeta): void;
}

export interface StoreDeps {
  parse: ParseFn;
  storage?: InputStorage;
  /** fetches a shipped example report by its id (see app/examples.ts) */
  fetchExample?: (id: string) => Promise<string>;
  /** the example a first visit shows (given back when a lesson opened first leaves the page) */
  defaultExample?: string;
  /** how long typing must pause before the text is parsed */
  debounceMs?: number;
  /** explores a lock program off the main thread (the Simulator page; app/worker/sim-client.ts) */
  simulate?: SimulateFn;
  /** keeps the Simulator's program across reloads, under its own key */
  programStorage?: InputStorage;
}

export type ParseStatus = 'idle' | 'parsing' | 'done' | 'failed';

/** Where the text in the box came from. */
export type InputSource =
  | 'typed'
  | 'file'
  | 'example'
  | 'api'
  | 'restored'
  | 'link'
  /** a deadlock the Simulator found, printed as lockdep text ("Open in stepper") */
  | 'simulator'
  /** a lesson's report, shown while the Lessons page has the box; never saved */
  | 'lesson';
