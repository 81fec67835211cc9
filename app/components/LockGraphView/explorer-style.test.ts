import { describe, expect, it } from 'vitest';
import { explorerStylesheet, labelsShownAt } from './explorer-style';
import type { GraphPalette } from './graph-style';

const palette = new Proxy({} as GraphPalette, { get: (_, key) => `#${String(key)}` });

describe('explorerStylesheet', () => {
  it('gives the whole graph two selectors: class boxes whose names hide when zoomed out', () => {
    const sheet = explorerStylesheet(palette, true) as { selector: string; style: object }[];
    expect(sheet.map((r) => r.selector)).toEqual(['node', 'node.in-scc']);
    expect(sheet[0]!.style).toMatchObject({
      shape: 'rectangle',
      label: 'data(label)',
      'min-zoomed-font-size': 7,
    });
    expect(sheet[1]!.style).toEqual({ 'background-color': '#sccBg' });
    // a neighbourhood keeps the report graph's full sheet and the explorer's own rules
    const near = explorerStylesheet(palette, false) as { selector: string }[];
    expect(near.length).toBeGreaterThan(20);
    expect(near.map((r) => r.selector)).toContain('node.focus');
  });

  it('shows names once a 12 px label is at least 7 px on screen', () => {
    expect(labelsShownAt(0.5)).toBe(false);
    expect(labelsShownAt(0.6)).toBe(true);
  });
});
