// Timing and printing for the benchmarks. They report figures; they never pass or fail on time.

export interface Row {
  name: string;
  /** bytes of input per run */
  bytes: number;
  /** best time per run, ms */
  ms: number;
  /** t(2x input) / t(1x input): 2.0 is linear, 4.0 quadratic; null when not measured */
  ratio?: number | null;
  /** anything else worth a column: reports found, lines, a warning */
  note?: string;
}

/**
 * Best of several runs: warm up once (JIT), then repeat until `budgetMs` is spent or `maxRuns`
 * are done. The minimum is the least noisy estimate of what the code costs.
 */
export function bestTime(
  fn: () => void,
  opts: { budgetMs?: number; maxRuns?: number; warmup?: boolean } = {},
): number {
  const budget = opts.budgetMs ?? 1500;
  const maxRuns = opts.maxRuns ?? 7;
  if (opts.warmup ?? true) fn();
  let best = Infinity;
  let spent = 0;
  for (let i = 0; i < maxRuns && (i === 0 || spent < budget); i++) {
    const t0 = performance.now();
    fn();
    const dt = performance.now() - t0;
    best = Math.min(best, dt);
    spent += dt;
  }
  return best;
}

export interface Point {
  scale: number;
  bytes: number;
  ms: number;
  note: string;
}

/**
 * Times `run` on inputs of growing size (doubling), so a quadratic or worse input is caught at
 * a small size instead of hanging the benchmark: doubling stops when the next step, were it
 * quadratic, would take more than `budgetMs`.
 */
export function growing(
  make: (scale: number) => string,
  run: (input: string) => string | void,
  steps: readonly number[],
  budgetMs = 60_000,
): { points: Point[]; stopped: boolean } {
  const points: Point[] = [];
  for (const scale of steps) {
    // Made inside the loop so each input can be collected before the next, bigger one.
    const input = make(scale);
    let note = '';
    const big = input.length > 20e6;
    const ms = bestTime(() => void (note = run(input) ?? ''), {
      warmup: !big,
      maxRuns: big ? 2 : 5,
    });
    points.push({ scale, bytes: input.length, ms, note });
    if (ms * 4 > budgetMs && scale !== steps.at(-1)) return { points, stopped: true };
  }
  return { points, stopped: false };
}

/** The row for input size `scale`, with t(2 scale) / t(scale) as the linearity ratio. */
export function rowAt(name: string, g: { points: Point[]; stopped: boolean }, scale: number): Row {
  const at = g.points.find((p) => p.scale === scale);
  const half = g.points.find((p) => p.scale === scale / 2);
  const double = g.points.find((p) => p.scale === scale * 2);
  if (at) {
    const ratio = double ? double.ms / at.ms : half ? at.ms / half.ms : null;
    return { name, bytes: at.bytes, ms: at.ms, ratio, note: at.note };
  }
  // Stopped early: show the biggest size measured and its last doubling, which shows the growth.
  const last = g.points.at(-1)!;
  const prev = g.points.at(-2);
  return {
    name,
    bytes: last.bytes,
    ms: last.ms,
    ratio: prev ? last.ms / prev.ms : null,
    note: `STOPPED at ${last.scale}x of the target size: too slow to go on. ${last.note}`,
  };
}

export const mb = (bytes: number) => bytes / 1e6;

export function formatSize(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(ms >= 10 ? 1 : 2)} ms`;
}

/** A compact aligned table. */
export function formatTable(rows: readonly Row[]): string {
  const head = ['benchmark', 'size', 'time', 'MB/s', '2x/1x', 'notes'];
  const body = rows.map((r) => [
    r.name,
    formatSize(r.bytes),
    formatMs(r.ms),
    r.ms > 0 ? (mb(r.bytes) / (r.ms / 1000)).toFixed(1) : '-',
    r.ratio === undefined || r.ratio === null ? '-' : r.ratio.toFixed(2),
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
