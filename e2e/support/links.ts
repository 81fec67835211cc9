// Links made in Node with the app's own codec, and bad ones crafted byte by byte: cut off,
// damaged, from a future version, not UTF-8, a decompression bomb.
import { deflateSync } from 'fflate';
import { encodeFragmentV1Sync } from '../../src/permalink/codec';
import { crc32 } from '../../src/permalink/crc32';
import { dictionaryV1 } from '../../src/permalink/dictionary-v1';
import { encodeBase64url } from '../../src/permalink/base64url';
import { defaultViewState, type ViewState } from '../../src/permalink/state';

export function linkTo(state: Partial<ViewState> & { input: string }): string {
  return `/${encodeFragmentV1Sync({ ...defaultViewState(state.input), ...state })}`;
}

/** A v1 link around any payload bytes, with a header that may lie about their length. */
export function craftLink(payload: Uint8Array, declared = payload.length): string {
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
  const head = [...varint(declared), ...varint(deflated.length)];
  const frame = new Uint8Array([
    ...head,
    c >>> 24,
    (c >>> 16) & 255,
    (c >>> 8) & 255,
    c & 255,
    ...deflated,
  ]);
  return `/#v1.${encodeBase64url(frame)}`;
}

/** Every kind of bad link the issue names, with what the banner must say about it. */
export function badLinks(good: string): { name: string; link: string; says: RegExp }[] {
  const at = good.length - 40;
  const other = good[at] === 'A' ? 'B' : 'A';
  return [
    { name: 'cut off', link: good.slice(0, good.length - 60), says: /This link is cut off/ },
    {
      name: 'a changed character',
      link: good.slice(0, at) + other + good.slice(at + 1),
      says: /This link is damaged/,
    },
    {
      name: 'a character no link holds',
      link: good.slice(0, at) + '*' + good.slice(at + 1),
      says: /it contains '\*'/,
    },
    { name: 'a future version', link: '/#v9.AAAAAAAA', says: /made by a newer lockscope \(v9\)/ },
    {
      name: 'not UTF-8',
      link: craftLink(new Uint8Array([...new TextEncoder().encode('{}\nlock '), 0xff, 0xfe, 0x41])),
      says: /text is not valid UTF-8/,
    },
    {
      name: 'a decompression bomb',
      link: craftLink(new Uint8Array(50 * 2 ** 20), 10),
      says: /would unpack to more than 10 MB/,
    },
  ];
}
