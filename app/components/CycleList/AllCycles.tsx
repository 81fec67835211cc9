import { cycleText } from '../../format/report-text';
import { selectMergedCycles, useAppStore } from '../../store';
import './CycleList.css';

/**
 * Every cycle of the merged graph: each report's own (once, however many reports print it), then
 * those no report prints that the merged dependencies close. Each lights up in the graph.
 */
export function AllCycles() {
  const { cycles, complete } = useAppStore(selectMergedCycles);
  const focused = useAppStore((s) => s.focusedCycle);
  const focusCycle = useAppStore((s) => s.focusCycle);
  const reportCount = useAppStore((s) => s.output?.reports.length ?? 0);
  if (cycles.length === 0) {
    return (
      <p className="muted" data-testid="report.no-cycle">
        None of the {reportCount} reports describes a cycle.
      </p>
    );
  }
  const focusedText = focused ? cycleText(focused) : null;
  const own = cycles.filter((c) => !c.merged).length;
  return (
    <div className="cycle-list">
      <p className="muted cycle-list__note">
        {own} cycle{own === 1 ? '' : 's'} printed by the reports
        {cycles.length > own
          ? `, and ${cycles.length - own} that only the merged graph closes (dependencies of different reports)`
          : ''}
        {complete ? '' : '; the search stopped early, there are more'}. Choose one to light it up.
      </p>
      <ol
        className="cycle-list__all"
        data-testid="cycles.list"
        aria-label="Every cycle in the merged graph"
      >
        {cycles.map((c, i) => {
          const text = cycleText(c.classes);
          const pressed = text === focusedText;
          return (
            <li key={i} data-testid="cycles.item" data-merged={c.merged ? 'true' : 'false'}>
              <button
                type="button"
                className="cycle-list__focus"
                data-testid="cycles.focus"
                aria-pressed={pressed}
                onClick={() => focusCycle(pressed ? null : c.classes)}
              >
                <span className="cycle-list__chain">
                  {[...c.classes, c.classes[0]].map((name, k) => (
                    <span key={k}>
                      {k > 0 ? ' → ' : null}
                      <span className="cycle-list__name">{name}</span>
                    </span>
                  ))}
                </span>
                <span className="cycle-list__where muted">
                  {c.merged
                    ? 'no report prints it: the merge closes it'
                    : `report${c.reports.length > 1 ? 's' : ''} ${c.reports.map((r) => r + 1).join(', ')}`}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
