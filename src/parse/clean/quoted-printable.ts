// Undecoded quoted-printable mail bodies (RFC 2045 §6.7), as list archives store them:
// "=3D=3D=3D…=" banners cut by soft line breaks, "=20" blank lines, "=C2=A0" runs for NBSP.
import type { RawLine } from './physical-lines';

const HEX = /^[0-9A-F]{2}$/;

/**
 * Decode only when the text clearly is quoted-printable: the telltale escapes occur, and a bare
 * "=" (a lockdep banner, "rcu_scheduler_active = 2") is rare next to the valid escapes.
 */
export function looksQuotedPrintable(lines: readonly RawLine[]): boolean {
  let telltale = 0;
  let soft = 0;
  let valid = 0;
  let invalid = 0;
  for (let n = 0; n < lines.length; n++) {
    const text = lines[n]!.text;
    let i = text.indexOf('=');
    while (i >= 0) {
      if (i === text.length - 1) {
        valid++; // soft line break
        // encoders break at 76 columns: "…kernfs_remove_by_name_ns+0x3c/=" (not a "=====" banner)
        const before = text.charCodeAt(i - 1);
        if (text.length >= 70 && text.length <= 76 && before !== 61 && before !== 32) soft++;
      } else {
        const pair = text.slice(i + 1, i + 3);
        if (HEX.test(pair)) {
          valid++;
          if (pair === '3D' || pair === '20' || pair === 'C2' || pair === '09' || pair === 'E2')
            telltale++;
        } else invalid++;
      }
      i = text.indexOf('=', i + 1);
    }
  }
  // one escape or soft break is enough when no bare "=" contradicts it ("r =3D 0 (0xffffffff82a3c1f8)",
  // "… @ /usr/src/sys/vm/v=\nm_mmap.c:1028")
  return (telltale + soft >= 2 && valid >= 3 * invalid) || (telltale + soft >= 1 && invalid === 0);
}

/** Joins soft line breaks ("=" at end of line) and decodes "=XX" bytes as UTF-8. */
export function decodeQuotedPrintable(lines: readonly RawLine[]): RawLine[] {
  const out: RawLine[] = [];
  const decoder = new TextDecoder('utf-8');
  let pending: RawLine | null = null;
  for (const l of lines) {
    const soft = l.text.endsWith('=');
    const body = soft ? l.text.slice(0, -1) : l.text;
    if (pending) {
      pending.text += body;
      pending.originEnd = l.originEnd;
    } else pending = { text: body, origin: l.origin, originEnd: l.originEnd };
    if (!soft) {
      pending.text = decodeLine(pending.text, decoder);
      out.push(pending);
      pending = null;
    }
  }
  if (pending) {
    pending.text = decodeLine(pending.text, decoder);
    out.push(pending);
  }
  return out;
}

function decodeLine(text: string, decoder: TextDecoder): string {
  if (text.indexOf('=') < 0) return text;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 61 /* = */ && i + 2 < text.length && HEX.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) bytes.push(c);
    else {
      // Characters that were already decoded (a partly decoded archive): keep them as they are.
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      for (const b of encoder.encode(ch)) bytes.push(b);
      i += ch.length - 1;
    }
  }
  return decoder.decode(new Uint8Array(bytes));
}
