// The parser for lock programs: tokens -> ProgramAst. Recursive descent over a tiny grammar
// (docs/simulator.md); on an error it says what it expected, skips to the next `;` or `}` and
// goes on, so one typo does not hide the rest. Every loop consumes a token: it cannot hang.
import type { ProgramError } from '../program';
import type {
  Arg,
  Call,
  FunctionDecl,
  HandlerDecl,
  LockDecl,
  Pos,
  ProgramAst,
  ThreadDecl,
} from './ast';
import { stringValue, tokenize, type Token } from './tokens';

/** DEFINE_/DECLARE_ macros and C types that declare a lock, with the kind each makes. */
export const DECL_MACROS: Record<string, string> = {
  DEFINE_SPINLOCK: 'spinlock',
  DEFINE_RAW_SPINLOCK: 'spinlock',
  DEFINE_MUTEX: 'mutex',
  DECLARE_RWSEM: 'rwsem',
  DEFINE_RWLOCK: 'rwlock',
  DECLARE_COMPLETION: 'completion',
  DECLARE_WORK: 'work',
};
export const DECL_TYPES: Record<string, string> = {
  spinlock_t: 'spinlock',
  raw_spinlock_t: 'spinlock',
  rwlock_t: 'rwlock',
  'struct mutex': 'mutex',
  'struct rw_semaphore': 'rwsem',
  'struct completion': 'completion',
};

const MAX_ERRORS = 50;

class Parser {
  private i = 0;
  readonly errors: ProgramError[] = [];
  readonly ast: ProgramAst = { locks: [], functions: [], threads: [], handlers: [] };

  constructor(private readonly tokens: Token[]) {}

