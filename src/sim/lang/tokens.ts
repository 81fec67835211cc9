// The tokenizer for lock programs: identifiers, numbers, strings and C punctuation, each with
// its 1-based line and column. Comments (// and /* */) are skipped. One pass, never throws.
import type { ProgramError } from '../program';

export type TokenKind = 'ident' | 'number' | 'string' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
  column: number;
  /** 1-based column just past the token, on `line` */
  endColumn: number;
}

const PUNCT2 = ['->'];
const PUNCT1 = '{}();,&.*=:[]';

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

function isIdentPart(c: string): boolean {
  return isIdentStart(c) || (c >= '0' && c <= '9');
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

export function tokenize(text: string): { tokens: Token[]; errors: ProgramError[] } {
  const tokens: Token[] = [];
  const errors: ProgramError[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const col = (at: number) => at - lineStart + 1;
  const push = (kind: TokenKind, start: number, end: number) =>
    tokens.push({
      kind,
      text: text.slice(start, end),
      line,
      column: col(start),
      endColumn: col(end),
    });
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const startLine = line;
      const startCol = col(i);
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) {
        if (text[i] === '\n') {
          line++;
          lineStart = i + 1;
        }
        i++;
      }
      if (i >= text.length)
        errors.push({
          line: startLine,
          column: startCol,
          message: 'this /* comment is never closed: expected */',
        });
      i += 2;
      continue;
    }
    const start = i;
    if (isIdentStart(c)) {
      while (i < text.length && isIdentPart(text[i]!)) i++;
      push('ident', start, i);
      continue;
    }
    if (isDigit(c)) {
      while (i < text.length && isIdentPart(text[i]!)) i++;
      push('number', start, i);
      continue;
    }
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i++;
      if (text[i] !== '"') {
        errors.push({
          line,
          column: col(start),
          endColumn: col(i),
          message: 'this string is never closed: expected " before the end of the line',
        });
        push('string', start, i);
        continue;
      }
      i++;
      push('string', start, i);
      continue;
    }
    const two = text.slice(i, i + 2);
    if (PUNCT2.includes(two)) {
      i += 2;
      push('punct', start, i);
      continue;
    }
    if (PUNCT1.includes(c)) {
      i++;
      push('punct', start, i);
      continue;
    }
    errors.push({
      line,
      column: col(i),
      endColumn: col(i) + 1,
      message: `unexpected character '${c}' (a program holds declarations, functions, threads and irq handlers)`,
    });
    i++;
  }
  tokens.push({ kind: 'eof', text: '', line, column: col(i), endColumn: col(i) });
  return { tokens, errors };
}

/** A string token's text without its quotes. */
export function stringValue(t: Token): string {
  return t.text.replace(/^"/, '').replace(/"$/, '');
}
