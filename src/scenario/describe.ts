// One sentence for what a step did: "CPU3 takes &mm->mmap_sem in filldir() while holding
// &sb->s_type->i_mutex_key#5", "CPU1 tries to take A, held by CPU0, and waits".
import { blockers } from './machine';
import type { Op, Scenario, State } from './types';
import { actor, arrival, cpuName, handlerName, listOf, wherePhrase } from './words';

export function describeStep(scenario: Scenario, before: State, after: State): string {
  return cap(sentence(scenario, before, after));
}

function sentence(scenario: Scenario, before: State, after: State): string {
  const last = after.last;
  if (!last) return '';
  const { cpu } = last;
  const op = scenario.cpus[cpu]?.ops[last.op];
  if (!op) return '';
  const name = cpuName(scenario, cpu);
  const who = actor(scenario, cpu, op);
  const cls = op.class ?? '';
  const held = before.cpus[cpu]?.holds.map((h) => h.class) ?? [];
  const holding = held.length > 0 ? ` while holding ${listOf(held)}` : '';
  const mode = op.op === 'rlock' ? ' for reading' : '';
  const where = wherePhrase(op);
  switch (last.outcome) {
    case 'took':
      if (before.cpus[cpu]?.waiting) return `${who} stops waiting and takes ${cls}${mode}${where}`;
      if (op.via) return `${viaSubject(scenario, after, cpu, op)} and takes ${cls}`;
      return `${who} takes ${cls}${mode}${where}${holding}`;
    case 'synced':
      return `${who} waits for every holder of ${cls} to let go (sync)${where}`;
    case 'released':
      return `${who} releases ${cls}`;
    case 'waits': {
      const edges = blockers(scenario, after, cpu);
      const self = edges.find((e) => e.holder === cpu && e.reason === 'holds');
      if (
        self &&
        op.inInterrupt &&
        !after.cpus[cpu]?.holds.some((h) => h.class === cls && h.inInterrupt)
      )
        return `${who} tries to take ${cls}${where}, which ${name} already holds: the code it interrupted cannot run until the handler returns`;
      if (self)
        return `${who} tries to take ${cls}${where} again, which it already holds, and waits for itself`;
      const holders = listOf([
        ...new Set(
          edges.filter((e) => e.reason === 'holds').map((e) => cpuName(scenario, e.holder)),
        ),
      ]);
      const writers = listOf(
        edges.filter((e) => e.reason === 'queued-writer').map((e) => cpuName(scenario, e.holder)),
      );
      const why = holders
        ? `, held by ${holders}`
        : writers
          ? `, but ${writers} is queued to write it`
          : '';
      if (op.via) return `${viaSubject(scenario, after, cpu, op)} and needs ${cls}${why}: it waits`;
      return `${who} tries to take ${cls}${mode}${where}${why}, and waits`;
    }
    case 'irq':
      if (op.op === 'irq-disable') return `${name} disables interrupts`;
      if (op.op === 'irq-enable') return `${name} enables interrupts again`;
      if (op.op === 'interrupt') return `${cap(arrival(scenario))} on ${name}`;
      return `${cap(handlerName(scenario))} on ${name} returns`;
  }
}

/** lockdep's "Chain exists of:" step: the CPU (or, after a sync, a reader it waits for) goes down the chain. */
function viaSubject(scenario: Scenario, state: State, cpu: number, op: Op): string {
  const name = cpuName(scenario, cpu);
  const chain = (op.via ?? []).join(' --> ');
  const previous = scenario.cpus[cpu]?.ops[(state.last?.op ?? 0) - 1];
  if (previous?.op === 'sync' && previous.class === op.via?.[0])
    return `${name}'s sync on ${previous.class} waits for a reader that goes on down ${chain}`;
  return `${name}, holding ${op.via?.[0] ?? ''}, goes on down ${chain}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
