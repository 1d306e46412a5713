/** attack-layers: ATT&CK technique references from threat reports -> normalized techniques -> Navigator layers. */
/** The ATT&CK knowledge base and the error classes; also published alone as `attack-layers/attack`, which loads faster. */
export * from './attack/index.js';
/** Write a file atomically, never replacing an existing one unless asked. */
export { writeFileAtomic } from './write-file.js';
/** JSON Schema validation of the formats we read and write. */
export { schemaIssues, schemaUrl, type SchemaName } from './schemas.js';
/** Campaign files: read and validate. */
export type * from './campaign/campaign-types.js';
export { parseCampaign, readCampaign, readCampaigns, campaignFiles, suggestField, CAMPAIGN_EXTENSIONS } from './campaign/read-campaign.js';
/** Normalization: references as written -> current techniques, with provenance. */
export type * from './normalize/normalize-types.js';
export { UNRESOLVED_STATUSES } from './normalize/normalize-types.js';
export { parseReference, type ParsedReference } from './normalize/parse-reference.js';
export { readTactic, TACTIC_SYNONYMS } from './normalize/read-tactic.js';
export { resolveReference, fullName, type ReferenceInput, type Resolution, type ResolveContext } from './normalize/resolve-reference.js';
export {
  campaignReleases,
  confidenceValue,
  CONFIDENCE_VALUES,
  normalizeCampaign,
  type CampaignReleases,
} from './normalize/normalize-campaign.js';
/** Types of the ATT&CK Navigator layer format 4.5. */
export type { NavigatorLayer, LayerTechnique, Gradient, LegendItem, LayerMetadata, LayerLink, Layout, Filters, Versions, Divider } from './layer/layer-types.js';
export { LAYER_FORMAT } from './layer/layer-types.js';
/** Deterministic layer JSON and the schema type guard. */
export { serializeLayer, serializeLayers, isNavigatorLayer } from './layer/serialize-layer.js';
/** Check layers against the 4.5 schema and the ATT&CK release they declare. */
export { validateLayer, LAYER_FINDING_CODES, type LayerFinding, type LayerFindingCode, type ValidateLayerOptions } from './layer/validate-layer.js';
/** Convert older layer formats and ATT&CK releases to format 4.5. */
export {
  upgradeLayer,
  migrateLayerFormat,
  layerFormat,
  compareVersions,
  isAnnotated,
  collapsedSubtechniques,
  DEFAULT_NAVIGATOR_VERSION,
  type UpgradeOptions,
  type LayerFormatInfo,
} from './layer/upgrade-layer.js';
/** Parse JSON text with errors that name the file, line and column. */
export { parseJsonText } from './json-text.js';
/** Coverage inputs and the gap review. */
export type * from './coverage/coverage-types.js';
export { readSigmaRules, listSigmaFiles, parseSigmaRule, sigmaLevel, SIGMA_WEIGHTS, SIGMA_IGNORED_STATUSES } from './coverage/read-sigma.js';
export { readDetections, parseDetectionsCsv, parseDetectionsYaml, COVERAGE_WORDS } from './coverage/read-detections.js';
export { readCoverageLayer, parseCoverageLayer, type CoverageLayerOptions } from './coverage/read-coverage-layer.js';
export { readThreatInputs, readCoverageInputs, isLayerFile, type ThreatInputs } from './coverage/read-threat.js';
export {
  campaignUnresolved,
  resolveCoverage,
  reviewGaps,
  threatFromCampaigns,
  threatFromLayer,
  GAP_FORMULAS,
  type CoverageStatus,
  type CoveredTechnique,
  type GapReview,
  type GapRow,
  type ResolvedCoverage,
  type ResolvedRule,
  type TacticSummary,
  type ThreatSource,
  type UnresolvedRef,
} from './coverage/gap-review.js';
export { formatGapCsv, formatGapMarkdown, gapJson, groupUnresolved } from './coverage/gap-report.js';
export { renderCoverageLayer, renderGapLayer } from './coverage/gap-layers.js';
export { coverageInput, roundLevel } from './coverage/coverage-types.js';
export { parseCsv, type CsvRow, type CsvProblem, type ParsedCsv } from './coverage/parse-csv.js';
export { TECHNIQUE_ID_PATTERN, refRules, findTechniqueIds, tacticDisplayName, parseTacticList, TACTIC_NAMES, type TechniqueIdMatch } from './normalize/parse-reference.js';
/** Technique references found in a report's text. */
export { extractReferences, type ExtractedReference } from './extract/extract-references.js';
/** A campaign YAML skeleton for extracted references, to review. */
export { renderCampaignSkeleton, type CampaignSkeletonOptions } from './extract/campaign-skeleton.js';
/** Layer arithmetic: sum, max, min, mean, diff, intersect, union of layers of one domain. */
export {
  COMBINE_OPS,
  combineLayers,
  describeSource,
  parseLayerSources,
  readLayerSources,
  sourcesDomain,
  upgradeSources,
  type CombineInput,
  type CombineOp,
  type CombineOptions,
  type CombineResult,
  type LayerSource,
  type LayerUpgrade,
} from './layer/combine-layers.js';
/** Scoring models for rendered layers: presence, confidence, frequency, recency. */
export {
  SCORE_MODELS,
  SCORE_MODEL_NAMES,
  scoreModel,
  scoreTechnique,
  gradientColor,
  dayNumber,
  campaignDate,
  newestCampaignDate,
  recencyWeight,
  INFERRED_COLOR,
  INFERRED_LABEL,
  INFERRED_WEIGHT,
  DEFAULT_CONFIDENCE,
  DEFAULT_HALF_LIFE_DAYS,
  type ScoreModel,
  type ScoreModelName,
  type ScoreContext,
  type TechniqueUse,
  type TechniqueScore,
} from './layer/score.js';
/** Render normalized campaigns as Navigator layers. @throws InputError, UsageError */
export { renderCampaignLayer, renderAggregateLayer, NAVIGATOR_VERSION, GENERATOR, type RenderOptions, type AggregateOptions, type RenderedLayer } from './layer/render-layer.js';
/** Name, render, write and check sets of layer files. @throws OutputExistsError, InputError, UsageError */
export { layerFileName, renderLayerFiles, writeLayers, checkLayers, LAYER_SUFFIX, type LayerFile, type RenderFilesOptions } from './layer/write-layers.js';
