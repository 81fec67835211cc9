// A report boiled down to the fields a person checks by eye: used by the golden corpus headers,
// the reviewed corpus summaries, and the metamorphic checks (which ignore LINES).
import type { ParseOutput, Report, ScenarioStep } from '../model/types';

export type ReportSummary = Record<string, string>;

export const SUMMARY_KEYS = [
  'FORMAT',
  'KIND',
  'TITLE',
  'KERNEL',
  'TASK',
  'TRUNCATED',
  'CLASSES',
  'CYCLE',
  'DEPENDENCIES',
  'SCENARIO',
  'HELD',
  'TRACE',
  'LINES',
] as const;

export function summarizeReport(r: Report): ReportSummary {
  return {
    FORMAT: r.format,
    KIND: r.kind,
    TITLE: r.title,
    KERNEL: r.kernel ?? '-',
    TASK: r.task ? `${r.task.comm}/${r.task.pid}` : '-',
    TRUNCATED: String(r.truncated),
    CLASSES: JSON.stringify(r.classes.map((c) => (c.usage ? `${c.name}{${c.usage}}` : c.name))),
    CYCLE: r.cycle ? JSON.stringify(r.cycle) : '-',
    DEPENDENCIES: JSON.stringify(
      r.dependencies.map(
        (d) =>
          `${d.prev} -> ${d.next}` +
          (d.chainEntry !== null ? ` #${d.chainEntry}` : '') +
          (d.isNew ? ' new' : '') +
          ` (${d.trace.length} frames)`,
      ),
    ),
    SCENARIO: r.scenario
      ? JSON.stringify(r.scenario.steps.map((s) => stepText(r.scenario!.cpus, s)))
      : '-',
    HELD: r.heldLocks ? JSON.stringify(r.heldLocks.map((h) => `#${h.index} ${h.class}`)) : '-',
    TRACE: `${r.trace.length} frames` + (r.trace.length ? `: ${firstReliable(r)}` : ''),
    LINES: `${r.lines.start}-${r.lines.end}`,
  };
}

function stepText(cpus: string[], s: ScenarioStep): string {
  const who = cpus[s.cpu] ?? `CPU${s.cpu}`;
  const irq = s.inInterrupt ? ' [irq]' : '';
  return s.class === null ? `${who} ${s.op}${irq}` : `${who} ${s.op}(${s.class})${irq}`;
}

function firstReliable(r: Report): string {
  const f = r.trace.find((x) => !x.unreliable) ?? r.trace[0];
  return f ? f.function : '';
}

export function summarizeOutput(out: ParseOutput): ReportSummary[] {
  return out.reports.map(summarizeReport);
}

/** Header text: one `KEY: value` line per field, reports separated by a `--` line. */
export function formatSummaries(summaries: ReportSummary[]): string {
  if (summaries.length === 0) return 'REPORTS: 0\n';
  return summaries
    .map((s) => SUMMARY_KEYS.map((k) => `${k}: ${s[k] ?? ''}`).join('\n') + '\n')
    .join('--\n');
}

/** Splits a golden file into its header summaries and the raw text after the first blank line. */
export function splitGoldenFile(content: string): { header: string; body: string } {
  const at = content.search(/\r?\n\r?\n/);
  if (at < 0) return { header: content, body: '' };
  const sep = content.slice(at).match(/^\r?\n\r?\n/)![0];
  return { header: content.slice(0, at) + '\n', body: content.slice(at + sep.length) };
}
