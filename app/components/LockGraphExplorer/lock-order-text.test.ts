import { describe, expect, it } from 'vitest';
import { buildLockGraph } from '../../../src/graph';
import { suggestedLockOrder } from '../../store';
import { dumpReport } from '../../store/lock-graph-test-report';
import { lockOrderText } from './lock-order-text';

describe('lockOrderText', () => {
  it('numbers the order and names each dependency against it', () => {
    const deps: [string, string][] = [
      ['a', 'b'],
      ['b', 'a'],
      ['b', 'c'],
    ];
    const order = suggestedLockOrder(buildLockGraph([dumpReport(deps)]));
    const text = lockOrderText(order, {
      title: 'the dump',
      format: 'proc-lockdep',
      dependencies: 3,
    });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(
      '# Suggested lock order for the dump (proc-lockdep: 3 classes, 3 dependencies)',
    );
    expect(lines).toContain('1  a');
    expect(lines).toContain('3  c');
    expect(lines.at(-1)).toBe('b -> a    (#1 taken while #2 held)');
    expect(text).toContain('1 dependency goes against it');
  });
});
