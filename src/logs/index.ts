// Logs full of reports: dedup keys, groups of duplicates, and every cycle of the merged graph.
export {
  dedupKey,
  normaliseClassName,
  principalClasses,
  titleFunction,
  type DedupKey,
} from './dedup-key';
export { groupIndexOf, groupReports, type ReportGroup } from './group';
export {
  cycleIdentity,
  logCycles,
  type LogCycle,
  type LogCycles,
  type LogCyclesOptions,
} from './cycles';
