// Creates one Cytoscape instance for a container, keeps it for the component's life and destroys
// it on unmount. Callers change it in place (cy.batch, classes); it is never rebuilt per render.
import { useEffect, useRef, useState, type RefObject } from 'react';
import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';

export interface CytoscapeOptions {
  /** called with the tapped element's group and id, or null for the background */
  onTap(target: { group: 'nodes' | 'edges'; id: string } | null): void;
  style(container: HTMLElement): StylesheetJson;
}

/** Returns the instance once it exists (a state, so effects that need it run again). */
export function useCytoscape(
  container: RefObject<HTMLElement | null>,
  options: CytoscapeOptions,
): Core | null {
  const [cy, setCy] = useState<Core | null>(null);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const instance = cytoscape({
      container: el,
      elements: [],
      style: latest.current.style(el),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autounselectify: true, // selection lives in the store, shown with the .selected class
    });
    instance.on('tap', (event) => {
      const target = event.target as Core | cytoscape.SingularElementArgument;
      if (target === instance) latest.current.onTap(null);
      else {
        const ele = target as cytoscape.SingularElementArgument;
        latest.current.onTap({ group: ele.isNode() ? 'nodes' : 'edges', id: ele.id() });
      }
    });
    // Follow the system theme: the palette comes from CSS custom properties.
    const dark = window.matchMedia('(prefers-color-scheme: dark)');
    const restyle = () => instance.style(latest.current.style(el));
    dark.addEventListener('change', restyle);
    setCy(instance);
    return () => {
      dark.removeEventListener('change', restyle);
      instance.destroy();
      setCy(null);
    };
  }, [container]);

  return cy;
}
