// Keeps the last input (and the Simulator's program) in localStorage, so a reload shows what was there.
import type { InputStorage } from '../store/types';

export const INPUT_KEY = 'lockscope.input.v1';

export function createLocalInputStorage(storage: Storage = window.localStorage): InputStorage {
  return {
    load: () => storage.getItem(INPUT_KEY),
    save: (text) => storage.setItem(INPUT_KEY, text),
  };
}

/** The Simulator's program, kept apart from the report text. */
export const PROGRAM_KEY = 'lockscope.program.v1';

export function createLocalProgramStorage(storage: Storage = window.localStorage): InputStorage {
  return {
    load: () => storage.getItem(PROGRAM_KEY),
    save: (text) => storage.setItem(PROGRAM_KEY, text),
  };
}
