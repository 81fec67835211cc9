// The messages between the page and the parse worker.
import type { ParseOutput } from '../../src/model/types';

export interface ParseRequest {
  id: number;
  text: string;
}

export type ParseResponse =
  | { id: number; ok: true; output: ParseOutput; ms: number }
  | { id: number; ok: false; error: string };
