// The real-case lessons carry abridged reports we wrote; they must stay true to the real ones in
// the shared corpus (read in place, never copied): the same classes on the same cycle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusAvailable, corpusFiles } from '../parse/corpus';
import { parseText } from '../parse/index';
import { lessonById } from './index';

function seed(prefix: string): string {
  const file = corpusFiles('seeds').find((f) => f.startsWith(`seeds/${prefix}`));
  if (!file) throw new Error(`no corpus seed ${prefix}`);
  return readFileSync(join(CORPUS_DIR, file), 'utf8');
}

function only(text: string) {
  const reports = parseText(text).reports;
  expect(reports).toHaveLength(1);
  return reports[0]!;
}

const sorted = (xs: readonly string[] | null | undefined) => [...(xs ?? [])].sort();

describe.skipIf(!corpusAvailable())('real-case lessons against the corpus seeds', () => {
  for (const [id, prefix] of [
    ['i915-userptr', '002'],
    ['i915-reset', '004'],
  ] as const) {
    it(`${id}: the same cycle, classes and dependencies as seed ${prefix}`, () => {
      const real = only(seed(prefix));
      const ours = only(lessonById(id)!.report);
      expect(ours.kind).toBe(real.kind);
      expect(ours.kernel).toBe(real.kernel);
      expect(ours.task).toEqual(real.task);
      expect(sorted(ours.cycle)).toEqual(sorted(real.cycle));
      expect(ours.cycle).toEqual(real.cycle);
      expect(sorted(ours.classes.map((c) => c.name))).toEqual(
        sorted(real.classes.map((c) => c.name)),
      );
      const edges = (r: typeof real) => sorted(r.dependencies.map((d) => `${d.prev} -> ${d.next}`));
      expect(edges(ours)).toEqual(edges(real));
      expect(ours.scenario?.steps).toEqual(real.scenario?.steps);
    });
  }

  it('linuxkpi-irq-work: the same WITNESS panic and lock as seed 000, with its key frames', () => {
    const real = only(seed('000'));
    const ours = only(lessonById('linuxkpi-irq-work')!.report);
    expect(ours.kind).toBe(real.kind);
    expect(ours.title).toBe(real.title);
    expect(ours.classes.map((c) => c.name)).toEqual(real.classes.map((c) => c.name));
    const fns = (r: typeof real) => new Set(r.trace.map((f) => f.function));
    const realFns = fns(real);
    for (const f of fns(ours)) expect(realFns).toContain(f);
    for (const key of ['irq_work_queue', 'taskqueue_enqueue', 'dma_resv_add_shared_fence'])
      expect(fns(ours)).toContain(key);
  });

  it('drm-sched-tdr: seed 003 holds no report, and the lesson names what its patch annotates', () => {
    const text = seed('003');
    expect(parseText(text).reports).toHaveLength(0);
    const lesson = lessonById('drm-sched-tdr')!;
    for (const name of ['drm_sched_job_timedout', 'dma_fence_begin_signalling', 'drm_modeset_lock'])
      expect(text).toContain(name);
    expect(lesson.report).toContain('drm_sched_job_timedout');
    expect(lesson.report).toContain('drm_modeset_lock');
    expect(lesson.explanation.join(' ')).toContain('dma_fence_begin_signalling()');
    expect(only(lesson.report).cycle).toContain('dma_fence_map');
  });
});
