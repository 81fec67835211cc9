// Inputs for the parse benchmarks, generated (never copied from the corpus): an ordinary dmesg
// log with lockdep reports inside, and the pathological inputs a paste box must survive.

/** A small deterministic PRNG (mulberry32) so every run measures the same bytes. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const hex = (r: Rand, n: number) =>
  Array.from({ length: n }, () => pick(r, [...'0123456789abcdef'])).join('');

const SUBSYS = [
  'frob',
  'btrfs',
  'ext4',
  'xfs',
  'i915',
  'amdgpu',
  'nvme',
  'mlx5',
  'kvm',
  'nfs',
  'tty',
  'usb',
  'sched',
  'mm',
  'net',
];
const FIELD = [
  'state',
  'queue',
  'list',
  'dev',
  'ctx',
  'map',
  'io',
  'tree',
  'buf',
  'wq',
  'irq',
  'root',
];
const KIND = ['_lock', '_mutex', '_sem', '_rwsem', '.lock', '_spinlock'];
const TASKS = [
  'kworker/u16:3',
  'frobd',
  'syz-executor.0',
  'systemd-udevd',
  'fio',
  'Xorg',
  'git',
  'kswapd0',
];

function lockName(r: Rand): string {
  const s = pick(r, SUBSYS);
  const f = pick(r, FIELD);
  switch (Math.floor(r() * 5)) {
    case 0:
      return `&${s}->${f}${pick(r, KIND)}`;
    case 1:
      return `${s}_${f}${pick(r, KIND)}`;
    case 2:
      return `&sb->s_type->i_mutex_key#${1 + Math.floor(r() * 20)}`;
    case 3:
      return `(wq_completion)${s}_${f}`;
    default:
      return `&${s}_${f}->lock/${Math.floor(r() * 3)}`;
  }
}

const fn = (r: Rand) =>
  `${pick(r, SUBSYS)}_${pick(r, FIELD)}_${pick(r, ['update', 'flush', 'probe', 'work_fn', 'ioctl', 'submit'])}`;
const frameLine = (r: Rand) =>
  `       ${fn(r)}+0x${hex(r, 2)}/0x${hex(r, 3)}${r() < 0.3 ? ` [${pick(r, SUBSYS)}]` : ''}`;

/** A lockdep circular-dependency report with a chain of `entries` locks, as 6.x prints it. */
export function lockdepCircular(r: Rand, entries: number): string[] {
  const locks = Array.from({ length: entries }, (_, i) => `${lockName(r)}#${i}`);
  const task = pick(r, TASKS);
  const pid = 100 + Math.floor(r() * 30000);
  const desc = (name: string) =>
    `ffff8880${hex(r, 8)} (${name}){+.+.}-{3:3}, at: ${fn(r)}+0x1a/0x90`;
  const out = [
    '======================================================',
    'WARNING: possible circular locking dependency detected',
    `6.${Math.floor(r() * 12)}.0-bench+ #1 Not tainted`,
    '------------------------------------------------------',
    `${task}/${pid} is trying to acquire lock:`,
    desc(locks[0]!),
    '',
    'but task is already holding lock:',
    desc(locks[entries - 1]!),
    '',
    'which lock already depends on the new lock.',
    '',
    'the existing dependency chain (in reverse order) is:',
  ];
  for (let k = entries - 1; k >= 0; k--) {
    out.push('', `-> #${k} (${locks[k]}){+.+.}-{3:3}:`);
    out.push('       __lock_acquire+0x1520/0x2a70', '       lock_acquire+0xd3/0x2e0');
    for (let j = 0; j < 4; j++) out.push(frameLine(r));
  }
  out.push('', 'other info that might help us debug this:', '');
  if (entries > 2)
    out.push('Chain exists of:', `  ${locks[0]} --> ${locks[1]} --> ${locks[entries - 1]}`, '');
  out.push(
    ' Possible unsafe locking scenario:',
    '',
    '       CPU0                    CPU1',
    '       ----                    ----',
    `  lock(${locks[entries - 1]});`,
    `                               lock(${locks[entries > 2 ? 1 : 0]});`,
    `                               lock(${locks[entries - 1]});`,
    `  lock(${locks[0]});`,
    '',
    ' *** DEADLOCK ***',
    '',
    `1 lock held by ${task}/${pid}:`,
    ` #0: ${desc(locks[entries - 1]!)}`,
    '',
    'stack backtrace:',
    `CPU: ${Math.floor(r() * 8)} PID: ${pid} Comm: ${task} Not tainted 6.1.0-bench+ #1`,
    'Call Trace:',
    ' <TASK>',
    ' dump_stack_lvl+0x45/0x5d',
    ' check_noncircular+0x10a/0x120',
  );
  for (let j = 0; j < 8; j++) out.push(' ' + frameLine(r).trim());
  out.push(' </TASK>');
  return out;
}

