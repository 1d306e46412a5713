/** attack-layers: ATT&CK technique references from threat reports -> normalized techniques -> Navigator layers. */
/** The ATT&CK knowledge base and the error classes; also published alone as `attack-layers/attack`, which loads faster. */
export * from './attack/index.js';
/** Text files as users give them: UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252; binary files refused. @throws UsageError, InputError */
export {
  decodeText,
  decodeTextBytes,
  inputName,
  readFileBytes,
  readFolder,
  readTextFile,
  statInput,
  STDIN,
  STDIN_NAME,
  type DecodedText,
  type InputOptions,
  type TextEncoding,
} from './read-text.js';
/** Read a report's text, refusing a file that holds none or is a layer, campaign, bundle or detections file. @throws UsageError, InputError */
export { readReportText } from './read-report-text.js';
/** What kind of file the user gave (a campaign, a layer, a STIX bundle, ...), for messages when it is the wrong one. */
export { assertKind, kindName, kindOf, kindOfDocument, kindOfText, kindOfValue, looksLikeReport, noKindKeysText, parseJsonAs, withFileNamed, wrongKindMessage, type InputKind } from './input-kind.js';
/** Write files atomically, never replacing an existing one of other content unless asked (one of the same bytes is left untouched); check all outputs before the first is written. @throws OutputExistsError, OutputError */
export {
  assertOutputPaths,
  assertWritable,
  existingOutputs,
  isStreamOutput,
  writeFileAtomic,
  writeFilesAtomic,
  type OutputFile,
  type PlannedOutput,
  type WriteOptions,
  type WriteOutcome,
} from './write-file.js';
/** JSON Schema validation of the formats we read and write. */
export { schemaIssues, schemaUrl, type SchemaName } from './schemas.js';
/** Campaign files: read and validate; `buildCampaign` makes the same Campaign in code from the fields a file writes. @throws SchemaValidationError */
export type * from './campaign/campaign-types.js';
export {
  buildCampaign,
  IN_CODE_NAME,
  parseCampaign,
  readCampaign,
  readCampaigns,
  readCampaignsLeavingOut,
  leftOutEntryPointer,
  campaignFiles,
  campaignPaths,
  CAMPAIGN_EXTENSIONS,
  type CampaignInput,
  type CampaignReadOptions,
  type TechniqueInput,
} from './campaign/read-campaign.js';
export { suggestField } from './campaign/suggest-field.js';
/** Normalization: references as written -> current techniques, with provenance. */
export type * from './normalize/normalize-types.js';
export { UNRESOLVED_STATUSES, UNRESOLVED_STATUS_TEXT } from './normalize/normalize-types.js';
export { parseReference, type ParsedReference } from './normalize/parse-reference.js';
/** The references whose written tactics a layer does not keep (`Execution no longer applies`), by reference and technique. */
export { tacticsNotKept, type TacticNotKept } from './normalize/tactics-not-kept.js';
export { readTactic, tacticIdAndName, TACTIC_SYNONYMS } from './normalize/read-tactic.js';
export { resolveReference, fullName, type ReferenceInput, type Resolution, type ResolveContext, type ResolveOptions } from './normalize/resolve-reference.js';
/** `resolveReference`, with each warning's kind: `tactic` for those on the tactics written beside the reference. */
export { resolveReferenceWarnings, type ResolutionWarning, type ResolutionWarningKind } from './normalize/resolve-reference.js';
export {
  campaignReleases,
  campaignReleaseWarnings,
  domainReleases,
  confidenceValue,
  CONFIDENCE_VALUES,
  normalizeCampaign,
  type CampaignReleases,
} from './normalize/normalize-campaign.js';
/** Check a campaign file as normalize and render read it: schema and syntax problems at line and column, references that do not resolve cleanly. @throws AttackDataError */
export {
  validateCampaign,
  campaignErrorConsequences,
  CAMPAIGN_FINDING_CODES,
  type CampaignFinding,
  type CampaignFindingCode,
  type ValidateCampaignOptions,
} from './normalize/validate-campaign.js';
/** Groups, software and campaigns by ATT&CK ID, name or alias; the current techniques they use. @throws AttackObjectError */
export { ATTACK_OBJECT_KINDS, type AttackObjectKind } from './normalize/attack-object-kinds.js';
export {
  currentTechnique,
  describeObject,
  locateAttackObject,
  locateInOtherDomains,
  otherDomainComparisonError,
  foundObjectText,
  otherDomainObjectText,
  objectKind,
  objectRef,
  objectsOfKind,
  objectTitle,
  objectTechniques,
  resolveAttackObject,
  withOtherDomainTwins,
  type CurrentTechnique,
  type LocatedObject,
  type ResolvedObject,
} from './normalize/resolve-attack-object.js';
/** A campaign's techniques compared with an ATT&CK object's: attributed, related, new, not mentioned. @throws InputError, UsageError, AttackObjectError */
export {
  compareCampaign,
  comparisonTargets,
  type CampaignComparison,
  type CompareOptions,
  type ComparedTechnique,
  type ComparisonStatus,
  type ComparisonTargets,
  type NamedCampaign,
  type NamedTechnique,
  type UnmentionedTechnique,
  type ReportedTechnique,
} from './normalize/compare-campaign.js';
/** Types of the ATT&CK Navigator layer format 4.5. */
export type { NavigatorLayer, LayerTechnique, Gradient, LegendItem, LayerMetadata, LayerLink, Layout, Filters, Versions, Divider } from './layer/layer-types.js';
export { LAYER_FORMAT } from './layer/layer-types.js';
/** The campaign file and detections file formats as written, generated from their schemas. */
export type { CampaignFile } from './campaign/campaign-file.types.gen.js';
export type { DetectionsFile } from './coverage/detections-file.types.gen.js';
/** Deterministic layer JSON and the schema type guard. */
export { serializeLayer, serializeLayers, isNavigatorLayer } from './layer/serialize-layer.js';
/** Check layers against the 4.5 schema and the ATT&CK release they declare. @throws AttackDataError for a release asked for that is not available */
export { readTacticIdAndName, readWrittenTacticPairs } from './layer/tactic-written.js';
export { validateLayer, errorConsequences, LAYER_FINDING_CODES, type LayerFinding, type LayerFindingCode, type ValidateLayerOptions } from './layer/validate-layer.js';
/** Convert older layer formats to format 4.5 (structure only). */
export {
  migrateLayerFormat,
  layerFormat,
  compareVersions,
  DEFAULT_NAVIGATOR_VERSION,
  navigatorOpeningWarnings,
  type FormatOptions,
  type LayerFormatInfo,
} from './layer/layer-format.js';
/**
 * PRE-ATT&CK layers (domain `pre-attack`, merged into enterprise in ATT&CK 8): the one message every command refuses
 * them with. @throws InputError (assertNotPreAttack)
 */
