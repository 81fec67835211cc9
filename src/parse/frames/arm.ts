// arm32 dump_backtrace_entry: `[<where>] (func) from [<from>] (caller+0x10/0x14)` (BACKTRACE_VERBOSE),
// ` func from caller+0x10/0x14` (5.x+ default) and `Function entered at [<a>] from [<b>]` (no kallsyms).
import type { Frame } from '../../model/types';
import { bareAddress, cleanFunctionName, NAME_SRC, OFFSET_SRC } from './symbol';

const SYM = String.raw`(${NAME_SRC})(?:${OFFSET_SRC})?(?:\s+\[([\w-]+)\])?`;
const VERBOSE = new RegExp(String.raw`^\[<([0-9a-fA-F]{8,16})>\]\s+\(${SYM}\)\s+from\s+(.*)$`);
const VERBOSE_FROM = new RegExp(String.raw`^\[<([0-9a-fA-F]{8,16})>\]\s+\(${SYM}\)$`);
const PLAIN = new RegExp(String.raw`^${SYM}\s+from\s+${SYM}$`);
const NO_KALLSYMS =
  /^Function entered at \[<([0-9a-fA-F]{8,16})>\] from \[<([0-9a-fA-F]{8,16})>\]$/;

/**
 * One arm32 backtrace line. The frame is the function that was running (`where`, printed without
 * an offset by %ps since 3.x); `caller` is the `from` part: the return address in the next frame
 * out, which is what x86 would print for that frame. readTrace stitches the two together.
 */
export interface ArmFrameLine {
  frame: Frame;
  caller: Frame | null;
}

function frameOf(
  name: string,
  offset: string | undefined,
  module: string | undefined,
  address: string | null,
): Frame {
  const bare = bareAddress(name);
  return {
    function: bare === null ? cleanFunctionName(name) : name,
    offset: offset ?? null,
    module: module ?? null,
    unreliable: false,
    file: null,
    line: null,
    address: address ?? bare,
  };
}

/** A trimmed arm32 backtrace line, or null. Cheap to call: it checks for ` from ` first. */
export function parseArmFrameLine(t: string): ArmFrameLine | null {
  if (t.indexOf(' from ') < 0) return null;
  let m = VERBOSE.exec(t);
  if (m) {
    const frame = frameOf(m[2]!, m[3], m[4], m[1]!);
    // the `from` half is often cut by mailers: `(hcd_buffer_destroy+0x20=`; the frame still stands
    const c = VERBOSE_FROM.exec(m[5]!);
    return { frame, caller: c ? frameOf(c[2]!, c[3], c[4], c[1]!) : null };
  }
  m = PLAIN.exec(t);
  if (m && m[5] !== undefined) {
    return { frame: frameOf(m[1]!, m[2], m[3], null), caller: frameOf(m[4]!, m[5], m[6], null) };
  }
  m = NO_KALLSYMS.exec(t);
  if (m) {
    return {
      frame: frameOf('0x' + m[1]!, undefined, undefined, m[1]!),
      caller: frameOf('0x' + m[2]!, undefined, undefined, m[2]!),
    };
  }
  return null;
}
