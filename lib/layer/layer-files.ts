import { extname, join, relative } from 'node:path';
import { CAMPAIGN_EXTENSIONS } from '../campaign/read-campaign.js';
import { InputError, UsageError } from '../errors.js';
import { kindName, kindOf, noKindKeysText, parseJsonAs } from '../input-kind.js';
import { readFolder, statInput, STDIN } from '../read-text.js';

/** A layer file to read, and its path relative to the folder it was found in (its own name for a file given). */
export interface LayerPath {
  path: string;
  relative: string;
  /** Set when the file was found in a folder given, not named on its own. */
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
 * node_modules aside), sorted by path, each marked `inFolder`; with `campaigns`, the campaign files under it too (`.yaml`, `.yml`).
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
    if (!stats) throw new UsageError(`${path}: no such file or folder`, { file: path });
    const isDirectory = stats.isDirectory();
    if (!isDirectory) {
      files.push({ path, relative: path.split(/[\\/]/).pop() ?? path });
      continue;
    }
    const found: string[] = [];
    walk(path, found, extensions);
    if (!found.length) {
      throw new UsageError(`${path}: no .json layer files${options.campaigns ? ` or campaign files (${CAMPAIGN_EXTENSIONS.map((e) => `*${e}`).join(', ')})` : ''} in this folder`, { file: path });
    }
    for (const file of found) files.push({ path: file, relative: relative(path, file), inFolder: true });
  }
  return files;
}

/**
 * Parse the text of a file found in a folder of layers (as `parseJsonAs` a layer's): its value, or, for a file that is
 * plainly no layer, what it is instead, for the caller to leave it out and say so: a file of another kind (a gap
 * report, a campaign written as JSON) or JSON of no kind attack-layers reads (a package.json). A folder of layers often
 * holds such files beside them (`gap --out` writes its report beside its layers).
 * @throws InputError as `parseJsonAs` for text that is meant as a layer and cannot be read (invalid JSON): such a file
 *   is not left out, as the layers read without it would make another result.
 */
export function parseFolderLayer(text: string, file: string): { value: unknown } | { notALayer: string } {
  const instead = (what: string) => ({ notALayer: `${file}: this is ${what}, not an ATT&CK Navigator layer` });
  let value: unknown;
  try {
    value = parseJsonAs(text, file, ['layer']);
  } catch (error) {
    // Told only once the reader refused it, so that a layer's text is not parsed twice.
    const kind = error instanceof InputError ? kindOf(text) : undefined;
    if (!kind || kind === 'layer') throw error;
    return instead(kindName(kind));
  }
  const keys = noKindKeysText(value);
  return keys ? instead(`JSON of no kind attack-layers reads (${keys})`) : { value };
}
