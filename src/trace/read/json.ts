// Reads the lockscope JSON trace format (docs/trace-format.md):
// {"format":"lockscope-trace","version":1,"events":[{"thread":"T1","op":"acquire","lock":"A"}, …]}
import type { LockMode, TraceEvent, TraceOp } from '../types';
import type { TraceError } from './types';

const OPS: readonly TraceOp[] = [
  'acquire',
  'release',
  'hardirq-off',
  'hardirq-on',
  'softirq-off',
  'softirq-on',
  'hardirq-enter',
  'hardirq-exit',
  'softirq-enter',
  'softirq-exit',
];
const MODES: readonly LockMode[] = ['write', 'read', 'recursive-read'];
const FIELDS = new Set([
  'thread',
  'op',
  'lock',
  'mode',
  'try',
  'subclass',
  'instance',
  'time',
  'stack',
  'line',
]);

export function readJsonTrace(text: string): { events: TraceEvent[]; errors: TraceError[] } {
  const errors: TraceError[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      events: [],
      errors: [{ line: lineOfJsonError(text, message), message: `not valid JSON: ${message}` }],
    };
  }
  if (!isObject(doc))
    return fail('the trace must be a JSON object with "format", "version" and "events"');
  if (doc['format'] !== 'lockscope-trace')
    return fail(`"format" must be "lockscope-trace", not ${JSON.stringify(doc['format'] ?? null)}`);
  if (doc['version'] !== 1)
    return fail(`"version" must be 1, not ${JSON.stringify(doc['version'] ?? null)}`);
  const list = doc['events'];
  if (!Array.isArray(list)) return fail('"events" must be an array of events');
  const lines = eventLines(text);
  const events: TraceEvent[] = [];
  list.forEach((raw: unknown, i) => {
    const line = lines[i] ?? null;
    const where = `event ${i}${line ? ` (line ${line})` : ''}`;
    const bad = (message: string) => errors.push({ line, message: `${where}: ${message}` });
    if (!isObject(raw))
      return bad('must be an object like {"thread":"T1","op":"acquire","lock":"A"}');
    for (const k of Object.keys(raw)) if (!FIELDS.has(k)) bad(`unknown field "${k}"`);
    const { thread, op, lock, mode, stack, time, subclass, instance } = raw;
    if (typeof thread !== 'string' || thread === '')
      return bad('"thread" must be a non-empty string');
    if (typeof op !== 'string' || !OPS.includes(op as TraceOp))
      return bad(`"op" must be one of ${OPS.join(', ')}; got ${JSON.stringify(op ?? null)}`);
    const e: TraceEvent = { thread, op: op as TraceOp };
    if (op === 'acquire' || op === 'release') {
      if (typeof lock !== 'string' || lock === '')
        return bad(`"lock" must name the lock class of an ${op}`);
      e.lock = lock;
    } else if (lock !== undefined) return bad(`"lock" is only for acquire and release, not ${op}`);
    if (mode !== undefined) {
      if (op !== 'acquire') return bad('"mode" is only for acquire');
      if (!MODES.includes(mode as LockMode))
        return bad(`"mode" must be one of ${MODES.join(', ')}; got ${JSON.stringify(mode)}`);
      e.mode = mode as LockMode;
    }
    if (raw['try'] !== undefined) {
      if (typeof raw['try'] !== 'boolean' || op !== 'acquire')
        return bad('"try" must be true or false, on an acquire');
      if (raw['try']) e.try = true;
    }
    if (subclass !== undefined) {
      if (!Number.isInteger(subclass) || (subclass as number) < 0 || (subclass as number) > 7)
        return bad('"subclass" must be an integer 0..7 (lockdep has 8 subclasses)');
      if (subclass) e.subclass = subclass as number;
    }
    if (instance !== undefined) {
      if (typeof instance !== 'string') return bad('"instance" must be a string');
      e.instance = instance;
    }
    if (time !== undefined) {
      if (typeof time !== 'number' || !Number.isFinite(time))
        return bad('"time" must be a number (seconds)');
      e.time = time;
    }
    if (stack !== undefined) {
      if (!Array.isArray(stack) || !stack.every((f) => typeof f === 'string'))
        return bad('"stack" must be an array of function names, innermost first');
      e.stack = stack as string[];
    }
    e.line = typeof raw['line'] === 'number' ? raw['line'] : (line ?? undefined);
    events.push(e);
  });
  return { events, errors };

  function fail(message: string) {
    return { events: [], errors: [{ line: 1, message }] };
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "Unexpected token } in JSON at position 42" / "(line 3 column 5)": the line, when it says. */
function lineOfJsonError(text: string, message: string): number | null {
  const lc = /line (\d+) column \d+/.exec(message);
  if (lc) return Number(lc[1]);
  const pos = /position (\d+)/.exec(message);
  if (!pos) return null;
  return lineAt(text, Number(pos[1]));
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line each element of the top-level "events" array starts on, by one linear scan. */
function eventLines(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let key = '';
  let lastKey = '';
  let eventsDepth = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      else if (depth === 1) key += c;
      continue;
    }
    if (c === '"') {
      inString = true;
      if (depth === 1) key = '';
    } else if (c === ':' && depth === 1) lastKey = key;
    else if (c === '{' || c === '[') {
      if (eventsDepth >= 0 && depth === eventsDepth + 1) out.push(line);
      depth++;
      if (c === '[' && depth === 2 && lastKey === 'events' && eventsDepth < 0) eventsDepth = 1;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 1 && eventsDepth >= 0) eventsDepth = -2;
    }
  }
  return out;
}
