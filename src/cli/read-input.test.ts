import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { memoryIO } from './io';
import { readInput } from './read-input';
import { tempFolder } from './testing';

const { dir, file } = tempFolder('read');

describe('readInput', () => {
  const io = memoryIO('from stdin\n').io;

  it('reads a file, and stdin for "-"', async () => {
    expect((await readInput(file('a.log', 'hello\n'), io)).text).toBe('hello\n');
    expect(await readInput('-', io)).toEqual({ name: '-', text: 'from stdin\n', bytes: 11 });
  });

  it('unpacks gzip by its magic bytes, whatever the name', async () => {
    const gz = gzipSync(Buffer.from('packed report\n'));
    expect((await readInput(file('b.log.gz', gz), io)).text).toBe('packed report\n');
    expect((await readInput(file('renamed.log', gz), io)).text).toBe('packed report\n');
  });

  it('decodes UTF-16 with a BOM and drops a UTF-8 BOM', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('lock(A);\n', 'utf16le')]);
    expect((await readInput(file('c.txt', utf16), io)).text).toBe('lock(A);\n');
    expect((await readInput(file('d.txt', '\ufefflock(B);'), io)).text).toBe('lock(B);');
  });

  it('says plainly what is wrong with an input it cannot read', async () => {
    await expect(readInput(join(dir, 'missing.log'), io)).rejects.toThrow(
      /missing\.log: no such file$/,
    );
    await expect(readInput(dir, io)).rejects.toThrow(`${dir}: is a directory`);
    await expect(readInput(file('big.log', 'x'.repeat(2000)), io, 1000)).rejects.toThrow(
      /big\.log: larger than 0 MB; cut out the part/,
    );
    await expect(readInput('-', memoryIO('y'.repeat(2000)).io, 1000)).rejects.toThrow(
      /^stdin: larger than/,
    );
    await expect(
      readInput(file('bomb.gz', gzipSync(Buffer.alloc(5000))), io, 1000),
    ).rejects.toThrow(/bomb\.gz: uncompressed, it is larger than/);
    await expect(
      readInput(file('bad.gz', Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3])), io),
    ).rejects.toThrow(/bad\.gz: looks gzip-compressed but cannot be unpacked/);
    await expect(
      readInput(file('e.xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1])), io),
    ).rejects.toThrow(/e\.xz: is xz-compressed; unpack it first, e\.g\. xz -dc/);
  });
});
