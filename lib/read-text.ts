import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { InputError, UsageError } from './errors.js';

/** How a text file's bytes were encoded. */
export type TextEncoding = 'utf-8' | 'utf-8 with BOM' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'utf-8 and windows-1252';

/** A file's text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Files that are not text, known by their first bytes, and what to do with each. */
const BINARY_KINDS: ReadonlyArray<readonly [magic: readonly number[], what: string]> = [
  [[0x1f, 0x8b], 'a gzip file; decompress it first (gunzip)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (an .xlsx or .docx file is one); save or export it as CSV, JSON or text first'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF; convert it to text first (pdftotext)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document (.xls, .doc); save it as CSV or text first'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'a zstd-compressed file; decompress it first'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'an xz-compressed file; decompress it first'],
];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((byte, i) => bytes[i] === byte);

/**
 * Decode the bytes of a text file the user gave us, whatever wrote it: UTF-8 with or without a byte-order mark,
 * UTF-16 LE or BE with a BOM (mitreattack-python writes its layers so) or without one when the NUL pattern of ASCII
 * text gives it away, else Windows-1252 (what Excel saves on Windows) when the bytes are not valid UTF-8 (a byte that
 * is not UTF-8 in UTF-8 text only: `utf8AndWindows1252`). The BOM is
 * not part of the text. @throws InputError naming the file when it is not text at all (gzip, zip/xlsx, PDF, ...).
 */
export function decodeTextBytes(bytes: Uint8Array, file: string): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, [0xef, 0xbb, 0xbf])) return { text: buffer.toString('utf8', 3), encoding: 'utf-8 with BOM' };
  if (startsWith(buffer, [0xff, 0xfe])) return { text: utf16(buffer.subarray(2), 'le'), encoding: 'utf-16le' };
  if (startsWith(buffer, [0xfe, 0xff])) return { text: utf16(buffer.subarray(2), 'be'), encoding: 'utf-16be' };
  for (const [magic, what] of BINARY_KINDS) {
    if (startsWith(buffer, magic)) throw new InputError(`${file}: this is ${what}`, { file });
  }
  // UTF-16 without a BOM: ASCII text shows as every other byte NUL.
  const [b0, b1, b2, b3] = buffer;
  if (buffer.length >= 4 && b0 && !b1 && b2 && !b3) return { text: utf16(buffer, 'le'), encoding: 'utf-16le' };
  if (buffer.length >= 4 && !b0 && b1 && !b2 && b3) return { text: utf16(buffer, 'be'), encoding: 'utf-16be' };
  const nul = buffer.subarray(0, 8192).indexOf(0);
  if (nul >= 0) throw new InputError(`${file}: this is a binary file (a NUL byte at offset ${nul}), not text; give a text, YAML, JSON or CSV file`, { file });
  if (isUtf8(buffer)) return { text: buffer.toString('utf8'), encoding: 'utf-8' };
  // UTF-8 text with a stray byte or two of Windows-1252 (a curly quote pasted from Word into a UTF-8 file) is read as
  // both: read as Windows-1252 alone, its every accented letter, dash and quote would be two or three wrong ones.
  const mixed = utf8AndWindows1252(buffer);
  if (mixed !== undefined) return { text: mixed, encoding: 'utf-8 and windows-1252' };
  return { text: windows1252(buffer), encoding: 'windows-1252' };
}

/** The length of the well-formed UTF-8 sequence (RFC 3629) of two bytes or more that starts at `at`, else 0. */
function utf8SequenceAt(bytes: Buffer, at: number): number {
  const lead = bytes[at]!;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (!length || at + length > bytes.length) return 0;
  // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
  const second = bytes[at + 1]!;
  const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) if ((bytes[at + k]! & 0xc0) !== 0x80) return 0;
  return length;
}

/**
 * Bytes that are not UTF-8 but hold well-formed UTF-8 sequences of non-ASCII characters: those read as UTF-8, every
 * other byte above 0x7f as Windows-1252. Undefined when they hold no such sequence (Windows-1252 text).
 */
