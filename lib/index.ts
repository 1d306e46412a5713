/** attack-layers: ATT&CK technique references from threat reports -> normalized techniques -> Navigator layers. */
export * from './errors.js';
export type * from './attack/types.js';
export { DOMAINS } from './attack/types.js';
/** An indexed ATT&CK release: techniques, tactics, groups, software, campaigns. */
export { AttackIndex, nameKey, type RevocationChain } from './attack/attack-index.js';
/** Index a parsed STIX bundle (pure). */
export { indexBundle, compareIds, type BundleHints } from './attack/index-bundle.js';
/** Load releases from files, folders and the cache. */
export {
  AttackLibrary,
  loadAttack,
  loadAttackFile,
  noData,
  type AttackDataOptions,
  type LoadFileOptions,
  type ReleaseFile,
  type ReleaseOrigin,
} from './attack/load.js';
export { parseReleaseFileName, compareReleases, releaseFileName, listReleaseFiles } from './attack/release-files.js';
/** Write a file atomically, never replacing an existing one unless asked. */
export { writeFileAtomic } from './write-file.js';
/** JSON Schema validation of the formats we read and write. */
export { schemaIssues, schemaUrl, type SchemaName } from './schemas.js';
/** The user's ATT&CK data cache: add, fetch, provenance. */
export {
  addRelease,
  fetchRelease,
  readSources,
  releaseUrl,
  storeRelease,
  OFFICIAL_INDEX_URL,
  type FetchOptions,
  type StoreOptions,
  type StoredRelease,
  type StoredSource,
} from './attack/data-store.js';
/** The ATT&CK technique ID format. */
export { TECHNIQUE_ID, TECHNIQUE_ID_FORMAT, canonicalTechniqueId, isTechniqueId } from './attack/technique-id.js';
