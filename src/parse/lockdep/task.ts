// The task identity lockdep prints as "%s/%d" (curr->comm, task_pid_nr(curr)).
import type { Task } from '../../model/types';

// comm is up to 15 bytes of anything but NUL: "kbnepd bnep0/2098", "CPU 0/KVM/1537",
// "(udev-worker)/539", "kworker/u16:3/8175". The pid is the digits after the LAST '/'.
const TASK_REF = /^(.*)\/(\d{1,9})$/;

/** "CPU 0/KVM/1537" → {comm: "CPU 0/KVM", pid: 1537}; null when the text is not comm/pid. */
export function parseTaskRef(text: string): Task | null {
  const m = TASK_REF.exec(text.trim());
  if (!m || m[1] === '') return null;
  return { comm: m[1]!, pid: Number(m[2]) };
}

export function formatTask(t: Task): string {
  return `${t.comm}/${t.pid}`;
}
