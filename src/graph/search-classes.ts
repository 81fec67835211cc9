// Finding a class among thousands by part of its name: "i_mutex" finds
// "&sb->s_type->i_mutex_key#5"; the best matches first.
import type { LockGraph } from './types';

const lowerCache = new WeakMap<LockGraph, string[]>();

function lowerNames(graph: LockGraph): string[] {
  let names = lowerCache.get(graph);
  if (!names) {
    names = graph.nodes.map((n) => n.id.toLowerCase());
    lowerCache.set(graph, names);
  }
  return names;
}

export interface ClassMatch {
  id: string;
  /** where the query starts in the name (for highlighting); the match is query.length long */
  at: number;
  /** 0 the whole name, 1 its start (after any "&(" decoration), 2 a word start, 3 elsewhere */
  rank: 0 | 1 | 2 | 3;
}

/**
 * Classes whose name contains `query`, ignoring case: whole-name matches first, then names that
 * start with it, then matches at a word start (after "->", ".", "_", "(", …), then the rest;
 * within a rank shorter names first, then graph order. At most `limit` (default 50).
 */
export function searchClasses(graph: LockGraph, query: string, limit = 50): ClassMatch[] {
  const q = query.trim().toLowerCase();
  if (q === '' || limit <= 0) return [];
  const names = lowerNames(graph);
  const found: { index: number; at: number; rank: ClassMatch['rank'] }[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const first = name.indexOf(q);
    if (first < 0) continue;
    const { at, rank } = bestOccurrence(name, q, first);
    found.push({ index: i, at, rank });
  }
  found.sort(
    (a, b) =>
      a.rank - b.rank || names[a.index]!.length - names[b.index]!.length || a.index - b.index,
  );
  return found.slice(0, limit).map((f) => ({
    id: graph.nodes[f.index]!.id,
    at: f.at,
    rank: f.rank,
  }));
}

/** The best-ranked place `q` occurs in `name` (the first occurrence is at `first`). */
function bestOccurrence(name: string, q: string, first: number): Pick<ClassMatch, 'at' | 'rank'> {
  if (name.length === q.length) return { at: 0, rank: 0 };
  const lead = leadingDecoration(name);
  if (name.startsWith(q, lead) || first === 0) return { at: first === 0 ? 0 : lead, rank: 1 };
  for (let at = first; at >= 0; at = name.indexOf(q, at + 1)) {
    if (isWordStart(name, at)) return { at, rank: 2 };
  }
  return { at: first, rank: 3 };
}

/** "&(&zone->lock)->rlock" starts its words after "&(&": those characters are decoration. */
function leadingDecoration(name: string): number {
  let i = 0;
  while (i < name.length && (name[i] === '&' || name[i] === '(')) i++;
  return i;
}

function isWordStart(name: string, at: number): boolean {
  if (at === 0) return true;
  const before = name.charCodeAt(at - 1);
  const isAlnum =
    (before >= 48 && before <= 57) ||
    (before >= 97 && before <= 122) ||
    (before >= 65 && before <= 90);
  return !isAlnum;
}
