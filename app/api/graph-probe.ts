// Where the drawn graph's elements are on screen, for browser tests that click them on the
// canvas. The graph view registers a probe while it is mounted; window.lockscope.geometry() asks.

export interface ElementPoint {
  id: string;
  /** viewport (client) coordinates, CSS px: a node's centre, an edge's midpoint */
  x: number;
  y: number;
}

export interface GraphGeometry {
  nodes: ElementPoint[];
  edges: (ElementPoint & { prev: string; next: string })[];
  zoom: number;
  /** what the stepper draws over the graph at the step shown */
  stepper: {
    /** a badge per CPU on each lock it holds ("CPU3", "CPU0 irq"); `waiting`: holds nothing, waits here */
    badges: { label: string; lock: string; waiting: boolean }[];
    /** wait-for arrows: CPU index -> the lock it waits for; `inCycle` at a deadlock */
    waits: { cpu: number; lock: string; inCycle: boolean }[];
    /** element ids this step changed (badges, wait arrows, lock classes) */
    changed: string[];
  };
}

let probe: (() => GraphGeometry) | null = null;

export function setGraphProbe(next: (() => GraphGeometry) | null): void {
  probe = next;
}

export function readGraphGeometry(): GraphGeometry | null {
  return probe ? probe() : null;
}
