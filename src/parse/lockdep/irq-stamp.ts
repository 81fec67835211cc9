// print_irqtrace_events(): "irq event stamp: %u" and the four "… last  enabled at (%u): [<%px>] %pS" lines.
import type { LogicalLine } from './logical-lines';
import type { Section } from './report-reader';

export interface IrqStamp {
  stamp: string;
  /** "hardirqs last  enabled" → "[<…>] func+0x…/0x…" as printed */
  events: Record<string, string>;
  /** functions of the four events, in printed order */
  functions: string[];
  lines: LogicalLine[];
}

const EVENT = /^\s*((?:hard|soft)irqs last\s+(?:en|dis)abled) at \((\d+)\):\s*(.*)$/;
const FUNC = /^(?:\[<[0-9a-f]+>\]\s*)?([A-Za-z_.$][\w.$]*)/;

export function readIrqStamp(section: Section): IrqStamp {
  const events: Record<string, string> = {};
  const functions: string[] = [];
  const lines: LogicalLine[] = section.line ? [section.line] : [];
  for (const line of section.body) {
    const m = EVENT.exec(line.text);
    if (!m) continue;
    const key = m[1]!.replace(/\s+/g, ' ');
    events[key] = `(${m[2]}): ${m[3]!.trim()}`;
    const f = FUNC.exec(m[3]!.trim());
    if (f) functions.push(f[1]!);
    lines.push(line);
  }
  return { stamp: section.header?.data ?? '', events, functions, lines };
}
