import { firstFew, writeFilesAtomic, type OutputFile } from '../index.js';
import { FLAG_WORDS, note, type CliContext, type GlobalArgs } from './context.js';

/** A command's output file, with its name as the user wrote it (`out/a.layer.json`) when `path` is resolved. */
export interface CommandOutput extends OutputFile {
  name?: string;
}

/**
 * Say in one line on stderr which outputs were left untouched because each held the very bytes the run would write
 * (`out/apt32.layer.json: unchanged, it holds this content already`), so that a run that rewrote nothing says so.
 */
export function noteUnchanged(context: CliContext, args: GlobalArgs, names: readonly string[]): void {
  if (!names.length) return;
  note(context, args, `${firstFew(names)}: unchanged, ${names.length === 1 ? 'it holds' : 'they hold'} this content already`);
}

/**
 * Write a command's output files, all or nothing up front (`writeFilesAtomic`): a file of other content is replaced
 * only with --force, each refused named; a file of the same content is left untouched and said to be unchanged.
 * @throws OutputExistsError naming every file that --force would replace; OutputError.
 */
export function writeOutputs(context: CliContext, args: GlobalArgs & { force?: boolean }, files: readonly CommandOutput[]): void {
  const written = new Set(writeFilesAtomic(files, { force: args.force, givenAs: FLAG_WORDS }));
  noteUnchanged(context, args, files.filter(({ path }) => !written.has(path)).map(({ path, name }) => name ?? path));
}
