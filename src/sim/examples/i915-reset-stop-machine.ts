// Seed 004: i915-CI "possible circular locking dependency detected" in i915_reset (4.19),
// cpu_hotplug_lock -> pmus_lock -> cpuctx_mutex -> mmap_sem -> struct_mutex.
export const I915_RESET_STOP_MACHINE = `// i915 reset vs stop_machine (seed 004, simplified). i915_reset holds
// struct_mutex and calls stop_machine(), which takes cpu_hotplug_lock; CPU
// hotplug holds it while perf takes pmus_lock; perf_event_init holds pmus_lock
// and takes cpuctx_mutex; perf_read holds that and copies to user space
// (mmap_sem); a GTT fault holds mmap_sem and takes struct_mutex. (In real life
// the two mmap_sem readers deadlock only with a writer queued between them; the
// fault takes it for writing here to keep the example short.)
struct mutex dev->struct_mutex;
struct rw_semaphore mm->mmap_sem;
DEFINE_MUTEX(cpuctx_mutex);
DEFINE_MUTEX(pmus_lock);

void stop_machine(void) {
  cpus_read_lock();
  cpus_read_unlock();
}

void i915_reset(void) {
  mutex_lock(&dev->struct_mutex);
  stop_machine();
  mutex_unlock(&dev->struct_mutex);
}

thread igt_reset_queue {
  i915_reset();
}

void perf_event_init_cpu(void) {
  mutex_lock(&pmus_lock);
  mutex_unlock(&pmus_lock);
}

thread cpu_up {
  cpus_write_lock();           // _cpu_up
  perf_event_init_cpu();       // cpuhp_invoke_callback
  cpus_write_unlock();
}

thread perf_event_init {
  mutex_lock(&pmus_lock);
  mutex_lock(&cpuctx_mutex);
  mutex_unlock(&cpuctx_mutex);
  mutex_unlock(&pmus_lock);
}

void perf_read(void) {
  mutex_lock(&cpuctx_mutex);
  down_read(&mm->mmap_sem);    // _copy_to_user -> __might_fault
  up_read(&mm->mmap_sem);
  mutex_unlock(&cpuctx_mutex);
}

thread ksys_read {
  perf_read();
}

void i915_gem_fault(void) {
  mutex_lock(&dev->struct_mutex);
  mutex_unlock(&dev->struct_mutex);
}

thread page_fault {
  down_write(&mm->mmap_sem);
  i915_gem_fault();            // __do_fault
  up_write(&mm->mmap_sem);
}
`;
