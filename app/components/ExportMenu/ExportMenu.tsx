import { useEffect, useId, useRef, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../../store';
import { canExport, download, makeExport, type ExportKind } from './exports';
import './ExportMenu.css';

const ITEMS: { kind: ExportKind; label: string; hint: string }[] = [
  { kind: 'png', label: 'Graph as PNG', hint: 'as shown, with the highlight' },
  { kind: 'svg', label: 'Graph as SVG', hint: 'as shown, scalable' },
  { kind: 'dot', label: 'Graph as DOT', hint: 'Graphviz source' },
  { kind: 'json', label: 'Report model (JSON)', hint: 'lockscope.report/v1, every report' },
  { kind: 'markdown', label: 'Markdown summary', hint: 'for a bug report or commit message' },
];

/** Downloads of what the page shows: the graph (PNG, SVG, DOT), the model (JSON), a summary (Markdown). */
export function ExportMenu() {
  const store = useAppStoreApi();
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // re-render when what can be exported changes
  const available = useAppStore((s) => ITEMS.map((i) => (canExport(s, i.kind) ? 1 : 0)).join(''));

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not([disabled])')?.focus();
    const away = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const run = (kind: ExportKind) => {
    const file = makeExport(store.getState(), kind);
    setOpen(false);
    if (file) download(file);
    button.current?.focus();
  };
  const copyMarkdown = async () => {
    const file = makeExport(store.getState(), 'markdown');
    setOpen(false);
    if (!file) return;
    try {
      await navigator.clipboard.writeText(await file.blob.text());
      setCopied('Markdown copied');
    } catch {
      setCopied('Could not copy: use Markdown summary to download it');
    }
    button.current?.focus();
  };
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(null), 3000);
    return () => clearTimeout(t);
  }, [copied]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (!open || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    event.preventDefault();
    const items = [
      ...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ??
        []),
    ];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = (at + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
  };

  return (
    <div className="export-menu" ref={root} onKeyDown={onKeyDown} data-available={available}>
      <button
        ref={button}
        type="button"
        className="button"
        data-testid="export.button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
      >
        Export ▾
      </button>
      {open ? (
        <div className="export-menu__list" role="menu" id={menuId} data-testid="export.menu">
          {ITEMS.map((item, i) => (
            <button
              key={item.kind}
              type="button"
              role="menuitem"
              className="export-menu__item"
              data-testid={`export.${item.kind}`}
              disabled={available[i] !== '1'}
              onClick={() => run(item.kind)}
            >
              <span>{item.label}</span>
              <span className="export-menu__hint">{item.hint}</span>
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            className="export-menu__item"
            data-testid="export.copy-markdown"
            disabled={available[4] !== '1'}
            onClick={() => void copyMarkdown()}
          >
            <span>Copy Markdown</span>
            <span className="export-menu__hint">to the clipboard</span>
          </button>
        </div>
      ) : null}
      <span className="export-menu__status" role="status" data-testid="export.status">
        {copied}
      </span>
    </div>
  );
}