function utf8AndWindows1252(bytes: Buffer): string | undefined {
  const parts: string[] = [];
  let sequences = 0;
  let run = 0;
  for (let at = 0; at < bytes.length; ) {
    if (bytes[at]! < 0x80) {
      at++;
      continue;
    }
    const length = utf8SequenceAt(bytes, at);
    if (length) {
      sequences++;
      at += length;
      continue;
    }
    parts.push(bytes.toString('utf8', run, at), windows1252(bytes.subarray(at, at + 1)));
    run = ++at;
  }
  if (!sequences) return undefined;
  parts.push(bytes.toString('utf8', run));
  return parts.join('');
}

/** Windows-1252's characters for bytes 0x80..0x9f (undefined ones kept as the C1 control of the same number). */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

// Node's TextDecoder('windows-1252') decodes as ISO-8859-1, leaving 0x80..0x9f as C1 controls; hence this table.
function windows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

/** The text of `decodeTextBytes`. @throws InputError when the bytes are not text. */
export function decodeText(bytes: Uint8Array, file: string): string {
  return decodeTextBytes(bytes, file).text;
}

function utf16(bytes: Buffer, order: 'le' | 'be'): string {
  // An odd last byte is a truncated character: dropped, as a decoder would replace it.
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  if (order === 'le') return even.toString('utf16le');
  const swapped = Buffer.from(even);
  swapped.swap16();
  return swapped.toString('utf16le');
}

/** The file name that stands for standard input, as in most command-line tools. */
export const STDIN = '-';

/** How messages name standard input. */
export const STDIN_NAME = '<stdin>';

/** Where `-` reads from: standard input's bytes, which the caller reads (lib/ never touches the process's streams). */
export interface InputOptions {
  stdin?: Uint8Array;
}

/** The name messages give a file the user named: `<stdin>` for `-`. */
export function inputName(file: string): string {
  return file === STDIN ? STDIN_NAME : file;
}

/**
 * Read the bytes of a file the user named (`-`: the `stdin` of `input`); `path` is where to read it when that differs
 * from the name shown (a name resolved against a working folder).
 * @throws UsageError naming the file and what is wrong (missing, a folder, unreadable, no standard input given).
 */
export function readFileBytes(file: string, path: string = file, input: InputOptions = {}): Buffer {
  if (file === STDIN) {
    if (!input.stdin) throw new UsageError('- (standard input) cannot be read here; name a file');
    return Buffer.from(input.stdin.buffer, input.stdin.byteOffset, input.stdin.byteLength);
  }
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file; name a file in it' : unreadable(error, 'it');
    throw new UsageError(`${file}: ${why}`, { file, cause: error });
  }
}

/**
 * Why a file or folder the user named cannot be read, and what to do: `permission denied; make it readable…`. A loop of
 * symbolic links said `cannot read it and its folders (ELOOP)`, and any other reason its code alone, with nothing to do.
 */
export function unreadable(error: unknown, what: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied; make ${what} readable for you (chmod), or give a copy you may read`;
  if (code === 'ELOOP') return 'too many symbolic links (ELOOP): they lead round in a loop; give a path without a loop of symbolic links';
  return `cannot read ${what} (${code ?? String(error)}); check the path`;
}

/**
 * What is at a path the user named: its `Stats`, or undefined when nothing is there.
 * @throws UsageError naming the path when it cannot be looked at (a folder on the way that is not open to the user),
 * rather than call it missing.
 */
export function statInput(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new UsageError(`${path}: ${unreadable(error, 'it and its folders')}`, { file: path, cause: error });
  }
}

/**
 * The entries of a folder the user named (or one found in it), sorted by name (by UTF-16 code units, the same on
 * every machine). @throws UsageError naming the folder when it cannot be listed (no permission to read it).
 */
export function readFolder(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    throw new UsageError(`${folder}: ${unreadable(error, 'the folder')}`, { file: folder, cause: error });
  }
}

/**
 * Read a text file the user named (`-` for the `stdin` of `input`), in whatever encoding `decodeTextBytes` recognises.
 * @throws UsageError when it cannot be read; InputError when it is not text.
 */
export function readTextFile(file: string, path: string = file, input: InputOptions = {}): string {
  return decodeText(readFileBytes(file, path, input), inputName(file));
}
