// The first three lessons: two locks taken in opposite orders (ABBA), one lock taken twice (AA,
// and the nesting annotation that says it is not the same lock), and a cycle through three locks.
import type { Lesson } from './types';

const LOCKDEP_DESIGN: { label: string; url: string } = {
  label: 'Documentation/locking/lockdep-design.rst',
  url: 'https://docs.kernel.org/locking/lockdep-design.html',
};

export const ABBA: Lesson = {
  id: 'abba',
  title: 'ABBA: two locks, two orders',
  summary: 'The classic deadlock: one path takes A then B, another B then A.',
  program: 'abba',
  report: `======================================================
WARNING: possible circular locking dependency detected
6.6.0-lesson #1 Not tainted
------------------------------------------------------
demo_write/1042 is trying to acquire lock:
ffffffffc0a12150 (cfg_mutex){+.+.}-{3:3}, at: demo_write+0x4e/0xd0 [demo]

but task is already holding lock:
ffffffffc0a12110 (io_mutex){+.+.}-{3:3}, at: demo_write+0x2e/0xd0 [demo]

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #1 (io_mutex){+.+.}-{3:3}:
       __mutex_lock+0x9a/0x9c0
       mutex_lock_nested+0x1b/0x20
       demo_reconfigure+0x3c/0x90 [demo]
       demo_ioctl+0x61/0xb0 [demo]
       __x64_sys_ioctl+0x8e/0xd0
       do_syscall_64+0x3c/0x90
       entry_SYSCALL_64_after_hwframe+0x6e/0xd8

-> #0 (cfg_mutex){+.+.}-{3:3}:
       __lock_acquire+0x1556/0x2a30
       lock_acquire+0xd3/0x2f0
       __mutex_lock+0x9a/0x9c0
       mutex_lock_nested+0x1b/0x20
       demo_write+0x4e/0xd0 [demo]
       vfs_write+0xe1/0x420
       ksys_write+0x6b/0xf0
       do_syscall_64+0x3c/0x90
       entry_SYSCALL_64_after_hwframe+0x6e/0xd8

other info that might help us debug this:

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(io_mutex);
                               lock(cfg_mutex);
                               lock(io_mutex);
  lock(cfg_mutex);

 *** DEADLOCK ***

1 lock held by demo_write/1042:
 #0: ffffffffc0a12110 (io_mutex){+.+.}-{3:3}, at: demo_write+0x2e/0xd0 [demo]

stack backtrace:
CPU: 2 PID: 1042 Comm: demo_write Not tainted 6.6.0-lesson #1
Call Trace:
 <TASK>
 dump_stack_lvl+0x57/0x90
 check_noncircular+0x12d/0x150
 __lock_acquire+0x1556/0x2a30
 lock_acquire+0xd3/0x2f0
 __mutex_lock+0x9a/0x9c0
 mutex_lock_nested+0x1b/0x20
 demo_write+0x4e/0xd0 [demo]
 vfs_write+0xe1/0x420
 ksys_write+0x6b/0xf0
 do_syscall_64+0x3c/0x90
 entry_SYSCALL_64_after_hwframe+0x6e/0xd8
 </TASK>
`,
  explanation: [
    'A toy driver has two mutexes. `demo_reconfigure()` (an ioctl) takes `cfg_mutex` and then, still holding it, `io_mutex`. `demo_write()` takes `io_mutex` and then `cfg_mutex`: the opposite order.',
    'Lockdep does not wait for the deadlock to happen. Every time a lock is taken while another is held it records a dependency "held -> taken". `demo_reconfigure()` recorded `cfg_mutex -> io_mutex` (the `-> #1` entry shows where). When `demo_write()` now asks for `cfg_mutex` while holding `io_mutex`, the new dependency `io_mutex -> cfg_mutex` would close a circle, and lockdep prints this report — even though this run did not hang.',
    'Play the table: CPU0 takes `io_mutex`, CPU1 takes `cfg_mutex`; now each wants the lock the other holds. Neither lets go, so neither can move: a deadlock. Try the Scheduler: is there an order of steps in which both finish?',
    'The fix is a rule, not a trick: pick one order (say `cfg_mutex` before `io_mutex`), write it down in a comment, and take the locks in that order everywhere.',
  ],
  question: {
    kind: 'lock',
    prompt:
      'CPU0 holds io_mutex and CPU1 holds cfg_mutex. CPU1 has just asked for io_mutex and waits. Which lock will CPU0 ask for next? Click it in the graph.',
    answer: 'cfg_mutex',
    why: 'CPU0 runs demo_write(), which takes cfg_mutex after io_mutex. cfg_mutex is held by CPU1, which waits for io_mutex, held by CPU0: each waits for the other.',
  },
  conceal: 'cycle',
  askAt: 3,
  expect: { kind: 'circular-dependency', format: 'linux-lockdep', deadlock: true },
  sources: [LOCKDEP_DESIGN],
};

