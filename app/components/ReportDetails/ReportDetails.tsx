import { useId, type ReactNode } from 'react';
import type { Report } from '../../../src/model/types';
import { formatLabel } from '../../format/report-text';
import { DependencyTable } from '../DependencyTable/DependencyTable';
import { DiagnosticList } from '../DiagnosticList/DiagnosticList';
import { GraphArea } from '../GraphArea/GraphArea';
import { HeldLocksTable } from '../HeldLocksTable/HeldLocksTable';
import { LineLink } from '../LineLink/LineLink';
import { ScenarioTable } from '../ScenarioTable/ScenarioTable';
import { StackTrace } from '../StackTrace/StackTrace';
import './ReportDetails.css';

/** One report: what it says, the cycle, the dependencies, the scenario, the held locks. */
export function ReportDetails({ report }: { report: Report }) {
  const titleId = useId();
  return (
    <article className="report-details" data-testid="report.details" aria-labelledby={titleId}>
      <h3 id={titleId} className="report-details__title" data-testid="report.title">
        {report.title}
      </h3>
      {report.headline ? <p className="report-details__headline muted">{report.headline}</p> : null}
      <dl className="report-details__facts">
        <Fact label="Kind" testId="report.kind">
          <code>{report.kind}</code>
        </Fact>
        <Fact label="Format" testId="report.format">
          {formatLabel(report.format)}
        </Fact>
        <Fact label="Kernel" testId="report.kernel">
          {report.kernel ?? <span className="muted">not printed</span>}
        </Fact>
        <Fact label="Task" testId="report.task">
          {report.task ? (
            <code>
              {report.task.comm}/{report.task.pid}
            </code>
          ) : (
            <span className="muted">not printed</span>
          )}
        </Fact>
        <Fact label="Lines" testId="report.lines">
          <LineLink start={report.lines.start} end={report.lines.end} />
          {report.truncated ? <span className="report-details__badge">truncated</span> : null}
        </Fact>
      </dl>

      <GraphArea />

      {report.dependencies.length > 0 ? (
        <Part title="Dependencies">
          <DependencyTable dependencies={report.dependencies} />
        </Part>
      ) : null}
      {report.scenario ? (
        <Part title="Possible unsafe locking scenario">
          <ScenarioTable scenario={report.scenario} />
        </Part>
      ) : null}
      {report.heldLocks ? (
        <Part title="Held locks">
          <HeldLocksTable heldLocks={report.heldLocks} />
        </Part>
      ) : null}
      {report.trace.length > 0 ? <StackTrace trace={report.trace} /> : null}
      {report.diagnostics && report.diagnostics.length > 0 ? (
        <Part title="Diagnostics">
          <DiagnosticList
            diagnostics={report.diagnostics}
            testId="report.diagnostics"
            label="Diagnostics for this report"
          />
        </Part>
      ) : null}
    </article>
  );
}

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className="report-details__fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="report-details__part" aria-labelledby={id}>
      <h4 id={id}>{title}</h4>
      {children}
    </section>
  );
}
