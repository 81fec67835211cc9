// A report as a person reads it in a terminal: the cycle, where each dependency was taken,
// what was held, the unsafe scenario — the parts one looks for in a 200-line splat.
import type { Dependency, Diagnostic, Report, Scenario, ScenarioStep } from '../model/types';
import { firstInterestingFrame, formatFrame } from '../model/frame';
import { renderLockGraphText } from './lock-graph-text';

export interface TextOptions {
  /** where the report came from, for the header ("kern.log") */
  source?: string;
  /** 1-based position and count, for "report 2 of 5" */
  index?: number;
  total?: number;
}

const INDENT = '  ';
const LABEL_WIDTH = 9;

/** "report 2 of 5: possible deadlock in foo" (the count only when there are several). */
export function titleLine(r: Report, opts: TextOptions): string {
  const nth =
    opts.index !== undefined && (opts.total ?? 0) > 1
      ? `report ${opts.index} of ${opts.total}: `
      : '';
  return `${nth}${safe(r.title)}`;
}

export function renderReportText(r: Report, opts: TextOptions = {}): string {
  // a whole-kernel dump: a summary, not 32,000 dependency lines
  if (r.kind === 'lock-graph') return renderLockGraphText(r, opts);
  const out: string[] = [titleLine(r, opts)];
  const where = opts.source ? ` of ${safe(opts.source)}` : '';
  const lines =
    r.lines.start === r.lines.end
      ? `line ${r.lines.start}`
      : `lines ${r.lines.start}-${r.lines.end}`;
  out.push(`${INDENT}${r.format} ${r.kind}, ${lines}${where}${r.truncated ? ' (truncated)' : ''}`);
  if (r.headline && r.headline !== r.title) field(out, 'headline', r.headline);
  if (r.kernel !== null) field(out, 'kernel', r.kernel);
  if (r.task) field(out, 'task', `${r.task.comm}/${r.task.pid}`);
  if (r.cycle && r.cycle.length > 0) field(out, 'cycle', [...r.cycle, r.cycle[0]!].join(' -> '));
  else if (r.classes.length > 0) {
    field(
      out,
      'classes',
      r.classes.map((c) => c.name + (c.usage !== null ? `{${c.usage}}` : '')).join(', '),
    );
  }
  if (r.heldLocks) {
    if (r.heldLocks.length === 0) field(out, 'held', 'no locks');
    r.heldLocks.forEach((h, i) => {
      const text = `#${h.index} ${h.class}${h.address ? ` (${h.address})` : ''}${h.at ? `, at ${h.at}` : ''}`;
      field(out, i === 0 ? 'held' : '', text);
    });
  }
  const interesting = firstInterestingFrame(r.trace);
  if (interesting) field(out, 'trace', `${formatFrame(interesting)} (${r.trace.length} frames)`);
  if (r.details) {
    for (const [key, value] of Object.entries(r.details)) field(out, key, value);
  }
  if (r.dependencies.length > 0) {
    out.push(`${INDENT}dependencies (next taken while prev held):`);
    for (const d of r.dependencies) out.push(...dependencyLines(d));
  }
  if (r.scenario && r.scenario.steps.length > 0) {
    out.push(`${INDENT}unsafe scenario:`);
    out.push(...renderScenario(r.scenario).map((l) => INDENT + INDENT + l));
  }
  if (r.diagnostics && r.diagnostics.length > 0) {
    out.push(`${INDENT}notes:`);
    out.push(...r.diagnostics.map((d) => INDENT + INDENT + formatDiagnostic(d)));
  }
  return out.join('\n') + '\n';
}

function field(out: string[], label: string, value: string): void {
  // Detail keys can be longer than the column ("lockOrderChains"): keep a space after them.
  const head = label.length >= LABEL_WIDTH ? `${label} ` : label.padEnd(LABEL_WIDTH);
  out.push(`${INDENT}${head}${safe(value)}`);
}

function dependencyLines(d: Dependency): string[] {
  const entry = d.chainEntry !== null ? `#${d.chainEntry}` : '-';
  const head = `${INDENT}${INDENT}${entry.padEnd(4)}${safe(d.prev)} -> ${safe(d.next)}${d.isNew ? '  (new)' : ''}`;
  const frame = firstInterestingFrame(d.trace);
  if (!frame) return [head];
  return [head, `${INDENT}${INDENT}      at ${safe(formatFrame(frame))}`];
}

/** The scenario as lockdep prints it: one column per CPU, one step per row. */
export function renderScenario(s: Scenario): string[] {
  // A CPU index is the parser's; clamp it so a bad one cannot make a million columns.
  const cpuOf = (st: ScenarioStep) => Math.min(Math.max(st.cpu, 0), 31);
  const cpuCount = s.steps.reduce(
    (n, st) => Math.max(n, cpuOf(st) + 1),
    Math.min(s.cpus.length, 32),
  );
  const names = Array.from({ length: cpuCount }, (_, i) => safe(s.cpus[i] ?? `CPU${i}`));
  const texts = s.steps.map(stepText);
  const widths = names.map((name) => name.length + 4);
  s.steps.forEach((st, k) => {
    widths[cpuOf(st)] = Math.max(widths[cpuOf(st)]!, texts[k]!.length + 4);
  });
  const offsets = widths.map((_, col) => widths.slice(0, col).reduce((a, b) => a + b, 0));
  const lines = [
    joinColumns(names, widths),
    joinColumns(
      names.map((n) => '-'.repeat(n.length)),
      widths,
    ),
  ];
  s.steps.forEach((st, k) => lines.push(' '.repeat(offsets[cpuOf(st)]!) + texts[k]!));
  return lines;
}

function joinColumns(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('');
}

function stepText(st: ScenarioStep): string {
  const lock = st.class !== null ? safe(st.class) : '';
  const pad = st.inInterrupt ? '  ' : '';
  switch (st.op) {
    case 'irq-disable':
      return `${pad}local_irq_disable();`;
    case 'interrupt':
      return `${pad}<Interrupt>`;
    default:
      return `${pad}${st.op}(${lock});`;
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.line !== null ? `line ${d.line}: ` : ''}${d.severity}: ${safe(d.message)}`;
}

/**
 * Untrusted names reach a terminal: control characters (escape sequences, CR, newlines inside a
 * field) would redraw the screen or break the layout, so each is shown as U+FFFD.
 */
export function safe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, '\ufffd');
}
