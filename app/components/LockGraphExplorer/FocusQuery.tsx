// "Show a class": pick one by name, see the classes taken right before and after it (depth 1)
// or two steps either way (depth 2).
import { selectExplorerQuery, useAppStore } from '../../store';
import { ClassSearch } from './ClassSearch';

export function FocusQuery() {
  const query = useAppStore(selectExplorerQuery);
  const setQuery = useAppStore((s) => s.setExplorerQuery);
  const focus = query?.mode === 'neighbourhood' ? query.focus : '';
  const depth = query?.mode === 'neighbourhood' ? query.depth : 1;
  return (
    <fieldset className="explorer__query" data-testid="explorer.focus">
      <legend>A class and its neighbours</legend>
      <ClassSearch
        label="Class"
        testId="explorer.focus-input"
        value={focus}
        onPick={(name) => setQuery({ mode: 'neighbourhood', focus: name, depth })}
      />
      <div className="explorer__depth" role="radiogroup" aria-label="Steps either way">
        {([1, 2] as const).map((d) => (
          <label key={d}>
            <input
              type="radio"
              name="explorer-depth"
              data-testid={`explorer.depth-${d}`}
              checked={depth === d}
              onChange={() => focus && setQuery({ mode: 'neighbourhood', focus, depth: d })}
              disabled={!focus}
            />{' '}
            {d === 1 ? '1 step' : '2 steps'}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
