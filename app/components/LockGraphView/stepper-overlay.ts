// What the stepper draws over the lock graph at one step, in lock-class terms: a badge per CPU
// on each lock it holds, a wait-for arrow from the CPU to the lock it spins on, what this step
// changed, and at a deadlock the waits that close the cycle. Pure: useStepperOverlay draws it.
import type { StepperModel } from '../../store';

export interface OverlayBadge {
  id: string;
  cpu: number;
  /** the lock class it sits beside */
  lock: string;
  /** "CPU3", "CPU0 irq" (held by the interrupt handler), "CPU4 read" */
  label: string;
  /**
   * a waiter drawn on its own, under the lock it wants: a CPU that holds nothing yet, or one
   * that wants a lock it holds itself ("CPU0 again", "CPU0 softirq" for its interrupt handler)
   */
  waitingOnly: boolean;
}

export interface OverlayWait {
  id: string;
  cpu: number;
  /** the badge the arrow starts from */
  from: string;
  /** the lock class it waits for */
  lock: string;
  /** "softirq handler" when the wait is the interrupt handler's */
  label: string;
  inCycle: boolean;
}

export interface StepperOverlay {
  badges: OverlayBadge[];
  waits: OverlayWait[];
  /** ids of badges, waits and lock classes that this step changed */
  changed: string[];
  /** lock classes on the cycle of waits (deadlocked only) */
  cycleLocks: string[];
}

export const NO_OVERLAY: StepperOverlay = Object.freeze({
  badges: [],
  waits: [],
  changed: [],
  cycleLocks: [],
}) as StepperOverlay;

const badgeId = (cpu: number, lock: string, inIrq: boolean) =>
  `step:hold:${cpu}:${inIrq ? 'irq:' : ''}${lock}`;

export function stepperOverlay(model: StepperModel | null): StepperOverlay {
  if (!model) return NO_OVERLAY;
  const { scenario, state } = model;
  const badges: OverlayBadge[] = [];
  const waits: OverlayWait[] = [];
  const cycle = model.cycle ?? [];
  const changed: string[] = [];
  const last = state.last;
  const lastOp = last ? scenario.cpus[last.cpu]?.ops[last.op] : undefined;

  state.cpus.forEach((cpu, i) => {
    const name = scenario.cpus[i]?.name ?? `CPU${i}`;
    let own: OverlayBadge | null = null;
    for (const h of cpu.holds) {
      const id = badgeId(i, h.class, h.inInterrupt);
      const extra = h.inInterrupt ? ' irq' : h.mode === 'read' ? ' read' : '';
      own = badges.find((b) => b.id === id) ?? null;
      if (!own) {
        own = { id, cpu: i, lock: h.class, label: name + extra, waitingOnly: false };
        badges.push(own);
      }
    }
    const op = scenario.cpus[i]?.ops[cpu.pc];
    if (!cpu.waiting || !op?.class) return;
    const handler = op.inInterrupt ? scenario.interruptName : '';
    // an arrow from a badge into the lock it sits beside would be too short to see
    if (own === null || own.lock === op.class) {
      const again = own === null ? '' : ' again';
      own = {
        id: `step:idle:${i}`,
        cpu: i,
        lock: op.class,
        label: handler ? `${name} ${handler}` : name + again,
        waitingOnly: true,
      };
      badges.push(own);
    }
    waits.push({
      id: `step:wait:${i}`,
      cpu: i,
      from: own.id,
      lock: op.class,
      label: handler && !own.waitingOnly ? `${handler} handler` : '',
      inCycle: cycle.some((e) => e.waiter === i),
    });
  });

  if (last && lastOp) {
    const cls = lastOp.class;
    if (last.outcome === 'took' && cls) {
      changed.push(badgeId(last.cpu, cls, lastOp.inInterrupt), cls);
    } else if (last.outcome === 'waits') {
      changed.push(`step:wait:${last.cpu}`);
    } else if ((last.outcome === 'released' || last.outcome === 'synced') && cls) {
      changed.push(cls);
    } else {
      for (const b of badges) if (b.cpu === last.cpu) changed.push(b.id);
    }
  }
  return { badges, waits, changed, cycleLocks: [...new Set(cycle.map((e) => e.class))] };
}
