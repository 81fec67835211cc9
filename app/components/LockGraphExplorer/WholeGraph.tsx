// The whole graph, on request only (thousands of classes take seconds to draw and are read by
// zooming in), and the renderer choice: canvas, or Cytoscape's WebGL renderer for a real GPU.
import { selectDumpGraph, selectExplorerQuery, useAppStore } from '../../store';

export function WholeGraph() {
  const graph = useAppStore(selectDumpGraph);
  const query = useAppStore(selectExplorerQuery);
  const setQuery = useAppStore((s) => s.setExplorerQuery);
  const renderer = useAppStore((s) => s.explorerRenderer);
  const setRenderer = useAppStore((s) => s.setExplorerRenderer);
  const nodes = graph?.nodes.length ?? 0;
  const edges = graph?.edges.length ?? 0;
  const big = nodes > 1500 || edges > 6000;
  return (
    <section className="explorer__panel" aria-label="Whole graph" data-testid="explorer.whole">
      <h4>Whole graph</h4>
      <p className={big ? 'explorer__warning' : 'muted'}>
        {nodes.toLocaleString('en')} classes and {edges.toLocaleString('en')} dependencies
        {big
          ? ': drawing them all takes several seconds and a lot of memory, and names show only when zoomed in.'
          : '.'}
      </p>
      <button
        type="button"
        className="button"
        data-testid="explorer.draw-whole"
        aria-pressed={query?.mode === 'whole'}
        disabled={!graph}
        onClick={() => setQuery({ mode: 'whole' })}
      >
        Draw whole graph
      </button>
      <fieldset className="explorer__renderer">
        <legend>Renderer</legend>
        <label>
          <input
            type="radio"
            name="explorer-renderer"
            data-testid="explorer.renderer-canvas"
            checked={renderer === 'canvas'}
            onChange={() => setRenderer('canvas')}
          />{' '}
          Canvas
        </label>
        <label>
          <input
            type="radio"
            name="explorer-renderer"
            data-testid="explorer.renderer-webgl"
            checked={renderer === 'webgl'}
            onChange={() => setRenderer('webgl')}
          />{' '}
          WebGL
        </label>
        <p className="muted explorer__note">
          WebGL is faster for big graphs on a machine with a GPU. Without one the browser renders it
          in software, and it is slower than canvas.
        </p>
      </fieldset>
    </section>
  );
}
