// Reports pasted into commit messages and mails, indented as a block: 4 spaces in a patch
// description, a TAB in a quoted commit ("\t=========================\n\tWARNING: held lock freed!"),
// 4+5 spaces in a `git log` excerpt, one space after a "> " quote.
import type { WorkLine } from './work-line';

// Lines the kernel (or a tool) prints at column 0: when one of them sits at indent k, the block
// of lines around it indented at least k was indented by the transport, not by the printer.
const COLUMN_ZERO =
  /^ *(?:={20,} *$|-{20,} *$|(?:\[ )?(?:WARNING|BUG|INFO): |(?:witness: )?lock order reversal|panic: |stack backtrace:)/;

export function dedentBlocks(lines: WorkLine[]): number {
  let blocks = 0;
  let floor = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.inPrefixed) continue;
    const k = indentOf(line.text);
    if (k === 0 || k === line.text.length || !COLUMN_ZERO.test(line.text)) continue;
    let top = i;
    for (let j = i - 1; j >= floor; j--) {
      if (!inBlock(lines[j]!, k)) break;
      if (!isBlank(lines[j]!.text)) top = j;
    }
    let bottom = i;
    for (let j = i + 1; j < lines.length; j++) {
      if (!inBlock(lines[j]!, k)) break;
      if (!isBlank(lines[j]!.text)) bottom = j;
    }
    for (let j = top; j <= bottom; j++) {
      const l = lines[j]!;
      l.text = l.text.slice(Math.min(k, indentOf(l.text)));
      l.dedent = k;
    }
    blocks++;
    floor = bottom + 1;
    i = bottom;
  }
  return blocks;
}

function inBlock(line: WorkLine, k: number): boolean {
  if (line.inPrefixed) return false;
  return isBlank(line.text) || indentOf(line.text) >= k;
}

function indentOf(text: string): number {
  let n = 0;
  while (n < text.length && text.charCodeAt(n) === 32) n++;
  return n;
}

function isBlank(text: string): boolean {
  return indentOf(text) === text.length;
}
