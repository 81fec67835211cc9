export const IRQ_SAFE_UNSAFE = `// An irq-safe lock (taken in an interrupt handler) is held while taking an
// irq-unsafe one (taken elsewhere with interrupts on): lockdep's HARDIRQ-safe ->
// HARDIRQ-unsafe lock order. CPU0 holds the unsafe lock when the interrupt comes.
DEFINE_SPINLOCK(safe_lock);
DEFINE_SPINLOCK(unsafe_lock);

irq timer_irq on CPU0 {
  spin_lock(&safe_lock);
  spin_unlock(&safe_lock);
}

thread CPU0 {
  spin_lock(&unsafe_lock);
  spin_unlock(&unsafe_lock);
}

thread CPU1 {
  spin_lock_irq(&safe_lock);
  spin_lock(&unsafe_lock);
  spin_unlock(&unsafe_lock);
  spin_unlock_irq(&safe_lock);
}
`;
