// Lessons on locks shared with interrupt handlers: a spinlock taken with interrupts enabled
// (inconsistent lock state), an irq-safe lock taken before an irq-unsafe one, and rwlock_t.
import type { Lesson } from './types';

const SPINLOCKS: { label: string; url: string } = {
  label: 'Documentation/locking/spinlocks.rst',
  url: 'https://docs.kernel.org/locking/spinlocks.html',
};
const LOCKDEP_STATES: { label: string; url: string } = {
  label: 'lockdep-design.rst: State, and Single-lock state rules',
  url: 'https://docs.kernel.org/locking/lockdep-design.html#state',
};

export const SPIN_IRQ: Lesson = {
  id: 'spin-irq',
  title: 'A spinlock and its interrupt handler',
  summary: 'Inconsistent lock state: why spin_lock_irqsave() exists.',
  program: 'spin-irq',
  report: `================================
WARNING: inconsistent lock state
6.1.0-lesson #1 Not tainted
--------------------------------
inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage.
demo_read/877 [HC0[0]:SC0[0]:HE1:SE1] takes:
ffff888103d2c018 (&dev->rx_lock){?.+.}-{2:2}, at: demo_read+0x3a/0x110 [demo]
{IN-HARDIRQ-W} state was registered at:
  lock_acquire+0xd3/0x2f0
  _raw_spin_lock+0x2f/0x40
  demo_irq_handler+0x2a/0xa0 [demo]
  __handle_irq_event_percpu+0x86/0x290
  handle_irq_event+0x34/0x70
  handle_edge_irq+0x9f/0x240
  __common_interrupt+0x6e/0x150
  common_interrupt+0x7b/0xa0
  asm_common_interrupt+0x22/0x40
irq event stamp: 10452
hardirqs last  enabled at (10451): [<ffffffff81d2c1e4>] _raw_spin_unlock_irq+0x24/0x40
hardirqs last disabled at (10450): [<ffffffff81d2bf2a>] _raw_spin_lock_irq+0x4a/0x50
softirqs last  enabled at (10230): [<ffffffff820002d7>] __do_softirq+0x2d7/0x3b5
softirqs last disabled at (10219): [<ffffffff810b8c73>] irq_exit_rcu+0xa3/0xd0

other info that might help us debug this:
 Possible unsafe locking scenario:

       CPU0
       ----
  lock(&dev->rx_lock);
  <Interrupt>
    lock(&dev->rx_lock);

 *** DEADLOCK ***

no locks held by demo_read/877.

stack backtrace:
CPU: 1 PID: 877 Comm: demo_read Not tainted 6.1.0-lesson #1
Call Trace:
 <TASK>
 dump_stack_lvl+0x45/0x5f
 mark_lock.part.0+0x84c/0x920
 __lock_acquire+0x4a7/0x2a90
 lock_acquire+0xd3/0x2f0
 _raw_spin_lock+0x2f/0x40
 demo_read+0x3a/0x110 [demo]
 vfs_read+0xa2/0x2d0
 ksys_read+0x6b/0xf0
 do_syscall_64+0x3b/0x90
 entry_SYSCALL_64_after_hwframe+0x63/0xcd
 </TASK>
`,
  explanation: [
    'The interrupt handler `demo_irq_handler()` takes the spinlock `&dev->rx_lock` to hand received data over; `demo_read()`, in a system call, takes the same lock with plain `spin_lock()` — with interrupts still enabled.',
    'A spinlock holder must never be made to wait for someone who waits for it. Here that someone is on the same CPU: if the device interrupts while `demo_read()` holds the lock, the handler runs on top of `demo_read()` and spins for the lock. `demo_read()` cannot release it until the handler returns, and the handler never returns. Step through it: one CPU, one lock, and an `<Interrupt>`.',
    'Lockdep knows this from two facts it recorded about the class: it was taken in a hardirq handler (`{IN-HARDIRQ-W}`, "W" for a write/exclusive acquisition) and it is now taken with hardirqs enabled (`{HARDIRQ-ON-W}`). Either alone is fine; both on one lock can deadlock. The `[HC0[0]:SC0[0]:HE1:SE1]` part says the task was not in an interrupt (HC0, SC0) and had hardirqs and softirqs enabled (HE1, SE1). The `irq event stamp` lines say where interrupts were last turned on and off, a hint when the bug is a missing `_irq`.',
    'The fix: `spin_lock_irqsave(&dev->rx_lock, flags)` in `demo_read()`. It turns interrupts off on this CPU before taking the lock, so the handler cannot run here while the lock is held (on another CPU it simply spins until `demo_read()` unlocks). `spin_unlock_irqrestore()` puts the interrupt state back as it was — unlike `spin_unlock_irq()`, which always enables them, and would be wrong if the caller had them disabled. Inside the handler itself plain `spin_lock()` is enough: interrupts are already off there.',
  ],
  question: {
    kind: 'choice',
    prompt:
      'CPU0 holds &dev->rx_lock in demo_read(). The device interrupts CPU0, and the handler asks for &dev->rx_lock. What happens?',
    options: [
      {
        id: 'hang',
        label:
          'CPU0 hangs: the handler spins for a lock that only the code it interrupted can release',
      },
      {
        id: 'wait',
        label: 'The handler waits a little until demo_read() releases the lock, then goes on',
      },
      { id: 'other', label: 'Nothing bad: the interrupt is moved to another CPU' },
      { id: 'sleep', label: 'The handler sleeps and is woken when the lock is free' },
    ],
    answer: 'hang',
    why: 'The handler runs on top of demo_read(), on the same CPU: demo_read() cannot continue until the handler returns, so the lock is never released. Interrupt handlers cannot sleep, and an interrupt being handled is not moved. spin_lock_irqsave() in demo_read() keeps the interrupt away while the lock is held.',
  },
  conceal: 'none',
  askAt: 2,
  expect: { kind: 'inconsistent-lock-state', format: 'linux-lockdep', deadlock: true },
  sources: [SPINLOCKS, LOCKDEP_STATES],
};

