import { describe, expect, it } from 'vitest';
import { backEdgeBow } from './back-edge-bow';

const box = (x: number, y: number) => ({ x, y, w: 200, h: 30 });

describe('backEdgeBow', () => {
  it('draws a back edge straight when no box is in the way', () => {
    expect(backEdgeBow({ x: 0, y: 100 }, { x: 0, y: 0 }, [box(0, 0), box(0, 100)], 1)).toBe(0);
    expect(backEdgeBow({ x: 0, y: 200 }, { x: 0, y: 0 }, [box(400, 100)], 1)).toBe(0);
  });

  it('bows out past the widest box in a column it would cross', () => {
    const bow = backEdgeBow({ x: 0, y: 200 }, { x: 0, y: 0 }, [box(0, 100), box(0, 0)], 1);
    expect(bow).toBeGreaterThan(2 * 100);
    expect(backEdgeBow({ x: 0, y: 200 }, { x: 0, y: 0 }, [box(0, 100)], -1)).toBe(-bow);
  });
});
