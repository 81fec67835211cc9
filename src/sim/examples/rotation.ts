export const ROTATION = `// Three threads, three locks, each taken in a rotated order: no two threads alone
// deadlock, all three do.
DEFINE_MUTEX(a);
DEFINE_MUTEX(b);
DEFINE_MUTEX(c);

thread T1 {
  mutex_lock(&a);
  mutex_lock(&b);
  mutex_unlock(&b);
  mutex_unlock(&a);
}

thread T2 {
  mutex_lock(&b);
  mutex_lock(&c);
  mutex_unlock(&c);
  mutex_unlock(&b);
}

thread T3 {
  mutex_lock(&c);
  mutex_lock(&a);
  mutex_unlock(&a);
  mutex_unlock(&c);
}
`;
