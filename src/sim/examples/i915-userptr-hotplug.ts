// Seed 002: lockdep's 7-entry chain "possible circular locking dependency detected" in
// i915_gem_userptr_init__mmu_notifier (4.14-rc1), made runnable with one thread per edge.
export const I915_USERPTR_HOTPLUG = `// i915 userptr vs CPU hotplug (seed 002, simplified). The CPU-up path holds
// cpu_hotplug_lock while the msr driver waits for devtmpfsd to create its device
// node; devtmpfsd needs the directory's i_mutex, held by a readdir whose
// copy_to_user() faults and needs mmap_sem, held by a thread that takes i915's
// mm_lock, held by the userptr ioctl that registers an mmu notifier, which takes
// cpu_hotplug_lock.
struct rw_semaphore mm->mmap_sem;
struct mutex dev_priv->mm_lock;
struct rw_semaphore sb->s_type->i_mutex_key;
struct completion req.done;

void devtmpfs_create_node(void) {
  wait_for_completion(&req.done);
}

void msr_device_create(void) {
  devtmpfs_create_node();
}

thread cpuhp_up {
  cpus_write_lock();          // _cpu_up
  msr_device_create();        // cpuhp_invoke_callback
  cpus_write_unlock();
}

void handle_create(void) {
  down_write(&sb->s_type->i_mutex_key);
  up_write(&sb->s_type->i_mutex_key);
}

thread devtmpfsd {
  handle_create();
  complete(&req.done);
}

void filldir(void) {
  down_read(&mm->mmap_sem);   // _copy_to_user -> __might_fault
  up_read(&mm->mmap_sem);
}

thread readdir {
  down_read(&sb->s_type->i_mutex_key);   // iterate_dir
  filldir();
  up_read(&sb->s_type->i_mutex_key);
}

thread drm_ioctl {
  down_write(&mm->mmap_sem);
  mutex_lock(&dev_priv->mm_lock);        // drm_ioctl_kernel
  mutex_unlock(&dev_priv->mm_lock);
  up_write(&mm->mmap_sem);
}

void i915_gem_userptr_init__mmu_notifier(void) {
  mutex_lock(&dev_priv->mm_lock);
  cpus_read_lock();                      // mmu_notifier_register
  cpus_read_unlock();
  mutex_unlock(&dev_priv->mm_lock);
}

thread prime_mmap {
  i915_gem_userptr_init__mmu_notifier();
}
`;
