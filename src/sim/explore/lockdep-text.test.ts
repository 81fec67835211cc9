// Every deadlock the explorer finds in the gallery prints as lockdep text (printLockdepReport)
// that lockscope's own parser reads back as one report of the same kind, cycle and classes, whose
// scenario the stepper plays to a deadlock.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../parse';
import { deriveScenarios, replay, status } from '../../scenario';
import { printLockdepReport } from '../../trace';
import { explore, parseProgram, SIM_EXAMPLES } from '../index';

const found = SIM_EXAMPLES.flatMap((ex) =>
  explore(parseProgram(ex.source).program!).deadlocks.map((d) => [`${ex.id} ${d.id}`, d] as const),
);
const sorted = (classes: readonly { name: string }[]) => classes.map((c) => c.name).sort();

describe('the explorer’s deadlocks as lockdep text', () => {
  it('covers every example that deadlocks', () => {
    expect(found.length).toBeGreaterThanOrEqual(SIM_EXAMPLES.filter((e) => e.deadlocks).length);
  });

  it.each(found)('%s reads back as one report with its kind, cycle and classes', (_n, d) => {
    const text = printLockdepReport(d.report);
    expect(text).not.toMatch(/ \(\)\{/); // every lock line names its class
    expect(text).not.toContain('lockscope cannot print');
    const out = parseText(text);
    expect(out.reports).toHaveLength(1);
    const back = out.reports[0]!;
    expect(back.format).toBe('linux-lockdep');
    expect(back.kind).toBe(d.report.kind);
    expect(back.cycle).toEqual(d.report.cycle);
    expect(sorted(back.classes)).toEqual(sorted(d.report.classes));
    expect(back.task).toEqual(d.report.task);
    expect(back.diagnostics ?? []).toEqual([]);
    const scenario = deriveScenarios(back)[0]!;
    expect(scenario).toBeDefined();
    const run = replay(scenario, scenario.schedule);
    expect(run.ok).toBe(true);
    expect(status(scenario, run.states.at(-1)!)).toBe('deadlocked');
  });

  it('a cycle of five locks prints lockdep’s two-CPU table and its three-lock chain line', () => {
    const [, d] = found.find(([n]) => n.startsWith('philosophers'))!;
    const text = printLockdepReport(d.report);
    const c = d.report.cycle!;
    expect(c).toHaveLength(5);
    // print_circular_lock_scenario(): source, the target's BFS parent, target; never the whole chain
    expect(text).toContain(`Chain exists of:\n  ${c[0]} --> ${c[3]} --> ${c[4]}\n`);
    expect(text).toContain(
      '       CPU0                    CPU1\n       ----                    ----\n',
    );
    expect(text).not.toContain('CPU2');
    expect(text).toContain(
      `  lock(${c[4]});\n${' '.repeat(31)}lock(${c[3]});\n${' '.repeat(31)}lock(${c[4]});\n  lock(${c[0]});\n`,
    );
    for (let k = 0; k < 5; k++) expect(text).toContain(`-> #${k} (${c[k]}){....}:\n`);
  });

  it('frames without offsets print as func+0x0/0x0 and the held lock is numbered in its task', () => {
    const [, d] = found.find(([n]) => n.startsWith('rotation'))!;
    const text = printLockdepReport(d.report);
    expect(text).toContain('       mutex_lock+0x0/0x0\n');
    expect(text).toMatch(
      /\n1 lock held by \S+\/\d+:\n #0: {2}\(c\)\{\.\.\.\.\}, at: \w+\+0x0\/0x0\n/,
    );
  });

  it('an interrupt deadlock prints the usage the handler found and where it was registered', () => {
    const [, d] = found.find(([n]) => n.startsWith('spin-irq'))!;
    const text = printLockdepReport(d.report);
    expect(text).toContain('inconsistent {HARDIRQ-ON-W} -> {IN-HARDIRQ-W} usage.\n');
    expect(text).toMatch(/ \[HC1\[1\]:SC0\[0\]:HE0:SE1\] takes:\n/);
    expect(text).toMatch(/\{HARDIRQ-ON-W\} state was registered at:\n {2}spin_lock\+0x0\/0x0\n/);
  });
});

describe('a wait that never ends as the hung-task report', () => {
  const src = `DEFINE_MUTEX(m);
DEFINE_MUTEX(n);
DECLARE_COMPLETION(done);
thread T1 { mutex_lock(&m); wait_for_completion(&done); mutex_unlock(&m); }
thread T2 { mutex_lock(&n); mutex_lock(&m); mutex_unlock(&m); mutex_unlock(&n); }`;
  const deadlocks = explore(parseProgram(src).program!).deadlocks;

  it('prints check_hung_task() and debug_show_all_locks() and reads back as the lock dump', () => {
    expect(deadlocks.length).toBeGreaterThan(0);
    for (const d of deadlocks) {
      expect(d.kind).toBe('never-signalled');
      expect(d.report.kind).toBe('show-all-locks');
      const text = printLockdepReport(d.report);
      expect(text).toMatch(/^INFO: task T1:1 blocked for more than 120 seconds\.\n/);
      expect(text).toContain('\nCall Trace:\n <TASK>\n wait_for_completion+0x0/0x0\n T1+0x0/0x0\n');
      expect(text).toContain('\nShowing all locks held in the system:\n1 lock held by T1/1:\n');
      const out = parseText(text);
      expect(out.reports).toHaveLength(1);
      const back = out.reports[0]!;
      expect(back.kind).toBe('show-all-locks');
      // the hung-task head reads back into the same report: who hangs, and where
      expect(back.task).toEqual(d.report.task);
      expect(back.headline).toBe(d.report.headline);
      expect(back.trace.map((f) => f.function)).toEqual(d.report.trace.map((f) => f.function));
      expect(back.title).toBe('INFO: task hung in T1');
      expect(sorted(back.classes)).toEqual(sorted(d.report.classes));
      const held = (hs: typeof back.heldLocks) =>
        (hs ?? []).map((h) => `${h.task?.comm}/${h.task?.pid} #${h.index} ${h.class}`);
      expect(held(back.heldLocks)).toEqual(held(d.report.heldLocks));
    }
    // the run where T2 took n first: both tasks' locks are listed
    expect(deadlocks.some((d) => d.report.heldLocks?.some((h) => h.class === 'n'))).toBe(true);
  });
});
