import { compareText } from './compare-text.js';
import { InputError, InvalidYamlError, numberedIssues } from './errors.js';
import { firstFew } from './short-list.js';

/** A file to read, and whether it was found in a folder the user gave (true) or named on its own (false). */
export interface FoundFile {
  path: string;
  found: boolean;
}

/**
 * The files of a command's inputs, read one at a time: a file found in a folder that is no input of the command (an
 * InputError: invalid JSON, an empty file, a file of another kind, a campaign refused whole) is left out, its message
 * kept, so that the command works on the others and says why each was left out. A file named on its own is read as
 * given, its error refusing the run.
 */
export class FolderFiles {
  /** Every file, in reading order. */
  readonly paths: string[];
  readonly #found: ReadonlySet<string>;
  readonly #leftOut: string[] = [];

  constructor(files: readonly FoundFile[]) {
    this.paths = files.map((file) => file.path);
    this.#found = new Set(files.filter((file) => file.found).map((file) => file.path));
  }

  /** What `read` returns for `path`; undefined when `path` was found in a folder and `read` threw an InputError. */
  read<T>(path: string, read: () => T): T | undefined {
    if (!this.#found.has(path)) return read();
    try {
      return read();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.#leftOut.push(leftOutLine(error));
      return undefined;
    }
  }

  /** Leave out a file found in a folder for a reason its reader found without an error (`line`: the file, then why). */
  leaveOut(line: string): void {
    this.#leftOut.push(line);
  }

  /** Why each file left out was, one line each, in the order of the files (each message starts with its file's name). */
  get leftOut(): string[] {
    return [...this.#leftOut].sort(compareText);
  }

  /**
   * @throws InputError when files were left out and none was read (`read` false), listing why each was: a folder none
   * of whose files is an input of the command is refused, as one file of no such input is.
   */
  assertSomeRead(paths: readonly string[], read: boolean, what: string): void {
    if (read || !this.#leftOut.length) return;
    throw new InputError(`${firstFew(paths)}: no file there is ${what}:\n${this.leftOut.map((line) => `  ${line}`).join('\n')}`);
  }
}

/**
 * Why a file was left out, on one line: its error's message, or for a file of several YAML syntax errors each of them
 * at its line and column, numbered, so that all can be mended before the next run (the message names the first only).
 */
function leftOutLine(error: InputError): string {
  if (!(error instanceof InvalidYamlError) || error.issues.length < 2) return error.message;
  return `${error.file}: ${error.issues.length} YAML syntax errors: ${numberedIssues(error.issues)}`;
}
