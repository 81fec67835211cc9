// The cycles in the dump, shortest first as listed; a click draws one. Long lists show 20 at a
// time: a broken kernel can hold hundreds.
import { useState } from 'react';
import { selectDumpCycles, selectExplorerQuery, useAppStore } from '../../store';

const PAGE = 20;

export function DumpCycles() {
  const cycles = useAppStore(selectDumpCycles);
  const query = useAppStore(selectExplorerQuery);
  const setQuery = useAppStore((s) => s.setExplorerQuery);
  const [shown, setShown] = useState(PAGE);
  const current = query?.mode === 'cycle' ? query.index : -1;
  return (
    <section className="explorer__panel" data-testid="explorer.cycles" aria-label="Cycles">
      <h4>
        Cycles <span className="muted">({cycles.length})</span>
      </h4>
      {cycles.length === 0 ? (
        <p className="muted">No cycle: every lock order in the dump is consistent.</p>
      ) : (
        <ol className="explorer__cycles">
          {cycles.slice(0, shown).map((c, i) => (
            <li key={i}>
              <button
                type="button"
                className="explorer__link"
                data-testid="explorer.cycle"
                aria-current={i === current ? 'true' : undefined}
                onClick={() => setQuery({ mode: 'cycle', index: i })}
              >
                {c.length === 1 ? `${c[0]} (taken while held)` : [...c, c[0]].join(' → ')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {cycles.length > shown ? (
        <button type="button" className="button" onClick={() => setShown((n) => n + PAGE * 5)}>
          Show more ({cycles.length - shown} left)
        </button>
      ) : null}
    </section>
  );
}
