// The head of a lockdep report: the ==== banner, the title (maybe wrapped), the kernel ident
// (print_kernel_ident / print_kernel_version) and the ---- rule, any of which may be missing.
import type { CleanLine } from '../clean/types';
import { RULE_DASH, RULE_EQ, isReportContent } from './content';
import { parseIdentLine } from './kernel-ident';
import { logicalLineAt, type LogicalLine } from './logical-lines';
import type { ReportLines } from './report-reader';
import { recognizeSection } from './sections';
import { recognizeTitle, type TitleInfo } from './title';

export const MAX_HEAD_GAP = 3;

/** Does a lockdep report's banner + title start here (the banner line itself)? */
export function bannerTitleAt(
  lines: readonly CleanLine[],
  i: number,
): { title: TitleInfo; line: LogicalLine } | null {
  if (!RULE_EQ.test(lines[i]!.text)) return null;
  let j = i + 1;
  for (let k = 0; k < MAX_HEAD_GAP && j < lines.length; k++) {
    const l = logicalLineAt(lines, j);
    const title = recognizeTitle(l.text);
    if (title) return { title, line: l };
    // another facility's banner (KASAN's "=====" + "BUG: KASAN: …") is not ours
    if (/^\s*(?:\[\s*)?(?:BUG|WARNING|INFO):/.test(l.text) || RULE_EQ.test(l.text)) return null;
    j = l.to + 1;
  }
  return null;
}

/** A title line, possibly wrapped over two lines. */
export function titleAt(
  lines: readonly CleanLine[],
  i: number,
): { title: TitleInfo; line: LogicalLine } | null {
  const l = logicalLineAt(lines, i);
  const title = recognizeTitle(l.text);
  return title ? { title, line: l } : null;
}

export interface Head {
  next: number;
  last: number;
}

/** Banner, title, ident and rule — any of them may be missing or have stray lines between them. */
export function readHead(
  lines: readonly CleanLine[],
  start: number,
  limit: number,
  r: ReportLines,
): Head {
  let j = start;
  let last = start;
  const first = logicalLineAt(lines, j);
  if (RULE_EQ.test(first.text)) {
    r.banner = first;
    last = first.to;
    j = first.to + 1;
  }
  // the title, allowing a few interleaved lines after the banner
  for (let k = 0; k < MAX_HEAD_GAP && j < limit; k++) {
    const l = logicalLineAt(lines, j);
    const title = recognizeTitle(l.text);
    if (title) {
      r.title = title;
      r.titleLine = l;
      last = l.to;
      j = l.to + 1;
      break;
    }
    if (!r.banner) break;
    if (l.text.trim() !== '') r.foreign.push(l);
    j = l.to + 1;
  }
  if (!r.title) {
    r.foreign.length = 0;
    j = r.banner ? r.banner.to + 1 : start;
    return { next: j, last };
  }
  // a flattened report keeps the ident on the title line
  if (r.title.trailing) {
    const id = parseIdentLine(r.title.trailing);
    if (id) {
      r.ident = id;
      r.identLine = r.titleLine;
    }
  }
  // the ident (absent in 2.6.18), then the '-' rule; unrelated printk lines may sit in between
  const save = r.foreign.length;
  let k = 0;
  let jj = j;
  while (k < MAX_HEAD_GAP + 1 && jj < limit) {
    const l = logicalLineAt(lines, jj);
    const t = l.text;
    if (t.trim() === '') {
      jj = l.to + 1;
      k++;
      continue;
    }
    if (!r.ident) {
      const id = parseIdentLine(t);
      if (id) {
        r.ident = id;
        r.identLine = l;
        last = l.to;
        j = jj = l.to + 1;
        continue;
      }
    }
    if (RULE_DASH.test(t)) {
      last = l.to;
      j = l.to + 1;
      break;
    }
    // the body began (no rule printed or pasted)
    if (recognizeSection(l.text) || isReportContent(t)) break;
    r.foreign.push(l);
    jj = l.to + 1;
    k++;
  }
  // lines skipped while looking for a rule that never came are body lines, not foreign ones
  if (j <= (r.foreign[r.foreign.length - 1]?.from ?? -1)) r.foreign.length = save;
  return { next: j, last };
}
