// What the validator found, before it becomes a Report: the lockdep print_*_bug() arguments.
import type { LockMode } from '../types';
import type { PathNode, Site } from './dependency-graph';

/** A held_lock: one acquisition of a class, on a thread's held-lock stack. */
export interface HeldLock {
  cls: string;
  instance: string | undefined;
  mode: LockMode;
  try: boolean;
  /** irq_context: 2 in hardirq, 1 in softirq, 0 in task context (as lockdep's chains split) */
  ctx: number;
  /** irqs were off when it was taken (hlock->hardirqs_off) */
  hardirqsOff: boolean;
  site: Site;
}

/** The task state lockdep prints as [HC%u[%lu]:SC%u[%lu]:HE%u:SE%u]. */
export interface IrqFlags {
  hardirqDepth: number;
  softirqDepth: number;
  hardirqsOn: boolean;
  softirqsOn: boolean;
}

interface Common {
  thread: string;
  /** the event the report is about (the acquisition or the irq state change) */
  site: Site;
  /** the thread's held locks at that moment, outermost first */
  held: HeldLock[];
  /** usage characters of every class named, as they were when the problem was found */
  usage: Map<string, string>;
}

export interface CircularFinding extends Common {
  kind: 'circular-dependency';
  next: HeldLock;
  prev: HeldLock;
  /** the existing path next -> … -> prev (root first); the new edge prev -> next closes it */
  path: PathNode[];
}

export interface RecursiveFinding extends Common {
  kind: 'recursive-locking';
  next: HeldLock;
  prev: HeldLock;
}

export interface UsageFinding extends Common {
  kind: 'inconsistent-lock-state';
  lock: HeldLock;
  prevBit: number;
  newBit: number;
  registered: Site | undefined;
  flags: IrqFlags;
}

export interface InversionFinding extends Common {
  kind: 'irq-lock-inversion';
  lock: HeldLock;
  /** true: this lock took another, unsafe lock (forwards); false: a safe lock took this one */
  forwards: boolean;
  irqClass: string;
  /** this -> … -> other (forwards) or this <- … <- other (backwards), root first */
  path: PathNode[];
}

export interface SafeToUnsafeFinding extends Common {
  kind: 'safe-to-unsafe';
  prev: HeldLock;
  next: HeldLock;
  irqClass: string;
  safe: string;
  unsafe: string;
  safeBit: number;
  unsafeBit: number;
  safeSite: Site | undefined;
  unsafeSite: Site | undefined;
  /** prev <- … <- safe (backwards from prev), root first */
  backPath: PathNode[];
  /** next -> … -> unsafe, root first */
  forwardPath: PathNode[];
  flags: IrqFlags;
}

export type Finding =
  CircularFinding | RecursiveFinding | UsageFinding | InversionFinding | SafeToUnsafeFinding;
