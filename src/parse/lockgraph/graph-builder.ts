// What the three whole-graph readers share: classes and dependencies collected once each in
// first-seen order, and the finished lock-graph report with its cycles and title.
import { representativeCycles } from '../../graph/representative-cycles';
import { emptyReport } from '../../model/report';
import type { Diagnostic, Format, LockClass, Report } from '../../model/types';
import type { CleanLine } from '../clean/types';

export class GraphBuilder {
  /** in print order */
  private readonly classes: Printed[] = [];
  /** every class in first-seen order, printed or only named by a dependency */
  private readonly named: Printed[] = [];
  private readonly byName = new Map<string, Printed>();
  private readonly seen = new Set<string>();
  readonly dependencies: Report['dependencies'] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** classes printed more than once (a dump read twice, or two dumps pasted together) */
  repeated = 0;
  firstRepeat: number | null = null;

  /** `repeats`: a class may be printed many times (chains) without that being worth a note */
  constructor(private readonly repeats = false) {}

  get classCount(): number {
    return this.named.length;
  }

  /** A class as its own line prints it; a repeat keeps the first usage printed. */
  addClass(name: string, usage: string | null, line: number): void {
    const known = this.byName.get(name);
    if (!known) {
      this.pushClass(name, usage, true);
      return;
    }
    if (known.printed) {
      if (!this.repeats) {
        this.repeated++;
        this.firstRepeat ??= line;
      }
    } else {
      // named by a dependency line first: it takes its place in print order now
      known.printed = true;
      this.classes.push(known);
    }
    if (known.usage === null) known.usage = usage;
  }

  /** `next` acquired while `prev` held; a class first named here is added without usage. */
  addDependency(prev: string, next: string): void {
    if (!this.byName.has(prev)) this.pushClass(prev, null, false);
    if (!this.byName.has(next)) this.pushClass(next, null, false);
    const key = `${prev}\u0000${next}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.dependencies.push({ prev, next, trace: [], chainEntry: null, isNew: false });
  }

  /** Classes named only in dependency lines (never on a line of their own). */
  unprinted(): string[] {
    return this.named.filter((c) => !c.printed).map((c) => c.name);
  }

  private pushClass(name: string, usage: string | null, printed: boolean): void {
    const c: Printed = { name, usage, waitType: null, printed };
    this.byName.set(name, c);
    if (printed) this.classes.push(c);
    this.named.push(c);
  }

  note(line: number | null, severity: Diagnostic['severity'], message: string): void {
    this.diagnostics.push({ line, severity, message });
  }

  /** The report: lines[start] to lines[last] (inclusive) of the cleaned text. */
  finish(
    format: Format,
    lines: readonly CleanLine[],
    start: number,
    last: number,
    details: Record<string, string>,
  ): Report {
    const report = emptyReport(format, 'lock-graph', {
      start: lines[start]!.origin,
      end: lines[last]!.originEnd,
    });
    // the bookkeeping flag stays out of the JSON
    // print order, then the classes only a dependency line names
    const unprinted = this.named.filter((c) => !c.printed);
    report.classes = [...this.classes, ...unprinted].map((c) => ({
      name: c.name,
      usage: c.usage,
      waitType: c.waitType,
    }));
    report.dependencies = this.dependencies;
    if (this.repeated > 0) {
      this.note(
        this.firstRepeat,
        'info',
        `${this.repeated} classes are printed more than once (two dumps pasted together?); each is listed once`,
      );
    }
    const found = representativeCycles(
      report.classes.map((c) => c.name),
      report.dependencies,
    );
    report.cycles = found.cycles;
    report.cycle = found.cycles[0] ?? null;
    if (found.components > found.cycles.length) {
      this.note(
        lines[start]!.origin,
        'info',
        `${found.components} groups of classes lie on cycles; one cycle is listed for the first ${found.cycles.length}`,
      );
    }
    report.title = graphTitle(report.classes.length, report.dependencies.length, found.components);
    report.details = { ...details, components: String(found.components) };
    report.diagnostics = this.diagnostics;
    report.spans = [{ line: lines[start]!.origin, role: 'title', ref: null }];
    return report;
  }
}

interface Printed extends LockClass {
  /** seen on a line of its own, not only as a dependency's end */
  printed: boolean;
}

/** "lock graph: 8000 classes, 32000 dependencies, 2 cycles" (cycles = components with one). */
export function graphTitle(classes: number, dependencies: number, cycles: number): string {
  return `lock graph: ${plural(classes, 'class', 'classes')}, ${plural(dependencies, 'dependency', 'dependencies')}, ${plural(cycles, 'cycle', 'cycles')}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
