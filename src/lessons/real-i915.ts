// The two real i915 reports the project started from (corpus seeds 002 and 004), abridged: the
// same lock classes, dependencies and key functions, with stacks trimmed.
import type { Lesson } from './types';

const SEED_002 =
  'https://patchwork.freedesktop.org/patch/msgid/20171009164401.16035-1-daniel.vetter@ffwll.ch';

export const I915_USERPTR: Lesson = {
  id: 'i915-userptr',
  title: 'Real case: i915 userptr vs CPU hotplug (4.14)',
  summary: 'Seven locks, a completion, and a workqueue allocated at the wrong moment.',
  program: 'i915-userptr-hotplug',
  report: `(abridged from ${SEED_002})
======================================================
WARNING: possible circular locking dependency detected
4.14.0-rc1-CI-CI_DRM_3118+ #1 Tainted: G     U
------------------------------------------------------
prime_mmap/1551 is trying to acquire lock:
 (cpu_hotplug_lock.rw_sem){++++}, at: [<ffffffff8109dbb7>] apply_workqueue_attrs+0x17/0x50

but task is already holding lock:
 (&dev_priv->mm_lock){+.+.}, at: [<ffffffffa01a7b2a>] i915_gem_userptr_init__mmu_notifier+0x14a/0x270 [i915]

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #6 (&dev_priv->mm_lock){+.+.}:
       mutex_lock_nested+0x1b/0x20
       i915_gem_userptr_init__mmu_notifier+0x14a/0x270 [i915]
       i915_gem_userptr_ioctl+0x222/0x2c0 [i915]
       drm_ioctl+0x2f9/0x3d0

-> #5 (&mm->mmap_sem){++++}:
       __might_fault+0x68/0x90
       _copy_to_user+0x23/0x70
       filldir+0xa5/0x120
       dcache_readdir+0xf9/0x170
       SyS_getdents+0xa5/0x140

-> #4 (&sb->s_type->i_mutex_key#5){++++}:
       down_write+0x3b/0x70
       handle_create+0xcb/0x1e0
       devtmpfsd+0x139/0x180
       kthread+0x152/0x190

-> #3 ((complete)&req.done){+.+.}:
       wait_for_completion+0x1d/0x20
       devtmpfs_create_node+0x13d/0x160
       device_add+0x5eb/0x620
       device_create+0x3a/0x40
       msr_device_create+0x2b/0x40
       cpuhp_invoke_callback+0xa3/0x840
       cpuhp_thread_fun+0x7a/0x150

-> #2 (cpuhp_state){+.+.}:
       cpuhp_issue_call+0x10b/0x170
       __cpuhp_setup_state_cpuslocked+0x134/0x2a0
       page_writeback_init+0x43/0x67
       start_kernel+0x3a8/0x3fc

-> #1 (cpuhp_state_mutex){+.+.}:
       mutex_lock_nested+0x1b/0x20
       __cpuhp_setup_state_cpuslocked+0x52/0x2a0
       page_alloc_init+0x28/0x30
       start_kernel+0x145/0x3fc

-> #0 (cpu_hotplug_lock.rw_sem){++++}:
       check_prev_add+0x430/0x840
       lock_acquire+0xb0/0x200
       cpus_read_lock+0x3d/0xb0
       apply_workqueue_attrs+0x17/0x50
       __alloc_workqueue_key+0x1d8/0x4d9
       i915_gem_userptr_init__mmu_notifier+0x1fb/0x270 [i915]
       i915_gem_userptr_ioctl+0x222/0x2c0 [i915]
       drm_ioctl+0x2f9/0x3d0

other info that might help us debug this:

Chain exists of:
  cpu_hotplug_lock.rw_sem --> &mm->mmap_sem --> &dev_priv->mm_lock

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&dev_priv->mm_lock);
                               lock(&mm->mmap_sem);
                               lock(&dev_priv->mm_lock);
  lock(cpu_hotplug_lock.rw_sem);

 *** DEADLOCK ***

2 locks held by prime_mmap/1551:
 #0:  (&mm->mmap_sem){++++}, at: [<ffffffffa01a7b18>] i915_gem_userptr_init__mmu_notifier+0x138/0x270 [i915]
 #1:  (&dev_priv->mm_lock){+.+.}, at: [<ffffffffa01a7b2a>] i915_gem_userptr_init__mmu_notifier+0x14a/0x270 [i915]

stack backtrace:
CPU: 4 PID: 1551 Comm: prime_mmap Tainted: G     U          4.14.0-rc1-CI-CI_DRM_3118+ #1
Call Trace:
 dump_stack+0x68/0x9f
 print_circular_bug+0x235/0x3c0
 check_prev_add+0x430/0x840
 __lock_acquire+0x1420/0x15e0
 lock_acquire+0xb0/0x200
 cpus_read_lock+0x3d/0xb0
 apply_workqueue_attrs+0x17/0x50
 __alloc_workqueue_key+0x1d8/0x4d9
 i915_gem_userptr_init__mmu_notifier+0x1fb/0x270 [i915]
 i915_gem_userptr_ioctl+0x222/0x2c0 [i915]
 drm_ioctl+0x2f9/0x3d0
 SyS_ioctl+0x41/0x70
 entry_SYSCALL_64_fastpath+0x1c/0xb1
`,
  explanation: [
    'Intel\'s graphics CI caught this in 4.14-rc1 running the `prime_mmap` test. A "userptr" object lets the GPU use ordinary user memory; to hear when that memory goes away, i915 registers an MMU notifier. `i915_gem_userptr_init__mmu_notifier()` did so holding `&mm->mmap_sem` (the process\'s address-space lock) and `&dev_priv->mm_lock`, and in the middle allocated a workqueue: `alloc_workqueue()` calls `apply_workqueue_attrs()`, which takes `cpu_hotplug_lock` for reading (`cpus_read_lock()`) so that CPUs do not come and go meanwhile.',
    'Read the chain from `#6` down: mm_lock is taken under mmap_sem (#6); mmap_sem under an inode lock, because `filldir()` copies to user memory and may fault (#5); that inode lock by devtmpfsd creating a device node (#4), which a CPU-hotplug callback waits for (#3, `msr_device_create()` -> `wait_for_completion()`); the hotplug state machine (#2, #1) runs under `cpu_hotplug_lock`. So bringing a CPU up waits, step by step, for mmap_sem — and this ioctl holds mmap_sem while waiting for `cpu_hotplug_lock`.',
    '`(complete)&req.done` is a completion, not a lock: 4.14 briefly had lockdep "cross-release", which treated waiting for a completion like taking a lock (see the flush_work lesson). That is how this seven-step chain became visible at all.',
    'Play "All 7 CPUs": each CPU holds one link of the chain and wants the next. Lockdep\'s own two-CPU table folds CPU1 to CPU6 into "Chain exists of".',
  ],
  fix: [
    'The fix (Daniel Vetter, "drm/i915: Preallocate our mmu notifier workequeu to unbreak cpu hotplug deadlock") allocates the workqueue before taking `mmap_sem` and `mm_lock`, and frees it if another thread won the race to install the notifier. The locks are then never held while `cpu_hotplug_lock` is taken, so the dependency `&dev_priv->mm_lock -> cpu_hotplug_lock.rw_sem` (the new `#0` edge) is never created and the circle cannot close.',
    'The commit message notes the other place the chain could be cut — the CPU-hotplug side (`msr_device_create()` waiting for devtmpfs) — and that the i915 change also shortens the time `mmap_sem` is held. Breaking the edge in your own driver, not in core code, is usually the fix that lands.',
  ],
  question: {
    kind: 'lock',
    prompt:
      'prime_mmap holds &mm->mmap_sem and &dev_priv->mm_lock. Which lock does it ask for — the one that closes the circle? Click it in the graph.',
    answer: 'cpu_hotplug_lock.rw_sem',
    why: 'apply_workqueue_attrs() takes cpu_hotplug_lock.rw_sem (cpus_read_lock) while i915 holds mm_lock. The chain shows CPU hotplug already depending on mmap_sem and mm_lock, so this new edge closes a circle of seven.',
  },
  conceal: 'cycle',
  askAt: 0,
  expect: { kind: 'circular-dependency', format: 'linux-lockdep', deadlock: true },
  sources: [
    { label: 'The fix, on patchwork', url: SEED_002 },
    { label: 'freedesktop bug 102939', url: 'https://bugs.freedesktop.org/show_bug.cgi?id=102939' },
    {
      label: 'The CI run (CI_DRM_3180, prime_mmap@test_userptr)',
      url: 'https://intel-gfx-ci.01.org/tree/drm-tip/CI_DRM_3180/shard-hsw3/igt@prime_mmap@test_userptr.html',
    },
  ],
};

