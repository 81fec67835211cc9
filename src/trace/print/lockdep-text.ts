// A lockscope-trace Report printed the way lockdep prints it: print_circular_bug(),
// print_deadlock_bug(), print_usage_bug(), print_irq_inversion_bug() and
// print_bad_irq_dependency() of kernel/locking/lockdep.c as of v6.12 (read in linux-next,
// ColinIanKing/linux-next 308d11b2). Differences, all documented in docs/trace-format.md: no
// kernel ident line (a trace names no kernel), no -{outer:inner} wait type (a trace does not say
// what kind of lock it is), lock instances only when the trace has them, frames as
// "func+0x0/0x0" when the trace's stack has no offsets, and no irq event stamp. A report that
// lacks the details lockdep would have (the simulator's) gets them from its cycle, stack and held
// locks, and its scenario table is made the way lockdep makes it (scenario-table.ts).
import { firstInterestingFrame } from '../../model/frame';
import type { Frame, HeldLock, Report, Scenario, ScenarioStep } from '../../model/types';
import { frameText, stackFrame, stackFrames } from '../validate/frames';
import { printDependencyPath } from './dependency-path';
import { printShowAllLocks } from './show-all-locks';
import { circularTable, recursiveTable, usageBugTable } from './scenario-table';

export function printLockdepReport(report: Report): string {
  if (report.kind === 'show-all-locks') return printShowAllLocks(report);
  const out: string[] = [];
  const d = withLockDetails(report);
  const usage = new Map(report.classes.map((c) => [c.name, c.usage ?? '....']));
  const name = (cls: string) => ` (${cls}){${usage.get(cls) ?? '....'}}`;
  const lockLine = (
    cls: string,
    address: string | undefined | null,
    at: string | undefined | null,
  ) => `${address ?? ''}${name(cls)}${at ? `, at: ${atText(at)}` : ''}`;
  const task = report.task ? `${report.task.comm}/${report.task.pid}` : 'unknown/0';
  const acquire = () => lockLine(d['acquireLock'] ?? '', d['acquireAddress'], d['acquireAt']);
  const holding = () => lockLine(d['holdingLock'] ?? '', d['holdingAddress'], d['holdingAt']);
  const headline = report.headline ?? report.title;

  out.push('');
  out.push('='.repeat(ruleLength(report)));
  out.push(headline);
  out.push('-'.repeat(ruleLength(report)));

  switch (report.kind) {
    case 'circular-dependency': {
      out.push(`${task} is trying to acquire lock:`, acquire(), '');
      out.push('but task is already holding lock:', holding(), '');
      out.push('which lock already depends on the new lock.', '', '');
      out.push('the existing dependency chain (in reverse order) is:');
      const entries = report.dependencies
        .filter((x) => x.chainEntry !== null)
        .sort((a, b) => b.chainEntry! - a.chainEntry!);
      for (const e of entries) {
        out.push('', `-> #${e.chainEntry}${name(e.next)}:`);
        for (const f of e.trace) out.push(`       ${frameText(f)}`);
      }
      out.push('', 'other info that might help us debug this:', '');
      const { scenario, chain } = circularTable(report, d['acquireLock']!, d['holdingLock']!);
      if (chain) out.push('Chain exists of:', `  ${chain.join(' --> ')}`, '');
      printScenario(out, scenario, ' Possible unsafe locking scenario:');
      break;
    }
    case 'recursive-locking':
      out.push(`${task} is trying to acquire lock:`, acquire(), '');
      out.push('but task is already holding lock:', holding(), '');
      out.push('other info that might help us debug this:');
      printScenario(
        out,
        recursiveTable(d['acquireLock']!, d['holdingLock']!),
        ' Possible unsafe locking scenario:',
      );
      out.push(' May be due to missing lock nesting notation', '');
      break;
    case 'inconsistent-lock-state':
      out.push(`inconsistent ${d['usageChange'] ?? '{?} -> {?}'} usage.`);
      out.push(`${task} [${d['irqFlags'] ?? 'HC0[0]:SC0[0]:HE1:SE1'}] takes:`, acquire());
      out.push(`{${d['registeredUsage'] ?? '?'}} state was registered at:`);
      for (const f of framesOf(d['registeredTrace'])) out.push(`  ${frameText(f)}`);
      out.push('', 'other info that might help us debug this:');
      printScenario(out, usageBugTable(d['acquireLock']!), ' Possible unsafe locking scenario:');
      break;
    case 'irq-lock-inversion': {
      const forwards = d['direction'] !== 'backwards';
      out.push(`${task} just changed the state of lock:`, acquire());
      out.push(
        forwards
          ? `but this lock took another, ${d['irqClass']}-unsafe lock in the past:`
          : `but this lock was taken by another, ${d['irqClass']}-safe lock in the past:`,
      );
      out.push(
        name(d['otherLock'] ?? ''),
        '',
        '',
        'and interrupts could create inverse lock ordering between them.',
        '',
        '',
      );
      out.push('other info that might help us debug this:');
      printIrqScenario(out, report);
      printHeld(out, report, task);
      out.push('', 'the shortest dependencies between 2nd lock and 1st lock:');
      // print_shortest_lock_dependencies(other, root): from the other lock back to this one
      const path = (d['path'] ?? '').split('\n');
      printDependencyPath(out, report, path.slice().reverse(), forwards ? 'into' : 'out-of');
      out.push('', 'stack backtrace:');
      printBacktrace(out, report);
      return out.join('\n') + '\n';
    }
    case 'safe-to-unsafe': {
      const irq = d['irqClass'] ?? 'HARDIRQ';
      out.push(
        `${task} [${d['irqFlags'] ?? 'HC0[0]:SC0[0]:HE0:SE1'}] is trying to acquire:`,
        acquire(),
        '',
      );
      out.push('and this task is already holding:', holding());
      out.push('which would create a new lock dependency:');
      out.push(`${name(d['holdingLock'] ?? '')} ->${name(d['acquireLock'] ?? '')}`, '');
      out.push(
        `but this new dependency connects a ${irq}-irq-safe lock:`,
        name(d['safeLock'] ?? ''),
        '',
      );
      out.push(`... which became ${irq}-irq-safe at:`);
      for (const f of framesOf(d['safeTrace'])) out.push(`  ${frameText(f)}`);
      out.push('', `to a ${irq}-irq-unsafe lock:`, name(d['unsafeLock'] ?? ''), '');
      out.push(`... which became ${irq}-irq-unsafe at:`, '...');
      for (const f of framesOf(d['unsafeTrace'])) out.push(`  ${frameText(f)}`);
      out.push('', 'other info that might help us debug this:', '');
      printIrqScenario(out, report);
      printHeld(out, report, task);
      out.push('', `the dependencies between ${irq}-irq-safe lock and the holding lock:`);
      // print_shortest_lock_dependencies_backwards(safe, prev): safe -> … -> prev, in order
      printDependencyPath(out, report, (d['safePath'] ?? '').split('\n').reverse(), 'backwards');
      out.push(
        '',
        'the dependencies between the lock to be acquired',
        ` and ${irq}-irq-unsafe lock:`,
      );
      printDependencyPath(out, report, (d['unsafePath'] ?? '').split('\n').reverse(), 'into');
      out.push('', 'stack backtrace:');
      printBacktrace(out, report);
      return out.join('\n') + '\n';
    }
    default:
      out.push(`${task}: lockscope cannot print a ${report.kind} report as lockdep text`);
  }
  printHeld(out, report, task);
  out.push('', 'stack backtrace:');
  printBacktrace(out, report);
  return out.join('\n') + '\n';
}

