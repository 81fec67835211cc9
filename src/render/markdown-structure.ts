// Test support: the block structure of a Markdown text (CommonMark's block rules, the subset
// renderMarkdown writes), so tests can check what a renderer would build without a Markdown
// library: headings, list items, fenced code blocks, quotes, paragraphs.
export type MarkdownBlock =
  | { type: 'heading'; level: number; text: string }
  | { type: 'item'; ordered: boolean; number: number | null; text: string }
  | { type: 'fence'; info: string; lines: string[] }
  | { type: 'quote'; text: string }
  | { type: 'paragraph'; text: string };

/** Throws when a fence is never closed or a line is neither blank nor a known block. */
export function markdownBlocks(text: string): MarkdownBlock[] {
  const lines = text.split('\n');
  const out: MarkdownBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && !lines[j]!.startsWith(fence[1]!)) body.push(lines[j++]!);
      if (j >= lines.length) throw new Error(`line ${i + 1}: fence never closed`);
      out.push({ type: 'fence', info: fence[2]!.trim(), lines: body });
      i = j;
      continue;
    }
    if (line.trim() === '') continue;
    let m = /^(#{1,6}) (.+)$/.exec(line);
    if (m) out.push({ type: 'heading', level: m[1]!.length, text: m[2]! });
    else if ((m = /^[-*+] (.+)$/.exec(line)))
      out.push({ type: 'item', ordered: false, number: null, text: m[1]! });
    else if ((m = /^(\d{1,9})\. (.+)$/.exec(line)))
      out.push({ type: 'item', ordered: true, number: Number(m[1]), text: m[2]! });
    else if ((m = /^> ?(.*)$/.exec(line))) out.push({ type: 'quote', text: m[1]! });
    else if (/^ {0,3}\S/.test(line)) out.push({ type: 'paragraph', text: line });
    else
      throw new Error(`line ${i + 1}: indented code or an unknown block: ${JSON.stringify(line)}`);
  }
  return out;
}

/** The sections under each heading of `level`: heading text -> the blocks until the next one. */
export function markdownSections(
  blocks: readonly MarkdownBlock[],
  level: number,
): Map<string, MarkdownBlock[]> {
  const out = new Map<string, MarkdownBlock[]>();
  let current: MarkdownBlock[] | null = null;
  for (const b of blocks) {
    if (b.type === 'heading' && b.level <= level) {
      current = b.level === level ? [] : null;
      if (current) out.set(b.text, current);
    } else current?.push(b);
  }
  return out;
}