export const IRQ_SAFE_UNSAFE: Lesson = {
  id: 'irq-order',
  title: 'irq-safe before irq-unsafe',
  summary: 'Interrupts are off while you hold A; but B is taken elsewhere with them on.',
  program: 'irq-safe-unsafe',
  report: `=====================================================
WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected
6.1.0-lesson #1 Not tainted
-----------------------------------------------------
demo_update/905 [HC0[0]:SC0[0]:HE0:SE1] is trying to acquire:
ffff888103d2c0a8 (&dev->list_lock){+.+.}-{2:2}, at: demo_update+0x51/0xc0 [demo]

and this task is already holding:
ffff888103d2c058 (&dev->irq_lock){-...}-{2:2}, at: demo_update+0x2b/0xc0 [demo]
which would create a new lock dependency:
 (&dev->irq_lock){-...}-{2:2} -> (&dev->list_lock){+.+.}-{2:2}

but this new dependency connects a HARDIRQ-irq-safe lock:
 (&dev->irq_lock){-...}-{2:2}

... which became HARDIRQ-irq-safe at:
  lock_acquire+0xd3/0x2f0
  _raw_spin_lock+0x2f/0x40
  demo_irq_handler+0x3e/0xa0 [demo]
  __handle_irq_event_percpu+0x86/0x290
  handle_irq_event+0x34/0x70

to a HARDIRQ-irq-unsafe lock:
 (&dev->list_lock){+.+.}-{2:2}

... which became HARDIRQ-irq-unsafe at:
...
  lock_acquire+0xd3/0x2f0
  _raw_spin_lock+0x2f/0x40
  demo_list_show+0x2c/0x90 [demo]
  seq_read_iter+0x11f/0x4a0
  vfs_read+0x1c1/0x2d0

other info that might help us debug this:

 Possible interrupt unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&dev->list_lock);
                               local_irq_disable();
                               lock(&dev->irq_lock);
                               lock(&dev->list_lock);
  <Interrupt>
    lock(&dev->irq_lock);

 *** DEADLOCK ***

1 lock held by demo_update/905:
 #0: ffff888103d2c058 (&dev->irq_lock){-...}-{2:2}, at: demo_update+0x2b/0xc0 [demo]

the dependencies between HARDIRQ-irq-safe lock and the holding lock:
-> (&dev->irq_lock){-...}-{2:2} {
   IN-HARDIRQ-W at:
                    lock_acquire+0xd3/0x2f0
                    _raw_spin_lock+0x2f/0x40
                    demo_irq_handler+0x3e/0xa0 [demo]
   INITIAL USE at:
                   lock_acquire+0xd3/0x2f0
                   _raw_spin_lock_irqsave+0x47/0x70
                   demo_probe+0x101/0x260 [demo]
 }
 ... key      at: [<ffffffffc0a14460>] __key.3+0x0/0xffffffffffffdba0 [demo]

the dependencies between the lock to be acquired
 and HARDIRQ-irq-unsafe lock:
-> (&dev->list_lock){+.+.}-{2:2} {
   HARDIRQ-ON-W at:
                    lock_acquire+0xd3/0x2f0
                    _raw_spin_lock+0x2f/0x40
                    demo_list_show+0x2c/0x90 [demo]
   SOFTIRQ-ON-W at:
                    lock_acquire+0xd3/0x2f0
                    _raw_spin_lock+0x2f/0x40
                    demo_list_show+0x2c/0x90 [demo]
   INITIAL USE at:
                   lock_acquire+0xd3/0x2f0
                   _raw_spin_lock+0x2f/0x40
                   demo_list_show+0x2c/0x90 [demo]
 }
 ... key      at: [<ffffffffc0a14450>] __key.2+0x0/0xffffffffffffdbb0 [demo]
 ... acquired at:
   lock_acquire+0xd3/0x2f0
   _raw_spin_lock+0x2f/0x40
   demo_update+0x51/0xc0 [demo]


stack backtrace:
CPU: 0 PID: 905 Comm: demo_update Not tainted 6.1.0-lesson #1
Call Trace:
 <TASK>
 dump_stack_lvl+0x45/0x5f
 check_irq_usage+0x5fd/0x610
 __lock_acquire+0x1512/0x2a90
 lock_acquire+0xd3/0x2f0
 _raw_spin_lock+0x2f/0x40
 demo_update+0x51/0xc0 [demo]
 demo_ioctl+0x73/0xb0 [demo]
 __x64_sys_ioctl+0x8e/0xd0
 do_syscall_64+0x3b/0x90
 entry_SYSCALL_64_after_hwframe+0x63/0xcd
 </TASK>
`,
  explanation: [
    '`&dev->irq_lock` is taken in the interrupt handler, so lockdep calls it HARDIRQ-safe: everyone else must take it with interrupts off, and `demo_update()` does (`spin_lock_irqsave()`). Then, still holding it, `demo_update()` takes `&dev->list_lock`. That lock is HARDIRQ-unsafe: `demo_list_show()` takes it with plain `spin_lock()`, interrupts on.',
    'Nothing here takes one lock twice, and every single use looks right. The danger needs two CPUs: CPU0 holds `&dev->list_lock` with interrupts on; CPU1 disables interrupts, takes `&dev->irq_lock` and waits for `&dev->list_lock`. Now the device interrupts CPU0, and the handler waits for `&dev->irq_lock`, held by CPU1. CPU1 waits for CPU0, CPU0 waits (inside the handler) for CPU1.',
    'Lockdep checks this rule on every new dependency: a lock that is irq-safe must never be held while taking one that is irq-unsafe, directly or through a chain of other locks. The two stacks under "which became HARDIRQ-irq-safe at" and "which became HARDIRQ-irq-unsafe at" are the two facts that make the rule apply.',
    'Fixes: take `&dev->list_lock` with interrupts off everywhere (`spin_lock_irqsave()` in `demo_list_show()` too: the lock becomes irq-safe as well), or stop taking it under `&dev->irq_lock`.',
  ],
  question: {
    kind: 'cpu',
    prompt:
      'CPU0 holds &dev->list_lock with interrupts on. CPU1 has disabled interrupts, holds &dev->irq_lock and waits for &dev->list_lock. Which CPU does the interrupt that closes the deadlock arrive on?',
    answer: 'CPU0',
    why: 'CPU1 has interrupts off, so the interrupt cannot run there. On CPU0 the handler runs on top of the code holding &dev->list_lock and waits for &dev->irq_lock, held by CPU1, which waits for &dev->list_lock: neither can move.',
  },
  conceal: 'none',
  askAt: 4,
  expect: { kind: 'safe-to-unsafe', format: 'linux-lockdep', deadlock: true },
  sources: [LOCKDEP_STATES, SPINLOCKS],
};

