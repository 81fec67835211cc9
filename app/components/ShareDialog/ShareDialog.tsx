import { useEffect, useId, useRef, useState } from 'react';
import {
  encodeLockscopeFile,
  LOCKSCOPE_FILE_EXTENSION,
} from '../../../src/permalink/lockscope-file';
import type { ViewState } from '../../../src/permalink/state';
import type { ParseOutput } from '../../../src/model/types';
import { viewStateOf } from '../../permalink/view-state';
import { useAppStore, useAppStoreApi } from '../../store';
import { LinkField } from './LinkField';
import { useShareLinks } from './useShareLinks';
import './ShareDialog.css';

/** "Share": a link to this view to copy, and for a long one a shorter link and a file. */
export function ShareButton() {
  const store = useAppStoreApi();
  const hasInput = useAppStore((s) => (s.page === 'simulator' ? s.program : s.input).length > 0);
  const [snapshot, setSnapshot] = useState<{ view: ViewState; parsed: ParseOutput | null } | null>(
    null,
  );
  const open = () => {
    const s = store.getState();
    setSnapshot({ view: viewStateOf(s), parsed: s.status === 'done' ? s.output : null });
  };
  return (
    <>
      <button
        type="button"
        className="button header__share"
        data-testid="share.open"
        disabled={!hasInput}
        onClick={open}
      >
        Share…
      </button>
      {snapshot ? (
        <ShareDialog
          view={snapshot.view}
          parsed={snapshot.parsed}
          onClose={() => setSnapshot(null)}
        />
      ) : null}
    </>
  );
}

function ShareDialog({
  view,
  parsed,
  onClose,
}: {
  view: ViewState;
  parsed: ParseOutput | null;
  onClose: () => void;
}) {
  const headingId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const links = useShareLinks(view, parsed);
  const addressReduced = useAppStore((s) => s.permalink.reduced);
  useEffect(() => {
    // A modal <dialog>: the page behind is inert (focus stays inside) and Esc closes it.
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);

  const download = () => {
    const blob = new Blob([encodeLockscopeFile(view)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `lockscope-view${LOCKSCOPE_FILE_EXTENSION}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  const long = links && 'full' in links && (links.full === null || links.full.length > links.limit);
  return (
    <dialog
      ref={dialog}
      className="share-dialog"
      aria-labelledby={headingId}
      data-testid="share.dialog"
      onClose={onClose}
    >
      <h2 id={headingId} className="share-dialog__heading">
        Share this view
      </h2>
      <p className="share-dialog__note muted">
        {view.simulator
          ? 'The link holds the lock program after its “#”, a part browsers never send to any server: whoever opens it sees the Simulator with the same program, runs it and sees the same deadlock selected.'
          : 'The link holds the text and this view after its “#”, a part browsers never send to any server: whoever opens it sees the same report, selection and step.'}
      </p>
      {links === null ? <p role="status">Making the link…</p> : null}
      {links && 'error' in links ? (
        <p role="alert">The link could not be made: {links.error}</p>
      ) : null}
      {links && 'full' in links ? (
        <>
          {links.full !== null ? (
            <LinkField label="Link to this view" link={links.full} testId="share.link" />
          ) : (
            <p data-testid="share.too-large">The text is too large for any link (over 10 MB).</p>
          )}
          {addressReduced ? (
            <p className="muted" data-testid="share.address-note">
              The text is long, so the address bar holds the link to the selected report only.
            </p>
          ) : null}
          {long ? (
            <div className="share-dialog__long" data-testid="share.long">
              <p className="share-dialog__warning">
                Links over {links.limit.toLocaleString('en')} characters get cut or mangled by chat
                apps and mail. Share a shorter link or a file instead:
              </p>
              {links.reportOnly !== null ? (
                <LinkField
                  label="Link to the selected report only"
                  link={links.reportOnly}
                  testId="share.report-link"
                />
              ) : null}
              <p>
                <button
                  type="button"
                  className="button"
                  data-testid="share.download"
                  onClick={download}
                >
                  Download .lockscope file
                </button>{' '}
                <span className="muted">
                  Drop it on lockscope, or open it with “Open file…”, to see this view.
                </span>
              </p>
            </div>
          ) : null}
        </>
      ) : null}
      <form method="dialog" className="share-dialog__foot">
        <button type="submit" className="button" data-testid="share.close">
          Close
        </button>
      </form>
    </dialog>
  );
}
