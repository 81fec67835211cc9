export const COMPLETION = `// The waiter holds a mutex while it waits; the thread that would complete it
// needs that mutex first.
DEFINE_MUTEX(dev_mutex);
DECLARE_COMPLETION(req.done);

thread waiter {
  mutex_lock(&dev_mutex);
  wait_for_completion(&req.done);
  mutex_unlock(&dev_mutex);
}

thread completer {
  mutex_lock(&dev_mutex);
  complete(&req.done);
  mutex_unlock(&dev_mutex);
}
`;
