import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../../src/parse/index';
import { splitGoldenFile } from '../../../src/parse/summary';
import { GOLDEN_ROOT } from '../../../src/parse/testdata/golden-files';
import { createAppStore, selectStepperModel } from '../../store';
import { NO_OVERLAY, stepperOverlay } from './stepper-overlay';

async function storeFor(path: string) {
  const body = splitGoldenFile(readFileSync(join(GOLDEN_ROOT, path), 'utf8')).body;
  const store = createAppStore({ parse: async (t) => parseText(t) });
  await store.getState().loadInput(body, 'api');
  return store;
}

describe('stepperOverlay', () => {
  it('draws nothing without a stepper, and nothing held at the start', async () => {
    expect(stepperOverlay(null)).toBe(NO_OVERLAY);
    const store = await storeFor('lockdep/circular-7-entry-4.14-no-instance.txt');
    const start = stepperOverlay(selectStepperModel(store.getState()));
    expect(start).toEqual({ badges: [], waits: [], changed: [], cycleLocks: [] });
  });

  it('a badge per held lock, a wait per waiting CPU, the change, and the cycle at the end', async () => {
    const store = await storeFor('lockdep/circular-7-entry-4.14-no-instance.txt');
    store.getState().stepTo(8);
    let o = stepperOverlay(selectStepperModel(store.getState()));
    expect(o.badges).toHaveLength(7);
    expect(o.waits).toHaveLength(1);
    expect(o.waits[0]).toMatchObject({ cpu: 0, from: o.badges[0]!.id, inCycle: false });
    expect(o.changed).toEqual(['step:wait:0']);
    store.getState().stepTo(1);
    o = stepperOverlay(selectStepperModel(store.getState()));
    expect(o.changed).toEqual([o.badges[0]!.id, o.badges[0]!.lock]);
    store.getState().stepTo(99);
    o = stepperOverlay(selectStepperModel(store.getState()));
    expect(o.waits.every((w) => w.inCycle)).toBe(true);
    expect(o.cycleLocks).toHaveLength(7);
  });

  it("draws an interrupt handler's wait on its own badge under the lock its CPU holds", async () => {
    const store = await storeFor('lockdep/inconsistent-2.6.18-old-usage-names.txt');
    store.getState().stepTo(99);
    const o = stepperOverlay(selectStepperModel(store.getState()));
    expect(o.badges.map((b) => [b.label, b.lock, b.waitingOnly])).toEqual([
      ['CPU0', '&card->irq_lock', false],
      ['CPU0 hardirq', '&card->irq_lock', true],
    ]);
    expect(o.waits).toEqual([
      expect.objectContaining({ from: 'step:idle:0', lock: '&card->irq_lock', inCycle: true }),
    ]);
  });
});
