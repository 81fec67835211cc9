// "What lockdep would say about one run": the program run once, the ordinary way, with no
// deadlock on that run, and the reports lockdep prints about it anyway, each openable.
import { useAppStore } from '../../store';

export function OneRun() {
  const answer = useAppStore((s) => s.simRun?.answer ?? null);
  const openRunReport = useAppStore((s) => s.openRunReport);
  if (!answer?.exploration) return null;
  const run = answer.run;
  // lockdep tracked completions only with cross-release (4.14): a wait on one is invisible to it
  const throughCompletion = answer.exploration.deadlocks
    .flatMap((d) => d.cycle ?? [])
    .find((c) => c.startsWith('(complete)'));
  return (
    <section className="sim-one-run" data-testid="sim.one-run" aria-labelledby="sim-one-run">
      <h3 id="sim-one-run" className="sim-section__heading">
        What lockdep would say about one run
      </h3>
      {!run ? (
        <p className="muted">The run could not be traced: {answer.runError ?? 'unknown error'}.</p>
      ) : (
        <>
          <p className="muted">
            One ordinary run ({run.events.toLocaleString('en')} lock events), checked the way
            lockdep checks a running kernel: it warns about orders that could deadlock, even on a
            run that did not.
          </p>
          {run.reports.length === 0 ? (
            <>
              <p data-testid="sim.one-run.none">Lockdep would print nothing on this run.</p>
              {throughCompletion && (
                <p className="muted" data-testid="sim.one-run.completion">
                  The deadlock above goes through the completion {throughCompletion}: lockdep has
                  not tracked waits on completions since cross-release was removed in Linux 4.15, so
                  a running kernel would not warn about it either.
                </p>
              )}
            </>
          ) : (
            <ul className="sim-one-run__list">
              {run.reports.map((r, i) => (
                <li key={i} data-testid="sim.one-run.report">
                  <span className="sim-one-run__title">{r.report.title}</span>
                  <span className="sim-one-run__headline muted">{r.report.headline}</span>
                  <button
                    type="button"
                    className="button"
                    data-testid="sim.one-run.open"
                    onClick={() => void openRunReport(i)}
                  >
                    Open in viewer
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
