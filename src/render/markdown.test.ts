import { describe, expect, it } from 'vitest';
import { firstInterestingFrame, formatFrame } from '../model/frame';
import { deriveScenarios } from '../scenario';
import { circularReport, LIST, QUEUE, STATE } from './fixtures';
import { code, inline, renderMarkdown } from './markdown';
import { markdownBlocks, markdownSections } from './markdown-structure';

describe('renderMarkdown', () => {
  const report = circularReport();
  const md = renderMarkdown(report);
  const blocks = markdownBlocks(md);
  const sections = markdownSections(blocks, 3);

  it('opens with the title as the one level-2 heading, then the facts as a list', () => {
    const headings = blocks.filter((b) => b.type === 'heading');
    expect(headings[0]).toEqual({
      type: 'heading',
      level: 2,
      text: 'possible deadlock in frob_update',
    });
    expect(headings.filter((h) => h.type === 'heading' && h.level === 2)).toHaveLength(1);
    expect(blocks.slice(1, 5)).toEqual([
      {
        type: 'item',
        ordered: false,
        number: null,
        text: '**Kind:** `circular-dependency` (Linux lockdep)',
      },
      { type: 'item', ordered: false, number: null, text: '**Kernel:** `6.1.0-frob+`' },
      { type: 'item', ordered: false, number: null, text: '**Task:** `frobd/812`' },
      { type: 'item', ordered: false, number: null, text: '**Where:** lines 1–69' },
    ]);
    expect([...sections.keys()]).toEqual([
      'The cycle',
      'How it deadlocks',
      'Where each dependency was taken',
      'Locks held',
    ]);
  });

  it('writes the cycle as a chain in a fenced block, back to its first lock', () => {
    const fence = sections.get('The cycle')!.find((b) => b.type === 'fence')!;
    expect(fence).toEqual({
      type: 'fence',
      info: 'text',
      lines: [STATE, `  --> ${LIST}`, `  --> ${QUEUE}`, `  --> ${STATE}`],
    });
  });

  it("plays the stepper's deadlocking schedule: a numbered step per character, then the CPU table", () => {
    const scenario = deriveScenarios(report)[0]!;
    const part = sections.get('How it deadlocks')!;
    const steps = part.filter((b) => b.type === 'item');
    expect(steps.map((s) => s.type === 'item' && s.number)).toEqual(
      [...scenario.schedule].map((_, i) => i + 1),
    );
    expect(steps.at(-1)!.type === 'item' && steps.at(-1)!.text).toMatch(/waits/);
    const table = part.find((b) => b.type === 'fence')!;
    expect(table.type === 'fence' && table.lines[0]!.split(/ +/)).toEqual(
      scenario.cpus.map((c) => c.name),
    );
    expect(table.type === 'fence' && table.lines.length).toBe(2 + scenario.schedule.length);
    expect(
      part.some((b) => b.type === 'paragraph' && b.text.startsWith('**Deadlock:** CPU0 holds')),
    ).toBe(true);
  });

  it("names where each dependency was taken: its trace's first interesting frame", () => {
    const items = sections.get('Where each dependency was taken')!;
    expect(items).toHaveLength(report.dependencies.length);
    report.dependencies.forEach((d, i) => {
      const b = items[i]!;
      expect(b.type).toBe('item');
      const text = b.type === 'item' ? b.text : '';
      expect(text).toContain(code(d.prev));
      expect(text).toContain(code(d.next));
      expect(text).toContain(`\`-> #${d.chainEntry}\``);
      expect(text.endsWith(code(formatFrame(firstInterestingFrame(d.trace)!)))).toBe(true);
    });
    expect(items[1]!.type === 'item' && items[1]!.text).toContain(
      'frob_register+0x44/0x120 [frob]',
    );
  });

  it('offers another scenario on request and lists the classes of a report with no cycle', () => {
    const ids = deriveScenarios(report).map((s) => s.id);
    expect(ids).toContain('lockdep');
    const lockdep = markdownSections(
      markdownBlocks(renderMarkdown(report, { scenario: 'lockdep' })),
      3,
    );
    expect(lockdep.get('How it deadlocks')![0]).toMatchObject({
      type: 'paragraph',
      text: expect.stringMatching(/^Lockdep/),
    });
    const plain = {
      ...report,
      cycle: null,
      dependencies: [],
      scenario: null,
      kind: 'still-has-locks' as const,
    };
    const s = markdownSections(markdownBlocks(renderMarkdown(plain)), 3);
    expect([...s.keys()]).toEqual(['Lock classes', 'Locks held']);
    expect(s.get('Lock classes')).toHaveLength(3);
  });

  it('keeps untrusted text from becoming markup', () => {
    const evil = { ...report, title: '# <script>alert(1)</script> *x* [a](b) `c`', kernel: 'a`b' };
    const b = markdownBlocks(renderMarkdown(evil));
    expect(b[0]).toEqual({
      type: 'heading',
      level: 2,
      text: '\\# \\<script>alert(1)\\</script> \\*x\\* \\[a\\](b) \\`c\\`',
    });
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x')).toBe('`` `x ``');
    expect(inline('apply_workqueue_attrs &amp; __x')).toBe('apply_workqueue_attrs \\&amp; \\_\\_x');
    expect(inline('1. not a list')).toBe('1\\. not a list');
  });
});
