// Test helper: cleaned lines from text, as the cleaner would hand them over for clean input.
import type { CleanLine } from '../clean/types';
import type { LogicalLine } from './logical-lines';

export function cleanLines(text: string, stream: string | null = null): CleanLine[] {
  return text.split('\n').map((t, i) => ({ text: t, origin: i + 1, originEnd: i + 1, stream }));
}

export function logical(texts: string[]): LogicalLine[] {
  return texts.map((text, i) => ({ text, from: i, to: i, origin: i + 1, originEnd: i + 1 }));
}
