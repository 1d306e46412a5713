import type { AttackIndex } from './attack-index.js';
import { indexDetection } from './index-detection.js';
import { indexProcedures } from './index-procedures.js';
import { loadSideData, type SideData } from './side-cache.js';
import { DETECTION_FORMAT, PROCEDURE_FORMAT, type DetectionIndexData, type ProcedureIndexData } from './types.js';

/** The procedures of a release file, as side data (`<sha256>.procedures.v3.json`). */
export const PROCEDURE_DATA: SideData<ProcedureIndexData> = { name: 'procedures', format: PROCEDURE_FORMAT, build: indexProcedures };

/** The detection strategies, analytics and mitigations of a release file, as side data (`<sha256>.detection.v2.json`). */
export const DETECTION_DATA: SideData<DetectionIndexData> = { name: 'detection', format: DETECTION_FORMAT, build: indexDetection };

/**
 * The procedures (`uses` relationships with descriptions and sources) of the release file an index was loaded from,
 * through their cache file (`<sha256>.procedures.v3.json`); they are about 13 times the index's size.
 * @throws AttackDataError when the file changed since the index was loaded or is not a readable bundle; UsageError
 * when it is gone.
 */
export function loadProcedures(index: AttackIndex, options: { cacheDir?: string } = {}): ProcedureIndexData {
  return loadSideData(index, PROCEDURE_DATA, options);
}

/**
 * The detection strategies, analytics and mitigations of the release file an index was loaded from, through their
 * cache file (`<sha256>.detection.v2.json`, about twice the index's size). A command that will need them passes
 * `DETECTION_DATA` in `sideData` when it loads the release, so that a cold load builds them from the same parse.
 * @throws AttackDataError when the file changed since the index was loaded or is not a readable bundle; UsageError
 * when it is gone.
 */
export function loadDetection(index: AttackIndex, options: { cacheDir?: string } = {}): DetectionIndexData {
  return loadSideData(index, DETECTION_DATA, options);
}
