import { describe, expect, it } from 'vitest';
import { baseFunctionName, firstInterestingFrame, formatFrame, isLockMachinery } from './frame';
import { frame } from '../render/fixtures';

describe('firstInterestingFrame', () => {
  it('skips lockdep and the lock primitives to the caller that took the lock', () => {
    const trace = [
      '__lock_acquire+0x1/0x2',
      'lock_acquire+0x1/0x2',
      '__mutex_lock+0x1/0x2',
      'mutex_lock_nested+0x1/0x2',
      'frob_update+0x2a/0x90 [frob]',
    ].map((t) => frame(t));
    expect(firstInterestingFrame(trace)?.function).toBe('frob_update');
  });

  it('skips might_fault, rwsems, raw spinlocks and compiler clones of lockdep functions', () => {
    for (const name of [
      '__might_fault',
      'down_write',
      'down_read_killable',
      '_raw_spin_lock_irqsave',
      'lock_acquire.part.0',
      'percpu_down_write',
      'cpus_read_lock',
      'wait_for_common',
      'check_prev_add',
    ]) {
      expect(isLockMachinery(frame(`${name}+0x1/0x2`)), name).toBe(true);
    }
    for (const name of [
      'filldir',
      'handle_create',
      'update_locks',
      'down_the_road_helper',
      'mutexes_dump',
    ]) {
      expect(isLockMachinery(frame(`${name}+0x1/0x2`)), name).toBe(false);
    }
  });

  it('ignores unreliable "?" frames and falls back when the whole trace is machinery', () => {
    expect(
      firstInterestingFrame([frame('stale_guess+0x1/0x2', true), frame('real_caller+0x3/0x4')])
        ?.function,
    ).toBe('real_caller');
    expect(
      firstInterestingFrame([frame('lock_acquire+0x1/0x2'), frame('down_write+0x1/0x2')])?.function,
    ).toBe('lock_acquire');
    expect(firstInterestingFrame([])).toBeNull();
  });

  it('prints frames as the kernel does, with the source line when symbolized', () => {
    expect(formatFrame(frame('frob_update+0x2a/0x90 [frob]'))).toBe('frob_update+0x2a/0x90 [frob]');
    expect(formatFrame({ ...frame('f+0x1/0x2'), file: 'fs/frob.c', line: 12 })).toBe(
      'f+0x1/0x2 fs/frob.c:12',
    );
    expect(formatFrame(frame('stale_guess+0x1/0x2', true))).toBe('? stale_guess+0x1/0x2');
    expect(baseFunctionName('foo.isra.0')).toBe('foo');
  });
});

it('knows the BSD locking machinery too, so a WITNESS trace starts at the caller', () => {
  const trace = [
    'kdb_backtrace+0x65',
    'witness_checkorder+0xc42',
    '__lockmgr_args+0x9a',
    'vop_stdlock+0x3c',
    'VOP_LOCK1_APV+0x7c',
    '_vn_lock+0x44',
    'ffs_vgetf+0x1a1',
  ].map((t) => frame(t));
  expect(firstInterestingFrame(trace)?.function).toBe('ffs_vgetf');
  for (const name of [
    '_mtx_lock_flags',
    '__mtx_lock_sleep',
    '_sx_xlock',
    '_rw_wlock_cookie',
    'mtx_enter',
  ]) {
    expect(isLockMachinery(frame(`${name}+0x1`)), name).toBe(true);
  }
  expect(isLockMachinery(frame('sx_init_flags_helper+0x1'))).toBe(false);
});

describe('firstInterestingFrame on a report backtrace', () => {
  it('starts below lockdep printing frames, which a report backtrace begins with', () => {
    const trace = [
      'dump_backtrace+0x0/0x1f8',
      'show_stack+0x18/0x24',
      'dump_stack+0xb8/0x114',
      'print_usage_bug+0x2a4/0x2b8',
      'mark_lock_irq+0x1f0/0x2e0',
      'mark_lock+0x11c/0x1c0',
      '__lock_acquire+0x6f4/0x1ff0',
      'lock_acquire+0x128/0x3a0',
      '_raw_spin_lock+0x44/0x80',
      'frob_timer_fn+0x1c/0x60 [frob]',
    ].map((t) => frame(t));
    expect(firstInterestingFrame(trace)?.function).toBe('frob_timer_fn');
  });
});
