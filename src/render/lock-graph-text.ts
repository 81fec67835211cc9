// A whole-kernel lock graph in a terminal: counts, where it came from, its cycles and the busiest
// classes — never its 32,000 dependencies one per line (`--json` and `lockscope order` have them).
import type { Report } from '../model/types';
import { formatDiagnostic, safe, titleLine, type TextOptions } from './text';

const INDENT = '  ';
/** Cycles printed in full at most; the rest are counted. */
const SHOWN_CYCLES = 10;
/** Classes with the most dependencies, printed as landmarks. */
const SHOWN_HUBS = 5;

export function renderLockGraphText(r: Report, opts: TextOptions = {}): string {
  const out: string[] = [titleLine(r, opts)];
  const where = opts.source ? ` of ${safe(opts.source)}` : '';
  const source = r.details?.source ? ` (${safe(r.details.source)})` : '';
  out.push(
    `${INDENT}${r.format} ${r.kind}${source}, lines ${r.lines.start}-${r.lines.end}${where}${r.truncated ? ' (truncated)' : ''}`,
  );
  if (r.details?.lockChains) out.push(`${INDENT}read from ${r.details.lockChains} lock chains`);
  const cycles = r.cycles ?? (r.cycle ? [r.cycle] : []);
  if (cycles.length === 0) out.push(`${INDENT}no cycles: the recorded lock order is consistent`);
  else {
    out.push(`${INDENT}cycles (one per tangle of classes, taken-before order):`);
    for (const c of cycles.slice(0, SHOWN_CYCLES))
      out.push(`${INDENT}${INDENT}${safe([...c, c[0]!].join(' -> '))}`);
    if (cycles.length > SHOWN_CYCLES)
      out.push(`${INDENT}${INDENT}… and ${cycles.length - SHOWN_CYCLES} more (--json lists them)`);
  }
  const hubs = busiest(r);
  if (hubs.length > 0) {
    out.push(`${INDENT}most connected classes (held before / taken after):`);
    for (const h of hubs) out.push(`${INDENT}${INDENT}${safe(h.name)}  ${h.before} / ${h.after}`);
  }
  if (r.diagnostics && r.diagnostics.length > 0) {
    out.push(`${INDENT}notes:`);
    out.push(...r.diagnostics.map((d) => INDENT + INDENT + formatDiagnostic(d)));
  }
  return out.join('\n') + '\n';
}

function busiest(r: Report): { name: string; before: number; after: number }[] {
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  for (const d of r.dependencies) {
    after.set(d.prev, (after.get(d.prev) ?? 0) + 1);
    before.set(d.next, (before.get(d.next) ?? 0) + 1);
  }
  return r.classes
    .map((c, i) => ({
      name: c.name,
      i,
      before: before.get(c.name) ?? 0,
      after: after.get(c.name) ?? 0,
    }))
    .filter((h) => h.before + h.after > 0)
    .sort((a, b) => b.before + b.after - (a.before + a.after) || a.i - b.i)
    .slice(0, SHOWN_HUBS)
    .map(({ name, before: bf, after: af }) => ({ name, before: bf, after: af }));
}
