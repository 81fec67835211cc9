// Draws the stepper's overlay (stepper-overlay.ts) on the existing Cytoscape instance: CPU badges
// placed beside their locks by hand (no layout runs), wait-for arrows, the step's change pulsing
// once, the cycle of waits in red. One batch per step; the lock graph itself is never touched.
import { useEffect, useRef } from 'react';
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { Box } from './back-edge-bow';
import { CPU_COLOURS, STEP_BADGE_FONT_SIZE } from './graph-style';
import type { OverlayBadge, StepperOverlay } from './stepper-overlay';
import { fitGraph } from './useGraphContent';
import { waitEdgeBow } from './wait-edge-bow';

const BADGE_H = 17;
const BADGE_GAP = 3;
const BADGE_MARGIN = 8;

function badgeWidth(label: string): number {
  return Math.ceil(label.length * STEP_BADGE_FONT_SIZE * 0.62 + 12);
}

function boxOf(n: NodeSingular): Box {
  const p = n.position();
  return {
    x: p.x,
    y: p.y,
    w: Number(n.data('w')) || n.width(),
    h: Number(n.data('h')) || n.height(),
  };
}

/**
 * Holders' badges stacked down the left side of their lock; waiters that hold nothing there sit
 * below its bottom-left corner, so that their arrow into it is long enough to see.
 */
function placeBadges(cy: Core, badges: readonly OverlayBadge[]): ElementDefinition[] {
  const byLock = new Map<string, OverlayBadge[]>();
  for (const b of badges) {
    const list = byLock.get(b.lock) ?? [];
    list.push(b);
    byLock.set(b.lock, list);
  }
  const out: ElementDefinition[] = [];
  const add = (b: OverlayBadge, x: number, y: number, w: number) =>
    out.push({
      group: 'nodes',
      data: { id: b.id, label: b.label, w, h: BADGE_H },
      position: { x: x - w / 2, y },
      classes: `step step-badge step-c${b.cpu % CPU_COLOURS.length}${b.waitingOnly ? ' step-idle' : ''}`,
    });
  for (const [lock, list] of byLock) {
    const node = cy.getElementById(lock);
    if (node.empty() || !node.isNode()) continue;
    const box = boxOf(node);
    const left = box.x - box.w / 2 - BADGE_MARGIN;
    const holders = list.filter((b) => !b.waitingOnly).sort((a, b) => a.cpu - b.cpu);
    const top = box.y - ((holders.length - 1) * (BADGE_H + BADGE_GAP)) / 2;
    holders.forEach((b, k) => add(b, left, top + k * (BADGE_H + BADGE_GAP), badgeWidth(b.label)));
    const waiters = list.filter((b) => b.waitingOnly).sort((a, b) => a.cpu - b.cpu);
    const below = Math.max(box.y + box.h / 2, top + holders.length * (BADGE_H + BADGE_GAP)) + 22;
    waiters.forEach((b, k) =>
      add(b, left - 10, below + k * (BADGE_H + BADGE_GAP), badgeWidth(b.label)),
    );
  }
  return out;
}

function pulse(cy: Core, ids: readonly string[]): void {
  if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) return;
  for (const id of ids) {
    const ele = cy.getElementById(id);
    if (ele.empty()) continue;
    ele.style('underlay-padding', 16);
    ele.animate({ style: { 'underlay-padding': 5 } }, { duration: 450, easing: 'ease-out' });
  }
}

export function useStepperOverlay(cy: Core | null, placed: string | null, overlay: StepperOverlay) {
  const fittedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!cy || placed === null) return;
    cy.batch(() => {
      cy.elements('.step').remove();
      cy.nodes('.step-cycle-lock, .step-changed').removeClass('step-cycle-lock step-changed');
      const badges = placeBadges(cy, overlay.badges);
      cy.add(badges);
      const drawn = new Set(badges.map((b) => b.data.id));
      for (const w of overlay.waits) {
        const target = cy.getElementById(w.lock);
        if (!drawn.has(w.from) || target.empty()) continue;
        const from = boxOf(cy.getElementById(w.from) as NodeSingular);
        const to = boxOf(target as NodeSingular);
        const others = cy.nodes().filter((n) => n.id() !== w.from && n.id() !== w.lock);
        const bow = waitEdgeBow(from, to, others.map(boxOf));
        const classes = ['step', 'step-wait', `step-c${w.cpu % CPU_COLOURS.length}`];
        if (w.inCycle) classes.push('step-cycle');
        if (bow !== 0) classes.push('step-bowed');
        cy.add({
          group: 'edges',
          data: { id: w.id, source: w.from, target: w.lock, label: w.label, bow },
          classes: classes.join(' '),
        });
      }
      for (const lock of overlay.cycleLocks) cy.getElementById(lock).addClass('step-cycle-lock');
      for (const id of overlay.changed) cy.getElementById(id).addClass('step-changed');
    });
    pulse(cy, overlay.changed);
    // Badges sit outside their locks: bring them into view once, when the first ones appear.
    const steps = cy.elements('.step');
    if (steps.nonempty() && fittedFor.current !== placed) {
      fittedFor.current = placed;
      const b = steps.renderedBoundingBox();
      if (b.x1 < 0 || b.y1 < 0 || b.x2 > cy.width() || b.y2 > cy.height()) fitGraph(cy);
    }
  }, [cy, placed, overlay]);
}
