// A task that waits for ever, the way the kernel tells it: check_hung_task() (kernel/hung_task.c)
// prints "INFO: task X:pid blocked for more than N seconds." and sched_show_task()'s line and
// stack, then debug_show_all_locks() (kernel/locking/lockdep.c) lists the locks every task holds,
// closed by a rule of '='. Left out, as in the lockdep text: the "Not tainted <release>" ident
// line (a trace names no kernel) and khungtaskd's own rcu_read_lock, which every real dump shows.
import type { HeldLock, Report, Task } from '../../model/types';
import { frameText, stackFrame } from '../validate/frames';

/** The hung-task timeout the detector reports by default (CONFIG_DEFAULT_HUNG_TASK_TIMEOUT). */
const HUNG_TASK_TIMEOUT = 120;

const taskKey = (t: Task) => `${t.comm}/${t.pid}`;

export function printShowAllLocks(report: Report): string {
  const out: string[] = [];
  const t = report.task;
  if (t && /^INFO: task /.test(report.headline ?? '')) {
    out.push(`INFO: task ${t.comm}:${t.pid} blocked for more than ${HUNG_TASK_TIMEOUT} seconds.`);
    out.push('"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.');
    // sched_show_task(): "task:%-15.15s state:%c stack:%-5lu pid:%-5d tgid:%-5d ppid:%-6d flags:0x%08lx"
    const comm = t.comm.slice(0, 15).padEnd(15);
    const pid = String(t.pid).padEnd(5);
    out.push(
      `task:${comm} state:D stack:0     pid:${pid} tgid:${pid} ppid:0      flags:0x00004000`,
    );
    out.push('Call Trace:', ' <TASK>');
    for (const f of report.trace) out.push(` ${frameText(f)}`);
    out.push(' </TASK>');
  }
  out.push('', 'Showing all locks held in the system:');
  const byTask = new Map<string, { task: Task | null; held: HeldLock[] }>();
  for (const h of report.heldLocks ?? []) {
    const task = h.task ?? t;
    const key = task ? taskKey(task) : '';
    const entry = byTask.get(key) ?? { task, held: [] };
    entry.held.push(h);
    byTask.set(key, entry);
  }
  const usage = new Map(report.classes.map((c) => [c.name, c.usage ?? '....']));
  for (const { task, held } of byTask.values()) {
    const who = task ? taskKey(task) : 'unknown/0';
    out.push(`${held.length} lock${held.length > 1 ? 's' : ''} held by ${who}:`);
    held.forEach((h, i) => {
      const at = h.at ? `, at: ${frameText(stackFrame(h.at))}` : '';
      out.push(` #${i}: ${h.address ?? ''} (${h.class}){${usage.get(h.class) ?? '....'}}${at}`);
    });
  }
  out.push('', '=============================================', '');
  return out.join('\n') + '\n';
}
