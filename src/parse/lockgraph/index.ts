// Whole-graph dumps, each read into ONE lock-graph report: Linux /proc/lockdep and
// /proc/lockdep_chains (format proc-lockdep), FreeBSD debug.witness.fullgraph (witness-graph).
import type { FormatParser } from '../format';
import { parseLockdepChains, sniffLockdepChains } from './lockdep-chains';
import { parseProcLockdep, sniffProcLockdep } from './proc-lockdep';
import { parseWitnessFullgraph, sniffWitnessFullgraph } from './witness-fullgraph';

export const procLockdepParser: FormatParser = {
  format: 'proc-lockdep',
  sniff: (lines, i) => sniffProcLockdep(lines[i]!.text) || sniffLockdepChains(lines, i),
  parse: (lines, start) =>
    sniffProcLockdep(lines[start]!.text)
      ? parseProcLockdep(lines, start)
      : parseLockdepChains(lines, start),
  lineStarts: [
    /all lock classes:/,
    /(?:\(buggered\) )?all lock chains:/,
    /[0-9a-f]{8,16} (?:OPS: *\d+ )?FD: *\d+ BD: /,
    /-> \[(?:[0-9a-f]{8,16}|\(____ptrval____\))\] /,
    /irq_context: /,
    // 5.14+ without CONFIG_PROVE_LOCKING: "ffffffff85163290: cgroup_mutex" (64-bit keys only:
    // eight hex digits and a colon start too many hexdump lines)
    /[0-9a-f]{16}: \S/,
  ],
};

export const witnessGraphParser: FormatParser = {
  format: 'witness-graph',
  sniff: sniffWitnessFullgraph,
  parse: parseWitnessFullgraph,
  lineStarts: [/debug\.witness\.fullgraph:/, /"[^"\n]{1,80}","/],
};
