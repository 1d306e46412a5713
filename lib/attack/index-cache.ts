import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AttackDataError } from '../errors.js';
import { writeFileAtomic } from '../write-file.js';
import type { Fresh } from './building.js';
import { cachePath } from './cache-path.js';
import { deepFreeze } from './loaded-releases.js';
import { INDEX_FORMAT, type AttackIndexData } from './types.js';

/** A release file's path -> its size and mtime when it was hashed, and the hash. */
type Fingerprints = Record<string, { size: number; mtimeMs: number; sha256: string }>;

/**
 * The parts of an index a lookup by technique ID never reads (half the index): the groups, software and campaigns. The
 * cache file keeps them on a line of their own, parsed when one of them is first used.
 */
const LAZY_PARTS = ['groups', 'software', 'campaigns'] as const;
type LazyParts = Pick<AttackIndexData, (typeof LAZY_PARTS)[number]>;

/**
 * The index cache: one compact index per release file, keyed by the sha256 of the file's bytes, under
 * `<cacheDir>/index/`. A small fingerprint table (path, size, mtime -> sha256) lets a repeat run find the index
 * without reading the release file at all; a changed file has a new size or mtime and is hashed again.
 *
 * A cache file is two lines of JSON: the index without its `LAZY_PARTS` (each `null` in its place), then those parts.
 * `technique T1193` parsed all 704 KB of enterprise 18.1's index for one technique; it now parses the first 350 KB.
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

  /**
   * The cached index for a content hash and release hint, if present and of the current format; its `LAZY_PARTS` are
   * parsed when first read (a fresh object: the caller may set its fields).
   */
  read(sha256: string, releaseHint: string | undefined): Fresh<AttackIndexData> | undefined {
    const path = this.path(sha256, releaseHint);
    try {
      const bytes = readFileSync(path);
      const end = bytes.indexOf(0x0a);
      if (end < 0) return undefined;
      const data = JSON.parse(bytes.toString('utf8', 0, end)) as Fresh<AttackIndexData>;
      if (data.format !== INDEX_FORMAT || data.source?.sha256 !== sha256) return undefined;
      return withLazyParts(data, () => parseLazyParts(bytes.toString('utf8', end + 1), path));
    } catch {
      return undefined;
    }
  }

  /** Store an index and remember the file's fingerprint. Failures are ignored: the cache only saves time. */
  write(file: string, data: AttackIndexData, releaseHint: string | undefined): void {
    try {
      const parts = Object.fromEntries(LAZY_PARTS.map((name) => [name, data[name]]));
      const rest = { ...data, ...Object.fromEntries(LAZY_PARTS.map((name) => [name, null])) };
      writeFileAtomic(this.path(data.source.sha256, releaseHint), `${asciiJson(rest)}\n${asciiJson(parts)}\n`, { force: true });
      this.remember(file, data.source.sha256);
    } catch {
      // A read-only or full cache folder costs speed, not correctness.
    }
  }

  /** Remember that a file (as it is now: size, mtime) has this content hash. Failures are ignored. */
  remember(file: string, sha256: string): void {
    try {
      const stat = statSafe(file);
      if (!stat) return;
      const table = { ...this.table(), [resolve(file)]: { size: stat.size, mtimeMs: stat.mtimeMs, sha256 } };
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
 * An index whose `LAZY_PARTS` are read through `parse` on first use. They stay enumerable fields in their place: a
 * spread, JSON.stringify or deep comparison sees the whole index. An index kept for the process is frozen
 * (loaded-releases.ts): its parts are frozen as they are parsed, and cannot be set.
 */
function withLazyParts(data: Fresh<AttackIndexData>, parse: () => LazyParts): Fresh<AttackIndexData> {
  let parts: LazyParts | undefined;
  const set: Partial<Fresh<LazyParts>> = {};
  for (const name of LAZY_PARTS) {
    Object.defineProperty(data, name, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = name in set ? set[name]! : (parts ??= parse())[name];
        return Object.isFrozen(data) ? deepFreeze(value) : value;
      },
      set: (value: AttackIndexData[typeof name]) => {
        if (Object.isFrozen(data)) throw new TypeError(`Cannot assign to read only property '${name}' of a frozen ATT&CK index`);
        set[name] = value;
      },
    });
  }
  return data;
}

/**
 * The `LAZY_PARTS` line of a cache file. The file is written whole or not at all, so only a hand-edited one fails here.
 * @throws AttackDataError naming the file when it is damaged.
 */
function parseLazyParts(text: string, path: string): LazyParts {
  let parts: unknown;
  try {
    parts = JSON.parse(text);
  } catch (error) {
    throw new AttackDataError(`${path}: a damaged ATT&CK index in the cache (${(error as Error).message}); delete the file and run again`, { file: path, cause: error });
  }
  const named = parts as Partial<LazyParts> | null;
  const missing = LAZY_PARTS.find((name) => !Array.isArray(named?.[name]));
  if (missing) throw new AttackDataError(`${path}: a damaged ATT&CK index in the cache (no ${missing} list); delete the file and run again`, { file: path });
  return parts as LazyParts;
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
