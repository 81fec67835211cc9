// The golden corpus files (src/parse/testdata/**.txt), shared by the golden and metamorphic tests.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const GOLDEN_ROOT = import.meta.dirname;

export function goldenFiles(dir = GOLDEN_ROOT): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...goldenFiles(p));
    else if (name.endsWith('.txt')) out.push(p);
  }
  return out;
}
