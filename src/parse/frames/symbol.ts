// One symbol as printk's %pS / %pB / %pSb print it (`func+0xoff/0xsize [module buildid]`), plus
// what symbolizers (syzbot, scripts/decode_stacktrace.sh) and arm64's unwinder append to it.
import type { Frame } from '../../model/types';

/**
 * The name part. A run without blanks, parentheses, brackets or `+`, so gcc clones
 * (`.cold`, `.isra.15`), clang locals (`$x.11`), mangled Rust (`_RNvXs…`) and C++ (`_Z8fakeNameiii`)
 * all pass. One blank is allowed in a demangled Rust impl path:
 * `<rnull::NullBlkModule as kernel::InPlaceModule>::init+0x904/0xc30` (syzbot demangles).
 */
export const NAME_SRC = String.raw`(?:<[^\s+()\[\]]* as )?[^\s+()\[\]]+`;
/** `+0x17/0x50`; the size is missing in a few hand-edited and symbolizer outputs */
export const OFFSET_SRC = String.raw`\+(0x[0-9a-fA-F]+(?:\/0x[0-9a-fA-F]+)?)`;

const MODULE = /^\[([\w-]+)\]$/;
const MODULE_OPEN = /^\[([\w-]+)$/;
// %pSb (CONFIG_STACKTRACE_BUILD_ID): `[ext4 5b3a9c0f…]`, split by the blank into two tokens
const BUILD_ID_CLOSE = /^[0-9a-f]{16,64}\]$/;
// syzbot: `lib/dump_stack.c:52`; llvm-symbolizer may add a column; `??:0` when unknown
const LOCATION = /^([\w~+-]*[./][\w.~+/-]*|\?\?):(\d+|\?)(?::\d+)?$/;
// arm64 unwinder source since 6.13: ` (C)` caller, `(T)` task, `(P)`/`(L)` regs; decode copies it
const SOURCE_FLAGS = /^\([A-Z]{1,4}\)$/;
const MODULE_WORD = /^[\w-]+$/;
const DISCRIMINATOR = / ?\(discriminator \d+\)/g;
const BARE_ADDRESS = /^0x([0-9a-fA-F]+)$/;
const IDENTIFIER_START = /^[A-Za-z_$<]/;

/** What follows the name+offset on a frame line, already checked to be nothing but suffixes. */
export interface SymbolTail {
  module: string | null;
  file: string | null;
  line: number | null;
  unreliable: boolean;
  /** a file:line was given, so a frame without an offset is still a frame (`[inline]`, decode) */
  located: boolean;
}

/** how many more `(` than `)` a token has */
function parenDepth(tok: string): number {
  let depth = 0;
  for (let j = 0; j < tok.length; j++) {
    const ch = tok.charCodeAt(j);
    if (ch === 0x28) depth++;
    else if (ch === 0x29) depth--;
  }
  return depth;
}

function setLocation(tail: SymbolTail, token: string): boolean {
  const m = LOCATION.exec(token);
  if (!m) return false;
  tail.located = true;
  if (m[1] !== '??') tail.file = m[1]!;
  if (m[2] !== '?') tail.line = Number(m[2]);
  return true;
}

/**
 * Reads the suffixes after a symbol: `[module]`, `[module buildid]`, syzbot's ` file.c:12` and
 * ` [inline]`, decode_stacktrace.sh's ` (file.c:12 file.h:3) module`, arm64's ` (C)`, powerpc's
 * ` (unreliable)`. Returns null when anything else is there: then the line is not a frame.
 */
export function parseSymbolTail(rest: string): SymbolTail | null {
  const tail: SymbolTail = {
    module: null,
    file: null,
    line: null,
    unreliable: false,
    located: false,
  };
  if (rest === '') return tail;
  // prose fails here, before any splitting: a suffix starts with `[`, `(` or a file:line
  const c0 = rest.charCodeAt(0);
  if (c0 !== 0x5b && c0 !== 0x28) {
    const sp = rest.search(/\s/);
    if ((sp < 0 ? rest : rest.slice(0, sp)).indexOf(':') < 0) return null;
  }
  const tokens = rest.split(/\s+/);
  let decoded = false;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (tok === '') continue;
    if (tok === '[inline]') continue;
    if (tok === '(unreliable)') {
      tail.unreliable = true;
      continue;
    }
    if (SOURCE_FLAGS.test(tok)) continue;
    const c = tok.charCodeAt(0);
    if (c === 0x5b /* [ */ && tail.module === null) {
      let m = MODULE.exec(tok);
      if (m) {
        tail.module = m[1]!;
        continue;
      }
      m = MODULE_OPEN.exec(tok);
      if (m && k + 1 < tokens.length && BUILD_ID_CLOSE.test(tokens[k + 1]!)) {
        tail.module = m[1]!;
        k++;
        continue;
      }
      return null;
    }
    if (c === 0x28 /* ( */ && !decoded) {
      // decode_stacktrace.sh: `(include/linux/spinlock.h:349 fs/inode.c:503 (discriminator 3))`,
      // inlined callees first and the frame's own function last, so the last location wins
      let depth = parenDepth(tok);
      let group = tok;
      while (depth > 0 && k + 1 < tokens.length) {
        const next = tokens[++k]!;
        depth += parenDepth(next);
        group += ' ' + next;
      }
      if (depth !== 0 || !group.endsWith(')')) return null;
      const places = group.slice(1, -1).replace(DISCRIMINATOR, '').split(' ');
      for (const place of places) if (place !== '' && !setLocation(tail, place)) return null;
      if (!tail.located) return null;
      decoded = true;
      continue;
    }
    if (!tail.located && setLocation(tail, tok)) continue;
    // decode_stacktrace.sh prints the module bare, after the location: `foo (x.c:1) nf_tables`
    if (decoded && tail.module === null && MODULE_WORD.test(tok)) {
      tail.module = tok;
      continue;
    }
    return null;
  }
  return tail;
}

/**
 * The function name as lockscope keeps it: powerpc64 ELFv1 dot symbols (`.dump_stack_lvl`) lose
 * their dot, so the same function compares equal across architectures.
 */
export function cleanFunctionName(name: string): string {
  if (name.length > 1 && name.charCodeAt(0) === 0x2e /* . */) {
    const c = name.charCodeAt(1);
    if (c === 0x5f || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return name.slice(1);
  }
  return name;
}

/** `0xffffffffa01c9337` as a name: an address the kernel could not name (unloaded module, user space). */
export function bareAddress(name: string): string | null {
  const m = BARE_ADDRESS.exec(name);
  return m ? m[1]! : null;
}

/** Builds the frame from a name, an offset and the checked tail; null when it is not one. */
export function makeFrame(
  name: string,
  offset: string | null,
  tail: SymbolTail,
  address: string | null,
  unreliable: boolean,
): Frame | null {
  const bare = bareAddress(name);
  // a name alone is a frame only when a symbolizer located it or it is an address: `CPU0` is not,
  // nor is prose that happens to end in a path (`Location: fs/x.c:12`)
  if (offset === null && bare === null && (!tail.located || !IDENTIFIER_START.test(name)))
    return null;
  if (name.charCodeAt(name.length - 1) === 0x3a /* : */) return null;
  return {
    function: bare === null ? cleanFunctionName(name) : name,
    offset,
    module: tail.module,
    unreliable: unreliable || tail.unreliable,
    file: tail.file,
    line: tail.line,
    address: address ?? bare,
  };
}
