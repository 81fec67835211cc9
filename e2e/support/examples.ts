// The example reports shipped with the app (public/examples/), read from disk for the tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function readExample(file: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../public/examples/${file}`, import.meta.url)),
    'utf8',
  );
}

export const LOCKDEP_EXAMPLE = readExample('lockdep-circular.txt');
export const WITNESS_EXAMPLE = readExample('witness-lor.txt');

/** What the lockdep example must parse to (report-json.md: the cycle starts at chain entry #0). */
export const LOCKDEP_CYCLE = ['&mm->mmap_lock', '&sb->s_type->i_mutex_key#12', '&dev->buf_lock'];
/** WITNESS lock order reversal "1st A, 2nd B" gives the cycle [A, B]. */
export const WITNESS_CYCLE = ['lsdemo cfg', 'ufs'];

/** Text with no report in it, and a line (3) that the "closest line" diagnostic should point at. */
export const NOT_A_REPORT = [
  'Nov 21 10:00:01 host systemd[1]: Started Session 4 of user alice.',
  'Nov 21 10:00:02 host kernel: usb 1-1: new high-speed USB device number 3',
  'Nov 21 10:00:03 host kernel: we saw a deadlock once, the mutex was held by kworker',
  'Nov 21 10:00:04 host kernel: usb 1-1: USB disconnect, device number 3',
].join('\n');
