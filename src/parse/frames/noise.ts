// Lines that dump_stack(), show_regs() and the arch unwinders print inside a backtrace: stack
// markers, register dumps, raw stack words. A trace goes on past them.

// x86 stack markers: `<IRQ>`, `</IRQ>`, `<EOI>` (≤4.8), `<NMI>`, `<#DF>`, `<TASK>` (5.16+), `<SOFTIRQ>`
const MARKER = /^<\/?#?[A-Z][A-Z_]{1,23}>$/;

// Register dumps that cross an interrupt frame: `RIP: 0010:lock_acquire+0x264/0x550`,
// `RSP: 002b:00007fc9191d7038 EFLAGS: 00000246 ORIG_RAX: 000000000000002e`, `R10: …`, `FS:  0000…`,
// `CS:  0010 DS: 0000 ES: 0000 CR0: …`, `CR2: …`, `DR0: …`, `PKRU: 55555554`, `Code: … <4b> …`
const X86_REGS =
  /^(?:[RE]?IP|[RE][SB]P|[RE][A-D]X|[RE][SD]I|R\d{1,2}|[C-GS]S|CR\d|DR\d|PKRU|EFLAGS|ORIG_[RE]AX|Code|Stack):(?:\s|$)/;
// ≤3.x x86_64 oops tails: `RIP  [<ffffffff810b6d8e>] __lock_acquire+0x…`, ` RSP <ffff8800…>`
const X86_OLD_TAIL = /^(?:RIP\s+\[<|RSP\s+<)[0-9a-f]/;
// `EIP is at foo+0x…` (i386), `PC is at` / `LR is at` (arm32)
const IS_AT = /^(?:EIP|PC|LR) is at /;
// arm64 show_regs: `pc : __lock_acquire+0x7cc/0x30a4`, `lr : …`, `sp : ffff80001289b8b0`,
// `x29: ffff80001289b990 x28: …`, `x9 : 30785d…`, `pstate: 604000c5 (nZCv daIF +PAN …)`
const ARM64_REGS = /^(?:pc|lr|sp|x\d{1,2}|pstate)\s?: /;
// arm32 __show_regs: `pc : [<c0…>]    lr : [<c0…>]    psr: 60000013`, `r10: 83341be0  r9 : …`,
// `Flags: nZCv  IRQs off …`, `Control: 10c5387d  Table: …`; frame-pointer unwinds add
// ` r10:000003fb r9:81c20400 r8:0000003b …` after each frame
const ARM32_REGS =
  /^(?:r\d{1,2}\s?: ?[0-9a-f]{8}|ip : |fp : |Flags: |Control: |Exception stack\(0x)/;
// powerpc show_regs: `NIP:  c00000000001f104 LR: …`, `REGS: … TRAP: 0280`, `MSR:  0000000080029002`,
// `<CE,EE,ME>  CR: 24042284  XER: 00000000`, `IRQMASK: 0`, `GPR00: …`, `NIP [c00000000001f104] .e500_idle+0x30/0x6c`,
// `--- interrupt: 280 at .e500_idle+0x30/0x6c`, `    LR = .arch_local_irq_restore+0x…`, `Instruction dump:`
const POWERPC_REGS =
  /^(?:(?:NIP|LR|CTR|REGS|MSR|CR|XER|CFAR|DAR|DSISR|IRQMASK|SOFTE|TRAP|ORIG_GPR3|GPR\d\d)(?::|\s\[)|<[A-Z0-9,]+>\s+CR:|--- (?:interrupt|Exception):|LR = |Instruction dump:)/;
// s390: `Krnl PSW : 0704c00180000000 000000000015e4a2 (lock_acquire+0x…)`, `           R:0 T:1 IO:1 EX:1 …`,
// `Krnl GPRS: …`, `Krnl Code: …`, `Last Breaking-Event-Address:`
const S390_REGS = /^(?:(?:Krnl|User) (?:PSW|GPRS|Code)|R:\d T:\d|Last Breaking-Event-Address:)/;
const HEADINGS = /^(?:Call [Tt]race:?|Backtrace:|Modules linked in:)/;
// raw stack words between the header and the frames (x86 ≤4.8, s390) or after `Exception stack(…)`
// (arm32: `1a80: d1ee2b67 d1ee2b67 00000001 00015a2e`); two words or a label and a word, so a wrapped lock
// address (`ffff888023bfad00` alone) stays what it is
const HEX_WORDS =
  /^(?:[0-9a-f]{4,16}:\s+[0-9a-f]{8,16}|[0-9a-f]{8,16}\s+[0-9a-f]{8,16})(?:\s+[0-9a-f]{8,16})*$/;
// hand edits and syzkaller's own elisions inside a trace: `...`, `<snip>`, `[...]`
const ELISION = /^(?:\.{3,}|\[\s*(?:\.{3}|snip)\s*\]|<snip>|\(unreliable\))$/;

// save_stack_trace's ULONG_MAX terminator, printed until ~5.2: `[<ffffffff>] 0xffffffff` (2.6.x),
// `  0xffffffffffffffff` (4.14-era, after the addresses were dropped)
const END_MARKER = /^(?:\[<(?:f{8}|f{16})>\]\s+)?0x(?:f{8}|f{16})$/;

/**
 * Lines that sit inside a backtrace without being frames and without ending it. Indentation is
 * never relied on: transport collapses and re-indents it.
 */
export function isTraceNoise(text: string): boolean {
  return isTrimmedTraceNoise(text.trim());
}

/** isTraceNoise for a line already trimmed. */
export function isTrimmedTraceNoise(t: string): boolean {
  if (t === '') return false;
  switch (t.charCodeAt(0)) {
    case 0x3c /* < */:
      return MARKER.test(t) || t === '<snip>' || POWERPC_REGS.test(t);
    case 0x2e /* . */:
    case 0x5b /* [ */:
    case 0x28 /* ( */:
      return ELISION.test(t) || END_MARKER.test(t);
    case 0x2d /* - */:
      // `---[ end trace … ]---` ends a report: it is not noise
      return POWERPC_REGS.test(t);
  }
  return (
    END_MARKER.test(t) ||
    X86_REGS.test(t) ||
    HEADINGS.test(t) ||
    HEX_WORDS.test(t) ||
    ARM64_REGS.test(t) ||
    ARM32_REGS.test(t) ||
    POWERPC_REGS.test(t) ||
    S390_REGS.test(t) ||
    IS_AT.test(t) ||
    X86_OLD_TAIL.test(t)
  );
}
