// Every class taken right after (or before) one class, 50 at a time: where a hub's "+N more"
// leads, since drawing hundreds of neighbours helps nobody. Each name focuses that class.
import { useState } from 'react';
import { neighbours, selectDumpGraph, useAppStore } from '../../store';

const PAGE = 50;

export function NeighbourList({
  name,
  direction,
  onClose,
}: {
  name: string;
  direction: 'in' | 'out';
  onClose(): void;
}) {
  const graph = useAppStore(selectDumpGraph);
  const setQuery = useAppStore((s) => s.setExplorerQuery);
  const [shown, setShown] = useState(PAGE);
  if (!graph) return null;
  const list = neighbours(graph, name, direction);
  return (
    <section
      className="explorer__panel explorer__neighbours"
      data-testid="explorer.neighbours"
      aria-label="Neighbours"
    >
      <div className="explorer__row">
        <h4>
          {list.length} {list.length === 1 ? 'class' : 'classes'} taken{' '}
          {direction === 'out' ? 'while' : 'before'} <code>{name}</code>
          {direction === 'out' ? ' is held' : ' (it is taken while they are held)'}
        </h4>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <ol className="explorer__neighbour-list">
        {list.slice(0, shown).map((c) => (
          <li key={c}>
            <button
              type="button"
              className="explorer__link"
              onClick={() => setQuery({ mode: 'neighbourhood', focus: c, depth: 1 })}
            >
              <code>{c}</code>
            </button>
          </li>
        ))}
      </ol>
      {list.length > shown ? (
        <button
          type="button"
          className="button"
          data-testid="explorer.neighbours-more"
          onClick={() => setShown((n) => n + PAGE)}
        >
          Show {Math.min(PAGE, list.length - shown)} more ({list.length - shown} left)
        </button>
      ) : null}
    </section>
  );
}