/**
 * The report's details with the lock being taken and the lock held (and their "at:") filled in
 * from its cycle, stack and held locks when it does not carry them, as the simulator's may not.
 */
function withLockDetails(report: Report): Record<string, string> {
  const d: Record<string, string> = { ...(report.details ?? {}) };
  const cycle = report.cycle ?? [];
  const firstClass = report.scenario?.steps.find((s) => s.class !== null)?.class;
  const acquire = d['acquireLock'] ?? cycle[0] ?? firstClass ?? '';
  d['acquireLock'] = acquire;
  d['holdingLock'] ??= cycle[cycle.length - 1] ?? acquire;
  // acquire_ip: the caller of the locking function
  const f = firstInterestingFrame(report.trace);
  if (f && d['acquireAt'] === undefined) d['acquireAt'] = `${f.function}+${f.offset ?? '0x0/0x0'}`;
  const held = (report.heldLocks ?? []).filter((h) => h.class === d['holdingLock'] && h.at);
  if (held.length > 0 && d['holdingAt'] === undefined) d['holdingAt'] = held[held.length - 1]!.at!;
  return d;
}

/** An "at:" as %pS prints it ("func+0x1c/0x40 [mod]"), whatever the report carries. */
function atText(at: string): string {
  const f = stackFrame(at);
  return `${f.function}+${f.offset}${f.module ? ` [${f.module}]` : ''}`;
}

