// The interleaving lockdep never prints: one CPU per lock of the cycle c0 … cn-1, CPU k holding
// ck and then wanting c(k+1), that acquisition tied to the stack of the dependency ck -> c(k+1)
// (its "-> #k+1" entry; for WITNESS the established and attempted orders).
import { makeFrame } from '../model/frame';
import type { Report } from '../model/types';
import {
  acquireMode,
  dependencyFrame,
  findDependency,
  heldLockFrame,
  makeCpu,
  makeOp,
} from './program';
import { MAX_CPUS, encodeSchedule } from './schedule';
import type { Cpu, Op } from './types';

function isWitness(report: Report): boolean {
  return report.format === 'freebsd-witness' || report.format === 'openbsd-witness';
}

function letterName(k: number): string {
  return k < 26 ? `Thread ${String.fromCharCode(65 + k)}` : `Thread ${k}`;
}

/** The thread a userspace report says took `wanted` while holding `held`, or holds `held`. */
function reportedThread(report: Report, held: string, wanted: string): string | null {
  const dep = report.dependencies.find((d) => d.prev === held && d.next === wanted && d.thread);
  const name = dep?.thread ?? report.heldLocks?.find((h) => h.class === held && h.thread)?.thread;
  if (!name) return null;
  // TSan: "thread T146" is T146 in its own "Thread T146 (tid=…) created by" lines
  if (report.format === 'tsan') return name.replace(/^thread (T\d{1,9})$/, '$1');
  // jstack quotes names, and they hold spaces: "DolphinScheduler connection adder"
  if (report.format === 'java') return `"${name}"`;
  return name;
}

/**
 * Who plays each lock of the cycle: lockdep's CPU0, CPU1, …; for userspace reports the thread the
 * report names (T1, Thread #27, "Worker-Execute-Thread" in jstack's quotes) where each name is
 * given and names one participant only (TSan may show one thread taking both orders); the rest,
 * and WITNESS (which names no threads), Thread A, B, ….
 */
function cpuNames(report: Report, cycle: readonly string[]): string[] {
  if (report.format === 'linux-lockdep' || report.format === 'lockscope-trace')
    return cycle.map((_, k) => `CPU${k}`);
  const n = cycle.length;
  const named = cycle.map((held, k) => reportedThread(report, held, cycle[(k + 1) % n]!));
  const count = new Map<string, number>();
  for (const x of named) if (x) count.set(x, (count.get(x) ?? 0) + 1);
  const names = named.map((x) => (x && count.get(x) === 1 ? x : null));
  const taken = new Set(names.filter((x): x is string => x !== null));
  let letter = 0;
  return names.map((x) => {
    if (x) return x;
    while (taken.has(letterName(letter))) letter++;
    return letterName(letter++);
  });
}

/** WITNESS prints where the reporting thread took 1st and is taking 2nd: " 1st 0x… ufs (ufs, lockmgr) @ /usr/src/sys/kern/vfs_subr.c:3269". */
function witnessSite(report: Report, which: '1st' | '2nd'): Op['where'] {
  const line = report.details?.[which];
  const at = line?.lastIndexOf(' @ ') ?? -1;
  if (!line || at < 0) return null;
  const loc = line.slice(at + 3).trim();
  const colon = loc.lastIndexOf(':');
  const lineNo = colon > 0 ? Number(loc.slice(colon + 1)) : NaN;
  const file = Number.isInteger(lineNo) ? loc.slice(0, colon) : loc;
  const lineOrNull = Number.isInteger(lineNo) ? lineNo : null;
  return makeFrame({ function: '', file, line: lineOrNull });
}

export interface CycleScenario {
  cpus: Cpu[];
  schedule: string;
  notes: string[];
}

/** Null when the report has no cycle of two or more locks, or more locks than a schedule can name. */
export function cyclePrograms(report: Report): CycleScenario | null {
  const cycle = report.cycle;
  if (!cycle || cycle.length < 2 || cycle.length > MAX_CPUS) return null;
  const n = cycle.length;
  const notes: string[] = [];
  const names = cpuNames(report, cycle);
  const cpus = cycle.map((held, k): Cpu => {
    const wanted = cycle[(k + 1) % n]!;
    const before = cycle[(k + n - 1) % n]!;
    const path = findDependency(report, held, wanted);
    const pathDep = path === null ? null : report.dependencies[path];
    const name = names[k]!;
    if (!pathDep || pathDep.prev !== held)
      notes.push(`The report shows no stack for ${held} -> ${wanted}.`);

    // the reporting task (the new dependency) took its held lock where its held-locks list says
    const reporter = pathDep?.isNew === true;
    const ownSite = reporter
      ? (heldLockFrame(report, held) ?? (isWitness(report) ? witnessSite(report, '1st') : null))
      : null;
    const into = findDependency(report, before, held);
    const first = makeOp({
      op: 'lock',
      class: held,
      modeGuessed: true,
      where: ownSite ?? dependencyFrame(report, into),
      whereIsOwn: ownSite !== null,
      dependency: ownSite ? null : into,
    });

    const mode = acquireMode(pathDep?.trace ?? []);
    let where = dependencyFrame(report, path);
    if (!where && reporter && isWitness(report)) where = witnessSite(report, '2nd');
    const second = makeOp({
      op: mode === 'read' ? 'rlock' : 'lock',
      class: wanted,
      modeGuessed: mode === null,
      where,
      whereIsOwn: where !== null,
      dependency: path,
    });
    if (mode === 'read') {
      const holder = names[(k + 1) % n]!;
      notes.push(
        `${name} takes ${wanted} for reading; the report does not say how ${holder} holds it, taken here as exclusive. ` +
          `If ${holder} only reads it too, ${name} waits only behind a queued writer.`,
      );
    }
    return makeCpu(name, [first, second], path);
  });
  const order = cycle.map((_, k) => k);
  const who = report.format === 'linux-lockdep' ? 'CPU' : 'thread';
  notes.unshift(
    `Each ${who} is shown taking its first lock exclusively: the report does not say how it was taken.`,
  );
  return { cpus, schedule: encodeSchedule([...order, ...order]), notes };
}
