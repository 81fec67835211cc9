// Records every request a test's browser context makes and refuses any that leaves the app's
// origin: "nothing you paste leaves your browser" is checked on every test, not only one.
import type { BrowserContext, Request } from '@playwright/test';

export const APP_ORIGIN = `http://127.0.0.1:${process.env.LOCKSCOPE_E2E_PORT ?? 4173}`;

export function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    const u = new URL(url);
    return u.hostname === '127.0.0.1' && `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export interface OffsiteGuard {
  /** every URL requested, in order */
  requested: string[];
  /** the ones that would have left the origin (they are aborted) */
  offsite: string[];
}

export async function guardContext(context: BrowserContext): Promise<OffsiteGuard> {
  const guard: OffsiteGuard = { requested: [], offsite: [] };
  const record = (request: Request) => {
    const url = request.url();
    guard.requested.push(url);
    if (!isLocal(url)) guard.offsite.push(url);
  };
  context.on('request', record);
  await context.route(
    (url) => !isLocal(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  return guard;
}
