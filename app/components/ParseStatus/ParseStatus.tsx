import { selectReports, useAppStore } from '../../store';

/** One line under the box: parsing…, or how many reports were found. Announced politely. */
export function ParseStatus() {
  const status = useAppStore((s) => s.status);
  const count = useAppStore((s) => selectReports(s).length);
  const failure = useAppStore((s) => s.failure);
  let text = '';
  if (status === 'parsing') text = 'Parsing…';
  else if (status === 'failed') text = `Parsing failed: ${failure ?? 'unknown error'}`;
  else if (status === 'done') text = count === 1 ? '1 report found' : `${count} reports found`;
  return (
    <p className="parse-status" role="status" data-testid="parse.status" data-status={status}>
      {text}
    </p>
  );
}
