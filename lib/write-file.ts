import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OutputError, OutputExistsError, type GivenAs } from './errors.js';
import { firstFew } from './short-list.js';

/**
 * Whether an existing file may be replaced, and how a refusal names that option (`givenAs.force`: the CLI's `--force`;
 * by default `force: true`).
 */
export interface WriteOptions {
  force?: boolean;
  givenAs?: GivenAs;
}

/** A file to write: where, and what. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * An output to check before it is written: its path alone while its content is not known yet (any file there counts
 * as one to replace), or the file with its content (a file that holds those very bytes already loses nothing).
 */
export type PlannedOutput = string | OutputFile;

/** What writing a file did: wrote it, or left it untouched because it held those very bytes already. */
export type WriteOutcome = 'written' | 'unchanged';

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

/** Whether `file` (a regular file, or a link to one) holds exactly `content`: false when it differs or cannot be read. */
function holdsContent(file: string, content: string | Uint8Array): boolean {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    return statSync(file).size === bytes.length && readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}

function pathOf(output: PlannedOutput): string {
  return typeof output === 'string' ? output : output.path;
}

/**
 * The outputs that only `force` may replace: each exists as a file (a dangling symbolic link counts) and, where its
 * content is given, holds other bytes. A file that holds the very bytes to be written is no such output: writing it
 * would lose nothing, and it is left as it is. Each of the others must be a character device or FIFO (written into,
 * like `cat`: `--out /dev/null`) or not exist yet.
 * @throws OutputError for a folder, a socket or a block device, or a path that cannot be looked at.
 */
export function existingOutputs(outputs: readonly PlannedOutput[]): string[] {
  return outputs
    .filter((output) => targetOf(pathOf(output)).kind === 'file' && (typeof output === 'string' || !holdsContent(output.path, output.content)))
    .map(pathOf);
}

/**
 * Check that each output can be written as a file, whatever is there now: refuse a folder, a socket or a block
 * device, or a path through a file, before a command reads its inputs. @throws OutputError
 */
export function assertOutputPaths(files: readonly string[]): void {
  for (const file of files) targetOf(file);
}

/** Whether `file` is a character device or FIFO (`/dev/null`, a named pipe), which is written into as a stream. @throws OutputError */
export function isStreamOutput(file: string): boolean {
  return targetOf(file).kind === 'stream';
}

/**
 * The refusal of `files`, each an existing file; `contentKnown`: each was compared with the bytes to be written, so
 * that one that can be read holds others (a dangling symbolic link holds none).
 */
function outputExistsError(files: readonly string[], contentKnown: boolean, givenAs: GivenAs | undefined): OutputExistsError {
  const one = files.length === 1;
  const force = givenAs?.force ?? 'force: true';
  const other = contentKnown && files.every((file) => existsSync(file)) ? ' with other content' : '';
  const message = `${firstFew(files)} already exist${one ? 's' : ''}${other}; pass ${force} to overwrite ${one ? 'it' : 'them'}`;
  return new OutputExistsError(files[0]!, message, files);
}

/**
 * Check every output of a command before the first is written, so that a refused run writes nothing (see
 * `existingOutputs`). @throws OutputExistsError naming every output that exists, unless `force`; OutputError.
 */
export function assertWritable(outputs: readonly PlannedOutput[], options: WriteOptions = {}): void {
  if (options.force) return assertOutputPaths(outputs.map(pathOf));
  const refused = existingOutputs(outputs);
  if (!refused.length) return;
  const contentKnown = outputs.every((output) => typeof output !== 'string' || !refused.includes(output));
  throw outputExistsError(refused, contentKnown, options.givenAs);
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
 * complete, and a failed write leaves the old file intact. A replaced file keeps its permissions. A file that holds
 * these very bytes already is left untouched (`'unchanged'`, its time and links kept): writing it would lose nothing.
 * Without `force`, an existing file of other content is never replaced. A character device or FIFO is written into
 * as a stream (like `cat`); anything else that is not a regular file is refused.
 * @throws OutputExistsError when the file exists with other content and `force` is not set; OutputError when it
 * cannot be written there.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: WriteOptions = {}): WriteOutcome {
  const target = targetOf(file);
  if (target.kind === 'stream') {
    try {
      writeFileSync(file, content);
      return 'written';
    } catch (error) {
      throw outputError(file, error);
    }
  }
  if (target.kind === 'file' && holdsContent(file, content)) return 'unchanged';
  if (target.kind === 'file' && !options.force) throw outputExistsError([file], true, options.givenAs);
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
  let named = true;
  try {
    if (options.force) renameSync(temporary, file);
    else named = linkNew(temporary, file);
  } catch (error) {
    throw outputError(file, error);
  } finally {
    endTemporary(temporary);
  }
  // A file that appeared meanwhile, written by another run: the same bytes lose nothing.
  if (named) return 'written';
  if (holdsContent(file, content)) return 'unchanged';
  throw outputExistsError([file], true, options.givenAs);
}

/**
 * Give `temporary` the name `file` only if no file has it: a hard link fails when the name is taken, atomically.
 * Returns false when the name is taken.
 */
function linkNew(temporary: string, file: string): boolean {
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // File systems without hard links (some network and FAT mounts): check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw error;
    if (lstatOrUndefined(file)) return false;
    renameSync(temporary, file);
    return true;
  }
}

/**
 * Write several files all or nothing up front: every target is checked (`assertWritable`) before the first is
 * written; each file is then written atomically, but for a file that holds its very bytes already, left untouched.
 * Returns the paths written, in order: those left untouched are not among them.
 * @throws OutputExistsError naming each file that exists with other content, when `force` is not set (nothing is
 * written); OutputError.
 */
export function writeFilesAtomic(files: readonly OutputFile[], options: WriteOptions = {}): string[] {
  assertWritable(files, options);
  return files.filter(({ path, content }) => writeFileAtomic(path, content, { force: options.force, givenAs: options.givenAs }) === 'written').map(({ path }) => path);
}
