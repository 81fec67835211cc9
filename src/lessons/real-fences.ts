// The two real cases about dma_fence signalling (corpus seeds 000 and 003): FreeBSD's LinuxKPI
// queueing irq_work from a critical section, and the drm scheduler's timeout handler.
import type { Lesson } from './types';

const D27171 = 'https://reviews.freebsd.org/D27171';

export const LINUXKPI_IRQ_WORK: Lesson = {
  id: 'linuxkpi-irq-work',
  title: 'Real case: irq_work in a critical section (FreeBSD LinuxKPI)',
  summary: 'WITNESS panics when a sleep mutex is taken where the thread must not sleep.',
  program: 'linuxkpi-irq-work',
  report: `(abridged from ${D27171})
panic: acquiring blockable sleep lock with spinlock or critical section held (sleep mutex) linuxkpi_short_wq @ /usr/src/sys/kern/subr_taskqueue.c:281
cpuid = 6
time = 1605048416
KDB: stack backtrace:
db_trace_self_wrapper() at db_trace_self_wrapper+0x2b/frame 0xfffffe006b538c90
vpanic() at vpanic+0x182/frame 0xfffffe006b538ce0
panic() at panic+0x43/frame 0xfffffe006b538d40
witness_checkorder() at witness_checkorder+0xf3e/frame 0xfffffe006b538f00
__mtx_lock_flags() at __mtx_lock_flags+0x94/frame 0xfffffe006b538f50
taskqueue_enqueue() at taskqueue_enqueue+0x42/frame 0xfffffe006b538f70
linux_queue_work_on() at linux_queue_work_on+0xe9/frame 0xfffffe006b538fb0
irq_work_queue() at irq_work_queue+0x21/frame 0xfffffe006b538fd0
semaphore_notify() at semaphore_notify+0xb2/frame 0xfffffe006b539020
__i915_sw_fence_complete() at __i915_sw_fence_complete+0x63/frame 0xfffffe006b539080
dma_fence_signal_locked() at dma_fence_signal_locked+0x105/frame 0xfffffe006b539180
dma_fence_signal() at dma_fence_signal+0x72/frame 0xfffffe006b5391c0
dma_fence_is_signaled() at dma_fence_is_signaled+0x80/frame 0xfffffe006b539200
dma_resv_add_shared_fence() at dma_resv_add_shared_fence+0xb3/frame 0xfffffe006b539270
i915_vma_move_to_active() at i915_vma_move_to_active+0x18a/frame 0xfffffe006b5392b0
i915_gem_do_execbuffer() at i915_gem_do_execbuffer+0x7d4/frame 0xfffffe006b539570
drm_ioctl() at drm_ioctl+0x5cd/frame 0xfffffe006b539820
sys_ioctl() at sys_ioctl+0x12a/frame 0xfffffe006b5399c0
amd64_syscall() at amd64_syscall+0x121/frame 0xfffffe006b539af0
KDB: enter: panic
`,
  explanation: [
    'FreeBSD runs the Linux graphics drivers (drm-kmod) through LinuxKPI, a layer that maps Linux kernel APIs onto FreeBSD\'s. Its lock checker, WITNESS, does what lockdep does for lock order, and also enforces FreeBSD\'s context rules: a "blockable" sleep mutex (`MTX_DEF`, which may put the thread to sleep) must not be taken inside a critical section or while a spin mutex is held, because there the thread must not be switched out.',
    "The backtrace, read from the bottom: an execbuffer ioctl adds a fence to a buffer's reservation object. `dma_resv_add_shared_fence()` updates it under a sequence count, and LinuxKPI's write side enters a critical section (`critical_enter()`) so readers never spin on a preempted writer. Checking the old fence signals it; the signal runs i915's callback `semaphore_notify()`, which calls `irq_work_queue()`. LinuxKPI implemented that as `queue_work()` on an ordinary taskqueue, `linuxkpi_short_wq`, whose enqueue takes a sleep mutex. WITNESS stops the machine before it can go wrong.",
    "Linux's `irq_work` exists precisely for code that cannot take ordinary locks — it may be queued even from NMI context. LinuxKPI's version did not keep that promise.",
    'This is not a cycle, so there is no interleaving to step through: the bug is taking a lock that can sleep where sleeping is forbidden. Linux\'s equivalent is "BUG: sleeping function called from invalid context", or lockdep\'s "Invalid wait context" (the `-{2:2}`-style wait types in modern reports).',
  ],
  fix: [
    'The fix ("LinuxKPI: Reimplement irq_work queue on top of fast taskqueue", D27171) runs irq_work on a fast taskqueue instead. A fast taskqueue is guarded by a spin mutex (`MTX_SPIN`), which may be taken inside a critical section, so enqueueing from there is legal — just as `irq_work_queue()` is on Linux. The work itself still runs later, in a thread, where it may sleep.',
    'A related LinuxKPI change in 2022 (seed 001, "Allow spin_lock_irqsave to be called within a critical section") shows the same mismatch from the other side: Linux spinlocks become FreeBSD sleep mutexes under LinuxKPI, one level "heavier" than on Linux.',
  ],
  question: {
    kind: 'choice',
    prompt: 'Why does WITNESS panic here, although nothing waits for anything?',
    options: [
      {
        id: 'sleep',
        label:
          'A sleep mutex may switch the thread out, and inside a critical section it must not be switched out',
      },
      {
        id: 'order',
        label: 'linuxkpi_short_wq was taken in the wrong order with another sleep mutex',
      },
      { id: 'recursion', label: 'linuxkpi_short_wq was already held by this thread' },
      { id: 'irq', label: 'Interrupts were disabled for too long' },
    ],
    answer: 'sleep',
    why: 'The message says it: "acquiring blockable sleep lock with spinlock or critical section held". If the taskqueue mutex were contended, the thread would block inside critical_enter() — a hang or a crash. A spin mutex (fast taskqueue) never blocks, so it is allowed there.',
  },
  conceal: 'none',
  askAt: 0,
  expect: { kind: 'sleep-lock-in-critical-section', format: 'freebsd-witness', deadlock: false },
  sources: [
    { label: 'D27171: LinuxKPI: Reimplement irq_work queue on top of fast taskqueue', url: D27171 },
    {
      label: 'FreeBSD bug 247166 (a similar panic)',
      url: 'https://bugs.freebsd.org/bugzilla/show_bug.cgi?id=247166',
    },
    {
      label: 'Seed 001: LinuxKPI: Allow spin_lock_irqsave to be called within a critical section',
      url: 'https://cgit.FreeBSD.org/src/commit/?id=02ea6033020e11afec6472bf560b0ddebd0fa97a',
    },
  ],
};

