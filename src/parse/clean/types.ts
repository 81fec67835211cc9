// The cleaner's output: the text as the kernel (or tool) printed it, one line per printed line,
// each remembering where it came from in what the user pasted.

export interface CleanLine {
  /** the line with transport mangling undone: no timestamp, caller id, syslog or quote prefix */
  text: string;
  /** 1-based line number in the ORIGINAL input this line (or its first piece) came from */
  origin: number;
  /** last original line that contributed to this line (wrapped tails, soft line breaks) */
  originEnd: number;
  /** printk caller id ("T1145", "C3") when the log has them: tells interleaved reports apart */
  stream: string | null;
}
