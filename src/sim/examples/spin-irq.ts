export const SPIN_IRQ = `// The interrupt handler takes a spinlock that the code it interrupts holds with
// interrupts enabled: the handler spins for ever on its own CPU.
spinlock_t dev->lock;

irq dev_irq_handler on T1 {
  spin_lock(&dev->lock);
  spin_unlock(&dev->lock);
}

thread T1 {
  spin_lock(&dev->lock);
  spin_unlock(&dev->lock);
}
`;

export const SPIN_IRQ_FIXED = `// Fixed: the thread takes the lock with interrupts disabled (spin_lock_irqsave),
// so the handler cannot run on this CPU while the lock is held.
spinlock_t dev->lock;

irq dev_irq_handler on T1 {
  spin_lock(&dev->lock);
  spin_unlock(&dev->lock);
}

thread T1 {
  spin_lock_irqsave(&dev->lock, flags);
  spin_unlock_irqrestore(&dev->lock, flags);
}
`;
