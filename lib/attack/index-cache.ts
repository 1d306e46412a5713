import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../write-file.js';
import { INDEX_FORMAT, type AttackIndexData } from './types.js';

/**
 * The index cache: one compact index per release file, keyed by the sha256 of the file's bytes, under
 * `<cacheDir>/index/`. A small fingerprint table (path, size, mtime -> sha256) lets a repeat run find the index
 * without reading the release file at all; a changed file has a new size or mtime and is hashed again.
 */
export class IndexCache {
  private readonly dir: string;
  private fingerprints?: Record<string, { size: number; mtimeMs: number; sha256: string }>;

  constructor(cacheDir: string) {
    this.dir = join(cacheDir, 'index');
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
      writeFileAtomic(join(this.dir, 'fingerprints.json'), JSON.stringify(table), { force: true });
      this.fingerprints = table;
    } catch {
      // A read-only or full cache folder costs speed, not correctness.
    }
  }

  private path(sha256: string, releaseHint: string | undefined): string {
    return join(this.dir, `${sha256}.${releaseHint ?? 'named'}.v${INDEX_FORMAT}.json`);
  }

  private table(): Record<string, { size: number; mtimeMs: number; sha256: string }> {
    if (!this.fingerprints) {
      try {
        this.fingerprints = JSON.parse(readFileSync(join(this.dir, 'fingerprints.json'), 'utf8'));
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
