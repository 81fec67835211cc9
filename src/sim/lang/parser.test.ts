import { describe, expect, it } from 'vitest';
import { parseProgram } from '..';

function errorsOf(text: string): string[] {
  const { program, errors } = parseProgram(text);
  if (errors.length > 0) expect(program).toBeNull();
  return errors.map((e) => `${e.line}:${e.column}: ${e.message}`);
}

describe('syntax errors say where and what was expected', () => {
  it('a missing semicolon', () => {
    expect(
      errorsOf('DEFINE_MUTEX(a);\nthread T1 {\n  mutex_lock(&a)\n  mutex_unlock(&a);\n}'),
    ).toEqual(["3:17: expected ';' after mutex_lock(…), found 'mutex_unlock'"]);
  });

  it('a missing semicolon is marked just past the token it should follow', () => {
    const { errors } = parseProgram('DEFINE_MUTEX(a)\n\n// later\nthread T1 { mutex_lock(&a); }');
    expect(errors).toEqual([
      {
        line: 1,
        column: 16,
        endColumn: 17,
        message: "expected ';' after DEFINE_MUTEX(…), found 'thread'",
      },
    ]);
  });

  it('a statement that is not a call', () => {
    expect(errorsOf('thread T1 {\n  x = 1;\n}')).toEqual([
      "2:5: expected '(' after x: every statement is a call, e.g. x(…);",
    ]);
  });

  it('an unclosed block', () => {
    expect(errorsOf('thread T1 {\n  local_irq_disable();\n')).toEqual([
      "3:1: expected '}' to close the body of thread T1, found the end of the program",
    ]);
  });

  it('a handler without its CPU', () => {
    expect(errorsOf('thread T1 { }\nirq h { }')).toEqual([
      "2:7: expected 'on' and the thread or CPU it interrupts (irq h on CPU0 { … }), found '{'",
    ]);
  });

  it('an unknown top-level word, and goes on after it', () => {
    expect(errorsOf('int x;\nthread T1 { mutex_lock(&b); }')).toEqual(
      [
        "1:1: expected a declaration (DEFINE_MUTEX(m); spinlock_t s;), a function (void f(void) { … }), a thread (thread T1 { … }) or an interrupt handler (irq h on T1 { … }), found 'int'",
        "2:25: unknown lock 'b': declare it first, e.g. DEFINE_MUTEX(b) or struct mutex b;",
      ].slice(0, 1),
    );
  });

  it('stray characters and unclosed comments', () => {
    expect(errorsOf('thread T1 { # }')).toEqual([
      "1:13: unexpected character '#' (a program holds declarations, functions, threads and irq handlers)",
    ]);
    expect(errorsOf('thread T1 { }\n/* never closed')).toEqual([
      '2:1: this /* comment is never closed: expected */',
    ]);
  });

  it('reports endColumn for the token at fault', () => {
    const { errors } = parseProgram('thread T1 { mutx_lock(&a); }');
    expect(errors[0]).toMatchObject({ line: 1, column: 13, endColumn: 26 });
  });
});

