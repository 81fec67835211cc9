// Example lock programs shipped with the simulator: the classic deadlocks, two fixed versions
// that are safe, and the project's four seed reports made runnable.
import { AA } from './aa';
import { ABBA, ABBA_FIXED } from './abba';
import { COMPLETION } from './completion';
import { DRM_SCHED_TDR } from './drm-sched-tdr';
import { FLUSH_WORK } from './flush-work';
import { I915_RESET_STOP_MACHINE } from './i915-reset-stop-machine';
import { I915_USERPTR_HOTPLUG } from './i915-userptr-hotplug';
import { IRQ_SAFE_UNSAFE } from './irq-safe-unsafe';
import { LINUXKPI_IRQ_WORK } from './linuxkpi-irq-work';
import { PHILOSOPHERS } from './philosophers';
import { ROTATION } from './rotation';
import { RWSEM } from './rwsem';
import { SPIN_IRQ, SPIN_IRQ_FIXED } from './spin-irq';

export interface SimExample {
  id: string;
  title: string;
  /** one sentence */
  summary: string;
  source: string;
  /** false for the fixed versions: the explorer finds no deadlock */
  deadlocks: boolean;
}

export const SIM_EXAMPLES: readonly SimExample[] = [
  {
    id: 'abba',
    title: 'ABBA',
    summary: 'Two threads take two mutexes in opposite orders.',
    source: ABBA,
    deadlocks: true,
  },
  {
    id: 'abba-fixed',
    title: 'ABBA, fixed',
    summary: 'Both threads take the mutexes in one order: no deadlock.',
    source: ABBA_FIXED,
    deadlocks: false,
  },
  {
    id: 'aa',
    title: 'AA',
    summary: 'A function takes a spinlock its caller already holds.',
    source: AA,
    deadlocks: true,
  },
  {
    id: 'rotation',
    title: 'Three-lock rotation',
    summary: 'Three threads take three locks in rotated orders; any two alone are safe.',
    source: ROTATION,
    deadlocks: true,
  },
  {
    id: 'spin-irq',
    title: 'Spinlock vs interrupt handler',
    summary: 'An interrupt handler spins on a lock the code it interrupted holds.',
    source: SPIN_IRQ,
    deadlocks: true,
  },
  {
    id: 'spin-irq-fixed',
    title: 'Spinlock vs interrupt handler, fixed',
    summary: 'spin_lock_irqsave keeps the handler off the CPU while the lock is held: no deadlock.',
    source: SPIN_IRQ_FIXED,
    deadlocks: false,
  },
  {
    id: 'irq-safe-unsafe',
    title: 'Irq-safe to irq-unsafe',
    summary:
      'A lock taken in an interrupt handler is held while taking one that is held with interrupts on.',
    source: IRQ_SAFE_UNSAFE,
    deadlocks: true,
  },
  {
    id: 'rwsem',
    title: 'rwsem: read, queued write, read',
    summary: 'A second down_read waits behind a queued writer that waits for the first.',
    source: RWSEM,
    deadlocks: true,
  },
  {
    id: 'completion',
    title: 'Completion',
    summary: 'A thread waits for a completion while holding the mutex its completer needs.',
    source: COMPLETION,
    deadlocks: true,
  },
  {
    id: 'flush-work',
    title: 'flush_work',
    summary: 'flush_work() is called holding a mutex the work function takes.',
    source: FLUSH_WORK,
    deadlocks: true,
  },
  {
    id: 'philosophers',
    title: 'Dining philosophers',
    summary: 'Five philosophers each take the left fork, then the right one.',
    source: PHILOSOPHERS,
    deadlocks: true,
  },
  {
    id: 'i915-userptr-hotplug',
    title: 'i915 userptr vs CPU hotplug (seed 002)',
    summary:
      'The mmu-notifier registration takes cpu_hotplug_lock under mm_lock, closing a chain through a completion, i_mutex and mmap_sem.',
    source: I915_USERPTR_HOTPLUG,
    deadlocks: true,
  },
  {
    id: 'i915-reset-stop-machine',
    title: 'i915 reset vs stop_machine (seed 004)',
    summary:
      'i915_reset calls stop_machine() under struct_mutex, closing a chain through perf and mmap_sem.',
    source: I915_RESET_STOP_MACHINE,
    deadlocks: true,
  },
  {
    id: 'linuxkpi-irq-work',
    title: 'LinuxKPI irq_work in a critical section (seed 000)',
    summary: 'A sleep mutex is taken inside a critical section that pins the CPU its holder needs.',
    source: LINUXKPI_IRQ_WORK,
    deadlocks: true,
  },
  {
    id: 'drm-sched-tdr',
    title: 'drm scheduler timeout vs dma_fence (seed 003)',
    summary:
      'The timeout handler, a fence signalling section, takes a lock held around dma_fence_wait().',
    source: DRM_SCHED_TDR,
    deadlocks: true,
  },
];
