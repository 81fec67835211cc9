// Userspace stack lines to Frames: the sanitizers' `#0 foo file.c:12:3 (mod+0x1)`, Valgrind's
// `at 0x4C321BC: foo (file.c:12)`, HotSpot's `at pkg.Class.method(File.java:12)`, go-deadlock's
// `file.go:12 pkg.func { src } <<<<<` and Abseil's `@ 0x7f… symbol`. Each reader returns null for
// a line that is not its kind of frame. Linear: slices and anchored regexes without nesting.
import type { Frame } from '../../model/types';
import { withoutArguments } from '../../model/userspace-frame';

function frame(p: Partial<Frame> & { function: string }): Frame {
  return {
    offset: null,
    module: null,
    unreliable: false,
    file: null,
    line: null,
    address: null,
    ...p,
  };
}

const SANITIZER_INDEX = /^#?(\d{1,4}) +(?:(0x[0-9a-fA-F]{1,16}) in )?/;
const BUILD_ID = / \(BuildId: [0-9a-fA-F]{1,64}\)$/;
const MODULE = /^\(([^()]*?)\+(0x[0-9a-fA-F]{1,16})\)$|^\((0x[0-9a-fA-F]{1,16})\)$/;
// "src/foo.cc:12", "src/foo.cc:12:3", "foo.h" (no line)
const LOCATION = /^(.*?):(\d{1,9})(?::\d{1,6})?$/;

/**
 * compiler-rt's default `    #%n %f %S %M`: "#1 mtn_lock ldap/slapi2runtime.c:289 (libslapd.so.0+0x9b4d8)",
 * "#0 pthread_mutex_lock <null> (libtsan.so.0+0x5271c)", a custom format without "#" (concord-bft
 * "0 pthread_mutex_lock <null> (…)"), ASan's "#0 0x4c3f in foo file.c:12", " (BuildId: …)" after
 * the module; a frame cut short by the paste ("(openttd+0x14516") keeps what it has.
 */
