// Explores a lock program off the main thread: a program that reaches the state budget takes
// seconds, and the page must stay responsive (and able to start a newer run) meanwhile.
import { explore, parseProgram, runProgram } from '../../src/sim';
import { validateTrace } from '../../src/trace';
import type { OneRun, SimRequest, SimResponse } from './sim-messages';

self.onmessage = (event: MessageEvent<SimRequest>) => {
  const { id, text, stateBudget } = event.data;
  let response: SimResponse;
  try {
    const { program, errors } = parseProgram(text);
    if (!program) {
      response = { id, ok: true, errors, exploration: null, run: null };
    } else {
      const exploration = explore(program, stateBudget ? { stateBudget } : {});
      let run: OneRun | null = null;
      let runError: string | undefined;
      try {
        const events = runProgram(program);
        const checked = validateTrace(events);
        run = {
          events: events.length,
          reports: checked.reports.map((report, i) => ({ report, text: checked.texts[i]! })),
        };
      } catch (err) {
        runError = err instanceof Error ? err.message : String(err);
      }
      response = { id, ok: true, errors: [], exploration, run, runError };
    }
  } catch (err) {
    response = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(response);
};
