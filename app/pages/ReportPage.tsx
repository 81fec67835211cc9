// The report page: the text box on the left, what was found in it on the right.
import { InputPanel } from '../components/InputPanel/InputPanel';
import { ResultsPanel } from '../components/ResultsPanel/ResultsPanel';

export function ReportPage() {
  return (
    <main className="app__main">
      <InputPanel />
      <ResultsPanel />
    </main>
  );
}
