// Every report of the shared corpus, read in place: scenarios derive without throwing, every
// default schedule reaches a deadlock, the full interleaving's waits are exactly the report's
// cycle, and lockdep's table replays step for step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, KERNEL_FOLDERS, corpusAvailable, corpusFiles } from '../parse/corpus';
import { parseText } from '../parse/index';
import { explainDeadlock, waitCycle } from './deadlock';
import { deriveScenarios } from './derive';
import { describeStep } from './describe';
import { replay, status } from './machine';

const FOLDERS = KERNEL_FOLDERS;

/** `list` read from some starting point, as a cycle is. */
function isRotationOf(list: readonly string[], cycle: readonly string[]): boolean {
  if (list.length !== cycle.length) return false;
  return cycle.some((_, r) => list.every((x, i) => x === cycle[(i + r) % cycle.length]));
}

describe.runIf(corpusAvailable())('scenarios for every corpus report', () => {
  const files = FOLDERS.flatMap((f) => corpusFiles(f));

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  for (const file of files) {
    it(file, () => {
      const { reports } = parseText(readFileSync(join(CORPUS_DIR, file), 'utf8'));
      for (const report of reports) {
        const scenarios = deriveScenarios(report);
        for (const s of scenarios) {
          const run = replay(s, s.schedule);
          expect(run.ok, `${s.id}: ${run.ok ? '' : run.error}`).toBe(true);
          const states = run.states;
          const last = states[states.length - 1]!;
          expect(status(s, last), `${report.title}: ${s.id}`).toBe('deadlocked');
          expect(explainDeadlock(s, last)).toMatch(/can (never )?move\.$/);
          for (let i = 1; i < states.length; i++)
            expect(describeStep(s, states[i - 1]!, states[i]!)).not.toBe('');
          if (s.id === 'full' || s.id === 'lor') {
            const waited = waitCycle(s, last)!.map((e) => e.class);
            expect(isRotationOf(waited, report.cycle!)).toBe(true);
          }
          if (s.id === 'lockdep') {
            const printed = s.cpus
              .flatMap((c) => c.ops.filter((o) => o.printed !== null))
              .sort((a, b) => a.printed! - b.printed!);
            expect(printed.map((o) => [o.op, o.class])).toEqual(
              report.scenario!.steps.map((st) => [st.op, st.class]),
            );
          }
        }
        const cycle = report.cycle?.length ?? 0;
        const fullId = report.format.endsWith('-witness') ? 'lor' : 'full';
        if (cycle >= 2)
          expect(scenarios[0]?.id).toBe(cycle === 2 && report.scenario ? 'lockdep' : fullId);
      }
    });
  }
});
