// The errors a call's arguments get: a lock argument that is missing, undeclared or of the wrong
// kind (each message shows the declaration or call that would be right), and a name that is
// neither a function nor a lock operation (with the nearest names offered).
import type { SimLock } from '../program';
import type { Arg, Call, Pos } from './ast';
import { KIND_NAMES, OPERATIONS, opsFor, type OpSpec } from './operations';

export type ReportError = (at: Pos, message: string) => void;

/** The lock a call's first argument names, or null after reporting what is wrong with it. */
export function resolveLockArg(
  call: Call,
  spec: OpSpec,
  lockByPath: ReadonlyMap<string, SimLock>,
  error: ReportError,
): SimLock | null {
  const kinds = spec.kinds!;
  const arg: Arg | undefined = call.args[0];
  const example = `${call.name}(&${kinds[0] === 'completion' ? 'done' : kinds[0] === 'work' ? 'work' : 'lock'}${spec.extra === 'flags' ? ', flags' : spec.extra === 'subclass' ? ', 1' : ''})`;
  const want = 1 + (spec.extra ? 1 : 0);
  if (!arg || arg.isNumber) {
    error(arg ?? call, `${call.name}() needs a ${KIND_NAMES[kinds[0]!]}: ${example}`);
    return null;
  }
  if (call.args.length !== want) {
    error(
      call.args[want] ?? call,
      `${call.name}() takes ${want} argument${want > 1 ? 's' : ''}: ${example}`,
    );
    return null;
  }
  if (spec.extra === 'subclass' && !call.args[1]!.isNumber)
    error(call.args[1]!, `expected a subclass number as the second argument: ${example}`);
  const lock = lockByPath.get(arg.path);
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
    error(
      arg,
      `unknown ${kinds[0] === 'completion' || kinds[0] === 'work' ? kinds[0] : 'lock'} '${arg.path}': declare it first, e.g. ${decl}`,
    );
    return null;
  }
  if (!kinds.includes(lock.kind)) {
    const use = opsFor(lock.kind, spec.step);
    error(
      call,
      `${call.name}() takes a ${KIND_NAMES[kinds[0]!]}, but ${arg.path} is a ${KIND_NAMES[lock.kind]} (declared at ${lock.line}:${lock.column})${use.length ? `: expected ${use.join(' or ')}` : ''}`,
    );
    return null;
  }
  return lock;
}

/** Edit distance, stopping early: anything over 2 is "not a near miss". */
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

/** A name that is neither a function nor a lock operation, with up to three near misses. */
export function reportUnknownCall(
  call: Call,
  functions: Iterable<string>,
  error: ReportError,
): void {
  const names = [...Object.keys(OPERATIONS), ...functions];
  const near = names.filter((n) => distance(n, call.name) <= 2).slice(0, 3);
  error(
    call,
    `unknown function or lock operation '${call.name}'${near.length ? `; did you mean ${near.join(' or ')}?` : ''}`,
  );
}
