// One line of ftrace text as the kernel's trace file (kernel/trace/trace_output.c,
// trace_print_context() / trace_print_lat_context()) and `trace-cmd report` print it:
//   "     kworker/0:1-12      [000] d..1.   100.000001: lock_acquire: 0000000012345678 &mm->mmap_lock"
//   "          <idle>-0       [001]   100.000002: irq_handler_entry: irq=11 name=eth0"  (no flags column)
//   "            bash-1234  (   1234) [002] .... 5678.123456: lock_release: ffff8880 &rq->__lock" (tgid)

export interface FtraceLine {
  task: string;
  cpu: number;
  /** the latency flags column ("d..1.", "dNh2", "D.s3."), when printed */
  flags: string | null;
  time: number;
  event: string;
  payload: string;
}

/** Lines longer than this are not ftrace events (and are not searched). */
const MAX_LINE = 4096;
const CPU = /\s\[(\d{1,4})\]\s/;
// flags: irqs-off, need-resched, hardirq/softirq, preempt depth (a hex digit), migrate-disable
const AFTER_CPU =
  /^([a-zA-Z.0-9]{4,6}\s+)?(\d{1,10}\.\d{1,12}):\s+(?:([\w:-]{1,64}):\s?(.*)|(<stack trace>)\s*)$/;

export function parseFtraceLine(text: string): FtraceLine | null {
  if (text.length > MAX_LINE || text.startsWith('#')) return null;
  const cpu = CPU.exec(text);
  if (!cpu) return null;
  let task = text.slice(0, cpu.index).trim();
  // the optional TGID column: "bash-1234  (   1234)"
  task = task.replace(/\s*\(\s*(?:\d+|-+)\)$/, '');
  if (!/-\d+$/.test(task)) return null;
  const rest = text.slice(cpu.index + cpu[0].length).trimStart();
  const m = AFTER_CPU.exec(rest);
  if (!m) return null;
  return {
    task,
    cpu: Number(cpu[1]),
    flags: m[1] ? m[1].trim() : null,
    time: Number(m[2]),
    event: m[3] ?? m[5]!,
    payload: m[4] ?? '',
  };
}

/** What the latency flags say (trace_print_lat_fmt()): irqs off, BH off, hardirq/softirq context. */
export interface LatencyFlags {
  irqsOff: boolean;
  /** null when this kernel's flags do not show BH (the 'b'/'D' letters came in 5.x) */
  bhOff: boolean | null;
  hardirq: boolean;
  softirq: boolean;
}

export function readLatencyFlags(flags: string): LatencyFlags {
  const irq = flags[0] ?? '.';
  const ctx = flags[2] ?? '.';
  return {
    irqsOff: irq === 'd' || irq === 'D',
    // the BH letters 'b'/'D' came with the 5-column flags (migrate-disable); before, BH is unknown
    bhOff: flags.length >= 5 ? irq === 'b' || irq === 'D' : null,
    // 'h' hardirq, 'H' hardirq inside a softirq, 'z'/'Z' NMI (lockdep does not track NMIs)
    hardirq: ctx === 'h' || ctx === 'H',
    softirq: ctx === 's' || ctx === 'H',
  };
}
