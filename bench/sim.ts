// `npm run bench -- sim`: the explorer on generated programs of growing size, with and without
// partial-order reduction: states explored, time, states per second. Prints figures only.
import { parseProgram } from '../src/sim';
import { searchDeadlocks } from '../src/sim/explore/explore';
import { bestTime } from './measure';

/** T threads, each taking its lock pair in both orders (deadlocks) plus private locks (local steps). */
function program(threads: number, ops: number): string {
  const decls: string[] = [];
  const bodies: string[] = [];
  for (let t = 0; t < threads; t++) decls.push(`DEFINE_MUTEX(l${t});`, `DEFINE_MUTEX(own${t});`);
  for (let t = 0; t < threads; t++) {
    const a = `l${t}`;
    const b = `l${(t + 1) % threads}`;
    const body: string[] = [];
    const pattern = [
      `mutex_lock(&${a});`,
      `mutex_lock(&${b});`,
      `mutex_unlock(&${b});`,
      `mutex_unlock(&${a});`,
      `mutex_lock(&own${t});`,
      `mutex_unlock(&own${t});`,
    ];
    for (let i = 0; body.length < ops; i++) body.push(pattern[i % pattern.length]!);
    // close what the cut pattern left open
    const held = new Set<string>();
    for (const s of body) {
      const m = /mutex_(un)?lock\(&(\w+)\)/.exec(s)!;
      if (m[1]) held.delete(m[2]!);
      else held.add(m[2]!);
    }
    for (const l of [...held].reverse()) body.push(`mutex_unlock(&${l});`);
    bodies.push(`thread T${t} {\n  ${body.join('\n  ')}\n}`);
  }
  return `${decls.join('\n')}\n${bodies.join('\n')}\n`;
}

export function benchSim(): string {
  const lines = [
    'program                    reduce   states   complete  deadlocks      ms    states/s',
  ];
  for (const [threads, ops] of [
    [2, 8],
    [3, 8],
    [4, 8],
    [4, 12],
    [5, 8],
    [6, 6],
  ] as const) {
    const { program: p, errors } = parseProgram(program(threads, ops));
    if (!p) return `sim: generated program does not parse: ${errors[0]?.message}`;
    for (const reduce of [true, false]) {
      let result = searchDeadlocks(p, { reduce });
      const ms = bestTime(() => (result = searchDeadlocks(p, { reduce })), {
        maxRuns: 3,
        budgetMs: 3000,
      });
      const rate = Math.round(result.statesExplored / (ms / 1000));
      lines.push(
        `${`${threads} threads x ${ops} ops`.padEnd(26)} ${String(reduce).padEnd(6)} ${String(result.statesExplored).padStart(8)}   ${String(result.complete).padEnd(8)} ${String(result.found.length).padStart(9)} ${ms.toFixed(1).padStart(7)} ${String(rate).padStart(11)}`,
      );
    }
  }
  return `sim: explorer, default state budget 200,000 (best of up to 2 runs)\n${lines.join('\n')}`;
}
