// The validator's main loop: replay a trace event by event the way lockdep sees a running kernel
// (lock_acquire -> __lock_acquire, lock_release -> __lock_release, the irq state hooks).
import { lockClassOf, type TraceEvent } from '../types';
import type { Site } from './dependency-graph';
import type { HeldLock } from './findings';
import { irqContext, LockdepState, type ThreadState } from './lockdep-state';
import { markHeldLocks, markUsage } from './mark-usage';
import { ENABLED_HARDIRQ, ENABLED_SOFTIRQ } from './usage-bits';
import { validateChain } from './validate-chain';

export interface ReplayOptions {
  /** stop after the first problem, as lockdep does (it turns itself off); default: report each distinct one */
  stopAfterFirst?: boolean;
}

export interface ReplayNote {
  event: number;
  line: number | undefined;
  message: string;
}

export interface Replay {
  state: LockdepState;
  notes: ReplayNote[];
}

export function replayTrace(events: readonly TraceEvent[], opts: ReplayOptions = {}): Replay {
  const s = new LockdepState(opts.stopAfterFirst ?? false);
  const notes: ReplayNote[] = [];
  let unmatched = 0;
  let firstUnmatched: ReplayNote | null = null;
  for (let i = 0; i < events.length && !s.stopped; i++) {
    const ev = events[i]!;
    const t = s.thread(ev.thread);
    const site: Site = { event: i, thread: ev.thread, stack: ev.stack ?? [], line: ev.line };
    const note = (message: string) => notes.push({ event: i, line: ev.line, message });
    switch (ev.op) {
      case 'acquire': {
        const h: HeldLock = {
          cls: lockClassOf(ev),
          instance: ev.instance,
          mode: ev.mode ?? 'write',
          try: ev.try ?? false,
          ctx: irqContext(t),
          hardirqsOff: !t.hardirqsOn || t.hardirqDepth > 0,
          site,
        };
        s.classOf(h.cls);
        markUsage(s, t, h, site);
        validateChain(s, t, t.held, h);
        t.held.push(h);
        break;
      }
      case 'release': {
        const cls = lockClassOf(ev);
        const at = findHeld(t, cls, ev.instance);
        if (at < 0) {
          // a lock taken before the trace began, typically: not lockdep's "bad unlock balance"
          unmatched++;
          firstUnmatched ??= {
            event: i,
            line: ev.line,
            message: `${ev.thread} released ${cls}, which it did not hold in the trace`,
          };
          break;
        }
        // __lock_release() of a lock that is not the last one: the ones above it are re-acquired
        const above = t.held.splice(at);
        above.shift();
        for (const h of above) {
          validateChain(s, t, t.held, h);
          t.held.push(h);
        }
        break;
      }
      case 'hardirq-off':
        t.hardirqsOn = false;
        break;
      case 'hardirq-on':
        if (t.hardirqDepth > 0) {
          note(`${ev.thread} enabled hardirqs inside a hardirq handler: ignored, as lockdep does`);
        } else if (!t.hardirqsOn) {
          t.hardirqsOn = true;
          markHeldLocks(s, t, ENABLED_HARDIRQ, site);
          if (t.softirqsOn) markHeldLocks(s, t, ENABLED_SOFTIRQ, site);
        }
        break;
      case 'softirq-off':
        t.softirqsOn = false;
        break;
      case 'softirq-on':
        if (!t.softirqsOn) {
          t.softirqsOn = true;
          if (t.hardirqsOn && t.hardirqDepth === 0) markHeldLocks(s, t, ENABLED_SOFTIRQ, site);
        }
        break;
      case 'hardirq-enter':
        t.saved.push({ hardirqsOn: t.hardirqsOn, softirqsOn: t.softirqsOn });
        t.hardirqsOn = false;
        t.hardirqDepth++;
        break;
      case 'softirq-enter':
        // __do_softirq() runs the handlers with softirqs off and hardirqs on
        t.saved.push({ hardirqsOn: t.hardirqsOn, softirqsOn: t.softirqsOn });
        t.softirqsOn = false;
        t.hardirqsOn = true;
        t.softirqDepth++;
        break;
      case 'hardirq-exit':
      case 'softirq-exit': {
        const hard = ev.op === 'hardirq-exit';
        if ((hard ? t.hardirqDepth : t.softirqDepth) === 0) {
          note(`${ev.thread}: ${ev.op} without a matching ${hard ? 'hardirq' : 'softirq'}-enter`);
          break;
        }
        if (hard) t.hardirqDepth--;
        else t.softirqDepth--;
        const back = t.saved.pop();
        if (back) {
          t.hardirqsOn = back.hardirqsOn;
          t.softirqsOn = back.softirqsOn;
        }
        break;
      }
    }
  }
  if (firstUnmatched) {
    const more = unmatched > 1 ? ` (and ${unmatched - 1} more like it)` : '';
    notes.push({ ...firstUnmatched, message: `${firstUnmatched.message}${more}: ignored` });
  }
  return { state: s, notes };
}

/** The most recent acquisition of this class (of this instance, when both name one). */
function findHeld(t: ThreadState, cls: string, instance: string | undefined): number {
  for (let k = t.held.length - 1; k >= 0; k--) {
    const h = t.held[k]!;
    if (h.cls !== cls) continue;
    if (instance && h.instance && instance !== h.instance) continue;
    return k;
  }
  // ftrace's lock_release prints the lockdep_map name, without a subclass
  for (let k = t.held.length - 1; k >= 0; k--) {
    const h = t.held[k]!;
    if (instance && h.instance === instance) return k;
    if (h.cls.replace(/\/\d$/, '') === cls) return k;
  }
  return -1;
}
