// s390 show_trace / show_address: reliable frames as ` [<addr>] sym+0x/0x`, the rest in parentheses.
import type { Frame } from '../../model/types';
import { parseX86FrameLine } from './x86';

/**
 * `([<0000000000106036>] show_trace+0xb2/0xd0)`: s390 prints frames it cannot vouch for in
 * parentheses, so they are unreliable like x86's `? foo`.
 */
export function parseS390FrameLine(t: string): Frame | null {
  if (!t.startsWith('([<') || !t.endsWith(')')) return null;
  const frame = parseX86FrameLine(t.slice(1, -1));
  if (!frame || frame.address === null) return null;
  frame.unreliable = true;
  return frame;
}
