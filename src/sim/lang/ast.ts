// What the parser reads, before any name is resolved: declarations, functions, threads,
// interrupt handlers, and the calls in their bodies, each with where it is in the source.

export interface Pos {
  line: number;
  column: number;
  endColumn: number;
}

/** `&dev_priv->mm_lock`, `req.done`, `flags`, `1` */
export interface Arg extends Pos {
  /** the path without a leading `&`: "dev_priv->mm_lock" */
  path: string;
  /** written with a leading `&` */
  addressOf: boolean;
  isNumber: boolean;
}

/** `mutex_lock(&a);` or `i915_gem_userptr_init();` */
export interface Call extends Pos {
  name: string;
  args: Arg[];
  /** the call as written, normalised: "mutex_lock(&a)" */
  text: string;
}

export interface LockDecl extends Pos {
  /** "DEFINE_MUTEX", "struct mutex", "spinlock_t", … as written */
  how: string;
  path: string;
  /** DECLARE_WORK(w, fn): the work function */
  workFn: Arg | null;
  /** declared through a DEFINE_/DECLARE_ macro (a static lock, named as written) */
  isStatic: boolean;
}

export interface FunctionDecl extends Pos {
  name: string;
  body: Call[];
  close: Pos;
}

export interface ThreadDecl extends Pos {
  name: string;
  body: Call[];
  close: Pos;
}

export interface HandlerDecl extends Pos {
  kind: 'irq' | 'softirq';
  name: string;
  /** the thread or CPU it interrupts: "T1", "CPU0" */
  on: string;
  onPos: Pos;
  body: Call[];
  close: Pos;
}

export interface ProgramAst {
  locks: LockDecl[];
  functions: FunctionDecl[];
  threads: ThreadDecl[];
  handlers: HandlerDecl[];
}
