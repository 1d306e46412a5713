import { extname, join, relative } from 'node:path';
import { CAMPAIGN_EXTENSIONS } from '../campaign/read-campaign.js';
import { UsageError } from '../errors.js';
import { readFolder, statInput, STDIN } from '../read-text.js';

/** A layer file to read, and its path relative to the folder it was found in (its own name for a file given). */
export interface LayerPath {
  path: string;
  relative: string;
  /** Set when the file was found in a folder given (with `campaigns`), not named on its own. */
  inFolder?: true;
}

function walk(dir: string, into: string[], extensions: readonly string[]): void {
  const entries = readFolder(dir);
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, into, extensions);
    else if (entry.isFile() && extensions.includes(extname(entry.name).toLowerCase())) into.push(path);
  }
}

/**
 * The layer files named by some paths: `-` for standard input, a file as given, a folder as every `.json` file under it (hidden folders and
 * node_modules aside), sorted by path; with `campaigns`, the campaign files under it too (`.yaml`, `.yml`), each marked `inFolder`.
 * @throws UsageError for a path that does not exist or a folder with no such file.
 */
export function listLayerFiles(paths: readonly string[], options: { campaigns?: boolean } = {}): LayerPath[] {
  const extensions = options.campaigns ? ['.json', ...CAMPAIGN_EXTENSIONS.filter((extension) => extension !== '.json')] : ['.json'];
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
    walk(path, found, extensions);
    if (!found.length) {
      throw new UsageError(`${path}: no .json layer files${options.campaigns ? ` or campaign files (${CAMPAIGN_EXTENSIONS.map((e) => `*${e}`).join(', ')})` : ''} in this folder`);
    }
    for (const file of found) files.push({ path: file, relative: relative(path, file), ...(options.campaigns ? { inFolder: true as const } : {}) });
  }
  return files;
}
