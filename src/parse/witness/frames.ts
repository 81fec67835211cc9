// Backtrace lines in BSD kernel output: stack(9) (stack_sbuf_print), DDB db_stack_trace_cmd on
// amd64/i386/arm64/riscv, OpenBSD stacktrace_print and db_stack_dump, kgdb, and compact stacks.
import type { Frame } from '../../model/types';

const SYM = String.raw`[A-Za-z_.$?][\w.$?]*`;

// stack(9), LONG: "#3 0xffffffff805cb2a4 at _vn_lock+0x54"; "??" when unresolved, "+0" at offset 0
const STACK_LONG = new RegExp(
  String.raw`^\s*#(\d+)\s+(0x[0-9a-fA-F]+) at (${SYM})(?:\+(0x[0-9a-fA-F]+|0))?\s*$`,
);
// OpenBSD stacktrace_print: "#0  rw_enter_read+0x66 sys/kern/kern_rwlock.c:112",
// "#14 syscall+0x489 mi_syscall sys/sys/syscall_mi.h:102 [inline]", "#10 vn_rdwr+0x105"
const OPENBSD_STACK = new RegExp(
  String.raw`^\s*#(\d+)\s+(${SYM})\+(0x[0-9a-fA-F]+)(?:\s+(${SYM}))?(?:\s+(\S+):(\d+))?(?:\s+\[inline\])?\s*$`,
);
// DDB: "vpanic() at vpanic+0x181/frame 0xfffffe00da4e6060" (amd64 9.x+),
// "_mtx_lock_flags(c07cd240,0,c075e590,16c4,c07d70a0) at _mtx_lock_flags+0x54" (i386),
// "witness_checkorder(…) at witness_checkorder+0x12f9 witness_debugger sys/kern/subr_witness.c:2543 [inline]"
// (OpenBSD with line numbers), "Xfast_syscall() at 0xffffffff80b2a6ab" (unresolved)
const DDB = new RegExp(
  String.raw`^\s*(${SYM})\(([^()]*)\) at (${SYM}|0x[0-9a-fA-F]+)(?:\+(0x[0-9a-fA-F]+))?(?:\/frame (0x[0-9a-fA-F]+))?` +
    String.raw`(?:\s+(${SYM}))?(?:\s+(\S+):(\d+))?(?:\s+\[inline\])?\s*$`,
);
// kgdb: "#5  0xc05153b7 in panic (fmt=0xc06c0a8e "…") at /usr/src/sys/kern/kern_shutdown.c:550",
// "#0  doadump () at pcpu.h:230", "#7  0xc0630f0d in calltrap () at …/exception.s:139"
const KGDB = new RegExp(
  String.raw`^\s*#(\d+)\s+(?:(0x[0-9a-fA-F]+) in )?(${SYM}) \(.*?\)(?: at (\S+):(\d+))?\s*$`,
);
// compact stack(9): "witness_checkorder+0xbdd __mtx_lock_flags+0x94 " on one line
const COMPACT_TOKEN = new RegExp(String.raw`^(${SYM})\+(0x[0-9a-fA-F]+)$`);

function frame(fn: string, offset: string | null, extra: Partial<Frame> = {}): Frame {
  return {
    function: fn,
    offset,
    module: null,
    unreliable: false,
    file: null,
    line: null,
    address: null,
    ...extra,
  };
}

/** One backtrace line to frames (one, or several for a compact stack), or null if not a frame. */
export function parseBsdFrames(text: string): Frame[] | null {
  const t = text.length > 2000 ? '' : text;
  let m = STACK_LONG.exec(t);
  if (m) return [frame(m[3]!, m[4] ?? null, { address: m[2]! })];
  m = OPENBSD_STACK.exec(t);
  if (m) return [openbsdFrame(m[2]!, m[3]!, m[4], m[5], m[6])];
  m = DDB.exec(t);
  if (m) {
    const sym = m[3]!;
    if (sym.startsWith('0x')) return [frame(m[1]!, null, { address: sym })];
    // the name before "(" is the function; the "at" symbol repeats it (or is cut: "at i915_gem_do_exe")
    return [openbsdFrame(m[1]!, m[4] ?? null, m[6], m[7], m[8])];
  }
  m = KGDB.exec(t);
  if (m) {
    return [
      frame(m[3]!, null, {
        address: m[2] ?? null,
        file: m[4] ?? null,
        line: m[5] ? Number(m[5]) : null,
      }),
    ];
  }
  return parseCompactStack(t);
}

/** An inlined callee ("syscall+0x489 mi_syscall sys/sys/syscall_mi.h:102 [inline]") names the frame. */
function openbsdFrame(
  sym: string,
  offset: string | null,
  inlined: string | undefined,
  file: string | undefined,
  line: string | undefined,
): Frame {
  const where = { file: file ?? null, line: line ? Number(line) : null };
  return inlined ? frame(inlined, null, where) : frame(sym, offset, where);
}

function parseCompactStack(text: string): Frame[] | null {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length < 2) return null;
  const out: Frame[] = [];
  for (const tok of tokens) {
    const m = COMPACT_TOKEN.exec(tok);
    if (!m) return null;
    out.push(frame(m[1]!, m[2]!));
  }
  return out;
}

// Lines inside a BSD backtrace that are not frames and do not end it:
// "--- trap 0xc, rip = 0xffffffff80b5c1b5, rsp = …, rbp = … ---", "--- syscall (54, FreeBSD ELF64,
// sys_ioctl), rip = …", "--- interrupt, rip = …", "--- exception 13, tval = 0x0" (riscv),
// "\t pc = 0xffff000000370828  lr = 0xffff00000036f4a4" and "\t sp = … fp = …" (arm64),
// "Tracing pid 2 tid 100050 td 0xfffff80003a6e000", "end of kernel", "end trace frame: 0x0, count: 11"
const NOISE =
  /^\s*(?:--- (?:trap|syscall|interrupt|exception|fork_trampoline)\b.*|(?:pc|sp) = 0x[0-9a-fA-F]+\s+(?:lr|fp) = 0x[0-9a-fA-F]+\s*|Tracing (?:pid|command) .*|end of kernel\s*|end trace frame: .*)$/;

export function isBsdTraceNoise(text: string): boolean {
  return text.length < 400 && NOISE.test(text);
}
