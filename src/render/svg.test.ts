import { describe, expect, it } from 'vitest';
import { buildLockGraph, edgeId } from '../graph';
import { circularReport, LIST, QUEUE, STATE } from './fixtures';
import { drawGraph, nodeBox, renderSvg, xml, type SvgDrawing } from './svg';

/** Tags balance and every '&' starts an entity: what an XML parser would reject first. */
function checkWellFormed(svg: string): void {
  const stack: string[] = [];
  const tags = svg.matchAll(/<(\/?)([A-Za-z][\w:-]*)([^<>]*?)(\/?)>/g);
  for (const [, close, name, , selfClose] of tags) {
    if (selfClose) continue;
    if (close) expect(stack.pop(), `</${name}>`).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
  expect(svg.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toContain('&');
  // no '<' outside a tag: after removing tags, text has none
  expect(svg.replace(/<[^<>]*>/g, '')).not.toMatch(/[<>]/);
}

const texts = (svg: string) =>
  [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );

describe('renderSvg', () => {
  const report = circularReport();
  const graph = buildLockGraph([report]);
  const svg = renderSvg(drawGraph(graph, { reports: [report], title: report.title }));

  it('is a well-formed standalone SVG with a box and a label per class and a path per dependency', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    checkWellFormed(svg);
    expect(svg.match(/<g class="node[ "]/g)).toHaveLength(3);
    expect(svg.match(/<g class="edge[ "]/g)).toHaveLength(3);
    expect(texts(svg).sort()).toEqual([LIST, QUEUE, STATE].sort());
    expect(svg).toContain(`<title>${xml(report.title)}</title>`);
  });

  it('draws the cycle, the new dependency and the held lock with the classes the app uses', () => {
    for (const name of [STATE, LIST, QUEUE])
      expect(svg).toMatch(
        new RegExp(
          `<g class="node in-cycle in-scc[^"]*" data-id="${xml(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`,
        ),
      );
    expect(svg).toMatch(
      /<g class="node in-cycle in-scc held" data-id="&amp;frob-&gt;queue_mutex">/,
    );
    expect(svg).toMatch(
      /<g class="edge in-cycle in-scc new" data-prev="&amp;frob-&gt;queue_mutex" data-next="&amp;frob-&gt;state_lock"><path d="M[^"]*" marker-end="url\(#arrow-cycle\)"\/>/,
    );
    expect(svg).toMatch(/>new<\/text>/);
    expect(svg).toMatch(/>#1<\/text>/);
  });

  it('lights up a highlight and fades the rest', () => {
    const lit = renderSvg(
      drawGraph(graph, { highlight: { nodes: [STATE, LIST], edges: [edgeId(STATE, LIST)] } }),
    );
    expect(lit.match(/class="node[^"]* highlighted"/g)).toHaveLength(2);
    expect(lit.match(/class="node[^"]* faded"/g)).toHaveLength(1);
    expect(lit.match(/class="edge[^"]* highlighted"/g)).toHaveLength(1);
    // a halo behind each lit element, as the app's underlay; the arrow keeps its cycle colour
    expect(lit.match(/<rect class="halo"/g)).toHaveLength(2);
    expect(lit.match(/<path class="halo"/g)).toHaveLength(1);
    expect(lit).not.toContain('marker-end="url(#arrow-hl)"');
  });

  it('escapes names and drops what XML cannot hold', () => {
    const d: SvgDrawing = {
      nodes: [{ id: 'a<b>&"c"', x: 50, y: 20, ...nodeBox('a<b>&"c"'), classes: ['x" onload="y'] }],
      edges: [{ id: 'e', prev: 'a<b>&"c"', next: 'a<b>&"c"', label: '</text>', classes: [] }],
      title: 'bell\u0007',
    };
    const out = renderSvg(d, { palette: { cycle: 'red;}</style><script>' } });
    checkWellFormed(out);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('onload');
    expect(out).toContain('bell\ufffd');
    expect(texts(out)).toEqual(['a<b>&"c"']);
  });

  it('wraps long names as the app does and sizes the box to the label', () => {
    const box = nodeBox('&sb->s_type->i_mutex_key#5/1->another_long_part');
    expect(box.lines.length).toBeGreaterThan(1);
    expect(box.lines.join('')).toBe('&sb->s_type->i_mutex_key#5/1->another_long_part');
    expect(box.width).toBeGreaterThan(26 * 12 * 0.6 * 0.5);
  });
});
