// The example reports shipped in public/examples/: written for lockscope, not taken from a real log.
export interface Example {
  id: string;
  label: string;
  file: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'lockdep-circular',
    label: 'Linux lockdep: possible circular locking dependency',
    file: 'lockdep-circular.txt',
  },
  {
    id: 'witness-lor',
    label: 'FreeBSD WITNESS: lock order reversal',
    file: 'witness-lor.txt',
  },
];

/** What a first visit shows. */
export const DEFAULT_EXAMPLE_ID = 'lockdep-circular';

export function exampleLabel(id: string): string | null {
  return EXAMPLES.find((e) => e.id === id)?.label ?? null;
}

/** Same-origin fetch of an example's text. */
export async function fetchExample(id: string): Promise<string> {
  const example = EXAMPLES.find((e) => e.id === id);
  if (!example) throw new Error(`no example called ${id}`);
  const response = await fetch(`${import.meta.env.BASE_URL}examples/${example.file}`);
  if (!response.ok)
    throw new Error(`could not load the example ${example.file}: ${response.status}`);
  return response.text();
}
