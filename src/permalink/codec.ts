// Permalinks: a whole view (text, report, selection, stepper, options) in a URL fragment, which
// browsers never send to a server. Nothing is stored anywhere.
//
// FORMAT v1 (frozen: links made today must open in every later version)
//
//   link     = [base] "#v1." base64url(frame)            base64url: RFC 4648 §5, no padding
//   frame    = varint(P) varint(D) crc32(payload) deflated
//                P = payload bytes, D = deflated bytes (unsigned LEB128 each),
//                crc32 = CRC-32/IEEE of the payload, 4 bytes big-endian
//   deflated = raw DEFLATE (RFC 1951) of the payload, with dictionary-v1.ts as preset dictionary
//   payload  = UTF-8: one line of JSON for the view, "\n", then the input text verbatim
//                the JSON holds the ViewState fields other than input, defaults left out:
//                {"report":0,"selection":{"kind":"edge","prev":"A","next":"B"},
//                 "stepper":{"scenario":"lockdep","index":3,"schedule":"0110"},
//                 "view":{"merged":true},"excerpt":{"start":120,"end":260}}
//                a program link adds "simulator":{"deadlock":"deadlock-1"} (or {}), and its text
//                is then a lock program for the Simulator page (added later; optional, so every
//                earlier link decodes as it did, and a reader without it opens the text as a report)
//
// D tells a cut-off link (fewer bytes than D) from a damaged one (the CRC does not match, or the
// DEFLATE data is invalid); P lets a decoder refuse a link that would unpack to more than
// MAX_PAYLOAD_BYTES before inflating anything, and the inflater stops at that cap anyway.
// A later version writes "v2." with its own frame and dictionary and keeps reading "v1.".
import { deflateSync } from 'fflate';
import { decodeBase64url, encodeBase64url } from './base64url';
import { crc32 } from './crc32';
import { dictionaryV1 } from './dictionary-v1';
import { inflateCapped } from './inflate-capped';
import { parsePayload, serializePayload } from './payload';
import type { ViewState } from './state';

export const LINK_VERSION = 1;
/** Links longer than this get cut or mangled by chat apps and mail clients. */
export const LINK_LENGTH_LIMIT = 2000;
/** A link never unpacks to more than this (a decompression bomb is refused, not inflated). */
export const MAX_PAYLOAD_BYTES = 10 * 2 ** 20;

export type DecodeResult = { ok: true; state: ViewState } | { ok: false; error: string };

/** Thrown by the encoders only (decoders never throw): the view is too large for a link. */
export class PermalinkError extends Error {}

/** The fragment "#v1.…" after `base` (any fragment `base` had is replaced). */
export async function encodeFragmentV1(state: ViewState, base = ''): Promise<string> {
  return encodeFragmentV1Sync(state, base);
}

/** Reads a link, a fragment ("#v1.…") or the bare "v1.…"; never throws. */
export async function decodePermalink(urlOrFragment: string): Promise<DecodeResult> {
  return decodePermalinkSync(urlOrFragment);
}

/**
 * The work itself is synchronous (fflate); the API is async so that a later version may move it
 * to a worker or to CompressionStream without changing callers. Benchmarks call these directly.
 */
export function encodeFragmentV1Sync(state: ViewState, base = ''): string {
  const payload = new TextEncoder().encode(serializePayload(state));
  if (payload.length > MAX_PAYLOAD_BYTES)
    throw new PermalinkError(
      `the text is ${megabytes(payload.length)} MB; a link carries at most 10 MB (share the selected report only, or a .lockscope file)`,
    );
  const deflated = deflateSync(payload, { level: 9, dictionary: dictionaryV1() });
  const head = [...varint(payload.length), ...varint(deflated.length), ...u32(crc32(payload))];
  const frame = new Uint8Array(head.length + deflated.length);
  frame.set(head);
  frame.set(deflated, head.length);
  const hash = base.indexOf('#');
  return `${hash < 0 ? base : base.slice(0, hash)}#v${LINK_VERSION}.${encodeBase64url(frame)}`;
}

