import { describe, expect, it } from 'vitest';
import type { Frame } from '../../model/types';
import { RCU_SKIP, demangle, fromFrames, fromLock, pickGuiltyFunction } from './guilty-function';

const frame = (fn: string, extra: Partial<Frame> = {}): Frame => ({
  function: fn,
  offset: '0x1/0x2',
  module: null,
  unreliable: false,
  file: null,
  line: null,
  address: null,
  ...extra,
});

describe('pickGuiltyFunction', () => {
  it('skips locking and reporting machinery, clone suffixes included', () => {
    const frames = [
      'dump_stack',
      'print_circular_bug.isra.37',
      'lock_acquire',
      '__mutex_lock',
      'mutex_lock_nested',
      '_raw_spin_lock_irqsave',
      'down_write',
      '__might_fault',
      'evdev_pass_values.part.0',
    ].map((f) => frame(f));
    expect(pickGuiltyFunction(fromFrames(frames))).toBe('evdev_pass_values');
  });
  it('ignores "?" frames and a symbolizer\'s inline lines', () => {
    expect(
      pickGuiltyFunction(
        fromFrames([
          frame('stale_fn', { unreliable: true }),
          frame('inlined_fn', { offset: null }),
          frame('real_fn'),
        ]),
      ),
    ).toBe('real_fn');
  });
  it('keeps functions that only contain a skipped word', () => {
    expect(pickGuiltyFunction([{ function: 'l2cap_sock_teardown_cb' }, { function: 'x' }])).toBe(
      'l2cap_sock_teardown_cb',
    );
    expect(pickGuiltyFunction([{ function: 'shutdown_work' }])).toBe('shutdown_work');
  });
  it('uses the at: site unless it is inline or cut', () => {
    expect(
      pickGuiltyFunction([
        fromLock({ atFunction: 'team_port_change_che0', atInline: false, atBare: true }),
        { function: 'team_add_slave' },
      ]),
    ).toBe('team_add_slave');
    expect(
      pickGuiltyFunction([
        fromLock({ atFunction: 'spin_lock_bh', atInline: true }),
        fromLock({ atFunction: 'br_fn', atInline: false }),
      ]),
    ).toBe('br_fn');
  });
  it('applies kind-specific skips, arm64 syscall names and C++ demangling', () => {
    expect(
      pickGuiltyFunction([{ function: 'rcu_dereference_fn' }, { function: 'gc_worker' }], RCU_SKIP),
    ).toBe('gc_worker');
    expect(pickGuiltyFunction([{ function: '__arm64_sys_rt_sigreturn' }])).toBe('sys_rt_sigreturn');
    expect(demangle('_Z8fakeNameiii')).toBe('fakeName');
    expect(demangle('plain_c')).toBe('plain_c');
    expect(pickGuiltyFunction([{ function: 'lock_acquire' }])).toBeNull();
  });
});
