// What the command touches outside itself, behind one small interface so tests can call main()
// with strings instead of spawning a process.

export interface OutStream {
  write(text: string): void;
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  /** the whole of stdin; rejects with InputTooLarge past `limit` bytes */
  readStdin(limit: number): Promise<Uint8Array>;
  /** stdin is a terminal: nobody is piping a log in, so say we are waiting */
  stdinIsTTY: boolean;
}

export class InputTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`more than ${Math.round(limit / 2 ** 20)} MB`);
  }
}

/** The real process: stdout/stderr/stdin. */
export function processIO(): CliIO {
  // `lockscope parse big.log | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  return {
    stdout: { write: (t) => void process.stdout.write(t) },
    stderr: { write: (t) => void process.stderr.write(t) },
    stdinIsTTY: Boolean(process.stdin.isTTY),
    readStdin: (limit) => readStream(process.stdin, limit),
  };
}

export async function readStream(
  stream: AsyncIterable<Uint8Array | string>,
  limit: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.length;
    if (size > limit) throw new InputTooLarge(limit);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}

/** An in-memory CliIO for tests: give it stdin text, read back what was written. */
export function memoryIO(stdin: string | Uint8Array = '', opts: { stdinIsTTY?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: { write: (t) => void out.push(t) },
    stderr: { write: (t) => void err.push(t) },
    stdinIsTTY: opts.stdinIsTTY ?? false,
    readStdin: async (limit) => {
      const bytes = typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin;
      if (bytes.length > limit) throw new InputTooLarge(limit);
      return bytes;
    },
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
