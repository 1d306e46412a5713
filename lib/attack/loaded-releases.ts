import { statSync } from 'node:fs';
import type { AttackIndex } from './attack-index.js';
import type { ReleaseHistory } from './later-release.js';

/** What says a release file is the one loaded: its size and mtime, as the index cache's fingerprint (a rewritten file has new ones). */
export function fileStamp(path: string): string | undefined {
  try {
    const { size, mtimeMs } = statSync(path);
    return `${size} ${mtimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * The releases loaded through the `AttackLibrary` objects that see the same files, kept for the process: a second
 * load of a release costs nothing, and the derived tables built on it (name lookups, extract's tables) serve every
 * later caller. What is kept is never changed again: its data is deep-frozen when kept, and its `history` (set once,
 * here) loads through this set, not through the library that loaded it first.
 */
export class LoadedReleases {
  private readonly kept = new Map<string, { stamp: string; index: AttackIndex }>();

  /** The index of a file loaded before, when the file has not changed since (same `fileStamp`). */
  get(path: string, stamp: string | undefined): AttackIndex | undefined {
    const kept = this.kept.get(path);
    return kept && stamp && kept.stamp === stamp ? kept.index : undefined;
  }

  /** Keep an index just loaded from a file as it was then (`fileStamp`), frozen, its history set for good. */
  keep(path: string, stamp: string | undefined, index: AttackIndex, history: ReleaseHistory): void {
    Object.defineProperty(index, 'history', { value: history, writable: false, enumerable: true, configurable: false });
    deepFreeze(index.data);
    if (stamp) this.kept.set(path, { stamp, index });
  }
}

/** The sets of loaded releases, by what the libraries see (their files, release hint and cache folder); the last few used. */
const shared = new Map<string, LoadedReleases>();
const SHARED_KEPT = 4;

/**
 * The releases loaded by the libraries that see the same files (`key`), shared by all of them; a library that sees
 * other files (another `--attack`, another cache folder) has its own, and only the last four such sets are kept.
 */
export function sharedReleases(key: string): LoadedReleases {
  let releases = shared.get(key);
  if (releases) shared.delete(key);
  else releases = new LoadedReleases();
  shared.set(key, releases);
  if (shared.size > SHARED_KEPT) shared.delete(shared.keys().next().value!);
  return releases;
}

/**
 * Freeze an object and all it holds. A part an index reads lazily (index-cache.ts: an accessor) is frozen as it is
 * parsed, when its owner is frozen already.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Through descriptors: reading an accessor would parse the lazy part it stands for.
    for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(value))) if ('value' in descriptor) deepFreeze(descriptor.value);
  }
  return value;
}
