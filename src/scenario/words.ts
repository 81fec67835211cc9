// The small phrases the step and deadlock sentences are made of.
import { baseFunctionName } from '../model/frame';
import type { Frame } from '../model/types';
import type { Op, Scenario } from './types';

export function cpuName(scenario: Scenario, cpu: number): string {
  return scenario.cpus[cpu]?.name ?? `CPU${cpu}`;
}

/** "filldir()", or "vfs_subr.c:3269" for a WITNESS site without a function. */
export function frameLabel(f: Frame): string {
  if (f.function) return `${baseFunctionName(f.function)}()`;
  const file = f.file ? (f.file.split('/').pop() ?? f.file) : '?';
  return f.line !== null ? `${file}:${f.line}` : file;
}

/** " in filldir()" for this CPU's own stack; " (as handle_create() does)" for a stack elsewhere. */
export function wherePhrase(op: Op): string {
  if (!op.where) return '';
  return op.whereIsOwn ? ` in ${frameLabel(op.where)}` : ` (as ${frameLabel(op.where)} does)`;
}

/** "the softirq handler", "memory reclaim", "the interrupt handler" */
export function handlerName(scenario: Scenario): string {
  const n = scenario.interruptName;
  if (n === 'memory reclaim') return n;
  return `the ${n} handler`;
}

/** "an interrupt arrives", "a softirq runs", "memory reclaim starts" */
export function arrival(scenario: Scenario): string {
  const n = scenario.interruptName;
  if (n === 'memory reclaim') return 'memory reclaim starts';
  if (n === 'softirq') return 'a softirq runs';
  return `${/^[aeiouNM]/.test(n) ? 'an' : 'a'} ${n} arrives`;
}

/** Who runs the op: "CPU0", or "the hardirq handler on CPU0". */
export function actor(scenario: Scenario, cpu: number, op: Op): string {
  const name = cpuName(scenario, cpu);
  return op.inInterrupt ? `${handlerName(scenario)} on ${name}` : name;
}

/** "A", "A and B", "A, B and C" */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
