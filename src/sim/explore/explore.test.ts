import { describe, expect, it } from 'vitest';
import { deriveScenarios, replay, status } from '../../scenario';
import { SIM_EXAMPLES, explore, parseProgram, runProgram, type Program } from '..';
import { searchDeadlocks } from './explore';

function program(text: string): Program {
  const { program, errors } = parseProgram(text);
  expect(errors).toEqual([]);
  return program!;
}

const EXPECTED: Record<string, { kind: string; reportKind: string; cycle: string[] | null }> = {
  abba: { kind: 'circular-wait', reportKind: 'circular-dependency', cycle: ['a', 'b'] },
  aa: { kind: 'self-deadlock', reportKind: 'recursive-locking', cycle: ['dev_lock'] },
  rotation: { kind: 'circular-wait', reportKind: 'circular-dependency', cycle: ['a', 'b', 'c'] },
  'spin-irq': { kind: 'interrupt', reportKind: 'inconsistent-lock-state', cycle: null },
  'irq-safe-unsafe': {
    kind: 'circular-wait',
    reportKind: 'circular-dependency',
    cycle: ['safe_lock', 'unsafe_lock'],
  },
  rwsem: { kind: 'self-deadlock', reportKind: 'recursive-locking', cycle: ['mm->mmap_sem'] },
  completion: {
    kind: 'circular-wait',
    reportKind: 'circular-dependency',
    cycle: ['dev_mutex', '(complete)req.done'],
  },
  'flush-work': {
    kind: 'circular-wait',
    reportKind: 'circular-dependency',
    cycle: ['dev->struct_mutex', '(work_completion)(&retire_work)'],
  },
  philosophers: {
    kind: 'circular-wait',
    reportKind: 'circular-dependency',
    cycle: ['fork0', 'fork1', 'fork2', 'fork3', 'fork4'],
  },
  'i915-userptr-hotplug': {
    kind: 'circular-wait',
    reportKind: 'circular-dependency',
    cycle: [
      'cpu_hotplug_lock',
      '(complete)&req.done',
      '&sb->s_type->i_mutex_key',
      '&mm->mmap_sem',
      '&dev_priv->mm_lock',
    ],
  },
  'i915-reset-stop-machine': {
    kind: 'circular-wait',
    reportKind: 'circular-dependency',
    cycle: ['&dev->struct_mutex', 'cpu_hotplug_lock', 'pmus_lock', 'cpuctx_mutex', '&mm->mmap_sem'],
  },
  'linuxkpi-irq-work': {
    kind: 'circular-wait',
    reportKind: 'circular-dependency',
    cycle: ['cpu6_critical_section', 'linuxkpi_short_wq'],
  },
  'drm-sched-tdr': {
    kind: 'circular-wait',
    reportKind: 'circular-dependency',
    cycle: ['&crtc->mutex', 'dma_fence_map'],
  },
};

describe('the examples', () => {
  for (const ex of SIM_EXAMPLES) {
    it(`${ex.id}: ${ex.deadlocks ? 'finds its deadlock' : 'is safe'}`, () => {
      const result = explore(program(ex.source));
      expect(result.complete).toBe(true);
      if (!ex.deadlocks) {
        expect(result.deadlocks).toEqual([]);
        return;
      }
      const want = EXPECTED[ex.id]!;
      expect(result.deadlocks).toHaveLength(1);
      const d = result.deadlocks[0]!;
      expect(d.kind).toBe(want.kind);
      expect(d.report.kind).toBe(want.reportKind);
      expect(d.report.format).toBe('lockscope-trace');
      expect(d.cycle).toEqual(want.cycle);
      expect(d.report.cycle).toEqual(want.cycle);
      expect(d.summary).toMatch(/\.$/);
      expect(d.schedule.length).toBeGreaterThan(0);
      // the stepper replays the report into the same deadlock
      const scenarios = deriveScenarios(d.report);
      expect(scenarios.length).toBeGreaterThan(0);
      const s = scenarios[0]!;
      const r = replay(s, s.schedule);
      expect(r.ok).toBe(true);
      expect(status(s, r.states[r.states.length - 1]!)).toBe('deadlocked');
      expect(s.notes.join(' ')).not.toMatch(/do not deadlock/);
    });
  }

  it('dependencies follow the cycle, each with the stack that takes it', () => {
    const ex = SIM_EXAMPLES.find((e) => e.id === 'i915-userptr-hotplug')!;
    const d = explore(program(ex.source)).deadlocks[0]!;
    const cycle = d.cycle!;
    d.report.dependencies.forEach((dep, k) => {
      expect(dep.next).toBe(cycle[k]);
      expect(dep.prev).toBe(cycle[(k + cycle.length - 1) % cycle.length]);
      expect(dep.isNew).toBe(k === 0);
    });
    // #0: prime_mmap takes cpu_hotplug_lock in i915_gem_userptr_init__mmu_notifier
    expect(d.report.dependencies[0]!.trace.map((f) => f.function)).toEqual([
      'cpus_read_lock',
      'i915_gem_userptr_init__mmu_notifier',
      'prime_mmap',
    ]);
    expect(d.report.title).toBe('possible deadlock in i915_gem_userptr_init__mmu_notifier');
    expect(d.report.heldLocks?.map((h) => h.class)).toContain('&dev_priv->mm_lock');
  });
});