export const AA: Lesson = {
  id: 'aa',
  title: 'AA: the same lock twice, and nesting annotations',
  summary:
    'A mutex is not recursive. And when two locks of one class are really different, say so.',
  program: 'aa',
  report: `=============================================
[ INFO: possible recursive locking detected ]
4.9.0-lesson #1 Not tainted
---------------------------------------------
demo_move/2211 is trying to acquire lock:
 (&node->lock){+.+...}, at: [<ffffffffc0b1023e>] demo_link+0x3e/0xa0 [demo]

but task is already holding lock:
 (&node->lock){+.+...}, at: [<ffffffffc0b10221>] demo_link+0x21/0xa0 [demo]

other info that might help us debug this:
 Possible unsafe locking scenario:

       CPU0
       ----
  lock(&node->lock);
  lock(&node->lock);

 *** DEADLOCK ***

 May be due to missing lock nesting notation

2 locks held by demo_move/2211:
 #0:  (demo_tree_mutex){+.+...}, at: [<ffffffffc0b10412>] demo_move+0x22/0x70 [demo]
 #1:  (&node->lock){+.+...}, at: [<ffffffffc0b10221>] demo_link+0x21/0xa0 [demo]

stack backtrace:
CPU: 1 PID: 2211 Comm: demo_move Not tainted 4.9.0-lesson #1
Call Trace:
 [<ffffffff813e21a3>] dump_stack+0x85/0xc2
 [<ffffffff810c7b54>] __lock_acquire+0x1034/0x1820
 [<ffffffff810c8a1e>] lock_acquire+0xfe/0x1f0
 [<ffffffff81808d1c>] mutex_lock_nested+0x6c/0x3a0
 [<ffffffffc0b1023e>] demo_link+0x3e/0xa0 [demo]
 [<ffffffffc0b10433>] demo_move+0x43/0x70 [demo]
 [<ffffffff8122e6a3>] do_vfs_ioctl+0x93/0x6c0
 [<ffffffff8122ed49>] SyS_ioctl+0x79/0x90
 [<ffffffff8180ec41>] entry_SYSCALL_64_fastpath+0x1f/0xc2
`,
  explanation: [
    '`demo_link(parent, child)` locks `parent->lock` and then `child->lock`. Both are `struct demo_node` locks, initialised by the same `mutex_init()` line, so lockdep puts them in one lock class, `&node->lock`: it tracks classes (one per place a lock is initialised), not each lock in memory. Taking a lock of a class you already hold looks like taking the same lock twice.',
    'If it really is the same lock (a bug: `parent == child`), the CPU deadlocks on itself: a mutex is not recursive, so the second `mutex_lock()` waits for the owner to let go — and the owner is the one waiting. Step through it: one CPU, one lock, stuck.',
    'If they are two different locks that are always taken parent first, the code is fine, and lockdep needs to be told: `mutex_lock_nested(&child->lock, SINGLE_DEPTH_NESTING)` puts the second acquisition in subclass 1. Lockdep then prints that class with a suffix, `&node->lock/1`, and tracks it as a class of its own, so "parent then child" becomes an ordinary order it can check.',
    'Annotations are promises. If some other path takes child before parent, the subclass hides nothing: lockdep will report `&node->lock/1 -> &node->lock` as a circular dependency. `spin_lock_nested()`, `down_read_nested()` and `lock_set_subclass()` work the same way.',
  ],
  question: {
    kind: 'choice',
    prompt: 'demo_link() was called with two different nodes, parent first. What is the right fix?',
    options: [
      {
        id: 'nested',
        label: 'Take the child with mutex_lock_nested(&child->lock, SINGLE_DEPTH_NESTING)',
      },
      { id: 'recursive', label: 'Make node->lock a recursive mutex' },
      { id: 'trylock', label: 'Use mutex_trylock() for the child and retry in a loop' },
      { id: 'nothing', label: 'Nothing: lockdep is wrong, turn it off for this driver' },
    ],
    answer: 'nested',
    why: 'The two locks are different and always taken parent-then-child, so the code is correct and lockdep only needs the order spelled out: subclass 1 for the child. Linux has no recursive mutex, and a trylock loop hides the order instead of stating it.',
  },
  conceal: 'none',
  askAt: 0,
  expect: { kind: 'recursive-locking', format: 'linux-lockdep', deadlock: true },
  sources: [
    LOCKDEP_DESIGN,
    {
      label: 'lockdep-design.rst: Exception: Nested data dependencies leading to nested locking',
      url: 'https://docs.kernel.org/locking/lockdep-design.html#exception-nested-data-dependencies-leading-to-nested-locking',
    },
  ],
};

