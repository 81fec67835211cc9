import { describe, expect, it } from 'vitest';
import { readHeldLocks } from './held-locks';
import type { Section } from './report-reader';
import { recognizeSection } from './sections';
import { logical } from './test-lines';

function section(header: string, body: string[]): Section {
  const h = recognizeSection(header)!;
  return { type: h.type, header: h, line: logical([header])[0]!, body: logical(body) };
}

describe('readHeldLocks', () => {
  it('reads the 4.16+ form with instances', () => {
    const r = readHeldLocks(
      section('2 locks held by syz-executor.4/17509:', [
        ' #0: ffff88801ceeb110 (&evdev->mutex){+.+.}-{3:3}, at: evdev_write+0x1d3/0x760',
        ' #1: ffff888144e34230 (&dev->event_lock){-.-.}-{2:2}, at: input_inject_event+0xa6/0x310',
      ]),
    );
    expect(r.task).toEqual({ comm: 'syz-executor.4', pid: 17509 });
    expect(r.count).toBe(2);
    expect(r.entries.map((e) => e.held)).toEqual([
      {
        index: 0,
        class: '&evdev->mutex',
        address: 'ffff88801ceeb110',
        at: 'evdev_write+0x1d3/0x760',
      },
      {
        index: 1,
        class: '&dev->event_lock',
        address: 'ffff888144e34230',
        at: 'input_inject_event+0xa6/0x310',
      },
    ]);
  });

  it('reads the pre-4.16 double space form and entries without the leading space', () => {
    const r = readHeldLocks(
      section('1 lock held by prime_mmap/1551:', [
        '#0:  (&mm->mmap_sem){++++}, at: [<ffffffffa01a7b18>] i915_gem_fn+0x138/0x270 [i915]',
      ]),
    );
    expect(r.entries[0]!.held).toEqual({
      index: 0,
      class: '&mm->mmap_sem',
      address: null,
      at: 'i915_gem_fn+0x138/0x270 [i915]',
    });
  });

  it('collapses syzbot inline duplicates by index, keeping what the kernel printed', () => {
    const r = readHeldLocks(
      section('1 lock held by kworker/0:1/12:', [
        ' #0: ffff88823bdf8148 (&x->wait#58){+.+.}-{2:2}, at: touch_wq_lockdep_map kernel/workqueue.c:3895 [inline]',
        ' #0: ffff88823bdf8148 (&x->wait#58){+.+.}-{2:2}, at: __flush_workqueue+0x1b0/0x1710 kernel/workqueue.c:3937',
      ]),
    );
    expect(r.entries).toHaveLength(1);
    expect(r.entries[0]!.held.at).toBe('__flush_workqueue+0x1b0/0x1710 kernel/workqueue.c:3937');
    expect(r.entries[0]!.line.origin).toBe(1);
  });

  it('keeps <RELEASED> entries and reports unreadable ones', () => {
    const r = readHeldLocks(section('2 locks held by a b/7:', [' #0: <RELEASED>', ' #1: ']));
    expect(r.entries.map((e) => e.held.class)).toEqual(['<RELEASED>']);
    expect(r.unreadable.map((l) => l.text)).toEqual([' #1: ']);
  });

  it('reads "no locks held by"', () => {
    const r = readHeldLocks(section('no locks held by swapper/0/0.', []));
    expect([r.count, r.entries.length, r.task]).toEqual([0, 0, { comm: 'swapper/0', pid: 0 }]);
  });
});
