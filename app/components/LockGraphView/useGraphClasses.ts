// Shows the selection on the graph with classes only (.highlighted, .selected, .faded), in one
// batch; brings the selected element into view when it is off screen.
import { useEffect } from 'react';
import type { Core } from 'cytoscape';
import type { GraphSelection, Highlight } from '../../store';

export function useGraphClasses(
  cy: Core | null,
  placed: string | null,
  highlight: Highlight,
  selection: GraphSelection | null,
): void {
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('highlighted selected faded');
      let lit = cy.collection();
      for (const id of [...highlight.nodes, ...highlight.edges])
        lit = lit.union(cy.getElementById(id));
      if (lit.empty()) return;
      lit.addClass('highlighted');
      cy.elements().difference(lit).addClass('faded');
      if (selection) cy.getElementById(selection.id).addClass('selected');
    });
    if (!selection || placed === null) return;
    const ele = cy.getElementById(selection.id);
    if (ele.empty()) return;
    const box = ele.renderedBoundingBox();
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > cy.width() || box.y2 > cy.height())
      cy.animate({ center: { eles: ele } }, { duration: 200 });
  }, [cy, placed, highlight, selection]);
}
