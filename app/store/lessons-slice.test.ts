import { describe, expect, it, vi } from 'vitest';
import { LESSONS } from '../../src/lessons';
import { parseText } from '../../src/parse/index';
import {
  createAppStore,
  selectConcealCycle,
  selectLesson,
  selectStepperModel,
  selectVerdict,
} from '.';

function newStore() {
  return createAppStore({ parse: async (t) => parseText(t) });
}

describe('lessons slice', () => {
  it('opens a lesson on the Lessons page with its report parsed and a fresh question', async () => {
    const store = newStore();
    expect(await store.getState().openLesson('abba')).toBe(true);
    const s = store.getState();
    expect(s.page).toBe('lessons');
    expect(selectLesson(s)?.id).toBe('abba');
    expect(s.input).toBe(LESSONS[0]!.report);
    expect(s.output?.reports[0]?.kind).toBe('circular-dependency');
    expect(s.lesson).toEqual({ id: 'abba', answer: null, revealed: false });
    expect(await store.getState().openLesson('no-such-lesson')).toBe(false);
    expect(store.getState().lesson.id).toBe('abba');
  });

  it('holds the stepper at the question step until the answer is revealed', async () => {
    const store = newStore();
    await store.getState().openLesson('abba');
    const index = () => selectStepperModel(store.getState())!.view.index;
    store.getState().stepBy(10);
    expect(index()).toBe(3);
    store.getState().revealLesson();
    store.getState().stepBy(10);
    expect(index()).toBe(4);
    expect(selectStepperModel(store.getState())!.status).toBe('deadlocked');
  });

  it('takes a click on a lock as the answer, and judges it only once revealed', async () => {
    const store = newStore();
    await store.getState().openLesson('abba');
    expect(selectConcealCycle(store.getState())).toBe(true);
    store.getState().selectGraphElement({ kind: 'node', id: 'io_mutex' });
    expect(store.getState().lesson.answer).toBe('io_mutex');
    expect(selectVerdict(store.getState())).toBeNull();
    store.getState().selectGraphElement({ kind: 'node', id: 'cfg_mutex' });
    expect(store.getState().lesson.answer).toBe('cfg_mutex');
    store.getState().revealLesson();
    expect(selectVerdict(store.getState())).toBe('right');
    expect(selectConcealCycle(store.getState())).toBe(false);
    // after the reveal the answer stands
    expect(store.getState().answerLesson('io_mutex')).toBe(false);
    store.getState().selectGraphElement({ kind: 'node', id: 'io_mutex' });
    expect(store.getState().lesson.answer).toBe('cfg_mutex');
  });

  it('judges a wrong choice wrong, and a reveal without an answer unanswered', async () => {
    const store = newStore();
    await store.getState().openLesson('aa');
    expect(store.getState().answerLesson('recursive')).toBe(true);
    store.getState().revealLesson();
    expect(selectVerdict(store.getState())).toBe('wrong');
    await store.getState().openLesson('spin-irq');
    expect(store.getState().lesson).toMatchObject({ answer: null, revealed: false });
    store.getState().revealLesson();
    expect(selectVerdict(store.getState())).toBe('unanswered');
  });

  it('conceals nothing off the Lessons page, and presentation mode is a flag', async () => {
    const store = newStore();
    await store.getState().openLesson('three');
    store.getState().setPage('report');
    expect(selectConcealCycle(store.getState())).toBe(false);
    store.getState().setPresenting(true);
    expect(store.getState().presenting).toBe(true);
  });

  it("borrows the box: the Report page gets the user's text back, the Lessons tab the lesson", async () => {
    const store = newStore();
    await store.getState().loadInput('typed by hand', 'typed');
    await store.getState().openLesson('abba');
    store.getState().answerLesson('cfg_mutex');
    expect(store.getState()).toMatchObject({ input: LESSONS[0]!.report, inputSource: 'lesson' });
    store.getState().setPage('report');
    await vi.waitFor(() => expect(store.getState().input).toBe('typed by hand'));
    expect(store.getState()).toMatchObject({ inputSource: 'typed', replacedInput: null });
    store.getState().setPage('lessons');
    await vi.waitFor(() => expect(store.getState().status).toBe('done'));
    expect(store.getState().input).toBe(LESSONS[0]!.report);
    // the student's answer survives the trip
    expect(store.getState().lesson).toMatchObject({ id: 'abba', answer: 'cfg_mutex' });
  });
});
