import { useEffect, useId, useMemo, useRef } from 'react';
import { selectionForLine } from '../../format/report-lines';
import {
  selectBoxText,
  selectInputIsLarge,
  selectLockGraph,
  selectSelectedReport,
  useAppStore,
} from '../../store';
import { exampleLabel } from '../../platform/examples';
import { ExampleMenu } from '../ExampleMenu/ExampleMenu';
import { OpenFileButton } from '../OpenFileButton/OpenFileButton';
import { ParseStatus } from '../ParseStatus/ParseStatus';
import { selectLinesIn } from './select-lines';
import { NotationTip } from './NotationTip';
import { ReplacedNote } from './ReplacedNote';
import { TextHighlights } from './TextHighlights';
import './InputPanel.css';

function formatSize(chars: number): string {
  return chars >= 100_000
    ? `${(chars / 1e6).toFixed(1)} million characters`
    : `${chars.toLocaleString('en')} characters`;
}

/**
 * A read-only preview longer than this shows less: the box lays out every character it holds
 * (~300 ms per megabyte here), and nobody reads 20,000 lines in it: the first 100 KB.
 */
const LARGE_PREVIEW_CHARS = 100_000;

function previewOf(text: string): string {
  if (text.length <= LARGE_PREVIEW_CHARS) return text;
  const cut = text.lastIndexOf('\n', LARGE_PREVIEW_CHARS);
  return text.slice(0, cut > 0 ? cut : LARGE_PREVIEW_CHARS);
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** The text box and the ways to fill it: paste, type, open a file, pick an example. */
export function InputPanel() {
  const fullBoxText = useAppStore(selectBoxText);
  const large = useAppStore(selectInputIsLarge);
  const inputLength = useAppStore((s) => s.input.length);
  const inputSource = useAppStore((s) => s.inputSource);
  const inputName = useAppStore((s) => s.inputName);
  const editInput = useAppStore((s) => s.editInput);
  const clearInput = useAppStore((s) => s.clearInput);
  const lineSelection = useAppStore((s) => s.lineSelection);
  const report = useAppStore(selectSelectedReport);
  const graph = useAppStore(selectLockGraph);
  const selectGraphElement = useAppStore((s) => s.selectGraphElement);
  const box = useRef<HTMLTextAreaElement>(null);
  const boxText = useMemo(
    () => (large ? previewOf(fullBoxText) : fullBoxText),
    [large, fullBoxText],
  );
  const shownLines = useMemo(() => (large ? countLines(boxText) : 0), [large, boxText]);
  const headingId = useId();
  const boxId = useId();
  const hintId = useId();

  useEffect(() => {
    if (lineSelection && box.current)
      selectLinesIn(box.current, lineSelection.start, lineSelection.end);
  }, [lineSelection]);

  // A click on a line the parser understood selects what it names in the graph.
  const pickLine = (el: HTMLTextAreaElement) => {
    if (!report?.spans || !graph || el.selectionStart !== el.selectionEnd) return;
    const line = countLines(el.value.slice(0, el.selectionStart));
    const spans = report.spans.filter((sp) => sp.line === line);
    const sel = selectionForLine(spans, graph);
    if (sel) selectGraphElement(sel);
  };

  let source = '';
  if (inputSource === 'file') source = `File: ${inputName ?? ''}`;
  else if (inputSource === 'example')
    source = `Example: ${exampleLabel(inputName ?? '') ?? inputName ?? ''}`;
  else if (inputSource === 'restored') source = 'Restored from your last visit';
  else if (inputSource === 'link') source = 'Opened from a link';
  else if (inputSource === 'simulator') source = `From the Simulator: ${inputName ?? ''}`;

  return (
    <section className="input-panel" aria-labelledby={headingId}>
      <div className="input-panel__bar">
        <h2 id={headingId} className="input-panel__heading">
          Report text
        </h2>
        <div className="input-panel__actions">
          <OpenFileButton />
          <ExampleMenu />
          <button
            type="button"
            className="button"
            data-testid="paste.clear"
            disabled={inputLength === 0}
            onClick={() => void clearInput()}
          >
            Clear
          </button>
        </div>
      </div>
      <ReplacedNote />
      <label htmlFor={boxId} className="visually-hidden">
        Report text
      </label>
      <div className="input-panel__frame">
        <TextHighlights box={box} lines={large ? shownLines : Infinity} />
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
          value={boxText}
          readOnly={large}
          onChange={(event) => editInput(event.target.value)}
          onClick={(event) => pickLine(event.currentTarget)}
        />
      </div>
      <NotationTip box={box} />
      {large ? (
        <p className="input-panel__large" data-testid="paste.large-note">
          This text is {formatSize(inputLength)} long. All of it was read, but the box shows only
          its first {shownLines.toLocaleString('en')} lines, and they cannot be edited here.
        </p>
      ) : null}
      <div className="input-panel__foot">
        <p id={hintId} className="input-panel__hint muted" data-testid="paste.source">
          {source || 'Paste a report, drop a file on the page, or open one.'}
        </p>
        <ParseStatus />
      </div>
    </section>
  );
}
