// Notation of a report's sections: chain entries, "Chain exists of:", the scenario table, the irq
// event stamp, usage-state transitions, "?" frames (print_circular_bug(), print_usage_bug(),
// print_irqtrace_events(), the arch's stack dumper).
import type { UsageEra } from '../model/types';
import type { Explanation, NotationRule } from './types';

/** A rule that explains every match of one regex the same way (group 1, or the whole match). */
function phrase(
  id: string,
  re: RegExp,
  title: (m: RegExpExecArray) => string,
  body: (m: RegExpExecArray, era: UsageEra) => string,
): NotationRule {
  return {
    id,
    find(line, era) {
      const out: Explanation[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(line); m; m = re.exec(line)) {
        const text = m[1] ?? m[0];
        const start = m.index + m[0].indexOf(text);
        out.push({
          id,
          text,
          title: title(m),
          body: body(m, era),
          start,
          end: start + text.length,
        });
        if (!re.global) break;
      }
      return out;
    },
  };
}

const STATE_NAMES: Record<UsageEra, string> = {
  modern:
    'Since 2.6.30 the states are written in capitals: IN-HARDIRQ-W, HARDIRQ-ON-W, IN-SOFTIRQ-R…',
  'reclaim-fs':
    'From 2.6.30 to 4.13 a third context existed, filesystem reclaim: IN-RECLAIM_FS-W (taken during memory reclaim that may enter a filesystem) and RECLAIM_FS-ON-W (taken while allocating with __GFP_FS).',
  'pre-2.6.30':
    'Before 2.6.30 the states were written in lower case: in-hardirq-W, hardirq-on-W, in-softirq-R…',
};

function describeState(state: string): string {
  const s = state.toUpperCase().replace(/_/g, '-');
  const access = s.endsWith('-R') ? 'for reading' : 'for writing (or exclusively)';
  const ctx = s.includes('HARDIRQ')
    ? 'hardirq'
    : s.includes('SOFTIRQ')
      ? 'softirq'
      : 'filesystem reclaim';
  if (s.startsWith('IN-')) return `{${state}}: taken ${access} inside ${ctx} context`;
  if (s.includes('-ON-') || s.endsWith('-ON-W') || s.endsWith('-ON-R'))
    return `{${state}}: taken ${access} with ${ctx} enabled (it could interrupt the holder)`;
  return `{${state}}`;
}

const transition = phrase(
  'usage-transition',
  /(\{((?:IN-)?[A-Za-z_]+(?:-ON)?-[WR])\} -> \{((?:IN-)?[A-Za-z_]+(?:-ON)?-[WR])\})/gi,
  () => 'Inconsistent usage: the old state -> the new one',
  (m, era) =>
    `The class was first seen in one state, and is now taken in one that conflicts with it. ${describeState(m[2]!)}; now ${describeState(m[3]!)}. A lock used inside an interrupt handler must never be held with that interrupt enabled: the handler could interrupt the holder on the same CPU and spin forever. ${STATE_NAMES[era]}`,
);

