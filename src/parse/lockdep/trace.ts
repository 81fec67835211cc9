// Frames printed by print_stack_trace()/stack_trace_print() and dump_stack(), read from a
// section's lines with the frame reader (src/parse/frames).
import type { Frame } from '../../model/types';
import { frameOf } from './content';
import type { LogicalLine } from './logical-lines';

export interface FrameAt {
  frame: Frame;
  line: LogicalLine;
}

/** Every frame among the lines, in order; other lines (markers, registers, headers) are skipped. */
export function readFrames(body: readonly LogicalLine[]): FrameAt[] {
  const out: FrameAt[] = [];
  for (const line of body) {
    const frame = frameOf(line.text);
    if (frame) out.push({ frame, line });
  }
  return out;
}

/** A frame's function without gcc clone suffixes: "evdev_pass_values.part.0" → "evdev_pass_values". */
export function baseFunction(name: string): string {
  // powerpc64 ELFv1 prints dot symbols: ".dump_stack_lvl+0x8c/0xd0"
  const n = name.startsWith('.') ? name.slice(1) : name;
  const dot = n.indexOf('.', 1);
  return dot > 0 ? n.slice(0, dot) : n;
}
