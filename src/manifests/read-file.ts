// Reading one manifest file safely: too-large, binary and non-UTF-8 files are refused with a message instead
// of being fed to the YAML parser, and every read carries a content hash so unchanged saves cost nothing.

import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

export const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;

export type ReadResult =
  | { kind: 'text'; text: string; hash: string }
  | { kind: 'refused'; message: string; hash: string }
  | { kind: 'missing' };

function hashOf(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as a manifest's text, or says why it cannot be one. */
export function decodeManifest(bytes: Uint8Array, file: string): ReadResult {
  const hash = hashOf(bytes);
  if (bytes.includes(0)) return { kind: 'refused', hash, message: `${file}: binary file (contains NUL bytes), not a manifest` };
  try {
    // A UTF-8 BOM is allowed (editors on Windows write one); the decoder drops it.
    return { kind: 'text', text: utf8.decode(bytes), hash };
  } catch {
    return { kind: 'refused', hash, message: `${file}: not valid UTF-8 text, not a manifest` };
  }
}

function tooLarge(size: number, mtimeMs: number, file: string): ReadResult {
  const mib = (size / 1024 / 1024).toFixed(1);
  return { kind: 'refused', hash: `size:${size}:${mtimeMs}`, message: `${file}: file is ${mib} MiB, over the 5 MiB limit for a manifest` };
}

function isGone(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/**
 * The same, synchronously: the watcher's reads of one small file must not queue behind chokidar's stats in
 * libuv's thread pool, which under load costs tens of milliseconds per save.
 */
export function readManifestFileSync(path: string, file: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if (isGone(e)) return { kind: 'missing' };
    throw e;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: 'missing' };
    if (stat.size > MAX_MANIFEST_BYTES) return tooLarge(stat.size, stat.mtimeMs, file);
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, bytes, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return decodeManifest(bytes.subarray(0, read), file);
  } finally {
    closeSync(fd);
  }
}

/** Reads `path` (shown as `file` in messages). A file that vanished while being read is `missing`. */
export async function readManifestFile(path: string, file: string): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    if (isGone(e)) return { kind: 'missing' };
    throw e;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: 'missing' };
    if (stat.size > MAX_MANIFEST_BYTES) return tooLarge(stat.size, stat.mtimeMs, file);
    const bytes = await handle.readFile();
    if (bytes.length > MAX_MANIFEST_BYTES) {
      return { kind: 'refused', hash: hashOf(bytes), message: `${file}: file is over the 5 MiB limit for a manifest` };
    }
    return decodeManifest(bytes, file);
  } finally {
    await handle.close();
  }
}
