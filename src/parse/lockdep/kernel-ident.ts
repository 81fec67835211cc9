// The kernel release as print_kernel_ident() ("%s %.*s %s": release, build, taint), the older
// print_kernel_version() ("%s %.*s") and the dump_stack() header lines ("CPU: … Comm: …",
// "Pid: …, comm: …") print it.

export interface KernelIdent {
  /** utsname release exactly as printed: "4.14.0-rc1-CI-CI_DRM_3118+" */
  release: string;
  /** the first word of utsname version: "#1" */
  build: string | null;
  /** "Not tainted", "Tainted: G     U" (trailing columns trimmed), or null (≤ 3.2) */
  taint: string | null;
}

// "6.2.0-rc5-syzkaller-00108-g83abd4d4c4be #0 Not tainted", "2.6.32-rc6-00035-g8b17a4f #1",
// "5.7.1mq+ #383 Tainted: G           O     ".
const IDENT = /^(\d+\.\d+[\w.+~-]*)\s+(#\S+)(?:\s+(Not tainted|Tainted:[ A-Z-]*?))?\s*$/;
// 2.6.19–3.2 printed no taint; a bare "2.6.27-rc9 #1" is also what a mailer leaves.
const IDENT_NO_BUILD = /^(\d+\.\d+\.\d+[\w.+~-]*)\s*$/;

export function parseIdentLine(text: string): KernelIdent | null {
  const t = text.trim();
  if (t.length > 200) return null;
  const m = IDENT.exec(t);
  if (m) return { release: m[1]!, build: m[2]!, taint: m[3] ? m[3].trim() : null };
  const n = IDENT_NO_BUILD.exec(t);
  if (n) return { release: n[1]!, build: null, taint: null };
  return null;
}

// "CPU: 4 PID: 1551 Comm: prime_mmap Tainted: G     U          4.14.0-rc1-CI-CI_DRM_3118+ #1",
// "CPU: 0 UID: 0 PID: 270 Comm: memcg-repro Not tainted 7.0.0-rc3 #83 PREEMPT(full) ",
// s390 "CPU: 0 Not tainted 2.6.27 #1".
const CPU_LINE = /^CPU:\s*\d+\s.*?(?:Not tainted|Tainted:[ A-Z-]*?)\s+(\d+\.\d+[\w.+~-]*)\s+#\S+/;
// "Pid: 31784, comm: trinity-child1 Not tainted 3.5.0-rc1+ #50"
const PID_LINE =
  /^Pid:\s*\d+,\s*comm:.*?\s(?:Not tainted|Tainted:[ A-Z-]*?)\s+(\d+\.\d+[\w.+~-]*)\s+#\S+/;
// 2.6.2x "Pid: 1, comm: swapper 2.6.24-rc3 #2" (no taint)
const PID_LINE_OLD = /^Pid:\s*\d+,\s*comm:.*\s(\d+\.\d+\.\d+[\w.+~-]*)\s+#\S+/;

/** The release from a dump_stack() header line, or null. */
export function releaseFromHeaderLine(text: string): string | null {
  const t = text.trim();
  if (t.length > 300) return null;
  const m = CPU_LINE.exec(t) ?? PID_LINE.exec(t) ?? PID_LINE_OLD.exec(t);
  return m ? m[1]! : null;
}
