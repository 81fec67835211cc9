// Names resolved and the program checked: every lock declared and used with operations of its
// kind, every unlock matching a lock the context holds, no sleeping in interrupt handlers, no
// recursion; then each context flattened to straight-line steps (calls inlined, stacks kept).
import type {
  Context,
  ContextKind,
  Held,
  LockKind,
  Program,
  ProgramError,
  SimLock,
  Step,
} from '../program';
import type { Arg, Call, FunctionDecl, HandlerDecl, LockDecl, Pos, ProgramAst } from './ast';
import { KIND_NAMES, matchingUnlock, OPERATIONS, opsFor, type OpSpec } from './operations';
import { DECL_MACROS, DECL_TYPES } from './parser';

/** The longest a context may get once its calls are inlined. */
export const MAX_STEPS = 2000;
export const MAX_THREADS = 16;
export const MAX_HANDLERS = 8;

interface Hold extends Held {
  op: string;
  line: number;
  column: number;
  /** irqsave: were interrupts off before */
  savedIrqOff: boolean;
}

function className(d: LockDecl, kind: LockKind): string {
  const base = d.isStatic || !/->|\./.test(d.path) ? d.path : `&${d.path}`;
  if (kind === 'completion') return `(complete)${base}`;
  if (kind === 'work') return `(work_completion)(&${d.path})`;
  return base;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = cur;
  }
  return prev[b.length]!;
}

