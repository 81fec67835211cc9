// Program links (the Simulator's Share): a lock program and the selected deadlock, added to v1
// as an optional field, so that every report link made before keeps decoding as it did.
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SIM_EXAMPLES } from '../sim';
import { encodeBase64url } from './base64url';
import { crc32 } from './crc32';
import { dictionaryV1 } from './dictionary-v1';
import { decodePermalink, encodeFragmentV1 } from './codec';
import { decodeLockscopeFile, encodeLockscopeFile } from './lockscope-file';
import { serializePayload } from './payload';
import { shareLinks } from './share';
import { defaultViewState, type ViewState } from './state';

/** A v1 link around a payload the encoder would never write. */
function craftLink(payload: Uint8Array): string {
  const deflated = deflateSync(payload, { level: 9, dictionary: dictionaryV1() });
  const c = crc32(payload);
  const varint = (n: number) => {
    const out: number[] = [];
    do {
      out.push((n % 128) | (n >= 128 ? 128 : 0));
      n = Math.floor(n / 128);
    } while (n > 0);
    return out;
  };
  const head = [...varint(payload.length), ...varint(deflated.length)];
  head.push(c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255);
  const frame = new Uint8Array(head.length + deflated.length);
  frame.set(head);
  frame.set(deflated, head.length);
  return `#v1.${encodeBase64url(frame)}`;
}

function programView(program: string, deadlock: string | null): ViewState {
  return { ...defaultViewState(program), simulator: { deadlock } };
}

describe('program links', () => {
  it.each(SIM_EXAMPLES.map((e) => [e.id, e.source] as const))(
    'round-trip the %s example with its deadlock selected',
    async (_id, source) => {
      const view = programView(source, 'deadlock-1');
      const link = await encodeFragmentV1(view, 'http://127.0.0.1:4173/');
      expect(await decodePermalink(link)).toEqual({ ok: true, state: view });
    },
  );

  it('round-trip a program with nothing selected, and keep its text exactly', async () => {
    const view = programView('// ünïcode\r\nDEFINE_MUTEX(a);\tthread T { }\n\n', null);
    const r = await decodePermalink(await encodeFragmentV1(view));
    expect(r).toEqual({ ok: true, state: view });
  });

  it('write the program after the view line, verbatim, so it compresses as written', () => {
    const payload = serializePayload(programView('DEFINE_MUTEX(a);\n', 'deadlock-2'));
    expect(payload).toBe('{"simulator":{"deadlock":"deadlock-2"}}\nDEFINE_MUTEX(a);\n');
    expect(serializePayload(programView('x', null))).toBe('{"simulator":{}}\nx');
  });

  it('leave report views as they were: no simulator field is written or decoded', async () => {
    const view = defaultViewState('some log');
    expect(serializePayload(view)).toBe('{}\nsome log');
    const r = await decodePermalink(await encodeFragmentV1(view));
    expect(r.ok && 'simulator' in r.state).toBe(false);
  });

  it('say what is wrong with a program link whose view was changed by hand', async () => {
    const reason = 'its simulator view is not one lockscope writes (a program link was changed)';
    for (const simulator of ['deadlock-1', 7, [], { deadlock: 3 }, { deadlock: '' }]) {
      const payload = `${JSON.stringify({ simulator })}\nDEFINE_MUTEX(a);`;
      expect(await decodePermalink(craftLink(new TextEncoder().encode(payload)))).toEqual({
        ok: false,
        error: `This link is damaged: ${reason}`,
      });
      const file = JSON.stringify({
        format: 'lockscope/1',
        state: { simulator, input: 'DEFINE_MUTEX(a);' },
      });
      expect(decodeLockscopeFile(file)).toEqual({
        ok: false,
        error: `This file is damaged: ${reason}`,
      });
    }
  });

  it('say a cut or altered program link is damaged, never open a different program', async () => {
    const link = await encodeFragmentV1(programView(SIM_EXAMPLES[0]!.source, 'deadlock-1'));
    const cut = await decodePermalink(link.slice(0, link.length - 12));
    expect(cut.ok).toBe(false);
    expect(!cut.ok && cut.error).toMatch(/^This link is cut off/);
    const i = Math.floor(link.length / 2);
    const changed = link.slice(0, i) + (link[i] === 'A' ? 'B' : 'A') + link.slice(i + 1);
    const r = await decodePermalink(changed);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^This link is damaged/);
  });

  it('travel in .lockscope files too', () => {
    const view = programView(SIM_EXAMPLES[1]!.source, null);
    expect(decodeLockscopeFile(encodeLockscopeFile(view))).toEqual({ ok: true, state: view });
  });

  it('are shared whole: a program is never cut down to a report', async () => {
    const links = await shareLinks(programView(SIM_EXAMPLES[0]!.source, 'deadlock-1'));
    expect(links.reduction).toBe('whole');
    expect(links.reportOnly).toBeNull();
    expect(links.full).toMatch(/^#v1\./);
  });
});
