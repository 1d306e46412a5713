import { readFileSync } from 'node:fs';
import { AttackDataError } from '../errors.js';
import { writeFileAtomic } from '../write-file.js';
import { cachePath } from './cache-path.js';
import type { AttackIndex } from './attack-index.js';
import { deepFreeze } from './loaded-releases.js';
import { parseBundleBytes, readBundleBytes } from './read-bundle.js';

/** Data drawn from a release file beside its index (procedures, detection strategies), and how to build it. */
export interface SideData<T extends { format: number; sha256: string }> {
  /** The cache file's middle name: `<sha256>.<name>.v<format>.json`. */
  name: string;
  format: number;
  /** Build the data from the parsed bundle (pure). */
  build: (bundle: unknown, source: { file: string; sha256: string }) => T;
}

/** Any kind of side data, as a list of kinds to build holds them. */
export type AnySideData = SideData<{ format: number; sha256: string }>;

/**
 * Side data of an index, kept with it for as long as the index is (the process, for a release an `AttackLibrary`
 * shares: loaded-releases.ts), by kind name and format; deep-frozen, as every caller gets the same objects.
 */
const keptWithIndex = new WeakMap<AttackIndex, Map<string, { format: number; sha256: string }>>();

function keepWithIndex<T extends { format: number; sha256: string }>(index: AttackIndex, kind: SideData<T>, data: T): T {
  let kept = keptWithIndex.get(index);
  if (!kept) keptWithIndex.set(index, (kept = new Map()));
  kept.set(`${kind.name}.v${kind.format}`, deepFreeze(data));
  return data;
}

function sidePath(cacheDir: string | undefined, kind: AnySideData, sha256: string): string | undefined {
  return cacheDir ? cachePath(cacheDir, 'index', `${sha256}.${kind.name}.v${kind.format}.json`) : undefined;
}

function readCached<T extends { format: number; sha256: string }>(path: string, kind: SideData<T>, sha256: string): T | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as T;
    return data.format === kind.format && data.sha256 === sha256 ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Write a cache file (none without a path); a read-only or full cache folder costs speed, not correctness. */
export function writeCacheFile(path: string | undefined, content: string | Uint8Array): void {
  if (!path) return;
  try {
    writeFileAtomic(path, content, { force: true });
  } catch {
    // Left unwritten: the data is built again next time.
  }
}

/**
 * Build data from the release file an index was loaded from, read and parsed again.
 * @throws AttackDataError when the file changed since the index was loaded or is not a readable bundle; UsageError
 * when it is gone.
 */
export function buildFromRelease<T>(index: AttackIndex, build: (bundle: unknown, source: { file: string; sha256: string }) => T): T {
  const { file, sha256 } = index.data.source;
  const bytes = readBundleBytes(file);
  if (bytes.sha256 !== sha256) {
    throw new AttackDataError(`${file}: the file changed while attack-layers was reading it; run the command again`, { file });
  }
  return build(parseBundleBytes(bytes), { file, sha256 });
}

/**
 * Build side data from the bundle an index was just built from (a cold load), so that it need not be parsed again:
 * the data is written to its cache file (when there is a cache folder) and kept with the index for `loadSideData`.
 */
export function buildSideData(index: AttackIndex, bundle: unknown, kinds: readonly AnySideData[], options: { cacheDir?: string } = {}): void {
  const { file, sha256 } = index.data.source;
  for (const kind of kinds) {
    const data = kind.build(bundle, { file, sha256 });
    writeCacheFile(sidePath(options.cacheDir, kind, sha256), JSON.stringify(data));
    keepWithIndex(index, kind, data);
  }
}

/**
 * Data of the release file an index was loaded from that the index does not hold: the data kept with the index (built
 * with it on a cold load, `buildSideData`, or loaded for it before), else from its cache file in `<cacheDir>/index/` (keyed by the same content
 * hash) when the same bytes were read before, else built from the file once and cached. Loading the index stays fast
 * for every command that does not need it.
 * @throws AttackDataError when the file changed since the index was loaded or is not a readable bundle; UsageError
 * when it is gone.
 */
export function loadSideData<T extends { format: number; sha256: string }>(index: AttackIndex, kind: SideData<T>, options: { cacheDir?: string } = {}): T {
  const { sha256 } = index.data.source;
  const kept = keptWithIndex.get(index)?.get(`${kind.name}.v${kind.format}`) as T | undefined;
  if (kept) return kept;
  const path = sidePath(options.cacheDir, kind, sha256);
  const cached = path ? readCached(path, kind, sha256) : undefined;
  if (cached) return keepWithIndex(index, kind, cached);
  const data = buildFromRelease(index, kind.build);
  writeCacheFile(path, JSON.stringify(data));
  return keepWithIndex(index, kind, data);
}
