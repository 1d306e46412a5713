import type { Stats } from 'node:fs';
import { resolve } from 'node:path';
import { STDIN, UsageError, assertOutputPaths, statInput } from '../index.js';

/** The input paths given to one flag (`flag` undefined: the command's positional arguments), and what it takes. */
export interface GivenPaths {
  flag?: string;
  paths: readonly (string | undefined)[];
  /** What it takes, as the message names it: `file or folder`, `folder`, `file`. */
  takes: string;
  /** What to give instead, after the message (`give an atomics folder, …`), or of one path, undefined for none. */
  advice?: string | ((path: string) => string | undefined);
}

/**
 * Refuse a writing command's paths before anything is read: every input path that names nothing (standard input
 * aside), each by its flag, and an output that cannot be a file (a folder, a path through a file), said in one error.
 * An output that exists is not refused here: whether it may be replaced is known once its content is (`writeOutputs`),
 * a file that holds the same bytes being left as it is. `cwd`: the folder relative paths are in (where the command runs).
 * @throws UsageError naming each input missing, then the output's problem; OutputError when only the output is wrong.
 */
export function assertGivenPaths(inputs: readonly GivenPaths[], outputs: readonly string[], options: { cwd?: string } = {}): void {
  let first: string | undefined;
  const missing = inputs.flatMap(({ flag, paths, takes, advice }) =>
    [...new Set(paths)].flatMap((path) => {
      if (path === undefined || path === STDIN) return [];
      const as = `${flag ? `${flag} ` : ''}${path}`;
      const found = lookAt(options.cwd === undefined ? path : resolve(options.cwd, path));
      if (found && typeof found !== 'string') return [];
      first ??= path;
      // A path that cannot be looked at (a loop of symbolic links) is said, as a missing one, by the flag it was given to.
      if (typeof found === 'string') return [`${as}: ${found}`];
      const instead = typeof advice === 'function' ? advice(path) : advice;
      return [`${as}: no such ${takes}${instead ? `; give ${instead}` : ''}`];
    }),
  );
  if (!missing.length) return assertOutputPaths(outputs);
  let output = '';
  try {
    assertOutputPaths(outputs);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output = `; and ${error.message}`;
  }
  throw new UsageError(`${missing.join('; ')}${output}`, { file: first });
}

/**
 * What is at a path: its stats, undefined when nothing is, or why it cannot be looked at (`too many symbolic links
 * (ELOOP): …`) without the path `statInput` puts first, for the caller to name it with its flag.
 */
function lookAt(path: string): Stats | undefined | string {
  try {
    return statInput(path);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return error.message.startsWith(`${path}: `) ? error.message.slice(path.length + 2) : error.message;
  }
}
