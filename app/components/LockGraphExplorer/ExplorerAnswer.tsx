// What the explorer shows, in words: the neighbourhood and what was left out of it, the answer
// to "is A taken before B?" with its path, or the cycle — each class a button that focuses it.
import type { ReactNode } from 'react';
import { selectExplorerView, useAppStore, type ExplorerView } from '../../store';

export function ExplorerAnswer({
  onMore,
}: {
  onMore(name: string, direction: 'in' | 'out'): void;
}) {
  const view = useAppStore(selectExplorerView);
  const setQuery = useAppStore((s) => s.setExplorerQuery);
  if (!view) return null;
  const focus = (name: string) => (
    <button
      type="button"
      className="explorer__link"
      onClick={() => setQuery({ mode: 'neighbourhood', focus: name, depth: 1 })}
    >
      <code>{name}</code>
    </button>
  );
  return (
    <div className="explorer__answer" data-testid="explorer.answer" role="status">
      {sentence(view, focus)}
      {view.hidden.length > 0 ? (
        <ul className="explorer__hidden">
          {view.hidden.map((h) => (
            <li key={`${h.direction}:${h.name}`}>
              <button
                type="button"
                className="explorer__link"
                data-testid="explorer.more"
                onClick={() => onMore(h.name, h.direction)}
              >
                {h.count} more {h.direction === 'out' ? 'taken after' : 'taken before'}{' '}
                <code>{h.name}</code>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function pathText(path: readonly string[], focus: (name: string) => ReactNode): ReactNode {
  return path.map((c, i) => (
    <span key={i}>
      {i > 0 ? ' → ' : ''}
      {focus(c)}
    </span>
  ));
}

function sentence(view: ExplorerView, focus: (name: string) => ReactNode): ReactNode {
  if (view.unknown.length > 0)
    return (
      <p>
        The dump has no class named{' '}
        {view.unknown.map((u) => (
          <code key={u}>{u} </code>
        ))}
        .
      </p>
    );
  const q = view.query;
  const counts = `${view.graph.nodes.length} classes, ${view.graph.edges.length} dependencies`;
  switch (q.mode) {
    case 'neighbourhood':
      return (
        <p>
          {focus(q.focus)}: the classes taken before and after it,{' '}
          {q.depth === 1 ? 'one step' : 'up to two steps'} either way ({counts}).
        </p>
      );
    case 'path':
      if (view.path)
        return (
          <p data-answer="yes">
            <strong>Yes</strong>: <code>{q.from}</code> is taken before <code>{q.to}</code>
            {view.path.length > 2
              ? `, through ${view.path.length - 2} other ${view.path.length === 3 ? 'class' : 'classes'}`
              : ''}
            : {pathText(view.path, focus)}
          </p>
        );
      return (
        <p data-answer="no">
          <strong>No</strong>: no chain of dependencies takes <code>{q.to}</code> while{' '}
          <code>{q.from}</code> is held.{' '}
          {view.reversePath ? (
            <>
              But <code>{q.to}</code> is taken before <code>{q.from}</code>:{' '}
              {pathText(view.reversePath, focus)}
            </>
          ) : (
            <>Nor the other way round: the two are never nested.</>
          )}
        </p>
      );
    case 'cycle':
      return view.graph.cycle ? (
        <p>
          Cycle {q.index + 1}: {pathText([...view.graph.cycle, view.graph.cycle[0]!], focus)}
        </p>
      ) : (
        <p>The dump lists no cycle {q.index + 1}.</p>
      );
    case 'whole':
      return <p>The whole graph: {counts}. Zoom in to read the names.</p>;
  }
}
