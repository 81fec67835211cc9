// "Export a suggested lock order": computed on click (a topological order with the edges that
// close cycles named), saved as a text file made in the page — nothing leaves the browser.
import {
  selectDumpGraph,
  selectLockGraphReport,
  suggestedLockOrder,
  useAppStore,
  useAppStoreApi,
} from '../../store';
import { formatLabel } from '../../format/report-text';
import { lockOrderText } from './lock-order-text';

export function ExportOrder() {
  const store = useAppStoreApi();
  const available = useAppStore((s) => selectDumpGraph(s) !== null);
  const save = () => {
    const s = store.getState();
    const graph = selectDumpGraph(s);
    const report = selectLockGraphReport(s);
    if (!graph || !report) return;
    const text = lockOrderText(suggestedLockOrder(graph), {
      title: report.title,
      format: formatLabel(report.format),
      dependencies: graph.edges.length,
    });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'lock-order.txt';
    document.body.append(a);
    a.click();
    a.remove();
    // the download has its own copy once click() returns; give slow browsers a moment anyway
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <section className="explorer__panel" aria-label="Lock order">
      <h4>Lock order</h4>
      <p className="muted">
        Every class in an order that agrees with the dump’s dependencies, and the dependencies that
        cannot agree (they close cycles).
      </p>
      <button
        type="button"
        className="button"
        data-testid="explorer.export-order"
        disabled={!available}
        onClick={save}
      >
        Save suggested lock order (.txt)
      </button>
    </section>
  );
}
