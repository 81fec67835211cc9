// Selects whole lines of a textarea and scrolls them into view (lines are 1-based, inclusive).
// The textarea's value has every line break as "\n" (browsers normalise CRLF and CR), which is
// also how the parser counts original lines, so counting "\n" finds the same lines.

export function lineOffsets(text: string, start: number, end: number): [number, number] {
  let line = 1;
  let from = start <= 1 ? 0 : -1;
  let i = 0;
  for (; i < text.length; i++) {
    if (text.charCodeAt(i) !== 10) continue;
    line++;
    if (line === start) from = i + 1;
    if (line === end + 1) break;
  }
  if (from < 0) return [text.length, text.length];
  return [from, Math.min(i, text.length)];
}

export function selectLinesIn(box: HTMLTextAreaElement, start: number, end: number): void {
  const [from, to] = lineOffsets(box.value, start, end);
  box.focus({ preventScroll: true });
  box.setSelectionRange(from, to);
  const lineHeight = parseFloat(getComputedStyle(box).lineHeight) || 18;
  box.scrollTop = Math.max(0, (start - 1) * lineHeight - box.clientHeight / 3);
  box.scrollLeft = 0;
}
