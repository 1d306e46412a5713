import type { AttackIndex } from '../attack/attack-index.js';
import type { DetectionModel } from '../attack/detection-model.js';
import { currentPlatformName, platformAdvice, PLATFORM_RENAMES, PRE_PLATFORM } from '../attack/platform-names.js';
import type { Domain, LogSourceRef, TacticShortname, TechniqueId } from '../attack/types.js';
import { givenOption, inGivenInputs, type GivenAs } from '../errors.js';
import { UNRESOLVED_STATUSES, type NormalizedCampaign, type Resolution } from '../normalize/normalize-types.js';
import { resolveReference, type ResolveContext } from '../normalize/resolve-reference.js';
import { parseReference } from '../normalize/parse-reference.js';
import { tacticWords } from '../normalize/tactic-names.js';
import { readTactic } from '../normalize/read-tactic.js';
import { readTacticIdAndName, tacticIdNote, tacticWrittenOtherwise } from '../layer/tactic-written.js';
import { domainAdjective, otherDomainLayerText, otherDomainOfAll, otherDomainReviewAdvice, reviewInDomain, type OtherDomainLookup } from '../attack/other-domains.js';
import { compareReleases } from '../attack/release-files.js';
import { laterTactic, laterTacticName, TACTIC_SPLITS } from '../attack/tactic-splits.js';
import { DETTECT_VISIBILITY_SCORES, layerLabel, placeText, type CoverageInput, type CoverageRef, type CoverageRule, type CoverageVisibility } from './coverage-types.js';
import { compareText } from '../compare-text.js';
import { closestWord, editDistance, typoLimit } from '../name-distance.js';
import { classRank, detectionAdvice, type GapDetection } from './gap-detection.js';
import { attackMajor } from '../layer/layer-format.js';
import { everyPlatformSource, everyPlatformWhose, nearlyEveryPlatformSource, techniquesFilterHides, unlistedPlatformNames, type PlatformRelease, type ReleaseList } from '../layer/platform-visibility.js';
import { fetchCommand } from '../attack/release-files.js';
import { logSourcesMeet, type CollectedLogSources } from './read-log-sources.js';
import { sigmaLogSources } from './sigma-log-sources.js';
import { statedLogSources } from './stated-log-sources.js';
import type { ThreatLeftOut } from './threat-aggregates.js';
import { recountedLayerNotes } from './read-coverage-layer.js';
import { testsOnPlatforms, type PlacedAtomicTests, type RowTest } from './atomic-tests.js';
import { firesOn, libraryFileNames, type LibraryElsewhere, type LibraryRule, type LibrarySummary, type RulesLibrary } from './gap-library.js';
import { firstFew } from '../short-list.js';
import { isNamespacedObjectId, namespacedObjectText, techniqueNumber } from '../attack/technique-id.js';
import { TEAM_DATA_ADVICE } from '../attack/not-mitre-text.js';
import { newestTechniqueNumber, unknownFindingBrief, unknownFindingText, unknownTechniqueFinding, unknownTechniquesText, type UnknownTechniqueAdvice, type UnknownTechniqueFinding } from '../attack/unknown-technique-text.js';
import { releaseAsGiven } from '../attack/later-release.js';
import { isActorId, objectTagId } from './object-tag.js';
import { describeObject, locateInOtherDomains } from '../normalize/resolve-attack-object.js';
import type { OutsideViewRanking } from './outside-view.js';
import { countsForDelivery, deliveryText } from './mail-delivery.js';

/**
 * Threat and coverage, and what the review makes of them.
 *
 * - Threat score of a technique: the sum over threat sources of the source's weight for it. A campaign weighs 1 for
 *   a technique it observed and 0.5 for one only inferred from its software; a threat layer weighs its normalized
 *   score (0..1 over the layer's gradient), or 1 for an entry without score that Navigator shows annotated.
 * - Platforms of a threat technique: those its sources name (a campaign's `platforms`, narrowed by a technique's
 *   own; a threat layer's `filters.platforms`, unless it lists every platform of the layer's own release, as every
 *   Navigator export does, or is a generator's list; none named: every platform) that the technique has in ATT&CK (when
 *   it has none of them, its own ATT&CK platforms, which the row and the notes say; when it states none, the sources'). A rule counts for the technique only if it can fire on one of
 *   them (Sigma: its logsource's platforms; a coverage layer's entry: its filter's, unless that is a generator's list,
 *   coverageLayerPlatforms; a rule without platforms fires anywhere), or, for a technique delivered by mail, if it
 *   reads mail (countsForDelivery: the phishing mail passes the mail service on its way to a victim of any platform).
 * - Coverage of a technique: the best level (0..1) among the rules that count for it. Sub-technique rules do not
 *   cover the parent: a parent covered only through some sub-techniques is `partial`, at the mean level of its
 *   current sub-techniques; parent rules do not cover sub-techniques either.
 * - Priority = threat score x (1 - coverage). A gap is a threat technique whose coverage is below `minCoverage`.
 *   Gaps of equal priority rank buildable first, then needing telemetry, then without analytic (gap-detection.ts).
 * - Per tactic: threat-weighted coverage = sum(threat x coverage) / sum(threat), over the tactic's threat techniques.
 */
/**
 * What every report says of a sub-technique covered at its parent only (`parentRules`): the parent's rules do not count
 * for it, as DeTT&CT and Navigator score each technique on its own, but they are where to look (docs/gap.md). `rules`
 * lists them (`cred dump rule (100%)`).
 */
export function parentOnlyText(id: TechniqueId, rules: string): string {
  return `covered at the parent ${id.split('.')[0]} only, not counted (a rule for the parent may or may not see this sub-technique: check it): ${rules}`;
}

/** A visibility score and where it is, when not on every platform of its row (`visibility score 1 on Windows`). */
export function visibilityScoreText(entry: Pick<RowVisibility, 'score' | 'platforms'>): string {
  return `visibility score ${entry.score}${entry.platforms ? ` on ${entry.platforms.join(', ')}` : ''}`;
}

/**
 * A row's visibility scores as every report says them (`visibility score 3 (good): Visibility example`), best first;
 * with `gap`, what they mean for a technique nothing covers: visible, no detection, so the rule has its data.
 */
export function visibilityText(visibility: readonly RowVisibility[], options: { shown?: number } = {}): string {
  const shown = options.shown ?? visibility.length;
  const items = visibility.map((entry) => `${visibilityScoreText(entry)} (${DETTECT_VISIBILITY_SCORES[entry.score] ?? 'unknown'}): ${entry.name}`);
  return items.length > shown ? `${items.slice(0, shown).join('; ')}; and ${items.length - shown} more` : items.join('; ');
}

/**
 * How a coverage layer's `filters.platforms` is read (coverageLayerPlatforms), in one sentence: the report's formulas
 * and the gap layer's description say it.
 */
export const COVERAGE_FILTER_TEXT =
  "a coverage layer's entries fire on its filters.platforms, in the review's names (AWS, GCP, Azure: IaaS), unless it lists every platform of its release, " +
  "or, in names ATT&CK has since replaced, every one of an older release but one, or hides techniques of its own entries (a generator's list, as Splunk's " +
  "and elsec_dr2an's): anywhere then";

export const GAP_FORMULAS = {
  threat: 'threat = sum over sources of weight (campaign: observed 1, inferred only 0.5; layer: score scaled to 0..1, an annotated entry without score 1)',
  platforms:
    `platforms = the threat's platforms (campaign platforms, a technique's own, layer filters; none, or a filter of every platform of the layer's release: all) that the technique has (none of them: its own, noted on the row); a rule that reads mail (EmailEvents; gsuite_gmail) counts for a technique delivered by mail (T1566, T1566.001, T1566.002, T1598, T1598.002, T1598.003, T1534) on every platform, counted for delivery; otherwise a rule counts only if it fires on one of them (Sigma logsource; no platform: anywhere); ${COVERAGE_FILTER_TEXT}`,
  coverage: 'coverage = best level (0-100 %) of the rules counting for the technique; parents covered only through sub-techniques are partial, at the mean of their sub-techniques',
  priority: 'priority = threat x (1 - coverage / 100); equal priorities rank buildable gaps first, then needs telemetry, then no analytic, then a technique in view before one of Reconnaissance or Resource Development only (outside view), then the higher threat, then by technique ID; every gap ranks before every covered technique, which rank among themselves the same way',
  tactic: 'tactic coverage = sum(threat x coverage) / sum(threat)',
} as const;

/** One threat technique of a source, with the platforms it was seen on when the source narrows them. */
export interface ThreatTechnique {
  id: TechniqueId;
  weight: number;
  tactics: TacticShortname[];
  platforms?: string[];
  /** How the source says it was used (a layer entry's comment, a campaign reference's comment or evidence), in its order. */
  procedures?: ThreatProcedure[];
}

/** How one threat source says a technique was used, and where: what an emulation plan and a rule start from. */
export interface ThreatProcedure {
  /** The text as written: attack-object's layer entry holds ATT&CK's procedure text, a campaign its analyst's comment. */
  text: string;
  /** Where it is written: `file:line` of the layer entry or campaign reference. */
  place?: string;
  /** The sources it cites (a layer entry's links). */
  links?: { label?: string; url: string }[];
}

/** A log source that would see a gap, with the channels of it its analytics read (none: the name alone). */
export interface RowDataSource {
  name: string;
  channels?: string[];
}

/** A procedure on a row: the threat source (as Used by names it) with what it says. */
export type RowProcedure = ThreatProcedure & { source: string };

/** One source of threat: a campaign or a threat layer, resolved to current techniques. */
export interface ThreatSource {
  name: string;
  kind: 'campaign' | 'layer';
  /** ATT&CK platforms the threat works on; absent: every platform. */
  platforms?: string[];
  techniques: ThreatTechnique[];
  /** Platform names the release does not know (left out). */
  unknownPlatforms?: string[];
  /** How the source was read, for the review's notes (a filter of every platform of a threat layer's release). */
  notes?: string[];
  /** A threat layer as read: its entries counted as read, ignored (with the reason) or invalid. */
  input?: CoverageInput;
}

/** A coverage rule with its references resolved, and the ATT&CK platforms it fires on (absent: any). */
export interface ResolvedRule {
  rule: CoverageRule;
  ids: TechniqueId[];
  platforms?: string[];
  /**
   * Its technique references that name no technique of the release, each with why in a few words (`an ATT&CK 18.1
   * technique, T1653 Power Settings, not in 12.1`), as a rules library's tags are counted (`gap --rules-library`).
   * Listed among the references not resolved too.
   */
  unplaced?: { raw: string; why: string }[];
  /** Its revoked IDs, each with what it is read as. Listed among the remapped references too. */
  remapped?: { raw: string; ids: TechniqueId[] }[];
}

/**
 * The status of a rule's tactic tag that none of its techniques belongs to (strayTactic): listed with the references
 * not resolved, but no reference left unplaced, since the rule counts for its techniques; `--strict` passes it.
 */
export const STRAY_TACTIC_STATUS = 'tactic of no technique';

/** Whether a listed reference was left unplaced (not a stray tactic tag of a rule that counts for its techniques). */
export function isUnplaced(ref: Pick<UnresolvedRef, 'status'>): boolean {
  return ref.status !== STRAY_TACTIC_STATUS;
}

/** A reference in coverage or threat input that did not resolve to a current technique, or a tag the release does not know. */
export interface UnresolvedRef {
  raw: string;
  file: string;
  line?: number;
  /** 1-based column of `line`, when the reader knows it (a Sigma tag). */
  column?: number;
  /** The JSON path of a layer entry whose line says nothing (a layer on one line). */
  path?: string;
  rule?: string;
  status: string;
  note: string;
}

/**
 * A revoked ID that counts under its replacement (`attack.t1086` -> T1059.001), in coverage or threat input: `rule`
 * is the rule, the threat layer (and entry comment) or the campaign that wrote it.
 */
export interface RemappedRef {
  raw: string;
  ids: TechniqueId[];
  file: string;
  line?: number;
  /** 1-based column of `line`, when the reader knows it (a Sigma tag). */
  column?: number;
  /** The JSON path of a layer entry whose line says nothing (a layer on one line). */
  path?: string;
  rule: string;
}

/** A visibility score with its references resolved, and the ATT&CK platforms its log data covers (absent: any). */
export interface ResolvedVisibility {
  visibility: CoverageVisibility;
  ids: TechniqueId[];
  platforms?: string[];
}

/** Coverage inputs after resolution, with their bookkeeping. */
export interface ResolvedCoverage {
  inputs: CoverageInput[];
  rules: ResolvedRule[];
  /** What the inputs say of the log data techniques leave (DeTT&CT visibility): reported beside them, never coverage. */
  visibility: ResolvedVisibility[];
  unresolved: UnresolvedRef[];
  remapped: RemappedRef[];
  /** Platform names of detections the release does not know, with where. */
  notes: string[];
  /**
   * Of the notes, those on tactic tags the release does not know, one a tag: a rules library's own (`gap
   * --rules-library`), whose other notes are the library's to fix and are not said.
   */
  tacticNotes: string[];
  /** The tactic tags the release does not know, with their rules counted and first places: what `tacticNotes` says. */
  tacticTags: UnknownTacticTag[];
  /** Of a rules library's notes, those on a folder that gives no rule to propose (no rule of a technique). */
  emptyNotes: string[];
  /**
   * The rules that tag technique IDs past the release's newest (a newer release's: SigmaHQ's attack.t1685), each with
   * the release's tactics its tactic tags name: the gaps of those tactics say them (`GapRow.newerTags`).
   */
  newerRules?: NewerTaggedRule[];
}

/** A rule tagging technique IDs past the release's newest, with the tactics of the release its tags name. */
export interface NewerTaggedRule {
  /** The IDs as tagged (T1685.005). */
  ids: string[];
  /** Its tactic tags that may place those IDs, as written (`attack.defense-impairment`), with the release's tactic each names. */
  tags: { raw: string; tactic: TacticShortname }[];
  platforms?: string[];
  /**
   * The ATT&CK log sources that feed it (its Sigma `logsource`, what a Splunk or Elastic rule states), any one enough;
   * undefined where they are not told (a logsource no ATT&CK log source names).
   */
  logSources?: LogSourceRef[];
  /** What the releases at hand say of each of those IDs (unknownTechniqueFinding: a newer release at hand has it, or one to get). */
  findings: Map<string, UnknownTechniqueFinding>;
  /** Where its first such tag is: `file:line:column`. */
  place: string;
  /** The rule's name (a Sigma rule's title). */
  name: string;
}

/**
 * For a gap, the rules of its tactics (by their tactic tags) that tag IDs the release does not know: a newer release
 * may have moved the technique to those IDs (ATT&CK 19's T1685 took T1562.001's content), so the rules may detect it
 * though they count for nothing here.
 */
export interface RowNewerTags {
  rules: number;
  /**
   * Of them, those that read a log source its ATT&CK analytics on its platforms read (its Sigma logsource or stated
   * data as ATT&CK names logs), to look at first; absent where that tells none apart (no analytics, no rule's logs told, all or none reading them).
   */
  readingLogs?: number;
  /** The IDs, as tagged, sorted. */
  ids: string[];
  /** The rules' tactic tags that place them under the gap's tactics, as first written, sorted. */
  tags: string[];
  /**
   * Per ID, its rules counted and the first of their names (NEWER_NAMES_SHOWN, in the order read): what a newer
   * release's ID is about, as its rules' titles say it (T1685.005: Eventlog Cleared, …), which the ID alone does not.
   */
  byId?: { id: string; rules: number; names: string[] }[];
  /** What it means and what to do: review against the release that has the IDs. */
  note: string;
}

/** How many rule names a newer release's ID is shown with (`RowNewerTags.byId`). */
const NEWER_NAMES_SHOWN = 3;

export type CoverageStatus = 'covered' | 'low' | 'partial' | 'none';

/**
 * A visibility score as a review row lists it: the log data to see the technique is there (DeTT&CT's visibility score,
 * 1 minimal to 4 excellent), nothing detects it from that alone.
 */
export interface RowVisibility {
  name: string;
  score: number;
  file: string;
  line?: number;
  path?: string;
  /**
   * The row's platforms it is on, when it is not on every one: a DeTT&CT file of `platform: Windows` makes a technique
   * of a threat on Linux, Windows and macOS visible on Windows only.
   */
  platforms?: string[];
}

