import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../model/types';
import { parseText } from '../parse/index';
import { splitGoldenFile } from '../parse/summary';
import { goldenFiles, GOLDEN_ROOT } from '../parse/testdata/golden-files';
import { explainDeadlock, waitCycle } from './deadlock';
import { deriveScenarios } from './derive';
import { describeStep } from './describe';
import { replay, status } from './machine';
import type { Scenario, State } from './types';

function golden(path: string): Report {
  const { body } = splitGoldenFile(readFileSync(join(GOLDEN_ROOT, path), 'utf8'));
  const report = parseText(body).reports[0];
  if (!report) throw new Error(`no report in ${path}`);
  return report;
}

function play(s: Scenario, schedule = s.schedule): State[] {
  const r = replay(s, schedule);
  if (!r.ok) throw new Error(r.error);
  return r.states;
}

function end(s: Scenario, schedule = s.schedule): State {
  const states = play(s, schedule);
  return states[states.length - 1]!;
}

function words(s: Scenario): string[] {
  const states = play(s);
  return states.slice(1).map((after, i) => describeStep(s, states[i]!, after));
}

/** The printed ops of a scenario, back in report.scenario's form. */
function printedSteps(s: Scenario) {
  const steps = s.cpus.flatMap((cpu, i) =>
    cpu.ops
      .filter((o) => o.printed !== null)
      .map((o) => ({
        at: o.printed!,
        step: { cpu: i, op: o.op, class: o.class, inInterrupt: o.inInterrupt },
      })),
  );
  return steps.sort((a, b) => a.at - b.at).map((s) => s.step);
}

