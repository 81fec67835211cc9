// Raw DEFLATE decompression that stops as soon as the output passes a cap, so a crafted link
// (50 MB of zeros deflate to ~50 kB) costs at most the cap plus one slice, never the bomb.
import { Inflate } from 'fflate';

/** Deflate's best ratio is ~1032:1, so one slice of input yields at most ~0.5 MB of output. */
const SLICE = 512;

export type InflateResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; tooLarge: true }
  | { ok: false; tooLarge: false; message: string };

export function inflateCapped(
  data: Uint8Array,
  cap: number,
  dictionary?: Uint8Array,
): InflateResult {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  const inflater = new Inflate(dictionary ? { dictionary } : {}, (chunk) => {
    size += chunk.length;
    if (size > cap) over = true;
    else chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length || at === 0; at += SLICE) {
      const end = Math.min(at + SLICE, data.length);
      inflater.push(data.subarray(at, end), end >= data.length);
      if (over) return { ok: false, tooLarge: true };
      if (end >= data.length) break;
    }
  } catch (err) {
    return {
      ok: false,
      tooLarge: false,
      message: err instanceof Error ? err.message : String(err),
    };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return { ok: true, bytes };
}
