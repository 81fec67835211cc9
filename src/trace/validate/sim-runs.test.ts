// The validator on one ordinary run of each simulator example (runProgram): it finds, as lockdep
// would, the deadlocks that run did not hit — all but those a completion closes, because lockdep
// has not tracked completions since cross-release was removed in 4.15. The explorer finds those.
import { describe, expect, it } from 'vitest';
import { SIM_EXAMPLES, explore, parseProgram, runProgram, type Program } from '../../sim';
import { validateTrace } from './index';

function program(source: string): Program {
  const { program, errors } = parseProgram(source);
  expect(errors).toEqual([]);
  return program!;
}

const isCompletion = (cls: string) => cls.startsWith('(complete)');

describe('the validator on one run of each simulator example', () => {
  const runs = SIM_EXAMPLES.filter((ex) => ex.deadlocks).map((ex) => {
    const p = program(ex.source);
    return { id: ex.id, trace: runProgram(p), deadlocks: explore(p).deadlocks };
  });

  it('finds a problem in every example that deadlocks, except where a completion closes it', () => {
    const silent = runs.filter((r) => validateTrace(r.trace).reports.length === 0);
    expect(silent.map((r) => r.id).sort()).toEqual(['completion', 'i915-userptr-hotplug']);
    for (const r of silent) {
      expect(r.deadlocks.length, r.id).toBeGreaterThan(0);
      // every deadlock the explorer finds there waits on a completion
      for (const d of r.deadlocks) expect(d.report.cycle?.some(isCompletion), r.id).toBe(true);
    }
  });

  it('the trace holds no completion: wait_for_completion() and complete() have no lockdep annotation', () => {
    for (const r of runs)
      expect(
        r.trace.filter((e) => e.lock !== undefined && isCompletion(e.lock)),
        r.id,
      ).toEqual([]);
  });

  it('the i915 run takes every other order of the chain: only the completion edge is missing', () => {
    const r = runs.find((x) => x.id === 'i915-userptr-hotplug')!;
    const cycle = r.deadlocks[0]!.report.cycle!;
    const n = cycle.length;
    const edges = cycle.map((c, k) => [c, cycle[(k + 1) % n]!] as const);
    const held = new Map<string, string[]>();
    const seen = new Set<string>();
    for (const e of r.trace) {
      const stack = held.get(e.thread) ?? [];
      if (e.op === 'acquire' && e.lock) {
        for (const h of stack) seen.add(`${h} -> ${e.lock}`);
        held.set(e.thread, [...stack, e.lock]);
      } else if (e.op === 'release' && e.lock)
        held.set(
          e.thread,
          stack.filter((h) => h !== e.lock),
        );
    }
    const missing = edges.map(([a, b]) => `${a} -> ${b}`).filter((x) => !seen.has(x));
    expect(missing).toHaveLength(2);
    // the two edges through the completion: held while waiting, "held" by who completes it
    expect(missing.every((x) => x.split(' -> ').some(isCompletion))).toBe(true);
  });
});
