// Keeps the last input in localStorage, so a reload shows what was there, and beside it whether
// that text is the user's own and the user's text it replaced (so "Undo" survives a reload).
// The Simulator's program is kept the same way, under its own key.
import type { InputMeta, InputStorage, SavedInput } from '../store/types';

export const INPUT_KEY = 'lockscope.input.v1';
export const INPUT_META_KEY = 'lockscope.input-meta.v1';

function readMeta(raw: string | null): InputMeta | null {
  if (raw === null) return null;
  try {
    const m = JSON.parse(raw) as Partial<InputMeta>;
    const r = m.replaced as Partial<SavedInput> | null | undefined;
    const replaced =
      r && typeof r.text === 'string' && typeof r.source === 'string'
        ? { text: r.text, source: r.source, name: typeof r.name === 'string' ? r.name : null }
        : null;
    return { own: m.own !== false, replaced };
  } catch {
    return null;
  }
}

export function createLocalInputStorage(storage: Storage = window.localStorage): InputStorage {
  return {
    load: () => storage.getItem(INPUT_KEY),
    save: (text) => storage.setItem(INPUT_KEY, text),
    loadMeta: () => readMeta(storage.getItem(INPUT_META_KEY)),
    saveMeta: (meta) => {
      if (meta.own && !meta.replaced) storage.removeItem(INPUT_META_KEY);
      else storage.setItem(INPUT_META_KEY, JSON.stringify(meta));
    },
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
