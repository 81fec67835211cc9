// Backtrace frames as printk's %pS / print_ip_sym and the arch dump_stack()s print them.
// First cut: x86 frames with and without [<addr>], `?` frames, [module]. To be completed.
import type { Frame } from '../../model/types';

const FRAME =
  /^\s*(?:\[<([0-9a-f]{8,16})>\]\s*)?(\?\s+)?([A-Za-z_.$][\w.$]*)\+(0x[0-9a-f]+\/0x[0-9a-f]+)(?:\s+\[([\w-]+)\])?\s*$/;

/** One printed line to a frame, or null when the line is not a frame. */
export function parseFrameLine(text: string): Frame | null {
  const m = FRAME.exec(text);
  if (!m) return null;
  return {
    function: m[3]!,
    offset: m[4]!,
    module: m[5] ?? null,
    unreliable: m[2] !== undefined,
    file: null,
    line: null,
    address: m[1] ?? null,
  };
}

/** Lines that sit inside a backtrace without being frames and without ending it. */
export function isTraceNoise(text: string): boolean {
  return /^\s*(Call Trace:|Call trace:|<\/?(IRQ|TASK|NMI|EOI|SOFTIRQ)>|RIP:|RSP:|R[A-Z0-9]{1,2}:|Code:)/.test(text);
}