class Compiler {
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
    const kinds = spec.kinds!;
    const arg: Arg | undefined = call.args[0];
    const example = `${call.name}(&${kinds[0] === 'completion' ? 'done' : kinds[0] === 'work' ? 'work' : 'lock'}${spec.extra === 'flags' ? ', flags' : spec.extra === 'subclass' ? ', 1' : ''})`;
    const want = 1 + (spec.extra ? 1 : 0);
    if (!arg || arg.isNumber) {
      this.error(arg ?? call, `${call.name}() needs a ${KIND_NAMES[kinds[0]!]}: ${example}`);
      return null;
    }
    if (call.args.length !== want) {
      this.error(
        call.args[want] ?? call,
        `${call.name}() takes ${want} argument${want > 1 ? 's' : ''}: ${example}`,
      );
      return null;
    }
    if (spec.extra === 'subclass' && !call.args[1]!.isNumber)
      this.error(call.args[1]!, `expected a subclass number as the second argument: ${example}`);
    const lock = this.lockByPath.get(arg.path);
    if (!lock) {
      const decl =
        kinds[0] === 'spinlock'
          ? `DEFINE_SPINLOCK(${arg.path}) or spinlock_t ${arg.path};`
          : kinds[0] === 'mutex'
            ? `DEFINE_MUTEX(${arg.path}) or struct mutex ${arg.path};`
            : kinds[0] === 'rwsem'
              ? `DECLARE_RWSEM(${arg.path});`
              : kinds[0] === 'rwlock'
                ? `DEFINE_RWLOCK(${arg.path});`
                : kinds[0] === 'completion'
                  ? `DECLARE_COMPLETION(${arg.path});`
                  : `DECLARE_WORK(${arg.path}, function);`;
      this.error(
        arg,
        `unknown ${kinds[0] === 'completion' || kinds[0] === 'work' ? kinds[0] : 'lock'} '${arg.path}': declare it first, e.g. ${decl}`,
      );
      return null;
    }
    if (!kinds.includes(lock.kind)) {
      const use = opsFor(lock.kind, spec.step);
      this.error(
        call,
        `${call.name}() takes a ${KIND_NAMES[kinds[0]!]}, but ${arg.path} is a ${KIND_NAMES[lock.kind]} (declared at ${lock.line}:${lock.column})${use.length ? `: expected ${use.join(' or ')}` : ''}`,
      );
      return null;
    }
    return lock;
  }

  unknownCall(call: Call): void {
    const names = [...Object.keys(OPERATIONS), ...this.functions.keys()];
    const near = names.filter((n) => distance(n, call.name) <= 2).slice(0, 3);
    this.error(
      call,
      `unknown function or lock operation '${call.name}'${near.length ? `; did you mean ${near.join(' or ')}?` : ''}`,
    );
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
    const st = {
      holds: [] as Hold[],
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
          if (!f) this.unknownCall(call);
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
        this.op(call, spec, stack, st, where, handler, emit, ctx);
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

  op(
    call: Call,
    spec: OpSpec,
    stack: string[],
    st: { holds: Hold[]; irqOff: boolean; bh: number; fence: number },
    where: string,
    handler: boolean,
    emit: (s: Omit<Step, 'stack'>, stack: string[], w: boolean) => void,
    ctx: Context,
  ): void {
    if (spec.sleeps && handler)
      this.error(
        call,
        `${call.name}() may sleep, and ${where} runs in interrupt context where sleeping is not allowed`,
      );
    let lock: SimLock | null;
    if (spec.implicit) {
      if (call.args.length > (spec.ignoresArg ? 1 : 0))
        this.error(call.args[0]!, `${call.name}() takes no lock argument`);
      lock = this.implicit(spec.implicit);
    } else if (spec.kinds) lock = this.lockArg(call, spec);
    else {
      if (call.args.length > 0) this.error(call.args[0]!, `${call.name}() takes no arguments`);
      lock = null;
    }
    if (spec.kinds && !lock) return;
    const subclass = spec.extra === 'subclass' ? Number(call.args[1]?.path ?? 0) || 0 : 0;
    const base = {
      kind: spec.step,
      lock: lock?.id ?? -1,
      mode: spec.mode,
      irq: spec.irq,
      subclass,
      try: spec.try ?? false,
      text: call.text,
      op: call.name,
      line: call.line,
      column: call.column,
      endColumn: call.endColumn,
    };
    const pc = ctx.steps.length;
    switch (spec.step) {
      case 'acquire': {
        if (lock!.kind === 'fence' && st.fence++ > 0) return; // nested signalling section: no-op, as in dma-fence.c
        const wasOff = st.irqOff;
        const waitOff = spec.irq === 'irq' || spec.irq === 'irqsave' ? true : st.irqOff;
        emit(base, stack, waitOff);
        if (spec.irq === 'irq' || spec.irq === 'irqsave') st.irqOff = true;
        if (spec.irq === 'bh') st.bh++;
        st.holds.push({
          lock: lock!.id,
          mode: spec.mode,
          at: pc,
          op: call.name,
          line: call.line,
          column: call.column,
          savedIrqOff: wasOff,
        });
        return;
      }
      case 'release': {
        if (lock!.kind === 'fence' && st.fence > 1) {
          st.fence--;
          return;
        }
        let at = -1;
        for (let i = st.holds.length - 1; i >= 0 && at < 0; i--)
          if (st.holds[i]!.lock === lock!.id) at = i;
        const shown = lock!.kind === 'fence' ? 'the fence signalling section' : lock!.name;
        if (at < 0) {
          this.error(
            call,
            `${call.name}(): ${shown} is not held here (${where} has not taken it${lock!.kind === 'fence' ? ': expected dma_fence_begin_signalling() first' : ''})`,
          );
          return;
        }
        const h = st.holds[at]!;
        const expected = matchingUnlock(h.op).replace(/^raw_/, '');
        if (expected !== call.name.replace(/^raw_/, ''))
          this.error(
            call,
            `expected ${expected}() to release ${shown}, taken by ${h.op}() at ${h.line}:${h.column}; found ${call.name}()`,
          );
        if (lock!.kind === 'fence') st.fence--;
        emit(base, stack, st.irqOff);
        st.holds.splice(at, 1);
        if (spec.irq === 'irq') st.irqOff = false;
        if (spec.irq === 'irqsave') st.irqOff = h.savedIrqOff;
        if (spec.irq === 'bh') st.bh = Math.max(0, st.bh - 1);
        return;
      }
      case 'irq-off':
      case 'irq-on':
        if (ctx.kind === 'hardirq')
          this.error(
            call,
            `interrupts stay off in an irq handler: ${call.name}() does not belong here`,
          );
        emit(base, stack, st.irqOff);
        st.irqOff = spec.step === 'irq-off';
        return;
      case 'bh-off':
      case 'bh-on':
        if (spec.step === 'bh-on' && st.bh === 0)
          this.error(call, 'local_bh_enable() without a local_bh_disable() before it');
        emit(base, stack, st.irqOff);
        st.bh = spec.step === 'bh-off' ? st.bh + 1 : Math.max(0, st.bh - 1);
        return;
      default:
        emit(base, stack, st.irqOff);
    }
  }
}

/** Completions each context may still complete from each step on, through the work it queues too. */
function computeCompletes(locks: SimLock[], contexts: Context[]): void {
  const workCtx = new Map(contexts.filter((c) => c.kind === 'work').map((c) => [c.work, c]));
  const all = new Map<number, Set<number>>();
  for (let changed = true; changed;) {
    changed = false;
    for (const c of contexts) {
      const set = new Set(all.get(c.id) ?? []);
      for (const s of c.steps) {
        if (s.kind === 'complete' || s.kind === 'complete-all') set.add(s.lock);
        if (s.kind === 'queue')
          for (const x of all.get(workCtx.get(s.lock)?.id ?? -1) ?? []) set.add(x);
      }
      if (set.size !== (all.get(c.id)?.size ?? 0)) changed = true;
      all.set(c.id, set);
    }
  }
  for (const c of contexts) {
    c.completes = new Array<Set<number>>(c.steps.length + 1);
    let acc = new Set<number>();
    c.completes[c.steps.length] = acc;
    for (let pc = c.steps.length - 1; pc >= 0; pc--) {
      const s = c.steps[pc]!;
      if (s.kind === 'complete' || s.kind === 'complete-all' || s.kind === 'queue') {
        acc = new Set(acc);
        if (s.kind === 'queue')
          for (const x of all.get(workCtx.get(s.lock)?.id ?? -1) ?? []) acc.add(x);
        else acc.add(s.lock);
      }
      c.completes[pc] = acc;
    }
  }
  void locks;
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
