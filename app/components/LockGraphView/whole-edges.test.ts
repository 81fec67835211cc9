import { describe, expect, it } from 'vitest';
import { borderPoint } from './whole-edges';

describe('borderPoint', () => {
  it('is where a line to the centre of a box enters it: the arrowhead tip', () => {
    // from the left, into a 20 x 10 box (half sizes 10, 5) centred at (100, 50)
    expect(borderPoint(0, 50, 100, 50, 10, 5)).toEqual({ x: 90, y: 50 });
    // from above, steeply: through the top side
    expect(borderPoint(100, 0, 100, 50, 10, 5)).toEqual({ x: 100, y: 45 });
    // along the diagonal of a wide box: the top side comes first
    const p = borderPoint(0, 0, 100, 100, 40, 10);
    expect(p.y).toBeCloseTo(90);
    expect(p.x).toBeCloseTo(90);
  });

  it('is the centre when the line starts inside the box or is no line', () => {
    expect(borderPoint(98, 50, 100, 50, 10, 5)).toEqual({ x: 100, y: 50 });
    expect(borderPoint(100, 50, 100, 50, 10, 5)).toEqual({ x: 100, y: 50 });
  });
});
