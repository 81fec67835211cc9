// A small getopt: each command declares its options in a table, which also writes its help.
// Our own rather than node:util parseArgs so usage errors read as one plain line.

export interface OptionSpec {
  /** long name without dashes: "format" for --format */
  name: string;
  /** one-letter alias without the dash: "h" for -h */
  short?: string;
  /** metavariable when the option takes a value: "FMT" */
  value?: string;
  help: string;
}

export interface ParsedArgs {
  /** flags as true, valued options as their (last) value */
  options: Record<string, string | true>;
  positionals: string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const options: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    // "-" alone is stdin, and anything not starting with a dash is a file.
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const isLong = arg.startsWith('--');
    const eq = isLong ? arg.indexOf('=') : -1;
    const key = isLong ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1, 2);
    const spec = specs.find((s) => (isLong ? s.name === key : s.short === key));
    if (!spec) throw new UsageError(`unknown option '${arg}'${suggest(key, specs)}`);
    let inline: string | undefined;
    if (isLong && eq >= 0) inline = arg.slice(eq + 1);
    // "-fFMT" style: the rest of a short option is its value.
    else if (!isLong && arg.length > 2) inline = arg.slice(2);
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`option '--${spec.name}' takes no value`);
      options[spec.name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined)
      throw new UsageError(`option '--${spec.name}' needs a value (${spec.value})`);
    options[spec.name] = value;
  }
  return { options, positionals };
}

/** Option lines for --help, aligned. */
export function formatOptions(specs: readonly OptionSpec[]): string {
  const heads = specs.map((s) => {
    const long = `--${s.name}${s.value ? ` ${s.value}` : ''}`;
    return s.short ? `-${s.short}, ${long}` : `    ${long}`;
  });
  const width = Math.max(...heads.map((h) => h.length));
  return specs.map((s, i) => `  ${heads[i]!.padEnd(width)}  ${s.help}`).join('\n');
}

function suggest(key: string, specs: readonly OptionSpec[]): string {
  const near =
    specs.find((s) => s.name.startsWith(key) || (key.length > 2 && key.startsWith(s.name))) ??
    specs.find((s) => editDistance(key, s.name) <= 2);
  return near ? ` (did you mean --${near.name}?)` : '';
}

/** Levenshtein distance; option names are short, so the quadratic table is nothing. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 40) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length]!;
}
