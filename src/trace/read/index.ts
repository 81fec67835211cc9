// readTrace(): a trace as text, ftrace or lockscope JSON, to events, with what was wrong where.
import { readFtrace } from './ftrace';
import { readJsonTrace } from './json';
import type { ReadTraceResult } from './types';

export type { ReadTraceResult, TraceError, TraceFormat } from './types';

export function readTrace(text: string): ReadTraceResult {
  if (/^\s*\{/.test(text)) return { ...readJsonTrace(text), format: 'json' };
  return { ...readFtrace(text), format: 'ftrace' };
}
