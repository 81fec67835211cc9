import { describe, expect, it } from 'vitest';
import { SCHEMA, type Report } from '../../src/model/types';
import { decodePermalink } from '../../src/permalink/codec';
import { createAppStore } from '../store';
import { linesLength, startAddressBar, type AddressBarWindow } from './address-bar';
import { emptyReport } from '../../src/model/report';

function report(title: string): Report {
  return { ...emptyReport('linux-lockdep', 'circular-dependency', { start: 1, end: 2 }), title };
}

/** A window whose history is an array, as a browser keeps it (push drops the forward entries). */
function fakeWindow() {
  const entries = ['http://app/'];
  let at = 0;
  const listeners: (() => void)[] = [];
  const win: AddressBarWindow & { entries: string[]; back(): void; pushes: number } = {
    entries,
    pushes: 0,
    location: {
      get href() {
        return entries[at]!;
      },
      get hash() {
        const h = entries[at]!.indexOf('#');
        return h < 0 ? '' : entries[at]!.slice(h);
      },
    },
    history: {
      pushState: (_d, _t, url) => {
        entries.splice(at + 1, entries.length, String(url));
        at++;
        win.pushes++;
      },
      replaceState: (_d, _t, url) => {
        entries[at] = String(url);
      },
    },
    addEventListener: (_type, l) => listeners.push(l),
    removeEventListener: () => {},
    back() {
      at--;
      for (const l of listeners) l();
    },
  };
  return win;
}

function setup() {
  const store = createAppStore({
    parse: async (t) => ({
      schema: SCHEMA,
      reports: [report(`${t} 1`), report(`${t} 2`)],
      diagnostics: [],
    }),
  });
  const win = fakeWindow();
  const bar = startAddressBar(store, win, Promise.resolve(), 5);
  return { store, win, bar };
}

describe('address bar', () => {
  it('holds the view shown, adds an entry for a new report and replaces it for typing', async () => {
    const { store, win, bar } = setup();
    await store.getState().loadInput('log', 'api');
    await bar.settled();
    expect(win.entries).toHaveLength(1);
    expect(store.getState().permalink.url).toBe(win.location.href);
    const first = await decodePermalink(win.location.href);
    expect(first.ok && first.state).toMatchObject({ input: 'log', report: 0 });

    store.getState().selectReport(1);
    await bar.settled();
    expect(win.entries).toHaveLength(2);
    store.getState().editInput('log!');
    await new Promise((r) => setTimeout(r, 300));
    await bar.settled();
    expect(win.entries).toHaveLength(2); // typing replaces
    const typed = await decodePermalink(win.location.href);
    expect(typed.ok && typed.state.input).toBe('log!');
  });

  it('applies the entry Back returns to, without adding one', async () => {
    const { store, win, bar } = setup();
    await store.getState().loadInput('log', 'api');
    await bar.settled();
    store.getState().selectReport(1);
    await bar.settled();
    const pushes = win.pushes;
    win.back();
    await bar.settled();
    expect(store.getState().selected).toBe(0);
    expect(win.pushes).toBe(pushes);
  });

  it('opens a bad link by saying why, and keeps the page as it was', async () => {
    const { store, bar } = setup();
    await store.getState().loadInput('log', 'api');
    const r = await bar.open('#v1.AAAA');
    expect(r.opened).toBe(false);
    expect(store.getState().linkError).toMatch(/^This link/);
    expect(store.getState().input).toBe('log');
  });

  it('drops the old link the moment new text arrives, so a reload in between shows the new text', async () => {
    const { store, win, bar } = setup();
    await store.getState().loadInput('log', 'api');
    await bar.settled();
    expect(win.location.hash).toMatch(/^#v1\./);
    store.getState().editInput('typed just now');
    expect(win.location.hash).toBe(''); // before the debounced encode: no stale view to reopen
    await new Promise((r) => setTimeout(r, 300)); // typing is parsed once it pauses
    await bar.settled();
    const typed = await decodePermalink(win.location.href);
    expect(typed.ok && typed.state.input).toBe('typed just now');
    expect(win.entries).toHaveLength(1);

    // new text from a file gets its own entry at once; its link then fills that entry
    await store.getState().loadInput('from a file', 'file');
    await bar.settled();
    expect(win.entries).toHaveLength(2);
    const filed = await decodePermalink(win.location.href);
    expect(filed.ok && filed.state.input).toBe('from a file');
    win.back();
    await bar.settled();
    expect(store.getState().input).toBe('typed just now');
  });
});

describe('linesLength', () => {
  it('counts the characters of a line range, newlines included, without splitting the text', () => {
    const text = 'one\ntwo\nthree\nfour';
    expect(linesLength(text, 1, 1)).toBe(4);
    expect(linesLength(text, 2, 3)).toBe('two\nthree\n'.length);
    expect(linesLength(text, 3, 9)).toBe('three\nfour'.length);
    expect(linesLength(text, 7, 9)).toBe(0);
  });
});
