import { readFileSync } from 'node:fs';
import { AttackDataError } from '../errors.js';
import { writeFileAtomic } from '../write-file.js';
import { cachePath as cacheFile } from './cache-path.js';
import type { AttackIndex } from './attack-index.js';
import { indexProcedures } from './index-procedures.js';
import { parseBundleBytes, readBundleBytes } from './read-bundle.js';
import { PROCEDURE_FORMAT, type ProcedureIndexData } from './types.js';

/** The cache file of a release's procedures: beside its index in `<cacheDir>/index/`, keyed by the same content hash. */
function cachePath(cacheDir: string, sha256: string): string {
  return cacheFile(cacheDir, 'index', `${sha256}.procedures.v${PROCEDURE_FORMAT}.json`);
}

function readCached(path: string, sha256: string): ProcedureIndexData | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as ProcedureIndexData;
    return data.format === PROCEDURE_FORMAT && data.sha256 === sha256 ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The procedures (`uses` relationships with descriptions and sources) of the release file an index was loaded from:
 * from the cache when the same bytes were read before, else read from the file once and cached. They are not part of
 * the index, so loading the index stays fast for every command that does not show procedures.
 * @throws AttackDataError when the file changed since the index was loaded or is not a readable bundle; UsageError
 * when it is gone.
 */
export function loadProcedures(index: AttackIndex, options: { cacheDir?: string } = {}): ProcedureIndexData {
  const { file, sha256 } = index.data.source;
  const path = options.cacheDir ? cachePath(options.cacheDir, sha256) : undefined;
  const cached = path ? readCached(path, sha256) : undefined;
  if (cached) return cached;
  const bytes = readBundleBytes(file);
  if (bytes.sha256 !== sha256) {
    throw new AttackDataError(`${file}: the file changed while attack-layers was reading it; run the command again`, { file });
  }
  const data = indexProcedures(parseBundleBytes(bytes), { file, sha256 });
  if (path) {
    try {
      writeFileAtomic(path, JSON.stringify(data), { force: true });
    } catch {
      // A read-only or full cache folder costs speed, not correctness.
    }
  }
  return data;
}
