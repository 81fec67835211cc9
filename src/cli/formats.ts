// The format names --format accepts: the model's Format union as a runtime list.
import type { Format } from '../model/types';

const ALL: Record<Format, true> = {
  'linux-lockdep': true,
  'freebsd-witness': true,
  'openbsd-witness': true,
  tsan: true,
  helgrind: true,
  java: true,
  'go-deadlock': true,
  abseil: true,
  bitcoin: true,
  'lockscope-trace': true,
  'proc-lockdep': true,
  'witness-graph': true,
};

/** A Record keyed by the union makes tsc fail here when a format is added to the model. */
export const FORMATS = Object.keys(ALL) as Format[];

export function isFormat(name: string): name is Format {
  return Object.hasOwn(ALL, name);
}
