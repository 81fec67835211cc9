// A whole backtrace block (stack_trace_print, dump_stack, show_stack) read from cleaned lines.
import type { Frame } from '../../model/types';
import type { CleanLine } from '../clean/types';
import { parseArmFrameLine } from './arm';
import { isTrimmedTraceNoise } from './noise';
import { parseFrameLine, parseTrimmedFrameLine } from './parse-line';

export interface Trace {
  frames: Frame[];
  /** for each frame, the index (into the lines given) of the line it was read from */
  frameLines: number[];
  /** index of the first line that is not part of the trace (== start when there is none) */
  end: number;
}

// dump_stack()'s header lines come before the first frame: `CPU: 1 PID: 8175 Comm: kworker/u16:3 …`,
// `CPU: 0 UID: 0 PID: 270 …` (~6.11), `Pid: 31784, comm: trinity-child1 …` (≤3.x), s390
// `CPU: 0 Not tainted …` + `Process multipathd (pid: 3868, task: …, ksp: …)`, `Hardware name: …`,
// `Workqueue: …`, `Tainted: [W]=WARN` (6.11+), `Stopper: …`, `Sched_ext: …`, x86 ≤4.x `task: … ti: …`
const HEADER =
  /^(?:CPU: \d+ (?:UID: \d+ )?(?:PID: \d+|Not tainted|Tainted:)|Pid: \d+, comm: |Hardware name: |Workqueue: |Tainted: \[|Stopper: |Sched_ext: |Process [^(]+\(pid: \d+|task: [0-9a-f]+ (?:ti|task\.stack): |stack backtrace:$)/;

/** dump_stack()'s header lines (`CPU: … PID: …`, `Hardware name: …`), which precede a backtrace. */
export function isTraceHeader(text: string): boolean {
  return HEADER.test(text.trim());
}

const isTrimmedTraceHeader = (t: string): boolean => HEADER.test(t);

const MAX_STRANGERS = 3;
const CALL_TRACE = /^Call [Tt]race:?$/;
// what surely begins something else, even between a header and its frames
const HARD_STOP = /^(?:$|-> #|---\[ end|={10}|-{10}|\[ BUG: |\[ INFO: )/;

// a mailer wrapped `[<ffffffffa02919ba>]` away from its `find_ref_lock+0x24/0x46 [videodev]`
const LONE_ADDRESS = /^\[<([0-9a-fA-F]{8,16})>\]$/;

/**
 * Reads the backtrace that starts at lines[start]: header lines before the first frame are
 * skipped, noise (isTraceNoise) anywhere, and the trace ends at the first line that is neither a
 * frame nor noise (a blank line, `-> #0 …`, `---[ end trace …]---`, another report's banner).
 * Only between a header (`CPU: … PID: …`, `Call Trace:`) and the first frame, up to three other
 * lines are passed over: wrapped header tails and interleaved printk lines land there.
 * Beyond parseFrameLine it joins what one line cannot say alone: arm32's `(f) from (g+0x10/0x14)`
 * pairs (each frame gets the return address its caller line printed, and the outermost `from`
 * becomes the last frame), powerpc's `(unreliable)` printed on a line of its own, a `[<addr>]`
 * wrapped away from its symbol, and s390's `Last Breaking-Event-Address:` frame (not part of the trace).
 */
export function readTrace(lines: readonly CleanLine[], start: number): Trace {
  const frames: Frame[] = [];
  const frameLines: number[] = [];
  let pending: Frame | null = null;
  let pendingLine = -1;
  let skipNextFrame = false;
  let headerSeen = false;
  let strangers = 0;
  let i = start;
  let end = start;
  const push = (f: Frame, at: number) => {
    frames.push(f);
    frameLines.push(at);
  };
  const flush = () => {
    if (pending) push(pending, pendingLine);
    pending = null;
  };
  for (; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    const arm = parseArmFrameLine(t);
    if (arm) {
      const p: Frame | null = pending;
      if (p && p.function === arm.frame.function) {
        push(
          {
            ...arm.frame,
            offset: p.offset ?? arm.frame.offset,
            address: p.address ?? arm.frame.address,
          },
          i,
        );
      } else {
        flush();
        push(arm.frame, i);
      }
      pending = arm.caller;
      pendingLine = i;
      end = i + 1;
      continue;
    }
    // register lines between arm32 frames (` r5:80398918 r4:00000000`) keep the pair open
    const frame = parseTrimmedFrameLine(t);
    if (frame) {
      flush();
      if (skipNextFrame) skipNextFrame = false;
      else push(frame, i);
      end = i + 1;
      continue;
    }
    const lone = LONE_ADDRESS.exec(t);
    if (lone && i + 1 < lines.length) {
      const next = parseFrameLine(lines[i + 1]!.text);
      if (next && next.address === null) {
        flush();
        push({ ...next, address: lone[1]! }, i);
        i++;
        end = i + 1;
        continue;
      }
    }
    if (isTrimmedTraceNoise(t)) {
      if (t === '(unreliable)' && frames.length > 0) frames[frames.length - 1]!.unreliable = true;
      else if (t.startsWith('Last Breaking-Event-Address:')) skipNextFrame = true;
      else if (frames.length === 0 && CALL_TRACE.test(t)) headerSeen = true;
      end = i + 1;
      continue;
    }
    if (frames.length === 0 && isTrimmedTraceHeader(t)) {
      headerSeen = true;
      strangers = 0;
      end = i + 1;
      continue;
    }
    // between the header and the first frame: a header's wrapped tail (`3.1.0-0.rc0.git19.1.fc17.x86_64 #1`)
    // or another printk (`sdhci_msm 7864900.sdhci: Got CD GPIO`, `Kernel panic - not syncing: …`)
    if (frames.length === 0 && headerSeen && strangers < MAX_STRANGERS && !HARD_STOP.test(t)) {
      strangers++;
      continue;
    }
    break;
  }
  flush();
  return { frames, frameLines, end: frames.length > 0 ? end : start };
}
