// Linux lockdep (kernel/locking/lockdep.c): finds where a report starts in every era (banner +
// title, a bare title, a mailer-wrapped title, a body whose head was cut off, the one-line
// complaints) and hands it to the reader of its kind.
import type { LockdepKind, Report } from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { FormatParser, ParsedReport } from '../format';
import { assembleBadUnlock } from './bad-unlock-balance';
import {
  ReportBuilder as Builder,
  bareTitle,
  fillCommon,
  finish,
  type ReportBuilder,
} from './builder';
import { fromFrames, pickGuiltyFunction } from './guilty-function';
import { assembleCircular } from './circular-dependency';
import { CHAIN_ENTRY, RULE_EQ } from './content';
import { assembleHeldLockFreed } from './held-lock-freed';
import { parseHungTask } from './hung-task';
import { hungTaskTitle } from './hung-task-head';
import { assembleInconsistent } from './inconsistent-lock-state';
import { assembleInvalidWaitContext } from './invalid-wait-context';
import { assembleIrqInversion } from './irq-lock-inversion';
import { LOCKDEP_LINE_STARTS } from './line-starts';
import { assembleReturnToUser } from './lock-held-returning-to-user';
import { lockingBugAt, parseLockingBug } from './locking-bug';
import { assembleNestedLock } from './nested-lock-not-taken';
import { assembleRecursive } from './recursive-locking';
import { bannerTitleAt, titleAt } from './report-head';
import { readReportLines, type ReportLines } from './report-reader';
import { assembleSafeToUnsafe } from './safe-to-unsafe';
import { recognizeSection, type SectionType } from './sections';
import { assembleShowAllLocks } from './show-all-locks';
import { assembleStillHasLocks } from './still-has-locks';
import { assembleSuspiciousRcu } from './suspicious-rcu-usage';

// Body lines that are unmistakably lockdep even when the banner and title are gone:
// "X/123 is trying to acquire lock:", "-> #2 (…){…}:", "inconsistent {…} -> {…} usage." …
const HEADLESS_STARTS: ReadonlySet<SectionType> = new Set<SectionType>([
  'acquire',
  'chain',
  'inconsistent-usage',
  'takes',
  'changed',
  'release',
  'contend',
  'freeing',
  'leaving',
  'exiting',
  'show-all',
]);

// cheap filter before the regexes: every start line holds one of these
const START_HINT =
  /={10}|INFO|BUG|WARNING|DEBUG_LOCKS|cut here|->\s*#|is trying|inconsistent|changed the state|is freeing|is leaving|is exiting|dependency chain|takes:|Showing all locks/;

function sniff(lines: readonly CleanLine[], i: number): boolean {
  const text = lines[i]!.text;
  if (text.length > 2000 || !START_HINT.test(text)) return false;
  if (RULE_EQ.test(text)) return bannerTitleAt(lines, i) !== null;
  if (titleAt(lines, i)) return true;
  if (hungTaskTitle(text)) return true;
  if (lockingBugAt(lines, i)) return true;
  if (CHAIN_ENTRY.test(text)) return true;
  const h = recognizeSection(text);
  return h !== null && HEADLESS_STARTS.has(h.type);
}

/** The kind of a report whose title is missing, from the sections it prints. */
function kindFromSections(rl: ReportLines): LockdepKind {
  const has = (t: string) => rl.sections.some((s) => s.type === t);
  if (has('show-all')) return 'show-all-locks';
  if (has('chain') || has('chain-entry') || has('already-depends')) return 'circular-dependency';
  if (has('inconsistent-usage') || has('takes')) return 'inconsistent-lock-state';
  if (has('changed')) return 'irq-lock-inversion';
  if (has('new-dependency') || has('safe-lock') || has('unsafe-lock')) return 'safe-to-unsafe';
  if (has('release')) return 'bad-unlock-balance';
  if (has('contend')) return 'locking-bug';
  if (has('freeing')) return 'held-lock-freed';
  if (has('leaving')) return 'lock-held-returning-to-user';
  if (has('exiting')) return 'still-has-locks';
  if (has('nesting-note')) return 'recursive-locking';
  if (has('not-holding')) return 'nested-lock-not-taken';
  if (has('context')) return 'invalid-wait-context';
  if (has('rcu-state')) return 'suspicious-rcu-usage';
  return 'circular-dependency';
}

const ASSEMBLERS: Record<LockdepKind, (b: ReportBuilder) => Report> = {
  'circular-dependency': assembleCircular,
  'recursive-locking': assembleRecursive,
  'inconsistent-lock-state': assembleInconsistent,
  'irq-lock-inversion': assembleIrqInversion,
  'safe-to-unsafe': assembleSafeToUnsafe,
  'bad-unlock-balance': assembleBadUnlock,
  'held-lock-freed': assembleHeldLockFreed,
  'lock-held-returning-to-user': assembleReturnToUser,
  'still-has-locks': assembleStillHasLocks,
  'nested-lock-not-taken': assembleNestedLock,
  'invalid-wait-context': assembleInvalidWaitContext,
  'suspicious-rcu-usage': assembleSuspiciousRcu,
  'show-all-locks': assembleShowAllLocks,
  'locking-bug': (b) =>
    b.rl.title?.variant === 'contention' || b.has('contend')
      ? assembleBadUnlock(b)
      : assembleTitledBug(b),
};

/** A banner report we know only by its title ("chain_key collision"): the common parts. */
function assembleTitledBug(b: ReportBuilder): Report {
  fillCommon(b);
  const fn = pickGuiltyFunction(fromFrames(b.report.trace));
  const what = bareTitle(b, 'locking bug');
  b.report.title = fn ? `${what} in ${fn}` : what;
  return finish(b);
}

function parse(lines: readonly CleanLine[], start: number): ParsedReport {
  if (hungTaskTitle(lines[start]!.text)) return parseHungTask(lines, start);
  if (!RULE_EQ.test(lines[start]!.text) && !titleAt(lines, start) && lockingBugAt(lines, start)) {
    const { report, end } = parseLockingBug(lines, start);
    return { report, end: Math.max(end, start + 1) };
  }
  const rl = readReportLines(lines, start);
  const kind: LockdepKind = rl.title?.kind ?? kindFromSections(rl);
  const b = new Builder(lines, rl, kind);
  if (!rl.title && kind !== 'show-all-locks') {
    b.truncate(
      `the report's title is missing: it starts at line ${lines[start]!.origin} and was read as a ${kind} report`,
    );
  }
  const report = ASSEMBLERS[kind](b);
  return { report, end: Math.max(rl.end, start + 1) };
}

export const lockdepParser: FormatParser = {
  format: 'linux-lockdep',
  sniff,
  parse,
  lineStarts: LOCKDEP_LINE_STARTS,
};
