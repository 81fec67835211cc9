// The `lockscope` command: placeholder until the CLI lands.
export async function main(_argv: string[]): Promise<number> {
  process.stderr.write('lockscope: not written yet\n');
  return 2;
}