export function decodePermalinkSync(urlOrFragment: string): DecodeResult {
  try {
    return decodeFragment(fragmentOf(urlOrFragment));
  } catch (err) {
    // Nothing below should throw; if it does, the app must still open and say so.
    return bad(`This link could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** The part after "#", with what mail and chat apps add around a link taken off. */
function fragmentOf(link: string): string {
  const hash = link.indexOf('#');
  let f = hash < 0 ? link : link.slice(hash + 1);
  // A link wrapped by a mail client gets line breaks; base64url has no white space of its own.
  f = f.replace(/\s+/g, '');
  // Some apps percent-encode the fragment; "v1." and base64url never contain "%".
  if (f.includes('%')) {
    try {
      f = decodeURIComponent(f);
    } catch {
      // Left as it is: the alphabet check below says what is wrong.
    }
  }
  // Linkifiers take in the sentence's ")" or "." — characters base64url never uses.
  return f.replace(/[.,;:!?)\]}>'"]+$/, '');
}

function decodeFragment(fragment: string): DecodeResult {
  // "v1" alone: the "." went with the linkifier's trailing punctuation, or the link was cut there.
  const m = /^v(\d{1,9})(?:\.|$)/.exec(fragment);
  if (!m) {
    if (fragment === '') return bad('This is not a lockscope link: it has nothing after "#"');
    return bad('This is not a lockscope link: its part after "#" does not start with "v1."');
  }
  const version = Number(m[1]);
  if (version > LINK_VERSION)
    return bad(
      `This link was made by a newer lockscope (v${version}); this version reads v${LINK_VERSION} links`,
    );
  if (version !== LINK_VERSION)
    return bad(`This link says it is version ${version}, which lockscope never wrote`);

  const body = fragment.slice(m[0].length);
  const decoded = decodeBase64url(body);
  if ('badChar' in decoded) {
    const ch = body[decoded.badChar]!;
    const shown = /^[\x21-\x7e]$/.test(ch)
      ? `'${ch}'`
      : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return bad(
      `This link is damaged: it contains ${shown} (at character ${m[0].length + decoded.badChar + 1} after "#"), which a lockscope link never does`,
    );
  }
  return decodeFrame(decoded.bytes, body.length);
}

function decodeFrame(frame: Uint8Array, chars: number): DecodeResult {
  const cut = (what: string) =>
    bad(`This link is cut off (${what}); copy the whole link, or ask for a .lockscope file`);
  const p = readVarint(frame, 0);
  const d = p && p !== 'bad' ? readVarint(frame, p.next) : null;
  if (p === 'bad' || d === 'bad') return bad('This link is damaged: its header is invalid');
  if (!p || !d || d.next + 4 > frame.length) return cut(`only ${chars} characters are left of it`);
  if (p.value > MAX_PAYLOAD_BYTES) return bad('This link would unpack to more than 10 MB');
  const start = d.next + 4;
  const have = frame.length - start;
  if (have < d.value) {
    const needed = Math.ceil(((start + d.value) * 4) / 3);
    return cut(`it has ${chars} of its ${needed} characters`);
  }
  if (have > d.value)
    return bad(`This link is damaged: it has ${have - d.value} bytes more than it says it holds`);
  const sum = readU32(frame, d.next);

  const inflated = inflateCapped(frame.subarray(start), MAX_PAYLOAD_BYTES, dictionaryV1());
  if (!inflated.ok) {
    if (inflated.tooLarge) return bad('This link would unpack to more than 10 MB');
    return bad(`This link is damaged: its compressed data is invalid (${inflated.message})`);
  }
  const payload = inflated.bytes;
  if (payload.length !== p.value || crc32(payload) !== sum)
    return bad('This link is damaged: its checksum does not match (a character was changed)');

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(payload);
  } catch {
    return bad("This link's text is not valid UTF-8");
  }
  const state = parsePayload(text);
  if (!state.ok) return bad(`This link is damaged: ${state.reason}`);
  return { ok: true, state: state.state };
}

function bad(error: string): DecodeResult {
  return { ok: false, error };
}

function varint(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 128;
    out.push(b);
  } while (n > 0);
  return out;
}

/** An unsigned LEB128 of at most 5 bytes (2^35: more than any link holds); null if cut off. */
function readVarint(bytes: Uint8Array, at: number): { value: number; next: number } | 'bad' | null {
  let value = 0;
  let scale = 1;
  for (let i = at; i < at + 5; i++) {
    const b = bytes[i];
    if (b === undefined) return null;
    value += (b & 127) * scale;
    if (b < 128) return { value, next: i + 1 };
    scale *= 128;
  }
  return 'bad';
}

function u32(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

function readU32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

function megabytes(n: number): string {
  return (n / 2 ** 20).toFixed(1);
}
