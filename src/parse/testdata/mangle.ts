// Manglers for metamorphic tests: each does to a clean report what one kind of real transport
// does (modelled on the corpus, see lockdep-formats.md §5), deterministically. cleanText must
// undo every one of them.

export type Mangler = (clean: string) => string;

const split = (text: string) => text.replace(/\n$/, '').split('\n');
const join = (lines: string[]) => lines.join('\n') + '\n';

function stamp(i: number): string {
  // "[ 1802.499647]": seconds padded to 5, microseconds to 6
  const us = 499647 + i * 2311;
  return `[${String(1802 + Math.floor(us / 1e6)).padStart(5)}.${String(us % 1e6).padStart(6, '0')}]`;
}

/** dmesg: "[ 1802.499647] text"; a blank record is "[ ts] " or "[ ts]" (both occur). */
export const addDmesgTimestamps: Mangler = (text) =>
  join(split(text).map((l, i) => (l === '' ? stamp(i) + (i % 2 ? ' ' : '') : `${stamp(i)} ${l}`)));

/** CONFIG_PRINTK_CALLER: "[  414.269022][T17509] text" (the id padded to 6, unpadded beyond). */
export function addCallerIds(id: string): Mangler {
  return (text) => join(split(text).map((l, i) => `${stamp(i)}[${id.padStart(6)}] ${l}`));
}

/** syslog: "Jul 10 16:12:52 host kernel: text". */
export const addSyslogPrefix: Mangler = (text) =>
  join(split(text).map((l, i) => `Jul 10 16:12:${String(52 + (i % 7)).padStart(2, '0')} fmac kernel: ${l}`));

/**
 * journalctl -o short-monotonic: "[    7.886892] fmac.local kernel: text". A record that began
 * with "\n" ("\nbut task is already holding lock:") prints as an empty prefixed line and
 * continuation lines indented to the message column, without a prefix.
 */
export const addJournalctlPrefix: Mangler = (text) => {
  const lines = split(text);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const prefix = `${stamp(i)} fmac.local kernel:`;
    if (lines[i] !== '') {
      out.push(`${prefix} ${lines[i]}`);
      continue;
    }
    out.push(prefix);
    while (i + 1 < lines.length && lines[i + 1] === '') {
      out.push('');
      i++;
    }
    if (i + 1 < lines.length) out.push(' '.repeat(prefix.length + 1) + lines[++i]);
  }
  return join(out);
};

/** rsyslog: a record's embedded newlines become "#012", TABs "#011": "kernel: #012but task …". */
export const rsyslogEscape: Mangler = (text) => {
  const lines = split(text);
  const out: string[] = [];
  let pending = '';
  for (const l of lines) {
    if (l === '') pending += '#012';
    else {
      out.push(`kernel: ${pending}${l.replace(/\t/g, '#011')}`);
      pending = '';
    }
  }
  if (pending) out.push(`kernel: ${pending.slice(4)}`);
  return join(out);
};

/**
 * An i915 CI log pasted into a mail archive (seed 004): one line, records separated by
 * " <4> [ts] ", a record's embedded newlines written as a literal "\x0a".
 */
export const flattenX0a: Mangler = (text) => {
  const records: string[] = [];
  let pending = '';
  split(text).forEach((l, i) => {
    if (l === '') pending += '\\x0a';
    else {
      records.push(`<4> [${(1802.499647 + i * 0.000002).toFixed(6)}] ${pending}${l}`);
      pending = '';
    }
  });
  return `Quoting the CI run, e.g.: ${records.join(' ')}${pending ? pending : ''}\n`;
};

/** CVE feeds and JSON "description" fields: newlines become single spaces, indentation goes. */
export const flattenSpaces: Mangler = (text) =>
  'In the Linux kernel, the following vulnerability has been resolved: ' +
  split(text)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ') +
  '\n';

export interface QuoteStyle {
  /** what each level adds: "> " (mutt), ">" (no space), " > " (Thunderbird), "| " */
  mark: string;
  levels: number;
}

/** e-mail quoting; a blank line quotes as the mark without its trailing space (">"). */
export function quoteEmail(style: QuoteStyle): Mangler {
  const prefix = style.mark.repeat(style.levels);
  return (text) => join(split(text).map((l) => (l === '' ? prefix.trimEnd() : prefix + l)));
}

/**
 * A mailer's hard wrap: a line longer than `columns` is broken at its last single space that
 * fits, and the tail goes on the next line WITHOUT any prefix (and so may be wrapped again).
 */
export function hardWrap(columns: number): Mangler {
  return (text) => {
    const out: string[] = [];
    for (let line of split(text)) {
      for (;;) {
        const cut = wrapPoint(line, columns);
        if (cut < 0) break;
        out.push(line.slice(0, cut));
        line = line.slice(cut + 1);
      }
      out.push(line);
    }
    return join(out);
  };
}

// Greedy, like a mailer: the last space that fits. Not inside the first 30 columns, where a
// prefix ("> [ 1802.499647] ") would be cut, and not inside a run of spaces (a scenario column),
// whose width no reader could restore: such a line stays long, as if it had no break.
function wrapPoint(line: string, columns: number): number {
  if (line.length <= columns) return -1;
  for (let i = Math.min(columns, line.length - 1); i >= 30; i--) {
    if (line[i] !== ' ') continue;
    return line[i - 1] !== ' ' && line[i + 1] !== ' ' && line[i + 1] !== undefined ? i : -1;
  }
  return -1;
}

