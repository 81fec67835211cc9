import { useId } from 'react';
import {
  selectInputDiagnostics,
  selectReports,
  selectSelectedReport,
  useAppStore,
} from '../../store';
import { DiagnosticList } from '../DiagnosticList/DiagnosticList';
import { LockGraphExplorer } from '../LockGraphExplorer/LockGraphExplorer';
import { NoReportMessage } from '../NoReportMessage/NoReportMessage';
import { ReportDetails } from '../ReportDetails/ReportDetails';
import { ReportList } from '../ReportList/ReportList';
import './ResultsPanel.css';

/** What the parse found: the list of reports, the selected one, or why there is none. */
export function ResultsPanel() {
  const headingId = useId();
  const report = useAppStore(selectSelectedReport);
  const found = useAppStore((s) => selectReports(s).length > 0);
  const diagnostics = useAppStore(selectInputDiagnostics);
  const parsing = useAppStore((s) => s.status === 'parsing');
  return (
    <section
      className="results-panel"
      aria-labelledby={headingId}
      aria-busy={parsing}
      data-testid="results.panel"
    >
      <h2 id={headingId} className="results-panel__heading">
        What was found
      </h2>
      <ReportList />
      <NoReportMessage />
      {report?.kind === 'lock-graph' ? (
        <LockGraphExplorer report={report} />
      ) : report ? (
        <ReportDetails report={report} />
      ) : null}
      {found && diagnostics.length > 0 ? (
        <details className="results-panel__input-diagnostics">
          <summary>Notes on the text ({diagnostics.length})</summary>
          <DiagnosticList
            diagnostics={diagnostics}
            testId="input.diagnostics"
            label="Notes on the text"
          />
        </details>
      ) : null}
    </section>
  );
}
