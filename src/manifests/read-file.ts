// Reading one manifest file safely: too-large, binary and non-UTF-8 files are refused with a message instead
// of being fed to the YAML parser, and every read carries a content hash so unchanged saves cost nothing.

import { createHash } from 'node:crypto';
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

/** Reads `path` (shown as `file` in messages). A file that vanished while being read is `missing`. */
export async function readManifestFile(path: string, file: string): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return { kind: 'missing' };
    throw e;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: 'missing' };
    if (stat.size > MAX_MANIFEST_BYTES) {
      const mib = (stat.size / 1024 / 1024).toFixed(1);
      return {
        kind: 'refused',
        hash: `size:${stat.size}:${stat.mtimeMs}`,
        message: `${file}: file is ${mib} MiB, over the 5 MiB limit for a manifest`,
      };
    }
    const bytes = await handle.readFile();
    if (bytes.length > MAX_MANIFEST_BYTES) {
      return { kind: 'refused', hash: hashOf(bytes), message: `${file}: file is over the 5 MiB limit for a manifest` };
    }
    return decodeManifest(bytes, file);
  } finally {
    await handle.close();
  }
}
