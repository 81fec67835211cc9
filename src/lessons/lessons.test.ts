import { describe, expect, it } from 'vitest';
import { parseText } from '../parse/index';
import { deriveScenarios, replay, status, waitsOf } from '../scenario';
import { LESSONS, lessonAfter, lessonById, lessonProgram } from './index';

describe('every lesson', () => {
  it('has a unique, URL-safe id', () => {
    const ids = LESSONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  for (const lesson of LESSONS) {
    describe(lesson.id, () => {
      const out = parseText(lesson.report);
      const report = out.reports[0]!;
      const scenario = report ? deriveScenarios(report)[0] : undefined;

      it('is one report of the kind and format it teaches', () => {
        expect(out.reports).toHaveLength(1);
        expect(report.kind).toBe(lesson.expect.kind);
        expect(report.format).toBe(lesson.expect.format);
        expect(report.truncated).toBe(lesson.expect.truncated ?? false);
      });

      it(lesson.expect.deadlock ? 'plays to a deadlock' : 'has no interleaving to play', () => {
        if (!lesson.expect.deadlock) {
          expect(scenario).toBeUndefined();
          return;
        }
        const run = replay(scenario!, scenario!.schedule);
        expect(run.ok).toBe(true);
        const states = run.states;
        expect(status(scenario!, states.at(-1)!)).toBe('deadlocked');
        expect(lesson.askAt).toBeLessThan(states.length - 1);
      });

      it('asks a question its report can answer', () => {
        const q = lesson.question;
        if (q.kind === 'choice') {
          expect(q.options.map((o) => o.id)).toContain(q.answer);
          expect(new Set(q.options.map((o) => o.id)).size).toBe(q.options.length);
        }
        if (q.kind === 'lock') {
          expect(report.classes.map((c) => c.name)).toContain(q.answer);
          // the answer is what some CPU waits for after the question, and not before it
          const states = replay(scenario!, scenario!.schedule).states;
          const waited = (i: number) => Object.values(waitsOf(scenario!, states[i]!));
          for (let i = 0; i <= lesson.askAt; i++) expect(waited(i)).not.toContain(q.answer);
          expect(waited(states.length - 1)).toContain(q.answer);
        }
        if (q.kind === 'cpu') expect(scenario!.cpus.map((c) => c.name)).toContain(q.answer);
        expect(q.prompt.length).toBeGreaterThan(20);
        expect(q.why.length).toBeGreaterThan(20);
      });

      it('cites its sources', () => {
        expect(lesson.sources.length).toBeGreaterThan(0);
        for (const s of lesson.sources) expect(s.url).toMatch(/^https:\/\//);
        // the simulator program of the same design (src/lessons/programs.test.ts runs it)
        expect(lessonProgram(lesson)?.id).toBe(lesson.program);
        expect(lesson.program).toBeDefined();
      });
    });
  }
});

describe('finding lessons', () => {
  it('by id, and next and previous in order', () => {
    expect(lessonById('abba')?.title).toMatch(/ABBA/);
    expect(lessonById('nope')).toBeNull();
    expect(lessonById(null)).toBeNull();
    expect(lessonAfter('abba', 1)?.id).toBe(LESSONS[1]!.id);
    expect(lessonAfter('abba', -1)).toBeNull();
    expect(lessonAfter(LESSONS.at(-1)!.id, 1)).toBeNull();
  });
});
