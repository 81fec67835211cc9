import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isGzip, readTextFile } from './read-text-file';

describe('readTextFile', () => {
  it('reads plain text as it is', async () => {
    expect(await readTextFile(new Blob(['plain ✓ text']))).toBe('plain ✓ text');
  });

  it('unpacks gzip by its magic bytes, whatever the name', async () => {
    const text = 'WARNING: possible circular locking dependency detected\n'.repeat(1000);
    const packed = new Blob([gzipSync(text)]);
    expect(await isGzip(packed)).toBe(true);
    expect(await readTextFile(packed)).toBe(text);
  });

  it('does not take a short or empty file for gzip', async () => {
    expect(await isGzip(new Blob([]))).toBe(false);
    expect(await isGzip(new Blob([new Uint8Array([0x1f])]))).toBe(false);
    expect(await readTextFile(new Blob([new Uint8Array([0x1f])]))).toBe('\x1f');
  });

  it('rejects a corrupt gzip file instead of showing garbage', async () => {
    const broken = new Blob([new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3])]);
    await expect(readTextFile(broken)).rejects.toThrow();
  });
});