describe('a seven-lock cycle (4.14, cross-release)', () => {
  const report = golden('lockdep/circular-7-entry-4.14-no-instance.txt');
  const scenarios = deriveScenarios(report);

  it("shows the full interleaving first, lockdep's table second", () => {
    expect(scenarios.map((s) => s.id)).toEqual(['full', 'lockdep']);
    expect(scenarios[0]?.cpus.map((c) => c.name)).toEqual([
      'CPU0',
      'CPU1',
      'CPU2',
      'CPU3',
      'CPU4',
      'CPU5',
      'CPU6',
    ]);
  });

  it('deadlocks the full interleaving with each CPU waiting for the next lock of the cycle', () => {
    const full = scenarios[0]!;
    expect(full.schedule).toBe('01234560123456');
    const last = end(full);
    expect(status(full, last)).toBe('deadlocked');
    const cycle = waitCycle(full, last)!;
    expect(cycle.map((e) => e.waiter)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(cycle.map((e) => e.class)).toEqual([...report.cycle!.slice(1), report.cycle![0]]);
    expect(explainDeadlock(full, last)).toMatch(
      /^CPU0 holds &pm_qos_lock and waits for cpu_hotplug_lock\.rw_sem; CPU1 holds/,
    );
    expect(explainDeadlock(full, last)).toMatch(/none of them can move\.$/);
  });

  it('ties each acquisition to the stack of its "-> #k" entry', () => {
    const full = scenarios[0]!;
    for (const [k, cpu] of full.cpus.entries()) {
      const dep = report.dependencies[cpu.ops[1]!.dependency!]!;
      expect([dep.prev, dep.next]).toEqual([report.cycle![k], report.cycle![(k + 1) % 7]]);
      expect(cpu.dependency).toBe(cpu.ops[1]!.dependency);
    }
    // CPU3 holds kn->count#44 and faults: mmap_sem is taken for reading under the fault handler
    expect(words(full)[10]).toBe(
      'CPU3 tries to take &mm->mmap_sem for reading in cpufreq_sysfs_show(), held by CPU4, and waits',
    );
    expect(words(full)[4]).toBe('CPU4 takes &mm->mmap_sem (as cpufreq_sysfs_show() does)');
    // the reporting task holds its lock where its held-locks list says
    expect(words(full)[6]).toBe('CPU6 takes &gpu->hw_lock in gpu_suspend_noirq()');
  });

  it('plays lockdep\'s table exactly as printed, plus the step "Chain exists of:" stands for', () => {
    const table = scenarios[1]!;
    expect(printedSteps(table)).toEqual(report.scenario!.steps);
    expect(table.schedule).toBe('01100');
    const implied = table.cpus[0]!.ops[2]!;
    expect(implied).toMatchObject({
      op: 'lock',
      class: '&dev->struct_mutex',
      printed: null,
      viaComplete: true,
    });
    expect(implied.via).toEqual(report.cycle!.slice(0, 6));
    expect(status(table, end(table))).toBe('deadlocked');
    expect(words(table)[3]).toBe(
      'CPU0 takes &pm_qos_lock in pm_qos_update_request() while holding &gpu->hw_lock',
    );
  });

  it('completes on a schedule that runs one CPU at a time', () => {
    const full = scenarios[0]!;
    const serial = full.cpus.map((c, i) => String(i).repeat(c.ops.length)).join('');
    expect(status(full, end(full, serial))).toBe('finished');
  });
});

describe('every golden lockdep table', () => {
  for (const file of goldenFiles(join(GOLDEN_ROOT, 'lockdep'))) {
    const body = splitGoldenFile(readFileSync(file, 'utf8')).body;
    for (const report of parseText(body).reports.filter((r) => r.scenario)) {
      it(`${file.split('/').pop()}: replays step for step and deadlocks`, () => {
        const table = deriveScenarios(report).find((s) => s.id === 'lockdep')!;
        expect(printedSteps(table)).toEqual(report.scenario!.steps);
        expect(status(table, end(table))).toBe('deadlocked');
        expect(table.notes.join(' ')).not.toMatch(/do not deadlock/);
      });
    }
  }
});

describe("rlock( and sync( in lockdep's table (6.4+)", () => {
  const report = golden('lockdep/circular-6.x-rlock-sync-odd-names.txt');
  const table = deriveScenarios(report).find((s) => s.id === 'lockdep')!;

  it('keeps the read side and lets the sync hold nothing', () => {
    expect(table.cpus[0]!.ops.slice(0, 2).map((o) => o.op)).toEqual(['rlock', 'sync']);
    const said = words(table);
    expect(said[0]).toMatch(/^CPU0 takes .+ for reading in /);
    expect(said[3]).toMatch(/^CPU0 waits for every holder of set->srcu to let go \(sync\)/);
    // after a sync the chain is walked by a reader of the srcu, not by CPU0 holding it
    expect(said[4]).toMatch(
      /^CPU0's sync on set->srcu waits for a reader that goes on down set->srcu --> /,
    );
    // CPU0 ends holding only the read side: the sync took nothing, the chain's lock is waited for
    expect(end(table).cpus[0]!.holds).toEqual([
      { class: report.scenario!.steps[0]!.class, mode: 'read', inInterrupt: false },
    ]);
  });
});

describe('two-lock cycles', () => {
  const report = golden('lockdep/circular-2-entry-4.18-hashed.txt');

  it("shows lockdep's table first and the two-CPU interleaving second", () => {
    const [table, full] = deriveScenarios(report);
    expect([table?.id, full?.id]).toEqual(['lockdep', 'full']);
    expect(full?.label).toBe('Two CPUs');
    expect(table?.schedule).toBe('0110');
    expect(explainDeadlock(table!, end(table!))).toBe(
      'CPU0 holds &ldata->output_lock and waits for &port->buf_lock; CPU1 holds &port->buf_lock and waits for &ldata->output_lock: neither can move.',
    );
  });
});

describe('reports with one lock', () => {
  it('recursive locking: one CPU taking the same lock twice', () => {
    const report = golden('lockdep/recursive-3.x-reclaim-fs-usage.txt');
    const [s] = deriveScenarios(report);
    expect(s?.id).toBe('lockdep');
    expect(s?.cpus).toHaveLength(1);
    const last = end(s!);
    expect(status(s!, last)).toBe('deadlocked');
    expect(waitCycle(s!, last)).toEqual([
      { waiter: 0, class: report.cycle![0], holder: 0, reason: 'holds' },
    ]);
  });

  it('recursive locking without a table (cut short): our own one-CPU table', () => {
    const report = { ...golden('lockdep/recursive-3.x-reclaim-fs-usage.txt'), scenario: null };
    const [s] = deriveScenarios(report);
    expect(s?.id).toBe('recursive');
    expect(status(s!, end(s!))).toBe('deadlocked');
  });

  it('inconsistent lock state: the interrupt arrives on the CPU that holds the lock', () => {
    const report = golden('lockdep/inconsistent-5.10-arm64-call-trace.txt');
    const [s] = deriveScenarios(report);
    expect(s?.id).toBe(report.scenario ? 'lockdep' : 'interrupt');
    const last = end(s!);
    expect(status(s!, last)).toBe('deadlocked');
    expect(waitCycle(s!, last)).toHaveLength(1);
    expect(explainDeadlock(s!, last)).toMatch(
      /handler on CPU0 waits for .*: CPU0 can never move\.$/,
    );
  });

  it('inconsistent lock state before v3.0: the registered usage says which side is the handler', () => {
    const report = golden('lockdep/inconsistent-2.6.18-old-usage-names.txt');
    const [s] = deriveScenarios(report);
    expect(s?.id).toBe('interrupt');
    expect(s?.interruptName).toBe('hardirq');
    expect(words(s!)).toEqual([
      'CPU0 takes &card->irq_lock in snd_fake_trigger()',
      'A hardirq arrives on CPU0',
      'The hardirq handler on CPU0 tries to take &card->irq_lock in snd_fake_interrupt(), which CPU0 already holds: the code it interrupted cannot run until the handler returns',
    ]);
  });
});

describe('interrupt inversions on two CPUs', () => {
  it("irq lock inversion: lockdep's table with the interrupt on CPU0", () => {
    const report = golden('lockdep/irq-inversion-6.1-shortest-dependencies.txt');
    const [s] = deriveScenarios(report);
    expect(s?.id).toBe('lockdep');
    expect(s?.schedule).toBe('011100');
    const last = end(s!);
    expect(waitCycle(s!, last)?.map((e) => [e.waiter, e.holder])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(explainDeadlock(s!, last)).toBe(
      'CPU0 holds &ep->list_lock; the hardirq handler on CPU0 waits for &ctrl->irq_lock; CPU1 holds &ctrl->irq_lock and waits for &ep->list_lock: neither can move.',
    );
  });

  it('safe -> unsafe before v3.0: our own table from the "connects" lines', () => {
    const report = golden('lockdep/safe-to-unsafe-2.6.18-hard-safe.txt');
    const [s] = deriveScenarios(report);
    expect(s?.id).toBe('interrupt');
    expect(s?.interruptName).toBe('hardirq');
    // "connects a hard-irq-safe lock: (&adapter->lock)" / "to a hard-irq-unsafe lock: (fake_table_lock)"
    expect(s?.cpus[0]?.ops[0]).toMatchObject({ op: 'lock', class: 'fake_table_lock' });
    expect(s?.notes.join(' ')).not.toMatch(/ends of the new dependency/);
    const cut = { ...report, details: { ...report.details, safeLock: '', unsafeLock: '' } };
    expect(deriveScenarios(cut)[0]?.notes.join(' ')).toMatch(/ends of the new dependency/);
    expect(status(s!, end(s!))).toBe('deadlocked');
    // CPU0 runs through its lock and its interrupt before CPU1 starts: no deadlock on this schedule
    expect(status(s!, end(s!, '000000111111'))).toBe('finished');
    expect(status(s!, end(s!, '111111000000'))).toBe('finished');
  });

  it('says when the irq class is a read one, which the table does not show', () => {
    const report = golden('lockdep/irq-inversion-6.1-shortest-dependencies.txt');
    const read = { ...report, details: { ...report.details, irqClass: 'HARDIRQ-READ' } };
    expect(deriveScenarios(report)[0]?.notes.join(' ')).not.toMatch(/HARDIRQ-READ/);
    expect(deriveScenarios(read)[0]?.notes.join(' ')).toMatch(/HARDIRQ-READ: .*writer queued/);
  });

  it('the interrupt only arrives while interrupts are on', () => {
    const report = golden('lockdep/safe-to-unsafe-5.11-dependency-paths.txt');
    const s = deriveScenarios(report)[0]!;
    const cpu1 = s.cpus[1]!.ops.map((o) => o.op);
    expect(cpu1[0]).toBe('irq-disable');
    expect(cpu1[cpu1.length - 1]).toBe('irq-enable');
  });
});

describe('WITNESS lock order reversal', () => {
  it('two threads: the attempted order and the established one', () => {
    const report = golden('witness/freebsd-13-lor-established-attempted.txt');
    const [s] = deriveScenarios(report);
    expect(s?.id).toBe('lor');
    expect(s?.cpus.map((c) => c.name)).toEqual(['Thread A', 'Thread B']);
    const last = end(s!);
    expect(status(s!, last)).toBe('deadlocked');
    const [a, b] = report.cycle!;
    expect(explainDeadlock(s!, last)).toBe(
      `Thread A holds ${a} and waits for ${b}; Thread B holds ${b} and waits for ${a}: neither can move.`,
    );
    // the reporting thread (A) attempted 2nd while holding 1st: the new dependency
    expect(report.dependencies[s!.cpus[0]!.ops[1]!.dependency!]?.isNew).toBe(true);
  });
});

describe('userspace reports: the threads by the names the report gives them', () => {
  const names = (r: Report) => deriveScenarios(r)[0]?.cpus.map((c) => c.name);

  it('TSan: T1 and T2 (the report\'s "in thread T1"), in sentences too', () => {
    const report = golden('tsan/llvm14-two-threads-HINT-summary.txt');
    expect(names(report)).toEqual(['T1', 'T2']);
    const s = deriveScenarios(report)[0]!;
    expect(explainDeadlock(s, end(s))).toBe(
      'T1 holds M0 and waits for M1; T2 holds M1 and waits for M0: neither can move.',
    );
  });

  it("Java: jstack's quoted names, each holding its lock of the cycle", () => {
    const report = golden('java/jdk8-jstack-monitors-three-threads.txt');
    expect(names(report)).toEqual(['"pool-1-thread-2"', '"pool-1-thread-3"', '"pool-1-thread-1"']);
    const held = report.heldLocks!.filter((h) => report.cycle!.includes(h.class));
    for (const [k, lock] of report.cycle!.entries())
      expect(held.find((h) => h.class === lock)?.thread).toBe(names(report)![k]!.slice(1, -1));
  });

  it('Bitcoin Core: the thread names lockorder prints', () => {
    expect(names(golden('bitcoin/bitcoin-2020-quoted-names-threads.txt'))).toEqual([
      'loadblk',
      'msghand',
    ]);
  });

  it('one thread named for both orders, or none named: Thread A, B, … instead', () => {
    const report = golden('tsan/llvm14-two-threads-HINT-summary.txt');
    const same = {
      ...report,
      dependencies: report.dependencies.map((d) => ({ ...d, thread: 'main thread' })),
    };
    expect(names(same)).toEqual(['Thread A', 'Thread B']);
    const one = {
      ...report,
      heldLocks: null,
      dependencies: report.dependencies.map((d, i) => (i === 0 ? d : { ...d, thread: undefined })),
    };
    const named = report.dependencies[0]!.thread!.replace(/^thread /, '');
    expect(names(one)).toContain(named);
    expect(names(one)).toContain('Thread A');
  });

  it('lockdep keeps CPU0 and CPU1', () => {
    expect(names(golden('lockdep/circular-2-entry-4.18-hashed.txt'))).toEqual(['CPU0', 'CPU1']);
  });
});

describe('reports with nothing to interleave', () => {
  it('gives no scenario, without throwing', () => {
    for (const path of [
      'lockdep/bad-unlock-balance-4.15-hashed.txt',
      'lockdep/suspicious-rcu-6.x-s390.txt',
    ]) {
      expect(deriveScenarios(golden(path))).toEqual([]);
    }
    const broken = {
      ...golden('lockdep/circular-2-entry-4.18-hashed.txt'),
      dependencies: [],
      heldLocks: null,
    };
    expect(() => deriveScenarios(broken)).not.toThrow();
  });
});
