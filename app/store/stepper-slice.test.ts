import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse/index';
import { splitGoldenFile } from '../../src/parse/summary';
import { GOLDEN_ROOT } from '../../src/parse/testdata/golden-files';
import { createAppStore, selectStepperModel } from '.';

function goldenText(path: string): string {
  return splitGoldenFile(readFileSync(join(GOLDEN_ROOT, path), 'utf8')).body;
}

async function storeWith(...paths: string[]) {
  const text = paths.map(goldenText).join('\n');
  const store = createAppStore({ parse: async (t) => parseText(t) });
  await store.getState().loadInput(text, 'api');
  return store;
}

const SEVEN = 'lockdep/circular-7-entry-4.14-no-instance.txt';
const TWO = 'lockdep/circular-2-entry-4.18-hashed.txt';

describe('stepper slice', () => {
  it('shows the full interleaving of a seven-lock cycle first, and steps it to the deadlock', async () => {
    const store = await storeWith(SEVEN);
    const model = () => selectStepperModel(store.getState())!;
    expect(model().scenarios.map((s) => s.id)).toEqual(['full', 'lockdep']);
    expect(model().view).toMatchObject({ scenario: 'full', index: 0, length: 14 });
    store.getState().stepBy(7);
    expect(Object.values(model().view.holds).every((h) => h.length === 1)).toBe(true);
    store.getState().stepBy(100);
    expect(model().view.index).toBe(14);
    expect(model().status).toBe('deadlocked');
    expect(model().cycle?.map((e) => e.waiter)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(model().explanation).toMatch(/none of them can move\.$/);

    store.getState().setScenario('lockdep');
    expect(model().view).toMatchObject({ scenario: 'lockdep', index: 0, cpus: ['CPU0', 'CPU1'] });
  });

  it('derives once per step: an unrelated change keeps the same model', async () => {
    const store = await storeWith(TWO);
    const before = selectStepperModel(store.getState());
    store.getState().showLines(2);
    expect(selectStepperModel(store.getState())).toBe(before);
    store.getState().stepBy(1);
    expect(selectStepperModel(store.getState())).not.toBe(before);
  });

  it('plays from the start again when asked to play at the end; stepping pauses', async () => {
    const store = await storeWith(TWO);
    store.getState().stepTo(99);
    store.getState().setPlaying(true);
    expect(store.getState().stepper).toMatchObject({ playing: true, index: 0 });
    store.getState().stepBy(1);
    expect(store.getState().stepper).toMatchObject({ playing: false, index: 1 });
  });

  it('schedule mode takes over from the step shown, branches, and undoes', async () => {
    const store = await storeWith(TWO);
    const model = () => selectStepperModel(store.getState())!;
    const own = model().scenario.schedule; // lockdep's table: 0110
    store.getState().stepTo(2);
    store.getState().setStepperMode('schedule');
    expect(model().view).toMatchObject({ schedule: own.slice(0, 2), index: 2, length: 2 });
    // CPU1 waits for CPU0's lock: CPU0 is the only one that may move
    const waiting = model().enabled;
    expect(store.getState().chooseCpu(9)).toBe(false);
    store.getState().stepTo(1);
    expect(store.getState().chooseCpu(0)).toBe(true);
    expect(model().view.schedule).toBe(own.slice(0, 1) + '0');
    store.getState().undoStep();
    expect(model().view).toMatchObject({ schedule: own.slice(0, 1), index: 1 });
    expect(waiting.length).toBeGreaterThan(0);
    // run each CPU to its end in turn: no deadlock on this schedule
    store.getState().setSchedule('');
    for (const cpu of [0, 1]) while (model().enabled.includes(cpu)) store.getState().chooseCpu(cpu);
    expect(model().status).toBe('finished');
    store.getState().setStepperMode('play');
    expect(model().view.schedule).toBe(own);
  });

  it('forgets the stepper when another report or a new parse is shown', async () => {
    const store = await storeWith(TWO, SEVEN);
    store.getState().setStepperMode('schedule');
    store.getState().chooseCpu(0);
    store.getState().selectReport(1);
    expect(store.getState().stepper).toMatchObject({ mode: 'play', schedule: null, index: 0 });
    expect(selectStepperModel(store.getState())?.view.cpus).toHaveLength(7);
    store.getState().stepBy(3);
    await store.getState().loadInput(goldenText(TWO), 'api');
    expect(store.getState().stepper.index).toBe(0);
  });
});
