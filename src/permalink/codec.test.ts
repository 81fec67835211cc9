import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeBase64url } from './base64url';
import { decodePermalink, encodeFragmentV1, MAX_PAYLOAD_BYTES, PermalinkError } from './codec';
import { crc32 } from './crc32';
import { dictionaryV1 } from './dictionary-v1';
import { defaultViewState, type ViewState } from './state';
import { SAMPLE_LOG } from './testdata/sample-log';

/** Far above any normal run even on a loaded machine; speed itself is measured by `npm run bench`. */
const HANG_MS = 20_000;

const STATE: ViewState = {
  input: SAMPLE_LOG,
  report: 1,
  selection: { kind: 'edge', prev: '&w->state_mutex', next: '&w-><b>cfg</b>_lock' },
  stepper: { scenario: 'lockdep', index: 3, schedule: '0110', mode: 'schedule' },
  view: { merged: true, layout: 'layered', zoom: 1.5 },
  excerpt: null,
};

/** A v1 link around any payload bytes, for links the encoder would never make. */
function craftLink(payload: Uint8Array, declared = payload.length): string {
  const deflated = deflateSync(payload, { level: 9, dictionary: dictionaryV1() });
  const varint = (n: number) => {
    const out: number[] = [];
    do {
      out.push((n % 128) | (n >= 128 ? 128 : 0));
      n = Math.floor(n / 128);
    } while (n > 0);
    return out;
  };
  const c = crc32(payload);
  const head = [
    ...varint(declared),
    ...varint(deflated.length),
    c >>> 24,
    (c >>> 16) & 255,
    (c >>> 8) & 255,
    c & 255,
  ];
  const frame = new Uint8Array(head.length + deflated.length);
  frame.set(head);
  frame.set(deflated, head.length);
  return `#v1.${encodeBase64url(frame)}`;
}

async function errorOf(link: string): Promise<string> {
  const r = await decodePermalink(link);
  if (r.ok) throw new Error(`decoded: ${link.slice(0, 40)}`);
  return r.error;
}

