// powerpc show_stack: `[sp] [pc] sym+0x/0x (unreliable)`, and sparc64 show_stack's `[pc] sym`.
import type { Frame } from '../../model/types';
import { makeFrame, NAME_SRC, OFFSET_SRC, parseSymbolTail } from './symbol';

const FRAME = new RegExp(
  '^' +
    // `[c000000002163280] [c0000000015263d0] .dump_stack_lvl+0x8c/0xd0` (stack pointer, then pc);
    // sparc64 prints only the pc: `[000000000046af4c] dump_stack+0x8/0x18`
    String.raw`\[([0-9a-fA-F]{8,16})\]\s+(?:\[([0-9a-fA-F]{8,16})\]\s+)?` +
    String.raw`(\?\s+)?` +
    `(${NAME_SRC})` +
    `(?:${OFFSET_SRC})?` +
    String.raw`(?:\s+(.*))?$`,
);

/** A trimmed powerpc (or sparc64) frame line to a frame, or null. */
export function parsePowerpcFrameLine(t: string): Frame | null {
  const m = FRAME.exec(t);
  if (!m) return null;
  const tail = parseSymbolTail(m[6] ?? '');
  if (!tail) return null;
  return makeFrame(m[4]!, m[5] ?? null, tail, m[2] ?? m[1]!, m[3] !== undefined);
}
