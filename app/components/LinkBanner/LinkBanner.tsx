import { useAppStore } from '../../store';
import './LinkBanner.css';

/** Says what was wrong with the link or .lockscope file just opened; the page works as usual. */
export function LinkBanner() {
  const error = useAppStore((s) => s.linkError);
  const dismiss = useAppStore((s) => s.setLinkError);
  if (!error) return null;
  return (
    <div className="link-banner" role="alert" data-testid="link.error">
      <p className="link-banner__text">
        <strong>Could not open the view as shared.</strong>{' '}
        <span data-testid="link.error-text">{error}.</span>
      </p>
      <button
        type="button"
        className="button"
        data-testid="link.error-dismiss"
        onClick={() => dismiss(null)}
      >
        Dismiss
      </button>
    </div>
  );
}
