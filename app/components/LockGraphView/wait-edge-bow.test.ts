import { describe, expect, it } from 'vitest';
import { segmentHitsBox, waitEdgeBow } from './wait-edge-bow';

const box = (x: number, y: number, w = 200, h = 30) => ({ x, y, w, h });

describe('segmentHitsBox', () => {
  it('tells a line through a box from one passing beside it', () => {
    expect(segmentHitsBox({ x: -50, y: 0 }, { x: 50, y: 0 }, box(0, 0, 20, 20))).toBe(true);
    expect(segmentHitsBox({ x: -50, y: 40 }, { x: 50, y: 40 }, box(0, 0, 20, 20))).toBe(false);
    // ends short of the box
    expect(segmentHitsBox({ x: -50, y: 0 }, { x: -20, y: 0 }, box(0, 0, 20, 20))).toBe(false);
    // vertical line
    expect(segmentHitsBox({ x: 5, y: -50 }, { x: 5, y: 50 }, box(0, 0, 20, 20))).toBe(true);
  });
});

describe('waitEdgeBow', () => {
  it('runs straight to the next lock down when nothing is in the way', () => {
    expect(waitEdgeBow({ x: -140, y: 0 }, { x: 0, y: 130 }, [box(400, 60)])).toBe(0);
  });

  it('bows to the left of the locks it would cross, going up or down', () => {
    const column = [box(0, 130), box(0, 260), box(0, 390)];
    const up = waitEdgeBow({ x: -140, y: 520 }, { x: 0, y: 0 }, column);
    const down = waitEdgeBow({ x: -140, y: 0 }, { x: 0, y: 520 }, column);
    // Cytoscape measures to the right of the direction of travel: left is + going down, - going up
    expect(up).toBeLessThan(0);
    expect(down).toBeGreaterThan(0);
    // the apex (half the distance) clears the column's left edge (-100) from the midpoint (-70)
    expect(Math.abs(up) / 2).toBeGreaterThan(30);
    expect(Math.abs(up)).toBeLessThan(200);
  });
});
