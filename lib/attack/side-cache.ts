import { readFileSync } from 'node:fs';
import { AttackDataError } from '../errors.js';
import { writeFileAtomic } from '../write-file.js';
import { cachePath } from './cache-path.js';
import type { AttackIndex } from './attack-index.js';
import { parseBundleBytes, readBundleBytes } from './read-bundle.js';

/** Data drawn from a release file beside its index (procedures, detection strategies), and how to build it. */
export interface SideData<T extends { format: number; sha256: string }> {
  /** The cache file's middle name: `<sha256>.<name>.v<format>.json`. */
  name: string;
  format: number;
  /** Build the data from the parsed bundle (pure). */
  build: (bundle: unknown, source: { file: string; sha256: string }) => T;
}

function readCached<T extends { format: number; sha256: string }>(path: string, kind: SideData<T>, sha256: string): T | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as T;
    return data.format === kind.format && data.sha256 === sha256 ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Data of the release file an index was loaded from that the index does not hold: from its cache file in
 * `<cacheDir>/index/` (keyed by the same content hash) when the same bytes were read before, else built from the
 * file once and cached. Loading the index stays fast for every command that does not need it.
 * @throws AttackDataError when the file changed since the index was loaded or is not a readable bundle; UsageError
 * when it is gone.
 */
export function loadSideData<T extends { format: number; sha256: string }>(index: AttackIndex, kind: SideData<T>, options: { cacheDir?: string } = {}): T {
  const { file, sha256 } = index.data.source;
  const path = options.cacheDir ? cachePath(options.cacheDir, 'index', `${sha256}.${kind.name}.v${kind.format}.json`) : undefined;
  const cached = path ? readCached(path, kind, sha256) : undefined;
  if (cached) return cached;
  const bytes = readBundleBytes(file);
  if (bytes.sha256 !== sha256) {
    throw new AttackDataError(`${file}: the file changed while attack-layers was reading it; run the command again`, { file });
  }
  const data = kind.build(parseBundleBytes(bytes), { file, sha256 });
  if (path) {
    try {
      writeFileAtomic(path, JSON.stringify(data), { force: true });
    } catch {
      // A read-only or full cache folder costs speed, not correctness.
    }
  }
  return data;
}
