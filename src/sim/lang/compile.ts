// Names resolved and the program checked: every lock declared and used with operations of its
// kind, every unlock matching a lock the context holds, no sleeping in interrupt handlers, no
// recursion; then each context flattened to straight-line steps (calls inlined, stacks kept).
import type {
  Context,
  ContextKind,
  LockKind,
  Program,
  ProgramError,
  SimLock,
  Step,
} from '../program';
import type { Call, FunctionDecl, HandlerDecl, LockDecl, Pos, ProgramAst } from './ast';
import { compileOp, type ContextState, type OpCompiler } from './compile-op';
import { computeCompletes } from './completes';
import { reportUnknownCall, resolveLockArg } from './lock-args';
import { matchingUnlock, OPERATIONS, type OpSpec } from './operations';
import { DECL_MACROS, DECL_TYPES } from './parser';

/** The longest a context may get once its calls are inlined. */
export const MAX_STEPS = 2000;
export const MAX_THREADS = 16;
export const MAX_HANDLERS = 8;

function className(d: LockDecl, kind: LockKind): string {
  const base = d.isStatic || !/->|\./.test(d.path) ? d.path : `&${d.path}`;
  if (kind === 'completion') return `(complete)${base}`;
  if (kind === 'work') return `(work_completion)(&${d.path})`;
  return base;
}

class Compiler implements OpCompiler {
  readonly errors: ProgramError[] = [];
  private readonly seen = new Set<string>();
  readonly locks: SimLock[] = [];
  private readonly lockByPath = new Map<string, SimLock>();
  private readonly functions = new Map<string, FunctionDecl>();

  constructor(private readonly ast: ProgramAst) {}

