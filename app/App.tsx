// The page layout. It arranges the regions; the regions select what they show from the store.
import { DropOverlay } from './components/DropOverlay/DropOverlay';
import { Header } from './components/Header/Header';
import { InputPanel } from './components/InputPanel/InputPanel';
import { LinkBanner } from './components/LinkBanner/LinkBanner';
import { ResultsPanel } from './components/ResultsPanel/ResultsPanel';
import './App.css';

export function App() {
  return (
    <div className="app" data-testid="app.root">
      <Header />
      <LinkBanner />
      <main className="app__main">
        <InputPanel />
        <ResultsPanel />
      </main>
      <DropOverlay />
    </div>
  );
}
