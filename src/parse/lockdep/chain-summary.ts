// print_circular_lock_scenario()/print_irq_lock_scenario(): "Chain exists of:\n  A --> B --> C".
// It names three classes only (source --> parent --> target); the full cycle is the "-> #k" list.
import type { LogicalLine } from './logical-lines';
import type { Section } from './report-reader';

export interface ChainSummary {
  classes: string[];
  line: LogicalLine;
}

export function readChainSummary(section: Section): ChainSummary | null {
  const candidates: LogicalLine[] = [];
  // rsyslog keeps the names on the header line: "Chain exists of:#012  &ids->rwsem --> …"
  if (section.line && section.header?.rest)
    candidates.push({ ...section.line, text: section.header.rest });
  for (const l of section.body) candidates.push(l);
  for (const line of candidates) {
    const t = line.text.trim();
    if (t === '') continue;
    if (!t.includes(' --> ')) return null;
    // names may hold spaces ("af_callback_keys + sk->sk_family#2"): split on the arrows only
    return { classes: t.split(' --> ').map((s) => s.trim()), line };
  }
  return null;
}