export const I915_RESET: Lesson = {
  id: 'i915-reset',
  title: 'Real case: i915 GPU reset vs stop_machine (4.19)',
  summary: 'A GPU reset that stops every CPU, and a page fault under struct_mutex.',
  program: 'i915-reset-stop-machine',
  report: `(abridged from an i915 CI report quoted on the intel-gfx list, 2 Nov 2018)
======================================================
WARNING: possible circular locking dependency detected
4.19.0-CI-Trybot_3176+ #1 Tainted: G     U
------------------------------------------------------
drv_selftest/12037 is trying to acquire lock:
00000000f9309a5f (cpu_hotplug_lock.rw_sem){++++}, at: stop_machine+0x12/0x30

but task is already holding lock:
0000000036dadfbb (&dev->struct_mutex){+.+.}, at: igt_reset_queue+0x3f/0x520 [i915]

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #4 (&dev->struct_mutex){+.+.}:
       0xffffffffa01c9337
       0xffffffffa01cf89c
       __do_fault+0x1b/0x80
       __handle_mm_fault+0x8e0/0xf10
       __do_page_fault+0x295/0x590
       page_fault+0x1e/0x30

-> #3 (&mm->mmap_sem){++++}:
       _copy_to_user+0x1e/0x70
       perf_read+0x232/0x2a0
       vfs_read+0x9e/0x140
       ksys_read+0x50/0xc0

-> #2 (&cpuctx_mutex){+.+.}:
       perf_event_init_cpu+0x5a/0x90
       perf_event_init+0x19d/0x1cd
       start_kernel+0x32b/0x4c0

-> #1 (pmus_lock){+.+.}:
       perf_event_init_cpu+0x21/0x90
       cpuhp_invoke_callback+0x97/0x9b0
       _cpu_up+0xa2/0x130
       smp_init+0x5d/0xa9

-> #0 (cpu_hotplug_lock.rw_sem){++++}:
       cpus_read_lock+0x34/0xa0
       stop_machine+0x12/0x30
       i915_reset+0x1c0/0x360 [i915]
       igt_reset_queue+0x192/0x520 [i915]
       intel_hangcheck_live_selftests+0x60/0xa0 [i915]
       i915_live_selftests+0x2c/0x60 [i915]
       i915_pci_probe+0x50/0xa0 [i915]

other info that might help us debug this:

Chain exists of:
  cpu_hotplug_lock.rw_sem --> &mm->mmap_sem --> &dev->struct_mutex

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&dev->struct_mutex);
                               lock(&mm->mmap_sem);
                               lock(&dev->struct_mutex);
  lock(cpu_hotplug_lock.rw_sem);

 *** DEADLOCK ***
`,
  explanation: [
    "A GPU reset on old Intel hardware also clobbers the GGTT fence registers that user space may be using through a GTT mmap at that very moment. To be safe, the reset was run under `stop_machine()`, which halts every other CPU — and `stop_machine()` first takes `cpu_hotplug_lock` for reading, so that the set of CPUs stays put. The reset path here held `&dev->struct_mutex`, i915's big lock.",
    "The chain: a page fault on an i915 GTT mmap takes `struct_mutex` inside the fault handler, under `mmap_sem` (#4: the two unsymbolised addresses are i915's fault handler — the CI kernel did not resolve them); `perf_read()` copies to user memory, faulting under perf's `&cpuctx_mutex` (#3); perf's CPU-hotplug callback takes `&cpuctx_mutex` under `pmus_lock` (#2), which the hotplug code takes under `cpu_hotplug_lock` (#1). The reset closes the circle: `struct_mutex -> cpu_hotplug_lock`.",
    'Chris Wilson\'s reply, which quotes this report, sums it up: "stop_machine() is quite nasty as it impacts several core systems that allocate structs inside the cpu_hotplug mutex". The reported recursion (a GTT address passed to perf `read()`) is far-fetched — but lockdep reports what can happen, not what is likely. (The mail quotes the report only down to the table, so there are no held locks or backtrace here.)',
  ],
  fix: [
    'i915 stopped doing the reset under `stop_machine()`. The struct_mutex-free reset ("drm/i915: Remove GPU reset dependence on struct_mutex", eb8d0f5af4ec) had for a while serialised user GTT mmaps against the reset with `stop_machine()`; "drm/i915: Revoke mmaps and prevent access to fence registers across reset" (2caffbf11762, Feb 2019) replaced that with revoking the user mmaps before the reset and an SRCU that makes faulting threads wait for it.',
    'Why it works: with no `stop_machine()`, the reset no longer takes `cpu_hotplug_lock`, so the new `#0` edge never exists; and the reset no longer needs `struct_mutex` at all. Faulting threads now wait for the reset, the reset never waits for anything the faults (or CPU hotplug) hold.',
  ],
  question: {
    kind: 'choice',
    prompt: 'Which change breaks this cycle without touching perf or the CPU-hotplug code?',
    options: [
      {
        id: 'no-stop-machine',
        label:
          'Reset without stop_machine(): keep user mmaps away from the fence registers another way',
      },
      { id: 'trylock', label: 'Make i915_gem_fault() use mutex_trylock() on struct_mutex' },
      { id: 'perf', label: 'Make perf_read() copy to user space without faulting' },
      { id: 'annotate', label: 'Mark struct_mutex with a lockdep subclass' },
    ],
    answer: 'no-stop-machine',
    why: 'stop_machine() is what takes cpu_hotplug_lock under struct_mutex (the #0 edge). Removing it from the reset path deletes that edge; the rest of the chain is other subsystems doing legal things. A subclass would only hide a real cycle.',
  },
  conceal: 'cycle',
  askAt: 0,
  expect: { kind: 'circular-dependency', format: 'linux-lockdep', deadlock: true, truncated: true },
  sources: [
    {
      label:
        'drm/i915: Revoke mmaps and prevent access to fence registers across reset (2caffbf11762)',
      url: 'https://git.kernel.org/torvalds/c/2caffbf1176256cc4f8d4e5c3c524fc689cb9876',
    },
    {
      label: 'drm/i915: Remove GPU reset dependence on struct_mutex (eb8d0f5af4ec)',
      url: 'https://git.kernel.org/torvalds/c/eb8d0f5af4ec',
    },
    {
      label: 'intel-gfx list archive, November 2018',
      url: 'https://lists.freedesktop.org/archives/intel-gfx/2018-November/',
    },
  ],
};
