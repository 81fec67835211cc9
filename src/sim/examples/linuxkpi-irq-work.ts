// Seed 000: FreeBSD "panic: acquiring blockable sleep lock with spinlock or critical section
// held (sleep mutex) linuxkpi_short_wq" from drm-kmod 5.4's irq_work_queue().
export const LINUXKPI_IRQ_WORK = `// LinuxKPI irq_work inside a critical section on FreeBSD (seed 000, simplified).
// dma_resv_add_shared_fence() enters a critical section; a fence callback queues
// irq work, and taskqueue_enqueue() takes the sleep mutex linuxkpi_short_wq. The
// critical section pins CPU6, so a taskqueue thread that holds linuxkpi_short_wq
// and was preempted on CPU6 can never run again to release it. The pinned CPU is
// modelled as a spinlock that the preempted thread needs in order to run.
DEFINE_SPINLOCK(cpu6_critical_section);
DEFINE_MUTEX(linuxkpi_short_wq);

void taskqueue_enqueue(void) {
  mutex_lock(&linuxkpi_short_wq);         // sleep mutex: must not be taken here
  mutex_unlock(&linuxkpi_short_wq);
}

void irq_work_queue(void) {
  taskqueue_enqueue();                    // linux_queue_work_on
}

void dma_fence_signal(void) {
  irq_work_queue();                       // semaphore_notify, via i915_sw_fence_complete
}

void dma_resv_add_shared_fence(void) {
  spin_lock(&cpu6_critical_section);      // critical_enter()
  dma_fence_signal();                     // dma_fence_is_signaled
  spin_unlock(&cpu6_critical_section);    // critical_exit()
}

thread i915_gem_do_execbuffer {
  dma_resv_add_shared_fence();            // eb_move_to_gpu -> i915_vma_move_to_active
}

thread taskqueue_thread {
  mutex_lock(&linuxkpi_short_wq);         // taskqueue_run_locked
  spin_lock(&cpu6_critical_section);      // preempted on CPU6: runs again only when it is free
  spin_unlock(&cpu6_critical_section);
  mutex_unlock(&linuxkpi_short_wq);
}
`;
