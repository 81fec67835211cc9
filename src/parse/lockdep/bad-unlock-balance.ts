// print_unlock_imbalance_bug(): "bad unlock balance detected!" — and print_lock_contention_bug()
// ("bad contention detected!"), which prints the same shape for lock_contended() without a lock.
import type { Report } from '../../model/types';
import { bareTitle, checkComplete, fillCommon, finish, type ReportBuilder } from './builder';
import { fromFrames, pickGuiltyFunction } from './guilty-function';
import { parseAtSite, type AtSite } from './lock-line';
import type { LogicalLine } from './logical-lines';
import type { Section } from './report-reader';

/** The print_ip_sym() line after "is trying to release lock (name) at:". */
function releaseSite(s: Section | null): { site: AtSite; line: LogicalLine } | null {
  if (!s) return null;
  const candidates: LogicalLine[] = [];
  if (s.line && s.header?.rest) candidates.push({ ...s.line, text: s.header.rest });
  for (const l of s.body) candidates.push(l);
  let fallback: { site: AtSite; line: LogicalLine } | null = null;
  for (const line of candidates) {
    if (line.text.trim() === '') continue;
    const site = parseAtSite(line.text);
    if (!site.atFunction) break;
    // a symbolizer's inline lines come first; the kernel printed the last one
    if (!site.atInline) return { site, line };
    fallback ??= { site, line };
  }
  return fallback;
}

export function assembleBadUnlock(b: ReportBuilder): Report {
  fillCommon(b);
  const contention = b.rl.title?.variant === 'contention' || b.has('contend');
  const s =
    b.section(contention ? 'contend' : 'release') ?? b.section('release') ?? b.section('contend');
  // print_lockdep_cache(): the lockdep_map name, without the class's #N and /N
  const name = s?.header?.data ?? null;
  if (name !== null && s?.line) {
    b.addClass(name, s.line);
    b.detail('lockMapName', name);
  }
  const site = releaseSite(s);
  if (site) {
    b.span(site.line, 'frame', null);
    b.detail(contention ? 'contendedAt' : 'releasedAt', site.site.at);
  }
  const fn = pickGuiltyFunction([
    { function: site?.site.atFunction ?? null },
    ...fromFrames(b.report.trace),
  ]);
  const phrase = contention ? 'bad contention' : 'bad unlock balance';
  b.report.title = fn ? `${phrase} in ${fn}` : bareTitle(b, `${phrase} detected`);
  if (name !== null && s?.line) {
    b.diag(
      s.line,
      'info',
      `"${name}" is the lock's map name as printed by print_lockdep_cache(): it lacks the class's #N and /N suffixes`,
    );
  }
  checkComplete(b, [contention ? 'contend' : 'release', 'held', 'backtrace'], {
    release: 'the lock being released',
    contend: 'the lock being contended',
    held: 'the held-locks section',
    backtrace: 'the stack backtrace',
  });
  return finish(b);
}
