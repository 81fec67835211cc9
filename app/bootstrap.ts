// What the page shows first: the view a link in the address bar describes; else (no link, or a
// bad one, whose banner then says why) the last input if there was one, else the default example.
import type { AppStore, InputStorage } from './store';

export async function loadFirstInput(
  store: AppStore,
  storage: InputStorage,
  defaultExample: string,
  openLink?: () => Promise<{ opened: boolean; program?: boolean }>,
): Promise<void> {
  const link = openLink ? await openLink() : null;
  // A program link opens the Simulator: the report box still gets its own text.
  if (link?.opened && !link.program) return;
  let saved: string | null = null;
  try {
    saved = storage.load();
  } catch {
    // localStorage can be disabled (privacy settings): behave as on a first visit.
  }
  if (saved !== null) {
    await store.getState().loadInput(saved, 'restored');
    return;
  }
  await store.getState().loadExample(defaultExample);
}
