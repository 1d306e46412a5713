import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { OutputExistsError } from './errors.js';

/**
 * Write a file atomically (a temporary file beside it, then a rename), so a reader never sees half a file and a
 * failed write leaves the old one intact. Without `force`, an existing file is never replaced.
 * @throws OutputExistsError when the file exists and `force` is not set.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: { force?: boolean } = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, content, { flag: 'wx' });
  try {
    if (!options.force) {
      try {
        writeFileSync(file, '', { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputExistsError(file);
        throw error;
      }
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** True when something (a file, folder or link, even a dangling one) is at `path`. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Write several files all or nothing up front: without `force`, every target is checked for existence before the
 * first is written; each file is then written atomically.
 * @throws OutputExistsError when a file exists and `force` is not set (nothing is written).
 */
export function writeFilesAtomic(files: readonly { path: string; content: string | Uint8Array }[], options: { force?: boolean } = {}): void {
  if (!options.force) {
    const existing = files.find(({ path }) => exists(path));
    if (existing) throw new OutputExistsError(existing.path);
  }
  for (const { path, content } of files) writeFileAtomic(path, content, { force: options.force });
}
