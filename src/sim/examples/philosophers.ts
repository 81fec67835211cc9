const N = 5;
const forks = Array.from({ length: N }, (_, i) => `DEFINE_MUTEX(fork${i});`).join('\n');
const philosopher = (i: number) => {
  const left = `fork${i}`;
  const right = `fork${(i + 1) % N}`;
  return `thread P${i} {
  mutex_lock(&${left});
  mutex_lock(&${right});
  mutex_unlock(&${right});
  mutex_unlock(&${left});
}`;
};

export const PHILOSOPHERS = `// Five dining philosophers, each picking up the left fork, then the right one.
${forks}

${Array.from({ length: N }, (_, i) => philosopher(i)).join('\n\n')}
`;
