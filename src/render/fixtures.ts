// Hand-written samples for the renderer and CLI tests: a small lockdep circular report (our own,
// with invented lock names) and the Report the model says it holds.
import type { Frame, Report } from '../model/types';

export const LOCKDEP_CIRCULAR_SAMPLE = `[   42.100001] ======================================================
[   42.100002] WARNING: possible circular locking dependency detected
[   42.100003] 6.1.0-frob+ #7 Not tainted
[   42.100004] ------------------------------------------------------
[   42.100005] frobd/812 is trying to acquire lock:
[   42.100006] ffff888012345678 (&frob->state_lock){+.+.}-{3:3}, at: frob_update+0x2a/0x90 [frob]
[   42.100007]
[   42.100008] but task is already holding lock:
[   42.100009] ffff888012345700 (&frob->queue_mutex){+.+.}-{3:3}, at: frob_flush+0x18/0x60 [frob]
[   42.100010]
[   42.100011] which lock already depends on the new lock.
[   42.100012]
[   42.100013]
[   42.100014] the existing dependency chain (in reverse order) is:
[   42.100015]
[   42.100016] -> #2 (&frob->queue_mutex){+.+.}-{3:3}:
[   42.100017]        __mutex_lock+0x9f/0x8c0
[   42.100018]        mutex_lock_nested+0x1b/0x20
[   42.100019]        frob_flush+0x18/0x60 [frob]
[   42.100020]        frob_list_walk+0x77/0x100 [frob]
[   42.100021]
[   42.100022] -> #1 (frob_list_lock){+.+.}-{2:2}:
[   42.100023]        _raw_spin_lock+0x30/0x40
[   42.100024]        frob_register+0x44/0x120 [frob]
[   42.100025]        frob_probe+0x90/0x1a0 [frob]
[   42.100026]
[   42.100027] -> #0 (&frob->state_lock){+.+.}-{3:3}:
[   42.100028]        __lock_acquire+0x1520/0x2a70
[   42.100029]        lock_acquire+0xd3/0x2e0
[   42.100030]        __mutex_lock+0x9f/0x8c0
[   42.100031]        mutex_lock_nested+0x1b/0x20
[   42.100032]        frob_update+0x2a/0x90 [frob]
[   42.100033]        frob_work_fn+0x61/0xa0 [frob]
[   42.100034]
[   42.100035] other info that might help us debug this:
[   42.100036]
[   42.100037] Chain exists of:
[   42.100038]   &frob->state_lock --> frob_list_lock --> &frob->queue_mutex
[   42.100039]
[   42.100040]  Possible unsafe locking scenario:
[   42.100041]
[   42.100042]        CPU0                    CPU1
[   42.100043]        ----                    ----
[   42.100044]   lock(&frob->queue_mutex);
[   42.100045]                                lock(frob_list_lock);
[   42.100046]                                lock(&frob->queue_mutex);
[   42.100047]   lock(&frob->state_lock);
[   42.100048]
[   42.100049]  *** DEADLOCK ***
[   42.100050]
[   42.100051] 1 lock held by frobd/812:
[   42.100052]  #0: ffff888012345700 (&frob->queue_mutex){+.+.}-{3:3}, at: frob_flush+0x18/0x60 [frob]
[   42.100053]
[   42.100054] stack backtrace:
[   42.100055] CPU: 1 PID: 812 Comm: frobd Not tainted 6.1.0-frob+ #7
[   42.100056] Call Trace:
[   42.100057]  <TASK>
[   42.100058]  dump_stack_lvl+0x45/0x5d
[   42.100059]  check_noncircular+0x10a/0x120
[   42.100060]  __lock_acquire+0x1520/0x2a70
[   42.100061]  lock_acquire+0xd3/0x2e0
[   42.100062]  __mutex_lock+0x9f/0x8c0
[   42.100063]  frob_update+0x2a/0x90 [frob]
[   42.100064]  frob_work_fn+0x61/0xa0 [frob]
[   42.100065]  process_one_work+0x2a0/0x5c0
[   42.100066]  worker_thread+0x4f/0x3a0
[   42.100067]  kthread+0xe8/0x110
[   42.100068]  ret_from_fork+0x22/0x30
[   42.100069]  </TASK>
`;