/** A rule as a review row lists it. */
export interface RowRule {
  name: string;
  /** Every rule a layer entry names, when it names more than one (`name` shows the first few). */
  names?: string[];
  level: number;
  file: string;
  line?: number;
  path?: string;
  /**
   * The data of mail it reads (`EmailEvents`), when it counts for a technique delivered by mail on platforms it does not
   * fire on (countsForDelivery): it sees the message on its way to the victim. Absent for a rule that fires there.
   */
  delivery?: string[];
}

/** A coverage rule as the review places it under a technique: with the platforms it fires on and the mail data it reads. */
type DirectRule = RowRule & { platforms?: string[]; mailData?: string[] };

/**
 * What a row's gap block and gap layer entry say of its rules counted for delivery: `counted for delivery, as a
 * phishing mail passes the mail service on its way to a victim of any platform: Inbound ISO attachment reads mail
 * (EmailEvents, EmailAttachmentInfo)`. Undefined when none is.
 */
export function rowDeliveryText(row: Pick<GapRow, 'rules'>): string | undefined {
  const rules = row.rules.filter((rule) => rule.delivery);
  if (!rules.length) return undefined;
  return `counted for delivery, as a phishing mail passes the mail service on its way to a victim of any platform: ${rules.map((rule) => `${rule.name} reads mail (${rule.delivery!.join(', ')})`).join('; ')}`;
}

/** A counting rule as the reports list it: `Inbound ISO attachment (90%; counted for delivery: reads mail (EmailEvents))`. */
export function ruleLevelText(rule: Pick<RowRule, 'name' | 'level' | 'delivery'>, percent: (level: number) => string): string {
  return `${rule.name} (${[percent(rule.level), deliveryText(rule)].filter(Boolean).join('; ')})`;
}

/**
 * The review's note on the rows some rule counts for through delivery (countsForDelivery), naming each technique with
 * its platforms and the mail data read: why a rule of Office Suite data covers a phishing threat on Windows.
 */
function deliveryNotes(rows: readonly GapRow[]): string[] {
  const items = rows.flatMap((row) => {
    const mail = [...new Set(row.rules.flatMap((rule) => rule.delivery ?? []))].sort(compareText);
    return mail.length ? [`${row.id} ${row.name} (${row.platforms.join(', ')}; ${mail.join(', ')})`] : [];
  });
  if (!items.length) return [];
  const one = items.length === 1;
  return [
    `counted for delivery: ${one ? items[0] : `${items.length} techniques delivered by mail`} by rules that read mail, though their data is of another platform: ` +
      `a phishing mail passes the mail service on its way to a victim of any platform${one ? '' : ` (${firstFew(items.sort(compareText), 5)})`}`,
  ];
}

/** What one threat technique looks like in the review. */
export interface GapRow {
  id: TechniqueId;
  name: string;
  tactics: TacticShortname[];
  threat: number;
  sources: string[];
  /** The platforms the technique was reviewed on (see GAP_FORMULAS.platforms). */
  platforms: string[];
  /**
   * The platforms its threat sources name when the technique has none of them in ATT&CK: it is then reviewed on its own
   * (`platforms`), so that a rule for where it runs counts (offThreatPlatformText). Absent otherwise.
   */
  threatPlatforms?: string[];
  /** Those of `platforms` on which some counting rule above level 0 fires. */
  platformsCovered: string[];
  /** How the threat sources say it was used, by source as Used by lists them, each source's in its order. Absent when none says. */
  procedures?: RowProcedure[];
  /**
   * For gaps, when the release has analytics (ATT&CK 18 and later): the log sources its analytics on its platforms
   * read, each name once with its channels in ATT&CK's order (WinEventLog:Sysmon: EventCode=1, EventCode=11), by
   * name: the data that would see it. Absent when none.
   */
  dataSources?: RowDataSource[];
  coverage: number;
  status: CoverageStatus;
  /** Rules counting for it directly, best first. */
  rules: RowRule[];
  /** Rules referencing it that fire on none of its platforms, so do not count (with the platforms they fire on). */
  otherPlatformRules: (RowRule & { platforms: string[] })[];
  /** For a partial parent: its sub-techniques that are covered. */
  coveredSubtechniques: TechniqueId[];
  /** For a partial parent: each of its sub-techniques with its coverage, whose mean its coverage is (by ID). */
  subtechniques?: SubtechniqueCoverage[];
  /**
   * For a sub-technique: the rules of its parent that fire on its platforms, best first. They do not count for it (a
   * rule for T1059 may or may not see T1059.001), but say where to look. Absent when there are none.
   */
  parentRules?: RowRule[];
  /**
   * Visibility scores given for it on its platforms, best first (a DeTT&CT visibility layer or file): its log data is
   * there, so a gap with them is one to write the rule for. Not coverage; absent when there are none.
   */
  visibility?: RowVisibility[];
  /**
   * Atomic Red Team tests of the technique that run on one of its platforms (`gap --tests`), to exercise a rule
   * written for it; never coverage. Absent when no tests were given.
   */
  tests?: RowTest[];
  priority: number;
  /**
   * True when every tactic of the technique is Reconnaissance or Resource Development (PRE-ATT&CK's, PRE the
   * platform): what the adversary does before the compromise, which ATT&CK says mostly takes place outside the
   * visibility of the target organization. Ranked after the others of equal priority. Absent otherwise.
   */
  preAttack?: true;
  /** For gaps, when the review had the release's detection model: what ATT&CK offers to close it. */
  detection?: GapDetection;
  /**
   * For gaps, with a rules library (`gap --rules-library`): its rules tagged with the technique on its platforms that
   * the coverage does not run, buildable first (with a log sources file), then by status, level and file. Never coverage.
   */
  library?: LibraryRule[];
  /** For gaps: rules of its tactics that tag IDs the release does not know (a newer release's), which may detect it. */
  newerTags?: RowNewerTags;
  /**
   * For gaps, with a rules library, when none of its rules is for the gap's platforms: its rules tagged with the
   * technique for other platforms, counted, and those platforms (SigmaHQ's T1566.002 rules for macOS and IaaS, for a
   * Windows gap), so that "no rule for its platforms" is told from no rule tagging the technique at all.
   */
  libraryElsewhere?: LibraryElsewhere;
}

/** The coverage of a technique, threat or not. */
export interface CoveredTechnique {
  id: TechniqueId;
  name: string;
  coverage: number;
  partial: boolean;
  rules: RowRule[];
  coveredSubtechniques: TechniqueId[];
  /** When partial: each sub-technique with its coverage, whose mean the parent's coverage is (by ID). */
  subtechniques?: SubtechniqueCoverage[];
}

/** A sub-technique of a partially covered parent, with its coverage on the parent's platforms. */
export interface SubtechniqueCoverage {
  id: TechniqueId;
  coverage: number;
}

/**
 * How a partial parent's coverage is made, as the reports and layers say it: `the mean of its 3 sub-techniques:
 * T1001.001 0%, T1001.002 0%, T1001.003 72%`. Empty for a row without its sub-techniques (a report written before).
 */
export function subtechniqueMeanText(subtechniques: readonly SubtechniqueCoverage[] | undefined, percent: (coverage: number) => string): string {
  if (!subtechniques?.length) return '';
  return `the mean of its ${subtechniques.length} sub-technique${subtechniques.length === 1 ? '' : 's'}: ${subtechniques.map((sub) => `${sub.id} ${percent(sub.coverage)}`).join(', ')}`;
}

export interface TacticSummary {
  tactic: TacticShortname;
  name: string;
  techniques: number;
  gaps: number;
  threat: number;
  /** Threat-weighted coverage, 0..1. */
  coverage: number;
}

/** The whole review. */
export interface GapReview {
  attack: { domain: string; release: string };
  minCoverage: number;
  /** Where techniques of Reconnaissance or Resource Development only rank. */
  outsideView: OutsideViewRanking;
  /** Each threat source by the name the report shows it under (`name`), and, for a layer shown by its name, its file. */
  threats: { name: string; kind: string; file?: string; techniques: number; platforms?: string[] }[];
  /** Threat inputs given but left out (an aggregate of others given too, `leaveOutAggregates`): each with why. */
  threatLeftOut?: { name: string; file: string; why: string }[];
  /** The platforms of all threat sources together (every platform of the release when some source names none). */
  platforms: string[];
  rows: GapRow[];
  gaps: GapRow[];
  tactics: TacticSummary[];
  covered: CoveredTechnique[];
  coverage: ResolvedCoverage;
  /** The threat layers as read, with their entries counted as read, ignored or invalid. */
  threatInputs: CoverageInput[];
  threatUnresolved: UnresolvedRef[];
  /** Revoked IDs of the threat side (campaign references, threat layer entries) counted under their replacement. */
  threatRemapped: RemappedRef[];
  /** Whether the release has detection strategies; undefined when no detection model was given. */
  detectionStrategies?: boolean;
  /**
   * The log sources file given, the names it lists (first spelling of each), and those it lists with some channels
   * only (`WinEventLog:Sysmon` with EventCode=1 alone): collected in part, the channels being that part.
   */
  logSources?: { file: string; names: string[]; partial?: { name: string; channels: string[] }[] };
  /** The Atomic Red Team tests given (`gap --tests`): how many were read, and how many gaps have one to run. */
  tests?: TestsSummary;
  /** The rules library given (`gap --rules-library`): its folders, rules read and the gaps it has rules for. */
  library?: LibrarySummary;
  /** The rules library's folders as read, with their rules counted as read, ignored (with the reason) or invalid. */
  libraryInputs?: CoverageInput[];
  /** Facts about the review as a whole that a reader must know (a release without strategies, unknown names). */
  notes: string[];
  /** How its reports name the options and functions they advise (`reviewGaps`'s `givenAs`: the CLI's flags); not in the JSON report. */
  givenAs?: GivenAs;
}

/**
 * The Atomic Red Team tests of a review: the file or folder, tests read, and the gaps with a test of their own, those
 * with only another technique's (a sub-technique's or the parent's: it exercises the gap in part), and those without.
 */
