import { join, relative } from 'node:path';
import { UsageError } from '../errors.js';
import { readFolder, statInput, STDIN } from '../read-text.js';

/** A layer file to read, and its path relative to the folder it was found in (its own name for a file given). */
export interface LayerPath {
  path: string;
  relative: string;
}

function walk(dir: string, into: string[]): void {
  const entries = readFolder(dir);
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, into);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) into.push(path);
  }
}

/**
 * The layer files named by some paths: `-` for standard input, a file as given, a folder as every `.json` file under it (hidden folders and
 * node_modules aside), sorted by path. @throws UsageError for a path that does not exist or a folder with no `.json` file.
 */
export function listLayerFiles(paths: readonly string[]): LayerPath[] {
  const files: LayerPath[] = [];
  for (const path of paths) {
    if (path === STDIN) {
      // Under an --out folder, standard input's layer is written as stdin.json.
      files.push({ path, relative: 'stdin.json' });
      continue;
    }
    const stats = statInput(path);
    if (!stats) throw new UsageError(`${path}: no such file or folder`);
    const isDirectory = stats.isDirectory();
    if (!isDirectory) {
      files.push({ path, relative: path.split(/[\\/]/).pop() ?? path });
      continue;
    }
    const found: string[] = [];
    walk(path, found);
    if (!found.length) throw new UsageError(`${path}: no .json layer files in this folder`);
    for (const file of found) files.push({ path: file, relative: relative(path, file) });
  }
  return files;
}
