// Notation inside a lock line: usage bits "{+.+.}", wait types "-{3:3}", "#5" and "/1" in a class
// name, pretend-lock prefixes, and the "#0:" of a held-lock line (print_lock_name(), print_lock()).
import { describeUsage } from '../model/usage';
import type { UsageEra } from '../model/types';
import type { Explanation, NotationRule } from './types';

function item(
  id: string,
  m: RegExpExecArray,
  group: number,
  title: string,
  body: string,
): Explanation {
  const text = m[group]!;
  const start = m.index + m[0].indexOf(text);
  return { id, text, title, body, start, end: start + text.length };
}

function* matches(re: RegExp, line: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) yield m;
}

const ERA_WORDS: Record<UsageEra, string> = {
  modern:
    'Since 4.14 each irq state has two characters, write then read: hardirq-W, hardirq-R, softirq-W, softirq-R. "-" taken in that interrupt context, "+" taken with that interrupt enabled, "?" both (a deadlock waiting to happen), "." neither.',
  'reclaim-fs':
    'From 2.6.30 to 4.13 there is a third pair for filesystem reclaim (RECLAIM_FS): hardirq-W, hardirq-R, softirq-W, softirq-R, reclaim-W, reclaim-R. "-" taken in that context, "+" taken with it enabled, "?" both, "." neither.',
  'pre-2.6.30':
    'Before 2.6.30 the order and the signs were different: hardirq-W, softirq-W, hardirq-R, softirq-R; for writes "+" means taken IN that interrupt context and "-" taken with it enabled; for reads "?" means both.',
};

const usage: NotationRule = {
  id: 'usage',
  find(line, era) {
    const out: Explanation[] = [];
    for (const m of matches(/\)(\{[-+?.]{4,6}\})/g, line)) {
      const chars = m[1]!.slice(1, -1);
      const states = describeUsage(chars, era)
        .filter((s) => s.usedIn || s.enabled)
        .map((s) => `"${s.char}": ${s.sentence}`);
      const body = `${ERA_WORDS[era]} Here: ${states.length ? states.join('; ') : 'no interrupt use recorded yet'}.`;
      out.push(item('usage', m, 1, 'Usage bits: where this lock class has been taken', body));
    }
    return out;
  },
};

const WAIT_TYPES =
  '0: not checked (pretend locks such as work completions); 1: wait-free (RCU); 2: spins (raw_spinlock_t, and spinlock_t on most configs); 3: spinlock_t with CONFIG_PROVE_RAW_LOCK_NESTING (it sleeps on PREEMPT_RT), otherwise a sleeping lock (mutex, rw_semaphore); 4: a sleeping lock with CONFIG_PROVE_RAW_LOCK_NESTING.';

const waitType: NotationRule = {
  id: 'wait-type',
  find(line) {
    return [...matches(/\}(-\{(\d):(\d)\})/g, line)].map((m) =>
      item(
        'wait-type',
        m,
        1,
        'Wait type {outer:inner} (5.7 and later)',
        `How a holder of this lock may wait: inner is how the lock itself waits, outer the context it gives its holder (usually the same). Lockdep reports "Invalid wait context" when a lock is taken inside one that waits less (a mutex inside a spinlock). ${WAIT_TYPES} Here: ${m[2]}:${m[3]}.`,
      ),
    );
  },
};

const nameVersion: NotationRule = {
  id: 'name-version',
  find(line) {
    return [...matches(/[A-Za-z_\]>)](#\d+)(?=(?:\/\d+)?\))/g, line)].map((m) =>
      item(
        'name-version',
        m,
        1,
        `${m[1]} in a class name: one more class with the same name`,
        `Lockdep names a class after the variable or expression it was initialised from. When different keys give the same name (a lock in a struct embedded per filesystem type, per driver…), the second class and later ones get "#2", "#3"… in the order lockdep first saw them. ${m[1]} is not a lock number and not a count of locks.`,
      ),
    );
  },
};

const subclass: NotationRule = {
  id: 'subclass',
  find(line) {
    return [...matches(/[A-Za-z0-9_\]>)](\/\d+)\)/g, line)].map((m) =>
      item(
        'subclass',
        m,
        1,
        `${m[1]}: a nesting subclass`,
        `The lock was taken with a nesting annotation, such as mutex_lock_nested(&lock, ${m[1]!.slice(1)}) or spin_lock_nested(): the code says it holds another lock of the same class and takes this one as level ${m[1]!.slice(1)}. Lockdep tracks each subclass as a class of its own, so "parent then child" becomes an order it checks. Subclass 0 prints no suffix.`,
      ),
    );
  },
};

const PRETEND: Record<string, string> = {
  '(work_completion)':
    'Not a real lock: lockdep holds it while a work item runs (process_one_work) and takes it briefly in flush_work(), so waiting for work is checked like taking a lock.',
  '(wq_completion)':
    'Not a real lock: a workqueue, held while its work runs and taken by flush_workqueue() and destroy_workqueue().',
  '(complete)':
    'Not a real lock: a completion, tracked only by the 4.14 "cross-release" lockdep (removed in 4.15). wait_for_completion() counted as taking it.',
};

const pretendLock: NotationRule = {
  id: 'pretend-lock',
  find(line) {
    return [...matches(/\((\((?:work_completion|wq_completion|complete)\))/g, line)].map((m) =>
      item('pretend-lock', m, 1, `${m[1]}: waiting, written as a lock`, PRETEND[m[1]!]!),
    );
  },
};

const heldLock: NotationRule = {
  id: 'held-lock',
  find(line) {
    return [...matches(/^.{0,80}?\s(#\d+):\s/g, line)].map((m) =>
      item(
        'held-lock',
        m,
        1,
        `${m[1]}: a lock held right now`,
        'A line of the held-locks list ("N locks held by task/pid:"): the locks the task holds at the moment of the report, oldest first, with where each was taken. The lock being acquired is not in it yet.',
      ),
    );
  },
};

export const LOCK_RULES: readonly NotationRule[] = [
  usage,
  waitType,
  nameVersion,
  subclass,
  pretendLock,
  heldLock,
];
