// What the body lines of a lockdep report look like (print_lock, print_stack_trace, the scenario
// printers, print_lock_class_header, print_irqtrace_events, dump_stack headers): used to tell
// report lines from unrelated output interleaved with them or following them.
import type { Frame } from '../../model/types';
import { trimStartIndex } from '../blank';
import { isTraceNoise, parseFrameLine } from '../frames';
import { parseClassName, parseLockLine } from './lock-line';

export const RULE_EQ = /^\s*={10,}\s*$/;
export const RULE_DASH = /^\s*-{10,}\s*$/;
export const CUT_HERE = /^\s*-+\[ cut here \]-+\s*$/;
export const END_TRACE = /^\s*-+\[ end (?:trace|Kernel panic)/;

// "-> #2 (cpuhp_state){+.+.}:" (chain entry header)
export const CHAIN_ENTRY = /^\s*->\s*#(\d+)\s+(\(.*)$/;
// " #0: ffff… (name){…}, at: …" / "#0:  (name)…" / " #1: <RELEASED>"
export const HELD_ENTRY = /^\s*#(\d+):\s*(.*)$/;

/** The first character trim() keeps, NaN for a blank line: what the cheap guards look at. */
export function firstCharCode(text: string): number {
  return text.charCodeAt(trimStartIndex(text));
}

// The reader asks about a line twice in a row (trace content? then: a frame?): the last answer
// is kept. (A Map of every line's frame saved no more than it cost in hashing the lines.)
let lastText: string | null = null;
let lastFrame: Frame | null = null;

function cachedFrame(text: string): Frame | null {
  if (text.length > 1000) return null;
  if (text !== lastText) {
    lastFrame = parseFrameLine(text);
    lastText = text;
  }
  return lastFrame;
}

/** A backtrace frame of any arch, or null (an object of the caller's own: it may go into the report). */
export function frameOf(text: string): Frame | null {
  const f = cachedFrame(text);
  // handed over, so the cache forgets it: no later caller gets the same object
  lastText = null;
  lastFrame = null;
  return f;
}

/** frameOf(text) !== null */
export function isFrame(text: string): boolean {
  return cachedFrame(text) !== null;
}

// dump_stack() / show_regs() header lines that belong to the backtrace.
const TRACE_HEADER =
  /^\s*(?:CPU: \d+|Pid: \d+, comm:|Hardware name:|Workqueue:|Stopper:|Tainted: \[|Call [Tt]race:|Backtrace:|Process .*\(pid: \d+|task: [0-9a-f]+ |Modules linked in:|Sched_ext:|irq event stamp:|(?:hard|soft)irqs last\s+(?:en|dis)abled at)/;

export function isTraceHeader(text: string): boolean {
  return TRACE_HEADER.test(text);
}

/** A line a backtrace holds: a frame, a marker/register/heading line, or a dump_stack header. */
export function isTraceLine(text: string): boolean {
  if (text.length > 1000) return false;
  return (
    isFrame(text) || isTraceNoise(text) || TRACE_HEADER.test(text) || OLD_END_MARKER.test(text)
  );
}

// 2.6.x chain traces end with "[<ffffffff>] 0xffffffff"; frame lists may hold bare addresses.
const OLD_END_MARKER = /^\s*\[<f{8}(?:f{8})?>\]\s+0xf{8}(?:f{8})?\s*$/;

// the scenario tables
const SCENARIO_LINE =
  /^\s*(?:CPU\d+(?:\s+CPU\d+)*|-{4}(?:\s+-{4})*|(?:r|un)?lock\(.*\);?|sync\(.*\);?|local_irq_disable\(\);|<Interrupt>)\s*$|^\s*(?:r|un)?lock\([^;]*\);\s/;
// class-header trees (print_lock_class_header / print_shortest_lock_dependencies)
const CLASS_TREE =
  /^\s*(?:->\s*\(|(?:IN-|in-)?[A-Za-z_]+(?:-ON)?(?:-[RW])? at:\s*$|INITIAL (?:READ )?USE at:|\}\s*$|\.\.\. key\s+at:|\.\.\. acquired at:|lockdep:.* bad path found)/;
// usage-bit trace headers inside class headers: "IN-HARDIRQ-W at:", "HARDIRQ-ON-W at:", 2.6.18 "in-hardirq-W at:"
export const USAGE_BLOCK =
  /^\s*((?:IN-[A-Z_]+|[A-Z_]+-ON|in-[a-z]+|[a-z]+-on)-[RW]|INITIAL (?:READ )?USE|initial-use)\s+at:\s*$/;
const MISC =
  /^\s*(?:\S+\.[a-z]{1,2}:\d+ .*!|\.\.\.|context-\{\d+:\d+\}|RCU used illegally from .*|Possible false positive due to lockdep disabling.*|turning off the locking correctness validator\.?|\[<[0-9a-f]+>\] .*|.* --> .*|and interrupts could create .*)\s*$/;

/** A line that plausibly belongs inside a lockdep report body. */
export function isReportContent(text: string): boolean {
  if (text.length > 2000) return false;
  const t = text.trim();
  if (t === '') return true;
  const c = t.charCodeAt(0);
  if ((c === 45 /* - */ && CHAIN_ENTRY.test(t)) || (c === 35 /* # */ && HELD_ENTRY.test(t)))
    return true;
  // most other report lines are frames: asked first, it spares them the regexes below
  if (isFrame(text)) return true;
  if (t.includes('){') && (parseLockLine(t) !== null || parseClassName(t) !== null)) return true;
  if (SCENARIO_LINE.test(t) || CLASS_TREE.test(t) || MISC.test(t)) return true;
  return isTraceLine(text);
}

/**
 * Lines that are unmistakably part of a lockdep report (not a stray printk): when one follows an
 * unknown line closely, the unknown line was interleaved output and the report goes on.
 */
export function isStrongContent(text: string): boolean {
  if (text.length > 2000) return false;
  const t = text.trim();
  if (t === '') return false;
  if (CHAIN_ENTRY.test(t) || HELD_ENTRY.test(t)) return true;
  if (t.includes('){') && (parseLockLine(t) !== null || /^->\s*\(/.test(t))) return true;
  return isFrame(text) || SCENARIO_LINE.test(t);
}

// Where someone cut the report by hand or a tool truncated it.
export const CUT_MARKER =
  /^\s*(?:<snip>|\[\s*snip\s*\]|\[\.\.\.\]|\.\.\.\s*snip\s*\.\.\.|---\s*truncated\s*---|\(truncated\)|etc\.(?: etc\.)*)\s*$/i;
export const HARD_CUT = /^\s*(?:---\s*truncated\s*---|\(truncated\))\s*$/i;

// Output of other kernel facilities that ends a lockdep report.
export const FOREIGN_HEADER =
  /^\s*(?:BUG: (?!MAX_)|WARNING: (?:CPU: \d+ PID: \d+ at|at )|kernel BUG at|Kernel panic|general protection fault|Oops[:\s]|Unable to handle kernel|INFO: task .* blocked for more than|INFO: rcu_\w+ (?:self-)?detected|INFO: lockdep is turned off|lock order reversal|KASAN:|UBSAN:|Showing all locks held in the system|watchdog: BUG:|NMI watchdog)/;
