import { useState } from 'react';
import type { ReportGroup } from '../../../src/logs';
import type { Report } from '../../../src/model/types';
import { selectReportGroups, selectReports, useAppStore } from '../../store';
import { formatLabel, lineRangeText } from '../../format/report-text';
import './ReportList.css';

/**
 * Every report found, in input order; choosing one shows its details. A log that holds the same
 * deadlock several times (the same lock classes, reached from different functions) lists it once,
 * with a count and its dedup key; the group opens to its occurrences.
 */
export function ReportList() {
  const reports = useAppStore(selectReports);
  const groups = useAppStore(selectReportGroups);
  const selected = useAppStore((s) => s.selected);
  // A group is open when the user opened it, or (until they close it) when it holds the selection.
  const [open, setOpen] = useState<Record<string, boolean>>({});
  if (reports.length === 0) return null;
  const grouped = groups.length < reports.length;
  return (
    <nav aria-label="Reports found" className="report-list">
      {reports.length > 1 ? (
        <p className="report-list__summary muted" data-testid="reports.summary">
          {reports.length} reports
          {grouped ? `, ${groups.length} distinct (duplicates grouped by their locks)` : ''}
        </p>
      ) : null}
      <ol className="report-list__items" data-testid="reports.list">
        {groups.map((g) =>
          g.count === 1 ? (
            <li key={g.key}>
              <ReportItem report={reports[g.reports[0]!]!} index={g.reports[0]!} />
            </li>
          ) : (
            <GroupItem
              key={g.key}
              group={g}
              reports={reports}
              open={open[g.key] ?? (selected !== null && g.reports.includes(selected))}
              onToggle={(next) => setOpen((o) => ({ ...o, [g.key]: next }))}
            />
          ),
        )}
      </ol>
    </nav>
  );
}

function ReportItem({ report: r, index }: { report: Report; index: number }) {
  const current = useAppStore((s) => s.selected === index);
  const selectReport = useAppStore((s) => s.selectReport);
  return (
    <button
      type="button"
      className="report-list__item"
      data-testid="reports.item"
      data-index={index}
      aria-current={current ? 'true' : undefined}
      onClick={() => selectReport(index)}
    >
      <span className="report-list__title">{r.title}</span>
      <span className="report-list__meta">
        <code>{r.kind}</code> · {formatLabel(r.format)} · {lineRangeText(r.lines)}
        {r.truncated ? ' · truncated' : ''}
      </span>
    </button>
  );
}

function GroupItem({
  group: g,
  reports,
  open,
  onToggle,
}: {
  group: ReportGroup;
  reports: readonly Report[];
  open: boolean;
  onToggle(open: boolean): void;
}) {
  const holdsSelection = useAppStore((s) => s.selected !== null && g.reports.includes(s.selected));
  const listId = `report-group-${g.reports[0]}`;
  const others = g.titles.length - 1;
  return (
    <li
      className="report-list__group"
      data-testid="reports.group"
      data-key={g.key}
      data-current={holdsSelection ? 'true' : undefined}
    >
      <button
        type="button"
        className="report-list__group-head"
        data-testid="reports.group-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => onToggle(!open)}
      >
        <span className="report-list__twisty" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="report-list__count" data-testid="reports.group-count">
          ×{g.count}
        </span>
        <span className="report-list__group-text">
          <span className="report-list__title">
            {g.title}
            {others > 0 ? (
              <span className="muted">
                {' '}
                (+{others} other title{others > 1 ? 's' : ''})
              </span>
            ) : null}
          </span>
          <span className="report-list__meta">
            <code className="report-list__key" data-testid="reports.group-key" title="dedup key">
              {g.key}
            </code>
          </span>
          <span className="report-list__meta">
            {g.kinds.join(', ')} · first L{g.first}, last L{g.last}
          </span>
        </span>
      </button>
      {open ? (
        <ol className="report-list__occurrences" id={listId} aria-label={`${g.count} occurrences`}>
          {g.reports.map((i) => (
            <li key={i}>
              <ReportItem report={reports[i]!} index={i} />
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  );
}