describe('permalink codec v1', () => {
  it('round-trips a whole view: text, report, selection, stepper, options', async () => {
    const link = await encodeFragmentV1(STATE, 'https://lockscope.example/app/');
    expect(link).toMatch(/^https:\/\/lockscope\.example\/app\/#v1\.[A-Za-z0-9_-]+$/);
    expect(await decodePermalink(link)).toEqual({ ok: true, state: STATE });
  });

  it('reads a bare fragment, with or without "#", and replaces a fragment the base had', async () => {
    const link = await encodeFragmentV1(STATE, 'http://127.0.0.1:4173/#old');
    expect(link.startsWith('http://127.0.0.1:4173/#v1.')).toBe(true);
    const fragment = link.slice(link.indexOf('#'));
    expect(await decodePermalink(fragment)).toEqual({ ok: true, state: STATE });
    expect(await decodePermalink(fragment.slice(1))).toEqual({ ok: true, state: STATE });
  });

  it('leaves defaults out, and fills them in when decoding', async () => {
    const plain = defaultViewState('hello\nworld');
    const link = await encodeFragmentV1(plain);
    expect((await decodePermalink(link)).ok && (await decodePermalink(link))).toEqual({
      ok: true,
      state: plain,
    });
    // A link with a header naming nothing but `report` still opens, every other field default.
    const crafted = craftLink(new TextEncoder().encode('{"report":2}\nsome text'));
    expect(await decodePermalink(crafted)).toEqual({
      ok: true,
      state: { ...defaultViewState('some text'), report: 2 },
    });
  });

  it('keeps text exactly: CRLF, tabs, NULs, emoji, lone newlines at the end', async () => {
    const input = 'a\r\nb\tc\0d 🔒 é\n\n';
    const r = await decodePermalink(await encodeFragmentV1(defaultViewState(input)));
    expect(r.ok && r.state.input).toBe(input);
  });

  it('survives what mail and chat do to a link: wrapping, a trailing ")" or ".", %-encoding', async () => {
    const link = await encodeFragmentV1(STATE, 'http://x/');
    const wrapped = link.replace(/(.{70})/g, '$1\n  ');
    expect((await decodePermalink(wrapped)).ok).toBe(true);
    expect((await decodePermalink(`(see ${link}).`.slice(5))).ok).toBe(true);
    expect((await decodePermalink(link.replace('#v1.', '#v1%2E'))).ok).toBe(true);
  });

  it('says a cut-off link is cut off, wherever it was cut', async () => {
    const link = await encodeFragmentV1(STATE);
    for (const keep of [3, 4, 6, 10, 20, Math.floor(link.length / 2), link.length - 1]) {
      expect(await errorOf(link.slice(0, keep)), `cut at ${keep}`).toMatch(
        /^This link is cut off \(/,
      );
    }
    expect(await errorOf(link.slice(0, link.length - 100))).toMatch(
      /^This link is cut off \(it has \d+ of its \d+ characters\); copy the whole link/,
    );
  });

  it('says a link with a changed character is damaged, never that it is fine', async () => {
    const link = await encodeFragmentV1(STATE);
    const body = link.indexOf('.') + 1;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // Every position after the header (the length prefix: a change there reads as a cut).
    for (let i = body + 12; i < link.length; i += 7) {
      const ch = link[i]!;
      const other = alphabet[(alphabet.indexOf(ch) + 17) % 64]!;
      const error = await errorOf(link.slice(0, i) + other + link.slice(i + 1));
      expect(error, `changed at ${i}`).toMatch(/^This link (is damaged|is cut off|would unpack)/);
    }
    expect(await errorOf(link.slice(0, 30) + '*' + link.slice(31))).toMatch(
      /^This link is damaged: it contains '\*' \(at character 30 after "#"\)/,
    );
    expect(await errorOf(`${link}AAAA`)).toMatch(/^This link is damaged: it has 3 bytes more/);
  });

  it('names a newer version, an impossible version, and text that is no link at all', async () => {
    expect(await errorOf('http://x/#v3.AAAA')).toBe(
      'This link was made by a newer lockscope (v3); this version reads v1 links',
    );
    expect(await errorOf('#v0.AAAA')).toBe(
      'This link says it is version 0, which lockscope never wrote',
    );
    expect(await errorOf('http://x/')).toMatch(/^This is not a lockscope link/);
    expect(await errorOf('http://x/#')).toBe(
      'This is not a lockscope link: it has nothing after "#"',
    );
    expect(await errorOf('#graph')).toMatch(/does not start with "v1\."/);
  });

  it('refuses text that is not UTF-8', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{}\nlock '), 0xff, 0xfe, 0x41]);
    expect(await errorOf(craftLink(bytes))).toBe("This link's text is not valid UTF-8");
  });

  it('refuses a decompression bomb without unpacking it, whatever its header claims', async () => {
    const zeros = new Uint8Array(50 * 2 ** 20);
    const honest = craftLink(zeros);
    expect(honest.length).toBeLessThan(100_000);
    expect(await errorOf(honest)).toBe('This link would unpack to more than 10 MB');
    // The header says 10 bytes: the inflater's own cap stops it.
    const t0 = performance.now();
    expect(await errorOf(craftLink(zeros, 10))).toBe('This link would unpack to more than 10 MB');
    // a hang guard, not a speed check: super-linear blow-up on these inputs takes minutes
    expect(performance.now() - t0).toBeLessThan(HANG_MS);
  });

  it('says damaged when the header and the content disagree', async () => {
    const bytes = new TextEncoder().encode('{}\nsome text');
    expect(await errorOf(craftLink(bytes, bytes.length + 1))).toMatch(/checksum does not match/);
    expect(await errorOf(craftLink(new TextEncoder().encode('no header line')))).toBe(
      'This link is damaged: its view line is missing',
    );
    expect(await errorOf(craftLink(new TextEncoder().encode('{"report":"x"}\nt')))).toBe(
      'This link is damaged: its report number is not a number',
    );
  });

  it('keeps markup in names as plain strings: a link carries data, nothing that runs', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const state: ViewState = {
      ...defaultViewState(`<script>alert(1)</script>`),
      selection: { kind: 'node', id: evil },
    };
    const r = await decodePermalink(await encodeFragmentV1(state));
    expect(r).toEqual({ ok: true, state });
  });

  it('never throws, whatever it is given', async () => {
    const link = await encodeFragmentV1(STATE);
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 300; i++) {
      const chars = [...link];
      for (let k = 0; k <= rand(4); k++) chars[rand(chars.length)] = String.fromCharCode(rand(128));
      const r = await decodePermalink(chars.join('').slice(0, link.length - rand(3) * rand(50)));
      if (!r.ok) expect(r.error).toMatch(/^This (link|is not)/);
    }
  });

  it('refuses to encode more than a link may unpack to', async () => {
    const big = defaultViewState('x'.repeat(MAX_PAYLOAD_BYTES + 1));
    await expect(encodeFragmentV1(big)).rejects.toBeInstanceOf(PermalinkError);
  });
});
