import { describe, expect, it } from 'vitest';
import { latestOnlyWorker } from './latest-only-worker';

class Replaced extends Error {}

/** A stand-in Worker: records what it was sent; the test answers for it. */
function fakeWorkers() {
  const made: {
    sent: { id: number; n: number }[];
    terminated: boolean;
    onmessage: ((e: MessageEvent) => void) | null;
    onerror: ((e: ErrorEvent) => void) | null;
  }[] = [];
  const factory = () => {
    const w = {
      sent: [] as { id: number; n: number }[],
      terminated: false,
      onmessage: null as ((e: MessageEvent) => void) | null,
      onerror: null as ((e: ErrorEvent) => void) | null,
      postMessage(m: { id: number; n: number }) {
        w.sent.push(m);
      },
      terminate() {
        w.terminated = true;
      },
    };
    made.push(w);
    return w as unknown as Worker;
  };
  const reply = (i: number, data: object) => made[i]!.onmessage!({ data } as MessageEvent);
  return { made, factory, reply };
}

describe('latestOnlyWorker', () => {
  it('answers the newest request; an older one is rejected and its busy worker stopped', async () => {
    const w = fakeWorkers();
    const ask = latestOnlyWorker<{ n: number }, { doubled: number }>({
      factory: w.factory,
      what: 'doubler',
      superseded: () => new Replaced(),
    });
    const first = ask({ n: 1 });
    const second = ask({ n: 2 });
    await expect(first).rejects.toBeInstanceOf(Replaced);
    expect(w.made[0]!.terminated).toBe(true);
    expect(w.made[1]!.sent).toEqual([{ n: 2, id: 2 }]);
    w.reply(1, { id: 1, ok: true, doubled: 2 }); // a stale answer is ignored
    w.reply(1, { id: 2, ok: true, doubled: 4 });
    await expect(second).resolves.toMatchObject({ doubled: 4 });
  });

  it('says which worker failed, and starts a fresh one after a crash', async () => {
    const w = fakeWorkers();
    const ask = latestOnlyWorker<{ n: number }, { doubled: number }>({
      factory: w.factory,
      what: 'doubler',
      superseded: () => new Replaced(),
    });
    const failing = ask({ n: 1 });
    w.reply(0, { id: 1, ok: false, error: 'no' });
    await expect(failing).rejects.toThrow('the doubler failed: no');
    const crashing = ask({ n: 2 });
    w.made[0]!.onerror!({ message: 'boom', preventDefault() {} } as ErrorEvent);
    await expect(crashing).rejects.toThrow('the doubler worker crashed: boom');
    void ask({ n: 3 });
    expect(w.made).toHaveLength(2);
  });
});
