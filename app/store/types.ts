// What the store needs from the outside world, injected so that tests can hand in fakes.
import type { ParseOutput } from '../../src/model/types';
import type { SimulateFn } from '../worker/sim-client';

/** Parses text off the main thread; may reject when a newer request supersedes it. */
export type ParseFn = (text: string) => Promise<ParseOutput>;

/** Keeps the last input across reloads. */
export interface InputStorage {
  load(): string | null;
  save(text: string): void;
}

export interface StoreDeps {
  parse: ParseFn;
  storage?: InputStorage;
  /** fetches a shipped example report by its id (see app/examples.ts) */
  fetchExample?: (id: string) => Promise<string>;
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
  | 'simulator';
