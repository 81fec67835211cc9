// Seed reports from the shared corpus, read in place at run time (never copied into the repo):
// ../shared/corpus beside the repository, or $LOCKSCOPE_CORPUS.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CORPUS_DIR = resolve(
  process.env.LOCKSCOPE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus'),
);

export const SEED_002 = 'seeds/002_2cc49d2819f18c37.txt';
export const SEED_004 = 'seeds/004_86fcbf1cf443cdc5.txt';
/** syzkaller's inconsistent lock state with lockdep's <Interrupt> table (5.10, softirq). */
export const SYZ_INCONSISTENT_TABLE = 'linux/syzkaller/553';
/** syzkaller's inconsistent lock state cut short before its table (4.10): lockscope's own. */
export const SYZ_INCONSISTENT_NO_TABLE = 'linux/syzkaller/33';
/** syzkaller's possible recursive locking on rtnl_mutex (4.16). */
export const SYZ_RECURSIVE = 'linux/syzkaller/234';

/** Why the corpus tests cannot run here, or null when they can. */
export function corpusMissing(...files: string[]): string | null {
  for (const f of files)
    if (!existsSync(join(CORPUS_DIR, f)))
      return `the shared corpus is not at ${CORPUS_DIR} (${f} missing); set LOCKSCOPE_CORPUS to run these tests`;
  return null;
}

export function readSeed(file: string): string {
  return readFileSync(join(CORPUS_DIR, file), 'utf8');
}