const chainEntry = phrase(
  'chain-entry',
  /^\s*(-> #(\d+))\s/g,
  (m) => `${m[1]}: one link of the dependency chain`,
  (m) =>
    `Under "the existing dependency chain (in reverse order)", each "-> #k (lock)" entry is a lock lockdep saw taken while the lock of the entry below it (#${Number(m[2]) + 1}, or the lock the task wants for the highest number) was held; the stack under it is where that first happened. #0 is the new lock, taken while the task holds the lock of the highest entry: that edge closes the circle.`,
);

const chainExists = phrase(
  'chain-exists',
  /(Chain exists of:)/g,
  () => 'Chain exists of: the whole circle in one line',
  () =>
    'Printed when the circle has more than two locks: "A --> B --> C" reads "A is taken before B, B before C", from the lock wanted to the lock held. Lockdep\'s table below shows only two CPUs; its CPU1 stands for everyone along this chain.',
);

const unreliable = phrase(
  'unreliable-frame',
  /^\s*(\?) \S/g,
  () => '"?": an unreliable stack frame',
  () =>
    'The stack dumper found this return address on the stack but could not prove it belongs to the current call chain (no frame pointer or ORC entry leads to it). Often a leftover from an earlier call: read the stack without the "?" lines first.',
);

const interrupt = phrase(
  'interrupt',
  /(<Interrupt>)/g,
  () => '<Interrupt>: an interrupt arrives on this CPU',
  () =>
    'In the scenario table: the CPU is interrupted here, and the indented lines after it run in the interrupt handler, on top of the code it interrupted. That code cannot continue — nor release its locks — until the handler returns.',
);

const irqStamp = phrase(
  'irq-event-stamp',
  /(irq event stamp:)/g,
  () => 'irq event stamp: a counter of interrupt on/off events',
  () =>
    'Lockdep numbers every time this task turned hardirqs or softirqs on or off. The four lines below give, for each, the number and the place where it last happened; comparing the numbers tells the order. They often point at the missing _irq/_irqsave, or at the code that re-enabled interrupts too early.',
);

const lastEvent = phrase(
  'irq-last-event',
  /((hard|soft)irqs last\s+(en|dis)abled at \((\d+)\):)/g,
  (m) => `${m[2]}irqs last ${m[3]}abled at (${m[4]})`,
  (m) =>
    `Where this task last ${m[3]}abled ${m[2] === 'hard' ? 'hardware interrupts' : 'softirqs (bottom halves)'}: event number ${m[4]} of the irq event stamp counter, and the function that did it.`,
);

const deadlock = phrase(
  'deadlock',
  /(\*\*\* DEADLOCK \*\*\*)/g,
  () => '*** DEADLOCK ***: what the table above would lead to',
  () =>
    'Ends the "Possible unsafe locking scenario" table. It does not mean the machine hung: lockdep predicts the deadlock from the lock order it has seen, usually long before it ever happens.',
);

const irqFlags = phrase(
  'irq-flags',
  /(\[HC(\d)\[\d+\]:SC(\d)\[\d+\]:HE(\d):SE(\d)\])/g,
  () => "The task's interrupt state when it took the lock",
  (m) =>
    `HC${m[2]}: ${m[2] === '0' ? 'not' : ''} in a hardirq handler; SC${m[3]}: ${m[3] === '0' ? 'not' : ''} in a softirq; HE${m[4]}: hardirqs ${m[4] === '1' ? 'enabled' : 'disabled'}; SE${m[5]}: softirqs ${m[5] === '1' ? 'enabled' : 'disabled'}. The numbers in brackets are nesting counts.`.replace(
      /: {2}/g,
      ': ',
    ),
);

const nesting = phrase(
  'missing-nesting',
  /(May be due to missing lock nesting notation)/g,
  () => 'Missing lock nesting notation',
  () =>
    'Lockdep saw a lock of a class the task already holds. If they are two different locks taken in a fixed order (parent then child), tell lockdep with mutex_lock_nested()/spin_lock_nested() and a subclass; if it is the same lock, it is a real self-deadlock.',
);

const scenarioOp = phrase(
  'scenario-op',
  /^\s*((r?lock|sync|local_irq_disable)\()/g,
  (m) => `${m[2]}(…) in the scenario table`,
  (m) =>
    m[2] === 'rlock'
      ? 'rlock(X): X is taken for reading (shared with other readers, not with a writer).'
      : m[2] === 'sync'
        ? 'sync(X): waits for every holder of X without taking it (synchronize_srcu() and the like).'
        : m[2] === 'local_irq_disable'
          ? 'local_irq_disable(): this CPU turns interrupts off, so no handler can run on it until they are enabled again.'
          : 'lock(X): X is taken exclusively (a mutex, a spinlock, the write side of a rw lock). If another CPU holds it, this CPU waits.',
);

export const SECTION_RULES: readonly NotationRule[] = [
  transition,
  chainEntry,
  chainExists,
  unreliable,
  interrupt,
  irqStamp,
  lastEvent,
  deadlock,
  irqFlags,
  nesting,
  scenarioOp,
];
