// The Run button and what the last run did: states explored, time, and whether it saw every
// interleaving or stopped at the state budget.
import { useAppStore } from '../../store';

function seconds(ms: number | undefined): string {
  if (ms === undefined) return '';
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function RunStatus() {
  const run = useAppStore((s) => s.simRun);
  const stale = useAppStore((s) => s.simRun !== null && s.simRun.text !== s.program);
  const hasErrors = useAppStore((s) => s.programChecked && s.programErrors.length > 0);
  const runProgram = useAppStore((s) => s.runProgram);
  const x = run?.answer?.exploration ?? null;
  let status: string;
  if (!run) status = 'Run walks every interleaving of the threads, handlers and work.';
  else if (run.status === 'running') status = 'Exploring every interleaving…';
  else if (run.status === 'failed') status = `The simulator failed: ${run.error ?? ''}`;
  else if (!x) status = 'The program has errors: fix them (listed under the editor) and run again.';
  else if (x.complete)
    status = `Explored ${x.statesExplored.toLocaleString('en')} states in ${seconds(x.ms)}: every interleaving.`;
  else
    status = `Stopped at the budget of ${x.stateBudget.toLocaleString('en')} states (${seconds(x.ms)}): not every interleaving was seen, so more deadlocks may exist.`;
  return (
    <div className="sim-run">
      <button
        type="button"
        className="button button--primary"
        data-testid="sim.run"
        disabled={run?.status === 'running' || hasErrors}
        onClick={() => void runProgram()}
      >
        {run?.status === 'running' ? 'Running…' : 'Run'}
      </button>
      <p
        className="sim-run__status"
        role="status"
        data-testid="sim.status"
        data-state={
          run ? (run.status === 'done' && x && !x.complete ? 'budget' : run.status) : 'idle'
        }
      >
        {status}
        {stale && run?.status !== 'running' ? (
          <span className="sim-run__stale"> The program changed since: run again.</span>
        ) : null}
      </p>
    </div>
  );
}
