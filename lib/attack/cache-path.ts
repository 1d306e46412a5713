import { isAbsolute, join, relative, resolve } from 'node:path';
import { AttackDataError } from '../errors.js';

/**
 * The path of a file (or folder) in the attack-layers cache: use it for every path the cache writes or reads
 * (releases, `sources.json`, the index, the procedures, and any new cache file beside them). Each name must be one
 * plain file or folder name (no separator, not `.` or `..`), so that a version or domain taken from input can never
 * lead outside the cache folder; the joined path is checked to stay inside it as well.
 * @throws AttackDataError naming the offending name when it would leave the cache folder.
 */
export function cachePath(cacheDir: string, ...names: string[]): string {
  for (const name of names) {
    if (!name || name === '.' || name === '..' || /[/\\\u0000]/.test(name)) {
      throw new AttackDataError(`${JSON.stringify(name)} cannot be a file name in the ATT&CK data cache ${cacheDir}; refusing to write outside it`);
    }
  }
  const path = join(cacheDir, ...names);
  const inside = relative(resolve(cacheDir), resolve(path));
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) {
    throw new AttackDataError(`${path} is not inside the ATT&CK data cache ${cacheDir}; refusing to write outside it`);
  }
  return path;
}