export const RWLOCK: Lesson = {
  id: 'rwlock',
  title: 'Readers, writers and interrupts',
  summary: 'Two readers never block each other; a writer blocks everyone, even its own handler.',
  program: 'rwsem',
  report: `================================
WARNING: inconsistent lock state
6.1.0-lesson #1 Not tainted
--------------------------------
inconsistent {IN-HARDIRQ-R} -> {HARDIRQ-ON-W} usage.
demo_rehash/1500 [HC0[0]:SC0[0]:HE1:SE1] takes:
ffffffffc0a140c0 (demo_table_lock){+-..}-{2:2}, at: demo_rehash+0x21/0x140 [demo]
{IN-HARDIRQ-R} state was registered at:
  lock_acquire+0xd3/0x2f0
  _raw_read_lock+0x3f/0x50
  demo_lookup+0x1c/0x80 [demo]
  demo_irq_handler+0x55/0xa0 [demo]
  __handle_irq_event_percpu+0x86/0x290
  handle_irq_event+0x34/0x70
  handle_edge_irq+0x9f/0x240
  common_interrupt+0x7b/0xa0
irq event stamp: 4006
hardirqs last  enabled at (4005): [<ffffffff81d2c1e4>] _raw_spin_unlock_irqrestore+0x44/0x60
hardirqs last disabled at (4004): [<ffffffff81d2c01a>] _raw_spin_lock_irqsave+0x6a/0x70
softirqs last  enabled at (3850): [<ffffffff820002d7>] __do_softirq+0x2d7/0x3b5
softirqs last disabled at (3841): [<ffffffff810b8c73>] irq_exit_rcu+0xa3/0xd0

other info that might help us debug this:
 Possible unsafe locking scenario:

       CPU0
       ----
  lock(demo_table_lock);
  <Interrupt>
    lock(demo_table_lock);

 *** DEADLOCK ***

1 lock held by demo_rehash/1500:
 #0: ffffffffc0a14100 (demo_rehash_mutex){+.+.}-{3:3}, at: demo_rehash+0x15/0x140 [demo]

stack backtrace:
CPU: 3 PID: 1500 Comm: demo_rehash Not tainted 6.1.0-lesson #1
Call Trace:
 <TASK>
 dump_stack_lvl+0x45/0x5f
 mark_lock.part.0+0x84c/0x920
 __lock_acquire+0x4a7/0x2a90
 lock_acquire+0xd3/0x2f0
 _raw_write_lock+0x2f/0x40
 demo_rehash+0x21/0x140 [demo]
 demo_ioctl+0x91/0xb0 [demo]
 __x64_sys_ioctl+0x8e/0xd0
 do_syscall_64+0x3b/0x90
 entry_SYSCALL_64_after_hwframe+0x63/0xcd
 </TASK>
`,
  explanation: [
    '`demo_table_lock` is an `rwlock_t`: many readers (`read_lock()`) may hold it at once, a writer (`write_lock()`) holds it alone. Two CPUs that only read never wait for each other, so two readers cannot deadlock — the stepper marks a read acquisition `rlock(…)` and lets readers share.',
    "Here the interrupt handler reads the table (`{IN-HARDIRQ-R}`: read-locked in hardirq context) and `demo_rehash()` writes it with plain `write_lock()`, interrupts on (`{HARDIRQ-ON-W}`). If the interrupt arrives on the CPU holding the write lock, the handler's `read_lock()` waits for a writer that cannot run until the handler returns. A reader shares with readers, never with a writer.",
    "When does a read deadlock? An `rwlock_t` in Linux is a queued rwlock: once a writer waits, new readers in process context queue behind it (so writers are not starved). A CPU that holds a read lock and calls `read_lock()` again while another CPU waits to write can hang. In interrupt context the queued rwlock lets readers in past a waiting writer, exactly so that a handler can read-lock what the code it interrupted already read-holds. Lockdep models this: `read_lock()` counts as a recursive read only in interrupt context (`read_lock_is_recursive()`); an `rw_semaphore`'s `down_read()` is never recursive.",
    'The fix: `write_lock_irqsave()` in `demo_rehash()`. Readers in process context may keep plain `read_lock()`: the handler can read-lock over them, by the rule above. This is the pattern of `tasklist_lock`.',
  ],
  question: {
    kind: 'choice',
    prompt:
      'CPU0 holds demo_table_lock for writing in demo_rehash(). The interrupt handler on CPU0 only wants to read. Does it get the lock?',
    options: [
      {
        id: 'never',
        label:
          'No, never: a writer shares with no one, and it cannot finish while the handler runs on top of it',
      },
      { id: 'yes', label: 'Yes: readers never wait' },
      { id: 'later', label: 'Yes, as soon as demo_rehash() calls write_unlock()' },
      { id: 'irq-pass', label: 'Yes: in interrupt context readers pass a waiting writer' },
    ],
    answer: 'never',
    why: 'Interrupt-context readers may pass a writer that WAITS, not one that HOLDS the lock. demo_rehash() holds it and cannot reach write_unlock() until the handler returns: CPU0 is stuck. write_lock_irqsave() keeps the interrupt away while the write lock is held.',
  },
  conceal: 'none',
  askAt: 2,
  expect: { kind: 'inconsistent-lock-state', format: 'linux-lockdep', deadlock: true },
  sources: [
    SPINLOCKS,
    {
      label: 'lockdep-design.rst: Recursive read locks',
      url: 'https://docs.kernel.org/locking/lockdep-design.html#recursive-read-locks',
    },
    LOCKDEP_STATES,
  ],
};
