// What a piece of report notation means: the span it covers on its line and a few sentences.
import type { UsageEra } from '../model/types';

export interface Explanation {
  /** stable name of the notation item ("usage", "wait-type", "chain-entry"…) */
  id: string;
  /** the notation as printed */
  text: string;
  title: string;
  body: string;
  /** 0-based columns [start, end) on the line */
  start: number;
  end: number;
}

/** One notation rule: finds its items on a line and explains each for the report's era. */
export interface NotationRule {
  id: string;
  find(line: string, era: UsageEra): Explanation[];
}
