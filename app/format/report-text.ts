// How the page writes parts of a report as text: the cycle, line ranges, frames, scenario steps.
import type { Format, Frame, LineRange, Scenario, ScenarioStep } from '../../src/model/types';

/** "A → B → C → A": each lock was taken while the one before it was held. */
export function cycleText(cycle: readonly string[]): string {
  if (cycle.length === 0) return '';
  return [...cycle, cycle[0]].join(' → ');
}

/** "L12–L80", or "L12" for one line. */
export function lineRangeText(lines: LineRange): string {
  return lines.start === lines.end ? `L${lines.start}` : `L${lines.start}–L${lines.end}`;
}

/** "lsdemo_ioctl+0x6e/0x2c0 [lsdemo]" */
export function frameText(frame: Frame): string {
  let text = frame.function;
  if (frame.offset) text += `+${frame.offset}`;
  if (frame.module) text += ` [${frame.module}]`;
  if (frame.file) text += ` ${frame.file}${frame.line !== null ? `:${frame.line}` : ''}`;
  return text;
}

// The lock primitives and the checkers' own frames sit on top of every acquisition trace;
// where a lock "was taken" is the first frame below them.
const MACHINERY_EXACT = new Set([
  'lock_acquire',
  '__lock_acquire',
  'check_prev_add',
  'check_prevs_add',
  'validate_chain',
  'save_trace',
  'add_lock_to_list',
  'check_noncircular',
  'print_circular_bug',
  'dump_stack',
  'dump_stack_lvl',
  'lock_sync',
  'witness_checkorder',
  'witness_lock',
  'witness_debugger',
]);
const MACHINERY_PREFIXES = [
  '_raw_spin_lock',
  '_raw_read_lock',
  '_raw_write_lock',
  '__raw_spin_lock',
  '__mutex_lock',
  'mutex_lock',
  'down_read',
  'down_write',
  '__down_',
  'rt_mutex_',
  'rt_spin_lock',
  'ww_mutex_lock',
  '__ww_mutex_lock',
  '_sx_xlock',
  '_sx_slock',
  '__mtx_lock',
  '_mtx_lock',
  '_rw_wlock',
  '_rw_rlock',
  '__rw_wlock',
  '__rw_rlock',
  'lockmgr_',
  '__lockmgr_args',
  'rw_enter',
  'mtx_enter',
];

// gcc clone suffixes: "lock_acquire.part.0", "__mutex_lock.constprop.0", "x.isra.15", "y.cold"
function baseName(fn: string): string {
  const dot = fn.indexOf('.');
  return dot > 0 ? fn.slice(0, dot) : fn;
}

export function isLockMachinery(fn: string): boolean {
  const name = baseName(fn);
  return MACHINERY_EXACT.has(name) || MACHINERY_PREFIXES.some((p) => name.startsWith(p));
}

/** The frame that says where a lock was taken: the top reliable frame below the lock primitives. */
export function whereTaken(trace: readonly Frame[]): Frame | null {
  const reliable = trace.filter((f) => !f.unreliable);
  return reliable.find((f) => !isLockMachinery(f.function)) ?? reliable[0] ?? trace[0] ?? null;
}

/** One scenario step as lockdep prints it: "lock(A)", "rlock(A)", "local_irq_disable()", "<Interrupt>". */
export function stepText(step: ScenarioStep): string {
  const cls = step.class ?? '?';
  switch (step.op) {
    case 'lock':
    case 'rlock':
    case 'sync':
    case 'unlock':
      return `${step.op}(${cls})`;
    case 'irq-disable':
      return 'local_irq_disable()';
    case 'interrupt':
      return '<Interrupt>';
  }
}

/** The scenario as table rows: one row per step, the step's text in its CPU's column. */
export function scenarioRows(
  scenario: Scenario,
): { key: number; cells: (string | null)[]; inInterrupt: boolean }[] {
  const width = Math.max(scenario.cpus.length, ...scenario.steps.map((s) => s.cpu + 1));
  return scenario.steps.map((step, key) => {
    const cells: (string | null)[] = Array.from({ length: width }, () => null);
    cells[step.cpu] = stepText(step);
    return { key, cells, inInterrupt: step.inInterrupt };
  });
}

/** Column headings for the scenario: the report's own ("CPU0"), filled in if a step names more. */
export function scenarioColumns(scenario: Scenario): string[] {
  const width = Math.max(scenario.cpus.length, ...scenario.steps.map((s) => s.cpu + 1));
  return Array.from({ length: width }, (_, i) => scenario.cpus[i] ?? `CPU${i}`);
}

const FORMAT_LABELS: Record<Format, string> = {
  'linux-lockdep': 'Linux lockdep',
  'freebsd-witness': 'FreeBSD WITNESS',
  'openbsd-witness': 'OpenBSD WITNESS',
  tsan: 'ThreadSanitizer',
  helgrind: 'Valgrind Helgrind',
  java: 'Java thread dump',
  'go-deadlock': 'go-deadlock',
  abseil: 'Abseil Mutex',
  bitcoin: 'Bitcoin Core lockorder',
  'lockscope-trace': 'lockscope trace',
  'proc-lockdep': '/proc/lockdep',
  'witness-graph': 'WITNESS graph',
};

export function formatLabel(format: Format): string {
  return FORMAT_LABELS[format] ?? format;
}
