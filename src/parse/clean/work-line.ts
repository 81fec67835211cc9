// A line between cleaning steps: its text so far plus what the later steps need to know
// about where it came from.

export interface WorkLine {
  text: string;
  origin: number;
  originEnd: number;
  stream: string | null;
  /** this line carried its own logger prefix (timestamp, level, syslog, journal) */
  prefixed: boolean;
  /** it belongs to a prefixed record: prefixed, or an escaped-newline piece or journald continuation of one */
  inPrefixed: boolean;
  /** e-mail quote levels stripped from its physical line */
  quote: number;
  /** a weak block marker ("|", "%", " * ", "+", "[n]") was stripped */
  weak: boolean;
  /** columns of indentation removed by the commit-message dedent */
  dedent: number;
  /** first piece of its physical line (later pieces come from escapes or flattened text) */
  first: boolean;
  /** last piece of its physical line */
  last: boolean;
  /** length of the physical line it came from, prefixes included (for the wrap-width test) */
  rawLength: number;
  /** a journald/dmesg continuation line indented to the message column */
  continuation: boolean;
}
