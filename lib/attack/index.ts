/**
 * attack-layers/attack: the ATT&CK knowledge base alone (find, load, index and look up releases) with the error
 * classes. `attack-layers` exports all of it too; this entry point exists because it loads in a fraction of the time,
 * for programs (and CLI commands) that only look things up.
 */
export * from '../errors.js';
export type * from './types.js';
export { DOMAINS } from './types.js';
/** An indexed ATT&CK release: techniques, tactics, groups, software, campaigns. */
export { AttackIndex, nameKey, type RecordedElsewhere, type RevocationChain } from './attack-index.js';
/** Index a parsed STIX bundle (pure). */
export { indexBundle, compareIds, type BundleHints } from './index-bundle.js';
/** Load releases from files, folders and the cache. */
export {
  AttackLibrary,
  defaultCacheDir,
  loadAttack,
  loadAttackFile,
  noData,
  snapshotDir,
  type AttackDataOptions,
  type LoadFileOptions,
  type LoadProgress,
  type ReleaseFile,
  type ReleaseOrigin,
} from './load.js';
/** Release file names: what domain and release a name says, the canonical name, the release files of a folder; the command that fetches a release. */
export { parseReleaseFileName, compareReleases, releaseFileName, listReleaseFiles, fetchCommand, isReleaseVersion, RELEASE_VERSION } from './release-files.js';
/** The user's ATT&CK data cache: add, fetch, provenance. @throws UsageError, AttackDataError */
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
} from './data-store.js';
/** Downloads over HTTPS with a size limit and an idle timeout; the default limits. @throws AttackDataError */
export { download, DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_MAX_BYTES, type DownloadOptions } from './download.js';
/** The one way to name a file in the ATT&CK data cache (never outside it). @throws AttackDataError */
export { cachePath } from './cache-path.js';
/** The ATT&CK technique ID format. */
export {
  NAMESPACED_TECHNIQUE_ID,
  TECHNIQUE_ID,
  TECHNIQUE_ID_FORMAT,
  canonicalTechniqueId,
  indexedTechniqueIdInAnyCase,
  isIndexedTechniqueId,
  isNamespacedTechniqueId,
  isTechniqueId,
  noReleaseNumberText,
  parentTechniqueId,
  preAttackNumberText,
  unusedNumberText,
} from './technique-id.js';
/** How a team's own objects (`custom`), and IDs of a namespace the data lacks, are said. */
export { teamObjectText, unheldNamespacedTechniqueText } from './not-mitre-text.js';
/** What an ID of ATT&CK's form that a release lacks is: a newer release at hand's, or its technique's for a sub-technique none has; a newer release's; a team's own. In full and in short. */
export { unknownTechniqueText, unknownTechniqueFinding, unknownTechniqueBrief, unknownTechniquesText, unknownFindingText, unknownFindingBrief, type UnknownTechniqueAdvice, type UnknownTechniqueFinding } from './unknown-technique-text.js';
export { PROCEDURE_FORMAT, DETECTION_FORMAT } from './types.js';
/** Collect the procedures (uses relationships with their text and sources) of a parsed STIX bundle (pure). @throws AttackDataError */
export { indexProcedures } from './index-procedures.js';
/** The procedures, or the detection strategies and mitigations, of the release file an index came from, through the cache. @throws AttackDataError, UsageError */
export { loadProcedures, loadDetection, PROCEDURE_DATA, DETECTION_DATA } from './load-procedures.js';
/** Data of a release file kept beside its index in its own cache file. @throws AttackDataError, UsageError */
export { loadSideData, buildSideData, type SideData, type AnySideData } from './side-cache.js';
/** Collect the detection strategies, analytics and mitigations of a parsed STIX bundle (pure). @throws AttackDataError */
export { indexDetection } from './index-detection.js';
/** One release's detection strategies, analytics and mitigations, by technique; the log sources its analytics name. */
export { DetectionModel, type LogSourceUse, type TechniqueStrategy } from './detection-model.js';
/** An ATT&CK description as one line of plain text and the sources it cites. */
export { plainDescription, type PlainDescription } from './attack-text.js';
/** Technique IDs of another domain in a layer (T0800, ICS, in an enterprise layer): where they belong, for messages. */
export {
  libraryOtherDomains,
  otherDomainLookup,
  otherDomainNamesIn,
  otherDomainCampaignAdvice,
  otherDomainExtractAdvice,
  otherDomainReviewAdvice,
  otherDomainText,
  otherDomainTechniqueText,
  type OtherDomainLookup,
  type OtherDomainNameLookup,
  type OtherDomainTechnique,
} from './other-domains.js';
/** Where a deprecated technique's content went, as its description says (other domains' techniques named as such). */
export { deprecationSuccessors, successorsText, type DeprecationSuccessors } from './deprecation-successors.js';
/** Enterprise platform names ATT&CK renamed, and the current name of one. */
export { PLATFORM_RENAMES, ATTACK_PLATFORM_NAMES, currentPlatformName, readPlatformName, type ReadPlatform } from './platform-names.js';
/** The word of a list a misspelled one most likely means, for did-you-mean hints. */
export { closestWord, useOneOf } from '../name-distance.js';
/** Order strings the same on every machine (by UTF-16 code units), for output that must not vary. */
export { compareText } from '../compare-text.js';
/** The first few items of a list, and how many more (`T9990, T9991, T9992 and 4 more`). */
export { firstFew } from '../short-list.js';
/** The file name that stands for standard input (`-`), as the readers of release files take it. */
export { STDIN } from '../read-text.js';
/** Files written whole or not at all; a process stopping on a signal removes the temporary files of writes under way. */
export { hasTemporaryFiles, onTemporaryFile, removeTemporaryFiles } from '../write-file.js';
