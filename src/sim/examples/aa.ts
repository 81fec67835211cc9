export const AA = `// A function takes a lock its caller already holds.
DEFINE_SPINLOCK(dev_lock);

void dev_update_stats(void) {
  spin_lock(&dev_lock);
  spin_unlock(&dev_lock);
}

thread T1 {
  spin_lock(&dev_lock);
  dev_update_stats();
  spin_unlock(&dev_lock);
}
`;