export interface TestsSummary {
  source: string;
  tests: number;
  gapsWithTests: number;
  gapsWithRelatedOnly: number;
  gapsWithout: number;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** Platform names as the release spells them (`AWS` -> IaaS), and those it does not know. */
export function releasePlatforms(names: readonly string[], target: AttackIndex): { platforms: string[]; unknown: string[] } {
  const known = target.platforms();
  const platforms = new Set<string>();
  const unknown: string[] = [];
  for (const name of names) {
    const exact = known.find((platform) => platform.toLowerCase() === name.trim().toLowerCase());
    const current = exact ?? currentPlatformName(name.trim(), known);
    if (current) platforms.add(current);
    else unknown.push(name);
  }
  return { platforms: [...platforms].sort(compareText), unknown };
}

// attack.execution (Sigma), mitre_execution and MITRE_TA0002_execution (Falco): the tactic after the prefix.
const TACTIC_TAG = /^(?:attack\.|mitre_)(ta\d{4}(?=_)|.+)/i;

/**
 * Tactics Sentinel's `tactics` may hold that no release has: PRE-ATT&CK's, folded as Sentinel spells it (`PreAttack`).
 * Its ATT&CK for ICS tactics (`ImpairProcessControl`) are the ICS release's, found there as every other domain's
 * tactics are (unknownTactic).
 */
const FORMER_TACTICS: Readonly<Record<string, (target: AttackIndex) => { status: string; note: string }>> = {
  'pre attack': (target) => ({
    status: 'unknown tactic',
    note: `"PreAttack" is Sentinel's tactic for PRE-ATT&CK, which ATT&CK 8 folded into Enterprise as Reconnaissance (TA0043) and Resource Development (TA0042); not a tactic of ATT&CK ${target.label}: write one of those`,
  }),
};

/**
 * A rule's ATT&CK reference other than a technique that the release does not know, as an unresolved reference (or
 * nothing): a Sigma tag (`attack.defense-impairment`, `attack.g0007`), a Falco tag (`mitre_execution`), or a tactic as
 * an Elastic rule's threat, a Sentinel rule's `tactics` (`InitialAccess`), a Panther mapping or a YARA-L rule's meta
 * name it (`TA0112`, or its name). `releases`: the other releases to look a tactic up in (unknownTactic).
 */
function unknownTag(raw: string, target: AttackIndex, releases: ResolveCoverageOptions): UnknownTagNote | undefined {
  const object = objectTagId(raw);
  if (object) {
    // Mitigations and data sources are not looked up: no review counts them.
    if (!isActorId(object) || target.actors(object).some((actor) => actor.id === object)) return undefined;
    // A team's group (attack.acme-g1000) was said to be no ATT&CK tag at all; it is one where the team's data holds it.
    if (isNamespacedObjectId(object)) {
      return { status: 'unknown', note: inGivenInputs(`${namespacedObjectText(object)}, and the ATT&CK data loaded (${target.label}) does not hold it: ${TEAM_DATA_ADVICE}`, releases.givenAs) };
    }
    const fact = `${object} is not a group, software or campaign of ATT&CK ${target.label}`;
    // Another domain's object (SigmaHQ's enterprise software attack.s0508, Ngrok, in an ICS review) is named as the
    // rule's tactic tags of that domain are, not sent to a newer release of the review's domain, which will not have it.
    const found = releases.otherReleases ? locateInOtherDomains(releases.otherReleases, object, target) : undefined;
    if (found) return { status: 'other domain', note: `${fact}: it is ${describeObject(found.object)} of ATT&CK ${found.index.label}; ${reviewDomainAdvice(found.index.domain, releases.givenAs)}` };
    return { status: 'unknown', note: inGivenInputs(`${fact}; if it comes from a newer release, get it with \`attack-layers data fetch\``, releases.givenAs) };
  }
  const tactic = tagTactic(raw);
  if (/^(?:ds|m)\d+$/i.test(tactic)) return undefined;
  if (releaseTactic(raw, target)) return undefined;
  const former = FORMER_TACTICS[tacticWords(tactic).toLowerCase()];
  if (former) return former(target);
  // Some rule authors tag the technique's name (The DFIR Report: attack.remote_system_discovery beside attack.T1018).
  const named = target.techniquesByName(tactic.replace(/[_-]/g, ' ')).filter((technique) => !technique.revoked && !technique.deprecated);
  if (named.length) {
    const which = named.map((technique) => `${technique.id} (${technique.name})`).join(', ');
    const tags = named.map((technique) => `attack.${technique.id.toLowerCase()}`).join(' or ');
    return { status: 'unknown tactic', note: `"${tactic}" is not a tactic but the name of technique ${which}; tag the technique as ${tags}` };
  }
  return unknownTactic(tactic, target, releases);
}

/** What a rule's ATT&CK tag of another domain asks: `review the rule's Enterprise techniques with --domain enterprise`. */
function reviewDomainAdvice(domain: Domain, givenAs: GivenAs | undefined): string {
  return `review the rule's ${domainAdjective(domain)} techniques with ${givenOption(givenAs, 'domain', domain, domain.replace(/-attack$/, ''))}`;
}

/** The tactic a tag or a tactic field names, as written: `attack.defense_evasion` -> `defense_evasion`, `TA0005` alone. */
function tagTactic(raw: string): string {
  return TACTIC_TAG.exec(raw)?.[1] ?? raw;
}

/** The release's tactic a rule's tag or tactic field names (`attack.defense_evasion`, `DefenseEvasion`, `TA0005`), if any. */
function releaseTactic(raw: string, target: AttackIndex): ReturnType<AttackIndex['tactic']> {
  const tactic = tagTactic(raw);
  return target.tactic(tactic.replace(/_/g, '-')) ?? target.tactic(tactic) ?? target.tactic(tacticWords(tactic));
}

/**
 * A rule's tactic tag that none of its techniques belongs to in the release (SigmaHQ tags `attack.persistence` beside
 * a discovery technique), as an unresolved reference: the rule counts for its techniques, under their own tactics,
 * and the tag says something the techniques do not. None when one of them has the tactic, or none resolved.
 */
function strayTactic(tag: CoverageRef, ids: ReadonlySet<TechniqueId>, target: AttackIndex, newer: NewerTacticMark | undefined): { status: string; note: string } | undefined {
  const tactic = objectTagId(tag.raw) !== undefined ? undefined : releaseTactic(tag.raw, target);
  if (!tactic || !ids.size) return undefined;
  if ([...ids].some((id) => target.technique(id)?.tactics.includes(tactic.shortname))) return undefined;
  // Rules written for a newer release may follow its placement: SigmaHQ's, tagged for ATT&CK 19, put 196 rules of
  // T1574 Hijack Execution Flow, T1218 System Binary Proxy Execution, T1127 and T1197 under attack.execution, none of
  // whose tactics in 18.1; told to retag them, a detection engineer would undo the newer release's tags.
  const advice = newer
    ? `the rule is tagged for ATT&CK ${newer.since} (${newer.raw}), which may place its techniques under ${tactic.name}: check in that release before retagging`
    : `tag the technique of ${tactic.name} the rule detects, or leave the tactic out`;
  return {
    status: STRAY_TACTIC_STATUS,
    note: `${tactic.name} (${tactic.id}) is a tactic of none of the rule's techniques in ATT&CK ${target.label}: the rule counts for its techniques under their own tactics; ${advice}`,
  };
}

/** A tag of a tactic a newer release split off that the release does not know (`attack.stealth`), and that release. */
interface NewerTacticMark {
  raw: string;
  since: string;
}

/**
 * A rule's first tag of a tactic a newer release split off that the release lacks: the rule is written for that release.
 * Per rule, not per input: one rule of ATT&CK 19 in a folder of older rules said of every stray tactic tag of the
 * folder to check in ATT&CK 19, where the rules tagged for the release reviewed are to be retagged.
 */
function newerTacticMark(rule: CoverageRule, target: AttackIndex): NewerTacticMark | undefined {
  for (const tag of rule.tags ?? []) {
    const later = objectTagId(tag.raw) !== undefined ? undefined : laterTactic(tagTactic(tag.raw));
    if (later && !target.tactic(later.shortname)) return { raw: tag.raw, since: later.since };
  }
  return undefined;
}

/**
 * What to say of a tactic the release does not know: one a later release split off (TACTIC_SPLITS), or a TA ID past
 * those of every release here, needs that release; one another release here has (the domain's other releases, the
 * other domains' newest) is named with it; any other is no ATT&CK tactic, which no newer release will make one
 * (Falco's `mitre_escape`), and the closest of the release's tactics is named when one is a typo away (Falco's
 * `mitre_latera_movement`, `attack.defence_evasion`).
 */
function unknownTactic(tactic: string, target: AttackIndex, options: ResolveCoverageOptions): UnknownTagNote {
  const words = tacticWords(tactic).trim().toLowerCase();
  const releases = [target, ...(options.history?.() ?? []), ...(options.otherReleases?.() ?? [])];
  const id = /^ta(\d{4})$/i.exec(tactic)?.[1];
  const newestId = Math.max(...releases.flatMap((release) => release.tactics().map((known) => Number(known.id.slice(2)))));
  const split = TACTIC_SPLITS[words.replace(/\s+/g, '-')];
  if (split || (id !== undefined && Number(id) > newestId)) {
    const fact = `"${tactic}" is not a tactic of ATT&CK ${target.label}`;
    const newer = newerTacticAdvice(target, split?.since, options.givenAs);
    return { status: split && target.domain !== 'enterprise-attack' ? 'other domain' : 'unknown tactic', note: inGivenInputs(`${fact}; ${newer.text}`, options.givenAs), fetch: { fact, release: newer.release, command: newer.command } };
  }
  for (const release of releases.slice(1)) {
    const known = release.tactic(tactic) ?? release.tactic(words);
    if (!known) continue;
    if (release.domain !== target.domain) {
      return { status: 'other domain', note: `${known.name} (${known.id}) is a tactic of ATT&CK ${release.label}, not of ATT&CK ${target.label}; ${reviewDomainAdvice(release.domain, options.givenAs)}` };
    }
    return { status: 'unknown tactic', note: `${known.name} (${known.id}) is a tactic of ATT&CK ${release.label}, not of ATT&CK ${target.label}; review in that release (${releaseAsGiven(options.givenAs, release.domain, release.release)})` };
  }
  const closest = closestWord(words, target.tactics().map((known) => known.name));
  const record = closest === undefined ? undefined : target.tactic(closest);
  return {
    status: 'unknown tactic',
    note:
      `"${tactic}" is no ATT&CK tactic: no release here has it (${releasesText(releases)}), and a newer release will not help; ` +
      (record ? `the closest tactic is ${record.name} (${record.id}): write that, if it is what the tag means` : `write one of ATT&CK ${target.label}'s tactics, or leave the tag out`),
  };
}

/**
 * What a tag of a tactic a newer release has needs, one phrase for every such tag: that release, fetched as the review's
 * other notes say it (fetchCommand). A tactic ATT&CK 19 split off Defense Evasion (`since`, enterprise's): `attack-layers
 * data fetch --attack-release 19`, where both SigmaHQ tags (attack.stealth, attack.defense-impairment) said plain `data
 * fetch`, which gets the newest release; in a review of another domain, an Enterprise tactic, whose rule's techniques are
 * reviewed with --domain enterprise, as another domain's tactic of a release at hand is (an ICS review was told to get
 * ATT&CK 19, as if ICS 19 would have it); a TA ID past every release's: the domain's newest. `release` names it for a
 * later note (unknownTacticNotes).
 */
function newerTacticAdvice(target: AttackIndex, since: string | undefined, givenAs: GivenAs | undefined): { text: string; release: string; command: string } {
  const command = since ? fetchCommand('enterprise-attack', since) : fetchCommand(target.domain);
  if (since && target.domain !== 'enterprise-attack') {
    return {
      text:
        `an Enterprise tactic of ATT&CK ${since} (which split Defense Evasion into Stealth and Defense Impairment), not ${domainAdjective(target.domain)}'s: ` +
        `review the rule's Enterprise techniques with ${givenOption(givenAs, 'domain', 'enterprise-attack', 'enterprise')} in that release: \`${command}\``,
      release: `Enterprise ATT&CK ${since}`,
      command,
    };
  }
  return {
    text: `tags of a newer release (ATT&CK 19 split Defense Evasion into Stealth and Defense Impairment) need that release: \`${command}\``,
    release: since ? `ATT&CK ${since}` : 'a newer release',
    command,
  };
}

/**
 * What a rule's ATT&CK tag the release does not know is (unknownTag), as a reference not resolved says it; for a tag of a
 * newer release's tactic, the note's words apart (`fetch`), so that the review's notes say the command once.
 */
interface UnknownTagNote {
  status: string;
  note: string;
  fetch?: UnknownTacticTag['fetch'];
}

/** The releases looked in, by domain: `enterprise-attack 3.0 to 18.1, mobile-attack 18.1`. */
function releasesText(releases: readonly AttackIndex[]): string {
  const byDomain = new Map<string, string[]>();
  for (const release of releases) byDomain.set(release.domain, [...(byDomain.get(release.domain) ?? []), release.release]);
  return [...byDomain].map(([domain, versions]) => {
    const sorted = [...new Set(versions)].sort(compareReleases);
    return `${domain} ${sorted.length > 1 ? `${sorted[0]} to ${sorted[sorted.length - 1]}` : sorted[0]}`;
  }).join(', ');
}

/** Options of resolveCoverage. */
export interface ResolveCoverageOptions {
  /** Technique IDs of the other domains: an ID the release lacks is named as theirs (T1018 in a mobile review). */
  otherDomains?: OtherDomainLookup;
  /**
   * The domain's other releases, for names the release no longer has (Splunk's "Credential Dumping", T1003's until
   * ATT&CK 7), and for tactics it does not have.
   */
  history?: ResolveContext['history'];
  /** The other domains' newest releases, for tactics the release does not have (ICS's Evasion). */
  otherReleases?: () => readonly AttackIndex[];
  /** The inputs are a rules library's (`gap --rules-library`): its notes say so, and that its rules are proposed, not counted. */
  library?: boolean;
  /**
   * The release a layer states (`14`: its major, as Navigator reads `versions.attack`) in the review's domain, or
   * undefined when it is not available (`availableRelease` of a library): to read its platform filter as written.
   */
  release?: (release: string) => AttackIndex | undefined;
  /**
   * The release nearest to a layer's that is available (`nearestRelease` of a library: 14.1 for 15), read in its
   * place when `release` has not the layer's: to tell a filter that lists every platform of it.
   */
  nearest?: (release: string) => AttackIndex | undefined;
  /** Every release of the review's domain available here (`domainReleases`), for a filter in another release's names. */
  releases?: ReleaseList;
  /**
   * How notes name the release to review in (`releaseAsGiven`): by default the `target` to pass, an AttackIndex of it;
   * `givenAs.release` for a caller's flag (the CLI's `--attack-release`).
   */
  givenAs?: GivenAs;
}

/**
 * Resolve every coverage rule's references through the normalization engine, so old IDs (T1086) still count and
 * are listed as remapped; check its other ATT&CK tags (tactics, groups) against the release; bring its platforms to
 * the release's names.
 */
export function resolveCoverage(inputs: readonly CoverageInput[], target: AttackIndex, options: ResolveCoverageOptions = {}): ResolvedCoverage {
  const cache = new Map<string, Resolution>();
  // Notes in the caller's words, as normalize says a campaign's (`load the team's ATT&CK data … with --attack`).
  const resolve = (text: string): Resolution => {
    let resolution = cache.get(text);
    if (!resolution) {
      const read = resolveCoverageRef(text, { target, history: options.history, otherDomains: options.otherDomains, otherDomainAdvice: otherDomainReviewAdvice, givenAs: options.givenAs });
      cache.set(text, (resolution = { ...read, note: inGivenInputs(read.note, options.givenAs) }));
    }
    return resolution;
  };
  // What the releases at hand say of each ID the release lacks, read once per ID (as tagged: T1685.005), however many
  // rules tag it (SigmaHQ tags attack.t1685 on 157): its note, and a library's tag's few words, are said from it.
  const findings = new Map<string, UnknownTechniqueFinding | undefined>();
  const findingOf = (id: string): UnknownTechniqueFinding | undefined => {
    if (!findings.has(id)) findings.set(id, unknownTechniqueFinding(id, target, options.history));
    return findings.get(id);
  };
  const tagCache = new Map<string, ReturnType<typeof unknownTag>>();
  // The tactic tags the release does not know, per tag (case aside) over every input: said once (unknownTacticNotes).
  const unknownTactics = new Map<string, UnknownTacticTag>();
  // A library's rules are named as its own output names them (their path in the folder given), not as given on the command line.
  const libraryFile = options.library ? libraryFileNames(inputs) : undefined;
  const rules: ResolvedRule[] = [];
  const visibility: ResolvedVisibility[] = [];
  const unresolved: UnresolvedRef[] = [];
  const remapped: RemappedRef[] = [];
  // Per platform name the release lacks, the rules that name it (their place) and whether they name techniques of the release.
  const unknownPlatforms = new Map<string, { place: string; counts: boolean }[]>();
  const empty: CoverageInput[] = [];
  // How each coverage layer's platform filter was read, when it says where its detections run or is a generator's list.
  const layerNotes = new Map<CoverageInput, string>();
  // Rules that tag technique IDs past the release's newest, as a newer release writes them (newerTagsNote).
  const newest = newestTechniqueNumber(target);
  const newer = new Map<CoverageInput, NewerTags>();
  const newerRules: NewerTaggedRule[] = [];
  // References read only by a repair of how their ID is written (`T1059,001`), per input: said, never silent (repairedRefsNote).
  const repaired = new Map<CoverageInput, RepairedRef[]>();
  for (const input of inputs) {
    const before = rules.length;
    // A coverage layer's rules fire where its platform filter says its detections run (coverageLayerPlatforms).
    const layerPlatforms = coverageLayerPlatforms(input, target, options);
    if (layerPlatforms.note) layerNotes.set(input, layerPlatforms.note);
    for (const rule of input.rules) {
      const newerMark = newerTacticMark(rule, target);
      const ids = new Set<TechniqueId>();
      const unplaced: NonNullable<ResolvedRule['unplaced']> = [];
      const ruleRemapped: NonNullable<ResolvedRule['remapped']> = [];
      // IDs past the release's newest that no release at hand knows: another domain's ID (enterprise T1021 in an ICS
      // review, whose newest is T0895) is `other domain`, not a newer release's.
      const past = new Map<string, UnknownTechniqueFinding>();
      let firstPast: string | undefined;
      for (const ref of rule.refs) {
        // A Sigma tag names its ID after `attack.`; resolving the ID alone spares a name check of "attack". The
        // other domains name an ID of theirs (attack.t0800 in an enterprise review: `other domain`) and a deprecated
        // technique's pointers outside the review's domain (mobile T1476's T1566.001).
        // `T-1059` is numbered as the T1059 it is read as (a newer release's, past every release).
        const text = unhyphened(ref.id ?? ref.raw) ?? ref.id ?? ref.raw;
        const resolution = resolve(ref.id ?? ref.raw);
        for (const id of resolution.ids) ids.add(id);
        const number = techniqueNumber(text);
        const path = ref.path ?? rule.path;
        const place = {
          file: rule.file,
          ...((ref.line ?? rule.line) !== undefined ? { line: ref.line ?? rule.line } : {}),
          ...(ref.line !== undefined && ref.column !== undefined ? { column: ref.column } : {}),
          ...(path ? { path } : {}),
        };
        // What the releases at hand say of an ID the release lacks (unknownTechniqueFinding), as validate says it: a team's
        // own number (T9001) is no newer release's, nor is another domain's (SigmaHQ's enterprise T1685 in an ICS review).
        const finding = resolution.status === 'unknown' && number !== undefined ? findingOf(techniqueIdOf(text)) : undefined;
        if (number !== undefined && number > newest && finding && finding.kind !== 'team' && finding.kind !== 'other domain') {
          // Four digits, as every technique ID has them (ICS T0999, not T999); the sub-technique kept, as tagged.
          past.set(techniqueIdOf(text), finding);
          firstPast ??= placeText(place);
        }
        // An ID the release lacks that a newer release at hand has (SigmaHQ's attack.t1653, Power Settings since
        // ATT&CK 13, in a 12.1 review) says which release counts it; one of a newer release not at hand (T1685), which to
        // get: as validate and normalize say them.
        const note = finding ? unknownIdText(techniqueIdOf(text), target, finding, options.givenAs) : resolution.note;
        if (!resolution.ids.length) {
          unresolved.push({ raw: ref.raw, ...place, rule: rule.name, status: resolution.status, note });
          unplaced.push({ raw: ref.raw, why: unplacedWhy(techniqueIdOf(text), target, resolution, finding, options.givenAs) });
        } else if (resolution.status === 'revoked') {
          remapped.push({ raw: ref.raw, ids: resolution.ids, ...place, rule: rule.name });
          ruleRemapped.push({ raw: ref.raw, ids: resolution.ids });
        }
        const repairs = resolution.ids.length ? readingRepairs(resolution.trail) : [];
        if (repairs.length) repaired.set(input, [...(repaired.get(input) ?? []), { raw: ref.raw, ids: resolution.ids, place: placeText(place), repairs }]);
      }
      for (const tag of rule.tags ?? []) {
        const key = tag.raw.toLowerCase();
        if (!tagCache.has(key)) tagCache.set(key, unknownTag(tag.raw, target, options));
        const known = tagCache.get(key);
        const unknown = known ?? strayTactic(tag, ids, target, newerMark);
        if (!unknown) continue;
        const place = { file: rule.file, ...(tag.line !== undefined ? { line: tag.line, ...(tag.column !== undefined ? { column: tag.column } : {}) } : {}) };
        unresolved.push({ raw: tag.raw, ...place, rule: rule.name, status: unknown.status, note: unknown.note });
        if (known && objectTagId(tag.raw) === undefined) {
          const seen = unknownTactics.get(key) ?? { raw: tag.raw, note: known.note, ...(known.fetch ? { fetch: known.fetch } : {}), rules: 0, counting: 0, places: [] };
          seen.rules += 1;
          if (ids.size) seen.counting += 1;
          if (seen.places.length < PLACES_SHOWN) seen.places.push(placeText({ ...place, file: libraryFile ? libraryFile(place.file) : place.file }));
          unknownTactics.set(key, seen);
        }
      }
      if (past.size) {
        // The tag's own line, not the rule's first: a detection engineer goes to the tag to change it.
        const seen = newer.get(input) ?? { rules: 0, alone: 0, ids: new Set<string>(), first: firstPast!, findings: new Map() };
        seen.rules += 1;
        if (!ids.size) seen.alone += 1;
        for (const [id, finding] of past) {
          seen.ids.add(id);
          seen.findings.set(id, finding);
        }
        newer.set(input, seen);
        newerRules.push(newerTaggedRule(rule, past, ids, target, firstPast!));
      }
      const resolved: ResolvedRule = { rule, ids: [...ids].sort(), ...(unplaced.length ? { unplaced } : {}), ...(ruleRemapped.length ? { remapped: ruleRemapped } : {}) };
      if (rule.platforms?.length) {
        const { platforms, unknown } = releasePlatforms(rule.platforms, target);
        for (const name of unknown) unknownPlatforms.set(name, [...(unknownPlatforms.get(name) ?? []), { place: placeText(rule), counts: ids.size > 0 }]);
        // A detection whose platforms are all unknown names is counted everywhere rather than nowhere.
        if (platforms.length) resolved.platforms = platforms;
      } else if (layerPlatforms.platforms) {
        resolved.platforms = layerPlatforms.platforms;
      }
      rules.push(resolved);
    }
    // Visibility is resolved as rules are (a revoked T1086 is seen as T1059.001), with its platforms in the release's names.
    for (const seen of input.visibility ?? []) {
      const ids = new Set<TechniqueId>();
      for (const ref of seen.refs) {
        const resolution = resolve(ref.raw);
        for (const id of resolution.ids) ids.add(id);
        const path = ref.path ?? seen.path;
        const place = { file: seen.file, ...((ref.line ?? seen.line) !== undefined ? { line: ref.line ?? seen.line } : {}), ...(path ? { path } : {}) };
        const name = `${seen.name} (visibility)`;
        if (!resolution.ids.length) unresolved.push({ raw: ref.raw, ...place, rule: name, status: resolution.status, note: resolution.note });
        else if (resolution.status === 'revoked') remapped.push({ raw: ref.raw, ids: resolution.ids, ...place, rule: name });
      }
      const resolved: ResolvedVisibility = { visibility: seen, ids: [...ids].sort() };
      const platforms = seen.platforms?.length ? releasePlatforms(seen.platforms, target).platforms : (layerPlatforms.platforms ?? []);
      if (platforms.length) resolved.platforms = platforms;
      visibility.push(resolved);
    }
    if (!rules.slice(before).some((resolved) => resolved.ids.length)) empty.push(input);
  }
  const notes = [
    ...inputs.flatMap((input) => [
      ...notesInDomain(input, target, (raw) => resolve(raw).status, options.otherDomains),
      ...(layerNotes.has(input) ? [layerNotes.get(input)!] : []),
      ...newerReleaseNote(input, target, 'coverage', options.givenAs),
      ...otherDomainLayerNote(input, target, 'coverage', options.otherDomains, options.givenAs),
      ...newerTagsNote(input, newer.get(input), target, options.givenAs),
      ...repairedRefsNote(input, repaired.get(input)),
      ...(empty.includes(input) && !options.library ? [emptyCoverageNote(input, target)] : []),
    ]),
    ...unknownPlatformNotes(unknownPlatforms, target, () => options.otherReleases?.() ?? []),
  ];
  const tacticTags = [...unknownTactics.values()];
  const tacticNotes = options.library ? unknownTacticNotes([], tacticTags) : unknownTacticNotes(tacticTags, []);
  // A library's notes are its own to fix, but for one that gives no rule: the reviewer's to know (`emptyNotes`).
  const emptyNotes = options.library ? empty.map((input) => emptyCoverageNote(input, target, true)) : [];
  return { inputs: [...inputs], rules, visibility, unresolved, remapped, notes: [...notes, ...emptyNotes, ...tacticNotes], tacticNotes, tacticTags, emptyNotes, newerRules };
}

/**
 * A rule tagging IDs past the release's newest with the tactic tags that may place them: ATT&CK 19's
 * `attack.defense-impairment` and `attack.stealth` as the Defense Evasion they were split off (TACTIC_SPLITS), and a
 * tactic of the release none of the rule's techniques of the release has (a rule tagged `attack.persistence` for its
 * T1543 and `attack.defense-impairment` for its T1685 places T1685 under Defense Evasion only). A rule whose tags
 * place them nowhere puts them on no gap (the input's note says them).
 */
function newerTaggedRule(
  rule: CoverageRule,
  past: ReadonlyMap<string, UnknownTechniqueFinding>,
  known: ReadonlySet<TechniqueId>,
  target: AttackIndex,
  place: string,
): NewerTaggedRule {
  const tags: NewerTaggedRule['tags'] = [];
  for (const tag of rule.tags ?? []) {
    if (objectTagId(tag.raw) !== undefined) continue;
    const later = laterTactic(tagTactic(tag.raw));
    const tactic = later ? target.tactic(later.from) : releaseTactic(tag.raw, target);
    if (!tactic) continue;
    if (!later && [...known].some((id) => target.technique(id)?.tactics.includes(tactic.shortname))) continue;
    tags.push({ raw: tag.raw, tactic: tactic.shortname });
  }
  // A rule whose platforms are all names the release lacks fires anywhere, as it counts (resolveCoverage).
  const platforms = rule.platforms?.length ? releasePlatforms(rule.platforms, target).platforms : [];
  const logSources = ruleLogSources(rule);
  return { ids: [...past.keys()], tags, ...(platforms.length ? { platforms } : {}), ...(logSources ? { logSources } : {}), findings: new Map(past), place, name: rule.name };
}

/** The ATT&CK log sources that feed a rule (NewerTaggedRule.logSources), undefined where one of its logsources maps to none. */
function ruleLogSources(rule: CoverageRule): LogSourceRef[] | undefined {
  if (rule.sigma?.logsources.length) {
    const each = rule.sigma.logsources.map(sigmaLogSources);
    return each.every((refs) => refs !== undefined) ? each.flatMap((refs) => [...refs!]) : undefined;
  }
  const stated = statedLogSources(rule);
  const refs = stated.refs ?? stated.each?.flatMap((category) => category.refs);
  return refs?.length ? refs : undefined;
}

/** A tactic tag the release does not know, over the rules of a review that carry it. */
export interface UnknownTacticTag {
  /** As first written (`attack.stealth`). */
  raw: string;
  /** What it is and what to do (unknownTag). */
  note: string;
  /**
   * For a tag of a newer release's tactic (`attack.stealth`): what it is without the advice (`"stealth" is not a tactic of
   * ATT&CK 18.1`), that release (`ATT&CK 19`) and the command that gets it, which the notes say once (unknownTacticNotes).
   */
  fetch?: { fact: string; release: string; command: string };
  rules: number;
  /** Of them, those that count for a technique tag of theirs. */
  counting: number;
  /** The first places, `file:line:column`. */
  places: string[];
}

/** How many places of a tag a note names before counting the rest. */
const PLACES_SHOWN = 3;

/**
 * A tag's rules and their first `shown` places: `840 rules (a.yml:16:7, b.yml:13:7, c.yml:20:7 and 837 more)`.
 */
function tagRulesText(tag: UnknownTacticTag, whose: string, shown: number): string {
  const places = tag.places.slice(0, shown);
  const more = tag.rules - places.length;
  return `${tag.rules} rule${tag.rules === 1 ? '' : 's'}${whose} (${places.join(', ')}${more > 0 ? ` and ${more} more` : ''})`;
}

/**
 * What the rules carrying a tag still do: count for their technique tags (coverage) or are proposed for the gaps of
 * them (a library's); `both` says whose, as one note says it of the coverage's rules and the library's.
 */
function tagCountingText(tag: UnknownTacticTag, library: boolean, both: boolean): string {
  const [one, each, some] = library
    ? [`the ${both ? "library's " : ''}rule is proposed for the gaps of its technique tags`, `each ${both ? 'library ' : ''}rule is proposed for the gaps of its technique tags`, 'are proposed for the gaps of their technique tags']
    : ['the rule counts for its technique tags', 'each rule counts for its technique tags', 'count for their technique tags'];
  if (tag.counting === tag.rules) return `${tag.rules === 1 ? one : each} all the same`;
  // None counts: "0 of the 1 rules count for their technique tags all the same (the others' …)" said it backwards.
  if (!tag.counting) {
    const whose = library && both ? (tag.rules === 1 ? 'the library rule' : `the library's ${tag.rules} rules`) : tag.rules === 1 ? 'the rule' : `the ${tag.rules} rules`;
    return `${tag.rules === 1 ? `${whose}'s technique tags name` : `${whose}' technique tags all name`} no technique of this release`;
  }
  const of = !both ? 'of them' : library ? `of the library's ${tag.rules}` : `of the ${tag.rules} rules`;
  return `${tag.counting} ${of} ${some} all the same (the others' technique tags name no technique of this release)`;
}

/**
 * One note per tactic tag that the release does not know, whatever the number of rules that carry it: SigmaHQ tags
 * over 1,000 rules `attack.stealth`, ATT&CK 19's successor of Defense Evasion, which an 18.1 review listed in the
 * report alone, one row a tag, and said nothing of on stderr. The note counts the rules, names the first places and
 * says what to do; the rules count for their technique tags all the same. A tag both the coverage's rules and a rules
 * library's carry (SigmaHQ's rules/ as coverage, its rules-threat-hunting/ as library) is one note, counting and placing
 * each apart: said once a run, as any tag, and still saying which input holds which rules.
 */
function unknownTacticNotes(coverage: readonly UnknownTacticTag[], library: readonly UnknownTacticTag[]): string[] {
  const byTag = new Map<string, { coverage?: UnknownTacticTag; library?: UnknownTacticTag }>();
  for (const [side, tags] of [['coverage', coverage], ['library', library]] as const) {
    for (const tag of tags) byTag.set(tag.raw.toLowerCase(), { ...byTag.get(tag.raw.toLowerCase()), [side]: tag });
  }
  const total = ({ coverage: ours, library: theirs }: { coverage?: UnknownTacticTag; library?: UnknownTacticTag }) => (ours?.rules ?? 0) + (theirs?.rules ?? 0);
  // Per command to fetch, the tag whose note says it: a review meeting both of ATT&CK 19's (attack.stealth and
  // attack.defense-impairment) said `attack-layers data fetch --attack-release 19` in each.
  const fetchSaid = new Map<string, string>();
  return [...byTag]
    .sort(([a, x], [b, y]) => total(y) - total(x) || compareText(a, b))
    .map(([, { coverage: ours, library: theirs }]) => {
      const both = ours !== undefined && theirs !== undefined;
      const first = (ours ?? theirs)!;
      // A library's rules are never coverage: they are proposed for the gaps of their technique tags. Said of both, the
      // first place of each: six paths (SigmaHQ's, given whole) made a line stderr cuts before it says what to do.
      const shown = both ? 1 : PLACES_SHOWN;
      const whose = [...(ours ? [tagRulesText(ours, '', shown)] : []), ...(theirs ? [tagRulesText(theirs, ' of the rules library', shown)] : [])].join(' and ');
      const counting = [...(ours ? [tagCountingText(ours, false, both)] : []), ...(theirs ? [tagCountingText(theirs, true, both)] : [])].join('; ');
      const said = first.fetch && fetchSaid.get(first.fetch.command);
      if (first.fetch && !said) fetchSaid.set(first.fetch.command, first.raw);
      const note = said ? `${first.fetch!.fact}; a tag of ${first.fetch!.release}, as ${said} is: fetch that release as said for ${said}` : first.note;
      return `tactic tag ${first.raw}, on ${whose}: ${note}; ${counting}`;
    });
}

/**
 * What the rules' platform names the release does not have mean, by name with its first place. Names that are
 * another domain's platforms (Sigma's Windows in a mobile review) make rules for that domain, which cover nothing in
 * this one: one note per domain says so, not a name to write instead; other names get the release's names to write.
 * A rule of such a platform that names techniques of the release (a Windows rule tagged with an ICS technique, ICS 18.1
 * stating no platform of its own) counts on every platform, as any rule whose platforms the release lacks: the note
 * says so rather than that it covers nothing.
 */
function unknownPlatformNotes(unknown: ReadonlyMap<string, readonly { place: string; counts: boolean }[]>, target: AttackIndex, otherReleases: () => readonly AttackIndex[]): string[] {
  const where = (places: readonly string[]): string => (places.length === 1 ? places[0]! : `${places[0]} and ${places.length - 1} more`);
  const byRelease = new Map<AttackIndex, { names: string[]; rules: Map<string, boolean> }>();
  const notes: string[] = [];
  for (const [name, rules] of unknown) {
    const places = rules.map((rule) => rule.place);
    // The other domains' releases are loaded only here, for a name the target lacks: a review whose rules name none
    // reads no release but its own.
    const other = otherReleases().find((release) => release.domain !== target.domain && releasePlatforms([name], release).platforms.length);
    // A platform of the domain's older releases (ICS's Control Server, which DeTT&CT's older releases list) is one,
    // not a misspelling; another domain's current platform (Windows, which ICS's deprecated techniques state too) is
    // that domain's first.
    const former = other ? undefined : target.formerPlatforms().find((platform) => platform.toLowerCase() === name.trim().toLowerCase());
    if (former) {
      notes.push(
        `platform "${name}" (${where(places)}) is a platform of older ATT&CK ${target.domain} releases, which only deprecated techniques of ${target.label} still state: ` +
          `its current techniques state ${target.platforms().map((platform) => JSON.stringify(platform)).join(', ')}; the rules for it count on every platform, as a rule whose platforms the release lacks does`,
      );
      continue;
    }
    if (!other) {
      notes.push(`platform "${name}" (${where(places)}) is not an ATT&CK ${target.label} platform; ${platformAdvice('write', target.platforms())}`);
      continue;
    }
    const group = byRelease.get(other) ?? { names: [], rules: new Map<string, boolean>() };
    group.names.push(`"${name}" (${where(places)})`);
    for (const rule of rules) group.rules.set(rule.place, rule.counts);
    byRelease.set(other, group);
  }
  const domainNotes = [...byRelease].map(([release, { names, rules }]) => {
    const counting = [...rules.values()].filter(Boolean).length;
    const them = names.length === 1 ? 'it' : 'them';
    const what =
      counting === 0
        ? `rules for ${them} cover no technique of ${target.domain}; review them against a threat of ${release.domain}`
        : counting === rules.size
          ? `the rules for ${them} name techniques of ${target.domain} and count on every platform, as a rule whose platforms the release lacks does`
          : `${counting} of the ${rules.size} rules for ${them} name techniques of ${target.domain} and count on every platform, as a rule whose platforms the release lacks does; the other ${rules.size - counting} cover no technique of ${target.domain}: review them against a threat of ${release.domain}`;
    return `${names.length === 1 ? 'platform' : 'platforms'} ${names.join(', ')} ${names.length === 1 ? 'is a platform' : 'are platforms'} of ${release.label}, not of ${target.label}, the domain under review (the threat's): ${what}`;
  });
  return [...domainNotes, ...notes];
}

/** What a coverage input's `items` count, one and many, as the report's input lines say it. */
function itemUnits(input: CoverageInput): [string, string] {
  if (input.kind === 'layer') return ['entry', 'entries'];
  if (input.kind === 'detections') return ['detection', 'detections'];
  if (input.kind === 'dettect') return ['detection object', 'detection objects'];
  if (input.kind === 'qradar') return ['rule mapping', 'rule mappings'];
  // A rule folder counts files; a Kibana or Sentinel export counts the rules in its one file.
  return input.files === input.counts.items && input.files !== 1 ? ['rule file', 'rule files'] : ['rule', 'rules'];
}

/**
 * Why a coverage input gave the review nothing (MITRE CAR's coverage layer colours its entries and scores none): an
 * empty coverage is a review of its own (every threat technique a gap), but one that seems to count and does not
 * must say so.
 */
function emptyCoverageNote(input: CoverageInput, target: AttackIndex, library = false): string {
  // A rules library folder that gives nothing (a wrong folder, a checkout's docs) leaves every gap without a proposal.
  const lead = library
    ? `rules library "${input.source}" gives no rule to propose`
    : `${input.kind === 'layer' ? layerLabel('coverage', input.source, input.layerName) : `coverage ${input.kind} "${input.source}"`} gives no coverage`;
  const outcome = library ? 'no gap gets a rule of it' : 'the review counts no technique as covered by it';
  const [, many] = itemUnits(input);
  // A folder whose files are no rules, or are left out (a Sublime rule, a Splunk story), says what they are in a note of its own.
  // A library's own notes (what its files are) are not said: none is "above".
  if (!input.counts.items) {
    const advice = library ? "; give a folder of rules, such as a SigmaHQ checkout's rules/" : '';
    return `${lead}: it has no ${many}${input.notes?.length ? ` counted here${library ? '' : ' (its files are said above)'}` : ''}; ${outcome}${advice}`;
  }
  // A layer that highlights techniques by colour says which ones, not how well: a score says that.
  const unscored = input.kind === 'layer' && input.ignored.some(({ reason }) => reason.startsWith('no score'))
    ? '; a coverage layer counts scored entries, and colour-only ones its legend gives a level ("Detected", "Partial", "Not detected"): give each covered entry a score on its gradient (0..100 when it has none)'
    : '';
  return `${lead}: ${whyNoneCounted(input, target)}; ${outcome}${unscored}`;
}

/**
 * What became of the items of an input that gave the review nothing (threat or coverage): `of its 94 entries, 94
 * ignored: no score`, with the invalid ones and those naming no technique of the release.
 */
function whyNoneCounted(input: CoverageInput, target: AttackIndex): string {
  const [one, many] = itemUnits(input);
  const { items, invalid, rules } = input.counts;
  const reasons = new Map<string, number>();
  for (const { reason } of input.ignored) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const parts = [
    ...[...reasons].map(([reason, count]) => `${count} ignored: ${reason}`),
    ...(invalid ? [`${invalid} invalid (listed among the problems)`] : []),
    ...(rules ? [`${rules} naming no technique of ${target.label} (listed as not resolved)`] : []),
  ];
  return `of its ${items} ${items === 1 ? one : many}, ${parts.join('; ')}`;
}

/** Rules of one input that tag technique IDs past the release's newest (newerTagsNote). */
interface NewerTags {
  rules: number;
  /** Of them, the rules that name no technique of the release besides. */
  alone: number;
  /** The IDs as tagged, sub-techniques kept (T1685.005). */
  ids: Set<string>;
  /** The first such tag's place (`file:line`). */
  first: string;
  /** What the releases at hand say of each ID (unknownTechniqueFinding). */
  findings: Map<string, UnknownTechniqueFinding>;
}

/** A technique ID as a text writes it (`attack.t1685.005`) in ATT&CK's form: T1685.005. */
function techniqueIdOf(text: string): string {
  return text.trim().replace(/^attack\./i, '').toUpperCase();
}

/**
 * What a review would do in a newer release (`unknownTechniqueText`): review with it, to count the ID (`many`: the IDs);
 * a team's data counts it.
 */
function reviewAdvice(target: AttackIndex, givenAs: GivenAs | undefined, many = false): UnknownTechniqueAdvice {
  const them = many ? 'them' : 'it';
  return {
    does: `counts ${them}`,
    withIt: `review with ${releaseAsGiven(givenAs, target.domain, 'N', true)} to count ${them}`,
    inRelease: (later) => `review with ${releaseAsGiven(givenAs, later.domain, later.release)} to count ${them}`,
    inDomain: reviewInDomain,
  };
}

/**
 * What a threat's or a rule's technique ID the target lacks is, as validate and normalize say it (unknownTechniqueText:
 * T1653 Power Settings in 18.1 beside 12.1, T1685 of a newer release, a team's T9001, enterprise's T1685 beside ICS), in
 * the caller's words, from the finding read once per ID.
 */
function unknownIdText(id: string, target: AttackIndex, finding: UnknownTechniqueFinding, givenAs: GivenAs | undefined): string {
  return inGivenInputs(unknownFindingText(id, target, reviewAdvice(target, givenAs), finding), givenAs);
}

/**
 * Why a rule's technique reference names no technique of the release, in a few words, for a rules library's tags
 * counted per tag (`gap --rules-library`): what unknownIdText says, in its short form (`an ATT&CK 18.1 technique, T1653
 * Power Settings, not in 12.1`; `an ID past 18.1's newest technique: of ATT&CK 19 or later, not at hand`); any other,
 * its status and the resolution's note.
 */
function unplacedWhy(
  id: string,
  target: AttackIndex,
  resolution: { status: string; note: string },
  finding: UnknownTechniqueFinding | undefined,
  givenAs: GivenAs | undefined,
): string {
  if (finding) return inGivenInputs(unknownFindingBrief(id, target, reviewAdvice(target, givenAs), finding), givenAs);
  // A malformed ID (attack.t1059.01) says so itself; a well-formed one is in no release at hand.
  if (resolution.status === 'unknown' && techniqueNumber(id) !== undefined) return `no technique of ATT&CK ${target.release} nor of a newer release at hand: ${resolution.note}`;
  if (resolution.status === 'unknown') return resolution.note;
  return `${resolution.status}: ${resolution.note}`;
}

/** A coverage reference read only by repairing how its ID is written, with the repairs (READING_RULES' labels). */
// The repair `resolveCoverageRef` makes of an ID written with a hyphen after its T, as its trail and notes say it.
const HYPHEN_AFTER_T = 'a hyphen after the T (T-1059)';

/**
 * An ID written with a hyphen (or a dash) after its T (`T-1059`, `T-1059.001`, a Sigma tag's `attack.t-1059.001`)
 * as it reads without it (`T1059.001`); undefined for any other text.
 */
function unhyphened(text: string): string | undefined {
  const match = /^(?:attack\.)?t\s*[-\u2010-\u2015]\s*(\d.*)$/i.exec(text.trim());
  return match ? `T${match[1]}` : undefined;
}

/**
 * A coverage reference resolved as `normalize` resolves it, but for an ID with a hyphen after its T (`T-1059`): that
 * is read without the hyphen, the one obvious repair, said in the trail as a comma for a dot is (`T1059,001`), when
 * an ID is read; when none is (`T-105`, `T-10591`), it is a malformed ID, so said, never a name not found.
 */
function resolveCoverageRef(text: string, context: ResolveContext): Resolution {
  const repaired = unhyphened(text);
  if (repaired === undefined) return resolveReference({ raw: text }, context);
  const read = resolveReference({ raw: repaired }, context);
  if (read.ids.length) return { ...read, trail: [`read: ${HYPHEN_AFTER_T}`, ...read.trail] };
  const written = text.trim();
  if (techniqueNumber(repaired) === undefined && !read.note.startsWith('malformed ID')) {
    return {
      ...read,
      note: `malformed ID "${written}": a technique ID is a T and four digits (T1059), a sub-technique's a dot and three more (T1059.001); write it as ATT&CK does`,
    };
  }
  return { ...read, note: `"${written}" read as ${repaired}: ${read.note}` };
}

interface RepairedRef {
  raw: string;
  ids: readonly TechniqueId[];
  place: string;
  repairs: string[];
}

/**
 * The repairs a reference's resolution made to how its ID is written (`read: a comma stands for the dot of a
 * sub-technique (T1059,001)` in its trail); none for an ID written as ATT&CK writes it, or a name beside it.
 */
function readingRepairs(trail: readonly string[]): string[] {
  return trail.filter((step) => step.startsWith('read: ')).map((step) => step.slice('read: '.length));
}

// How many repaired references one note names; the rest are counted.
const REPAIRS_SHOWN = 10;

/**
 * One note per coverage input whose references were read only by a repair (`T1059,001`, `t1059_001`, `T1059/001`):
 * one obvious reading, so they count, but said with their places, so that the file can be written as ATT&CK writes
 * IDs and no reading is silent.
 */
function repairedRefsNote(input: CoverageInput, refs: readonly RepairedRef[] | undefined): string[] {
  if (!refs?.length) return [];
  const shown = refs.slice(0, REPAIRS_SHOWN).map(({ raw, ids, place, repairs }) => `"${raw}" (${place}) as ${ids.join(', ')}: ${repairs.join('; ')}`);
  const more = refs.length > REPAIRS_SHOWN ? `; and ${refs.length - REPAIRS_SHOWN} more` : '';
  const count = refs.length === 1 ? '1 technique reference is' : `${refs.length} technique references are`;
  return [
    `${input.kind === 'layer' ? layerLabel('coverage', input.source, input.layerName) : `${input.kind} "${input.source}"`}: ${count} not written as ATT&CK writes IDs ` +
      `and ${refs.length === 1 ? 'was' : 'were'} read with a repair, counted as read: ${shown.join('; ')}${more}; write each as its ID (T1059.001) so that every tool reads it`,
  ];
}

/**
 * What rules tagging technique IDs past the release's newest must say (SigmaHQ tags ATT&CK 19's T1685 where it
 * tagged T1562.001): what they detect counts for no technique here, so the techniques the newer release moved to
 * those IDs may show as gaps though rules cover them. The IDs a newer release at hand has are named with the
 * release and its --attack-release; the others with the release to fetch. None when no rule of the input does.
 */
function newerTagsNote(input: CoverageInput, newer: NewerTags | undefined, target: AttackIndex, givenAs: GivenAs | undefined): string[] {
  if (!newer) return [];
  const ids = [...newer.ids].sort(compareText);
  const rules = (count: number) => `${count} rule${count === 1 ? '' : 's'}`;
  return [
    `${input.kind} "${input.source}": ${rules(newer.rules)} tag technique IDs newer than ATT&CK ${target.label} has (${firstFew(ids, 8)}; first at ${newer.first}), ` +
      `${newer.alone === newer.rules ? 'each' : `${newer.alone} of them`} with no other technique, counting for nothing here; what those IDs detect counts for no technique, ` +
      `so techniques a newer release moved to them may show as gaps though rules cover them (each rule and tag is listed among the references not resolved): ${newerIdsAdvice(ids, newer.findings, target, givenAs)}`,
  ].map((note) => inGivenInputs(note, givenAs));
}

/**
 * What the technique IDs past the release's newest are and what to do, as unknownTechniqueText says each
 * (unknownTechniquesText): review with the newer release at hand that has them (its --attack-release), or get the
 * release that has them and review with it. In the CLI's words (inGivenInputs).
 */
function newerIdsAdvice(ids: readonly string[], findings: ReadonlyMap<string, UnknownTechniqueFinding>, target: AttackIndex, givenAs: GivenAs | undefined): string {
  return unknownTechniquesText(ids.map((id) => findings.get(id)!), target, (many) => reviewAdvice(target, givenAs, many));
}

/**
 * What a gap says of the rules tagging IDs past the release's newest under one of its tactics (NewerTaggedRule), on
 * its platforms: an 18.1 review of SigmaHQ's rules, which tag ATT&CK 19's attack.t1685 (Defense Impairment) where
 * they tagged T1562.001, showed T1562.001 uncovered with nothing on its row to say why. Undefined when none are.
 */
function rowNewerTags(
  row: Pick<GapRow, 'id' | 'tactics' | 'platforms'>,
  rules: readonly NewerTaggedRule[],
  target: AttackIndex,
  model: DetectionModel | undefined,
  givenAs: GivenAs | undefined,
): RowNewerTags | undefined {
  const placing = (rule: NewerTaggedRule) => rule.tags.filter((tag) => row.tactics.includes(tag.tactic));
  const placed = rules.filter((rule) => placing(rule).length && firesOn(rule, row.platforms));
  // Of them, those that read a log the technique's analytics on its platforms read, the ones to look at first: for
  // T1656 Impersonation (analytics on logons, mail and SaaS audit logs) 26 of SigmaHQ's 205. The others stay counted:
  // ATT&CK's analytics are not every way to see a technique (T1562.001's read no process creation, where the 70 T1685
  // rules on Windows process creation, which took its content, look), so reading other logs rules none out.
  const sources = model ? techniqueLogSources(model, row) : [];
  const under = placed;
  if (!under.length) return undefined;
  const reading = sources.length ? under.filter((rule) => rule.logSources?.some((ref) => sources.some((source) => logSourcesMeet(ref, source)))) : [];
  const told = under.filter((rule) => rule.logSources).length;
  const shortlist = reading.length && reading.length < told ? reading : undefined;
  const ids = [...new Set(under.flatMap((rule) => rule.ids))].sort(compareText);
  const tags = new Map<string, string>();
  for (const rule of under) {
    for (const tag of placing(rule)) if (!tags.has(tag.raw.toLowerCase())) tags.set(tag.raw.toLowerCase(), tag.raw);
  }
  const written = [...tags.values()].sort(compareText);
  const splits = written.map((tag) => laterTactic(tagTactic(tag))).filter((later) => later !== undefined);
  const from = splits[0] ? target.tactic(splits[0].from) : undefined;
  const whose = from ? ` (${splits.length === written.length ? '' : `of them, ${splits.map((later) => `attack.${later.shortname}`).join(' and ')} `}ATT&CK ${splits[0]!.since}'s, split off ${from.name})` : '';
  const one = under.length === 1;
  const note = inGivenInputs(
    `${one ? '1 rule' : `${under.length} rules`} on its platforms tagged ${written.join(', ')}${whose} ${one ? 'tags' : 'tag'} technique IDs ATT&CK ${target.label} does not know ` +
      `(${firstFew(ids, 8)}): ${one ? 'it counts' : 'they count'} for nothing here, and ${one ? 'detects' : 'detect'} this technique if the newer release moved it to those IDs` +
      `${shortlist ? `; of them, ${shortlist.length} read a log its ATT&CK analytics read, to look at first (${shortlist.slice(0, 3).map((rule) => rule.place).join(', ')}${shortlist.length > 3 ? ` and ${shortlist.length - 3} more` : ''})` : ''}; ` +
      newerIdsAdvice(ids, findingsOf(under), target, givenAs),
    givenAs,
  );
  const byId = ids.map((id) => {
    const tagging = under.filter((rule) => rule.ids.includes(id));
    return { id, rules: tagging.length, names: [...new Set(tagging.map((rule) => rule.name))].slice(0, NEWER_NAMES_SHOWN) };
  });
  return { rules: under.length, ...(shortlist ? { readingLogs: shortlist.length } : {}), ids, tags: written, byId, note };
}

/**
 * The log sources a gap's analytics read, each name once with its channels in ATT&CK's order, by name: ATT&CK lists
 * a source once per analytic and data component it serves (AN0235: WinEventLog:Sysmon three times).
 */
function dataSourcesOf(detection: GapDetection): RowDataSource[] {
  const channels = new Map<string, string[]>();
  for (const source of detection.strategies.flatMap((strategy) => strategy.analytics).flatMap((analytic) => analytic.logSources)) {
    const list = channels.get(source.name) ?? channels.set(source.name, []).get(source.name)!;
    if (source.channel && !list.includes(source.channel)) list.push(source.channel);
  }
  return [...channels].sort(([a], [b]) => compareText(a, b)).map(([name, list]) => ({ name, ...(list.length ? { channels: list } : {}) }));
}

/** The log sources the analytics of a gap's technique on its platforms read (every platform's where the row names none). */
function techniqueLogSources(model: DetectionModel, row: Pick<GapRow, 'id' | 'platforms'>): LogSourceRef[] {
  const analytics = model.strategies(row.id).flatMap((strategy) => strategy.analytics);
  const fitting = row.platforms.length ? analytics.filter((analytic) => analytic.platforms.some((platform) => row.platforms.includes(platform))) : analytics;
  return fitting.flatMap((analytic) => analytic.logSources);
}

/** What the releases at hand say of the IDs the rules tag. */
const findingsOf = (rules: readonly NewerTaggedRule[]): Map<string, UnknownTechniqueFinding> => new Map(rules.flatMap((rule) => [...rule.findings]));

/**
 * What a layer of a newer ATT&CK release than the one reviewed in must say: what that release added (ATT&CK 19's
 * T1685, its stealth tactic) is not resolved here, and which release to get. None for other inputs.
 */
function newerReleaseNote(input: CoverageInput, target: AttackIndex, role: 'threat' | 'coverage', givenAs: GivenAs | undefined): string[] {
  const major = attackMajor(input.attackVersion);
  if (!major || Number(major) <= Number(target.major)) return [];
  return [
    `${layerLabel(role, input.source, input.layerName)} is for ATT&CK ${major}, newer than ${target.label} reviewed here: the IDs and tactics ${major} added are ` +
      `not resolved (listed as such), and may be counted nowhere; get ${major} with \`${fetchCommand(target.domain, major)}\` ` +
      `and review with ${releaseAsGiven(givenAs, target.domain, major)}`,
  ].map((note) => inGivenInputs(note, givenAs));
}

/**
 * Campaigns as threat sources: observed techniques weigh 1, those only inferred from software 0.5. Platforms: the
 * campaign's, narrowed for a technique whose every reference names its own.
 */
export function threatFromCampaigns(results: readonly NormalizedCampaign[], target?: AttackIndex): ThreatSource[] {
  const mapped = (names: readonly string[] | undefined): { platforms: string[]; unknown: string[] } | undefined =>
    !names?.length ? undefined : target ? releasePlatforms(names, target) : { platforms: [...names], unknown: [] };
  return results.map((result) => {
    const campaign = mapped(result.campaign.platforms);
    const unknown = new Set(campaign?.unknown ?? []);
    const techniques = result.techniques.map((t): ThreatTechnique => {
      const own = t.references.map((i) => mapped(result.references[i]?.platforms));
      for (const names of own) for (const name of names?.unknown ?? []) unknown.add(name);
      const narrowed = own.every((names) => names?.platforms.length) ? [...new Set(own.flatMap((names) => names!.platforms))].sort(compareText) : undefined;
      const procedures = t.references.flatMap((i) => campaignProcedure(result, result.references[i]));
      return { id: t.id, weight: t.observed ? 1 : 0.5, tactics: t.tactics, ...(narrowed ? { platforms: narrowed } : {}), ...(procedures.length ? { procedures } : {}) };
    });
    return {
      name: result.name,
      kind: 'campaign',
      ...(campaign?.platforms.length ? { platforms: campaign.platforms } : {}),
      techniques,
      ...(unknown.size ? { unknownPlatforms: [...unknown] } : {}),
    };
  });
}

/**
 * How a campaign reference says the technique was used: its analyst's comment, else the evidence quoted from the
 * report; for a reference inferred from software, the note on that software, said as such. None when it has neither.
 */
function campaignProcedure(result: NormalizedCampaign, ref: NormalizedCampaign['references'][number] | undefined): ThreatProcedure[] {
  const text = ref?.comment?.trim() || ref?.evidence?.trim();
  if (!ref || !text) return [];
  const inferred = ref.software ? `inferred from ${ref.software.id} ${ref.software.name}: ` : '';
  return [{ text: `${inferred}${text}`, place: `${result.file}${ref.line === undefined ? '' : `:${ref.line}`}` }];
}

/** Options of threatFromLayer (a threat layer's platform filter is read with `release`, `nearest` and `releases`). */
export type ThreatLayerOptions = ResolveCoverageOptions;

/** The tactics ATT&CK 8 took over from PRE-ATT&CK: what the adversary does before the compromise. */
const PRE_TACTICS: readonly TacticShortname[] = ['reconnaissance', 'resource-development'];

/** Whether a technique has only PRE-ATT&CK's tactics (none: false), as the release places it. */
const isPreAttack = (tactics: readonly TacticShortname[]): boolean => tactics.length > 0 && tactics.every((tactic) => PRE_TACTICS.includes(tactic));

/**
 * The platforms a threat layer's `filters.platforms` names in the target release, or undefined for every platform:
 * none listed, or every platform of the layer's own release, or of another in whose platform names it is written
 * (`everyPlatformSource`: Navigator lists them all when none is left out, Elastic's navigator.py writes ATT&CK 14's
 * list into every layer, and `upgrade` widens such a filter to the platforms
 * added since, ESXi among them), or a generator's list (generatorPlatformList, as a coverage layer's). The note says
 * so when that reviews the layer on platforms its list does not name.
 */
function threatLayerPlatforms(
  input: CoverageInput,
  target: AttackIndex,
  options: ThreatLayerOptions,
): { platforms?: string[]; unknown: string[]; notes: string[] } {
  // A stage filter that hid PRE-ATT&CK keeps PRE out of "every platform", as `upgrade` writes the filter.
  const keptOut = input.hidesPreAttack && target.platforms().includes(PRE_PLATFORM) ? PRE_PLATFORM : undefined;
  const everyBut = (): string[] => target.platforms().filter((platform) => platform !== keptOut);
  const stagesNote = inGivenInputs(`${keptOut} left out: ${input.hidesPreAttack ?? ''}, which hid PRE-ATT&CK, whose tactics ${keptOut} holds since ATT&CK 8 (as \`attack-layers upgrade\` keeps it out)`, options.givenAs);
  if (!input.platforms?.length) {
    return keptOut ? { platforms: everyBut(), unknown: [], notes: [`${layerLabel('threat', input.source, input.layerName)}: reviewed on every platform of ${target.label} but ${stagesNote}`] } : { unknown: [], notes: [] };
  }
  const { platforms, unknown } = releasePlatforms(input.platforms, target);
  const { stated, exact, own, era, found } = filterReleases(input, target, options);
  // An ICS layer of 10 reviewed in 18.1: its names are 10's, unknown here, not names to replace with 18.1's.
  const unlisted = exact ? [] : unlistedPlatformNames(input.platforms, target, stated, options.releases);
  if (unlisted.length) {
    // The rest may still list every platform of the target (ICS 13's filter, "None" among its names).
    const every = found !== undefined || !platforms.length;
    const rest = every ? `on every platform of ${target.label}` : `on the rest (${platforms.join(', ')})`;
    const note = `${layerLabel('threat', input.source, input.layerName)}: filters.platforms names platforms ${target.label} does not have (${unlisted.join(', ')}), and those of ATT&CK ${stated}, the layer's, are not known here: they are left out, and it is reviewed ${rest}`;
    return { ...(every ? {} : { platforms }), unknown: unknown.filter((name) => !unlisted.includes(name)), notes: [note] };
  }
  if (!found) {
    // A generator's list (contentctl's ATT&CK 8 names but PRE) says nothing of the threat either. A filter that hides
    // techniques of the layer's own is still the author's, unlike a coverage layer's: narrowing a group's techniques
    // to the platforms of one's estate is what a threat layer's filter is for; those it hides are reviewed on their own.
    const generator = generatorPlatformList(input.platforms, renamedPlatformNames(input.platforms, stated), stated, own ?? target, options);
    if (!generator) return { ...(platforms.length ? { platforms } : {}), unknown, notes: [] };
    const note = inGivenInputs(`${layerLabel('threat', input.source, input.layerName)}: ${generator}, so it names no platform of the threat: reviewed on every platform of ${target.label}${keptOut ? ` but ${stagesNote}` : ''}`, options.givenAs);
    return { ...(keptOut ? { platforms: everyBut() } : {}), unknown, notes: [note] };
  }
  if (!own) return { ...(platforms.length ? { platforms } : {}), unknown, notes: [] };
  const added = everyBut().filter((platform) => !platforms.includes(platform));
  const notes = added.length
    ? [
        `${layerLabel('threat', input.source, input.layerName)}: filters.platforms lists every platform of ${everyPlatformWhose(found, own, era, stated ? undefined : input.filterRelease?.why)}, which leaves no ` +
          `platform out; reviewed on every platform of ${target.label}${keptOut ? ' but one' : ''}, ${added.join(', ')} included (as \`attack-layers upgrade\` widens that filter)` +
          (keptOut && !platforms.includes(keptOut) ? `; ${stagesNote}` : ''),
      ].map((note) => inGivenInputs(note, options.givenAs))
    : [];
  return keptOut ? { platforms: everyBut(), unknown, notes } : { unknown, notes };
}

/**
 * The releases a layer's platform filter is read against: the one it states (`stated`, its major), that release when
 * available here (`exact`) or the one nearest to it (`own`), the release it was chosen in (`era`: a layer that states
 * none was read in the target; a filter of Navigator 2.0-2.2's every option chose nothing), and the release whose every
 * platform it lists, when it does (`found`, everyPlatformSource).
 */
function filterReleases(
  input: CoverageInput,
  target: AttackIndex,
  options: ResolveCoverageOptions,
): { stated?: string; exact?: AttackIndex; own?: AttackIndex; era?: string; found?: PlatformRelease } {
  const stated = attackMajor(input.attackVersion);
  const exact = stated === undefined || stated === target.major ? target : options.release?.(stated);
  const own = exact ?? (stated === undefined ? undefined : options.nearest?.(stated));
  const era = stated ?? input.filterRelease?.major;
  return { stated, exact, own, era, found: everyPlatformSource(input.platforms, own, options.releases, era) };
}

/** The names of a layer's filter that ATT&CK had replaced by the layer's release (`stated`; none stated: by now). */
function renamedPlatformNames(names: readonly string[], stated: string | undefined): string[] {
  return names.filter((name) => {
    const rename = PLATFORM_RENAMES[name.trim()];
    return rename && (stated === undefined || compareReleases(attackMajor(rename.since) ?? rename.since, stated) <= 0);
  });
}

/** AWS, GCP, Azure (IaaS since ATT&CK 9.0): the names each rename replaced, together. */
function renamesText(names: readonly string[]): string {
  const byRename = new Map<string, string[]>();
  for (const name of names) {
    const { to, since } = PLATFORM_RENAMES[name.trim()]!;
    const rename = `${to} since ATT&CK ${since}`;
    byRename.set(rename, [...(byRename.get(rename) ?? []), name]);
  }
  return [...byRename].map(([rename, old]) => `${old.join(', ')} (${rename})`).join(', ');
}

/**
 * Why a layer's filter is its generator's list, not its author's choice, or undefined: naming platforms ATT&CK had
 * replaced by the layer's release (`renamed`; in a layer that states none, since), it lists every platform of an older
 * release in whose names it is written but one (nearlyEveryPlatformSource), as splunk/contentctl writes ATT&CK 8's names
 * but PRE into a layer of 16 and security_content's coverage.json ATT&CK 6's but Azure AD: Navigator writes the layer's
 * release's names, and a generator writes its list into every layer, whatever the layer holds. Said so of a coverage
 * layer (its detections count anywhere) and of a threat layer (reviewed on every platform) alike.
 */
function generatorPlatformList(names: readonly string[], renamed: readonly string[], stated: string | undefined, own: AttackIndex, options: ResolveCoverageOptions): string | undefined {
  const generator = renamed.length ? nearlyEveryPlatformSource(names.map((name) => name.trim()), own, options.releases) : undefined;
  if (!generator) return undefined;
  const layer = stated === undefined ? 'names ATT&CK has since replaced, in a layer that states no release' : `names ATT&CK ${stated}, the layer's release, had replaced`;
  const every = `every platform of ${generator.release.label}${generator.missing ? ` but ${generator.missing}` : ''}`;
  return `filters.platforms names ${renamesText(renamed)}, ${layer}, and lists ${every}: a list its generator writes into every layer, not one chosen in Navigator (which writes its release's names)`;
}

/**
 * The platforms a coverage layer's detections run on, read from its `filters.platforms`, in the target's names; with a
 * note saying how the filter was read. A filter narrows what the author looks at to where the layer's detections run:
 * sysmon-modular's layer (olafhartong/sysmon-modular, attack_matrix/Sysmon-modular.json) is filtered to "windows", where
 * Sysmon logs; MITRE CAR's analytic coverage layer (mitre-attack/car, docs/coverage/car_analytic_coverage_01_08_2024.json)
 * to Linux, macOS, Windows and Network, where its analytics run; DeTT&CT writes the `platform` of the administration file
 * its layer comes from, which read-dettect reads as where its detections count. It says nothing when it lists every
 * platform of the layer's release, or of an older one in whose names it is written (everyPlatformSource, as a threat
 * layer's), or when, naming a platform by a name ATT&CK had replaced before the layer's release (or in a layer that
 * states none), it lists every platform of an older release in whose names it is written but one
 * (nearlyEveryPlatformSource): such a list is its generator's, written into every layer whatever its rules, not one
 * chosen in Navigator, which writes its release's names. Splunk's contentctl writes ATT&CK 8's names but PRE into a
 * layer of ATT&CK 16 (splunk/contentctl, contentctl/output/attack_nav_writer.py), and its older writer ATT&CK 6's but
 * Azure AD into one of format 4.3 stating no release (splunk/security_content's coverage.json): read as where the
 * detections run, its Azure AD and Kubernetes rules would count on neither Identity Provider nor Containers. A filter in
 * replaced names that leaves out more is a choice, read in the target's names: a cloud pack's AWS, GCP and Azure (the
 * `platform` of a DeTT&CT administration file, which rabobank-cdc/DeTTECT's navigator_layer.py writes into a layer
 * stating no release; DeTT&CT 1.2's constants.py PLATFORMS names AWS, GCP, Azure) count on IaaS, not on Windows. A
 * filter that hid techniques of the layer's own entries from its author (techniquesFilterHides, in the layer's release)
 * was not chosen looking at them, and says nothing either: ElasticSA/elsec_dr2an's gen_an_layer.sh writes Windows, macOS
 * and Linux into every ATT&CK 8 layer, over its rules of T1530 (AWS, GCP, Azure alone in 8.2) and its AWS, Microsoft 365
 * and Okta rules of T1110 and T1078. sysmon-modular's techniques all run on Windows, CAR's on its four platforms.
 * Undefined platforms: every platform.
 */
function coverageLayerPlatforms(input: CoverageInput, target: AttackIndex, options: ResolveCoverageOptions): { platforms?: string[]; note?: string } {
  if (input.kind !== 'layer' || !input.platforms?.length || !(input.rules.length || input.visibility?.length)) return {};
  const label = layerLabel('coverage', input.source, input.layerName);
  const { stated, own, era, found } = filterReleases(input, target, options);
  // A caller that gives no release of the layer's (`release`, `nearest`) has it read by the target's and the platform
  // lists attack-layers ships (everyPlatformSource).
  if (found ?? (own ? undefined : everyPlatformSource(input.platforms, target, options.releases, era))) return {};
  const renamed = renamedPlatformNames(input.platforms, stated);
  const generator = generatorPlatformList(input.platforms, renamed, stated, own ?? target, options);
  if (generator) return { note: `${label}: ${generator}, so it is not read as where the layer's detections run: they count on every platform` };
  // A filter that hides the layer's own entries was not chosen looking at them (elsec_dr2an's, over its T1530).
  const release = own ?? target;
  const hidden = techniquesFilterHides([...input.rules, ...(input.visibility ?? [])].flatMap((item) => item.refs.map((ref) => ref.id ?? ref.raw)), release, input.platforms);
  if (hidden.length) {
    const shown = hidden.slice(0, 3).map((record) => `${record.id} ${record.name} (${record.platforms.join(', ')})`);
    const more = hidden.length > shown.length ? ` and ${hidden.length - shown.length} more` : '';
    return {
      note:
        `${label}: filters.platforms (${input.platforms.join(', ')}) hides ${hidden.length === 1 ? 'one of its own techniques' : `${hidden.length} of its own techniques`} in ${release.label}, ` +
        `${shown.join(', ')}${more}: a list written over entries it does not show, as a generator writes one into every layer, not one chosen ` +
        `to say where the layer's detections run, so they count on every platform`,
    };
  }
  const { platforms } = releasePlatforms(input.platforms, target);
  if (!platforms.length) return {};
  const rules = input.rules.length;
  // A choice in names ATT&CK has since replaced (a cloud pack's AWS, GCP, Azure) is read in the target's (IaaS).
  const replaced = renamed.filter((name) => !target.platforms().includes(name.trim()));
  const read = replaced.length ? `, read from the filter's ${renamesText(replaced)}` : '';
  return {
    platforms,
    note:
      `${label}: filters.platforms read as where its detections run: its ${rules === 1 ? 'rule counts' : `${rules} rules count`} on ${platforms.join(', ')} ` +
      `alone${read}, as a detections file's platforms do (a filter of every platform of its release says nothing)`,
  };
}

/**
 * A Navigator layer as a threat source, read like coverage (scores scaled to 0..1) and normalized (T1086 -> T1059.001).
 * Its platforms are its filter's (`threatLayerPlatforms`: a filter of every platform of its release names none).
 */
export function threatFromLayer(
  input: CoverageInput,
  target: AttackIndex,
  options: ThreatLayerOptions = {},
): { source: ThreatSource; unresolved: UnresolvedRef[]; remapped: RemappedRef[] } {
  const resolved = resolveCoverage([input], target, options);
  const byId = new Map<TechniqueId, ThreatTechnique>();
  const pairNotes = new Set<string>();
  const label = layerLabel('threat', input.source, input.layerName);
  // Entries whose tactic is a bare TA ID (`"TA0002"`), by the note upgrade gives each: said once for all of them.
  const byTacticId = new Map<string, string[]>();
  for (const { rule, ids } of resolved.rules) {
    const place = `${rule.file}${rule.line === undefined ? '' : `:${rule.line}`}`;
    for (const id of ids) {
      const entry = byId.get(id) ?? { id, weight: 0, tactics: [] };
      entry.weight = Math.max(entry.weight, rule.level);
      if (rule.comment && !entry.procedures?.some((known) => known.text === rule.comment)) {
        (entry.procedures ??= []).push({ text: rule.comment, place, ...(rule.links?.length ? { links: rule.links } : {}) });
      }
      const technique = target.technique(id)!;
      for (const tactic of rule.tactics ?? []) {
        // A TA ID with a name that name two tactics of the release is read as upgrade and validate read it.
        const pair = readTacticIdAndName(tactic, technique, target);
        if (pair) pairNotes.add(`${label}: ${place}: ${pair.note}`);
        const named = pair ? undefined : tacticWrittenOtherwise(tactic, target);
        if (named) {
          const note = tacticIdNote(named, target);
          const places = byTacticId.get(note) ?? [];
          if (!places.includes(place)) byTacticId.set(note, [...places, place]);
        }
        const shortname = pair ? pair.tactic : readTactic(tactic, target);
        if (shortname && technique.tactics.includes(shortname) && !entry.tactics.includes(shortname)) entry.tactics.push(shortname);
      }
      byId.set(id, entry);
    }
  }
  const { platforms, unknown, notes: platformNotes } = threatLayerPlatforms(input, target, options);
  // How the layer was read (scores at its gradient's minimum weigh 0), then what its platform filter means.
  const idNotes = [...byTacticId].map(([note, places]) => `${label}: ${firstFew(places)}: ${note}`);
  const statuses = new Map(resolved.unresolved.map(({ raw, status }) => [raw, status]));
  const notes = [...notesInDomain(input, target, (raw) => statuses.get(raw), options.otherDomains), ...otherDomainLayerNote(input, target, 'threat', options.otherDomains), ...pairNotes, ...idNotes, ...platformNotes];
  return {
    source: {
      name: input.source,
      kind: 'layer',
      ...(platforms ? { platforms } : {}),
      techniques: [...byId.values()],
      ...(unknown.length ? { unknownPlatforms: unknown } : {}),
      ...(notes.length ? { notes } : {}),
      input,
    },
    unresolved: resolved.unresolved,
    remapped: resolved.remapped,
  };
}

/**
 * A layer's notes on how its scores read, counted over its entries of the review's domain (recountedLayerNotes): an
 * entry of another domain (Enterprise T1018 in a mobile layer) is listed as not resolved, and counted by no note.
 */
function notesInDomain(input: CoverageInput, target: AttackIndex, statusOf: (raw: string) => string | undefined, otherDomains: OtherDomainLookup | undefined): string[] {
  const otherDomain = new Map<string, string>();
  if (input.kind === 'layer') {
    for (const { raw } of input.rules.flatMap((rule) => rule.refs)) {
      if (statusOf(raw) === 'other domain') otherDomain.set(raw, otherDomains?.(raw.trim().toUpperCase())?.domain ?? 'another domain');
    }
  }
  return (otherDomain.size ? recountedLayerNotes(input, otherDomain, target.domain) : undefined) ?? input.notes ?? [];
}

/**
 * A layer whose every entry is a technique of one other domain (an ICS layer stating enterprise-attack): said once, as
 * `upgrade` and `validate` say it, beside each entry listed as not resolved.
 */
function otherDomainLayerNote(input: CoverageInput, target: AttackIndex, role: 'threat' | 'coverage', otherDomains: OtherDomainLookup | undefined, givenAs?: GivenAs): string[] {
  const ids = input.rules.flatMap((rule) => rule.refs.map((ref) => (ref.id ?? ref.raw).trim().toUpperCase()));
  if (input.kind === 'dettect') return otherDomainDettectNote(input, [...new Set(ids)], target, otherDomains, givenAs);
  if (input.kind !== 'layer') return [];
  const text = otherDomainLayerText(ids, target, otherDomains);
  return text ? [`${layerLabel(role, input.source, input.layerName)}: /domain: ${text}`] : [];
}

/**
 * A DeTT&CT technique administration file whose every technique is of one other domain (an ICS file without DeTT&CT's
 * `domain` key, read in the default enterprise-attack): its domain is what is wrong, not each ID, so one note says
 * which domain to state and how to review it, as a layer's does.
 */
function otherDomainDettectNote(input: CoverageInput, ids: readonly string[], target: AttackIndex, otherDomains: OtherDomainLookup | undefined, givenAs?: GivenAs): string[] {
  const domain = otherDomainOfAll(ids, target, otherDomains);
  if (!domain) return [];
  const stated = input.domain ? `its "domain: ${input.domain}" is likely wrong` : `it states no domain, so it was read as ${target.domain}`;
  return [
    `coverage dettect "${input.source}": every technique its detections name (${ids.length}) is one of ${domain}, none of ${target.domain}: ${stated}; ` +
      `write "domain: ${domain}" in it (DeTT&CT's key) and review it with ${givenOption(givenAs, 'domain', domain, domain.replace(/-attack$/, ''))} against a threat of ${domain}`,
  ];
}

/**
 * Why a threat source gave the review no technique (a layer whose entries carry only `showSubtechniques`, a campaign
 * whose references are all unknown): a source that seems to be reviewed and is not must say so.
 */
function emptyThreatNote(source: ThreatSource, target: AttackIndex): string {
  const input = source.input;
  const lead = `${input?.kind === 'layer' ? layerLabel('threat', input.source, input.layerName) : `threat ${source.kind} "${source.name}"`} gives no technique to review`;
  if (!input) return `${lead}: none of its references was placed on a technique of ${target.label} (listed as not resolved)`;
  if (!input.counts.items) return `${lead}: it has no technique entries`;
  return `${lead}: ${whyNoneCounted(input, target)}`;
}

/**
 * The priority formula as a review ranked by `ranking` applies it, naming the other ranking as the caller gives it:
 * the CLI's `--outside-view priority`, a program's `outsideView: 'priority'` (reviewGaps has no flags).
 */
export function priorityFormula(ranking: OutsideViewRanking, givenAs?: GivenAs): string {
  if (ranking !== 'last') return GAP_FORMULAS.priority;
  return (
    `${GAP_FORMULAS.priority}; but a technique outside view (Reconnaissance or Resource Development only) ranks after every technique in view, ` +
    `whatever its priority (${givenOption(givenAs, 'outsideView', 'priority')} ranks by priority alone)`
  );
}

/**
 * The name each threat source is shown under (a row's "Used by", the report's threat line): a campaign's name, a
 * threat layer's `name` (`APT28 (G0007)`, as attack-object names it) rather than its file; a layer whose name is
 * empty or that another source shares (two layers named "layer", Navigator's default) keeps its file.
 */
function threatNames(threats: readonly ThreatSource[]): Map<ThreatSource, string> {
  const candidate = (source: ThreatSource): string => (source.kind === 'layer' ? source.input?.layerName?.trim() || source.name : source.name);
  const counts = new Map<string, number>();
  for (const source of threats) counts.set(candidate(source), (counts.get(candidate(source)) ?? 0) + 1);
  return new Map(threats.map((source) => [source, counts.get(candidate(source))! > 1 ? source.name : candidate(source)]));
}

/**
 * What a row reviewed on its own platforms, none of them the threat's (`threatPlatforms`), says on it in every report:
 * `runs on none of the platforms its threat sources name (Identity Provider, Office Suite): reviewed on its own, Windows`.
 */
export function offThreatPlatformText(row: Pick<GapRow, 'platforms' | 'threatPlatforms'>): string | undefined {
  if (!row.threatPlatforms) return undefined;
  return `runs on none of the platforms its threat sources name (${row.threatPlatforms.join(', ')}): reviewed on its own in ATT&CK, ${row.platforms.join(', ')}, where a rule for it counts`;
}

/**
 * Per threat source, the techniques it scores that run on none of the platforms it names (`threatPlatforms` rows): a
 * report or a threat layer citing LSASS Memory under a filter of Identity Provider and Office Suite, which Navigator
 * shows hidden under that filter (NAVIGATOR.md), or a Linux campaign citing PowerShell.
 */
function offThreatNotes(threats: readonly ThreatSource[], rows: readonly GapRow[], shown: ReadonlyMap<ThreatSource, string>): string[] {
  const off = new Map(rows.filter((row) => row.threatPlatforms).map((row) => [row.id, row]));
  return threats.flatMap((source) => {
    const cited = source.techniques.filter((t) => off.has(t.id));
    if (!cited.length) return [];
    const named = [...new Set(cited.flatMap((t) => t.platforms ?? source.platforms ?? []))].sort(compareText);
    const items = [...new Set(cited.map((t) => t.id))].sort().map((id) => `${id} ${off.get(id)!.name} (${off.get(id)!.platforms.join(', ')})`);
    const one = items.length === 1;
    const hidden = source.kind === 'layer' ? `, and Navigator hides ${one ? 'it' : 'them'} under its filter` : '';
    return [
      `${source.kind === 'layer' ? 'threat layer' : 'campaign'} "${shown.get(source)}": ${one ? `${items[0]} runs` : `${items.length} techniques run`} on none of the platforms it names ` +
        `(${named.join(', ')})${hidden}${one ? '' : ` (${firstFew(items, 5)})`}: reviewed on ${one ? 'its' : 'their'} own ATT&CK platforms, where a rule for ${one ? 'it' : 'them'} counts`,
    ];
  });
}

/** Options of a review. */
export interface ReviewOptions {
  /** Where techniques of Reconnaissance or Resource Development only rank (default `last`). */
  outsideView?: OutsideViewRanking;
  /** Coverage (0..1) below which a threat technique is a gap. */
  minCoverage: number;
  threatUnresolved?: UnresolvedRef[];
  /** The threat side's revoked IDs counted under their replacement (`campaignRemapped`, `threatFromLayer`). */
  threatRemapped?: RemappedRef[];
  /** The release's detection strategies, analytics and mitigations: shown for every gap. */
  detection?: DetectionModel;
  /** What the organisation collects: classes each gap as buildable, needing telemetry, or without analytic. */
  logSources?: CollectedLogSources;
  /** Atomic Red Team tests placed on the release (`placeAtomicTests`): listed per row on its platforms. */
  tests?: PlacedAtomicTests;
  /** Threat layers left out of the review (`ThreatInputs.aggregatesLeftOut`): listed with the threat's inputs. */
  threatLeftOut?: readonly ThreatLeftOut[];
  /** Public rules not run (`gap --rules-library`): proposed for each gap on its platforms, never coverage. */
  library?: RulesLibrary;
  /** How notes name the release to review in (see `ResolveCoverageOptions.givenAs`). */
  givenAs?: GivenAs;
}

/** Compare threat with coverage: every threat technique ranked by priority, the gaps, and a per-tactic summary. */
export function reviewGaps(threats: readonly ThreatSource[], coverage: ResolvedCoverage, target: AttackIndex, options: ReviewOptions): GapReview {
  const direct = new Map<TechniqueId, DirectRule[]>();
  for (const { rule, ids, platforms } of coverage.rules) {
    for (const id of ids) {
      const list = direct.get(id) ?? [];
      // A layer that gives a technique two entries alike (alchici/ThreatIntel's "Kill Chain" lists T1059 twice, or one
      // entry per tactic) says one thing of it: one rule, at its first entry, not "Kill Chain (100%); Kill Chain (100%)".
      const same = list.some((other) => other.name === rule.name && other.level === rule.level && other.file === rule.file && String(other.platforms) === String(platforms));
      if (!same) list.push({ name: rule.name, ...(rule.names ? { names: rule.names } : {}), level: rule.level, file: rule.file, ...(rule.line !== undefined ? { line: rule.line } : {}), ...(rule.path ? { path: rule.path } : {}), ...(platforms ? { platforms } : {}), ...(rule.mailData ? { mailData: rule.mailData } : {}) });
      direct.set(id, list);
    }
  }
  for (const list of direct.values()) list.sort((a, b) => b.level - a.level || compareText(a.name, b.name) || compareText(a.file, b.file));
  const seen = new Map<TechniqueId, (RowVisibility & { platforms?: string[] })[]>();
  for (const { visibility, ids, platforms } of coverage.visibility ?? []) {
    const { name, score, file, line, path } = visibility;
    for (const id of ids) seen.set(id, [...(seen.get(id) ?? []), { name, score, file, ...(line !== undefined ? { line } : {}), ...(path ? { path } : {}), ...(platforms ? { platforms } : {}) }]);
  }
  for (const list of seen.values()) list.sort((a, b) => b.score - a.score || compareText(a.name, b.name) || compareText(a.file, b.file));
  const rowRule = ({ platforms: _, mailData: _mail, ...rule }: DirectRule): RowRule => rule;
  // The rules that count for a technique on the platforms: those that fire on one of them, and those that read the mail
  // a technique delivered by mail comes in, each saying so (`delivery`).
  const countingRules = (techniqueId: TechniqueId, platforms: readonly string[] | undefined): RowRule[] =>
    (direct.get(techniqueId) ?? []).flatMap((rule) => {
      if (firesOn(rule, platforms)) return [rowRule(rule)];
      return countsForDelivery(techniqueId, rule) ? [{ ...rowRule(rule), delivery: rule.mailData! }] : [];
    });

  // The coverage of a technique from the rules that fire on some of the platforms (all rules without platforms).
  const coverageOf = (id: TechniqueId, platforms?: readonly string[]): CoveredTechnique => {
    const technique = target.technique(id)!;
    const counting = (techniqueId: TechniqueId) => countingRules(techniqueId, platforms);
    const rules = counting(id);
    const best = rules[0]?.level ?? 0;
    const subs = technique.subtechnique ? [] : target.children(id).filter((c) => !c.revoked && !c.deprecated);
    // A rule at level 0 (a detections file's `none`, a coverage layer's score 0) covers nothing: a sub-technique whose
    // rules all weigh 0 makes its parent no partial one "through" it (WELA's heatmap scores 0 a technique whose rules
    // cannot fire), and a parent whose own rules all weigh 0 is read through its sub-techniques as one without rules
    // (attack-coverage tools write every technique of the matrix, "no detection" at 0, beside the covered ones).
    const coveredSubtechniques = subs.filter((s) => (counting(s.id)[0]?.level ?? 0) > 0).map((s) => s.id);
    if (best === 0 && coveredSubtechniques.length) {
      const subtechniques = subs.map((s) => ({ id: s.id, coverage: round(counting(s.id)[0]?.level ?? 0) })).sort((a, b) => (a.id < b.id ? -1 : 1));
      const mean = subs.reduce((sum, s) => sum + (counting(s.id)[0]?.level ?? 0), 0) / subs.length;
      return { id, name: technique.name, coverage: round(mean), partial: true, rules: [], coveredSubtechniques, subtechniques };
    }
    return { id, name: technique.name, coverage: round(best), partial: false, rules, coveredSubtechniques };
  };

  const every = target.platforms();
  const shown = threatNames(threats);
  const threat = new Map<TechniqueId, { weight: number; tactics: Set<TacticShortname>; unplaced: boolean; sources: string[]; platforms: Set<string>; procedures: RowProcedure[] }>();
  for (const source of threats) {
    for (const t of source.techniques) {
      const entry = threat.get(t.id) ?? { weight: 0, tactics: new Set(), unplaced: false, sources: [], platforms: new Set(), procedures: [] };
      for (const procedure of t.procedures ?? []) entry.procedures.push({ source: shown.get(source)!, ...procedure });
      entry.weight += t.weight;
      if (!t.tactics.length) entry.unplaced = true;
      for (const tactic of t.tactics) entry.tactics.add(tactic);
      if (!entry.sources.includes(shown.get(source)!)) entry.sources.push(shown.get(source)!);
      for (const platform of t.platforms ?? source.platforms ?? every) entry.platforms.add(platform);
      threat.set(t.id, entry);
    }
  }

  const rows: GapRow[] = [...threat.entries()].map(([id, t]) => {
    const technique = target.technique(id)!;
    const own = [...t.platforms].filter((platform) => technique.platforms.includes(platform));
    // A technique of none of the threat's platforms (LSASS Memory, Windows, in a layer filtered to Identity Provider)
    // is reviewed on its own, where a rule for it runs; one stating no platform (ICS 18.1's), on the threat's.
    const offThreat = !own.length && technique.platforms.length > 0;
    const platforms = (own.length ? own : offThreat ? [...technique.platforms] : [...t.platforms]).sort(compareText);
    const covered = coverageOf(id, platforms);
    const status: CoverageStatus = covered.partial
      ? 'partial'
      : covered.coverage === 0
        ? 'none'
        : covered.coverage >= options.minCoverage
          ? 'covered'
          : 'low';
    const counting = (direct.get(id) ?? []).filter((rule) => firesOn(rule, platforms));
    // Only a rule above level 0 covers its platform: a detections file's row at `none` for macOS says macOS is not. A
    // rule counted for delivery covers every one: the mail it reads reaches each.
    const delivered = countingRules(id, platforms).some((rule) => rule.delivery && rule.level > 0);
    const platformsCovered = platforms.filter((platform) => delivered || counting.some((rule) => rule.level > 0 && firesOn(rule, [platform])));
    // Rules that cover the parent (above level 0): one of level 0 (DeTT&CT's 0, forensics / context: logged, nothing
    // detects) covers nothing, at the parent or here, so the sub-technique is not "covered at the parent".
    const parentRules = technique.parent ? countingRules(technique.parent, platforms).filter((rule) => rule.level > 0) : [];
    const visibility = (seen.get(id) ?? [])
      .filter((entry) => firesOn(entry, platforms))
      .map(({ platforms: on, ...entry }) => {
        const some = on && platforms ? platforms.filter((platform) => on.includes(platform)) : undefined;
        return some && some.length < platforms!.length ? { ...entry, platforms: some } : entry;
      });
    return {
      id,
      name: technique.name,
      // A technique some source did not place under a tactic counts under all its tactics.
      tactics: t.unplaced ? [...technique.tactics] : technique.tactics.filter((tactic) => t.tactics.has(tactic)),
      threat: round(t.weight),
      sources: t.sources.sort(),
      platforms,
      ...(offThreat ? { threatPlatforms: [...t.platforms].sort(compareText) } : {}),
      platformsCovered,
      // By source as Used by lists them (a stable sort keeps each source's own order).
      ...(t.procedures.length ? { procedures: [...t.procedures].sort((a, b) => compareText(a.source, b.source)) } : {}),
      coverage: covered.coverage,
      status,
      rules: covered.rules,
      otherPlatformRules: (direct.get(id) ?? [])
        .filter((rule) => !firesOn(rule, platforms) && !countsForDelivery(id, rule))
        .map((rule) => ({ ...rowRule(rule), platforms: rule.platforms ?? [] })),
      coveredSubtechniques: covered.coveredSubtechniques,
      ...(covered.subtechniques ? { subtechniques: covered.subtechniques } : {}),
      ...(parentRules.length ? { parentRules } : {}),
      ...(visibility.length ? { visibility } : {}),
      ...(options.tests ? { tests: testsOnPlatforms(options.tests.placed, id, platforms) } : {}),
      priority: round(t.weight * (1 - covered.coverage)),
      ...(isPreAttack(technique.tactics) ? { preAttack: true as const } : {}),
    };
  });
  const isGap = (row: GapRow): boolean => row.coverage < options.minCoverage || row.status === 'partial';
  if (options.detection) {
    for (const row of rows) {
      if (!isGap(row)) continue;
      row.detection = detectionAdvice(row.id, row.platforms, options.detection, options.logSources);
      const seenBy = dataSourcesOf(row.detection);
      if (seenBy.length) row.dataSources = seenBy;
    }
  }
  if (options.library) {
    for (const row of rows.filter(isGap)) {
      row.library = options.library.rulesFor(row.id, row.platforms);
      const elsewhere = row.library.length ? undefined : options.library.rulesElsewhere(row.id, row.platforms);
      if (elsewhere) row.libraryElsewhere = elsewhere;
    }
  }
  if (coverage.newerRules?.length) {
    for (const row of rows.filter(isGap)) {
      const newerTags = rowNewerTags(row, coverage.newerRules, target, options.detection, options.givenAs);
      if (newerTags) row.newerTags = newerTags;
    }
  }
  // Every gap before every covered technique: the CSV's and the workbook's rank is then the Markdown's gap number (a
  // covered technique of priority 0.84, 3 x (1 - 72 %), sat between gaps, so gap 43 of the Markdown was rank 48).
  // Equal priorities: what the collected logs can detect first (--log-sources), then what happens in view before what
  // happens before the compromise (PRE-ATT&CK's tactics only), then the higher threat, then the ID.
  // By default a technique outside view ranks after every one in view (a PRE gap of priority 2 sat above buildable
  // in-view gaps of 1.5: 5 of the top 8 of an APT28 and APT29 review needed Internet Scan telemetry).
  const outsideView = options.outsideView ?? 'last';
  const outsideLast = outsideView === 'last';
  rows.sort(
    (a, b) =>
      Number(isGap(b)) - Number(isGap(a)) ||
      (outsideLast ? Number(!!a.preAttack) - Number(!!b.preAttack) : 0) ||
      b.priority - a.priority ||
      classRank(a.detection) - classRank(b.detection) ||
      Number(!!a.preAttack) - Number(!!b.preAttack) ||
      b.threat - a.threat ||
      (a.id < b.id ? -1 : 1),
  );
  const gaps = rows.filter(isGap);

  const tactics: TacticSummary[] = target
    .tactics()
    .map((tactic) => {
      const under = rows.filter((row) => row.tactics.includes(tactic.shortname));
      const weight = under.reduce((sum, row) => sum + row.threat, 0);
      return {
        tactic: tactic.shortname,
        name: tactic.name,
        techniques: under.length,
        gaps: under.filter((row) => gaps.includes(row)).length,
        threat: round(weight),
        coverage: weight ? round(under.reduce((sum, row) => sum + row.threat * row.coverage, 0) / weight) : 0,
      };
    })
    .filter((summary) => summary.techniques > 0);

  const coveredIds = new Set<TechniqueId>(direct.keys());
  for (const id of direct.keys()) {
    const parent = target.technique(id)?.parent;
    if (parent) coveredIds.add(parent);
  }
  const covered = [...coveredIds].sort().map((id) => coverageOf(id)).filter((c) => c.coverage > 0 || c.rules.length);

  const notes = [...coverageNotes(coverage, options.library), ...threats.flatMap((source) => [...(source.input ? newerReleaseNote(source.input, target, 'threat', options.givenAs) : []), ...(source.notes ?? [])])];
  for (const source of threats) {
    for (const name of source.unknownPlatforms ?? []) {
      notes.push(`${source.kind} "${source.name}": platform "${name}" is not an ATT&CK ${target.label} platform and is left out; ${platformAdvice('write', every)}`);
    }
  }
  notes.push(...offThreatNotes(threats, rows, shown));
  notes.push(...deliveryNotes(rows));
  notes.push(...threats.filter((source) => !source.techniques.length).map((source) => emptyThreatNote(source, target)));
  if (options.detection && !options.detection.hasStrategies) {
    notes.push(
      `ATT&CK ${target.label} has no detection strategies or analytics (they came with ATT&CK 18): the gaps show mitigations only` +
        `${options.logSources ? ', and none can be classed against the log sources' : ''}; review against 18.1 or newer for what to build`,
    );
  }
  if (options.logSources && options.detection?.hasStrategies) notes.push(...unknownLogSources(options.logSources, options.detection, target).map((note) => inGivenInputs(note, options.givenAs)));
  if (options.tests) notes.push(...options.tests.notes);
  const platforms = threats.length && threats.every((source) => source.platforms)
    ? [...new Set(threats.flatMap((source) => source.platforms!))].sort(compareText)
    : [...every];

  return {
    attack: { domain: target.domain, release: target.release },
    minCoverage: options.minCoverage,
    outsideView,
    threats: threats.map((t) => ({
      name: shown.get(t)!,
      kind: t.kind,
      ...(shown.get(t) !== t.name ? { file: t.name } : {}),
      techniques: t.techniques.length,
      ...(t.platforms ? { platforms: t.platforms } : {}),
    })),
    ...(options.threatLeftOut?.length
      ? { threatLeftOut: options.threatLeftOut.map(({ input, why }) => ({ name: input.layerName ?? input.source, file: input.source, why })) }
      : {}),
    platforms,
    rows,
    gaps,
    tactics,
    covered,
    coverage,
    threatInputs: threats.flatMap((source) => source.input ?? []),
    threatUnresolved: options.threatUnresolved ?? [],
    threatRemapped: options.threatRemapped ?? [],
    ...(options.detection ? { detectionStrategies: options.detection.hasStrategies } : {}),
    ...(options.logSources ? { logSources: collectedLogSources(options.logSources) } : {}),
    ...(options.tests ? { tests: testsSummary(options.tests, gaps) } : {}),
    ...(options.library ? { library: librarySummary(options.library, gaps), libraryInputs: options.library.inputs } : {}),
    notes,
    ...(options.givenAs ? { givenAs: options.givenAs } : {}),
  };
}

/**
 * The coverage's notes, with a rules library's folders that give no rule and tactic tags the release does not know:
 * its other notes are its own to fix (counted on the CLI's library line), these the reviewer's to know, once a run. A
 * tag the coverage's rules carry too is one note for both, in place of the coverage's own.
 */
function coverageNotes(coverage: ResolvedCoverage, library: RulesLibrary | undefined): string[] {
  if (!library) return coverage.notes;
  const own = new Set(coverage.tacticNotes);
  return [...coverage.notes.filter((note) => !own.has(note)), ...library.emptyNotes, ...unknownTacticNotes(coverage.tacticTags, library.tacticTags)];
}

function librarySummary(library: RulesLibrary, gaps: readonly GapRow[]): LibrarySummary {
  const withRules = gaps.filter((row) => row.library?.length);
  const classed = withRules.some((row) => row.library!.some((rule) => rule.buildable !== undefined));
  return {
    ...library.summary,
    gapsWithRules: withRules.length,
    ...(classed ? { gapsBuildable: withRules.filter((row) => row.library!.some((rule) => rule.buildable)).length } : {}),
  };
}

function testsSummary(tests: PlacedAtomicTests, gaps: readonly GapRow[]): TestsSummary {
  const gapsWithTests = gaps.filter((row) => row.tests?.some((test) => !test.via)).length;
  const gapsWithRelatedOnly = gaps.filter((row) => row.tests?.length && row.tests.every((test) => test.via)).length;
  return { source: tests.source, tests: tests.count, gapsWithTests, gapsWithRelatedOnly, gapsWithout: gaps.length - gapsWithTests - gapsWithRelatedOnly };
}

/** The names of a log sources file, each once (its first spelling). */
function collectedLogSources(collected: CollectedLogSources): NonNullable<GapReview['logSources']> {
  // Each name in its first spelling; its channels gathered over every entry of it, until one names it whole.
  const byName = new Map<string, { name: string; channels?: Map<string, string> }>();
  for (const source of collected.input.sources) {
    const key = source.name.toLowerCase();
    const known = byName.get(key);
    if (known && !known.channels) continue;
    const entry = known ?? { name: source.name, channels: new Map<string, string>() };
    if (!source.channels?.length) delete entry.channels;
    else for (const channel of source.channels) if (!entry.channels!.has(channel.toLowerCase())) entry.channels!.set(channel.toLowerCase(), channel);
    byName.set(key, entry);
  }
  const names = [...byName.values()];
  const partial = names.filter((entry) => entry.channels).map((entry) => ({ name: entry.name, channels: [...entry.channels!.values()] }));
  return { file: collected.input.file, names: names.map((entry) => entry.name), ...(partial.length ? { partial } : {}) };
}

/** Notes on names of a log sources file that no analytic of the release uses, with the closest name it does use. */
function unknownLogSources(collected: CollectedLogSources, model: DetectionModel, target: AttackIndex): string[] {
  const known = model.logSources().map((use) => use.name);
  const lower = new Set(known.map((name) => name.toLowerCase()));
  return collected.input.sources
    .filter((source) => !lower.has(source.name.toLowerCase()))
    .map((source) => {
      const key = source.name.toLowerCase();
      const limit = Math.max(2, typoLimit(key.length));
      const closest = known
        .map((name) => [editDistance(key, name.toLowerCase(), limit), name] as const)
        .filter(([distance]) => distance <= limit)
        .sort((a, b) => a[0] - b[0] || compareText(a[1], b[1]))[0]?.[1];
      return (
        `log sources ${collected.input.file}${source.line ? `:${source.line}` : ''}: "${source.name}" is not a log source of any analytic of ATT&CK ${target.label}` +
        `${closest ? `; did you mean ${closest}?` : '; `attack-layers data log-sources` lists them'}`
      );
    });
}

/** The status of a campaign file's entry that could not be read (`Campaign.leftOut`), among the unresolved references. */
const LEFT_OUT_STATUS = 'left out';

/**
 * The threat side's references that a campaign left unresolved, in the same shape as coverage ones, and the entries of
 * its file that could not be read (status `left out`, the entry's JSON pointer as written): so that the report lists
 * them with the rest, as the campaign layer's description does, not stderr alone. With the review's release and the
 * releases at hand, an ID a newer release at hand has is named with it (`unknownIdText`).
 */
export function campaignUnresolved(
  results: readonly NormalizedCampaign[],
  releases: { target: AttackIndex; history?: ResolveCoverageOptions['history']; givenAs?: GivenAs } | undefined = undefined,
): UnresolvedRef[] {
  // An ID the review's release lacks that a newer release at hand has (T1653 Power Settings, since ATT&CK 13, in a 12.1
  // review) says which release counts it, as a rule's tag or a threat layer's entry does (unknownIdText).
  const noteOf = (ref: NormalizedCampaign['references'][number]): string => {
    if (!releases || ref.status !== 'unknown') return ref.note;
    const ids = parseReference(ref.raw).parts.flatMap((part) => part.ids);
    if (ids.length !== 1) return ref.note;
    // A team's T9001 was told "if it comes from a newer ATT&CK release, get it", as normalize says of any unknown ID.
    const finding = unknownTechniqueFinding(ids[0]!, releases.target, releases.history);
    return finding ? unknownIdText(ids[0]!, releases.target, finding, releases.givenAs) : ref.note;
  };
  return results.flatMap((result) => [
    ...result.references
      .filter((ref) => UNRESOLVED_STATUSES.includes(ref.status))
      .map((ref) => ({ raw: ref.raw, file: result.file, ...(ref.line !== undefined ? { line: ref.line } : {}), status: ref.status, note: noteOf(ref) })),
    ...(result.campaign.leftOut ?? []).map((entry) => ({
      raw: entry.path,
      file: result.file,
      ...(entry.line !== undefined ? { line: entry.line } : {}),
      status: LEFT_OUT_STATUS,
      note: entry.message,
    })),
  ]);
}

/** The campaigns' revoked references, counted under their replacement, in the shape of coverage ones (`rule`: the campaign). */
export function campaignRemapped(results: readonly NormalizedCampaign[]): RemappedRef[] {
  return results.flatMap((result) =>
    result.references
      .filter((ref) => ref.status === 'revoked' && ref.ids.length)
      .map((ref) => ({ raw: ref.raw, ids: ref.ids, file: result.file, ...(ref.line !== undefined ? { line: ref.line } : {}), rule: result.name })),
  );
}