describe('shortest schedules', () => {
  it('ABBA deadlocks in four steps, each thread taking one lock and waiting for the other', () => {
    const ex = SIM_EXAMPLES.find((e) => e.id === 'abba')!;
    const d = explore(program(ex.source)).deadlocks[0]!;
    expect(d.schedule.map((s) => s.text)).toEqual([
      'T1: mutex_lock(&a)',
      'T2: mutex_lock(&b)',
      'T1: mutex_lock(&b) waits: b is held by T2',
      'T2: mutex_lock(&a) waits: a is held by T1',
    ]);
  });

  it('an unrelated thread does not lengthen the schedule', () => {
    const src = `DEFINE_MUTEX(a); DEFINE_MUTEX(b); DEFINE_MUTEX(c);
      thread T1 { mutex_lock(&a); mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }
      thread T2 { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }
      thread T3 { mutex_lock(&c); mutex_unlock(&c); mutex_lock(&c); mutex_unlock(&c); }`;
    const d = explore(program(src)).deadlocks;
    expect(d).toHaveLength(1);
    expect(d[0]!.schedule).toHaveLength(4);
  });

  it('reports distinct deadlocks separately', () => {
    const src = `DEFINE_MUTEX(a); DEFINE_MUTEX(b); DEFINE_MUTEX(c); DEFINE_MUTEX(d);
      thread T1 { mutex_lock(&a); mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }
      thread T2 { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }
      thread T3 { mutex_lock(&c); mutex_lock(&d); mutex_unlock(&d); mutex_unlock(&c); }
      thread T4 { mutex_lock(&d); mutex_lock(&c); mutex_unlock(&c); mutex_unlock(&d); }`;
    const cycles = explore(program(src)).deadlocks.map((d) => [...d.cycle!].sort().join());
    expect(cycles.sort()).toEqual(['a,b', 'c,d']);
  });

  it('a completion nobody completes is a deadlock with no cycle', () => {
    const d = explore(
      program(`DECLARE_COMPLETION(done); thread T1 { wait_for_completion(&done); }`),
    ).deadlocks;
    expect(d).toHaveLength(1);
    expect(d[0]!.kind).toBe('never-signalled');
    expect(d[0]!.cycle).toBeNull();
  });

  it('rwlock readers are recursive: a second read_lock passes a queued writer', () => {
    const src = `DEFINE_RWLOCK(l);
      thread reader { read_lock(&l); read_lock(&l); read_unlock(&l); read_unlock(&l); }
      thread writer { write_lock(&l); write_unlock(&l); }`;
    expect(explore(program(src)).deadlocks).toEqual([]);
  });

  it('dma_fence_wait inside a signalling section deadlocks on itself', () => {
    const src = `thread T1 { dma_fence_begin_signalling(); dma_fence_wait(f); dma_fence_end_signalling(); }`;
    const d = explore(program(src)).deadlocks;
    expect(d.map((x) => x.cycle)).toEqual([['dma_fence_map']]);
  });

  it('a softirq cannot fire while the thread has bottom halves disabled', () => {
    const bad = `DEFINE_SPINLOCK(l); softirq net_rx on T1 { spin_lock(&l); spin_unlock(&l); }
      thread T1 { spin_lock(&l); spin_unlock(&l); }`;
    const good = `DEFINE_SPINLOCK(l); softirq net_rx on T1 { spin_lock(&l); spin_unlock(&l); }
      thread T1 { spin_lock_bh(&l); spin_unlock_bh(&l); }`;
    expect(explore(program(bad)).deadlocks.map((d) => d.kind)).toEqual(['interrupt']);
    expect(explore(program(bad)).deadlocks[0]!.report.details?.usageChange).toMatch(/SOFTIRQ/);
    expect(explore(program(good)).deadlocks).toEqual([]);
  });
});

