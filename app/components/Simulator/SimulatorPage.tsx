// The Simulator page: the program (examples, editor, errors) on the left; Run, the deadlocks it
// found and what lockdep would say about one run on the right.
import { useId, useState } from 'react';
import { DeadlockList } from './DeadlockList';
import { ErrorList } from './ErrorList';
import { ExampleGallery } from './ExampleGallery';
import { OneRun } from './OneRun';
import { ProgramEditor } from './ProgramEditor';
import { ReplacedNote } from './ReplacedNote';
import { RunStatus } from './RunStatus';
import './Simulator.css';

export function SimulatorPage() {
  const headingId = useId();
  const [gallery, setGallery] = useState(true);
  return (
    <main className="app__main simulator" data-testid="sim.page">
      <section className="sim-program" aria-labelledby={headingId}>
        <div className="sim-program__bar">
          <h2 id={headingId} className="sim-section__heading">
            Lock program
          </h2>
          <button
            type="button"
            className="button"
            aria-expanded={gallery}
            data-testid="sim.gallery.toggle"
            onClick={() => setGallery(!gallery)}
          >
            {gallery ? 'Hide examples' : 'Examples…'}
          </button>
        </div>
        {gallery ? <ExampleGallery /> : null}
        <ReplacedNote />
        <ProgramEditor labelledBy={headingId} />
        <ErrorList />
        <p className="muted sim-program__hint">
          Threads, interrupt handlers and work items taking kernel locks, in C as the kernel writes
          it: see docs/simulator.md for the language.
        </p>
      </section>
      <section className="sim-results" aria-label="What the simulator found">
        <RunStatus />
        <DeadlockList />
        <OneRun />
      </section>
    </main>
  );
}