export function parseSanitizerFrame(text: string): Frame | null {
  const t = text.trim();
  const m = SANITIZER_INDEX.exec(t);
  if (!m) return null;
  let rest = t.slice(m[0].length).replace(BUILD_ID, '');
  if (rest === '') return null;
  let module: string | null = null;
  let offset: string | null = null;
  let address: string | null = m[2] ?? null;
  const open = rest.lastIndexOf(' (');
  if (open >= 0 && rest.endsWith(')')) {
    const mm = MODULE.exec(rest.slice(open + 1));
    if (mm) {
      module = mm[1] ?? null;
      offset = mm[2] ?? null;
      address ??= mm[3] ?? null;
      rest = rest.slice(0, open);
    }
  } else if (open >= 0 && /^\([^()\s]*$/.test(rest.slice(open + 1))) {
    // cut off inside the module: "(openttd+0x14516"
    const cut = rest.slice(open + 2);
    const plus = cut.indexOf('+');
    if (plus > 0) module = cut.slice(0, plus);
    rest = rest.slice(0, open);
  }
  // an empty %S prints two spaces: "pthread_spin_lock  (libtsan.so.0+0x3ce68)"
  rest = rest.trimEnd();
  let file: string | null = null;
  let line: number | null = null;
  const sp = rest.lastIndexOf(' ');
  if (sp > 0) {
    const loc = rest.slice(sp + 1);
    if (loc === '<null>') rest = rest.slice(0, sp);
    else {
      const lm = LOCATION.exec(loc);
      if (lm && /[./]/.test(lm[1]!)) {
        file = lm[1]!;
        line = Number(lm[2]);
        rest = rest.slice(0, sp);
      }
    }
  }
  if (rest === '') return null;
  // a demangled C++ name carries its argument list ("openttd_main(int, char**)"); views add "()"
  return frame({ function: withoutArguments(rest), module, offset, file, line, address });
}

const VALGRIND = /^(?:at|by) (0x[0-9A-Fa-f.]{1,16}): (.+)$/;

/**
 * Valgrind's `   at 0x4C23C91: pthread_mutex_lock (hg_intercepts.c:388)`, `   by 0x43619C: f(void*)
 * (in /path/zt)`, `???` for an unknown function, test-filtered `0x........` and `(hg_intercepts.c:...)`.
 */
export function parseValgrindFrame(text: string): Frame | null {
  const m = VALGRIND.exec(text.trim());
  if (!m) return null;
  let fn = m[2]!;
  let file: string | null = null;
  let line: number | null = null;
  let module: string | null = null;
  if (fn.endsWith(')')) {
    const open = fn.lastIndexOf(' (');
    if (open >= 0) {
      const inside = fn.slice(open + 2, -1);
      if (inside.startsWith('in ')) module = inside.slice(3);
      else {
        const colon = inside.lastIndexOf(':');
        if (colon > 0) {
          file = inside.slice(0, colon);
          const n = Number(inside.slice(colon + 1));
          line = Number.isInteger(n) && inside.slice(colon + 1) !== '' ? n : null;
        } else file = inside;
      }
      fn = fn.slice(0, open);
    }
  }
  return frame({ function: withoutArguments(fn), address: m[1]!, file, line, module });
}

const JAVA = /^at ([^\s()]+)\(([^()]*)\)?$/;

/**
 * HotSpot: "at pkg.Class.method(File.java:123)", JDK 9+ "at jdk.internal.misc.Unsafe.park(java.base@17.0.6/Native
 * Method)", "(Unknown Source)", lambdas "$$Lambda$17/159259014.call(Unknown Source)"; a cut line
 * without its ")" keeps what it has.
 */
export function parseJavaFrame(text: string): Frame | null {
  const m = JAVA.exec(text.trim());
  if (!m) return null;
  let inside = m[2]!;
  let module: string | null = null;
  const slash = inside.indexOf('/');
  if (slash > 0 && inside.slice(0, slash).includes('@')) {
    module = inside.slice(0, slash);
    inside = inside.slice(slash + 1);
  }
  let file: string | null = null;
  let line: number | null = null;
  if (inside !== 'Native Method' && inside !== 'Unknown Source' && inside !== '') {
    const colon = inside.lastIndexOf(':');
    if (colon > 0 && /^\d{1,9}$/.test(inside.slice(colon + 1))) {
      file = inside.slice(0, colon);
      line = Number(inside.slice(colon + 1));
    } else file = inside;
  }
  return frame({ function: m[1]!, file, line, module });
}

export interface GoDeadlockFrame {
  frame: Frame;
  /** the source line go-deadlock read from disk ("m.mutexB.RLock()"), null for "???" */
  source: string | null;
  /** frame 0: the " <<<<<" mark of the lock call */
  marked: boolean;
  /** "file:line" as printed: the name of a lock in inconsistent-locking reports */
  site: string;
  /** the line stops early (a terminal cut it): no source and no "???", or a source without its "}" */
  open: boolean;
}

const GO_DEADLOCK = /^(\S+\.(?:go|s|c)):(\d{1,9}) (\S+)(?: (.*))?$/;

/** go-deadlock's printStack: "examples/rwmutextest.go:46 main.(*MutexTestA).testB { m.mutexB.RLock() } <<<<<". */
export function parseGoDeadlockFrame(text: string): GoDeadlockFrame | null {
  const m = GO_DEADLOCK.exec(text.trim());
  if (!m) return null;
  let rest = (m[4] ?? '').trim();
  const marked = rest.endsWith('<<<<<');
  if (marked) rest = rest.slice(0, -5).trimEnd();
  let source: string | null = null;
  let open = rest === '';
  if (rest.startsWith('{') && rest.endsWith('}')) source = rest.slice(1, -1).trim();
  else if (rest.startsWith('{') && !marked) {
    source = rest.slice(1).trim();
    open = true;
  } else if (rest !== '' && rest !== '???') return null;
  const site = `${m[1]}:${m[2]}`;
  return {
    frame: frame({ function: m[3]!, file: m[1]!, line: Number(m[2]) }),
    source,
    marked,
    site,
    open,
  };
}

const ABSEIL = /^@ +((?:0x)?[0-9A-Fa-f]{1,16})(?: +(.+))?$/;

/** absl::Mutex's symbolised stack: "@ 0x7f9786a4b67f absl::lts_2020_09_23::Mutex::Lock()" (a TAB or 8 spaces before). */
export function parseAbseilFrame(text: string): Frame | null {
  const m = ABSEIL.exec(text.trim());
  if (!m) return null;
  return frame({ function: withoutArguments(m[2] ?? '??'), address: m[1]! });
}
