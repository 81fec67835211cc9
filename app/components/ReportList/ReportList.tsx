import { selectReports, useAppStore } from '../../store';
import { formatLabel, lineRangeText } from '../../format/report-text';
import './ReportList.css';

/** Every report found, in input order; choosing one shows its details. */
export function ReportList() {
  const reports = useAppStore(selectReports);
  const selected = useAppStore((s) => s.selected);
  const selectReport = useAppStore((s) => s.selectReport);
  if (reports.length === 0) return null;
  return (
    <nav aria-label="Reports found" className="report-list">
      <ol className="report-list__items" data-testid="reports.list">
        {reports.map((r, i) => (
          <li key={`${i}:${r.lines.start}`}>
            <button
              type="button"
              className="report-list__item"
              data-testid="reports.item"
              aria-current={i === selected ? 'true' : undefined}
              onClick={() => selectReport(i)}
            >
              <span className="report-list__title">{r.title}</span>
              <span className="report-list__meta">
                <code>{r.kind}</code> · {formatLabel(r.format)} · {lineRangeText(r.lines)}
                {r.truncated ? ' · truncated' : ''}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