describe('partial-order reduction', () => {
  const small = [
    ...SIM_EXAMPLES.map((e) => e.source),
    `DEFINE_MUTEX(a); DEFINE_MUTEX(b); DEFINE_MUTEX(p); DEFINE_MUTEX(q);
     thread T1 { mutex_lock(&p); mutex_unlock(&p); mutex_lock(&a); mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }
     thread T2 { mutex_lock(&q); mutex_lock(&b); mutex_unlock(&q); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }
     thread T3 { local_irq_disable(); local_irq_enable(); mutex_lock(&a); mutex_unlock(&a); }`,
  ];
  it('finds the same deadlocks as the unreduced search, in fewer states', () => {
    let reducedStates = 0;
    let fullStates = 0;
    for (const src of small) {
      const p = program(src);
      const reduced = searchDeadlocks(p, { reduce: true });
      const full = searchDeadlocks(p, { reduce: false });
      expect(reduced.found.map((f) => f.signature).sort()).toEqual(
        full.found.map((f) => f.signature).sort(),
      );
      expect(reduced.found.map((f) => f.path.length)).toEqual(full.found.map((f) => f.path.length));
      reducedStates += reduced.statesExplored;
      fullStates += full.statesExplored;
    }
    expect(reducedStates).toBeLessThan(fullStates);
  });

  it('agrees on random small programs', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 40; round++) {
      const locks = ['a', 'b', 'c', 'd'];
      const threads = [0, 1, 2].map((t) => {
        const held: string[] = [];
        const ops: string[] = [];
        for (let i = 0; i < 4; i++) {
          const free = locks.filter((l) => !held.includes(l));
          if (held.length > 0 && (rand(3) === 0 || free.length === 0)) {
            ops.push(`mutex_unlock(&${held.pop()});`);
          } else {
            const l = free[rand(free.length)]!;
            held.push(l);
            ops.push(`mutex_lock(&${l});`);
          }
        }
        while (held.length) ops.push(`mutex_unlock(&${held.pop()});`);
        return `thread T${t} { ${ops.join(' ')} }`;
      });
      const src = `${locks.map((l) => `DEFINE_MUTEX(${l});`).join(' ')}\n${threads.join('\n')}`;
      const p = program(src);
      const a = searchDeadlocks(p, { reduce: true })
        .found.map((f) => f.signature)
        .sort();
      const b = searchDeadlocks(p, { reduce: false })
        .found.map((f) => f.signature)
        .sort();
      expect(a, src).toEqual(b);
    }
  });
});

describe('budget and speed', () => {
  it('stops at the state budget and says so', () => {
    const ex = SIM_EXAMPLES.find((e) => e.id === 'philosophers')!;
    const r = explore(program(ex.source), { stateBudget: 100 });
    expect(r.complete).toBe(false);
    expect(r.stateBudget).toBe(100);
    expect(r.statesExplored).toBeLessThanOrEqual(100);
  });

  it('4 threads x 8 operations is explored completely', () => {
    const threads = [0, 1, 2, 3].map((t) => {
      const a = `l${t}`;
      const b = `l${(t + 1) % 4}`;
      return `thread T${t} { mutex_lock(&${a}); mutex_lock(&${b}); mutex_unlock(&${b}); mutex_unlock(&${a}); mutex_lock(&${b}); mutex_lock(&${a}); mutex_unlock(&${a}); mutex_unlock(&${b}); }`;
    });
    const src = `${[0, 1, 2, 3].map((i) => `DEFINE_MUTEX(l${i});`).join(' ')}\n${threads.join('\n')}`;
    const r = explore(program(src));
    expect(r.complete).toBe(true);
    expect(r.deadlocks.length).toBeGreaterThan(0);
  });
});

describe('traces', () => {
  it('the deadlock trace holds the acquisitions lockdep would see, stacks innermost first', () => {
    const ex = SIM_EXAMPLES.find((e) => e.id === 'flush-work')!;
    const d = explore(program(ex.source)).deadlocks[0]!;
    expect(d.trace.map((e) => `${e.thread} ${e.op} ${e.lock ?? ''}`.trim())).toEqual([
      'T1 acquire dev->struct_mutex',
      'T1 acquire (work_completion)(&retire_work)',
      'kworker retire_work acquire (work_completion)(&retire_work)',
      'kworker retire_work acquire dev->struct_mutex',
    ]);
    expect(d.trace[3]!.stack).toEqual(['mutex_lock', 'i915_retire_work_handler']);
  });

  it('interrupts show as hardirq-enter on the interrupted thread; irqsave as hardirq-off/on', () => {
    const ex = SIM_EXAMPLES.find((e) => e.id === 'spin-irq-fixed')!;
    const trace = runProgram(program(ex.source));
    const ops = trace.map((e) => `${e.thread} ${e.op}`);
    expect(ops).toContain('T1 hardirq-off');
    expect(ops).toContain('T1 hardirq-enter');
    expect(ops.indexOf('T1 hardirq-enter')).toBeLessThan(ops.indexOf('T1 hardirq-exit'));
  });

  it('runProgram completes ABBA when an order that completes exists', () => {
    const ex = SIM_EXAMPLES.find((e) => e.id === 'abba')!;
    const trace = runProgram(program(ex.source));
    const acquires = trace.filter((e) => e.op === 'acquire');
    const releases = trace.filter((e) => e.op === 'release');
    expect(acquires).toHaveLength(4);
    expect(releases).toHaveLength(4);
  });

  it('runProgram follows a given schedule of context names', () => {
    const ex = SIM_EXAMPLES.find((e) => e.id === 'abba')!;
    const trace = runProgram(program(ex.source), ['T2', 'T2', 'T2', 'T2', 'T1']);
    expect(trace.map((e) => `${e.thread} ${e.op} ${e.lock}`)).toEqual([
      'T2 acquire b',
      'T2 acquire a',
      'T2 release a',
      'T2 release b',
      'T1 acquire a',
    ]);
  });
});
