import type { LockGraph } from '../../../src/graph';
import { cycleText } from '../../format/report-text';
import { useAppStore } from '../../store';
import { ClassButton, DependencyButton } from '../SelectButtons/SelectButtons';
import { AllCycles } from './AllCycles';
import './CycleList.css';

/**
 * The cycle as text and as a list: the keyboard and screen-reader path to every lock and
 * dependency on it (the canvas is not accessible).
 */
export function CycleList({ graph }: { graph: LockGraph | null }) {
  const merged = useAppStore((s) => s.merged);
  if (merged) return <AllCycles />;
  return <OneCycle graph={graph} />;
}

function OneCycle({ graph }: { graph: LockGraph | null }) {
  const cycle = graph?.cycle;
  if (!cycle || cycle.length === 0) {
    return (
      <p className="muted" data-testid="report.no-cycle">
        This report describes no cycle.
      </p>
    );
  }
  return (
    <div className="cycle-list">
      <p className="cycle-list__text" data-testid="report.cycle" aria-label={cycleText(cycle)}>
        {/* Names break only at the arrows: "&mm->mmap_lock" must not wrap at its hyphen. */}
        {[...cycle, cycle[0]].map((name, i) => (
          <span key={i}>
            {i > 0 ? ' → ' : null}
            <span className="cycle-list__name">{name}</span>
          </span>
        ))}
      </p>
      <ol
        className="cycle-list__items"
        data-testid="report.cycle-list"
        aria-label="Locks in the cycle, in the order they are taken"
      >
        {cycle.map((name, i) => {
          const next = cycle[(i + 1) % cycle.length]!;
          return (
            <li key={i}>
              <ClassButton name={name} testId="cycle.class" />{' '}
              <DependencyButton prev={name} next={next} testId="cycle.dependency">
                then takes <code>{next}</code>
              </DependencyButton>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
