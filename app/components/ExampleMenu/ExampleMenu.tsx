import { useId } from 'react';
import { useAppStore } from '../../store';
import { EXAMPLES } from '../../platform/examples';

/** A menu of the shipped example reports; choosing one replaces the text. */
export function ExampleMenu() {
  const loadExample = useAppStore((s) => s.loadExample);
  const id = useId();
  return (
    <span className="example-menu">
      <label htmlFor={id} className="visually-hidden">
        Load an example report
      </label>
      <select
        id={id}
        className="button"
        data-testid="paste.example"
        value=""
        onChange={(event) => {
          const chosen = event.target.value;
          if (chosen) void loadExample(chosen);
        }}
      >
        <option value="">Example…</option>
        {EXAMPLES.map((e) => (
          <option key={e.id} value={e.id}>
            {e.label}
          </option>
        ))}
      </select>
    </span>
  );
}
