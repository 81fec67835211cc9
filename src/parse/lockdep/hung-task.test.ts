import { describe, expect, it } from 'vitest';
import type { Frame } from '../../model/types';
import { parseText } from '../index';
import { hungTaskGuiltyFunction } from './hung-task';

const frame = (fn: string, offset: string | null = '0x10/0x20'): Frame => ({
  function: fn,
  offset,
  module: null,
  unreliable: false,
  file: null,
  line: null,
  address: null,
});

describe('hungTaskGuiltyFunction (pkg/report linuxHangTaskFrameExtractor)', () => {
  it('skips the scheduler, the wait and the lock taken', () => {
    const fs = ['__schedule', 'schedule', 'rwsem_down_read_slowpath', 'down_read', 'exit_mm'];
    expect(hungTaskGuiltyFunction(fs.map((f) => frame(f)))).toBe('exit_mm');
  });
  it('groups hangs on rtnl_lock and synchronize_* under one name', () => {
    expect(hungTaskGuiltyFunction(['schedule', 'rtnl_lock', 'foo'].map((f) => frame(f)))).toBe(
      'rtnl_lock',
    );
    const s = ['schedule', 'synchronize_srcu', 'kvm_destroy_vm'].map((f) => frame(f));
    expect(hungTaskGuiltyFunction(s)).toBe('synchronize_rcu');
  });
  it('never names a symbolizer inline frame (no offset)', () => {
    expect(hungTaskGuiltyFunction([frame('context_fn', null), frame('io_wq_put')])).toBe(
      'io_wq_put',
    );
  });
});

// Written for this test (names made up), in the shape of a 6.16 report with the blocker line.
const BLOCKER = `INFO: task fake-a:101 blocked for more than 122 seconds.
      Not tainted syzkaller #0
      Blocked by coredump.
"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
task:fake-a          state:D stack:26488 pid:101   tgid:101   ppid:1      task_flags:0x400148 flags:0x00024002
Call Trace:
 <TASK>
 context_switch kernel/sched/core.c:5397 [inline]
 __schedule+0x116a/0x5de0 kernel/sched/core.c:6786
 schedule+0xe7/0x3a0 kernel/sched/core.c:6879
 rwsem_down_write_slowpath+0x5fd/0x8f0 kernel/locking/rwsem.c:1088
 down_write+0x98/0x2e0 kernel/locking/rwsem.c:1541
 fake_truncate+0x4c/0x90 fs/fake/inode.c:77
 </TASK>
INFO: task fake-a:101 <writer> blocked on an rw-semaphore likely owned by task fake-b:102 <reader>
task:fake-b          state:S stack:13432 pid:102   tgid:102   ppid:1      task_flags:0x400100 flags:0x00000002
Call Trace:
 <TASK>
 __schedule+0x731/0x960
 schedule+0xb7/0x140
 msleep_interruptible+0x3e/0x60
 fake_read_slow+0x2d/0x70
 </TASK>
`;

describe('the hung-task head', () => {
  it('keeps the blocker, its stack and the coredump note; the trace is the blocked task’s', () => {
    const out = parseText(BLOCKER);
    expect(out.reports).toHaveLength(1);
    const r = out.reports[0]!;
    expect(r.kind).toBe('show-all-locks');
    expect(r.title).toBe('INFO: task hung in fake_truncate');
    expect(r.headline).toBe('INFO: task fake-a:101 blocked for more than 122 seconds.');
    expect(r.kernel).toBe('syzkaller');
    expect(r.task).toEqual({ comm: 'fake-a', pid: 101 });
    expect(r.trace.map((f) => f.function)).toEqual([
      'context_switch',
      '__schedule',
      'schedule',
      'rwsem_down_write_slowpath',
      'down_write',
      'fake_truncate',
    ]);
    expect(r.heldLocks).toBeNull();
    expect(r.details).toMatchObject({
      hungSeconds: '122',
      state: 'D',
      blockedBy: 'coredump',
      blockedOn: 'rw-semaphore',
      blockerTask: 'fake-b/102',
      blockerState: 'S',
      // (syzkaller's skip list has no "sleep": the owner is named after msleep_interruptible)
      blockerFunction: 'msleep_interruptible',
      blocker:
        'INFO: task fake-a:101 <writer> blocked on an rw-semaphore likely owned by task fake-b:102 <reader>',
    });
    expect(r.lines).toEqual({ start: 1, end: 23 });
    // the owner's task line and frames are highlighted too
    expect(r.spans).toContainEqual({ line: 16, role: 'task', ref: 'fake-b/102' });
    expect(r.spans).toContainEqual({ line: 22, role: 'frame', ref: null });
    expect(r.diagnostics?.map((d) => d.message).join('\n')).toMatch(/no lock dump follows/);
  });

  it('a head cut right after its title is a truncated report', () => {
    const r = parseText('INFO: task fake-a:101 blocked for more than 122 seconds.\n').reports[0]!;
    expect(r.truncated).toBe(true);
    expect(r.title).toBe('INFO: task hung');
    expect(r.task).toEqual({ comm: 'fake-a', pid: 101 });
  });

  it('an old column task line of another task does not stand for the hung one', () => {
    const text = `INFO: task fake-a:101 blocked for more than 120 seconds.
"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
fake-other      D ffff88007b4a3d28     0   999      2 0x00000000
`;
    const r = parseText(text).reports[0]!;
    expect(r.details?.state).toBeUndefined();
    expect(r.lines.end).toBe(2);
  });
});
