// "Is A ever taken before B?": two classes, and the answer — the chain of dependencies from A to
// B (drawn and lit), or no, and then whether B is taken before A instead.
import { useState } from 'react';
import { selectExplorerQuery, useAppStore } from '../../store';
import { ClassSearch } from './ClassSearch';

export function PathQuery() {
  const query = useAppStore(selectExplorerQuery);
  const setQuery = useAppStore((s) => s.setExplorerQuery);
  const [from, setFrom] = useState(query?.mode === 'path' ? query.from : '');
  const [to, setTo] = useState(query?.mode === 'path' ? query.to : '');
  const ask = (a: string, b: string) => {
    if (a && b) setQuery({ mode: 'path', from: a, to: b });
  };
  return (
    <fieldset className="explorer__query" data-testid="explorer.path">
      <legend>Is A ever taken before B?</legend>
      <ClassSearch
        label="A"
        testId="explorer.path-from"
        value={from}
        onPick={(name) => {
          setFrom(name);
          ask(name, to);
        }}
      />
      <ClassSearch
        label="B"
        testId="explorer.path-to"
        value={to}
        onPick={(name) => {
          setTo(name);
          ask(from, name);
        }}
      />
      <div className="explorer__row">
        <button
          type="button"
          className="button"
          data-testid="explorer.path-ask"
          disabled={!from || !to}
          onClick={() => ask(from, to)}
        >
          Ask
        </button>
        <button
          type="button"
          className="button"
          disabled={!from || !to}
          onClick={() => {
            setFrom(to);
            setTo(from);
            ask(to, from);
          }}
        >
          Swap
        </button>
      </div>
    </fieldset>
  );
}