export { assertNotPreAttack, isPreAttackLayer, preAttackMessage } from './layer/layer-format.js';
/**
 * Layers drawn from their own data (`customDataURL`, a domain of that data's own), and the one refusal of every
 * command that reads layers against ATT&CK, PRE-ATT&CK layers included. @throws InputError (assertAttackLayer)
 */
export { assertAttackLayer, customData } from './layer/layer-format.js';
/** Which annotated sub-techniques Navigator would show collapsed (invisible). */
export { isAnnotated, collapsedSubtechniques } from './layer/subtechnique-visibility.js';
export { unshownTechniqueWarnings } from './layer/platform-visibility.js';
/** The one reading step of every layer: labelled repairs of real-world faults, each reported with its JSON path. @throws InputError */
export { repairLayer, repairColor, looksLikeLayer, arrayLayers, carryLeftOutLayers, type LeftOutLayer, originalPath, repairLine, repairMessage, holdsSomething, type LayerRepair, type RepairedLayer, type RepairOptions, type LeftOutEntry } from './layer/repair-layer.js';
/** Upgrade layers to format 4.5 and another ATT&CK release, with a report of every change. */
export { availableRelease, nearestRelease, upgradeLayer, upgradeReleases, REMOVED_METADATA_NAME, REMOVED_BY_DOWNGRADE_NAME, LEFT_OUT_METADATA_NAME, type KeptAs, type UpgradeOptions, type UpgradedLayer, type UpgradeReleases } from './layer/upgrade-layer.js';
export {
  formatUpgradeMarkdown,
  upgradeMessages,
  scoresOutOfRangeLine,
  summarizeUpgrade,
  countChanges,
  type LayerUpgradeReport,
  type EntryUpgrade,
  type EntryChange,
  type EntryTarget,
  type SettingChange,
  type UpgradeCounts,
} from './layer/upgrade-report.js';
/** The domain a layer states (`mitre-mobile` is mobile-attack). @throws InputError for a name that is no ATT&CK domain */
export { statedLayerDomain } from './layer/layer-domain.js';
/** Layer files named by paths, folders expanded. */
export { listLayerFiles, type LayerPath } from './layer/layer-files.js';
/** A file found in a folder of layers parsed, or what it plainly is instead of a layer (a gap report, a package.json). @throws InputError */
export { parseFolderLayer } from './layer/layer-files.js';
/** Merge technique entries that name one technique and tactic, by one documented rule. */
export { mergeEntries, type MergeSource } from './layer/merge-entries.js';
export { MERGE_SCORES, type MergeScore } from './layer/merge-scores.js';
/** A parsed JSON object, and its type guard. */
export { isJsonObject, type JsonObject } from './json-value.js';
/** Parse JSON text with errors that name the file, line and column. */
export { jsonSyntaxPlace, parseJsonText } from './json-text.js';
/** Coverage inputs and the gap review. */
export type * from './coverage/coverage-types.js';
export { readRuleFolder, listRuleFiles, parseRuleFile, type MarkdownLeft, type RuleFileOutcome, type RuleOutcome } from './coverage/read-rule-folder.js';
/** What a rule folder, or one rule file given alone, is read as: the formats every message and --coverage's help name. */
export { RULE_FILE_FORMATS, RULE_FOLDER_FORMATS } from './coverage/rule-formats.js';
export { sigmaLevel, SIGMA_WEIGHTS, SIGMA_IGNORED_STATUSES } from './coverage/read-sigma.js';
export { SPLUNK_WEIGHTS, SPLUNK_LEGACY_TYPES, SPLUNK_IGNORED, SENTINEL_WEIGHTS, ELASTIC_WEIGHTS, parseElasticRule, elasticRule } from './coverage/read-siem-rule.js';
/** Wazuh, Falco, YARA-L and Panther rules: their readers (parseRuleFile calls them) and weight tables. */
export { parseWazuhRules, WAZUH_WEIGHTS } from './coverage/read-wazuh.js';
export { parseFalcoRules, FALCO_WEIGHTS } from './coverage/read-falco.js';
export { parseSuricataRules, SURICATA_WEIGHTS } from './coverage/read-suricata.js';
export { parseYaraL, CHRONICLE_WEIGHTS } from './coverage/read-chronicle.js';
export { parsePantherItem, PANTHER_WEIGHTS } from './coverage/read-panther.js';
export { readDetections, parseDetectionsCsv, parseDetectionsText, parseDetectionsYaml, COVERAGE_WORDS } from './coverage/read-detections.js';
export { parseElasticExport } from './coverage/read-elastic-export.js';
export { parseDettectTechniques, currentDettectScore, DETTECT_DETECTION_SCORES } from './coverage/read-dettect.js';
export { parseQradarMappings, QRADAR_WEIGHTS } from './coverage/read-qradar-mappings.js';
export { parseSumoRules, SUMO_WEIGHTS } from './coverage/read-sumo-rules.js';
export { parseSplunkSearchesCsv, parseSplunkSearchesJson } from './coverage/read-splunk-conf.js';
export { parseDefenderRules, DEFENDER_WEIGHTS } from './coverage/read-defender-rules.js';
export { parseDatadogRules, DATADOG_WEIGHTS } from './coverage/read-datadog-rules.js';
export { readCoverageLayers, parseCoverageLayers, type CoverageLayerOptions } from './coverage/read-coverage-layer.js';
export { FolderFiles, type FoundFile } from './folder-files.js';
export { readThreatInputs, readCoverageInputs, isLayerFile, type ThreatInputs } from './coverage/read-threat.js';
/** What a threat layer's metadata says it holds, and the aggregate layers a review leaves out for it. */
export { heldObjects, leaveOutAggregates, type ThreatLeftOut } from './coverage/threat-aggregates.js';
/** The domain of a gap review from what its inputs state and the domain given (`domain`; the CLI's --domain). @throws InputError, UsageError on a disagreement */
/** Where gaps outside the view of the target's telemetry rank, as `reviewGaps` takes it (`outsideView`). */
export { OUTSIDE_VIEW_RANKINGS, type OutsideViewRanking } from './coverage/outside-view.js';
export { threatDomain, assertCoverageDomain, type DomainStatement, type ReviewDomain } from './coverage/review-domain.js';
export {
  campaignRemapped,
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
  releasePlatforms,
  type RemappedRef,
  type ResolvedCoverage,
  type ResolvedRule,
  type ResolvedVisibility,
  type ResolveCoverageOptions,
  type UnknownTacticTag,
  type NewerTaggedRule,
  type RowNewerTags,
  type ReviewOptions,
  type RowRule,
  type RowVisibility,
  type TacticSummary,
  type TestsSummary,
  type ThreatLayerOptions,
  type ThreatSource,
  type ThreatTechnique,
  type UnresolvedRef,
  type SubtechniqueCoverage,
  subtechniqueMeanText,
  visibilityText,
  isUnplaced,
  STRAY_TACTIC_STATUS,
} from './coverage/gap-review.js';
/** Delivery by mail: the techniques ATT&CK describes as delivered by mail, and whether a rule of mail counts for one on any platform. */
export { MAIL_DELIVERED_TECHNIQUES, isMailDelivered, countsForDelivery, deliveryText } from './coverage/mail-delivery.js';
/** What ATT&CK offers to close a gap (detection strategies, analytics, log sources, mitigations) and its class. */
export {
  detectionAdvice,
  DETECTION_CLASSES,
  DETECTION_CLASS_TEXT,
  type DetectionClass,
  type GapAnalytic,
  type GapDetection,
  type GapMitigation,
  type GapStrategy,
} from './coverage/gap-detection.js';
/** A log sources file (what is collected, in ATT&CK's names), and lookups in it. @throws UsageError, InputError, SchemaValidationError */
export {
  readLogSources,
  parseLogSourcesCsv,
  parseLogSourcesYaml,
  CollectedLogSources,
  type LogSourceEntry,
  type LogSourcesInput,
} from './coverage/read-log-sources.js';
/** Atomic Red Team tests (`gap --tests`): read, placed on the release's techniques and platforms, listed per review row. @throws UsageError, InputError */
export {
  parseAtomicTests,
  placeAtomicTests,
  readAtomicTests,
  TESTS_INPUT,
  testsOnPlatforms,
  testsText,
  testVia,
  type AtomicTest,
  type AtomicTestSet,
  type PlacedAtomicTest,
  type PlacedAtomicTests,
  type RowTest,
} from './coverage/atomic-tests.js';
/** A rules library (`gap --rules-library`): public rules not run, proposed per gap on its platforms; never coverage. */
export { RulesLibrary, compareLibraryRules, libraryCell, libraryClassText, libraryRuleText, libraryTagText, libraryTagsCountText, libraryText, type LibraryElsewhere, type LibraryRule, type LibrarySummary, type LibraryTag } from './coverage/gap-library.js';
/** Sigma logsource -> the ATT&CK log sources that feed it (for buildable library rules). */
export { SIGMA_LOG_SOURCES, logsourceText, sigmaLogSources, type SigmaLogsource } from './coverage/sigma-log-sources.js';
/** A Splunk or Elastic rule's stated data (data_source; index and event category) -> the ATT&CK log sources it reads. */
export { statedLogSources, type StatedLogSources } from './coverage/stated-log-sources.js';
/** Sigma logsource -> ATT&CK platforms. */
export { logsourcePlatforms, SIGMA_PRODUCT_PLATFORMS, SIGMA_SERVICE_PLATFORMS } from './coverage/sigma-platforms.js';
export {
  formatGapCsv,
  formatGapMarkdown,
  formatGapReportCsv,
  formatGapReportMarkdown,
  gapJson,
  formatGapJson,
  gapReportFromJson,
  coveragePercent,
  gapTableRows,
  groupUnresolved,
  groupRemapped,
  detectionText,
  readCountText,
  GAP_TABLE_HEADER,
  type GapReportData,
  type RemappedGroup,
  type GapReportInput,
  type UnresolvedGroup,
} from './coverage/gap-report.js';
export { renderCoverageLayer, renderGapLayer, renderVisibilityLayer } from './coverage/gap-layers.js';
export { coverageInput, placeText, queryCutWarning, roundLevel, summaryMessage, DETTECT_VISIBILITY_SCORES, VISIBILITY_ONLY_REASON, LAYOUT_ONLY_REASON, layoutOnlyCount, countsText } from './coverage/coverage-types.js';
export { parseCsv, type CsvRow, type CsvProblem, type ParsedCsv } from './coverage/parse-csv.js';
export { TECHNIQUE_ID_PATTERN, findTechniqueIds, tacticDisplayName, parseTacticList, type TechniqueIdMatch, type ReferencePart } from './normalize/parse-reference.js';
/** The one reader of technique references in text (campaign refs and report lines): IDs in every written shape, names, spans. */
export {
  READING_RULES,
  scanIds,
  tokenizeReferences,
  type IdToken,
  type ReadingMode,
  type ReadingRule,
  type ReferenceToken,
  type TextSpan,
  type TokenizedText,
} from './normalize/tokenize-references.js';
/** Enterprise tactic names as reports write them (English variants, Japanese translations, short forms). */
export { TACTIC_NAMES, TACTIC_SHORT_FORMS, tacticShortname } from './normalize/tactic-names.js';
/** Technique references found in a report's text, with the span each came from. */
export { extractReferences, type ExtractedReference, type ReportSpan } from './extract/extract-references.js';
/** ATT&CK groups, software and campaigns a report names, by name, alias or ID. */
export { findAttackObjects, type FoundAttackObject } from './extract/find-attack-objects.js';
/** A report read whole: its references resolved, and the groups, software and campaigns it names. */
export { extractReport, type ExtractedReport, type ExtractReportOptions, type ReportReference } from './extract/extract-report.js';
export type { ExtractProgress, OnExtractProgress } from './extract/extract-progress.js';
/** A report's domain read from its IDs, and the note for one of the ICS wiki's IDs (`T816`) read as another domain. */
export { icsWikiDomainHint, inferredDomainText, inferredReportDomain, mayCiteIcsWikiIds, reportDomainCounts, type InferredDomain, type ReportDomainCounts } from './extract/report-domain.js';
/** The other domain most of a report's or campaign's references are of, and the note saying to re-run with `--domain`. */
export { otherDomainHint, otherDomainHintText, type OtherDomainHint } from './normalize/domain-hint.js';
/** The actor a user gives a report's text (`extract --actor`), checked against the release's groups. */
export { reportActor, type ReportActor } from './extract/report-actor.js';
/** Read a MISP event (MISP's JSON format, or the REST search's list of them) as a report: techniques from its ATT&CK galaxies and tags. */
export { mispEventReport, isMispEvent, type MispEventReport, type MispSoftware } from './extract/misp-event-references.js';
export { attackFlowReport, attackFlowFormat, type AttackFlowReport, type AttackFlowFormat } from './extract/attack-flow-references.js';
/** A MISP event's software clusters and tags looked up in a release: found objects, and a note of the unknown ones. */
export { countedSoftware, mispSoftwareObjects, type MispSoftwareObjects, type SoftwarePlaces } from './extract/misp-software.js';
export { isSoftwareGalaxy, readSoftwareName, type NamedSoftware } from './extract/named-software.js';
/** A campaign YAML skeleton for extracted references, to review. */
export { renderCampaignSkeleton, renderCampaignSkeletonOfReports, skeletonReferences, sourceName, type CampaignSkeletonOptions, type SeveralReportsOptions, type SkeletonReference, type SkeletonReport } from './extract/campaign-skeleton.js';
/** A reference's evidence (`ReportEvidence`: its text, line and actor) as one line, `line 3: "the cell"`, as `extract --json` writes it. */
export { evidenceLine, withEvidenceLines, type ReportEvidence } from './extract/report-evidence.js';
/** A report's title and url where its text gives them, for a campaign's `sources:`. */
export { reportSource } from './extract/report-source.js';
/** Layer arithmetic: sum, max, min, mean, diff, intersect, union of layers of one domain. */
export { COMBINE_OPS, type CombineOp } from './layer/combine-ops.js';
export {
  combineLayers,
  describeSource,
  parseLayerSources,
  layerSources,
  readLayerSources,
  sourceLayer,
  sourcesDomain,
  upgradeSources,
  COMBINE_KEEPING,
  type SourcesKeeping,
  type CombineInput,
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
  legendSteps,
  plural,
  WHITE_TO_RED,
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
  type KeptRange,
  type TechniqueUse,
  type TechniqueScore,
} from './layer/score.js';
/** Render normalized campaigns as Navigator layers. @throws InputError, UsageError */
export { renderCampaignLayer, renderAggregateLayer, NAVIGATOR_VERSION, GENERATOR, type RenderOptions, type AggregateOptions, type RenderedLayer } from './layer/render-layer.js';
/** Layers of ATT&CK groups, software and campaigns: one per object, all of a kind, or a frequency layer across several. @throws InputError, UsageError */
export {
  attributedCampaigns,
  CAMPAIGN_COLOR,
  objectLayerFileName,
  OVERVIEW_NAMED,
  frequencyLayerFileName,
  renderAllObjectLayers,
  renderAllObjectsFrequencyLayer,
  renderAttackObjectLayer,
  renderObjectFrequencyLayer,
  readObjectPlatforms,
  renderObjectLayersByDomain,
  type DomainObjectLayer,
  type ObjectLayer,
  type ObjectRelease,
  type AllObjectLayers,
  type AllObjectsFrequencyLayer,
  type FrequencyLayer,
  type FrequencyLayerOptions,
  type ObjectLayerOptions,
} from './layer/attack-object-layer.js';
/** A comparison as a layer: the campaign's techniques coloured by status, the object's unmentioned ones in grey. */
export { renderComparisonLayer, campaignList, COMPARISON_COLORS, type ComparisonLayer } from './layer/comparison-layer.js';
/** A Navigator layer's techniques compared with an ATT&CK object's, as a campaign's are. */
export {
  compareLayer,
  COMPARE_KEEPING,
  isLayerComparison,
  layerComparisonTargets,
  layerEntryReading,
  type LayerComparedTechnique,
  type LayerComparison,
  type LayerEntryLeftOut,
} from './layer/compare-layer.js';
/** Name, render, write and check sets of layer files. @throws OutputExistsError, InputError, UsageError */
export { layerFileName, renderLayerFiles, writeLayers, checkLayers, LAYER_SUFFIX, type LayerFile, type RenderFilesOptions } from './layer/write-layers.js';
/** Export a layer's matrix as a picture or a table: the matrix model every format is drawn from. */
export {
  matrixModel,
  bareEntriesNote,
  stagesHiddenNote,
  DEFAULT_GRADIENT,
  type MatrixModel,
  type MatrixOptions,
  type MatrixColumn,
  type MatrixCell,
  type NotDrawn,
  type NotDrawnReason,
  type TableRow,
} from './export/matrix-model.js';
/** Read what `export` takes (a layer or a gap report) and pick the release to draw with. @throws InputError, UsageError, AttackDataError */
export { parseExportInput, exportRelease, type ExportInput } from './export/export-input.js';
/** Render a matrix model or a gap report in an export format. @throws UsageError for a gap report as svg or html */
export {
  GAP_REPORT_FORMATS,
  formatOfFile,
  renderLayerExport,
  exportFileNames,
  stalePageNames,
  renderGapReportExport,
} from './export/export-formats.js';
/** What `export` takes: its formats, how it draws sub-techniques, how its Matrix sheet lays them out. */
export { EXPORT_FORMATS, SUBTECHNIQUE_MODES, SUBTECHNIQUE_LAYOUTS, type ExportFormat, type SubtechniqueMode, type SubtechniqueLayout } from './export/export-choices.js';
/** The renderers: SVG (A4 landscape pages), self-contained HTML, XLSX (exceljs, loaded on first use), CSV and Markdown. */
export { renderSvgPages, type SvgOptions } from './export/render-svg.js';
export { renderHtml } from './export/render-html.js';
export { renderXlsx, renderGapXlsx, type XlsxOptions } from './export/render-xlsx.js';
export { renderCsv, renderMarkdown, LAYER_TABLE_HEADER } from './export/render-table.js';
/** WCAG contrast, and the black-or-white text colour for a background. */
export { contrastRatio, readableTextColor } from './export/colors.js';
/** A list in a message kept short: the first few items, then how many more (`a.yml, b.yml, c.yml and 27 more`). */
export { firstFew } from './short-list.js';
/** CSV (RFC 4180, formulas neutralised) and Markdown (input escaped: no markup, HTML or live link gets in; a colour as written). */
export { csvField, type CsvOptions, formatCsv, formatMarkdownTable, markdownCell, markdownCode, markdownColorCell, markdownLines, markdownMessage, markdownMessageCell, markdownText } from './table-text.js';
/** Technique suggestions for report text that cites no IDs, ranked from the release's own texts. @throws AttackDataError, UsageError */
export {
  ADVERTISEMENT_NOTE,
  ADVICE_NOTE,
  ATTACK_STAGE_NOTE,
  AUTHOR_BIO_NOTE,
  BANNER_NOTE,
  BREADCRUMB_NOTE,
  BYLINE_NOTE,
  COLUMN_NAMES_NOTE,
  COMMENTS_NOTE,
  CONTENTS_NOTE,
  DATE_NOTE,
  DETECTION_NAMES_NOTE,
  DETECTION_VERDICT_NOTE,
  FIGURE_LABEL_NOTE,
  FRONT_MATTER_NOTE,
  GLUED_MENU_NOTE,
  IMAGE_CAPTION_NOTE,
  INDICATOR_ROW_NOTE,
  INDICATOR_ROW_TEXT_NOTE,
  LINKS_NOTE,
  MARKUP_NOTE,
  MENU_NOTE,
  METADATA_NOTE,
  ONE_WORD,
  PAGE_FURNITURE_NOTE,
  PLACE_NOTE,
  TOOL_NAMES_NOTE,
  passagesByText,
  QUERY_NOTE,
  RELATED_POSTS_NOTE,
  REPEATED_TITLE_NOTE,
  REPORT_STRUCTURE_NOTE,
  RULE_SYNTAX_NOTE,
  PULL_QUOTE_NOTE,
  RUNNING_HEADER_NOTE,
  SALUTATION_NOTE,
  suggestTechniques,
  TABLE_HEADER_NOTE,
  TAG_LIST_NOTE,
  TEMPLATE_NOTE,
  VENDOR_NOTE,
  type PassageSuggestions,
  type SuggestOptions,
} from './suggest/suggest-techniques.js';
/** The domain (mobile, ICS) a report's passages name the devices and protocols of, to suggest `--domain` for. */
export { domainHint, type DomainHint } from './suggest/domain-words.js';
export { htmlText, isHtmlPage } from './suggest/html-text.js';
export { loadSuggestModel, suggestModelPath, type LoadOptions as SuggestLoadOptions } from './suggest/load-suggest-model.js';
export { buildSuggestModel, type BuildOptions as SuggestBuildOptions } from './suggest/build-suggest-model.js';
export { SuggestModel, type SuggestCandidate, type RankedPassage, type RankOptions } from './suggest/suggest-model.js';
export {
  SUGGEST_MODEL_FORMAT,
  SUGGEST_DOC_KINDS,
  sourceKey,
  encodeSuggestModel,
  decodeSuggestModel,
  type SuggestModelData,
  type SuggestDocs,
  type SuggestPostings,
  type SuggestClassifier,
  type IndexArray as SuggestIndexArray,
  type SuggestDocKind,
} from './suggest/suggest-model-data.js';
export { frontMatterLines, isMarkupLine, splitPassages, templateTagBlocks, type Passage, type PassageStructure } from './suggest/split-passages.js';
export { interleavedLineRuns, type InterleavedRun } from './suggest/layout-columns.js';
/** How the note of a passage in a language `suggest` does not read begins (`language not supported (Cyrillic): …`). */
export { documentLanguage, LANGUAGE_NOT_SUPPORTED, suggestPassageText, type DocumentLanguage, type PassageText } from './suggest/passage-language.js';
export { GLOSSARY_JA } from './suggest/glossary-ja.js';
export { GLOSSARY_EN } from './suggest/glossary-en.js';
export { expandPassage, type Expansion } from './suggest/query-expansion.js';
