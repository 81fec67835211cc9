// The test fixture every spec uses: an AppPage, and an offsite guard that fails the test if the
// page tried to reach anything but its own origin.
import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { guardContext, type OffsiteGuard } from './support/offsite-guard';

export const test = base.extend<{ app: AppPage; offsite: OffsiteGuard }>({
  offsite: [
    async ({ context }, use) => {
      const guard = await guardContext(context);
      await use(guard);
      expect(guard.offsite, 'requests that left the origin').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
});

export { expect };
