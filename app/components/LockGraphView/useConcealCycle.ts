// While a lesson waits for the student's answer, the cycle's colours (and the dashed new edge)
// would give it away: draw those elements like any other until the answer is revealed.
import { useEffect } from 'react';
import type { Core } from 'cytoscape';
import { selectConcealCycle, useAppStore } from '../../store';

export function useConcealCycle(cy: Core | null, placed: string | null): void {
  const conceal = useAppStore(selectConcealCycle);
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.concealed').removeClass('concealed');
      if (conceal) cy.elements('.in-cycle, .in-scc, .new').addClass('concealed');
    });
  }, [cy, placed, conceal]);
}
