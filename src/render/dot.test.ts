import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Report } from '../model/types';
import { dotLabel, dotQuote, renderDot, wrapName } from './dot';
import { circularReport, LIST, QUEUE, STATE } from './fixtures';

const hasDot = spawnSync('dot', ['-V']).status === 0;

/** Lock names as real reports print them, plus the two characters DOT cares about. */
const ODD = [
  '"quoted" lock',
  'back\\slash\\',
  '(work_completion)(&(&w->work)->timer)',
  '&sb->s_type->i_mutex_key#5/1',
];

function oddReport(): Report {
  const r = circularReport();
  const [a, b, c, d] = ODD as [string, string, string, string];
  return {
    ...r,
    classes: ODD.map((name) => ({ name, usage: '+.+.', waitType: null })),
    dependencies: [
      { prev: a, next: b, trace: [], chainEntry: 1, isNew: false },
      { prev: b, next: c, trace: [], chainEntry: 2, isNew: false },
      { prev: c, next: a, trace: [], chainEntry: 0, isNew: true },
      { prev: d, next: a, trace: [], chainEntry: null, isNew: false },
    ],
    cycle: [a, b, c],
    heldLocks: [{ index: 0, class: d, address: null, at: null }],
  };
}

describe('renderDot', () => {
  const dot = renderDot([circularReport()]);
  const lines = dot.trimEnd().split('\n');

  it('is one digraph with a node per class and an edge per dependency', () => {
    expect(lines[0]).toBe('digraph lockscope {');
    expect(lines.at(-1)).toBe('}');
    expect(lines.filter((l) => /^ {2}"[^"]*" \[/.test(l))).toHaveLength(3);
    expect(lines.filter((l) => l.includes(' -> '))).toHaveLength(3);
    expect(dot).toContain('label="possible deadlock in frob_update"');
  });

  it('draws the cycle in red and marks the new dependency dashed with its chain entry', () => {
    const edge = (p: string, n: string) =>
      lines.find((l) => l.startsWith(`  "${p}" -> "${n}"`)) ?? '';
    expect(edge(LIST, QUEUE)).toContain('label="#2"');
    expect(edge(LIST, QUEUE)).toContain('color="red"');
    expect(edge(QUEUE, STATE)).toContain('label="#0 new"');
    expect(edge(QUEUE, STATE)).toContain('style="bold,dashed"');
    expect(edge(STATE, LIST)).not.toContain('dashed');
    expect(edge(QUEUE, STATE)).toContain('tooltip="at frob_update+0x2a/0x90 [frob]"');
  });

  it('fills held locks and keeps usage in the tooltip', () => {
    const node = lines.find((l) => l.startsWith(`  "${QUEUE}" [`)) ?? '';
    expect(node).toContain('fillcolor="lightyellow"');
    expect(node).toContain(`tooltip="${QUEUE} {+.+.}"`);
  });

  it('merges reports into one lock graph: a shared dependency is drawn once', () => {
    const merged = renderDot([circularReport(), circularReport()]);
    expect(merged.split('\n').filter((l) => l.includes(' -> '))).toHaveLength(3);
    expect(merged).toContain('// report 2: possible deadlock in frob_update');
  });

  it('escapes quotes and backslashes, and puts no raw newline inside a string', () => {
    expect(dotQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(dotQuote('end\\')).toBe('"end\\\\"');
    expect(dotQuote('two\nlines')).toBe('"two lines"');
    expect(dotLabel('&sb->s_type->i_mutex_key#5', 12)).toBe(
      '"&sb->\\ns_type->\\ni_mutex_\\nkey#5"',
    );
    const odd = renderDot([oddReport()]);
    // Every line has balanced unescaped quotes.
    for (const line of odd.split('\n')) {
      expect(line.replace(/\\./g, '').split('"').length % 2, line).toBe(1);
    }
  });

  it('wraps long names at punctuation a reader would break at', () => {
    expect(wrapName('(work_completion)(&(&w->work)->timer)', 20)).toEqual([
      '(work_completion)',
      '(&(&w->work)->timer)',
    ]);
    expect(wrapName('x'.repeat(50), 20)).toEqual(['x'.repeat(20), 'x'.repeat(20), 'x'.repeat(10)]);
    expect(wrapName('short', 20)).toEqual(['short']);
  });

  it.skipIf(!hasDot)('is accepted by Graphviz, which draws every name back as printed', () => {
    for (const report of [circularReport(), oddReport()]) {
      const run = spawnSync('dot', ['-Tsvg'], { input: renderDot([report]), encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const texts = [...run.stdout.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
        unescapeXml(m[1]!),
      );
      // Labels are wrapped onto several <text> lines; joined back they give the names.
      const drawn = texts.join('');
      for (const c of report.classes) expect(drawn).toContain(c.name);
    }
  });
});

function unescapeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#45;/g, '-')
    .replace(/&amp;/g, '&');
}
