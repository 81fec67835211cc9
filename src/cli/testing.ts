// What the command tests share: files in a fresh temporary folder, and a command run in memory
// (main() with strings for stdin, stdout and stderr, no process spawned).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIO } from './io';
import { main } from './main';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TempFolder {
  dir: string;
  /** writes `data` to `name` in the folder and returns the file's path */
  file(name: string, data: string | Uint8Array): string;
}

/** A new temporary folder to write test inputs into. */
export function tempFolder(prefix: string): TempFolder {
  const dir = mkdtempSync(join(tmpdir(), `lockscope-${prefix}-`));
  return {
    dir,
    file(name, data) {
      const p = join(dir, name);
      writeFileSync(p, data);
      return p;
    },
  };
}

/** `lockscope <words…> <argv…>` with `stdin` piped in: its exit status and what it printed. */
export function commandRunner(
  ...words: string[]
): (argv: string[], stdin?: string) => Promise<CommandRun> {
  return async (argv, stdin = '') => {
    const m = memoryIO(stdin);
    const code = await main([...words, ...argv], m.io);
    return { code, stdout: m.stdout(), stderr: m.stderr() };
  };
}
