import { expect, it } from 'vitest';
import type { ParseOutput } from '../../model/types';
import { circularReport } from '../../render/fixtures';
import { jsonChunks, mergeOutputs, renderParsed } from './parse-output';

const output = (reports: number, diagnostics: number): ParseOutput => ({
  schema: 'lockscope.report/v1',
  reports: Array.from({ length: reports }, () => circularReport()),
  diagnostics: Array.from({ length: diagnostics }, (_, i) => ({
    line: i,
    severity: 'info',
    message: `"odd"\n${i}`,
  })),
});

it('writes JSON a piece at a time that is exactly JSON.stringify(…, null, 2)', () => {
  for (const [r, d] of [
    [0, 0],
    [1, 0],
    [0, 2],
    [3, 2],
  ] as const) {
    const merged = mergeOutputs([
      { name: 'a.log', output: output(r, d) },
      { name: '-', output: output(1, 1) },
    ]);
    expect([...jsonChunks(merged)].join('')).toBe(JSON.stringify(merged, null, 2) + '\n');
    const empty = mergeOutputs([{ name: '-', output: output(r, d) }]);
    expect([...jsonChunks(empty)].join('')).toBe(JSON.stringify(empty, null, 2) + '\n');
  }
});

it('writes text one report per piece, so a million reports never make one giant string', () => {
  const chunks = [...renderParsed([{ name: '-', output: output(3, 0) }], 'text')];
  expect(chunks).toHaveLength(3);
  expect(chunks[1]).toMatch(/^\nreport 2 of 3: /);
});