export const DRM_SCHED_TDR: Lesson = {
  id: 'drm-sched-tdr',
  title: 'Real case: the GPU timeout handler vs dma_fence signalling',
  summary: 'A fence must signal: the reset path may not wait for locks that fence waiters hold.',
  program: 'drm-sched-tdr',
  report: `(written for this lesson from the inversion described in "[RFC 13/17] drm/scheduler: use dma-fence annotations in tdr work", intel-gfx, 12 May 2020)
======================================================
WARNING: possible circular locking dependency detected
5.7.0-rc5-lesson+ #1 Not tainted
------------------------------------------------------
kworker/2:1/118 is trying to acquire lock:
ffff88810a4d2cb8 (crtc_ww_class_mutex){+.+.}-{3:3}, at: drm_modeset_lock+0x59/0x120 [drm]

but task is already holding lock:
ffffffff82a72760 (dma_fence_map){++++}-{0:0}, at: drm_sched_job_timedout+0x25/0xf0 [gpu_sched]

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #1 (dma_fence_map){++++}-{0:0}:
       __dma_fence_might_wait+0x41/0xb0
       dma_fence_wait_timeout+0x38/0x220
       drm_atomic_helper_wait_for_fences+0x7c/0x150 [drm_kms_helper]
       drm_atomic_helper_commit+0x12e/0x180 [drm_kms_helper]
       drm_mode_atomic_ioctl+0x7f6/0xb00 [drm]
       drm_ioctl+0x226/0x3e0 [drm]

-> #0 (crtc_ww_class_mutex){+.+.}-{3:3}:
       __lock_acquire+0x1241/0x23f0
       lock_acquire+0xad/0x370
       __ww_mutex_lock.constprop.0+0xa8/0xfb0
       ww_mutex_lock+0x3a/0x90
       drm_modeset_lock+0x59/0x120 [drm]
       drm_modeset_lock_all_ctx+0x26/0x1b0 [drm]
       drm_atomic_helper_suspend+0x4f/0x120 [drm_kms_helper]
       dm_suspend+0x1c/0x60 [amdgpu]
       amdgpu_device_ip_suspend_phase1+0x83/0xe0 [amdgpu]
       amdgpu_device_gpu_recover+0x2d5/0xb50 [amdgpu]
       amdgpu_job_timedout+0x117/0x140 [amdgpu]
       drm_sched_job_timedout+0x7f/0xf0 [gpu_sched]
       process_one_work+0x23c/0x580
       worker_thread+0x50/0x3b0

other info that might help us debug this:

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(dma_fence_map);
                               lock(crtc_ww_class_mutex);
                               lock(dma_fence_map);
  lock(crtc_ww_class_mutex);

 *** DEADLOCK ***

4 locks held by kworker/2:1/118:
 #0: ffff888100051d48 ((wq_completion)events){+.+.}-{0:0}, at: process_one_work+0x1c9/0x580
 #1: ffffc90000853e78 ((work_completion)(&(&sched->work_tdr)->work)){+.+.}-{0:0}, at: process_one_work+0x1c9/0x580
 #2: ffffffff82a72760 (dma_fence_map){++++}-{0:0}, at: drm_sched_job_timedout+0x25/0xf0 [gpu_sched]
 #3: ffffc90000853d10 (crtc_ww_class_acquire){+.+.}-{0:0}, at: drm_atomic_helper_suspend+0x38/0x120 [drm_kms_helper]

stack backtrace:
CPU: 2 PID: 118 Comm: kworker/2:1 Not tainted 5.7.0-rc5-lesson+ #1
Workqueue: events drm_sched_job_timedout [gpu_sched]
Call Trace:
 dump_stack+0x8f/0xd0
 check_noncircular+0x162/0x180
 __lock_acquire+0x1241/0x23f0
 lock_acquire+0xad/0x370
 __ww_mutex_lock.constprop.0+0xa8/0xfb0
 ww_mutex_lock+0x3a/0x90
 drm_modeset_lock+0x59/0x120 [drm]
 drm_modeset_lock_all_ctx+0x26/0x1b0 [drm]
 drm_atomic_helper_suspend+0x4f/0x120 [drm_kms_helper]
 dm_suspend+0x1c/0x60 [amdgpu]
 amdgpu_device_gpu_recover+0x2d5/0xb50 [amdgpu]
 amdgpu_job_timedout+0x117/0x140 [amdgpu]
 drm_sched_job_timedout+0x7f/0xf0 [gpu_sched]
 process_one_work+0x23c/0x580
 worker_thread+0x50/0x3b0
 kthread+0x12e/0x150
 ret_from_fork+0x22/0x30
`,
  explanation: [
    'A `dma_fence` is a promise that some GPU work will finish. Other code waits for it — the display waits before showing a frame, memory management before reusing a buffer — sometimes while holding its own locks. The promise only holds if the code that signals fences never waits for those same locks. When a GPU job hangs, the scheduler\'s timeout handler (`drm_sched_job_timedout()`, the "tdr" work) resets the GPU so the fences signal: it is on the signalling path too.',
    "Lockdep cannot see promises, so in 2020 Daniel Vetter gave them a lock class: `dma_fence_begin_signalling()` takes a pretend lock `dma_fence_map` (for reading, recursively) and `dma_fence_end_signalling()` drops it; every `dma_fence_wait()` briefly takes it for writing. Signalling is then like holding a lock, waiting like taking it, and lockdep's ordinary rules apply. The patch in the seed puts the timeout handler inside such a section.",
    "The mail says what that reveals: amdgpu's reset does a full modeset, taking `drm_modeset_lock`s (lock class `crtc_ww_class_mutex`) — and an atomic commit holds those same locks while it waits for fences (`drm_atomic_helper_wait_for_fences()`). CPU0 resets and needs the modeset lock; CPU1 holds it and waits for a fence only CPU0's reset can signal. The report above is what the annotation prints for that, written by us from the mail: the seed holds the patch and its discussion, not a captured report.",
  ],
  fix: [
    'There is no small fix, and the mail says so: these inversions "look like they\'ll be very hard to fix properly". What the discussion settles is the rule, now in the kernel\'s dma-buf documentation ("DMA Fence Signalling Annotations"): inside a signalling section, take no lock that is held while waiting for a fence, and do not allocate memory in ways that can wait for reclaim (which may wait for fences).',
    'The mail offers two ways for resets that must touch the display: force-complete every fence (i915\'s "big whack", too broad for the whole system), or — what i915 does on gen2/3 — wake every interruptible `dma_fence_wait()` with `-ERESTARTSYS`, so that threads holding modeset locks back off and release them, and only then take them in the reset.',
  ],
  question: {
    kind: 'lock',
    prompt:
      'The timeout handler is in a signalling section: it holds dma_fence_map. Which lock must it never wait for? Click it in the graph.',
    answer: 'crtc_ww_class_mutex',
    why: 'An atomic commit holds crtc_ww_class_mutex (the drm_modeset_lock) while waiting for fences; the reset that would signal them asks for the same lock. Neither can move: the fence never signals.',
  },
  conceal: 'cycle',
  askAt: 0,
  expect: { kind: 'circular-dependency', format: 'linux-lockdep', deadlock: true },
  sources: [
    {
      label:
        '[RFC 13/17] drm/scheduler: use dma-fence annotations in tdr work (intel-gfx archive, May 2020)',
      url: 'https://lists.freedesktop.org/archives/intel-gfx/2020-May/',
    },
    {
      label: 'Documentation/driver-api/dma-buf.rst: DMA Fence Signalling Annotations',
      url: 'https://docs.kernel.org/driver-api/dma-buf.html#dma-fence-signalling-annotations',
    },
  ],
};
