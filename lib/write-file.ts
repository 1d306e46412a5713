import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
