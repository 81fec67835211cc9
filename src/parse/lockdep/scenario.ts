// print_circular_lock_scenario(), print_irq_lock_scenario(), print_deadlock_scenario() and
// print_usage_bug_scenario(): the "CPU0 / CPU1" tables. Columns are told apart by which indent a
// step is closer to, since mailers and journald destroy the alignment.
import type { Scenario, ScenarioOp, ScenarioStep } from '../../model/types';
import type { LogicalLine } from './logical-lines';

export type ScenarioShape = 'circular' | 'irq' | 'single';

export interface ScenarioRead {
  scenario: Scenario;
  /** one line per step, in order */
  lines: LogicalLine[];
  /** the columns were guessed from the kind's table shape, not from indentation */
  guessed: boolean;
}

const CPU_HEADER = /^\s*(CPU\d+)((?:\s+CPU\d+)*)\s*$/;
// A flattened paste can glue prose after the last step: "lock(cpu_hotplug_lock.rw_sem); The recursive …"
const STEP =
  /^(\s*)(?:(rlock|lock|sync|unlock)\((.*?)\)?;?|(local_irq_disable)\(\);?|(<Interrupt>))\s*$/;
const STEP_WITH_TAIL = /^(\s*)(rlock|lock|sync|unlock)\((.*?)\);\s+\S/;

interface RawStep {
  indent: number;
  op: ScenarioOp;
  cls: string | null;
  line: LogicalLine;
}

function indentOf(s: string): number {
  let n = 0;
  for (const c of s) n += c === '\t' ? 8 - (n % 8) : 1;
  return n;
}

/** The scenario table among the lines of a 'scenario' section, or null when it holds no steps. */
export function readScenario(
  body: readonly LogicalLine[],
  shape: ScenarioShape,
): ScenarioRead | null {
  let cpus: string[] = [];
  const raw: RawStep[] = [];
  for (const line of body) {
    const h = CPU_HEADER.exec(line.text);
    if (h && raw.length === 0) {
      cpus = [h[1]!, ...h[2]!.trim().split(/\s+/).filter(Boolean)];
      continue;
    }
    const m = STEP.exec(line.text) ?? STEP_WITH_TAIL.exec(line.text);
    if (!m) continue;
    const indent = indentOf(m[1]!);
    if (m[2]) {
      // the name runs to the ");" that ends the step: "lock((work_completion)(&(&wb->dwork)->work));"
      const t = line.text.trim();
      const close = t.indexOf(');');
      const inner =
        close > 0
          ? t.slice(t.indexOf('(') + 1, close)
          : t.replace(/^(?:rlock|lock|sync|unlock)\(/, '').replace(/\)?;?\s*$/, '');
      raw.push({ indent, op: m[2] as ScenarioOp, cls: inner, line });
    } else if (m[4]) raw.push({ indent, op: 'irq-disable', cls: null, line });
    else raw.push({ indent, op: 'interrupt', cls: null, line });
  }
  if (raw.length === 0) return null;
  if (cpus.length === 0) cpus = shape === 'single' ? ['CPU0'] : ['CPU0', 'CPU1'];

  const cols = assignColumns(raw, cpus.length, shape);
  const steps: ScenarioStep[] = [];
  const inIrq = new Set<number>();
  raw.forEach((s, i) => {
    const cpu = cols.cpu[i]!;
    steps.push({
      cpu,
      op: s.op,
      class: s.cls,
      inInterrupt: s.op !== 'interrupt' && inIrq.has(cpu),
    });
    if (s.op === 'interrupt') inIrq.add(cpu);
  });
  return { scenario: { cpus, steps }, lines: raw.map((s) => s.line), guessed: cols.guessed };
}

function assignColumns(
  raw: RawStep[],
  ncpu: number,
  shape: ScenarioShape,
): { cpu: number[]; guessed: boolean } {
  if (ncpu <= 1) return { cpu: raw.map(() => 0), guessed: false };
  const indents = raw.map((s) => s.indent);
  let min = Infinity;
  let max = -Infinity;
  for (const n of indents) {
    min = Math.min(min, n);
    max = Math.max(max, n);
  }
  // CPU1's column is ~29 blanks right of CPU0's; the interrupt's lock is only 2 to the right
  if (max - min >= 8) {
    const mid = min + (max - min) / 2;
    return { cpu: indents.map((n) => (n > mid ? 1 : 0)), guessed: false };
  }
  // alignment lost: use the shape every printer of this kind writes
  if (shape === 'circular') {
    // CPU0 lock(target); CPU1 lock(parent); CPU1 lock(target); CPU0 lock(source)
    const pattern = [0, 1, 1, 0];
    return { cpu: raw.map((_, i) => pattern[i] ?? 0), guessed: true };
  }
  if (shape === 'irq') {
    // CPU0 lock(unsafe); CPU1 local_irq_disable(); lock(safe); [lock(middle);] CPU0 <Interrupt> lock(safe)
    let cpu = 0;
    return {
      cpu: raw.map((s, i) => {
        if (s.op === 'irq-disable') cpu = 1;
        else if (s.op === 'interrupt') cpu = 0;
        else if (i === 0) cpu = 0;
        return cpu;
      }),
      guessed: true,
    };
  }
  return { cpu: raw.map(() => 0), guessed: true };
}
