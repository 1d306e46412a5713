import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AttackDataError, NotAReleaseError, UsageError } from '../errors.js';
import { jsonSyntaxPlace } from '../json-text.js';
import { decodeText, readFileBytes, STDIN, STDIN_NAME, unreadable, type InputOptions } from '../read-text.js';
import { DEFAULT_MAX_BYTES, tooLargeError } from './download.js';

// node:crypto (~5 ms to load) and node:zlib are needed to read a release file, not when its index comes from the
// cache, as on most runs: loaded on first use.
const require = createRequire(import.meta.url);
const crypto = (): typeof import('node:crypto') => require('node:crypto');
const zlib = (): typeof import('node:zlib') => require('node:zlib');

/** The bytes of a release file as stored, and their sha256. */
export interface BundleBytes {
  file: string;
  bytes: Buffer;
  sha256: string;
}

/** How large a release may be, in bytes, as stored and once decompressed (default `DEFAULT_MAX_BYTES`). */
export interface BundleLimits {
  maxBytes?: number;
}

/**
 * Read a release file's raw bytes (`-`: the `stdin` of `input`). @throws UsageError when it does not exist or is not
 * a file, AttackDataError when it is larger than the limit.
 */
export function readBundleBytes(file: string, input: InputOptions & BundleLimits = {}): BundleBytes {
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;
  if (file === STDIN) {
    const bytes = readFileBytes(file, file, input);
    if (bytes.length > maxBytes) throw tooLargeError(STDIN_NAME, 'the input is', maxBytes);
    return { file: STDIN_NAME, bytes, sha256: sha256(bytes) };
  }
  let bytes: Buffer;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new UsageError(`${file}: not a file; give an ATT&CK release file (.json or .json.gz)`, { file });
    if (stats.size > maxBytes) throw tooLargeError(file, 'the file is', maxBytes);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof UsageError || error instanceof AttackDataError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file; check the path' : unreadable(error, 'it')}`, {
      file,
      cause: error,
    });
  }
  return { file, bytes, sha256: sha256(bytes) };
}

/** sha256 of some bytes, hex. */
export function sha256(bytes: Uint8Array | string): string {
  return crypto().createHash('sha256').update(bytes).digest('hex');
}

/**
 * Decode a release file's bytes and parse the JSON: gzip is recognised by its magic number, whatever the file is
 * called; brotli, which has none, by the name `.br` (the snapshot shipped in the package). Decompression stops at the
 * size limit, so a small file that inflates to gigabytes (a gzip bomb) costs no more memory than the limit.
 * @throws AttackDataError for a corrupt or truncated compressed stream or one over the limit, NotAReleaseError for
 * invalid JSON, naming the file and place.
 */
export function parseBundleBytes({ file, bytes }: BundleBytes, limits: BundleLimits = {}): unknown {
  let raw: Uint8Array = bytes;
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const brotli = !gzip && file.toLowerCase().endsWith('.br');
  if (gzip || brotli) {
    try {
      raw = gzip ? zlib().gunzipSync(bytes, { maxOutputLength: maxBytes }) : zlib().brotliDecompressSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLargeError(file, `the ${gzip ? 'gzip' : 'brotli'} data inflates to`, maxBytes);
      throw new AttackDataError(
        `${file}: the ${gzip ? 'gzip' : 'brotli'} data is corrupt or truncated (${(error as Error).message}); download or copy the file again`,
        { file, cause: error },
      );
    }
  }
  const text = decodeText(raw, file);
  // An empty file is what a failed download or copy leaves (`curl … > enterprise-attack.json`): "unexpected end of the
  // file" at line 1 would send its reader looking for a fault in JSON that is not there.
  if (!/\S/u.test(text)) {
    const what = raw !== bytes && text === '' ? `its ${gzip ? 'gzip' : 'brotli'} data holds nothing` : text === '' ? 'it is empty' : 'it holds only blank space';
    throw new NotAReleaseError(
      `${file}: no JSON in it: ${what}; an ATT&CK release is a STIX bundle in JSON, such as enterprise-attack-18.1.json: ` +
        'download or copy the whole file again (`attack-layers data fetch` downloads one)',
      { file, line: 1 },
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const { line, column, reason } = jsonSyntaxPlace(text);
    // JSON may be a release cut short; text that does not start as JSON is no release at all (a YAML campaign).
    const advice = /^\s*[[{]/.test(text) ? 'is the file complete?' : 'an ATT&CK release is a STIX bundle in JSON, such as enterprise-attack-18.1.json';
    throw new NotAReleaseError(`${file}:${line}: not valid JSON at column ${column}: ${reason}; ${advice}`, { file, line, cause: error });
  }
}
