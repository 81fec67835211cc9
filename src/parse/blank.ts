// What String.prototype.trim() removes, asked without copying the line: hot loops ask "is this
// line blank" and "where does its text start" hundreds of thousands of times per paste.

const OTHER_SPACE = /\s/;

/** A character trim() removes (the same set as the regex class \s). */
export function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c >= 0xa0 && OTHER_SPACE.test(String.fromCharCode(c));
}

/** Index of the first character trim() keeps (text.length when the text is blank). */
export function trimStartIndex(text: string): number {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** text.trimEnd().length */
export function trimEndIndex(text: string): number {
  let n = text.length;
  while (n > 0 && isSpace(text.charCodeAt(n - 1))) n--;
  return n;
}

/** text.trim() === '' */
export function isBlank(text: string): boolean {
  return trimStartIndex(text) === text.length;
}
