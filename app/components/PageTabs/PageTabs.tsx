// Tabs that switch between the app's pages; hidden while there is only one.
import { PAGES } from '../../pages/pages';
import { useAppStore } from '../../store';
import './PageTabs.css';

export function PageTabs() {
  const page = useAppStore((s) => s.page);
  const setPage = useAppStore((s) => s.setPage);
  if (PAGES.length < 2) return null;
  return (
    <nav className="page-tabs" aria-label="Pages" data-testid="app.pages">
      {PAGES.map((p) => (
        <button
          key={p.id}
          type="button"
          className="page-tabs__tab"
          aria-current={p.id === page ? 'page' : undefined}
          data-testid={`app.page.${p.id}`}
          onClick={() => setPage(p.id)}
        >
          {p.label}
        </button>
      ))}
    </nav>
  );
}
