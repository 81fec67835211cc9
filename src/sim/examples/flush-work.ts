export const FLUSH_WORK = `// flush_work() waits for the work to finish, while holding a lock the work
// function takes.
DEFINE_MUTEX(dev->struct_mutex);
DECLARE_WORK(retire_work, i915_retire_work_handler);

void i915_retire_work_handler(void) {
  mutex_lock(&dev->struct_mutex);
  mutex_unlock(&dev->struct_mutex);
}

thread T1 {
  queue_work(&retire_work);
  mutex_lock(&dev->struct_mutex);
  flush_work(&retire_work);
  mutex_unlock(&dev->struct_mutex);
}
`;
