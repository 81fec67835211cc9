import { useEffect, useId, useRef } from 'react';
import { useAppStore } from '../../store';
import { exampleLabel } from '../../platform/examples';
import { ExampleMenu } from '../ExampleMenu/ExampleMenu';
import { OpenFileButton } from '../OpenFileButton/OpenFileButton';
import { ParseStatus } from '../ParseStatus/ParseStatus';
import { selectLinesIn } from './select-lines';
import './InputPanel.css';

/** The text box and the ways to fill it: paste, type, open a file, pick an example. */
export function InputPanel() {
  const input = useAppStore((s) => s.input);
  const inputSource = useAppStore((s) => s.inputSource);
  const inputName = useAppStore((s) => s.inputName);
  const editInput = useAppStore((s) => s.editInput);
  const lineSelection = useAppStore((s) => s.lineSelection);
  const box = useRef<HTMLTextAreaElement>(null);
  const headingId = useId();
  const boxId = useId();
  const hintId = useId();

  useEffect(() => {
    if (lineSelection && box.current)
      selectLinesIn(box.current, lineSelection.start, lineSelection.end);
  }, [lineSelection]);

  let source = '';
  if (inputSource === 'file') source = `File: ${inputName ?? ''}`;
  else if (inputSource === 'example')
    source = `Example: ${exampleLabel(inputName ?? '') ?? inputName ?? ''}`;
  else if (inputSource === 'restored') source = 'Restored from your last visit';

  return (
    <section className="input-panel" aria-labelledby={headingId}>
      <div className="input-panel__bar">
        <h2 id={headingId} className="input-panel__heading">
          Report text
        </h2>
        <div className="input-panel__actions">
          <OpenFileButton />
          <ExampleMenu />
        </div>
      </div>
      <label htmlFor={boxId} className="visually-hidden">
        Report text
      </label>
      <textarea
        id={boxId}
        ref={box}
        className="input-panel__box"
        data-testid="paste.input"
        aria-describedby={hintId}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        wrap="off"
        placeholder="Paste a lockdep or WITNESS report here, or drop a file anywhere on the page."
        value={input}
        onChange={(event) => editInput(event.target.value)}
      />
      <div className="input-panel__foot">
        <p id={hintId} className="input-panel__hint muted" data-testid="paste.source">
          {source || 'Paste a report, drop a file on the page, or open one.'}
        </p>
        <ParseStatus />
      </div>
    </section>
  );
}
