import { chmodSync, linkSync, lstatSync, mkdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OutputError, OutputExistsError, type GivenAs } from './errors.js';

/**
 * Whether an existing file may be replaced, and how a refusal names that option (`givenAs.force`: the CLI's `--force`;
 * by default `force: true`).
 */
export interface WriteOptions {
  force?: boolean;
  givenAs?: GivenAs;
}

/** What is at an output path now: nothing, a regular file to replace, or a device or FIFO to write into. */
type Target = { kind: 'none' } | { kind: 'file'; mode?: number } | { kind: 'stream' };

/** Operating system errors while writing: what each means, and what to do. */
const REASONS: Readonly<Record<string, readonly [reason: string, advice: string]>> = {
  EACCES: ['permission denied', 'write it where you may write, or make the folder writable'],
  EPERM: ['permission denied', 'write it where you may write, or make the folder writable'],
  EROFS: ['the file system is read-only', 'write it on a writable disk'],
  EISDIR: ['it is a folder', 'give the name of a file'],
  ENOTDIR: ['a part of the path is a file, not a folder', 'give a path whose folders are folders'],
  ENOSPC: ['no space left on the device', 'free some space, or write it on another disk'],
  EDQUOT: ['the disk quota is used up', 'free some space, or write it on another disk'],
  ENAMETOOLONG: ['the name is too long', 'give a shorter name'],
  ELOOP: ['too many symbolic links', 'give a path without a loop of symbolic links'],
  ENXIO: ['no process reads from it', 'start the program that reads from it first'],
};

/** An operating system error while writing `file`, as a one-line message that says what to do. */
export function outputError(file: string, error: unknown): OutputError {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  const notAFolder = code === 'ENOTDIR' ? fileOnPath(file) : undefined;
  if (notAFolder !== undefined) {
    return new OutputError(file, `${file}: cannot write it (${notAFolder} is a file, not a folder, ENOTDIR); give a path whose folders are folders`, error, { notAFolder });
  }
  const known = REASONS[code];
  const why = known ? `${known[0]}, ${code}); ${known[1]}` : `${(error as Error)?.message ?? String(error)})`;
  return new OutputError(file, `${file}: cannot write it (${why}`, error);
}

/** The folder of `file`'s path, or one above it, that is a file (`a.json` of `a.json/b/c.json`), if any. */
function fileOnPath(file: string): string | undefined {
  for (let at = dirname(file); at !== dirname(at); at = dirname(at)) {
    try {
      if (!statSync(at).isDirectory()) return at;
    } catch {
      // A path below a file cannot be looked at (ENOTDIR); look further up.
    }
  }
  return undefined;
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    // A path through a file (`a.json/b`) cannot be written either; say so now rather than after other files.
    throw outputError(file, error);
  }
}

/** What `file` is now, following a symbolic link to learn whether it leads to a device or FIFO. @throws OutputError */
function targetOf(file: string): Target {
  const link = lstatOrUndefined(file);
  if (!link) return { kind: 'none' };
  let stats = link;
  if (link.isSymbolicLink()) {
    try {
      stats = statSync(file);
    } catch {
      // A dangling link: replacing it replaces the link, nothing else.
      return { kind: 'file' };
    }
  }
  if (stats.isFile()) return { kind: 'file', mode: stats.mode & 0o777 };
  if (stats.isCharacterDevice() || stats.isFIFO()) return { kind: 'stream' };
  if (stats.isDirectory()) throw new OutputError(file, `${file} is a folder; give the name of a file to write`);
  throw new OutputError(file, `${file} is not a regular file (a ${stats.isSocket() ? 'socket' : 'block device'}); refusing to replace it, choose another output path`);
}

/**
 * The outputs that exist as files (a dangling symbolic link counts), which only `force` may replace; each of the
 * others must be a character device or FIFO (written into, like `cat`: `--out /dev/null`) or not exist yet.
 * @throws OutputError for a folder, a socket or a block device, or a path that cannot be looked at.
 */
export function existingOutputs(files: readonly string[]): string[] {
  return files.filter((file) => targetOf(file).kind === 'file');
}

/** Whether `file` is a character device or FIFO (`/dev/null`, a named pipe), which is written into as a stream. @throws OutputError */
export function isStreamOutput(file: string): boolean {
  return targetOf(file).kind === 'stream';
}

/**
 * Check every output of a command before the first is written, so that a refused run writes nothing (see
 * `existingOutputs`). @throws OutputExistsError for the first that exists, unless `force`; OutputError.
 */
export function assertWritable(files: readonly string[], options: WriteOptions = {}): void {
  const existing = existingOutputs(files);
  if (!options.force && existing.length) throw new OutputExistsError(existing[0]!, options.givenAs);
}

/** The temporary files on disk now, each beside the file it is to become. */
const temporaries = new Set<string>();

/** For a temporary file, the folder it is made in and the highest folder its write created on the way (see `makeFolderFor`). */
const createdFolders = new Map<string, readonly [folder: string, top: string]>();

/** Who is told of a file before its temporary file is made, and when none is left (one listener; see `onTemporaryFile`). */
let beforeTemporary: ((file: string) => void) | undefined;
let noneLeft: (() => void) | undefined;