/** A "possible recursive locking detected" report. */
export function lockdepRecursive(r: Rand): string[] {
  const lock = lockName(r);
  const task = pick(r, TASKS);
  const pid = 100 + Math.floor(r() * 30000);
  return [
    '============================================',
    'WARNING: possible recursive locking detected',
    '6.1.0-bench+ #1 Not tainted',
    '--------------------------------------------',
    `${task}/${pid} is trying to acquire lock:`,
    `ffff8880${hex(r, 8)} (${lock}){+.+.}-{3:3}, at: ${fn(r)}+0x2a/0x90`,
    '',
    'but task is already holding lock:',
    `ffff8880${hex(r, 8)} (${lock}){+.+.}-{3:3}, at: ${fn(r)}+0x18/0x60`,
    '',
    'other info that might help us debug this:',
    ' Possible unsafe locking scenario:',
    '',
    '       CPU0',
    '       ----',
    `  lock(${lock});`,
    `  lock(${lock});`,
    '',
    ' *** DEADLOCK ***',
    '',
    ' May be due to missing lock nesting notation',
    '',
    `1 lock held by ${task}/${pid}:`,
    ` #0: ffff8880${hex(r, 8)} (${lock}){+.+.}-{3:3}, at: ${fn(r)}+0x18/0x60`,
    '',
    'stack backtrace:',
    'Call Trace:',
    ...Array.from({ length: 10 }, () => ' ' + frameLine(r).trim()),
  ];
}

const NOISE: readonly ((r: Rand) => string)[] = [
  (r) =>
    `usb 1-${1 + Math.floor(r() * 4)}: new high-speed USB device number ${Math.floor(r() * 90)} using xhci_hcd`,
  (r) =>
    `EXT4-fs (sda${1 + Math.floor(r() * 4)}): mounted filesystem with ordered data mode. Quota mode: none.`,
  (r) =>
    `e1000e 0000:00:19.0 eth${Math.floor(r() * 2)}: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx`,
  (r) =>
    `audit: type=1400 audit(1700000${hex(r, 3)}.123:${Math.floor(r() * 999)}): apparmor="STATUS" operation="profile_load" name="/usr/bin/${pick(r, TASKS)}" pid=${Math.floor(r() * 9999)} comm="apparmor_parser"`,
  (r) =>
    `CPU${Math.floor(r() * 8)}: Core temperature above threshold, cpu clock throttled (total events = ${Math.floor(r() * 100)})`,
  (r) => `nvme nvme${Math.floor(r() * 2)}: ${Math.floor(r() * 16)}/0/0 default/read/poll queues`,
  (r) => `BTRFS info (device sda${1 + Math.floor(r() * 4)}): disk space caching is enabled`,
  (r) =>
    `${pick(r, SUBSYS)}: task ${pick(r, TASKS)}:${Math.floor(r() * 9999)} blocked on mutex ${lockName(r)} for ${Math.floor(r() * 120)} seconds`,
  () => `INFO: lockdep is turned off.`,
  (r) => `random: crng reseeded on system resumption (${hex(r, 6)})`,
];

export interface GeneratedLog {
  text: string;
  reports: number;
}

/** About `bytes` of dmesg output with a lockdep report every ~`every` bytes. */
export function generateDmesgLog(bytes: number, every = 2_000_000, seed = 1): GeneratedLog {
  const r = rng(seed);
  const parts: string[] = [];
  let size = 0;
  let t = 0;
  let reports = 0;
  let nextReport = every / 2;
  const emit = (line: string) => {
    t += r() * 0.01;
    const stamped = `[${t.toFixed(6).padStart(12)}] ${line}\n`;
    parts.push(stamped);
    size += stamped.length;
  };
  while (size < bytes) {
    if (size >= nextReport) {
      const lines = r() < 0.75 ? lockdepCircular(r, 2 + Math.floor(r() * 5)) : lockdepRecursive(r);
      for (const l of lines) emit(l);
      reports++;
      nextReport += every;
    } else emit(pick(r, NOISE)(r));
  }
  return { text: parts.join(''), reports };
}

/** One line of `bytes` characters made by repeating `unit`. */
export function longLine(bytes: number, unit: string): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes) + '\n';
}

/** A circular report whose held-lock list has `count` entries. */
export function hugeHeldList(count: number): string {
  const head = lockdepCircular(rng(7), 2);
  const at = head.findIndex((l) => / lock held by /.test(l));
  const held = [`${count} locks held by frobd/812:`];
  for (let i = 0; i < count; i++) {
    held.push(
      ` #${i}: ffff8880${(0x10000000 + i).toString(16)} (&frob->lock_${i % 97}){+.+.}-{3:3}, at: frob_walk+0x${(i % 4096).toString(16)}/0x200`,
    );
  }
  return [...head.slice(0, at), ...held, ...head.slice(at + 2)].join('\n') + '\n';
}

/** A circular report whose dependency chain has `entries` entries (6 lines each). */
export function hugeChain(entries: number): string {
  return lockdepCircular(rng(11), entries).join('\n') + '\n';
}

/** One line repeated `count` times. */
export function repeatedLine(line: string, count: number): string {
  return (line + '\n').repeat(count);
}