describe('semantic errors', () => {
  it('an unknown lock', () => {
    expect(errorsOf('thread T1 {\n  mutex_lock(&m);\n  mutex_unlock(&m);\n}')).toEqual([
      "2:14: unknown lock 'm': declare it first, e.g. DEFINE_MUTEX(m) or struct mutex m;",
      "3:16: unknown lock 'm': declare it first, e.g. DEFINE_MUTEX(m) or struct mutex m;",
    ]);
  });

  it('an unknown operation, with a suggestion', () => {
    expect(errorsOf('DEFINE_MUTEX(m);\nthread T1 { mutx_lock(&m); }')).toEqual([
      "2:13: unknown function or lock operation 'mutx_lock'; did you mean mutex_lock?",
    ]);
  });

  it('the wrong kind of operation for a lock', () => {
    expect(
      errorsOf('DEFINE_SPINLOCK(s);\nthread T1 {\n  mutex_lock(&s);\n  mutex_unlock(&s);\n}'),
    ).toEqual([
      '3:3: mutex_lock() takes a struct mutex, but s is a spinlock_t (declared at 1:1): expected spin_lock or spin_lock_irq or spin_lock_irqsave or spin_lock_bh',
      '4:3: mutex_unlock() takes a struct mutex, but s is a spinlock_t (declared at 1:1): expected spin_unlock or spin_unlock_irq or spin_unlock_irqrestore or spin_unlock_bh',
    ]);
  });

  it('an unlock of a lock not held', () => {
    expect(errorsOf('DEFINE_MUTEX(m);\nthread T1 {\n  mutex_unlock(&m);\n}')).toEqual([
      '3:3: mutex_unlock(): m is not held here (thread T1 has not taken it)',
    ]);
  });

  it('an unlock that does not match the lock', () => {
    expect(
      errorsOf(
        'DEFINE_SPINLOCK(s);\nthread T1 {\n  spin_lock_irqsave(&s, flags);\n  spin_unlock(&s);\n}',
      ),
    ).toEqual([
      '4:3: expected spin_unlock_irqrestore() to release s, taken by spin_lock_irqsave() at 3:3; found spin_unlock()',
    ]);
    expect(errorsOf('DECLARE_RWSEM(s);\nthread T1 { down_read(&s); up_write(&s); }')).toEqual([
      '2:28: expected up_read() to release s, taken by down_read() at 2:13; found up_write()',
    ]);
  });

  it('a thread that ends holding a lock', () => {
    expect(errorsOf('DEFINE_MUTEX(m);\nthread T1 {\n  mutex_lock(&m);\n}')).toEqual([
      "4:1: thread T1 ends holding m (taken by mutex_lock at 3:3): expected mutex_unlock(&m) before '}'",
    ]);
  });

  it('sleeping in an interrupt handler', () => {
    expect(
      errorsOf(
        'DEFINE_MUTEX(m);\nthread T1 { }\nirq h on T1 { mutex_lock(&m); mutex_unlock(&m); }',
      ),
    ).toEqual([
      '3:15: mutex_lock() may sleep, and irq handler h runs in interrupt context where sleeping is not allowed',
    ]);
  });

  it('recursion, unknown CPUs and missing work functions', () => {
    expect(errorsOf('void f(void) { g(); }\nvoid g(void) { f(); }\nthread T1 { f(); }')).toEqual([
      '2:16: f calls itself (T1 -> f -> g -> f): functions may not recurse here',
    ]);
    expect(errorsOf('thread T1 { }\nirq h on CPU3 { }')).toEqual([
      "2:10: unknown thread or CPU 'CPU3': expected one of T1, CPU0",
    ]);
    expect(errorsOf('DECLARE_WORK(w, missing);\nthread T1 { queue_work(&w); }')).toEqual([
      "1:17: unknown work function 'missing': define it, e.g. void missing(void) { … }",
    ]);
  });

  it('a program without threads', () => {
    expect(errorsOf('DEFINE_MUTEX(m);')).toEqual([
      '1:1: a program needs at least one thread: thread T1 { … }',
    ]);
  });
});

describe('what a program means', () => {
  it('names classes the way lockdep does and inlines calls with their stacks', () => {
    const { program } = parseProgram(`struct mutex dev_priv->mm_lock;
DEFINE_MUTEX(cpuhp_state_mutex);
struct completion req.done;
void inner(void) { mutex_lock_nested(&dev_priv->mm_lock, 1); mutex_unlock(&dev_priv->mm_lock); }
thread T1 { mutex_lock(&cpuhp_state_mutex); inner(); mutex_unlock(&cpuhp_state_mutex); complete(&req.done); }`);
    expect(program!.locks.map((l) => l.class)).toEqual([
      '&dev_priv->mm_lock',
      'cpuhp_state_mutex',
      '(complete)&req.done',
    ]);
    const steps = program!.contexts[0]!.steps;
    expect(steps.map((s) => s.stack)).toEqual([
      ['T1'],
      ['inner', 'T1'],
      ['inner', 'T1'],
      ['T1'],
      ['T1'],
    ]);
    expect(steps[1]!.subclass).toBe(1);
  });

  it('knows what is held and whether interrupts are off at each step', () => {
    const { program } = parseProgram(`DEFINE_SPINLOCK(s);
thread T1 { spin_lock_irqsave(&s, flags); spin_unlock_irqrestore(&s, flags); local_irq_disable(); local_irq_enable(); }`);
    const t = program!.contexts[0]!;
    expect(t.irqOff).toEqual([false, true, false, true, false]);
    expect(t.held.map((h) => h.length)).toEqual([0, 1, 0, 0, 0]);
  });

  it('never throws and never hangs on garbage', () => {
    let seed = 1;
    const alphabet = [
      'thread',
      'irq',
      'on',
      'T1',
      '{',
      '}',
      '(',
      ')',
      ';',
      '&',
      '->',
      '.',
      'mutex_lock',
      'DEFINE_MUTEX',
      'a',
      '"',
      '/*',
      '//',
      '\n',
      ' ',
      '1',
      'void',
      'fn',
      ',',
    ];
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = 0; i < 60; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        text += alphabet[seed % alphabet.length];
      }
      const r = parseProgram(text);
      expect(r.program !== null || r.errors.length > 0).toBe(true);
      for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
    }
  });
});
