// One lock operation of a context, checked and emitted as a step: acquire and release matched
// (the right unlock for the lock, held here, nested fence sections collapsed as dma-fence.c does),
// interrupts and bottom halves turned off and on, no sleeping in a handler.
import type { Context, Held, SimLock, Step } from '../program';
import type { Call, Pos } from './ast';
import { matchingUnlock, type OpSpec } from './operations';

export interface Hold extends Held {
  op: string;
  line: number;
  column: number;
  /** irqsave: were interrupts off before */
  savedIrqOff: boolean;
}

/** What a context holds and has turned off at the point being compiled. */
export interface ContextState {
  holds: Hold[];
  irqOff: boolean;
  bh: number;
  fence: number;
}

export type EmitStep = (s: Omit<Step, 'stack'>, stack: string[], waitIrqOff: boolean) => void;

/** What an operation needs from the compiler: errors, and the locks its arguments name. */
export interface OpCompiler {
  error(at: Pos, message: string): void;
  implicit(name: 'dma_fence_map' | 'cpu_hotplug_lock'): SimLock;
  lockArg(call: Call, spec: OpSpec): SimLock | null;
}

export function compileOp(
  c: OpCompiler,
  call: Call,
  spec: OpSpec,
  stack: string[],
  st: ContextState,
  where: string,
  handler: boolean,
  emit: EmitStep,
  ctx: Context,
): void {
  if (spec.sleeps && handler)
    c.error(
      call,
      `${call.name}() may sleep, and ${where} runs in interrupt context where sleeping is not allowed`,
    );
  let lock: SimLock | null;
  if (spec.implicit) {
    if (call.args.length > (spec.ignoresArg ? 1 : 0))
      c.error(call.args[0]!, `${call.name}() takes no lock argument`);
    lock = c.implicit(spec.implicit);
  } else if (spec.kinds) lock = c.lockArg(call, spec);
  else {
    if (call.args.length > 0) c.error(call.args[0]!, `${call.name}() takes no arguments`);
    lock = null;
  }
  if (spec.kinds && !lock) return;
  const subclass = spec.extra === 'subclass' ? Number(call.args[1]?.path ?? 0) || 0 : 0;
  const base = {
    kind: spec.step,
    lock: lock?.id ?? -1,
    mode: spec.mode,
    irq: spec.irq,
    subclass,
    try: spec.try ?? false,
    text: call.text,
    op: call.name,
    line: call.line,
    column: call.column,
    endColumn: call.endColumn,
  };
  const pc = ctx.steps.length;
  switch (spec.step) {
    case 'acquire': {
      if (lock!.kind === 'fence' && st.fence++ > 0) return; // nested signalling section: no-op, as in dma-fence.c
      const wasOff = st.irqOff;
      const waitOff = spec.irq === 'irq' || spec.irq === 'irqsave' ? true : st.irqOff;
      emit(base, stack, waitOff);
      if (spec.irq === 'irq' || spec.irq === 'irqsave') st.irqOff = true;
      if (spec.irq === 'bh') st.bh++;
      st.holds.push({
        lock: lock!.id,
        mode: spec.mode,
        at: pc,
        op: call.name,
        line: call.line,
        column: call.column,
        savedIrqOff: wasOff,
      });
      return;
    }
    case 'release': {
      if (lock!.kind === 'fence' && st.fence > 1) {
        st.fence--;
        return;
      }
      let at = -1;
      for (let i = st.holds.length - 1; i >= 0 && at < 0; i--)
        if (st.holds[i]!.lock === lock!.id) at = i;
      const shown = lock!.kind === 'fence' ? 'the fence signalling section' : lock!.name;
      if (at < 0) {
        c.error(
          call,
          `${call.name}(): ${shown} is not held here (${where} has not taken it${lock!.kind === 'fence' ? ': expected dma_fence_begin_signalling() first' : ''})`,
        );
        return;
      }
      const h = st.holds[at]!;
      const expected = matchingUnlock(h.op).replace(/^raw_/, '');
      if (expected !== call.name.replace(/^raw_/, ''))
        c.error(
          call,
          `expected ${expected}() to release ${shown}, taken by ${h.op}() at ${h.line}:${h.column}; found ${call.name}()`,
        );
      if (lock!.kind === 'fence') st.fence--;
      emit(base, stack, st.irqOff);
      st.holds.splice(at, 1);
      if (spec.irq === 'irq') st.irqOff = false;
      if (spec.irq === 'irqsave') st.irqOff = h.savedIrqOff;
      if (spec.irq === 'bh') st.bh = Math.max(0, st.bh - 1);
      return;
    }
    case 'irq-off':
    case 'irq-on':
      if (ctx.kind === 'hardirq')
        c.error(call, `interrupts stay off in an irq handler: ${call.name}() does not belong here`);
      emit(base, stack, st.irqOff);
      st.irqOff = spec.step === 'irq-off';
      return;
    case 'bh-off':
    case 'bh-on':
      if (spec.step === 'bh-on' && st.bh === 0)
        c.error(call, 'local_bh_enable() without a local_bh_disable() before it');
      emit(base, stack, st.irqOff);
      st.bh = spec.step === 'bh-off' ? st.bh + 1 : Math.max(0, st.bh - 1);
      return;
    default:
      emit(base, stack, st.irqOff);
  }
}
