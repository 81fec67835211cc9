// Waiting is a lock too: flush_work() and completions, as lockdep models them.
import type { Lesson } from './types';

export const FLUSH_WORK: Lesson = {
  id: 'flush-work',
  title: 'Waiting is a lock too: flush_work() and completions',
  summary: 'Holding a lock while waiting for work that needs the same lock.',
  program: 'flush-work',
  report: `======================================================
WARNING: possible circular locking dependency detected
6.1.0-lesson #1 Not tainted
------------------------------------------------------
rmmod/3120 is trying to acquire lock:
ffff888104f1e0a8 ((work_completion)(&dev->reset_work)){+.+.}-{0:0}, at: __flush_work+0x4c/0x4c0

but task is already holding lock:
ffff888104f1e040 (&dev->lock){+.+.}-{3:3}, at: demo_remove+0x2a/0x90 [demo]

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #1 (&dev->lock){+.+.}-{3:3}:
       __mutex_lock+0x9a/0x9c0
       mutex_lock_nested+0x1b/0x20
       demo_reset_work+0x2c/0x110 [demo]
       process_one_work+0x22b/0x560
       worker_thread+0x55/0x3c0
       kthread+0x13a/0x160
       ret_from_fork+0x1f/0x30

-> #0 ((work_completion)(&dev->reset_work)){+.+.}-{0:0}:
       __lock_acquire+0x1599/0x2a90
       lock_acquire+0xd3/0x2f0
       __flush_work+0x6a/0x4c0
       flush_work+0x10/0x20
       demo_remove+0x4a/0x90 [demo]
       pci_device_remove+0x3e/0xb0
       device_release_driver_internal+0x1a9/0x230
       driver_detach+0x44/0x90
       bus_remove_driver+0x55/0xe0
       pci_unregister_driver+0x2a/0xb0
       __do_sys_delete_module+0x1a1/0x2b0
       do_syscall_64+0x3b/0x90
       entry_SYSCALL_64_after_hwframe+0x63/0xcd

other info that might help us debug this:

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&dev->lock);
                               lock((work_completion)(&dev->reset_work));
                               lock(&dev->lock);
  lock((work_completion)(&dev->reset_work));

 *** DEADLOCK ***

2 locks held by rmmod/3120:
 #0: ffff888103a611b8 (&dev->mutex){....}-{3:3}, at: device_release_driver_internal+0x3f/0x230
 #1: ffff888104f1e040 (&dev->lock){+.+.}-{3:3}, at: demo_remove+0x2a/0x90 [demo]

stack backtrace:
CPU: 0 PID: 3120 Comm: rmmod Not tainted 6.1.0-lesson #1
Call Trace:
 <TASK>
 dump_stack_lvl+0x45/0x5f
 check_noncircular+0xfe/0x110
 __lock_acquire+0x1599/0x2a90
 lock_acquire+0xd3/0x2f0
 __flush_work+0x6a/0x4c0
 flush_work+0x10/0x20
 demo_remove+0x4a/0x90 [demo]
 pci_device_remove+0x3e/0xb0
 device_release_driver_internal+0x1a9/0x230
 driver_detach+0x44/0x90
 bus_remove_driver+0x55/0xe0
 pci_unregister_driver+0x2a/0xb0
 __do_sys_delete_module+0x1a1/0x2b0
 do_syscall_64+0x3b/0x90
 entry_SYSCALL_64_after_hwframe+0x63/0xcd
 </TASK>
`,
  explanation: [
    '`demo_remove()` takes `&dev->lock` and then calls `flush_work(&dev->reset_work)`: "wait until the reset work has finished". The work function `demo_reset_work()` takes `&dev->lock`. If the work is already running (or starts) when `demo_remove()` holds the lock, it waits for the lock, and `demo_remove()` waits for it: a deadlock with only one real lock in it.',
    'Lockdep sees it because the workqueue code describes waiting as locking. While a work item runs, `process_one_work()` holds a pretend lock named after it, `(work_completion)(&dev->reset_work)` (its wait type `{0:0}` says it is not a real lock). `flush_work()` "takes" that pretend lock for a moment. The rules for real locks then apply unchanged: `&dev->lock -> (work_completion)(…)` here, `(work_completion)(…) -> &dev->lock` in the work function: a cycle. `flush_workqueue()` does the same with `(wq_completion)events` and the like.',
    'A completion is the same idea: `wait_for_completion()` waits for whoever will call `complete()`. Lockdep tracked completions only in 4.14 ("cross-release", shown as `(complete)&req.done`), and that was removed again in 4.15 for its false reports; today a wait for a completion is not in lockdep\'s graph, so this kind of deadlock must be found by reading the code. The i915 lesson later shows a real cross-release report.',
    'The fix: do not hold `&dev->lock` across the flush. Cancel or flush the work first (`cancel_work_sync()` before taking the lock), then lock and tear down.',
  ],
  question: {
    kind: 'lock',
    prompt:
      'CPU1 runs the reset work and waits for &dev->lock, held by CPU0 in demo_remove(). What does CPU0 wait for next? Click it in the graph.',
    answer: '(work_completion)(&dev->reset_work)',
    why: 'flush_work() waits for the work item to finish, which lockdep writes as taking the pretend lock (work_completion)(&dev->reset_work). The work holds it while it runs, and it waits for &dev->lock: CPU0 and CPU1 wait for each other.',
  },
  conceal: 'cycle',
  askAt: 3,
  expect: { kind: 'circular-dependency', format: 'linux-lockdep', deadlock: true },
  sources: [
    {
      label: 'Documentation/core-api/workqueue.rst',
      url: 'https://docs.kernel.org/core-api/workqueue.html',
    },
    {
      label: 'locking/lockdep: Remove the cross-release locking checks (4.15)',
      url: 'https://git.kernel.org/torvalds/c/e966eaeeb623f09975ef362c2866fae6f86844f9',
    },
  ],
};