export const CYCLE_OF_THREE: Lesson = {
  id: 'three',
  title: 'A cycle of three',
  summary: 'No two paths disagree, yet three of them together deadlock.',
  program: 'rotation',
  report: `======================================================
WARNING: possible circular locking dependency detected
5.15.0-lesson #1 Not tainted
------------------------------------------------------
kworker/3:1/311 is trying to acquire lock:
ffff888102a4c0f0 (&port->lock){+.+.}-{3:3}, at: demo_port_flush+0x2c/0x80 [demo]

but task is already holding lock:
ffff888102a4c230 (&queue->lock){+.+.}-{3:3}, at: demo_queue_work+0x31/0xb0 [demo]

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #2 (&queue->lock){+.+.}-{3:3}:
       __mutex_lock+0x9a/0x9c0
       mutex_lock_nested+0x1b/0x20
       demo_stats_reset+0x45/0x90 [demo]
       demo_ioctl+0x88/0xd0 [demo]
       __x64_sys_ioctl+0x8e/0xd0
       do_syscall_64+0x3b/0x90
       entry_SYSCALL_64_after_hwframe+0x44/0xae

-> #1 (&dev->stats_lock){+.+.}-{3:3}:
       __mutex_lock+0x9a/0x9c0
       mutex_lock_nested+0x1b/0x20
       demo_port_up+0x52/0xc0 [demo]
       demo_probe+0x1a3/0x260 [demo]
       really_probe+0xdb/0x380
       driver_probe_device+0x1e/0x90
       do_init_module+0x5c/0x230

-> #0 (&port->lock){+.+.}-{3:3}:
       __lock_acquire+0x1599/0x2a90
       lock_acquire+0xd3/0x2f0
       __mutex_lock+0x9a/0x9c0
       mutex_lock_nested+0x1b/0x20
       demo_port_flush+0x2c/0x80 [demo]
       demo_queue_work+0x5d/0xb0 [demo]
       process_one_work+0x22b/0x560
       worker_thread+0x55/0x3c0
       kthread+0x13a/0x160
       ret_from_fork+0x1f/0x30

other info that might help us debug this:

Chain exists of:
  &port->lock --> &dev->stats_lock --> &queue->lock

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&queue->lock);
                               lock(&dev->stats_lock);
                               lock(&queue->lock);
  lock(&port->lock);

 *** DEADLOCK ***

2 locks held by kworker/3:1/311:
 #0: ffff888100051d48 ((wq_completion)events){+.+.}-{0:0}, at: process_one_work+0x1c9/0x560
 #1: ffff888102a4c230 (&queue->lock){+.+.}-{3:3}, at: demo_queue_work+0x31/0xb0 [demo]

stack backtrace:
CPU: 3 PID: 311 Comm: kworker/3:1 Not tainted 5.15.0-lesson #1
Workqueue: events demo_queue_work [demo]
Call Trace:
 <TASK>
 dump_stack_lvl+0x45/0x59
 check_noncircular+0xfe/0x110
 __lock_acquire+0x1599/0x2a90
 lock_acquire+0xd3/0x2f0
 __mutex_lock+0x9a/0x9c0
 mutex_lock_nested+0x1b/0x20
 demo_port_flush+0x2c/0x80 [demo]
 demo_queue_work+0x5d/0xb0 [demo]
 process_one_work+0x22b/0x560
 worker_thread+0x55/0x3c0
 kthread+0x13a/0x160
 ret_from_fork+0x1f/0x30
 </TASK>
`,
  explanation: [
    'Three paths, each taking two locks: `demo_port_up()` takes `&port->lock` then `&dev->stats_lock`; `demo_stats_reset()` takes `&dev->stats_lock` then `&queue->lock`; the work item `demo_queue_work()` takes `&queue->lock` then `&port->lock`. Any two of them agree on an order. All three together make a circle: port -> stats -> queue -> port.',
    'Lockdep finds it by searching its graph of dependencies, recorded over the whole life of the system (one of these edges was recorded at probe time). The chain under "the existing dependency chain (in reverse order)" is that path: `-> #k` entries from the lock wanted back to the lock held, each with the stack where that dependency was first seen.',
    'Lockdep\'s table still shows only two CPUs: CPU1 stands for "everything along the chain", which "Chain exists of:" spells out. lockscope plays the full interleaving: one CPU per dependency. With three CPUs each holding one lock and wanting the next, no one can move.',
    'A fix breaks one edge: here, the work item can drop `&queue->lock` before flushing the port, or `demo_stats_reset()` can read the counters without `&dev->stats_lock`.',
  ],
  question: {
    kind: 'lock',
    prompt:
      'Each CPU now holds one lock. CPU2 runs the work item and holds &queue->lock. Which lock is CPU2 going to wait for? Click it in the graph.',
    answer: '&port->lock',
    why: 'demo_queue_work() takes &port->lock (in demo_port_flush) while holding &queue->lock. &port->lock is held by the CPU running demo_port_up(), which waits for &dev->stats_lock, held by the CPU in demo_stats_reset(), which waits for &queue->lock: a circle of three waits.',
  },
  conceal: 'cycle',
  askAt: 3,
  expect: { kind: 'circular-dependency', format: 'linux-lockdep', deadlock: true },
  sources: [LOCKDEP_DESIGN],
};
