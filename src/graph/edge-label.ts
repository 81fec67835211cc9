// What an arrow of the lock graph is labelled with, in the app and in the SVG export alike.
import type { Report } from '../model/types';
import type { LockGraph } from './types';

/** "#3" for a chain entry, "new" for the acquisition that triggered the report. */
export function edgeLabel(
  edge: LockGraph['edges'][number],
  reports: readonly Report[],
  merged: boolean,
): string {
  // Merged, dozens of "new" and "#k" labels would only cover the arrows.
  if (merged) return '';
  if (edge.isNew) return 'new';
  if (edge.dependencies.length !== 1) return '';
  const ref = edge.dependencies[0]!;
  const k = reports[ref.report]?.dependencies[ref.index]?.chainEntry;
  return k === null || k === undefined ? '' : `#${k}`;
}
