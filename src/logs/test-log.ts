// Test support: a long log built by concatenating real corpus reports read in place (never copied
// into the repository), with some console noise between them, as a CI or syzbot log has.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from '../parse/corpus';

/**
 * 466 and 467 are one deadlock reached from wg_set_device and from peer_remove_after_dead (the
 * cycle printed in another rotation, one class as "…wireguard1#8"); 185 and 187 another one, from
 * do_ip_setsockopt and do_ip_getsockopt; 26 a different cycle; 31 recursive locking; 33 an
 * inconsistent lock state; seeds/002 a seven-lock chain.
 */
export const LOG_PARTS = [
  'linux/syzkaller/466',
  'linux/syzkaller/185',
  'linux/syzkaller/26',
  'linux/syzkaller/467',
  'linux/syzkaller/31',
  'linux/syzkaller/187',
  'linux/syzkaller/33',
  'seeds/002_2cc49d2819f18c37.txt',
  'linux/syzkaller/466',
] as const;

export function corpusLogAvailable(parts: readonly string[] = LOG_PARTS): boolean {
  return parts.every((p) => existsSync(join(CORPUS_DIR, p)));
}

/** The parts joined with a line of console chatter between them. */
export function buildCorpusLog(parts: readonly string[] = LOG_PARTS): string {
  return parts
    .map((p, i) => `[ ${1000 + i}.000000] syz-executor: run ${i}\n${readText(p)}`)
    .join('\n');
}

function readText(path: string): string {
  const text = readFileSync(join(CORPUS_DIR, path), 'utf8');
  return text.endsWith('\n') ? text : `${text}\n`;
}
