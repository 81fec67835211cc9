// Presentation mode outside React: the page-wide attribute its stylesheet keys on, the keyboard
// (→ ← step, PageDown/PageUp or n/p lesson, r or Enter reveal, Esc leaves), a ring that follows
// the presenter's clicks, and the query string (?lesson=…, ?present) kept in step with the view so
// the address bar is always a link back to it. The fragment (#v1.…) is the address bar's own.
import { lessonAfter } from '../../src/lessons';
import type { AppStore } from '../store';
import './presentation.css';

export interface LessonParams {
  lesson: string | null;
  present: boolean;
}

export function readLessonParams(search: string): LessonParams {
  const q = new URLSearchParams(search);
  return { lesson: q.get('lesson'), present: q.has('present') };
}

/** The URL with ?lesson and ?present set as given, other parameters and the fragment kept. */
export function withLessonParams(href: string, p: LessonParams): string {
  const url = new URL(href);
  if (p.lesson) url.searchParams.set('lesson', p.lesson);
  else url.searchParams.delete('lesson');
  if (p.present) url.searchParams.set('present', '');
  else url.searchParams.delete('present');
  // "?present=" reads worse than "?present" in a link someone types from a slide
  return url.toString().replace(/([?&]present)=(?=&|#|$)/, '$1');
}

const TYPING = /^(INPUT|TEXTAREA|SELECT)$/;

export function startPresentation(store: AppStore, win: Window): () => void {
  const doc = win.document;

  const apply = () => {
    const s = store.getState();
    if (s.presenting) doc.documentElement.dataset.present = '';
    else delete doc.documentElement.dataset.present;
    const lesson = s.page === 'lessons' ? s.lesson.id : null;
    const href = withLessonParams(win.location.href, { lesson, present: s.presenting });
    if (href !== win.location.href) win.history.replaceState(win.history.state, '', href);
  };

  const onKey = (e: KeyboardEvent) => {
    const s = store.getState();
    if (!s.presenting || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    if (target && TYPING.test(target.tagName)) return;
    const onControl = target?.closest('button, a, [role="button"]') != null;
    const go = (delta: number) => {
      const next = s.lesson.id ? lessonAfter(s.lesson.id, delta) : null;
      if (next) void s.openLesson(next.id);
    };
    let handled = true;
    switch (e.key) {
      case 'ArrowRight':
        s.stepBy(1);
        break;
      case 'ArrowLeft':
        s.stepBy(-1);
        break;
      case 'PageDown':
      case 'n':
        go(1);
        break;
      case 'PageUp':
      case 'p':
        go(-1);
        break;
      case 'r':
        s.revealLesson();
        break;
      case 'Enter':
        if (onControl) handled = false;
        else s.revealLesson();
        break;
      case 'Escape':
        s.setPresenting(false);
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  // A brief ring where the presenter clicks, so the back of the room sees what changed.
  const onPointer = (e: PointerEvent) => {
    if (!store.getState().presenting) return;
    const ring = doc.createElement('div');
    ring.className = 'presenter-ring';
    ring.dataset.testid = 'presenter.ring';
    ring.style.left = `${e.clientX}px`;
    ring.style.top = `${e.clientY}px`;
    doc.body.appendChild(ring);
    win.setTimeout(() => ring.remove(), 900);
  };

  apply();
  const stop = store.subscribe((s, prev) => {
    if (s.presenting !== prev.presenting || s.page !== prev.page || s.lesson.id !== prev.lesson.id)
      apply();
  });
  win.addEventListener('keydown', onKey, true);
  win.addEventListener('pointerdown', onPointer, true);
  return () => {
    stop();
    win.removeEventListener('keydown', onKey, true);
    win.removeEventListener('pointerdown', onPointer, true);
  };
}
