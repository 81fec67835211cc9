// Where the shared corpus of real reports lives (read in place, never copied into the repo).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const CORPUS_DIR = resolve(
  process.env.LOCKSCOPE_CORPUS ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus'),
);

export function corpusAvailable(): boolean {
  return existsSync(CORPUS_DIR);
}

/** Every report file below corpus/<folder>, as paths relative to the corpus root. */
export function corpusFiles(folder: string): string[] {
  const dir = join(CORPUS_DIR, folder);
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!/^(README|INDEX)/.test(name)) out.push(relative(CORPUS_DIR, p));
    }
  };
  walk(dir);
  return out;
}
