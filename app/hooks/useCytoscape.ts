// Creates one Cytoscape instance for a container, keeps it for the component's life and destroys
// it on unmount. Callers change it in place (cy.batch, classes); it is never rebuilt per render.
import { useEffect, useRef, useState, type RefObject } from 'react';
import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';

export interface CytoscapeOptions {
  /** called with the tapped element's group and id, or null for the background */
  onTap(target: { group: 'nodes' | 'edges'; id: string } | null): void;
  style(container: HTMLElement): StylesheetJson;
  /**
   * Renderer hints, fixed for the instance's life: changing one destroys it and creates another.
   * `webgl`: Cytoscape's WebGL renderer (needs WebGL2; software-rendered without a GPU, and then
   * slower than canvas). `large`: thousands of elements — edges hidden and a texture used while
   * panning or zooming, and a far lower minimum zoom so the whole graph fits.
   */
  renderer?: { webgl?: boolean; large?: boolean };
}

/** Returns the instance once it exists (a state, so effects that need it run again). */
export function useCytoscape(
  container: RefObject<HTMLElement | null>,
  options: CytoscapeOptions,
): Core | null {
  const [cy, setCy] = useState<Core | null>(null);
  const latest = useRef(options);
  const webgl = options.renderer?.webgl ?? false;
  const large = options.renderer?.large ?? false;
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
      minZoom: large ? 0.002 : 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autounselectify: true, // selection lives in the store, shown with the .selected class
      ...(webgl || large
        ? {
            renderer: { name: 'canvas', webgl },
            hideEdgesOnViewport: large,
            textureOnViewport: large && !webgl,
          }
        : {}),
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
  }, [container, webgl, large]);

  return cy;
}
