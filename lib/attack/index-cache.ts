import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../write-file.js';
import { cachePath } from './cache-path.js';
import { INDEX_FORMAT, type AttackIndexData } from './types.js';

/** A release file's path -> its size and mtime when it was hashed, and the hash. */
type Fingerprints = Record<string, { size: number; mtimeMs: number; sha256: string }>;

/**
 * The index cache: one compact index per release file, keyed by the sha256 of the file's bytes, under
 * `<cacheDir>/index/`. A small fingerprint table (path, size, mtime -> sha256) lets a repeat run find the index
 * without reading the release file at all; a changed file has a new size or mtime and is hashed again.
 */
export class IndexCache {
  private readonly cacheDir: string;
  private fingerprints?: Fingerprints;

  constructor(cacheDir: string) {
    this.cacheDir = cacheDir;
  }

  /** The content hash recorded for a file whose size and mtime have not changed since, if any. */
  knownHash(file: string): string | undefined {
    const stat = statSafe(file);
    const entry = this.table()[resolve(file)];
    return stat && entry && entry.size === stat.size && entry.mtimeMs === stat.mtimeMs ? entry.sha256 : undefined;
  }

  /** The cached index for a content hash and release hint, if present and of the current format. */
  read(sha256: string, releaseHint: string | undefined): AttackIndexData | undefined {
    try {
      const data = JSON.parse(readFileSync(this.path(sha256, releaseHint), 'utf8')) as AttackIndexData;
      return data.format === INDEX_FORMAT && data.source?.sha256 === sha256 ? data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Store an index and remember the file's fingerprint. Failures are ignored: the cache only saves time. */
  write(file: string, data: AttackIndexData, releaseHint: string | undefined): void {
    try {
      writeFileAtomic(this.path(data.source.sha256, releaseHint), asciiJson(data), { force: true });
      const stat = statSafe(file);
      if (!stat) return;
      const table = { ...this.table(), [resolve(file)]: { size: stat.size, mtimeMs: stat.mtimeMs, sha256: data.source.sha256 } };
      writeFileAtomic(cachePath(this.cacheDir, 'index', 'fingerprints.json'), JSON.stringify(table), { force: true });
      this.fingerprints = table;
    } catch {
      // A read-only or full cache folder costs speed, not correctness.
    }
  }

  private path(sha256: string, releaseHint: string | undefined): string {
    return cachePath(this.cacheDir, 'index', `${sha256}.${releaseHint ?? 'named'}.v${INDEX_FORMAT}.json`);
  }

  private table(): Fingerprints {
    if (!this.fingerprints) {
      try {
        const table = JSON.parse(readFileSync(cachePath(this.cacheDir, 'index', 'fingerprints.json'), 'utf8')) as unknown;
        // A damaged table (`null`, a list) only costs a hash of each file; it is rewritten on the next index written.
        this.fingerprints = typeof table === 'object' && table !== null && !Array.isArray(table) ? (table as Fingerprints) : {};
      } catch {
        this.fingerprints = {};
      }
    }
    return this.fingerprints!;
  }
}

/**
 * JSON text with every non-ASCII character as a \u escape. A few in a release's descriptions (’, “, ä) are enough
 * for V8 to decode the whole file slowly into a two-byte string; an ASCII file reads ~2 ms faster, and parses to the
 * same value.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function statSafe(file: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
