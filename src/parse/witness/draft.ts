// A report being assembled by one of the WITNESS readers: classes once each, spans, diagnostics.
import type { Format, Frame, LockClass, WitnessKind } from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { ParsedReport } from '../format';
import { ReportDraft } from '../report-draft';

/** What a line says about a lock besides its name. */
export interface ClassInfo {
  /** the witness type, only when printed (or named by a header such as the duplicate-lock one) */
  witnessType?: string | null;
  /** lc_name: "sleep mutex", "lockmgr", "rwlock" */
  lockKind?: string | null;
}

export class Draft extends ReportDraft {
  private readonly classes = new Map<string, LockClass>();
  private readonly typeClashes = new Set<string>();

  constructor(lines: readonly CleanLine[], start: number, format: Format, kind: WitnessKind) {
    super(lines, start, format, kind, lines[start]!.text.trim());
  }

  /**
   * Adds the lock class `name` (the lock name before " (", as the contract names WITNESS locks),
   * or fills in what an earlier line did not say about it. A name printed with two different
   * witness types keeps the first and says so: the graph cannot tell the two apart.
   */
  addClass(name: string, info: ClassInfo = {}): void {
    let c = this.classes.get(name);
    if (!c) {
      c = { name, usage: null, waitType: null };
      this.classes.set(name, c);
      this.report.classes.push(c);
    }
    if (info.witnessType) {
      if (c.witnessType === undefined) c.witnessType = info.witnessType;
      else if (c.witnessType !== info.witnessType && !this.typeClashes.has(name)) {
        this.typeClashes.add(name);
        this.diag(
          null,
          'warning',
          `Two locks named "${name}" have different witness types ("${c.witnessType}", "${info.witnessType}"); the graph shows them as one lock class.`,
        );
      }
    }
    if (info.lockKind && c.lockKind === undefined) c.lockKind = info.lockKind;
  }

  addDependency(prev: string, next: string, trace: Frame[], isNew: boolean): void {
    this.addClass(prev);
    this.addClass(next);
    this.report.dependencies.push({ prev, next, trace, chainEntry: null, isNew });
  }

  finish(): ParsedReport {
    return this.complete();
  }
}

/** Index of the next non-blank line at or after i (blank lines are doubled in some pastes). */
export function nextNonBlank(lines: readonly CleanLine[], i: number, limit = 3): number {
  let j = i;
  while (j < lines.length && j - i < limit && lines[j]!.text.trim() === '') j++;
  return j < lines.length && lines[j]!.text.trim() !== '' ? j : -1;
}
