import { readFileSync } from 'node:fs';
import { UsageError } from './errors.js';

/**
 * Read a UTF-8 text file the user named; `path` is where to read it when that differs from the name shown (a name
 * resolved against a working folder). @throws UsageError naming the file and the system's reason.
 */
export function readTextFile(file: string, path: string = file): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the path`, {
      cause: error,
    });
  }
}
