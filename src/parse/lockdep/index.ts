// Linux lockdep (kernel/locking/lockdep.c): placeholder until the importer lands.
import type { FormatParser } from '../format';

export const lockdepParser: FormatParser = {
  format: 'linux-lockdep',
  sniff: () => false,
  parse: () => {
    throw new Error('lockdep importer not written yet');
  },
  lineStarts: [],
};
