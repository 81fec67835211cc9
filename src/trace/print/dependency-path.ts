// print_shortest_lock_dependencies() and its _backwards twin, with print_lock_class_header()
// (kernel/locking/lockdep.c, v6.12): a path of classes from the leaf the search found back to
// the root, each with its usage traces and the trace where it was acquired.
import type { Report } from '../../model/types';
import { frameText, stackFrame } from '../validate/frames';

/**
 * How the "... acquired at:" trace under each class is found, names given leaf first:
 * 'into' — the dependency from the next name (towards the root) into this one; the root's is the
 * report's own stack (a forwards search). 'out-of' — the dependency from this name to the next
 * (a backwards search printed by print_shortest_lock_dependencies). 'backwards' — the dependency
 * from the previous name into this one, none under the leaf (…_backwards()).
 */
export type PathTraces = 'into' | 'out-of' | 'backwards';

export function printDependencyPath(
  out: string[],
  report: Report,
  names: readonly string[],
  mode: PathTraces,
): void {
  const usage = new Map(report.classes.map((c) => [c.name, c.usage ?? '....']));
  const details = report.details ?? {};
  const dep = (prev: string | undefined, next: string | undefined) =>
    report.dependencies.find((x) => x.prev === prev && x.next === next && !x.isNew);
  for (let i = 0; i < names.length; i++) {
    const cls = names[i]!;
    const depth = names.length - 1 - i;
    const pad = ' '.repeat(depth);
    out.push(`${pad}-> (${cls}){${usage.get(cls) ?? '....'}} {`);
    const prefix = 'usage ';
    for (const [key, joined] of Object.entries(details)) {
      if (!key.startsWith(prefix) || !key.endsWith(` ${cls}`)) continue;
      const bitName = key.slice(prefix.length, key.length - cls.length - 1);
      if (bitName.includes(' ')) continue;
      out.push(`${pad}   ${bitName} at:`);
      const indent = ' '.repeat(2 * depth + 3 + bitName.length + 5);
      for (const f of joined ? joined.split('\n') : [])
        out.push(`${indent}${frameText(stackFrame(f))}`);
    }
    out.push(`${pad} }`);
    out.push(`${pad} ... key      at: [<0000000000000000>] 0x0`);
    let trace = null;
    if (mode === 'into')
      trace = i === names.length - 1 ? report.trace : dep(names[i + 1], cls)?.trace;
    else if (mode === 'out-of')
      trace = i === names.length - 1 ? report.trace : dep(cls, names[i + 1])?.trace;
    else if (i > 0) trace = dep(names[i - 1], cls)?.trace;
    if (trace) {
      out.push(`${pad} ... acquired at:`);
      for (const f of trace) out.push(`   ${frameText(f)}`);
    }
    out.push('');
  }
}
