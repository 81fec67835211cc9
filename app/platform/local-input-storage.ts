// Keeps the last input in localStorage, so a reload shows what was there. Nothing else is kept.
import type { InputStorage } from '../store/types';

export const INPUT_KEY = 'lockscope.input.v1';

export function createLocalInputStorage(storage: Storage = window.localStorage): InputStorage {
  return {
    load: () => storage.getItem(INPUT_KEY),
    save: (text) => storage.setItem(INPUT_KEY, text),
  };
}
