// FreeBSD and OpenBSD WITNESS (sys/kern/subr_witness.c): placeholder until the importer lands.
import type { FormatParser } from '../format';

export const freebsdWitnessParser: FormatParser = {
  format: 'freebsd-witness',
  sniff: () => false,
  parse: () => {
    throw new Error('WITNESS importer not written yet');
  },
  lineStarts: [],
};

export const openbsdWitnessParser: FormatParser = { ...freebsdWitnessParser, format: 'openbsd-witness' };
