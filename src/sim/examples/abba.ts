export const ABBA = `// Two threads take the same two mutexes in opposite orders.
DEFINE_MUTEX(a);
DEFINE_MUTEX(b);

thread T1 {
  mutex_lock(&a);
  mutex_lock(&b);
  mutex_unlock(&b);
  mutex_unlock(&a);
}

thread T2 {
  mutex_lock(&b);
  mutex_lock(&a);
  mutex_unlock(&a);
  mutex_unlock(&b);
}
`;

export const ABBA_FIXED = `// ABBA fixed: both threads take a before b.
DEFINE_MUTEX(a);
DEFINE_MUTEX(b);

thread T1 {
  mutex_lock(&a);
  mutex_lock(&b);
  mutex_unlock(&b);
  mutex_unlock(&a);
}

thread T2 {
  mutex_lock(&a);
  mutex_lock(&b);
  mutex_unlock(&b);
  mutex_unlock(&a);
}
`;
