// Every finding printed as lockdep text must read back through lockscope's own parser as the same
// kind, cycle and classes.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../parse';
import { parseProgram, runProgram, SIM_EXAMPLES } from '../../sim';
import { TRACE_EXAMPLES } from '../examples';
import { validateTrace } from '../validate';

const names = (classes: readonly { name: string; usage: string | null }[]) =>
  classes.map((c) => `${c.name}{${c.usage}}`).sort();

describe('lockdep text round trip', () => {
  for (const ex of TRACE_EXAMPLES.filter((e) => e.expect.length > 0)) {
    it(`${ex.name}: printed text parses back to the same report`, () => {
      const { reports, texts } = validateTrace(ex.events);
      expect(texts).toHaveLength(reports.length);
      reports.forEach((report, i) => {
        const text = texts[i]!;
        expect(text).toContain('======');
        const out = parseText(text);
        expect(out.reports).toHaveLength(1);
        const back = out.reports[0]!;
        expect(back.format).toBe('linux-lockdep');
        expect(back.kind).toBe(report.kind);
        expect(back.cycle).toEqual(report.cycle);
        expect(names(back.classes)).toEqual(names(report.classes));
        expect(back.task).toEqual(report.task);
        expect(back.scenario).toEqual(report.scenario);
        expect(back.heldLocks?.map((h) => h.class)).toEqual(report.heldLocks?.map((h) => h.class));
        // nothing missing: the parser found every section lockdep prints
        expect(back.diagnostics ?? []).toEqual([]);
      });
    });
  }

  it('the circular text has lockdep layout: chain entries, frames, scenario, held locks', () => {
    const [text] = validateTrace(TRACE_EXAMPLES[0]!.events).texts;
    expect(text).toContain('\n======================================================\n');
    expect(text).toContain('WARNING: possible circular locking dependency detected\n');
    expect(text).toContain('T2/2 is trying to acquire lock:\n (A){+.+.}, at: t2_lock_a+0x0/0x0\n');
    expect(text).toContain(
      'the existing dependency chain (in reverse order) is:\n\n-> #1 (B){+.+.}:\n',
    );
    expect(text).toContain('       t1_lock_b+0x0/0x0\n');
    expect(text).toContain(' Possible unsafe locking scenario:\n');
    expect(text).toContain('\n *** DEADLOCK ***\n');
    expect(text).toContain('1 lock held by T2/2:\n #0:  (B){+.+.}, at: t2_lock_b+0x0/0x0\n');
  });

  it('a three-lock cycle prints "Chain exists of:" with source, parent and target', () => {
    const [text] = validateTrace(TRACE_EXAMPLES[1]!.events).texts;
    expect(text).toContain('Chain exists of:\n  A --> B --> C\n');
  });
});

describe('lockdep text round trip over the simulator examples', () => {
  for (const ex of SIM_EXAMPLES) {
    it(`${ex.id}: each finding on one run reads back as the same kind, cycle and classes`, () => {
      const { program, errors } = parseProgram(ex.source);
      expect(errors).toEqual([]);
      const { reports, texts } = validateTrace(runProgram(program!));
      reports.forEach((report, i) => {
        const back = parseText(texts[i]!).reports;
        expect(back).toHaveLength(1);
        expect(back[0]!.kind).toBe(report.kind);
        expect(back[0]!.cycle).toEqual(report.cycle);
        expect(names(back[0]!.classes)).toEqual(names(report.classes));
        expect(back[0]!.diagnostics ?? []).toEqual([]);
      });
    });
  }
});