  error(at: Pos, message: string): void {
    const key = `${at.line}:${at.column}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.errors.push({ line: at.line, column: at.column, endColumn: at.endColumn, message });
  }

  declare(): void {
    for (const d of this.ast.locks) {
      const kind = (DECL_MACROS[d.how] ?? DECL_TYPES[d.how]) as LockKind;
      const old = this.lockByPath.get(d.path);
      if (old) {
        this.error(d, `${d.path} is already declared at ${old.line}:${old.column}`);
        continue;
      }
      const lock: SimLock = {
        id: this.locks.length,
        name: d.path,
        class: className(d, kind),
        kind,
        line: d.line,
        column: d.column,
      };
      if (d.workFn) lock.workFn = d.workFn.path;
      this.locks.push(lock);
      this.lockByPath.set(d.path, lock);
    }
    for (const f of this.ast.functions) {
      if (OPERATIONS[f.name])
        this.error(f, `${f.name} is a lock operation; give the function another name`);
      else if (this.functions.has(f.name)) {
        const old = this.functions.get(f.name)!;
        this.error(f, `function ${f.name} is already defined at ${old.line}:${old.column}`);
      } else this.functions.set(f.name, f);
    }
    for (const l of this.locks) {
      const d = this.ast.locks.find((x) => x.path === l.name)?.workFn;
      if (l.workFn && d && !this.functions.has(l.workFn))
        this.error(
          d,
          `unknown work function '${l.workFn}': define it, e.g. void ${l.workFn}(void) { … }`,
        );
    }
  }

  implicit(name: 'dma_fence_map' | 'cpu_hotplug_lock'): SimLock {
    const have = this.lockByPath.get(name);
    if (have) return have;
    const kind: LockKind = name === 'dma_fence_map' ? 'fence' : 'rwsem';
    const lock: SimLock = { id: this.locks.length, name, class: name, kind, line: 0, column: 0 };
    this.locks.push(lock);
    this.lockByPath.set(name, lock);
    return lock;
  }

  lockArg(call: Call, spec: OpSpec): SimLock | null {
    return resolveLockArg(call, spec, this.lockByPath, (at, m) => this.error(at, m));
  }

  context(
    id: number,
    name: string,
    kind: ContextKind,
    cpu: number,
    body: Call[],
    entry: string,
    close: Pos,
    at: Pos,
    work = -1,
  ): Context {
    const ctx: Context = {
      id,
      name,
      kind,
      cpu,
      work,
      steps: [],
      held: [],
      irqOff: [],
      bhOff: [],
      irqOffWaiting: [],
      completes: [],
      line: at.line,
      column: at.column,
    };
    const handler = kind === 'hardirq' || kind === 'softirq';
    const st: ContextState & { tooLong: boolean } = {
      holds: [],
      irqOff: kind === 'hardirq',
      bh: kind === 'softirq' ? 1 : 0,
      fence: 0,
      tooLong: false,
    };
    const where =
      kind === 'thread'
        ? `thread ${name}`
        : kind === 'work'
          ? `work function ${entry}`
          : `${kind === 'hardirq' ? 'irq' : 'softirq'} handler ${entry}`;
    const emit = (step: Omit<Step, 'stack'>, stack: string[], waitIrqOff: boolean) => {
      if (ctx.steps.length >= MAX_STEPS) {
        if (!st.tooLong)
          this.error(at, `${where} has more than ${MAX_STEPS} steps once its calls are inlined`);
        st.tooLong = true;
        return;
      }
      ctx.held.push(st.holds.map((h) => ({ lock: h.lock, mode: h.mode, at: h.at })));
      ctx.irqOff.push(st.irqOff);
      ctx.bhOff.push(st.bh > 0);
      ctx.irqOffWaiting.push(waitIrqOff);
      ctx.steps.push({ ...step, stack });
    };
    const walk = (calls: Call[], stack: string[]) => {
      for (const call of calls) {
        const spec = OPERATIONS[call.name];
        if (!spec) {
          const f = this.functions.get(call.name);
          if (!f) reportUnknownCall(call, this.functions.keys(), (at, m) => this.error(at, m));
          else if (stack.includes(f.name))
            this.error(
              call,
              `${f.name} calls itself (${[...stack].reverse().join(' -> ')} -> ${f.name}): functions may not recurse here`,
            );
          else if (call.args.length > 0)
            this.error(call.args[0]!, `${f.name}() takes no arguments`);
          else walk(f.body, [f.name, ...stack]);
          continue;
        }
        compileOp(this, call, spec, stack, st, where, handler, emit, ctx);
      }
    };
    walk(body, [entry]);
    ctx.held.push(st.holds.map((h) => ({ lock: h.lock, mode: h.mode, at: h.at })));
    ctx.irqOff.push(st.irqOff);
    ctx.bhOff.push(st.bh > 0);
    ctx.irqOffWaiting.push(st.irqOff);
    for (const h of st.holds) {
      const lock = this.locks[h.lock]!;
      this.error(
        close,
        `${where} ends holding ${lock.name} (taken by ${h.op} at ${h.line}:${h.column}): expected ${matchingUnlock(h.op)}(${lock.kind === 'fence' ? '' : `&${lock.name}`}) before '}'`,
      );
    }
    return ctx;
  }
}

export function compileProgram(ast: ProgramAst): {
  program: Program | null;
  errors: ProgramError[];
} {
  const c = new Compiler(ast);
  c.declare();
  const contexts: Context[] = [];
  const cpus: string[] = [];
  const threadNames = new Map<string, number>();
  if (ast.threads.length === 0)
    c.error(
      { line: 1, column: 1, endColumn: 1 },
      'a program needs at least one thread: thread T1 { … }',
    );
  if (ast.threads.length > MAX_THREADS)
    c.error(ast.threads[MAX_THREADS]!, `at most ${MAX_THREADS} threads`);
  if (ast.handlers.length > MAX_HANDLERS)
    c.error(ast.handlers[MAX_HANDLERS]!, `at most ${MAX_HANDLERS} interrupt handlers`);
  ast.threads.slice(0, MAX_THREADS).forEach((t, i) => {
    if (threadNames.has(t.name)) c.error(t, `thread ${t.name} is already defined`);
    threadNames.set(t.name, i);
    cpus.push(`CPU${i}`);
    contexts.push(c.context(contexts.length, t.name, 'thread', i, t.body, t.name, t.close, t));
  });
  const threadOfCpu = cpus.map((_, i) => i);
  const handlerNames = new Set<string>();
  for (const h of ast.handlers.slice(0, MAX_HANDLERS) as HandlerDecl[]) {
    const cpuIndex = /^CPU\d+$/.test(h.on) ? Number(h.on.slice(3)) : (threadNames.get(h.on) ?? -1);
    const byName = threadNames.get(h.on);
    const cpu = byName ?? (cpuIndex < cpus.length ? cpuIndex : -1);
    if (cpu < 0) {
      c.error(
        h.onPos,
        `unknown thread or CPU '${h.on}': expected one of ${[...threadNames.keys(), ...cpus].join(', ')}`,
      );
      continue;
    }
    if (handlerNames.has(h.name)) c.error(h, `handler ${h.name} is already defined`);
    handlerNames.add(h.name);
    const kind = h.kind === 'irq' ? 'hardirq' : 'softirq';
    contexts.push(
      c.context(contexts.length, `${h.kind} ${h.name}`, kind, cpu, h.body, h.name, h.close, h),
    );
  }
  const fns = new Map(ast.functions.map((f) => [f.name, f]));
  for (const lock of c.locks) {
    const f = lock.workFn ? fns.get(lock.workFn) : undefined;
    if (!f) continue;
    contexts.push(
      c.context(
        contexts.length,
        `kworker ${lock.name}`,
        'work',
        -1,
        f.body,
        f.name,
        f.close,
        f,
        lock.id,
      ),
    );
  }
  computeCompletes(c.locks, contexts);
  const errors = c.errors.sort((a, b) => a.line - b.line || a.column - b.column);
  if (errors.length > 0) return { program: null, errors };
  return { program: { locks: c.locks, contexts, cpus, threadOfCpu }, errors };
}
