import { PageTabs } from '../PageTabs/PageTabs';
import { ShareButton } from '../ShareDialog/ShareDialog';
import './Header.css';

export function Header() {
  return (
    <header className="header">
      <h1 className="header__name">lockscope</h1>
      <PageTabs />
      <p className="header__tagline">
        Deadlock reports explained: the locks, the cycle, the stacks.
      </p>
      <p className="header__privacy" data-testid="app.privacy">
        Nothing you paste leaves your browser.
      </p>
      <ShareButton />
    </header>
  );
}