export const STATE = '&frob->state_lock';
export const LIST = 'frob_list_lock';
export const QUEUE = '&frob->queue_mutex';

export function frame(text: string, unreliable = false): Frame {
  const [fn, rest] = text.split('+') as [string, string | undefined];
  const [offset, module] = (rest ?? '').split(' ');
  return {
    function: fn,
    offset: offset || null,
    module: module ? module.slice(1, -1) : null,
    unreliable,
    file: null,
    line: null,
    address: null,
  };
}

const frames = (...texts: string[]) => texts.map((t) => frame(t));

/** What LOCKDEP_CIRCULAR_SAMPLE says, in the model's words (report-json.md, "The cycle"). */
export function circularReport(): Report {
  return {
    format: 'linux-lockdep',
    kind: 'circular-dependency',
    title: 'possible deadlock in frob_update',
    lines: { start: 1, end: 69 },
    truncated: false,
    kernel: '6.1.0-frob+',
    task: { comm: 'frobd', pid: 812 },
    classes: [
      { name: STATE, usage: '+.+.', waitType: '3:3' },
      { name: QUEUE, usage: '+.+.', waitType: '3:3' },
      { name: LIST, usage: '+.+.', waitType: '2:2' },
    ],
    dependencies: [
      {
        prev: LIST,
        next: QUEUE,
        chainEntry: 2,
        isNew: false,
        trace: frames(
          '__mutex_lock+0x9f/0x8c0',
          'mutex_lock_nested+0x1b/0x20',
          'frob_flush+0x18/0x60 [frob]',
          'frob_list_walk+0x77/0x100 [frob]',
        ),
      },
      {
        prev: STATE,
        next: LIST,
        chainEntry: 1,
        isNew: false,
        trace: frames(
          '_raw_spin_lock+0x30/0x40',
          'frob_register+0x44/0x120 [frob]',
          'frob_probe+0x90/0x1a0 [frob]',
        ),
      },
      {
        prev: QUEUE,
        next: STATE,
        chainEntry: 0,
        isNew: true,
        trace: frames(
          '__lock_acquire+0x1520/0x2a70',
          'lock_acquire+0xd3/0x2e0',
          '__mutex_lock+0x9f/0x8c0',
          'mutex_lock_nested+0x1b/0x20',
          'frob_update+0x2a/0x90 [frob]',
          'frob_work_fn+0x61/0xa0 [frob]',
        ),
      },
    ],
    cycle: [STATE, LIST, QUEUE],
    scenario: {
      cpus: ['CPU0', 'CPU1'],
      steps: [
        { cpu: 0, op: 'lock', class: QUEUE, inInterrupt: false },
        { cpu: 1, op: 'lock', class: LIST, inInterrupt: false },
        { cpu: 1, op: 'lock', class: QUEUE, inInterrupt: false },
        { cpu: 0, op: 'lock', class: STATE, inInterrupt: false },
      ],
    },
    heldLocks: [
      { index: 0, class: QUEUE, address: 'ffff888012345700', at: 'frob_flush+0x18/0x60 [frob]' },
    ],
    trace: frames(
      'dump_stack_lvl+0x45/0x5d',
      'check_noncircular+0x10a/0x120',
      '__lock_acquire+0x1520/0x2a70',
      'lock_acquire+0xd3/0x2e0',
      '__mutex_lock+0x9f/0x8c0',
      'frob_update+0x2a/0x90 [frob]',
      'frob_work_fn+0x61/0xa0 [frob]',
      'process_one_work+0x2a0/0x5c0',
      'worker_thread+0x4f/0x3a0',
      'kthread+0xe8/0x110',
      'ret_from_fork+0x22/0x30',
    ),
  };
}
