// Reports of a long log grouped by dedup key: dozens of splats in a CI or syzbot console log are
// often the same few bugs, hit again and again from different call paths.
import type { Report, ReportKind } from '../model/types';
import { dedupKey, type DedupKey } from './dedup-key';

export interface ReportGroup {
  /** the dedup key as one line (DedupKey.text) */
  key: string;
  basis: DedupKey['basis'];
  /** normalised classes (sorted), or the function/title the key falls back to */
  parts: string[];
  qualifier: string | null;
  /** the first occurrence's title */
  title: string;
  /** every distinct title in the group, most frequent first (ties: first seen first) */
  titles: { title: string; count: number }[];
  /** indexes into the reports array, in input order */
  reports: number[];
  count: number;
  /** first line of the first occurrence, last line of the last (original input lines) */
  first: number;
  last: number;
  /** the kinds in the group, in order of first appearance */
  kinds: ReportKind[];
  /** the first occurrence's cycle, when the group is keyed by a cycle */
  cycle: string[] | null;
}

/**
 * Groups in order of first appearance (the first bug in the log first), so the list is stable
 * when a log grows at its end. Callers that want the most frequent first sort by `count`.
 */
export function groupReports(reports: readonly Report[]): ReportGroup[] {
  const byKey = new Map<string, ReportGroup>();
  const titleCounts = new Map<string, Map<string, number>>();
  reports.forEach((r, i) => {
    const key = dedupKey(r);
    let g = byKey.get(key.text);
    if (!g) {
      g = {
        key: key.text,
        basis: key.basis,
        parts: key.parts,
        qualifier: key.qualifier,
        title: r.title,
        titles: [],
        reports: [],
        count: 0,
        first: r.lines.start,
        last: r.lines.end,
        kinds: [],
        cycle: key.basis === 'cycle' && r.cycle ? [...r.cycle] : null,
      };
      byKey.set(key.text, g);
      titleCounts.set(key.text, new Map());
    }
    g.reports.push(i);
    g.count++;
    g.first = Math.min(g.first, r.lines.start);
    g.last = Math.max(g.last, r.lines.end);
    if (!g.kinds.includes(r.kind)) g.kinds.push(r.kind);
    const counts = titleCounts.get(key.text)!;
    counts.set(r.title, (counts.get(r.title) ?? 0) + 1);
  });
  for (const g of byKey.values()) {
    // Map keeps first-seen order, and sort is stable: ties stay first seen first.
    g.titles = [...titleCounts.get(g.key)!]
      .map(([title, count]) => ({ title, count }))
      .sort((a, b) => b.count - a.count);
  }
  return [...byKey.values()];
}

/** The group index of each report: groupOf[i] is the group holding reports[i]. */
export function groupIndexOf(groups: readonly ReportGroup[], reportCount: number): number[] {
  const out = new Array<number>(reportCount).fill(-1);
  groups.forEach((g, k) => {
    for (const i of g.reports) out[i] = k;
  });
  return out;
}
