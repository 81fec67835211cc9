// Lesson prose: `backticks` mark code.
import { Fragment } from 'react';

/** "`code` and words" → words with <code> spans. */
export function Prose({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((p, i) => (i % 2 ? <code key={i}>{p}</code> : <Fragment key={i}>{p}</Fragment>))}
    </>
  );
}
