// x86 show_trace_log_lvl / printk_stack_address (and every arch that copied it: arm64, riscv,
// mips, loongarch, s390's reliable frames) and lockdep's print_lock_trace / stack_trace_print.
import type { Frame } from '../../model/types';
import { makeFrame, NAME_SRC, OFFSET_SRC, parseSymbolTail } from './symbol';

const FRAME = new RegExp(
  '^' +
    // ≤4.8 printed the stack marker on the frame's own line: `<IRQ>  [<ffffffff8137c5e3>] dump_stack+0x…`
    String.raw`(?:<(?:IRQ|EOI|NMI)>\s+)?` +
    // ≤4.13 `[<ffffffff81868175>] `; 2.6.18-mm i386 `[add_lock_to_list+95/125] ` (decimal, and
    // `[pg0+928579102/1051247616]` for module text), followed by the %pS form we read instead
    String.raw`(?:\[<([0-9a-fA-F]{1,16})>\]\s*|\[[\w.$]+\+\d+\/\d+\]\s+)?` +
    String.raw`(\?\s+)?` +
    `(${NAME_SRC})` +
    `(?:${OFFSET_SRC})?` +
    String.raw`(?:\s+(.*))?$`,
);

// save_stack_trace's ULONG_MAX end marker, printed until ~5.2: `[<ffffffff>] 0xffffffff`, `0xffffffffffffffff`
const END_MARKER = /^0x(?:f{8}|f{16})$/;

/** A trimmed x86-style frame line to a frame, or null. */
export function parseX86FrameLine(t: string): Frame | null {
  const m = FRAME.exec(t);
  if (!m) return null;
  const name = m[3]!;
  if (END_MARKER.test(name)) return null;
  const tail = parseSymbolTail(m[5] ?? '');
  if (!tail) return null;
  return makeFrame(name, m[4] ?? null, tail, m[1] ?? null, m[2] !== undefined);
}
