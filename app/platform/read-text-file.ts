// Reads a dropped or opened file as text. Gzip is recognised by its magic bytes (1f 8b), not by
// the name, so "dmesg.log.gz", "splat.txt" that is really gzip, and a renamed file all work; it is
// unpacked in the browser with DecompressionStream, nothing is uploaded.

const GZIP_MAGIC = [0x1f, 0x8b] as const;

export async function isGzip(file: Blob): Promise<boolean> {
  if (file.size < 2) return false;
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

export async function readTextFile(file: Blob): Promise<string> {
  if (!(await isGzip(file))) return file.text();
  const unpacked = file.stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(unpacked).text();
}
