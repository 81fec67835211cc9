import { useId, useRef, useState } from 'react';

/** One link to copy: its length, the link in a read-only box, and a Copy button. */
export function LinkField({
  label,
  link,
  testId,
}: {
  label: string;
  link: string;
  testId: string;
}) {
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin, a denied permission): select it for Ctrl+C instead.
      box.current?.focus();
      box.current?.select();
      setCopied('select');
    }
  };
  return (
    <div className="share-link" data-testid={testId}>
      <label htmlFor={id} className="share-link__label">
        {label}{' '}
        <span className="muted" data-testid={`${testId}-length`}>
          ({link.length.toLocaleString('en')} characters)
        </span>
      </label>
      <textarea
        id={id}
        ref={box}
        className="share-link__box"
        readOnly
        rows={3}
        value={link}
        data-testid={`${testId}-text`}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="share-link__actions">
        <button type="button" className="button" data-testid={`${testId}-copy`} onClick={copy}>
          Copy
        </button>
        <span role="status" className="muted">
          {copied === 'yes' ? 'Copied.' : copied === 'select' ? 'Selected: press Ctrl+C.' : ''}
        </span>
      </div>
    </div>
  );
}
