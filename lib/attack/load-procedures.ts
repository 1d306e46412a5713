import type { AttackIndex } from './attack-index.js';
import { indexDetection } from './index-detection.js';
import { indexProcedures } from './index-procedures.js';
import { loadSideData } from './side-cache.js';
import { DETECTION_FORMAT, PROCEDURE_FORMAT, type DetectionIndexData, type ProcedureIndexData } from './types.js';

/**
 * The procedures (`uses` relationships with descriptions and sources) of the release file an index was loaded from,
 * through their cache file (`<sha256>.procedures.v2.json`); they are about 13 times the index's size.
 * @throws AttackDataError when the file changed since the index was loaded or is not a readable bundle; UsageError
 * when it is gone.
 */
export function loadProcedures(index: AttackIndex, options: { cacheDir?: string } = {}): ProcedureIndexData {
  return loadSideData(index, { name: 'procedures', format: PROCEDURE_FORMAT, build: indexProcedures }, options);
}

/**
 * The detection strategies, analytics and mitigations of the release file an index was loaded from, through their
 * cache file (`<sha256>.detection.v1.json`, about twice the index's size).
 * @throws AttackDataError when the file changed since the index was loaded or is not a readable bundle; UsageError
 * when it is gone.
 */
export function loadDetection(index: AttackIndex, options: { cacheDir?: string } = {}): DetectionIndexData {
  return loadSideData(index, { name: 'detection', format: DETECTION_FORMAT, build: indexDetection }, options);
}
