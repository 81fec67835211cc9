// The buttons over the graph (fit, zoom, back to the cycle) and the legend under it.
export function GraphControls({
  onFit,
  onZoom,
  onRecentre,
  hasCycle,
}: {
  onFit(): void;
  onZoom(factor: number): void;
  onRecentre(): void;
  hasCycle: boolean;
}) {
  return (
    <div className="lock-graph__controls" role="toolbar" aria-label="Graph view">
      <button type="button" className="button" data-testid="graph.fit" onClick={onFit}>
        Fit
      </button>
      <button
        type="button"
        className="button"
        aria-label="Zoom in"
        data-testid="graph.zoom-in"
        onClick={() => onZoom(1.25)}
      >
        +
      </button>
      <button
        type="button"
        className="button"
        aria-label="Zoom out"
        data-testid="graph.zoom-out"
        onClick={() => onZoom(0.8)}
      >
        −
      </button>
      <button
        type="button"
        className="button"
        data-testid="graph.recentre"
        disabled={!hasCycle}
        onClick={onRecentre}
      >
        Centre on the cycle
      </button>
    </div>
  );
}

export function GraphLegend({ merged, stepper }: { merged: boolean; stepper: boolean }) {
  return (
    <ul className="lock-graph__legend" aria-label="Legend">
      <li>
        <span className="swatch swatch--cycle" /> {merged ? 'each report’s cycle' : 'the cycle'}
      </li>
      <li>
        <span className="swatch swatch--scc" /> other locks on a cycle
      </li>
      <li>
        <span className="swatch swatch--acquiring" /> being acquired
      </li>
      <li>
        <span className="swatch swatch--held" /> held
      </li>
      <li>
        <span className="swatch swatch--new" /> new dependency (triggered the report)
      </li>
      <li className="muted">arrow: held → then took</li>
      {stepper ? (
        <>
          <li>
            <span className="swatch swatch--badge">CPU1</span> CPU1 holds it (stepper)
          </li>
          <li>
            <span className="swatch swatch--wait" /> waits for
          </li>
          <li>
            <span className="swatch swatch--changed" /> this step
          </li>
          <li>
            <span className="swatch swatch--deadlock" /> the waits that deadlock
          </li>
        </>
      ) : null}
    </ul>
  );
}
