// Reads ftrace text of the lock tracepoints (include/trace/events/lock.h): lock_acquire's
// TP_printk("%p %s%s%s", lockdep_addr, "try ", "read ", name) and lock_release's ("%p %s"), older
// kernels' "%s%s%s" without the address, plus irq_handler_entry/exit, softirq_entry/exit,
// irq_disable/irq_enable (preemptirq) and the latency flags column, as the trace file and
// `trace-cmd report` print them. lock_contended/lock_acquired are timing only: skipped.
import type { TraceEvent } from '../types';
import { parseFtraceLine, readLatencyFlags, type FtraceLine } from './ftrace-line';
import type { TraceError } from './types';

/** "0000000012345678 ", "ffff888012345678 ", "0xffff888012345678 ", "(____ptrval____) " */
const ADDRESS = /^(?:0x)?([0-9a-fA-F]{8,16}|\(____ptrval____\))\s+/;

interface ThreadIrq {
  hardirq: boolean;
  softirq: boolean;
  irqsOff: boolean;
  bhOff: boolean;
}

export function readFtrace(text: string): { events: TraceEvent[]; errors: TraceError[] } {
  const events: TraceEvent[] = [];
  const errors: TraceError[] = [];
  const irq = new Map<string, ThreadIrq>();
  const lines = text.split(/\r\n|\r|\n/);
  let last: TraceEvent | null = null;
  let inStack = false;
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    // the stacktrace option: " => _raw_spin_lock+0x2a/0x40" after a "<stack trace>" line
    const frame = /^\s*=> (\S.{0,300})$/.exec(raw);
    if (frame) {
      if (inStack && last) {
        last.stack ??= [];
        const fn = frame[1]!.trim();
        if (!(last.stack.length === 0 && LOCKDEP_MACHINERY.test(fn))) last.stack.push(fn);
      }
      continue;
    }
    const l = parseFtraceLine(raw);
    if (!l) continue;
    seen++;
    inStack = l.event === '<stack trace>';
    if (inStack) continue;
    const t = irq.get(l.task) ?? { hardirq: false, softirq: false, irqsOff: false, bhOff: false };
    irq.set(l.task, t);
    const base = { thread: l.task, time: l.time, line: lineNo };
    const emit = (e: TraceEvent) => {
      events.push(e);
      return e;
    };
    switch (l.event) {
      case 'lock_acquire':
      case 'lock_release': {
        syncFlags(l, t, (op) => emit({ ...base, op }));
        const lock = readLockPayload(l.payload, l.event === 'lock_acquire');
        if (!lock) {
          errors.push({
            line: lineNo,
            message: `${l.event} without a lock name: "${l.payload.slice(0, 80)}"`,
          });
          break;
        }
        const e: TraceEvent = {
          ...base,
          op: l.event === 'lock_acquire' ? 'acquire' : 'release',
          lock: lock.name,
        };
        if (lock.instance) e.instance = lock.instance;
        if (lock.try) e.try = true;
        // queued rwlock readers are recursive only in interrupt context (read_lock_is_recursive())
        if (lock.read) e.mode = t.hardirq || t.softirq ? 'recursive-read' : 'read';
        last = emit(e);
        break;
      }
      case 'irq_handler_entry':
        if (!t.hardirq) emit({ ...base, op: 'hardirq-enter' });
        t.hardirq = true;
        break;
      case 'irq_handler_exit':
        if (t.hardirq) emit({ ...base, op: 'hardirq-exit' });
        t.hardirq = false;
        break;
      case 'softirq_entry':
        if (!t.softirq) emit({ ...base, op: 'softirq-enter' });
        t.softirq = true;
        break;
      case 'softirq_exit':
        if (t.softirq) emit({ ...base, op: 'softirq-exit' });
        t.softirq = false;
        break;
      case 'irq_disable':
        if (!t.hardirq && !t.irqsOff) emit({ ...base, op: 'hardirq-off' });
        if (!t.hardirq) t.irqsOff = true;
        break;
      case 'irq_enable':
        if (!t.hardirq && t.irqsOff) emit({ ...base, op: 'hardirq-on' });
        if (!t.hardirq) t.irqsOff = false;
        break;
      default:
        break;
    }
  }
  if (events.every((e) => e.op !== 'acquire')) {
    errors.push({
      line: null,
      message:
        seen === 0
          ? 'no ftrace event lines found (expected lines like "task-123 [000] d..1. 100.000001: lock_acquire: 00000000abcd1234 &lock")'
          : `no lock_acquire events among ${seen} ftrace lines: enable the lock:lock_acquire and lock:lock_release tracepoints (CONFIG_LOCKDEP and CONFIG_TRACEPOINTS)`,
    });
  }
  return { events, errors };
}

/** lockdep's own frames at the top of a stack: the acquisition is what called them */
const LOCKDEP_MACHINERY =
  /^(?:lock_acquire|lock_release|__lock_acquire|__lock_release|trace_lock_\w+|__traceiter_lock_\w+)(?:[.+\s]|$)/;

function readLockPayload(
  payload: string,
  acquire: boolean,
): { name: string; instance?: string; try: boolean; read: boolean } | null {
  let p = payload.trim();
  let instance: string | undefined;
  const a = ADDRESS.exec(p);
  if (a && p.length > a[0].length) {
    instance = a[1]!.startsWith('(') ? undefined : a[1]!.toLowerCase();
    p = p.slice(a[0].length);
  }
  let isTry = false;
  let read = false;
  if (acquire && p.startsWith('try ')) {
    isTry = true;
    p = p.slice(4);
  }
  if (acquire && p.startsWith('read ')) {
    read = true;
    p = p.slice(5);
  }
  const name = p.trim();
  if (!name) return null;
  return { name, ...(instance ? { instance } : {}), try: isTry, read };
}

/** Make the thread's irq state what the flags column says, with synthetic events before this one. */
function syncFlags(l: FtraceLine, t: ThreadIrq, emit: (op: TraceEvent['op']) => void): void {
  if (!l.flags) return;
  const f = readLatencyFlags(l.flags);
  if (f.softirq !== t.softirq) {
    if (f.softirq && t.hardirq) {
      emit('hardirq-exit');
      t.hardirq = false;
    }
    emit(f.softirq ? 'softirq-enter' : 'softirq-exit');
    t.softirq = f.softirq;
  }
  if (f.hardirq !== t.hardirq) {
    emit(f.hardirq ? 'hardirq-enter' : 'hardirq-exit');
    t.hardirq = f.hardirq;
  }
  if (t.hardirq || t.softirq) return; // the handler's own irq state is implied
  if (f.irqsOff !== t.irqsOff) {
    emit(f.irqsOff ? 'hardirq-off' : 'hardirq-on');
    t.irqsOff = f.irqsOff;
  }
  if (f.bhOff !== null && f.bhOff !== t.bhOff) {
    emit(f.bhOff ? 'softirq-off' : 'softirq-on');
    t.bhOff = f.bhOff;
  }
}