/**
 * Call `listener` with the name of each file about to be written through a temporary file (an output, a cache file, a
 * release being downloaded into the cache), before that temporary file is made, and `done`, if given, each time the
 * last temporary file of the writes under way is gone (`undefined` removes both). The CLI's bin uses it to take over
 * Ctrl-C and SIGTERM while files are written: the process then stops once the write under way is done, and
 * `removeTemporaryFiles` leaves nothing behind.
 */
export function onTemporaryFile(listener: ((file: string) => void) | undefined, done?: () => void): void {
  beforeTemporary = listener;
  noneLeft = listener ? done : undefined;
}

/**
 * Remove the temporary files of the writes under way (none once every write is done or has failed), and the folders
 * those writes created, when they are empty then (a first download into a cache that did not exist).
 */
export function removeTemporaryFiles(): void {
  for (const temporary of temporaries) removeTemporary(temporary);
  temporaries.clear();
}

/** Remove `temporary`, then the folders its write created as long as they are empty: never a folder that was there before. */
function removeTemporary(temporary: string): void {
  rmSync(temporary, { force: true });
  const created = createdFolders.get(temporary);
  createdFolders.delete(temporary);
  if (created) removeEmptyFolders(...created);
}

/** Remove `folder` and its parents up to `top` as long as they are empty. */
function removeEmptyFolders(folder: string, top: string): void {
  for (let at = resolve(folder); ; at = dirname(at)) {
    try {
      rmdirSync(at);
    } catch {
      return;
    }
    if (at === resolve(top) || dirname(at) === at) return;
  }
}

/**
 * Make `folder` (and its parents) for `temporary`, a temporary file already started (`startTemporary`): the folders
 * this makes are removed with the temporary file when they are empty then, whether the write is given up, fails or
 * is stopped by a signal (`removeTemporaryFiles`); a folder that existed is never removed.
 */
export function makeFolderFor(temporary: string, folder: string): void {
  const top = mkdirSync(folder, { recursive: true });
  if (top !== undefined && temporaries.has(temporary)) createdFolders.set(temporary, [folder, top]);
}

/** Whether a write under way has a temporary file on disk now. */
export function hasTemporaryFiles(): boolean {
  return temporaries.size > 0;
}

/** Say that `temporary` is about to be made on the way to `file` (see `onTemporaryFile`); `endTemporary` removes it. */
export function startTemporary(file: string, temporary: string): void {
  beforeTemporary?.(file);
  temporaries.add(temporary);
}

/** Remove `temporary` (renamed already, or given up) and the folders its write created if they are empty, and forget it. */
export function endTemporary(temporary: string): void {
  removeTemporary(temporary);
  if (temporaries.delete(temporary) && !temporaries.size) noneLeft?.();
}

/**
 * Write a file atomically: the content goes to a temporary file beside it, which then takes the final name, so a
 * reader never sees half a file, nothing (not even an empty file) appears under the name before the content is
 * complete, and a failed write leaves the old file intact. A replaced file keeps its permissions. Without `force`, an
 * existing file is never replaced. A character device or FIFO is written into as a stream (like `cat`); anything
 * else that is not a regular file is refused.
 * @throws OutputExistsError when the file exists and `force` is not set; OutputError when it cannot be written there.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  const target = targetOf(file);
  if (target.kind === 'stream') {
    try {
      return writeFileSync(file, content);
    } catch (error) {
      throw outputError(file, error);
    }
  }
  if (target.kind === 'file' && !options.force) throw new OutputExistsError(file, options.givenAs);
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  startTemporary(file, temporary);
  try {
    makeFolderFor(temporary, dirname(file));
    writeFileSync(temporary, content, { flag: 'wx' });
    if (target.kind === 'file' && target.mode !== undefined) chmodSync(temporary, target.mode);
  } catch (error) {
    endTemporary(temporary);
    throw outputError(file, error);
  }
  try {
    if (options.force) renameSync(temporary, file);
    else linkNew(temporary, file, options.givenAs);
  } catch (error) {
    if (error instanceof OutputExistsError) throw error;
    throw outputError(file, error);
  } finally {
    endTemporary(temporary);
  }
}

/** Give `temporary` the name `file` only if no file has it: a hard link fails when the name is taken, atomically. */
function linkNew(temporary: string, file: string, givenAs?: GivenAs): void {
  try {
    linkSync(temporary, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new OutputExistsError(file, givenAs);
    // File systems without hard links (some network and FAT mounts): check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw error;
    if (lstatOrUndefined(file)) throw new OutputExistsError(file, givenAs);
    renameSync(temporary, file);
  }
}

/**
 * Write several files all or nothing up front: every target is checked (`assertWritable`) before the first is
 * written; each file is then written atomically.
 * @throws OutputExistsError when a file exists and `force` is not set (nothing is written); OutputError.
 */
export function writeFilesAtomic(files: readonly { path: string; content: string | Uint8Array }[], options: WriteOptions = {}): void {
  assertWritable(files.map(({ path }) => path), options);
  for (const { path, content } of files) writeFileAtomic(path, content, { force: options.force, givenAs: options.givenAs });
}
