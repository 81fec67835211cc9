import { describe, expect, it } from 'vitest';
import { SCHEMA } from '../src/model/types';
import { loadFirstInput } from './bootstrap';
import { createAppStore } from './store';

const deps = {
  parse: async () => ({ schema: SCHEMA, reports: [], diagnostics: [] }),
  fetchExample: async (id: string) => `example ${id}`,
};

describe('loadFirstInput', () => {
  it('shows the default example on a first visit', async () => {
    const store = createAppStore(deps);
    await loadFirstInput(store, { load: () => null, save: () => {} }, 'lockdep-circular');
    expect(store.getState()).toMatchObject({
      input: 'example lockdep-circular',
      inputSource: 'example',
    });
  });

  it('restores the last input, even an empty one', async () => {
    const store = createAppStore(deps);
    await loadFirstInput(store, { load: () => '', save: () => {} }, 'lockdep-circular');
    expect(store.getState()).toMatchObject({ input: '', inputSource: 'restored', status: 'done' });
  });

  it('acts as a first visit when storage is unavailable', async () => {
    const store = createAppStore(deps);
    const broken = {
      load: () => {
        throw new Error('SecurityError');
      },
      save: () => {},
    };
    await loadFirstInput(store, broken, 'witness-lor');
    expect(store.getState().input).toBe('example witness-lor');
  });
});
