// Every frame-shaped line of the real corpus is read as a frame, as noise, or is a known non-frame.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CleanLine } from '../clean/types';
import { CORPUS_DIR, corpusAvailable, corpusFiles } from '../corpus';
import { isTraceNoise, parseFrameLine, readTrace } from './index';

// A rough stand-in for the cleaner, enough to expose the frames: quotes, `<4>`, timestamps,
// caller ids, syslog prefixes, seed 004's literal `\x0a` and its `<4> [ts]` run-ons.
function roughClean(text: string): CleanLine[] {
  return text
    .replace(/ <\d> \[\s*\d+\.\d+\] /g, '\n')
    .split(/\r?\n|\\x0a/)
    .map((raw, i) => ({
      text: raw
        .replace(/^(?:\s*[>|])+ ?/, '')
        .replace(/^\s*<\d> ?/, '')
        .replace(/^\s*\[\s*\d+\.\d+\](?:\[\s*[TC]\d+\])? ?/, '')
        .replace(/^(?:\w{3} +\d+ [\d:]+ )?(?:[\w.-]+ )?kernel: /, ''),
      origin: i + 1,
      originEnd: i + 1,
      stream: null,
    }));
}

// lines with a symbol in them that are not frames (other sections, titles, cut or flattened text)
const KNOWN_NOT_FRAMES = [
  /\bat: /, // held locks and lock lines
  /^(?:hard|soft)irqs last +(?:en|dis)abled at \(\d+\): /, // irq event stamp
  /^\.\.\. key +at: /,
  /^(?:WARNING:|BUG:|DWARF2 unwinder stuck at|random:|SOURCE:|In the Linux kernel|Quoting)/,
  /^-> #\d+ /, // a flattened chain entry (seed 004) before the pre-pass splits it
  /^\S*\+0x[0-9a-f]+\/(?:0x)?[0-9a-f]*\)$/, // the wrapped tail of an arm32 line
  /\] but this lock took$/, // prose wrapped onto a frame
];

const FRAME_SHAPED = /\+0x[0-9a-f]+\/0x|\[<[0-9a-f]+>\]|^\s*0x[0-9a-f]+\s*$| \[inline\]$/;

describe.skipIf(!corpusAvailable())('frames in the corpus', () => {
  const files = [...corpusFiles('seeds'), ...corpusFiles('linux')];
  const texts = files.map(
    (f) => [f, roughClean(readFileSync(join(CORPUS_DIR, f), 'utf8'))] as const,
  );

  it('reads every frame-shaped line', () => {
    const unread: string[] = [];
    let frames = 0;
    for (const [file, lines] of texts) {
      for (const { text } of lines) {
        if (parseFrameLine(text)) frames++;
        else if (
          FRAME_SHAPED.test(text) &&
          !isTraceNoise(text) &&
          !KNOWN_NOT_FRAMES.some((re) => re.test(text.trim()))
        )
          unread.push(`${file}: ${text}`);
      }
    }
    expect(unread).toEqual([]);
    expect(frames).toBeGreaterThan(8000);
  });

  it('finds a trace after every `Call Trace:`, `stack backtrace:`, chain entry and usage `at:`', () => {
    const empty: string[] = [];
    let traces = 0;
    for (const [file, lines] of texts) {
      lines.forEach(({ text }, i) => {
        const t = text.trim();
        if (!/^(?:Call [Tt]race:|stack backtrace:|-> #\d+ \(.*\):|[^,]*[^,\s] at:)$/.test(t))
          return;
        // a heading may start the trace itself; a chain entry or usage header is followed by it
        const trace = readTrace(lines, /^(?:Call|stack)/.test(t) ? i : i + 1);
        traces++;
        if (trace.frames.length === 0) empty.push(`${file}:${i + 1}: ${t}`);
      });
    }
    expect(traces).toBeGreaterThan(250);
    // the panic's own Call Trace: is cut off by the log (`Modules linked in:`, `---[ end trace`)
    expect(empty).toEqual(['linux/syzkaller/343:924: Call Trace:']);
  });
});
