// Splitting pasted text into lines while remembering each line's number in the original input.
//
// Numbering follows /\r\n|\r|\n/ (what editors count), but a serial console's "text\r\r\n" is one
// line break, not a line plus an empty one.

export interface RawLine {
  text: string;
  /** 1-based first and last original line (several when quoted-printable soft breaks joined them) */
  origin: number;
  originEnd: number;
}

export function splitPhysicalLines(input: string): RawLine[] {
  const out: RawLine[] = [];
  let start = 0;
  let lineNo = 1;
  let cr = input.indexOf('\r');
  for (;;) {
    const nl = input.indexOf('\n', start);
    if (cr >= 0 && cr < start) cr = input.indexOf('\r', start);
    const end = cr >= 0 && (nl < 0 || cr < nl) ? cr : nl;
    if (end < 0) {
      out.push(line(input.slice(start), lineNo));
      return out;
    }
    out.push(line(input.slice(start, end), lineNo));
    if (end === nl) {
      start = nl + 1;
      lineNo++;
      continue;
    }
    // A run of CRs: "\r\r\n" ends one line; lone CRs (no LF after) each end a line.
    let k = end;
    while (k < input.length && input.charCodeAt(k) === 13) k++;
    const runs = k - end;
    if (k < input.length && input.charCodeAt(k) === 10) {
      start = k + 1;
      lineNo += runs;
    } else {
      for (let r = 1; r < runs; r++) out.push(line('', lineNo + r));
      start = k;
      lineNo += runs;
    }
  }
}

function line(text: string, n: number): RawLine {
  // Serial console captures shown with `cat -v`: "…lock(&a);^M"
  while (text.endsWith('^M')) text = text.slice(0, -2);
  return { text, origin: n, originEnd: n };
}
