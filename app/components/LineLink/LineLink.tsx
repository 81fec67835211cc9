import { useAppStore } from '../../store';
import { lineRangeText } from '../../format/report-text';
import './LineLink.css';

/** "L12" or "L12–L80": selects those lines of the original text in the box. */
export function LineLink({ start, end = start }: { start: number; end?: number }) {
  const showLines = useAppStore((s) => s.showLines);
  const text = lineRangeText({ start, end });
  return (
    <button
      type="button"
      className="line-link"
      data-testid="line.link"
      title={
        start === end
          ? `Select line ${start} in the text`
          : `Select lines ${start}–${end} in the text`
      }
      onClick={() => showLines(start, end)}
    >
      {text}
    </button>
  );
}
