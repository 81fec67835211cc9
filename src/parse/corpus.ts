// Where the shared corpus of real reports lives (read in place, never copied into the repo).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const CORPUS_DIR = resolve(
  process.env.LOCKSCOPE_CORPUS ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus'),
);

/** Folders of kernel reports: syzbot seeds, Linux lockdep, FreeBSD and OpenBSD WITNESS. */
export const KERNEL_FOLDERS = ['seeds', 'linux', 'freebsd', 'openbsd'] as const;
/** Folders of userspace checkers' reports, one per tool. */
export const USERSPACE_FOLDERS = ['tsan', 'helgrind', 'java', 'go-deadlock', 'abseil'] as const;
/** Every folder of single reports (the lock-graph dumps in proc/ are not reports one by one). */
export const REPORT_FOLDERS = [...KERNEL_FOLDERS, ...USERSPACE_FOLDERS, 'other'] as const;

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

/** Every folder of the corpus, whatever it holds: a new folder is read without being listed. */
export function corpusFolders(): string[] {
  if (!existsSync(CORPUS_DIR)) return [];
  return readdirSync(CORPUS_DIR)
    .filter((f) => statSync(join(CORPUS_DIR, f)).isDirectory())
    .sort();
}
