// The suggested lock order as a text file: one class per line, numbered, then the dependencies
// that go against it (each closes a cycle), so a reviewer can grep a patch's locks against it.
import type { LockOrder } from '../../store';

export function lockOrderText(
  order: LockOrder,
  about: { title: string; format: string; dependencies: number },
): string {
  const { order: classes, backEdges } = order;
  const width = String(classes.length).length;
  const position = new Map(classes.map((c, i) => [c, i + 1]));
  const lines = [
    `# Suggested lock order for ${about.title} (${about.format}: ${classes.length} classes, ${about.dependencies} dependencies)`,
    '# A lock may be taken while any lock listed above it is held.',
    backEdges.length === 0
      ? '# Every dependency in the dump agrees with this order: it has no cycle.'
      : `# ${backEdges.length} ${backEdges.length === 1 ? 'dependency goes' : 'dependencies go'} against it, each closing a cycle: listed at the end.`,
    '',
    ...classes.map((c, i) => `${String(i + 1).padStart(width)}  ${c}`),
  ];
  if (backEdges.length > 0) {
    lines.push('', '# Against the order (prev -> next: next taken while prev held):');
    for (const e of backEdges)
      lines.push(
        `${e.prev} -> ${e.next}    (#${position.get(e.next)} taken while #${position.get(e.prev)} held)`,
      );
  }
  return `${lines.join('\n')}\n`;
}
