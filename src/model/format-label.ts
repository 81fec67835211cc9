// The tool's own name for each report format, as the app's report list and the exports show it.
import type { Format } from './types';

const FORMAT_LABELS: Record<Format, string> = {
  'linux-lockdep': 'Linux lockdep',
  'freebsd-witness': 'FreeBSD WITNESS',
  'openbsd-witness': 'OpenBSD WITNESS',
  tsan: 'ThreadSanitizer',
  helgrind: 'Valgrind Helgrind',
  java: 'Java thread dump',
  'go-deadlock': 'go-deadlock',
  abseil: 'Abseil Mutex',
  bitcoin: 'Bitcoin Core lockorder',
  'lockscope-trace': 'lockscope trace',
  'proc-lockdep': '/proc/lockdep',
  'witness-graph': 'WITNESS graph',
};

/** "Linux lockdep", "ThreadSanitizer", …; a format this build does not know keeps its id. */
export function formatLabel(format: Format): string {
  return FORMAT_LABELS[format] ?? format;
}
