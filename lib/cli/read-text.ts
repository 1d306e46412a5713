import { readFileSync } from 'node:fs';
import { UsageError } from '../attack/index.js';

/** Read a text file the user named; a missing or unreadable file is a usage error (exit 2). */
export function readUserFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read it (${code})`}`, { cause: error });
  }
}
