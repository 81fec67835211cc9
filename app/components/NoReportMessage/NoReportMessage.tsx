import { selectFoundNothing, selectInputDiagnostics, useAppStore } from '../../store';
import { DiagnosticList } from '../DiagnosticList/DiagnosticList';
import './NoReportMessage.css';

/** The parse found no report: say why and where, and leave the text as it is. */
export function NoReportMessage() {
  const foundNothing = useAppStore(selectFoundNothing);
  const diagnostics = useAppStore(selectInputDiagnostics);
  const empty = useAppStore((s) => s.input.trim() === '');
  if (!foundNothing) return null;
  if (empty) {
    return (
      <div className="no-report no-report--empty" data-testid="noreport.empty">
        <p>
          Paste a lockdep or WITNESS report into the box, drop a file on the page, or pick an
          example.
        </p>
      </div>
    );
  }
  // a lock trace read and validated without a finding is an answer, not a failure to read
  if (diagnostics.some((d) => d.code === 'trace-clean')) {
    return (
      <div className="no-report" role="status" data-testid="noreport.message">
        <p className="no-report__lead">
          <strong>Lock trace read: lockdep found no problem.</strong> Every acquisition was checked
          as lockdep checks it (lock order, interrupt safety, recursion). Lockdep sees only the
          orders this run took; another run may take others.
        </p>
        <DiagnosticList
          diagnostics={diagnostics}
          testId="noreport.diagnostics"
          label="What the trace validator checked"
        />
      </div>
    );
  }
  return (
    <div className="no-report" role="alert" data-testid="noreport.message">
      <p className="no-report__lead">
        <strong>No lock report found.</strong> The text is kept as it is; here is what the reader
        saw:
      </p>
      <DiagnosticList
        diagnostics={diagnostics}
        testId="noreport.diagnostics"
        label="Why no report was found"
      />
    </div>
  );
}
