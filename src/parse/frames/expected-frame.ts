// Test tables' shorthand for an expected frame: only the fields a row is about, the rest empty.
import type { Frame } from '../../model/types';

export const F = (p: Partial<Frame> & { function: string }): Frame => ({
  offset: null,
  module: null,
  unreliable: false,
  file: null,
  line: null,
  address: null,
  ...p,
});
