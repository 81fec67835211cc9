// The `.lockscope` file: the same view as a link, for when the link is too long to paste. Plain
// JSON, so it reads and diffs like any text: {"format": "lockscope/1", "state": {...}}.
import { MAX_PAYLOAD_BYTES, type DecodeResult } from './codec';
import { viewHeader } from './payload';
import { normalizeState, type ViewState } from './state';

export const LOCKSCOPE_FILE_FORMAT = 'lockscope/1';
export const LOCKSCOPE_FILE_EXTENSION = '.lockscope';

export function encodeLockscopeFile(state: ViewState): string {
  // The input last, so the view fields are on the first screen of the file.
  const doc = {
    format: LOCKSCOPE_FILE_FORMAT,
    state: { ...viewHeader(state), input: state.input },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** For drop and open, which detect by content, never by the file's name. */
export function looksLikeLockscopeFile(text: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"lockscope\//.test(text.slice(0, 200));
}

/** Never throws; errors read like the link's ("This file …"). */
export function decodeLockscopeFile(text: string): DecodeResult {
  // Counted in UTF-16 units: close enough to bytes to keep a 10 MB promise within a factor of 3.
  if (text.length > MAX_PAYLOAD_BYTES * 1.5)
    return bad('This file is larger than a lockscope view can be (10 MB)');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return bad(
      looksLikeLockscopeFile(text)
        ? 'This file is damaged or cut off: it is not complete JSON'
        : 'This is not a .lockscope file (it is not JSON)',
    );
  }
  if (
    typeof doc !== 'object' ||
    doc === null ||
    !('format' in doc) ||
    typeof doc.format !== 'string'
  )
    return bad('This is not a .lockscope file (it has no "format")');
  const m = /^lockscope\/(\d+)$/.exec(doc.format);
  if (!m) return bad(`This is not a .lockscope file (its format is "${doc.format.slice(0, 40)}")`);
  const version = Number(m[1]);
  if (version > 1)
    return bad(
      `This file was made by a newer lockscope (lockscope/${version}); this version reads lockscope/1 files`,
    );
  if (version !== 1)
    return bad(`This file says it is lockscope/${version}, which lockscope never wrote`);
  const state = normalizeState('state' in doc ? doc.state : undefined);
  if (!state.ok) return bad(`This file is damaged: ${state.reason}`);
  return { ok: true, state: state.state };
}

function bad(error: string): DecodeResult {
  return { ok: false, error };
}
