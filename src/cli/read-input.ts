// Reading one input (a file or stdin) into text: gunzip, decode, and a plain sentence for
// everything that can go wrong on the way (missing, a directory, unreadable, too big).
import { open } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { InputTooLarge, readStream, type CliIO } from './io';

/** Inputs above this are refused with a hint rather than risking V8's string limit (~512 MB). */
export const MAX_INPUT_BYTES = 256 * 2 ** 20;

export interface Input {
  /** as given on the command line; "-" for stdin */
  name: string;
  text: string;
  bytes: number;
}

export class InputError extends Error {}

export async function readInput(name: string, io: CliIO, limit = MAX_INPUT_BYTES): Promise<Input> {
  const shown = name === '-' ? 'stdin' : name;
  let raw: Uint8Array;
  try {
    raw = name === '-' ? await io.readStdin(limit) : await readFileCapped(name, limit);
  } catch (err) {
    throw new InputError(`${shown}: ${describeReadError(err, limit)}`);
  }
  const bytes = decompress(raw, shown, limit);
  return { name, text: decodeText(bytes), bytes: bytes.length };
}

/** Reads through a handle rather than stat + readFile so FIFOs and <(process substitution) work. */
async function readFileCapped(path: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    return await readStream(handle.createReadStream({ autoClose: false }), limit);
  } finally {
    await handle.close();
  }
}

function describeReadError(err: unknown, limit: number): string {
  if (err instanceof InputTooLarge) return tooLarge(limit);
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file (give the log files inside it)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return `cannot read it (${err instanceof Error ? err.message : String(err)})`;
  }
}

function tooLarge(limit: number): string {
  const mb = Math.round(limit / 2 ** 20);
  return `larger than ${mb} MB; cut out the part around the report first (e.g. grep -n -A300 'possible circular' FILE)`;
}

// Magic numbers of formats we can name but do not unpack.
const OTHER_COMPRESSION: readonly [number[], string, string][] = [
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz', 'xz -dc'],
  [[0x42, 0x5a, 0x68], 'bzip2', 'bzip2 -dc'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd', 'zstd -dc'],
  [[0x50, 0x4b, 0x03, 0x04], 'zip', 'unzip -p'],
];

/** gzip by content, not by name: a .gz renamed to .log still opens, a .gz that is plain text too. */
function decompress(raw: Uint8Array, shown: string, limit: number): Uint8Array {
  if (startsWith(raw, [0x1f, 0x8b])) {
    try {
      return gunzipSync(raw, { maxOutputLength: limit });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        throw new InputError(`${shown}: uncompressed, it is ${tooLarge(limit)}`);
      }
      throw new InputError(
        `${shown}: looks gzip-compressed but cannot be unpacked (${(err as Error).message})`,
      );
    }
  }
  for (const [magic, what, command] of OTHER_COMPRESSION) {
    if (startsWith(raw, magic)) {
      throw new InputError(
        `${shown}: is ${what}-compressed; unpack it first, e.g. ${command} ${shown} | lockscope parse -`,
      );
    }
  }
  return raw;
}

/** UTF-8 (a BOM is dropped), or UTF-16 when a BOM says so: Windows editors save pastes that way. */
function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}
