import { readFileSync } from 'node:fs';
import type { AttackIndex } from '../attack/attack-index.js';
import { cachePath } from '../attack/cache-path.js';
import { buildFromRelease, writeCacheFile } from '../attack/side-cache.js';
import { buildSuggestModel, type BuildOptions } from './build-suggest-model.js';
import { SuggestModel } from './suggest-model.js';
import { decodeSuggestModel, encodeSuggestModel, SUGGEST_MODEL_FORMAT, type SuggestModelData } from './suggest-model-data.js';

/** The cache file of a release's suggestion model: beside its index in `<cacheDir>/index/`, keyed by the same content hash. */
export function suggestModelPath(cacheDir: string, sha256: string): string {
  return cachePath(cacheDir, 'index', `${sha256}.suggest.v${SUGGEST_MODEL_FORMAT}.bin`);
}

function readCached(path: string, sha256: string): SuggestModelData | undefined {
  try {
    const data = decodeSuggestModel(readFileSync(path));
    return data?.sha256 === sha256 ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Where to cache, what to call before a build, and (for evaluations) which procedure examples to leave out. */
export interface LoadOptions extends BuildOptions {
  cacheDir?: string;
  onBuild?: () => void;
}

/**
 * The suggestion model of the release file an index was loaded from: from the cache when the same bytes were modelled
 * before, else built from the file once (a few seconds) and cached. `onBuild` is called before a build, so that a
 * caller can say why it waits. @throws AttackDataError when the file changed since the index was loaded or is not a
 * readable bundle; UsageError when it is gone.
 */
export function loadSuggestModel(index: AttackIndex, options: LoadOptions = {}): SuggestModel {
  const { sha256 } = index.data.source;
  // A model that leaves texts out is not the release's model: built every time, never cached.
  const path = options.cacheDir && !options.leaveOut ? suggestModelPath(options.cacheDir, sha256) : undefined;
  const cached = path ? readCached(path, sha256) : undefined;
  if (cached) return new SuggestModel(cached);
  options.onBuild?.();
  const data = buildFromRelease(index, (bundle) => buildSuggestModel(bundle, index, options.leaveOut ? { leaveOut: options.leaveOut } : {}));
  writeCacheFile(path, encodeSuggestModel(data));
  return new SuggestModel(data);
}
