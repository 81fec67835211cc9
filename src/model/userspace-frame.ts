// Which userspace frame took the lock: past the lock primitives, the sanitizer and Valgrind
// interceptors and the checkers' own frames, the first frame of the program. Titles name it.
import type { Frame } from './types';

// Tested against the name without its argument list; anchored, no nested quantifiers.
const MACHINERY: readonly RegExp[] = [
  // pthreads and the TSan/Valgrind interceptors: "pthread_rwlock_rdlock", "__interceptor_pthread_mutex_lock", "mutex_lock_WRK"
  /^_*(?:interceptor_)?pthread_\w+$/,
  /^_*tsan_\w+$/,
  /^mutex_(?:un)?lock_WRK$/,
  /^_*gthread_\w+$/,
  // the C++ library: "std::mutex::lock", "std::unique_lock<std::mutex>::lock", "std::lock_guard<std::mutex>::lock_guard"
  /^std::(?:__\d+::)?(?:mutex|recursive_mutex|timed_mutex|recursive_timed_mutex|shared_mutex|shared_timed_mutex|unique_lock|lock_guard|scoped_lock|shared_lock)\b/,
  /^std::(?:__\d+::)?lock<|^std::(?:__\d+::)?__lock_impl/,
  // Abseil: "absl::lts_2020_09_23::Mutex::Lock", "absl::lts_2020_09_23::DebugOnlyDeadlockCheck", "absl::MutexLock::MutexLock"
  /^absl::(?:lts_\w+::)?(?:Mutex\w*::\w+|MutexLock::\w+|ReaderMutexLock::\w+|WriterMutexLock::\w+|DebugOnlyDeadlockCheck|DeadlockCheck|synchronization_internal::\w+)$/,
  // Java: LockSupport.park under ReentrantLock.lock
  /^java\.util\.concurrent\.locks\./,
  /^(?:jdk\.internal\.misc|sun\.misc)\.Unsafe\.park$/,
  // Go: sync.(*Mutex).Lock and go-deadlock's wrappers
  /^sync\.\(\*(?:RW)?Mutex\)\.\w+$/,
  /^(?:github\.com\/sasha-s\/)?go-deadlock\./,
  // a program's own mutex wrapper: "zmq::mutex_t::lock", "zmq::scoped_lock_t::scoped_lock_t", "base::AutoLock::AutoLock"
  /(?:^|::)(?:\w{0,40}[Mm]utex\w{0,20}|\w{0,20}scoped_lock\w{0,20}|\w{0,20}[Ll]ock_?[Gg]uard\w{0,20}|AutoLock)::~?\w+$/,
  // Bitcoin Core's lock wrappers
  /^(?:UniqueLock|AnnotatedMixin)\b/,
];

/**
 * "std::mutex::lock()" → "std::mutex::lock", "openttd_main(int, char**)" → "openttd_main", and a
 * demangled template's return type goes: "void ZeroTier::Topology::append<10108u>(…)" → "ZeroTier::Topology::append<10108u>".
 */
export function functionName(fn: string): string {
  return withoutReturnType(withoutArguments(fn.trim()));
}

function withoutReturnType(t: string): string {
  let depth = 0;
  let cut = -1;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '<' || c === '(' || c === '[' || c === '{') depth++;
    else if (c === '>' || c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === ' ' && depth === 0) cut = i;
  }
  return cut > 0 && cut < t.length - 1 ? t.slice(cut + 1) : t;
}

/** "std::mutex::lock()" → "std::mutex::lock"; a name without a final ")" is kept. */
export function withoutArguments(t: string): string {
  if (!t.endsWith(')')) return t;
  // the argument list: the "(" that matches the final ")"
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    const c = t.charCodeAt(i);
    if (c === 41 /* ) */) depth++;
    else if (c === 40 /* ( */) {
      depth--;
      if (depth === 0) return i > 0 ? t.slice(0, i).trimEnd() : t;
    }
  }
  return t;
}

export function isUserLockMachinery(f: Frame): boolean {
  if (f.function === '???') return true;
  // Valgrind's preloaded interceptors print as "??? (in /usr/lib/valgrind/vgpreload_helgrind-amd64-linux.so)"
  if (f.module !== null && /vgpreload_/.test(f.module)) return true;
  const name = functionName(f.function);
  return MACHINERY.some((re) => re.test(name));
}

/** The first frame that is not lock machinery; the first frame when all are. */
export function firstUserCaller(trace: readonly Frame[]): Frame | null {
  return trace.find((f) => !isUserLockMachinery(f)) ?? trace[0] ?? null;
}

/** The caller's name for a title, without its argument list. */
export function callerName(trace: readonly Frame[]): string | null {
  const f = firstUserCaller(trace);
  return f ? functionName(f.function) : null;
}