  private get t(): Token {
    return this.tokens[this.i] ?? this.tokens[this.tokens.length - 1]!;
  }
  private peek(k = 1): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const t = this.t;
    if (t.kind !== 'eof') this.i++;
    return t;
  }
  private atEnd(): boolean {
    return this.t.kind === 'eof';
  }
  private is(text: string): boolean {
    return this.t.text === text && this.t.kind !== 'string';
  }
  private error(t: Token, message: string): never {
    throw new SyntaxProblem({ line: t.line, column: t.column, endColumn: t.endColumn, message });
  }
  private found(t: Token): string {
    return t.kind === 'eof' ? 'the end of the program' : `'${t.text}'`;
  }
  private expect(text: string, what: string): Token {
    if (this.is(text)) return this.next();
    const message = `expected '${text}' ${what}, found ${this.found(this.t)}`;
    // a missing ';' is missing where the statement ends, not at the next line's first token
    const prev = this.tokens[this.i - 1];
    if (text === ';' && prev) {
      const at = { line: prev.line, column: prev.endColumn, endColumn: prev.endColumn + 1 };
      throw new SyntaxProblem({ ...at, message });
    }
    return this.error(this.t, message);
  }
  private ident(what: string): Token {
    if (this.t.kind === 'ident') return this.next();
    return this.error(this.t, `expected ${what}, found ${this.found(this.t)}`);
  }
  private name(what: string): Token {
    if (this.t.kind === 'ident' || this.t.kind === 'string') return this.next();
    return this.error(this.t, `expected ${what}, found ${this.found(this.t)}`);
  }

  parse(): void {
    while (this.t.kind !== 'eof' && this.errors.length < MAX_ERRORS) {
      const start = this.i;
      try {
        this.item();
      } catch (e) {
        if (!(e instanceof SyntaxProblem)) throw e;
        this.errors.push(e.error);
        this.recover(start);
      }
    }
  }

  /** Skip past the next `;` or the `}` closing the block we are in (or the next top-level item). */
  private recover(start: number): void {
    if (this.i === start) this.next();
    let depth = 0;
    while (this.t.kind !== 'eof') {
      const t = this.next();
      if (t.text === '{') depth++;
      else if (t.text === '}') {
        if (depth <= 1) return;
        depth--;
      } else if (t.text === ';' && depth === 0) return;
    }
  }

  private item(): void {
    const t = this.t;
    if (t.kind === 'ident' && DECL_MACROS[t.text]) return this.macroDecl();
    if (
      t.kind === 'ident' &&
      (DECL_TYPES[t.text] || (t.text === 'struct' && DECL_TYPES[`struct ${this.peek().text}`]))
    )
      return this.typeDecl();
    if (t.text === 'thread' || t.text === 'cpu') return this.thread();
    if (t.text === 'irq' || t.text === 'softirq') return this.handler();
    if (t.text === 'fn' || t.text === 'void' || t.text === 'static') return this.func();
    if (t.text === 'struct')
      this.error(
        this.peek(),
        `expected a lock type after 'struct' (mutex, rw_semaphore, completion), found ${this.found(this.peek())}`,
      );
    this.error(
      t,
      `expected a declaration (DEFINE_MUTEX(m); spinlock_t s;), a function (void f(void) { … }), a thread (thread T1 { … }) or an interrupt handler (irq h on T1 { … }), found ${this.found(t)}`,
    );
  }

  private pos(t: Token): Pos {
    return { line: t.line, column: t.column, endColumn: t.endColumn };
  }

  private macroDecl(): void {
    const m = this.next();
    this.expect('(', `after ${m.text}`);
    const arg = this.arg(`the lock's name in ${m.text}(…)`);
    let workFn: Arg | null = null;
    if (m.text === 'DECLARE_WORK') {
      this.expect(',', 'and the work function: DECLARE_WORK(name, function)');
      workFn = this.arg('the work function: DECLARE_WORK(name, function)');
    }
    this.expect(')', `to close ${m.text}(`);
    this.expect(';', `after ${m.text}(…)`);
    this.ast.locks.push({
      ...this.pos(m),
      endColumn: arg.endColumn,
      how: m.text,
      path: arg.path,
      workFn,
      isStatic: true,
    });
  }

  private typeDecl(): void {
    const first = this.next();
    const how = first.text === 'struct' ? `struct ${this.next().text}` : first.text;
    const arg = this.arg(`a name for the ${how}`);
    this.expect(';', `after the declaration of ${arg.path}`);
    this.ast.locks.push({
      ...this.pos(first),
      endColumn: arg.endColumn,
      how,
      path: arg.path,
      workFn: null,
      isStatic: false,
    });
  }

  private func(): void {
    const first = this.next();
    if (first.text === 'static' && !this.is('void'))
      this.error(this.t, `expected 'void' after 'static', found ${this.found(this.t)}`);
    if (first.text === 'static') this.next();
    const name = this.ident('a function name');
    if (first.text !== 'fn') {
      this.expect('(', `after the function name ${name.text}`);
      if (this.is('void')) this.next();
      this.expect(')', `: functions take no parameters here, write ${name.text}(void)`);
    }
    const { body, close } = this.block(`the body of ${name.text}`);
    this.ast.functions.push({
      ...this.pos(name),
      name: name.text,
      body,
      close,
    } satisfies FunctionDecl);
  }

  private thread(): void {
    this.next();
    const name = this.name('a thread name (T1, "kworker/0:1")');
    const { body, close } = this.block(`the body of thread ${stringValue(name)}`);
    this.ast.threads.push({
      ...this.pos(name),
      name: stringValue(name),
      body,
      close,
    } satisfies ThreadDecl);
  }

  private handler(): void {
    const kw = this.next();
    const name = this.ident(`the ${kw.text} handler's name`);
    if (!this.is('on'))
      this.error(
        this.t,
        `expected 'on' and the thread or CPU it interrupts (${kw.text} ${name.text} on CPU0 { … }), found ${this.found(this.t)}`,
      );
    this.next();
    const on = this.name('the thread or CPU it interrupts (CPU0, T1)');
    const { body, close } = this.block(`the body of ${kw.text} ${name.text}`);
    const kind = kw.text === 'irq' ? 'irq' : 'softirq';
    this.ast.handlers.push({
      ...this.pos(name),
      kind,
      name: name.text,
      on: stringValue(on),
      onPos: this.pos(on),
      body,
      close,
    } satisfies HandlerDecl);
  }

  private block(what: string): { body: Call[]; close: Pos } {
    this.expect('{', `to open ${what}`);
    const body: Call[] = [];
    while (!this.is('}')) {
      if (this.t.kind === 'eof')
        this.error(this.t, `expected '}' to close ${what}, found the end of the program`);
      const start = this.i;
      try {
        body.push(this.call());
      } catch (e) {
        if (!(e instanceof SyntaxProblem) || this.errors.length >= MAX_ERRORS) throw e;
        this.errors.push(e.error);
        // skip to the end of this statement, staying inside the block
        if (this.i === start && !this.is('}')) this.next();
        while (!this.atEnd() && !this.is(';') && !this.is('}')) this.next();
        if (this.is(';')) this.next();
      }
    }
    const close = this.pos(this.next());
    return { body, close };
  }

  private call(): Call {
    const name = this.ident('a call such as mutex_lock(&m); or a function name');
    if (!this.is('('))
      this.error(
        this.t,
        `expected '(' after ${name.text}: every statement is a call, e.g. ${name.text}(…);`,
      );
    this.next();
    const args: Arg[] = [];
    if (!this.is(')')) {
      args.push(this.arg(`an argument to ${name.text}()`));
      while (this.is(',')) {
        this.next();
        args.push(this.arg(`an argument to ${name.text}()`));
      }
    }
    const close = this.expect(')', `to close the call to ${name.text}(`);
    this.expect(';', `after ${name.text}(…)`);
    const text = `${name.text}(${args.map((a) => (a.addressOf ? '&' : '') + a.path).join(', ')})`;
    return { ...this.pos(name), endColumn: close.endColumn, name: name.text, args, text };
  }

  /** `&a->b.c`, `flags`, `1` */
  private arg(what: string): Arg {
    const first = this.t;
    let addressOf = false;
    if (this.is('&')) {
      addressOf = true;
      this.next();
    }
    if (this.t.kind === 'number' && !addressOf) {
      const n = this.next();
      return { ...this.pos(n), path: n.text, addressOf, isNumber: true };
    }
    let path = this.ident(what).text;
    let end = this.tokens[this.i - 1]!;
    while (this.is('->') || this.is('.')) {
      const sep = this.next().text;
      const part = this.ident(`a field name after '${sep}'`);
      path += sep + part.text;
      end = part;
    }
    return {
      line: first.line,
      column: first.column,
      endColumn: end.endColumn,
      path,
      addressOf,
      isNumber: false,
    };
  }
}

class SyntaxProblem extends Error {
  constructor(readonly error: ProgramError) {
    super(error.message);
  }
}

/** Tokens -> AST plus every syntax error found. Never throws. */
export function parseAst(text: string): { ast: ProgramAst; errors: ProgramError[] } {
  const { tokens, errors } = tokenize(text);
  const p = new Parser(tokens);
  p.parse();
  const all = [...errors, ...p.errors].sort((a, b) => a.line - b.line || a.column - b.column);
  return { ast: p.ast, errors: all };
}

export type { LockDecl };
