// A type-ahead over the dump's class names: best matches first (searchClasses), each with how
// many dependencies lead in and out, picked with the mouse or ↑/↓ and Enter.
import { useId, useMemo, useState } from 'react';
import { degreeOf, hasClass, searchClasses, selectDumpGraph, useAppStore } from '../../store';

const SHOWN = 12;

export function ClassSearch({
  label,
  testId,
  value,
  onPick,
  placeholder = 'class name, e.g. rtnl_mutex',
}: {
  label: string;
  testId: string;
  /** the text shown (the class picked), owned by the parent */
  value: string;
  onPick(name: string): void;
  placeholder?: string;
}) {
  const listId = useId();
  const graph = useAppStore(selectDumpGraph);
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [shownFor, setShownFor] = useState(value);
  // the parent picked another class (a click on the graph): show its name
  if (shownFor !== value) {
    setShownFor(value);
    setText(value);
  }
  const matches = useMemo(
    () =>
      graph && open
        ? searchClasses(graph, text, SHOWN).map((m) => ({ name: m.id, ...degreeOf(graph, m.id) }))
        : [],
    [graph, text, open],
  );
  const pick = (name: string) => {
    setText(name);
    setOpen(false);
    onPick(name);
  };
  return (
    <div className="class-search">
      <label className="class-search__label">
        {label}
        <input
          type="search"
          role="combobox"
          aria-expanded={open && matches.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
          className="class-search__input"
          data-testid={testId}
          value={text}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const step = e.key === 'ArrowDown' ? 1 : -1;
              setOpen(true);
              setActive((a) => Math.max(0, Math.min(matches.length - 1, a + step)));
            } else if (e.key === 'Enter') {
              const m = matches[active];
              if (m) pick(m.name);
              else if (graph && hasClass(graph, text.trim())) pick(text.trim());
            } else if (e.key === 'Escape') setOpen(false);
          }}
        />
      </label>
      {open && matches.length > 0 ? (
        <ul
          className="class-search__list"
          id={listId}
          role="listbox"
          data-testid={`${testId}-options`}
        >
          {matches.map((m, i) => (
            <li
              key={m.name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="class-search__option"
              data-testid="class-search.option"
              // mousedown, not click: the input's blur would close the list first
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m.name);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <code>{m.name}</code>
              <span className="muted">
                {m.in} in · {m.out} out
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
