// The page layout. It arranges the regions; the regions select what they show from the store.
import { DropOverlay } from './components/DropOverlay/DropOverlay';
import { Header } from './components/Header/Header';
import { LinkBanner } from './components/LinkBanner/LinkBanner';
import { PAGES } from './pages/pages';
import { useAppStore } from './store';
import './App.css';

export function App() {
  const page = useAppStore((s) => s.page);
  const Page = (PAGES.find((p) => p.id === page) ?? PAGES[0]!).Component;
  return (
    <div className="app" data-testid="app.root">
      <Header />
      <LinkBanner />
      <Page />
      <DropOverlay />
    </div>
  );
}
