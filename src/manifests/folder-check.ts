// Refusing folders that cannot be what the user meant: a home folder, or a tree far too large to be a
// manifests folder (watching it would cost more than it is worth). Both come with a hint.

import { homedir } from 'node:os';
import { opendir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isIgnoredSegment } from './watch.js';

export const MAX_WATCHED_FILES = 10_000;

const HINT = 'name the folder that holds your manifests, for example: kubesim ./manifests';

/** Counts files below `dir` (skipping what the watcher skips), stopping once past `limit`. */
async function countFiles(dir: string, limit: number): Promise<number> {
  let count = 0;
  const stack = [dir];
  while (stack.length > 0 && count <= limit) {
    const current = stack.pop()!;
    let handle;
    try {
      handle = await opendir(current);
    } catch {
      continue;
    }
    for await (const entry of handle) {
      if (isIgnoredSegment(entry.name)) continue;
      if (entry.isDirectory()) stack.push(join(current, entry.name));
      else if (++count > limit) break;
    }
  }
  return count;
}

/** Why `dir` cannot be watched, or undefined when it can. */
export async function folderRefusal(dir: string): Promise<string | undefined> {
  const abs = resolve(dir);
  try {
    if (!(await stat(abs)).isDirectory()) return `${dir} is not a folder; ${HINT}`;
  } catch {
    return `${dir}: no such folder; ${HINT}`;
  }
  if (abs === resolve(homedir())) return `refusing to watch your home folder (${abs}); ${HINT}`;
  if ((await countFiles(abs, MAX_WATCHED_FILES)) > MAX_WATCHED_FILES) {
    return `refusing to watch ${dir}: more than ${MAX_WATCHED_FILES.toLocaleString('en-US')} files; ${HINT}`;
  }
  return undefined;
}
