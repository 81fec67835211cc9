// Userspace reports drive the lock graph and the stepper as lockdep's do: the cycle is lit in the
// graph, the derived schedule ends in a deadlock, and a Java thread waiting into the cycle is drawn
// but is no member of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLockGraph, waiterNodeId } from '../../graph';
import { deriveScenarios, replay, status, waitCycle } from '../../scenario';
import { CORPUS_DIR, corpusAvailable } from '../corpus';
import { parseText } from '../index';

const read = (file: string) => parseText(readFileSync(join(CORPUS_DIR, file), 'utf8')).reports;

const CASES = [
  // the main thread took both orders: the two threads of the deadlock get letters
  {
    file: 'tsan/openttd-8712-hint-two-mutex.txt',
    format: 'tsan',
    cycle: ['M660', 'M661'],
    threads: ['Thread A', 'Thread B'],
  },
  {
    file: 'tsan/389ds-4695-second-deadlock-stack-rwlock.txt',
    format: 'tsan',
    cycle: ['M3318', 'M3320'],
    threads: ['Thread A', 'Thread B'],
  },
  // one dependency names its thread ("in thread T146"), the other none
  {
    file: 'tsan/concord-bft-2512-huge-mutex-id-no-hash-frames.txt',
    format: 'tsan',
    cycle: ['M1140390714182500064', 'M34319'],
    threads: ['T146', 'Thread A'],
  },
  {
    file: 'java/glowroot-264-jstack-F-serviceability-agent-format.txt',
    format: 'java',
    cycle: [
      '0x00000000803c6648 (a org.glowroot.agent.util.RateLimitedLogger)',
      '0x00000000801e6290 (a org.glowroot.agent.init.CollectorLogbackAppender)',
    ],
    threads: ['"Glowroot-Gauge-Flushing"', '"Glowroot-Aggregate-Processing"'],
  },
  {
    file: 'helgrind/zerotier-573-pid-prefixed.txt',
    format: 'helgrind',
    cycle: ['0x5F23D08', '0x5F23910'],
    // "Thread #27: lock order "0x5F23D08 before 0x5F23910" violated": the other one is unnamed
    threads: ['Thread A', 'Thread #27'],
  },
] as const;

describe.skipIf(!corpusAvailable())('userspace reports in the graph and the stepper', () => {
  for (const c of CASES) {
    it(`${c.file}: the graph lights the cycle`, () => {
      const [report] = read(c.file);
      expect(report?.format).toBe(c.format);
      const graph = buildLockGraph([report!]);
      expect(graph.cycle).toEqual(c.cycle);
      const lit = graph.edges.filter((e) => e.inCycle).map((e) => `${e.prev} -> ${e.next}`);
      expect(lit.sort()).toEqual(
        c.cycle.map((a, k) => `${a} -> ${c.cycle[(k + 1) % c.cycle.length]}`).sort(),
      );
      expect(graph.sccs[0]?.slice().sort()).toEqual([...c.cycle].sort());
    });

    it(`${c.file}: the first schedule deadlocks`, () => {
      const [report] = read(c.file);
      const [first] = deriveScenarios(report!);
      expect(first).toBeDefined();
      expect(first!.cpus.map((cpu) => cpu.name)).toEqual(c.threads);
      const run = replay(first!, first!.schedule);
      expect(run.ok).toBe(true);
      const last = run.states[run.states.length - 1]!;
      expect(status(first!, last)).toBe('deadlocked');
      expect(waitCycle(first!, last)?.length).toBe(c.cycle.length);
    });
  }

  it('a Java thread waiting into the cycle is in the graph, not in the cycle', () => {
    const [report] = read('java/dolphinscheduler-7448-tail-into-cycle.txt');
    const properties = '0x00000005fbb66c50 (a java.util.Properties)';
    const appender = '0x00000005fbff3560 (a ch.qos.logback.classic.sift.SiftingAppender)';
    expect(report!.waiters).toEqual([
      expect.objectContaining({
        thread: 'DolphinScheduler connection adder',
        waitsFor: properties,
        heldBy: 'TaskLogInfo-544612_5942967',
      }),
    ]);
    expect(report!.cycle).toEqual([appender, properties]);
    const graph = buildLockGraph([report!]);
    const id = waiterNodeId('DolphinScheduler connection adder');
    const node = graph.nodes.find((n) => n.id === id);
    expect(node?.waiter).toBe('DolphinScheduler connection adder');
    expect(node?.scc).toBe(-1);
    const wait = graph.edges.find((e) => e.prev === id);
    expect(wait).toMatchObject({ next: properties, waits: true, inCycle: false, inScc: false });
    expect(graph.cycle).not.toContain(id);
    expect(graph.sccs).toEqual(
      [[appender, properties].sort()].map((s) => expect.arrayContaining(s)),
    );
    // the stepper plays the two threads of the cycle only, by the names jstack gives them
    const [first] = deriveScenarios(report!);
    expect(first!.cpus.map((c) => c.name)).toEqual([
      '"Worker-Execute-Thread"',
      '"TaskLogInfo-544612_5942967"',
    ]);
    const last = replay(first!, first!.schedule).states.at(-1)!;
    expect(status(first!, last)).toBe('deadlocked');
  });
});