/** The rule under and over the title is as long as the title in the source (§1.1 of the notes). */
function ruleLength(report: Report): number {
  return report.kind === 'safe-to-unsafe' ? 53 : (report.headline ?? report.title).length;
}

function framesOf(joined: string | undefined): Frame[] {
  return joined ? stackFrames(joined.split('\n')) : [];
}

function printScenario(out: string[], scenario: Scenario | null, header: string): void {
  const steps = scenario?.steps ?? [];
  const twoCpus = (scenario?.cpus.length ?? 1) > 1;
  out.push(header, '');
  out.push(twoCpus ? '       CPU0                    CPU1' : '       CPU0');
  out.push(twoCpus ? '       ----                    ----' : '       ----');
  for (const s of steps) out.push(stepText(s));
  out.push('', ' *** DEADLOCK ***', '');
}

function printIrqScenario(out: string[], report: Report): void {
  const steps = report.scenario?.steps ?? [];
  const safe = steps[2]?.class;
  const middle = steps[3]?.class;
  const unsafe = steps[0]?.class;
  if (middle && middle !== unsafe)
    out.push('Chain exists of:', `  ${safe} --> ${middle} --> ${unsafe}`, '');
  printScenario(out, report.scenario, ' Possible interrupt unsafe locking scenario:');
}

function stepText(s: ScenarioStep): string {
  const indent = s.cpu === 0 ? (s.inInterrupt ? '    ' : '  ') : ' '.repeat(31);
  switch (s.op) {
    case 'irq-disable':
      return `${indent}local_irq_disable();`;
    case 'interrupt':
      return `${indent}<Interrupt>`;
    default:
      return `${indent}${s.op}(${s.class ?? ''});`;
  }
}

function printHeld(out: string[], report: Report, task: string): void {
  // lockdep_print_held_locks(curr): the reporting task's locks only
  const t = report.task;
  const held: HeldLock[] = (report.heldLocks ?? []).filter(
    (h) => !h.task || !t || (h.task.comm === t.comm && h.task.pid === t.pid),
  );
  if (held.length === 0) {
    out.push(`no locks held by ${task}.`);
    return;
  }
  out.push(`${held.length} lock${held.length > 1 ? 's' : ''} held by ${task}:`);
  const usage = new Map(report.classes.map((c) => [c.name, c.usage ?? '....']));
  for (const h of held) {
    const at = h.at ? `, at: ${atText(h.at)}` : '';
    // before 4.16 no instance was printed and print_lock_name()'s leading space made two
    const address = h.address ?? '';
    out.push(` #${h.index}: ${address} (${h.class}){${usage.get(h.class) ?? '....'}}${at}`);
  }
}

function printBacktrace(out: string[], report: Report): void {
  for (const f of report.trace) out.push(` ${frameText(f)}`);
}