/** Undecoded quoted-printable: "=" as "=3D", trailing blanks as "=20", soft breaks at 76. */
export const quotedPrintable: Mangler = (text) => {
  const bytes = new TextEncoder();
  const out: string[] = [];
  for (const l of split(text)) {
    let enc = '';
    for (const ch of l) {
      const c = ch.codePointAt(0)!;
      if (ch === '=' || c > 126) for (const b of bytes.encode(ch)) enc += '=' + b.toString(16).toUpperCase().padStart(2, '0');
      else enc += ch;
    }
    enc = enc.replace(/ $/, '=20');
    while (enc.length > 76) {
      let cut = 75;
      // never split an "=XX" escape
      const eq = enc.lastIndexOf('=', cut - 1);
      if (eq >= cut - 2) cut = eq;
      out.push(enc.slice(0, cut) + '=');
      enc = enc.slice(cut);
    }
    out.push(enc);
  }
  return join(out);
};

export const crlf: Mangler = (text) => text.replace(/\n/g, '\r\n');

/** `unexpand -a`: runs of two or more spaces that reach a multiple of 8 become TABs. */
export const tabs: Mangler = (text) =>
  join(
    split(text).map((l) => {
      let out = '';
      let run = 0;
      for (let col = 1; col <= l.length; col++) {
        const ch = l[col - 1]!;
        if (ch === ' ') run++;
        else {
          out += ' '.repeat(run) + ch;
          run = 0;
        }
        if (col % 8 === 0 && run > 0) {
          out += run >= 2 ? '\t' : ' ';
          run = 0;
        }
      }
      return out + ' '.repeat(run);
    }),
  );

/** HTML and mail copies: runs of spaces become no-break spaces ("G=C2=A0=C2=A0 W"). */
export const nbsp: Mangler = (text) => text.replace(/ {2,}/g, (run) => '\u00a0'.repeat(run.length));

/** A report quoted in a commit message: indented by `indent`, between prose paragraphs. */
export function indentCommit(indent: string): Mangler {
  return (text) =>
    'Reported a warning as follows:\n\n' +
    join(split(text).map((l) => (l === '' ? '' : indent + l))) +
    '\nFix it by taking the locks in the same order.\n';
}

/** Pasted from a diff that adds the report to a file. */
export const diffPlus: Mangler = (text) => {
  const lines = split(text);
  return `+++ b/Documentation/locking/splat.txt\n@@ -0,0 +1,${lines.length} @@\n` + join(lines.map((l) => '+' + l));
};

const UNRELATED = [
  'usb 3-1: new high-speed USB device number 2 using xhci_hcd',
  'sdhci-pltfm: SDHCI platform and OF driver helper',
  'audit: type=1400 audit(1515564630.515:5): avc:  denied  { syslog } for  pid=3348',
];

/** Other printk lines landing between a report's sections (after its blank lines). */
export const insertUnrelatedPrintk: Mangler = (text) => {
  const out: string[] = [];
  let k = 0;
  const lines = split(text);
  lines.forEach((l, i) => {
    out.push(l);
    if (l === '' && i > 0 && lines[i - 1] !== '' && i + 1 < lines.length) out.push(UNRELATED[k++ % UNRELATED.length]!);
  });
  return join(out);
};

/** Two reports printed at once, line by line, each with its own caller id. */
export function interleave(a: string, b: string): string {
  const la = split(addCallerIds('T8418')(a));
  const lb = split(addCallerIds('T14782')(b));
  const out: string[] = [];
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (i < la.length) out.push(la[i]!);
    if (i < lb.length) out.push(lb[i]!);
  }
  return join(out);
}

const compose =
  (...fs: Mangler[]): Mangler =>
  (text) =>
    fs.reduce((t, f) => f(t), text);

export const MANGLERS: readonly { name: string; apply: Mangler }[] = [
  { name: 'dmesg timestamps', apply: addDmesgTimestamps },
  { name: 'caller ids', apply: addCallerIds('T1145') },
  { name: 'syslog', apply: addSyslogPrefix },
  { name: 'journalctl', apply: addJournalctlPrefix },
  { name: 'rsyslog #012', apply: rsyslogEscape },
  { name: 'i915 CI \\x0a one line', apply: flattenX0a },
  { name: 'flattened with spaces', apply: flattenSpaces },
  { name: 'quoted "> "', apply: quoteEmail({ mark: '> ', levels: 1 }) },
  { name: 'quoted ">>"', apply: quoteEmail({ mark: '>', levels: 2 }) },
  { name: 'quoted "> > > "', apply: quoteEmail({ mark: '> ', levels: 3 }) },
  { name: 'quoted " > "', apply: quoteEmail({ mark: ' > ', levels: 1 }) },
  { name: 'quoted "|"', apply: quoteEmail({ mark: '|', levels: 1 }) },
  { name: 'hard wrap 76', apply: hardWrap(76) },
  { name: 'timestamps, hard wrap 72', apply: compose(addDmesgTimestamps, hardWrap(72)) },
  { name: 'quoted timestamps, hard wrap 80', apply: compose(addDmesgTimestamps, quoteEmail({ mark: '> ', levels: 1 }), hardWrap(80)) },
  { name: 'quoted-printable', apply: quotedPrintable },
  { name: 'quoted, quoted-printable', apply: compose(quoteEmail({ mark: '> ', levels: 2 }), quotedPrintable) },
  { name: 'CRLF', apply: crlf },
  { name: 'TABs', apply: tabs },
  { name: 'NBSP', apply: nbsp },
  { name: 'commit indent 4', apply: indentCommit('    ') },
  { name: 'commit indent TAB', apply: indentCommit('\t') },
  { name: 'diff +', apply: diffPlus },
  { name: 'unrelated printk', apply: insertUnrelatedPrintk },
  { name: 'unrelated printk, timestamps', apply: compose(insertUnrelatedPrintk, addDmesgTimestamps) },
];
