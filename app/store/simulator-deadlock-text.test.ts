import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse';
import { deriveScenarios } from '../../src/scenario';
import { explore, parseProgram, SIM_EXAMPLES } from '../../src/sim';
import { deadlockLockdepText } from './simulator-deadlock-text';

const found = SIM_EXAMPLES.flatMap((ex) =>
  explore(parseProgram(ex.source).program!).deadlocks.map((d) => [`${ex.id} ${d.id}`, d] as const),
);

describe('a simulated deadlock as lockdep text', () => {
  it('covers every example that deadlocks', () => {
    expect(found.length).toBeGreaterThanOrEqual(SIM_EXAMPLES.filter((e) => e.deadlocks).length);
  });

  it.each(found)('%s reads back as one report with its kind, cycle and a stepper', (_n, d) => {
    const text = deadlockLockdepText(d);
    expect(text).not.toBeNull();
    expect(text).not.toMatch(/ \(\)\{/); // every lock line names its class
    const reports = parseText(text!).reports;
    expect(reports).toHaveLength(1);
    const r = reports[0]!;
    expect(r.kind).toBe(d.report.kind);
    expect(r.cycle ?? null).toEqual(d.report.cycle === null ? (r.cycle ?? null) : d.report.cycle);
    expect(deriveScenarios(r).length).toBeGreaterThan(0);
  });
});
