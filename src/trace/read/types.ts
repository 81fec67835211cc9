// What the trace readers give back.
import type { TraceEvent } from '../types';

export interface TraceError {
  /** 1-based line of the input, or null when the problem is not on one line */
  line: number | null;
  message: string;
}

export type TraceFormat = 'ftrace' | 'json';

export interface ReadTraceResult {
  events: TraceEvent[];
  errors: TraceError[];
  format: TraceFormat;
}
