// Each lesson's simulator program (src/sim's examples, by id) has the lesson's design: explored,
// it deadlocks, and its cycle — the program's class names read as the lesson's — is the report's.
// Where the report prints no cycle (lockdep's single-lock and irq reports, WITNESS's sleep-in-
// critical-section panic), the table says why and what is compared instead.
import { describe, expect, it } from 'vitest';
import { parseText } from '../parse/index';
import { explore, parseProgram, type DeadlockKind } from '../sim';
import { LESSONS, lessonProgram } from '.';

interface Expected {
  /** the kind of deadlock the explorer finds */
  kind: DeadlockKind;
  /** the program's class -> the lesson report's */
  rename: Record<string, string>;
  /**
   * 'cycle': the same cycle, up to where it starts; 'sub-cycle': the program leaves out links of
   * the report's cycle, in order; 'classes': the report prints no cycle, the program's classes
   * are the report's; 'none': the program shows the rule, not this report (see `why`)
   */
  compare: 'cycle' | 'sub-cycle' | 'classes' | 'none';
  why?: string;
}

const EXPECTED: Record<string, Expected> = {
  abba: {
    kind: 'circular-wait',
    rename: { a: 'cfg_mutex', b: 'io_mutex' },
    compare: 'cycle',
  },
  aa: { kind: 'self-deadlock', rename: { dev_lock: '&node->lock' }, compare: 'cycle' },
  three: {
    kind: 'circular-wait',
    rename: { a: '&port->lock', b: '&dev->stats_lock', c: '&queue->lock' },
    compare: 'cycle',
  },
  'spin-irq': {
    kind: 'interrupt',
    rename: { 'dev->lock': '&dev->rx_lock' },
    compare: 'none',
    why: 'one lock and its interrupt handler: lockdep prints usage states, no cycle, and the program waits on the lock in irq context rather than closing a cycle of classes',
  },
  'irq-order': {
    kind: 'circular-wait',
    rename: { safe_lock: '&dev->irq_lock', unsafe_lock: '&dev->list_lock' },
    compare: 'classes',
    why: 'lockdep reports the irq-safe -> irq-unsafe dependency before any cycle exists; the program plays the interrupt that closes it',
  },
  rwlock: {
    kind: 'self-deadlock',
    rename: {},
    compare: 'none',
    why: 'the program is the waiting-writer rule the lesson explains (a read behind a queued write) with an rwsem; the report is the rwlock-in-interrupt case, with no cycle printed',
  },
  'flush-work': {
    kind: 'circular-wait',
    rename: {
      'dev->struct_mutex': '&dev->lock',
      '(work_completion)(&retire_work)': '(work_completion)(&dev->reset_work)',
    },
    compare: 'cycle',
  },
  'i915-userptr': {
    kind: 'circular-wait',
    rename: {
      cpu_hotplug_lock: 'cpu_hotplug_lock.rw_sem',
      '&sb->s_type->i_mutex_key': '&sb->s_type->i_mutex_key#5',
    },
    compare: 'sub-cycle',
    why: 'the program takes cpu_hotplug_lock and waits for the completion directly; cpuhp_state_mutex and cpuhp_state, the links between them in the report, are left out',
  },
  'i915-reset': {
    kind: 'circular-wait',
    rename: { cpu_hotplug_lock: 'cpu_hotplug_lock.rw_sem', cpuctx_mutex: '&cpuctx_mutex' },
    compare: 'cycle',
  },
  'linuxkpi-irq-work': {
    kind: 'circular-wait',
    rename: {},
    compare: 'none',
    why: 'WITNESS panics on a sleep mutex taken in a critical section and prints no cycle; the program models the pinned CPU as a lock (cpu6_critical_section) to show why it hangs',
  },
  'drm-sched-tdr': {
    kind: 'circular-wait',
    rename: { '&crtc->mutex': 'crtc_ww_class_mutex' },
    compare: 'cycle',
  },
};

/** b read from some starting point is a; or, for `sub`, a's classes appear in b's order. */
function sameCycle(a: string[], b: string[], sub: boolean): boolean {
  if (!sub && a.length !== b.length) return false;
  for (let start = 0; start < b.length; start++) {
    const turned = [...b.slice(start), ...b.slice(0, start)];
    if (!sub && turned.every((x, i) => x === a[i])) return true;
    if (sub && turned[0] === a[0]) {
      let i = 0;
      for (const x of turned) if (x === a[i]) i++;
      if (i === a.length) return true;
    }
  }
  return false;
}

describe('lesson programs', () => {
  it('every lesson names a program that exists, and each has an expectation here', () => {
    for (const lesson of LESSONS) {
      expect(lessonProgram(lesson), lesson.id).not.toBeNull();
      expect(EXPECTED[lesson.id], lesson.id).toBeDefined();
    }
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: ${lesson.program} deadlocks like the lesson's report`, () => {
      const want = EXPECTED[lesson.id]!;
      const { program, errors } = parseProgram(lessonProgram(lesson)!.source);
      expect(errors).toEqual([]);
      const run = explore(program!);
      expect(run.complete).toBe(true);
      const found = run.deadlocks.filter((d) => d.kind === want.kind);
      expect(found.length, `${lesson.id}: a ${want.kind} deadlock`).toBeGreaterThan(0);
      const report = parseText(lesson.report).reports[0]!;
      const read = (c: string) => want.rename[c] ?? c;
      const cycles = found.map((d) => (d.cycle ?? []).map(read));
      if (want.compare === 'cycle' || want.compare === 'sub-cycle') {
        expect(report.cycle, lesson.id).not.toBeNull();
        const sub = want.compare === 'sub-cycle';
        expect(
          cycles.some((c) => sameCycle(c, report.cycle!, sub)),
          `${lesson.id}: ${JSON.stringify(cycles)} vs ${JSON.stringify(report.cycle)}`,
        ).toBe(true);
      } else if (want.compare === 'classes') {
        expect(report.cycle).toBeNull();
        const named = new Set(report.classes.map((c) => c.name));
        expect(cycles.some((c) => c.length > 0 && c.every((x) => named.has(x)))).toBe(true);
      } else {
        expect(want.why, `${lesson.id} says why it is not compared`).toBeTruthy();
      }
    });
  }
});
