import isEqual from 'lodash-es/isEqual.js';
import type { AttackIndex } from '../attack/attack-index.js';
import { DOMAINS, type Domain, type TechniqueRecord } from '../attack/types.js';
import { notMitreText } from '../attack/not-mitre-text.js';
import { unknownTechniqueText } from '../attack/unknown-technique-text.js';
import { compareText } from '../compare-text.js';
import { AttackDataError, givenName, givenOption, inGivenInputs, withGivenInputs, type GivenAs, type Issue } from '../errors.js';
import { schemaIssues } from '../schemas.js';
import { LAYER_FORMAT } from './layer-types.js';
import {
  attackMajor,
  compareVersions,
  atlasMessage,
  customData,
  isFormatInOldKey,
  currentDomainName,
  DEFAULT_NAVIGATOR_VERSION,
  isAtlasLayer,
  isPreAttackLayer,
  isUnreadablePreAttackLayer,
  layerFormat,
  layerReleaseFetch,
  migrateLayerFormat,
  NAVIGATOR_ATTACK_MAJORS,
  navigatorFormatReception,
  navigatorFormatText,
  outdatedLayerDialog,
  outOfDateNotice,
  navigatorRefusal,
  preAttackMessage,
  upgradePrompt,
} from './layer-format.js';
import { collapsedSubtechniques, disabledUnder, isAnnotated, isOnlyDisabled, keptBySubtechnique } from './subtechnique-visibility.js';
import { everyPlatformNote, everyPlatformRelease, everyReleaseTypo, filteredOutEntries, navigatorPlatformFilter, platformsShown, renamedSinceLayer, shownPlatforms, type FilteredOut, unfilterablePlatforms, unlistedPlatformNames, type ReleaseList } from './platform-visibility.js';
import { isJsonObject, valueAtPointer, type JsonObject } from '../json-value.js';
import { currentPlatformName, NAVIGATOR_PLATFORM_MAPPINGS, platformAdvice, PLATFORM_RENAMES } from '../attack/platform-names.js';
import { isIndexedTechniqueId, isNamespacedTechniqueId, namespacedTechniqueText, preAttackNumberText, unusedNumberText } from '../attack/technique-id.js';
import { annotateInDomain, otherDomainLayerText, otherDomainLookup, otherDomainText, type OtherDomainLookup } from '../attack/other-domains.js';
import { arrayLayers, navigatorSettings, originalPath, repairLayer, type LayerRepair } from './repair-layer.js';
import { noKindText } from '../input-kind.js';
import { gradientRange, scoresOutOfRange, type GradientRange } from './score-range.js';
import { failsNavigatorGradient } from './score.js';
import { aggregateComputed, failingAggregateText, failingAggregates } from './aggregate-score.js';
import { readTacticIdAndName, splitTacticText, tacticWrittenOtherwise } from './tactic-written.js';
import { deprecatedTechniqueText, deprecationSuccessors, successorsText } from '../attack/deprecation-successors.js';
import { recordedElsewhereText, revokedTechniqueText } from '../attack/revoked-technique-text.js';
import { REMOVED_METADATA_NAME } from './upgrade-layer.js';
import {
  LAYER_LIST_READ,
  navigatorLoaderFaults,
  navigatorReleaseKey,
  neverOpenedText,
  openedInFileText,
  readsAsLayerList,
  unscaledScores,
  unscaledScoresText,
  type FileOpening,
  type FileStop,
  type LoaderFault,
  type NavigatorStop,
} from './navigator-loader.js';
import { unknownEntryFields, unknownEntryFieldsText } from './unknown-entry-fields.js';
import { cellId, cellTactic, keepsCell, keptCells, navigatorCells, releaseTacticsOf, type EntryCells, type TacticsOf } from './navigator-cells.js';
import { fetchCommand } from '../attack/release-files.js';

/** Every kind of finding `validateLayer` reports; the code is stable, the message is for people. */
export const LAYER_FINDING_CODES = [
  'schema',
  'no-layers',
  'old-format',
  'newer-format',
  'attack-version-unavailable',
  'navigator-release',
  'no-attack-data',
  'unknown-technique',
  'other-domain-technique',
  'other-domain-layer',
  'pre-attack-layer',
  'atlas-layer',
  'revoked-technique',
  'deprecated-technique',
  'tactic-mismatch',
  'duplicate-entry',
  'gradient-range',
  'score-out-of-range',
  'hidden-subtechnique',
  'hidden-disabled',
  'filtered-out-technique',
  'unknown-platform',
  'empty-platforms',
  'nothing-annotated',
  'repaired',
  'navigator-alert',
  'never-opened',
  'newer-release',
  'upgrade-prompt',
  'custom-data',
  'custom-technique',
  'unknown-field',
] as const;
export type LayerFindingCode = (typeof LAYER_FINDING_CODES)[number];

/**
 * What errors of each kind mean in Navigator, in the order a summary says them (`domain`: a schema error at
 * `/domain`, such as DISARM's). Only the first kinds make Navigator drop or hide something; an old format opens after
 * a dialog, with nothing dropped.
 */
const ERROR_CONSEQUENCES: ReadonlyArray<readonly [kinds: readonly (LayerFindingCode | 'domain')[], consequence: string]> = [
  [['unknown-technique', 'other-domain-technique', 'revoked-technique', 'deprecated-technique', 'tactic-mismatch', 'repaired'], 'Navigator would drop or hide what they concern'],
  [['domain', 'pre-attack-layer', 'atlas-layer'], 'the layer is not of an ATT&CK domain Navigator has (enterprise-attack, mobile-attack, ics-attack)'],
  [['schema'], 'the layer does not follow the Navigator layer format'],
  [['no-layers'], 'Navigator opens nothing'],
  [['navigator-alert'], 'Navigator 5.1 shows an alert or a warning dialog at them instead of opening the layer as written (`attack-layers upgrade` repairs them)'],
  [['never-opened'], "Navigator 5.1 opens none of a file's layers after one it stops reading with only an error in its console"],
  [['navigator-release'], 'Navigator 5.1 refuses a layer of an ATT&CK release it does not have ("ERROR parsing layer…") and opens no tab'],
  [['old-format', 'newer-format'], 'Navigator opens a layer whose format is not 4.x (3.0, 5.0, "v4.5"), or that states none, only after its "Outdated Layer" dialog (`attack-layers upgrade` converts it)'],
  [['gradient-range'], 'Navigator paints the scores with the gradient\'s end colours only'],
];

/** What the error findings of a validation mean in Navigator, each said once: the end of a summary line. */
export function errorConsequences(findings: readonly LayerFinding[]): string {
  const kinds = new Set(
    findings.filter((finding) => finding.severity === 'error').map((finding) => (finding.code === 'schema' && finding.path === '/domain' ? 'domain' : finding.code)),
  );
  const said = ERROR_CONSEQUENCES.filter(([codes]) => codes.some((code) => kinds.has(code))).map(([, consequence]) => consequence);
  return said.length ? said.join('; ') : 'each error says what Navigator would do';
}

/** One problem in a layer: what Navigator would reject, drop or hide, and what to do about it. */
export interface LayerFinding {
  severity: 'error' | 'warning';
  code: LayerFindingCode;
  /** JSON path inside the layer (`/techniques/3`); `/` for the layer as a whole. */
  path: string;
  /** One line naming the file, the place, the technique and what to do. */
  message: string;
  /** The position of the layer in a file holding an array of layers. */
  layer?: number;
  /**
   * Set on the findings of a layer Navigator never opens from its file (its `never-opened` finding says why): each is
   * said of the layer opened alone, and is not to be counted with what Navigator does with the file.
   */
  openedAlone?: true;
}

/** Options of `validateLayer`. */
export interface ValidateLayerOptions {
  /**
   * The ATT&CK release to check a layer against: the given major of the domain (the layer's `versions.attack`), or
   * the newest one when `major` is undefined; undefined when it is not available.
   */
  attackFor: (domain: Domain, major: string | undefined) => AttackIndex | undefined;
  /** The file, for messages. */
  file?: string;
  /**
   * A release asked for by the user (`--attack-release`): every layer of its domain is checked against it instead of
   * the release the layer declares, and saying so is not a warning.
   */
  release?: string;
  /**
   * How messages name `release` and the commands they advise (the CLI's `--attack-release`, `attack-layers upgrade`;
   * see `GivenAs`): by default a program reads `release` and `upgradeLayer`.
   */
  givenAs?: GivenAs;
  /**
   * The newest release of a domain: when a layer is checked against an older one, one finding says how many of its
   * entries the newest would change (revoked, deprecated or unknown there).
   */
  newest?: (domain: Domain) => AttackIndex | undefined;
  /**
   * The release nearest to a major that is not available (`nearestRelease` of a library: 14.1 for 15): a layer of
   * that major whose platform filter lists every platform of it showed every platform, and is checked so.
   */
  nearest?: (domain: Domain, major: string) => AttackIndex | undefined;
  /**
   * Releases of a domain here, newest first, loaded as asked for (`domainReleases(…).history` of a library): a filter
   * written in an older release's names that lists every platform of it (ATT&CK 14's in a layer for 17) showed every
   * platform too (`everyPlatformSource`).
   */
  releases?: (domain: Domain) => Iterable<AttackIndex>;
}

/** Friendlier words for the schema's patterns, by the JSON path they fail at. */
const PATTERN_MESSAGES: ReadonlyArray<readonly [path: RegExp, message: string]> = [
  [/\/techniques\/\d+\/techniqueID$/, 'must be a technique ID such as T1566 or T1566.001'],
  [/\/techniques\/\d+\/tactic$/, 'must be a tactic shortname such as "defense-evasion"'],
  [/\/techniques\/\d+\/color$/, 'must be a hexadecimal colour such as "#ff6666", or ""'],
  [/\/(gradient\/colors\/\d+|legendItems\/\d+\/color|tacticRowBackground)$/, 'must be a hexadecimal colour such as "#ff6666"'],
  [/\/links\/\d+\/url$/, 'must start with a protocol such as https://'],
  [/^\/versions\/attack$/, 'must be an ATT&CK major version such as "18"'],
  [/^\/versions\/navigator$/, 'must be a version number such as "5.1.0"'],
];

/** Schema issues of a layer with readable messages. */
function schemaFindings(subject: JsonObject): Issue[] {
  return (
    schemaIssues('layer-4.5', subject)
      // if/then/else report the branch's own errors too; the "must match else schema" line adds nothing.
      .filter((issue) => !/^must match "(then|else)" schema$/.test(issue.message))
      .map((issue) => {
        const friendly = issue.message.startsWith('must match pattern')
          ? PATTERN_MESSAGES.find(([path]) => path.test(issue.path))?.[1]
          : undefined;
        return { path: issue.path, message: foundText(valueAtPointer(subject, issue.path), issue.path, friendly ?? issue.message) };
      })
  );
}

/** What the layer format's types are called in a message, by ajv's names for them. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  array: 'a list',
  object: 'an object',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'null',
};

function typeWords(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && Number.isInteger(value)) return 'a whole number';
  return TYPE_WORDS[value === null ? 'null' : typeof value] ?? typeof value;
}

function shownValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * A schema message with the value the layer holds there, so that the place can be mended without opening the file:
 * `"enterprise-atack" is no ATT&CK domain; give …` where ajv said `must be one of "enterprise-attack", …` (the repair
 * reads a typo of a domain as it; this is a value further from each), `"x" is text, where the layer format takes a list`
 * where it said `must be array`. A missing field or an unknown one says what it is already.
 */
function foundText(value: unknown, path: string, message: string): string {
  if (value === undefined || /^(missing required|unknown) field/.test(message)) return message;
  const found = shownValue(value);
  if (path === '/domain') return `${found} is no ATT&CK domain; give ${DOMAINS.join(', ').replace(/, (?=[^,]*$)/, ' or ')}`;
  const allowed = /^must be one of (.*)$/.exec(message)?.[1];
  if (allowed !== undefined) return `${found} is not ${allowed.includes(', ') ? `one of ${allowed}` : `${allowed}, the one value the layer format takes here`}`;
  const types = /^must be ((?:array|object|string|number|integer|boolean|null)(?:,(?:array|object|string|number|integer|boolean|null))*)$/.exec(message)?.[1];
  if (types !== undefined) return `${found} is ${typeWords(value)}, where the layer format takes ${types.split(',').map((type) => TYPE_WORDS[type]).join(' or ')}`;
  return `${message}, not ${found}`;
}

function describe(record: TechniqueRecord): string {
  return `${record.id} (${record.name})`;
}

/** Findings a newer release than the one checked against may explain: an ID, tactic or platform it adds. */
const NEWER_RELEASE_CODES: ReadonlySet<LayerFindingCode> = new Set(['unknown-technique', 'tactic-mismatch', 'unknown-platform']);

/** Collects findings of one layer with messages that name the file and the place. */
class Findings {
  readonly list: LayerFinding[] = [];
  /** Where each technique entry checked was in the layer as read (entries the repair left out shift the rest). */
  entryOrigins: readonly number[] = [];
  /**
   * Set when the layer is checked against an older release than its own (none of its release is here): what a newer
   * release may add (`NEWER_RELEASE_CODES`: an ID, a tactic, a platform) is then a warning, with this said after it.
   */
  olderRelease: string | undefined;
  /** How Navigator opens the layer in its file, which each finding's text is said for (`openedInFileText`). */
  opening: FileOpening = {};
  constructor(
    private readonly file: string | undefined,
    private readonly layer: number | undefined,
  ) {}

  add(severity: LayerFinding['severity'], code: LayerFindingCode, checked: string, text: string): void {
    if (this.olderRelease && severity === 'error' && NEWER_RELEASE_CODES.has(code)) {
      severity = 'warning';
      text = `${text} (${this.olderRelease})`;
    }
    const path = originalPath(checked, this.entryOrigins);
    text = openedInFileText(text.replace(/\/techniques\/\d+/g, (pointer) => originalPath(pointer, this.entryOrigins)), this.opening);
    // In a file of several layers, the message names the path from the top of the file.
    const pointer = this.layer === undefined ? path : `/${this.layer}${path === '/' ? '' : path}`;
    const message = `${this.file ? `${this.file}: ` : ''}${pointer}: ${text}`;
    this.list.push({
      severity,
      code,
      path,
      message,
      ...(this.layer === undefined ? {} : { layer: this.layer }),
      ...(this.opening.neverOpened === undefined ? {} : { openedAlone: true as const }),
    });
  }
}

/**
 * The layer format a layer states, judged as Navigator 5.1 receives it (`navigatorFormatReception`): an error where it
 * opens the layer only after its "Outdated Layer" dialog, a warning where it shows a passing notice or where the text is
 * not the format's own "4.5" (it opens "4.5.1" without a word, but `upgrade` writes "4.5"). Anything but 4.5 is checked
 * as converted, as `upgrade` converts it.
 */
function checkFormat(layer: JsonObject, out: Findings): JsonObject {
  const format = layerFormat(layer);
  const text = navigatorFormatText(layer);
  const reception = navigatorFormatReception(text);
  const upgrade = `run \`attack-layers upgrade\` to write format ${LAYER_FORMAT} (checked here as converted)`;
  if (format.source === 'none') {
    // Navigator reads the format as String(versions.layer), "" or "undefined" here: a major that is not 4.
    out.add(
      'error',
      'old-format',
      isJsonObject(layer['versions']) ? '/versions/layer' : '/versions',
      `the layer states no layer format; Navigator 5.1 reads it as ${JSON.stringify(text)} and opens the layer only after the dialog ${outdatedLayerDialog(text)}; ${upgrade}`,
    );
    return migrateLayerFormat(layer).layer;
  }
  const where = format.source === 'version' ? '/version' : '/versions/layer';
  const stated = `layer format ${JSON.stringify(format.version)}`;
  const code = (format.comparedTo45 ?? -1) > 0 ? 'newer-format' : 'old-format';
  if (reception === 'dialog') {
    out.add('error', code, where, `${stated}: Navigator 5.1 compares the part before its first dot with 4.5's "4" and, as they differ, opens the layer only after the dialog ${outdatedLayerDialog(text)}; ${upgrade}`);
    return migrateLayerFormat(layer).layer;
  }
  if (isFormatInOldKey(format)) {
    out.add(
      'warning',
      'old-format',
      where,
      `the layer states format ${format.version} under the old \`version\` key, which only formats up to 4.0 wrote; format 4.1 and later ` +
        `write it as \`versions.layer\`: run \`attack-layers upgrade\` to move it there (checked here as format ${LAYER_FORMAT})`,
    );
    return migrateLayerFormat(layer).layer;
  }
  if (reception === 'notice') {
    out.add('warning', code, where, `${stated} (current: ${LAYER_FORMAT}): Navigator 5.1 opens the layer after the passing notice ${outOfDateNotice(text)}; ${upgrade}`);
    return migrateLayerFormat(layer).layer;
  }
  if (format.version === LAYER_FORMAT) return layer;
  out.add(
    'warning',
    code,
    where,
    `${stated} is format ${LAYER_FORMAT} written otherwise: Navigator 5.1 compares only its first two numbers and opens the layer without a word, ` +
      `but the layer format writes ${JSON.stringify(LAYER_FORMAT)}, and readers that compare the whole text take it for another format; ${upgrade}`,
  );
  return migrateLayerFormat(layer).layer;
}

/**
 * The release to check a layer against: the one asked for, else the one it names, else the newest here (said in a
 * warning). `olderRelease` is set when that is older than the layer's own (see `Findings.olderRelease`).
 */
function attackRelease(
  layer: JsonObject,
  options: ValidateLayerOptions,
  out: Findings,
): { index?: AttackIndex; olderRelease?: string; everyPlatform?: boolean; unlistedPlatforms?: string; askedPlatforms?: string[] } {
  const domain = layer['domain'];
  if (typeof domain !== 'string' || !(DOMAINS as readonly string[]).includes(domain)) return {};
  const versions = isJsonObject(layer['versions']) ? layer['versions'] : {};
  const declared = typeof versions['attack'] === 'string' ? versions['attack'] : undefined;
  if (options.release) {
    const asked = options.attackFor(domain as Domain, options.release);
    // Checked against another release than its own, a filter of every platform of its own (or the nearest here)
    // showed every platform, and hides nothing in the release asked for either, as without --attack-release.
    const major = attackMajor(declared);
    const listed = isJsonObject(layer['filters']) ? layer['filters']['platforms'] : undefined;
    const nearest = asked && major ? everyPlatformRelease(listed, options.nearest?.(domain as Domain, major), asked, major, releasesOf(domain as Domain, options)) : undefined;
    // An ICS layer of 12 checked in 18.1 on purpose is checked as 18.1 shows it, its filter's old names matching
    // nothing there; the findings say that those names are the layer's release's, not mistakes.
    const unlisted = asked && !nearest ? unlistedPlatformNames(listed, asked, major, releasesOf(domain as Domain, options)) : [];
    if (asked) return { index: asked, ...(nearest ? { everyPlatform: true } : {}), ...(unlisted.length ? { askedPlatforms: unlisted } : {}) };
    // Checking against another release than the one asked for would pass layers nobody checked as asked.
    throw new AttackDataError(
      `ATT&CK ${domain} ${options.release} (${givenName(options.givenAs, 'release')}) is not available here: run \`${fetchCommand(domain as Domain, options.release)}\`, ` +
        'or leave the option out to check each layer against the release it names',
    );
  }
  const major = attackMajor(declared);
  const wanted = major ? options.attackFor(domain as Domain, major) : undefined;
  if (wanted && wanted.major === major) return { index: wanted };
  const fallback = wanted ?? options.attackFor(domain as Domain, undefined);
  if (!fallback) {
    out.add(
      'warning',
      'no-attack-data',
      '/',
      `no ATT&CK ${domain} release is available, so techniques were not checked; run \`${fetchCommand(domain as Domain)}\``,
    );
    return {};
  }
  if (major) {
    const newer = Number(major) > Number(fallback.major);
    const fetch = layerReleaseFetch(domain as Domain, major, (options.attackFor(domain as Domain, undefined) ?? fallback).major);
    // A filter of every platform of the layer's release showed every platform there (Navigator exports write it so);
    // read in another release, the nearest one here tells such a filter (14.1 for 15), and it hides nothing.
    const listed = isJsonObject(layer['filters']) ? layer['filters']['platforms'] : undefined;
    const own = options.nearest?.(domain as Domain, major);
    const nearest = everyPlatformRelease(listed, own, fallback, major, releasesOf(domain as Domain, options));
    const everyPlatform = nearest !== undefined;
    out.add(
      'warning',
      'attack-version-unavailable',
      '/versions/attack',
      `ATT&CK ${domain} ${major} is not available here; checked against ${fallback.label} instead ` +
        (fetch.known
          ? `(run \`${fetch.command}\` to check against ${major})`
          : `(if ATT&CK ${major} is out, \`${fetch.command}\` gets the newest release to check against)`) +
        (newer ? `; ${major} is newer, so what ${fallback.label} does not know is reported as a warning, not an error` : '') +
        (everyPlatform
          ? `; ${everyPlatformNote(nearest!, own!, major)}`
          : ''),
    );
    // A technique or tactic ATT&CK added after the release here (ATT&CK 19's T1685, its stealth tactic) is no fault
    // of the layer's: nothing is called an error, nor advised away, on an older release's word.
    if (newer) {
      const check = fetch.known ? `fetch ${major} to check it` : `check it against ${major} if that is out`;
      return { index: fallback, olderRelease: `the layer is for ATT&CK ${major}, newer than ${fallback.label}: ${check}`, ...(everyPlatform ? { everyPlatform } : {}) };
    }
    if (everyPlatform) return { index: fallback, everyPlatform };
    // Neither installed nor listed, nor an earlier release to stand for it: the filter's names are the layer's release's.
    if (unlistedPlatformNames(listed, fallback, major, releasesOf(domain as Domain, options)).length) {
      return { index: fallback, unlistedPlatforms: `${fetch.known ? `run \`${fetch.command}\`` : `fetch ATT&CK ${domain} ${major}`} to check it` };
    }
  }
  return { index: fallback };
}

/** `ValidateLayerOptions.releases` of a domain, asked for only when a platform filter needs them. */
function releasesOf(domain: Domain, options: ValidateLayerOptions): ReleaseList | undefined {
  const releases = options.releases;
  return releases && (() => releases(domain));
}

/**
 * Whether the release a layer is checked against is the one Navigator shows it in: the major it names, or the newest
 * for a layer that names none (Navigator opens it in its newest release). Checked against another (its own is not
 * here, or --attack-release names another), a technique revoked there may have shown in the layer's own.
 */
function isShownRelease(layer: JsonObject, index: AttackIndex, options: ValidateLayerOptions): boolean {
  const major = attackMajor(isJsonObject(layer['versions']) ? layer['versions']['attack'] : undefined);
  return major === undefined ? options.attackFor(index.domain, undefined)?.release === index.release : index.major === major;
}

/**
 * A layer for an ATT&CK release Navigator 5.1 does not have, which it refuses to open, read as `upgrade` reads it; or
 * for an older one, which it opens after asking to upgrade. A release written as no text (`"attack": 13`, which the
 * repair reads as "13" and says so) Navigator reads not at all: it opens the layer in its newest release, asking nothing.
 */
function checkNavigatorRelease(layer: JsonObject, asRead: JsonObject, options: ValidateLayerOptions, out: Findings): boolean {
  const domain = layer['domain'];
  if (typeof domain !== 'string' || !(DOMAINS as readonly string[]).includes(domain)) return false;
  const written = isJsonObject(asRead['versions']) ? asRead['versions']['attack'] : undefined;
  if (written !== undefined && typeof written !== 'string') return false;
  const major = attackMajor(isJsonObject(layer['versions']) ? layer['versions']['attack'] : undefined);
  const newest = options.attackFor(domain as Domain, undefined);
  const target = newest?.release ?? String(NAVIGATOR_ATTACK_MAJORS.newest);
  const refusal = major && navigatorRefusal(major, target);
  if (refusal) out.add('error', 'navigator-release', '/versions/attack', refusal);
  else if (major && Number(major) < NAVIGATOR_ATTACK_MAJORS.newest) {
    out.add('warning', 'upgrade-prompt', '/versions/attack', upgradePrompt(domain as Domain, major, newest?.release));
  }
  return !!refusal;
}

function checkGradient(layer: JsonObject, out: Findings): GradientRange | undefined {
  const gradient = layer['gradient'];
  if (isJsonObject(gradient) && typeof gradient['minValue'] === 'number' && typeof gradient['maxValue'] === 'number') {
    const { minValue, maxValue } = gradient;
    if (maxValue < minValue) {
      out.add(
        'error',
        'gradient-range',
        '/gradient/maxValue',
        `gradient maxValue ${maxValue} is below minValue ${minValue}; Navigator paints every score of ${maxValue} or more with the last colour and ` +
          'every lower one with the first, no colour between: swap them',
      );
    }
  }
  return gradientRange(layer);
}

/**
 * What an entry of a revoked or deprecated technique loses in Navigator, which drops it silently: its annotation (an
 * error), or nothing anyone saw when it only disables a technique the release Navigator shows the layer in has not
 * got (a warning): SRA's index layers disable every ID they leave out, revoked ones too.
 */
function droppedEntry(entry: JsonObject, shown: boolean, kind: 'revoked' | 'deprecated'): { severity: LayerFinding['severity']; drops: string } {
  if (!shown || !isOnlyDisabled(entry)) return { severity: 'error', drops: 'Navigator drops it silently' };
  return {
    severity: 'warning',
    drops: `the entry only disables it, and Navigator drops it silently, which greys out nothing anyone saw (a ${kind} technique shows nowhere)`,
  };
}

/**
 * A layer's entries of techniques not MITRE's (a team's T9001, ACME-T1000 of its Workbench namespace), checked against
 * the team's bundle that holds them: said once, at the first, as that bundle's note says them on loading (`notMitreText`).
 */
function notMitreFinding(entries: readonly unknown[], index: AttackIndex, out: Findings): void {
  const custom = new Map<string, { at: number; record: TechniqueRecord }>();
  entries.forEach((entry, at) => {
    const record = isJsonObject(entry) && typeof entry['techniqueID'] === 'string' ? index.technique(entry['techniqueID']) : undefined;
    if (record?.custom && !record.revoked && !record.deprecated && !custom.has(record.id)) custom.set(record.id, { at, record });
  });
  if (!custom.size) return;
  const first = Math.min(...[...custom.values()].map(({ at }) => at));
  const records = [...custom.values()].map(({ record }) => record).sort((a, b) => compareText(a.id, b.id));
  out.add('warning', 'custom-technique', `/techniques/${first}`, `of the layer's entries, ${notMitreText(records, index.data.source.file)}`);
}

/** Checks one technique entry in the release; true when its tactic, written as a TA ID, was read by that ID. */
function checkTechnique(entry: JsonObject, at: number, index: AttackIndex, shown: boolean, otherDomains: OtherDomainLookup, out: Findings, written: unknown, givenAs: GivenAs | undefined): boolean {
  const id = entry['techniqueID'] as string;
  const path = `/techniques/${at}`;
  const record = index.technique(id);
  const foreign = record ? undefined : otherDomains(id);
  if (foreign) {
    out.add(
      'error',
      'other-domain-technique',
      path,
      `${id} is ${otherDomainText(foreign, index.domain)}: Navigator drops it silently; annotate it in a layer of ${foreign.domain}, or remove the entry ` +
        '(`attack-layers upgrade` keeps it in the layer\'s metadata)',
    );
    return false;
  }
  if (!record) {
    const preAttack = preAttackNumberText(id);
    const unused = unusedNumberText(id);
    // T1685 (a newer release's, as SigmaHQ tags it), T9001 (a team's) and an ID of a newer release at hand (T1677 beside
    // 14.1) are no typo to fix: said as gap says them.
    const past = unknownTechniqueText(id, index, {
      does: 'holds it',
      withIt: 'validate the layer with it',
      inRelease: (later) => `validate the layer with ${givenOption(givenAs, 'release', later.release)}`,
      inDomain: annotateInDomain,
    });
    out.add(
      'error',
      'unknown-technique',
      path,
      preAttack
        ? `${preAttack}; Navigator drops it silently: annotate the enterprise technique that fits (Reconnaissance, Resource Development) or remove the entry`
        : isNamespacedTechniqueId(id)
          ? `${namespacedTechniqueText(id)}, and ${index.label} does not hold it: Navigator drops it silently unless it loads the team's ATT&CK data ` +
            'that holds it; check the layer against that data, or fix the ID, or remove the entry'
          : unused
          ? `${unused}; Navigator drops it silently: annotate the technique of ${index.label} that fits, or remove the entry`
          : past
          ? `${past}, or remove the entry (Navigator drops it silently)`
          : `${id} is not a technique in ${index.label}; Navigator drops it silently: fix the ID or remove the entry`,
    );
    return false;
  }
  if (record.revoked) {
    const chain = index.revocationChain(id);
    const via = chain.steps.slice(1, -1).map((step) => step.id);
    const replaced = chain.final
      ? `replaced by ${describe(chain.final)}${via.length ? ` via ${via.join(', ')}` : ''}${recordedElsewhereText(chain, index.label)}${chain.final.deprecated ? `; ${chain.final.id} is deprecated` : ''}`
      : 'with no replacement named';
    const { severity, drops } = droppedEntry(entry, shown, 'revoked');
    // An entry of the ID alone shows nothing in Navigator, which drops a revoked technique's entry silently as it does a
    // deprecated one's: a warning, said as normalize says a revoked reference (`revokedTechniqueText`), with what to write.
    if (!isAnnotated(entry)) {
      const said =
        revokedTechniqueText(describe(record), chain.final ? describe(chain.final) : undefined, chain.steps.map((step) => step.id), index.label) +
        recordedElsewhereText(chain, index.label);
      const write = chain.final && !chain.final.deprecated ? `: write ${chain.final.id} in the entry's place` : '';
      out.add(
        'warning',
        'revoked-technique',
        path,
        `${said}${write}, or remove the entry: it carries no annotation (no score, colour, comment, link or metadata), so Navigator, which drops it ` +
          `silently, loses nothing anyone saw (\`attack-layers upgrade\` ${chain.final ? 'writes the replacement, naming the old ID in its metadata' : "removes it, keeping it in the layer's metadata"})`,
      );
      return false;
    }
    out.add(
      severity,
      'revoked-technique',
      path,
      `${describe(record)} is revoked in ${index.label}, ${replaced}; ${drops} — ` +
        (severity === 'error'
          ? 'run `attack-layers upgrade`'
          : `remove the entry (\`attack-layers upgrade\` does, keeping it in the layer's metadata${chain.final ? `, and leaves ${chain.final.id} as the layer has it` : ''})`),
    );
    return false;
  }
  if (record.deprecated) {
    const successors = deprecationSuccessors(record, index, otherDomains);
    // Said as normalize says it of a reference (`deprecatedTechniqueText`), then what Navigator does with the entry.
    const said = deprecatedTechniqueText(describe(record), index.label, successors, index.domain);
    const upgrade = "`attack-layers upgrade` removes it, keeping it in the layer's metadata";
    const { severity, drops } = droppedEntry(entry, shown, 'deprecated');
    // An entry of the ID alone (txt2stix's layers: {"techniqueID": "T1475"}) shows nothing in Navigator, deprecated or
    // not: its silent drop loses nothing anyone saw, so it is a warning, with what to write instead.
    const bare = !isAnnotated(entry);
    out.add(
      bare ? 'warning' : severity,
      'deprecated-technique',
      path,
      bare
        ? `${said}${successors.current.length ? " in the entry's place" : ''}, or remove the entry: it carries no annotation (no score, colour, comment, ` +
            `link or metadata), so Navigator, which drops it silently, loses nothing anyone saw (${upgrade})`
        : severity === 'warning'
          ? `${describe(record)} is deprecated in ${index.label}; ${drops}: ${successorsText(successors, index.domain)}; remove the entry (${upgrade})`
          : `${said}${successors.current.length ? ' and move the annotation there' : ''}; ${drops}` +
            `${successors.current.length ? '' : ': remove the entry or map it by hand'} (${upgrade})`,
    );
    return false;
  }
  // A TA ID with a name (`TA0002: Persistence`) that name two tactics: the repair read the name, the release the ID.
  const pair = readTacticIdAndName(written, record, index);
  if (pair) {
    out.add(
      'warning',
      'tactic-mismatch',
      `${path}/tactic`,
      `${pair.note} (\`attack-layers upgrade\` writes ${pair.tactic ? `"tactic": "${pair.tactic}"` : 'the entry without a tactic'})`,
    );
    return false;
  }
  const tactic = entry['tactic'];
  if (typeof tactic !== 'string' || record.tactics.includes(tactic)) return false;
  // A tactic written as its TA ID ("TA0002", which the repair only lower-cased) is read in the release: where the
  // technique is under that tactic, the one fault is that Navigator reads a shortname only; where it is not, the
  // tactics to choose from are the technique's, not the one the ID names.
  const named = tacticWrittenOtherwise(tactic, index);
  const byId = named !== undefined && typeof written === 'string' && written.trim().toLowerCase() === tactic;
  const shownTactic = byId ? JSON.stringify(written) : tactic;
  if (named && record.tactics.includes(named.shortname)) {
    out.add(
      'error',
      'tactic-mismatch',
      `${path}/tactic`,
      `${shownTactic} is the ID of ${named.shortname} (${named.name}) in ${index.label}, a tactic of ${describe(record)}, but Navigator reads a tactic ` +
        `by its shortname only and shows this annotation nowhere: set tactic to ${named.shortname} (\`attack-layers upgrade\` writes it)`,
    );
    return byId;
  }
  // A tactic a later release split off (ATT&CK 19's stealth, off defense-evasion) is where that release has the
  // technique: the annotation belongs under the tactic it came from here, as upgrade and combine move it, not nowhere.
  const split = splitTacticText(tactic, record, index, out.olderRelease !== undefined);
  if (split) {
    out.add('error', 'tactic-mismatch', `${path}/tactic`, `${describe(record)} is not under ${tactic} in ${index.label}: ${split}`);
    return byId;
  }
  out.add(
    'error',
    'tactic-mismatch',
    `${path}/tactic`,
    `${describe(record)} is not under ${named ? `${named.shortname} (${named.id}, as the layer writes it)` : tactic} in ${index.label} (its tactics: ` +
      `${record.tactics.join(', ')}); Navigator shows this annotation nowhere: set tactic to one of those or remove it`,
  );
  return byId;
}

/**
 * The tactics Navigator 5.1 fills an entry without one under (`TacticsOf`): those of the release's current technique of
 * exactly that ID. Without the release, every tactic the layer writes for the ID and the rest of its tactics
 * (`OTHER_TACTICS`), so that such an entry meets every entry of its ID.
 */
function releaseTactics(index: AttackIndex | undefined, written: readonly unknown[]): TacticsOf {
  if (index) return releaseTacticsOf(index);
  const byId = new Map<string, string[]>();
  for (const entry of written) {
    if (isJsonObject(entry) && typeof entry['techniqueID'] === 'string' && typeof entry['tactic'] === 'string') {
      byId.set(entry['techniqueID'], [...(byId.get(entry['techniqueID']) ?? []), entry['tactic']]);
    }
  }
  return (id) => (isIndexedTechniqueId(id) ? [...new Set(byId.get(id) ?? []), OTHER_TACTICS] : undefined);
}

/** The tactic `releaseTactics` gives, without the release, for the tactics of a technique the layer writes none for. */
const OTHER_TACTICS = '*';

/** Whether a cell (`navigatorCells`) is one Navigator 5.1 shows: its technique is current in the release and under that tactic. */
function shownCell(index: AttackIndex | undefined): (cell: string) => boolean {
  if (!index) return (cell) => cell !== '';
  return (cell) => {
    const id = cellId(cell);
    const record = isIndexedTechniqueId(id) ? index.technique(id) : undefined;
    return !!record && record.id === id && !record.revoked && !record.deprecated && record.tactics.includes(cellTactic(cell));
  };
}

/** What of an entry's annotation, as written, another entry does not hold alike: what Navigator loses where that one replaces it. */
function annotationLost(entry: JsonObject, by: JsonObject): string[] {
  const differs = (field: string): boolean => !isEqual(entry[field], by[field]);
  const count = (field: string, one: string, many: string): string | undefined => {
    const list = entry[field];
    return Array.isArray(list) && list.length && differs(field) ? `${list.length} ${list.length === 1 ? one : many}` : undefined;
  };
  const comment = entry['comment'];
  return [
    typeof entry['score'] === 'number' && differs('score') ? `score ${entry['score']}` : undefined,
    typeof entry['color'] === 'string' && entry['color'] !== '' && differs('color') ? `colour ${entry['color']}` : undefined,
    typeof comment === 'string' && comment !== '' && differs('comment') ? `comment ${shownValue(comment.length > 40 ? `${comment.slice(0, 39)}…` : comment)}` : undefined,
    entry['enabled'] === false && differs('enabled') ? 'enabled: false' : undefined,
    count('metadata', 'metadata item', 'metadata items'),
    count('links', 'link', 'links'),
    entry['showSubtechniques'] === true && differs('showSubtechniques') ? 'showSubtechniques: true' : undefined,
  ].filter((part): part is string => part !== undefined);
}

function listed(parts: readonly string[]): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

/**
 * Entries a later entry replaces in a cell Navigator 5.1 shows (`navigatorCells`: the last entry of a technique under a
 * tactic wins whole), each said at the later entry, naming what of the earlier one is lost. `asRead`: the layer's
 * entries as written, which Navigator keys as written (a "T1059"/"Execution" entry fills no cell a "T1059"/"execution"
 * one does) and whose repeat is exact only as written (a `Score` the repair read as `score` is none to Navigator).
 */
function checkDuplicates(cells: readonly EntryCells[], asRead: readonly unknown[], out: Findings, shown: (cell: string) => boolean): void {
  // Where each entry as written was checked (its first place, for one the repair split by tactic): read once, as a layer may hold 200,000 entries.
  const places = new Map<number, number>();
  out.entryOrigins.forEach((written, at) => places.set(written, places.get(written) ?? at));
  const checked = (written: number): number => places.get(written) ?? -1;
  const under = (entry: JsonObject): string => (typeof entry['tactic'] === 'string' ? `under ${entry['tactic']}` : 'under all its tactics');
  const tactics = (list: readonly string[]): string => listed(list.map((cell) => (cellTactic(cell) === OTHER_TACTICS ? 'its other tactics' : cellTactic(cell))));
  const pairs = cells.flatMap(({ cells: own, lostTo }, earlier) => [...lostTo].map(([later, lost]) => ({ earlier, later, own, lost: lost.filter(shown) })));
  pairs.sort((a, b) => a.later - b.later || a.earlier - b.earlier);
  for (const { earlier, later, own, lost } of pairs) {
    const [entry, by] = [asRead[earlier], asRead[later]];
    const [e, l] = [checked(earlier), checked(later)];
    if (!lost.length || e < 0 || l < 0 || !isJsonObject(entry) || !isJsonObject(by)) continue;
    const id = String(by['techniqueID']);
    const dropped = annotationLost(entry, by);
    const drops = dropped.length ? `, dropping /techniques/${e}'s ${listed(dropped)}` : '';
    const laterCells = cells[later]!.cells;
    if (lost.length === own.length && own.length === laterCells.length) {
      out.add(
        'warning',
        'duplicate-entry',
        `/techniques/${l}`,
        isEqual(entry, by)
          ? // CALDERA's compass writes an entry per ability (T1105 eight times), OpenCTI's export one per relation.
            `${id} ${under(by)} repeats /techniques/${e} exactly; Navigator keeps only the last one, so nothing is lost: delete the repeat`
          : dropped.length
            ? `${id} ${under(by)} repeats /techniques/${e}; Navigator keeps only the last one${drops}: merge the two entries`
            : `${id} ${under(by)} repeats /techniques/${e}; Navigator keeps only the last one, which holds all of /techniques/${e} that it shows, so nothing is lost: delete /techniques/${e}`,
      );
      continue;
    }
    const taken = [...cells[earlier]!.lostTo.values()].flat();
    const kept = own.filter((cell) => !taken.includes(cell) && shown(cell));
    out.add(
      'warning',
      'duplicate-entry',
      `/techniques/${l}`,
      `${id} ${under(by)} overlaps /techniques/${e} (${under(entry)}); under ${tactics(lost)} Navigator keeps only the later one${dropped.length ? drops : ', which holds all of it'}` +
        `${kept.length ? ` there, and shows /techniques/${e} under ${tactics(kept)} only` : ''}: merge them or give both a tactic`,
    );
  }
}

/**
 * A layer whose entries all say nothing (no score, colour, comment, metadata, links or `enabled: false`) highlights
 * no technique in Navigator: fragkiskosk/LOCKBIT-3-BLACK-MITRE-TTP's layer.json holds 123 entries, each only
 * `showSubtechniques: true`, one per tactic of every technique with sub-techniques, as Navigator saves a layer whose
 * sub-techniques were all expanded (`expandedSubtechniques: "all"`), and nothing else. A layer of no entries says so
 * by itself, and entries that say nothing beside annotated ones expand their sub-techniques, as they should.
 */
function checkSaysSomething(entries: readonly unknown[], out: Findings): void {
  const objects = entries.filter(isJsonObject);
  if (!objects.length || objects.some((entry) => isAnnotated(entry))) return;
  const expanding = objects.filter((entry) => entry['showSubtechniques'] === true).length;
  out.add(
    'warning',
    'nothing-annotated',
    '/techniques',
    `${objects.length === 1 ? "the layer's one entry is not" : `none of the layer's ${objects.length} entries is`} annotated (no score, colour, comment, metadata, links or ` +
      `enabled: false${expanding ? `; ${expanding === objects.length ? (objects.length === 1 ? 'it' : 'each') : `${expanding}`} only sets showSubtechniques, which expands a technique's sub-techniques` : ''}): ` +
      'Navigator highlights no technique, and compare and gap read none; score or colour the techniques the layer means',
  );
}

/** `colours`: whether Navigator 5.1 colours the entry at a place (one whose every cell a later entry takes over it does not). */
function checkScores(entries: readonly unknown[], range: GradientRange, out: Findings, colours: (at: number) => boolean): void {
  for (const found of scoresOutOfRange(entries, range)) if (colours(found.at)) out.add('warning', 'score-out-of-range', `/techniques/${found.at}/score`, found.message);
  // Colours aside: where Navigator 5.1 looks the score up depends on the range alone (score.ts navigatorStepIndex).
  const gradient = { colors: ['#ffffff', '#000000'], ...range };
  entries.forEach((entry, at) => {
    if (!isJsonObject(entry) || typeof entry['score'] !== 'number' || !colours(at) || !failsNavigatorGradient(gradient, entry['score'])) return;
    out.add(
      'warning',
      'score-out-of-range',
      `/techniques/${at}/score`,
      `${String(entry['techniqueID'])} has score ${entry['score']}, in the last half-hundredth below the gradient's top ${range.maxValue}, which Navigator 5.1 ` +
        `fails to colour (its getHexColor looks one past its 100-colour table and throws a TypeError): write ${range.maxValue}, or raise maxValue`,
    );
  });
}

/**
 * The position of the entry Navigator keeps for a technique under a tactic (its last there, or without tactic), if any:
 * the entries read once, so that a layer of 200,000 entries is not read again for each collapsed sub-technique.
 */
function lastEntryAt(entries: readonly unknown[]): (id: string, tactic: string) => number | undefined {
  let last: Map<string, number> | undefined;
  const NONE = '\u0000';
  return (id, tactic) => {
    if (!last) {
      last = new Map();
      entries.forEach((entry, at) => {
        if (!isJsonObject(entry) || typeof entry['techniqueID'] !== 'string') return;
        const written = entry['tactic'] === undefined ? NONE : typeof entry['tactic'] === 'string' ? entry['tactic'] : undefined;
        if (written !== undefined) last!.set(`${entry['techniqueID']}|${written}`, at);
      });
    }
    const at = Math.max(last.get(`${id}|${tactic}`) ?? -1, last.get(`${id}|${NONE}`) ?? -1);
    return at < 0 ? undefined : at;
  };
}

/**
 * `asRead`: the layer's entries as written, whose score Navigator reads into an aggregate (`"99"` is none), where it
 * computes one (`aggregateComputed`, as the aggregate check reads the layer).
 */
function checkHidden(
  layer: JsonObject,
  entries: readonly unknown[],
  index: AttackIndex,
  shown: ReadonlySet<string> | undefined,
  out: Findings,
  asRead: readonly unknown[],
  keptUnder: (at: number) => readonly string[],
): void {
  const layout = isJsonObject(layer['layout']) ? layer['layout'] : {};
  const hideDisabled = layer['hideDisabled'] === true;
  const parentEntryAt = lastEntryAt(entries);
  const computed = aggregateComputed(asRead, layout, index, { shown: shown ?? platformsShown(undefined, index), hideDisabled });
  for (const [at, collapsed] of collapsedSubtechniques(entries, index, layout['expandedSubtechniques'], hideDisabled, shown)) {
    // Under a tactic where a later entry replaces it, the entry is not shown, nor counted in the parent's aggregate.
    const tactics = collapsed.filter((tactic) => keptUnder(at).includes(tactic));
    if (!tactics.length) continue;
    const entry = entries[at] as JsonObject;
    const record = index.technique(entry['techniqueID'] as string)!;
    // With aggregate scores Navigator paints the parent by its own and its sub-techniques' scores (export does too),
    // each read only from a number as written (technique-vm.ts deserialize at 38460258), in the columns it computes them.
    const written = asRead[out.entryOrigins[at] ?? at];
    const scored = isJsonObject(written) && typeof written['score'] === 'number';
    const aggregated = scored ? tactics.filter((tactic) => computed(record.parent!, tactic)) : [];
    const seen = aggregated.length
      ? `so only its score shows, in ${record.parent}'s aggregate score${aggregated.length < tactics.length ? ` under ${aggregated.join(', ')}` : ''}; nobody sees the rest of it`
      : 'so nobody sees it';
    // A parent with an entry there (sigma-cli writes `"showSubtechniques": false` on each) is expanded by that entry:
    // a second entry of it would replace the first, score and all (Navigator keeps the last).
    const owns = new Set(tactics.map((tactic) => parentEntryAt(record.parent!, tactic)));
    const own = owns.size === 1 ? [...owns][0] : undefined;
    const expand = own === undefined ? `add showSubtechniques: true to ${record.parent}` : `set showSubtechniques to true in ${record.parent}'s entry (/techniques/${own})`;
    // A generator that sets it on every entry (whitfieldsdad/mitre-attack-navigator-layer-builder's example layers) sets
    // it on the sub-technique's too, where Navigator never reads it: only the parent's entry expands its sub-techniques
    // (../shared/NAVIGATOR.md), so the advice to set it would read as already followed.
    const ownFlag = entry['showSubtechniques'] === true ? ` (its own showSubtechniques: true expands nothing: Navigator reads it on ${record.parent}'s entry only)` : '';
    out.add(
      'warning',
      'hidden-subtechnique',
      `/techniques/${at}`,
      `${describe(record)} is annotated but collapsed under ${record.parent} in ${tactics.join(', ')}, ${seen}${ownFlag}: set layout.expandedSubtechniques to "annotated" or ${expand}`,
    );
  }
}

/**
 * Annotated entries that `hideDisabled` hides: Navigator 5.1 leaves a disabled technique out of the matrix in such a
 * layer (view-model.ts filterTechniques), score, colour, comment and all, unless a sub-technique keeps it
 * (`keptBySubtechnique`: one enabled on a platform the filter shows); each platform the filter leaves out that would
 * keep it so is named. An entry only disabled shows nothing anyway.
 */
function checkHiddenDisabled(layer: JsonObject, entries: readonly unknown[], index: AttackIndex, shown: ReadonlySet<string> | undefined, out: Findings, kept: (at: number) => boolean): void {
  if (layer['hideDisabled'] !== true) return;
  entries.forEach((entry, at) => {
    if (!isJsonObject(entry) || entry['enabled'] !== false || isOnlyDisabled(entry) || typeof entry['techniqueID'] !== 'string' || !kept(at)) return;
    const record = index.technique(entry['techniqueID']);
    if (!record || record.revoked || record.deprecated) return;
    const tactic = typeof entry['tactic'] === 'string' ? entry['tactic'] : undefined;
    if (keptBySubtechnique(record, tactic, entries, index, shown)) return;
    // A platform the filter leaves out on which an enabled sub-technique would keep it (T1020.001 on IaaS keeps T1020).
    const keeping = shown ? index.platforms().filter((p) => !shown.has(p) && keptBySubtechnique(record, tactic, entries, index, new Set([...shown, p]))) : [];
    const subs = index
      .children(record.id)
      .filter((child) => !child.revoked && !child.deprecated && !disabledUnder(entries, child.id, tactic) && keeping.some((p) => child.platforms.includes(p)));
    const widen = keeping.length
      ? `, or add ${keeping.length > 1 ? `one of ${keeping.join(', ')}` : keeping[0]} to filters.platforms, where its sub-technique${subs.length > 1 ? 's' : ''} ${subs.map((c) => c.id).join(', ')} run${subs.length > 1 ? '' : 's'} and keep${subs.length > 1 ? '' : 's'} it shown`
      : '';
    out.add(
      'warning',
      'hidden-disabled',
      `/techniques/${at}`,
      `${describe(record)} is annotated but disabled, and the layer sets hideDisabled, so Navigator hides it and nobody sees its annotation: ` +
        `enable it${widen ? ', set hideDisabled to false' : ' or set hideDisabled to false'}${widen}`,
    );
  });
}

/** How many entries the newest release would change, when the layer was checked against an older one. */
function checkNewest(entries: readonly unknown[], index: AttackIndex, newest: AttackIndex | undefined, out: Findings): void {
  if (!newest || newest === index || (compareVersions(newest.release, index.release) ?? 0) <= 0) return;
  const counts = { revoked: 0, deprecated: 0, unknown: 0 };
  for (const entry of entries) {
    if (!isJsonObject(entry) || typeof entry['techniqueID'] !== 'string') continue;
    const record = newest.technique(entry['techniqueID']);
    if (!record) counts.unknown++;
    else if (record.revoked) counts.revoked++;
    else if (record.deprecated) counts.deprecated++;
  }
  const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`);
  if (!parts.length) return;
  out.add(
    'warning',
    'newer-release',
    '/versions/attack',
    `checked against ${index.label}; against ${newest.label}, the newest release here: ${parts.join(', ')}; ` +
      'run `attack-layers upgrade` to bring the layer to it with every annotation',
  );
}

/**
 * Platform filter findings; `filter.read`: the filter as Navigator reads it (`navigatorPlatformFilter`), which says what
 * it hides; `filter.everyPlatform`: the filter lists every platform of the layer's release, and hides nothing;
 * `filter.drawn`: Navigator draws the layer's matrix (else nothing is said hidden in it); `filter.kept`: whether it keeps
 * the entry at a place (a later entry may replace it whole, and nothing of it is shown to hide).
 * `unlisted` (what to do to check it) is set when the filter names platforms `index` does not have and those of the
 * layer's release are not known here (`unlistedPlatformNames`): each such name is said to be unchecked, and nothing is
 * said hidden on its word. `asked`: such names of a layer checked in the release asked for (`--attack-release`), where
 * the layer is checked as that release shows it, the names matching nothing there; the findings say so.
 */
function checkPlatforms(
  layer: JsonObject,
  entries: readonly unknown[],
  index: AttackIndex,
  out: Findings,
  filter: { everyPlatform: boolean; read: readonly string[] | undefined; drawn: boolean; kept: (at: number) => boolean },
  unlisted?: string,
  asked?: readonly string[],
  release = 'release',
): void {
  const filters = isJsonObject(layer['filters']) ? layer['filters'] : {};
  const versionsAttack = isJsonObject(layer['versions']) ? layer['versions']['attack'] : undefined;
  const known = index.platforms();
  const unchecked = unlisted !== undefined;
  const major = attackMajor(versionsAttack);
  const askedWords = asked?.length
    ? ` in ${index.label}, the release asked for (${release}), where the filter's ${asked.map((name) => JSON.stringify(name)).join(', ')}, ` +
      `names of the layer's ATT&CK ${major}, whose platforms are not known here, match nothing`
    : '';
  // A filter of every platform hides only rows without platforms, which no filter shows (ICS 18.1's T0895).
  // Navigator reads AWS, GCP and Azure as IaaS in any filter: in a release that has them (8.2), no filter listing them shows them.
  const unfilterable = unfilterablePlatforms(index);
  const hidden = unchecked || !filter.drawn ? new Map<number, FilteredOut>() : filteredOutEntries(entries, index, filter.everyPlatform ? undefined : filter.read, versionsAttack);
  for (const [at, { record, row }] of hidden) {
    if (!filter.kept(at)) continue;
    if (!row.platforms.length) {
      // Said only in the layer's own release: a layer of another one is drawn by Navigator in that one, where the
      // technique may have platforms or not be at all (ATT&CK added T0895 in ICS 15: a layer of ICS 13 cannot hold it).
      if (major !== undefined && major !== index.major) continue;
      out.add(
        'warning',
        'filtered-out-technique',
        `/techniques/${at}`,
        `${describe(record)} is annotated but ${row === record ? 'has' : `shows only in the row of its parent ${describe(row)}, which has`} no platforms in ${index.label}, ` +
          `so Navigator hides it under any platform filter: its annotation is not shown in Navigator with this release`,
      );
      continue;
    }
    if (row.platforms.every((platform) => unfilterable.includes(platform))) {
      const runsOnly = `runs only on ${row.platforms.map((platform) => JSON.stringify(platform)).join(', ')}, which Navigator 5.1 reads in any platform filter as "IaaS", a platform ${index.label} does not have`;
      out.add(
        'warning',
        'filtered-out-technique',
        `/techniques/${at}`,
        `${describe(record)} is annotated but ${row === record ? runsOnly : `shows only in the row of its parent ${describe(row)}, which ${runsOnly}`}, ` +
          `so Navigator hides it under any platform filter${askedWords}: remove filters.platforms (without one, Navigator shows every platform of ${index.label}, ${unfilterable.join(', ')} included)`,
      );
      continue;
    }
    const runs = `runs on ${row.platforms.map((platform) => JSON.stringify(platform)).join(', ')}, ` +
      `${row.platforms.length === 1 ? 'which filters.platforms leaves out' : 'none of which filters.platforms lists'}`;
    out.add(
      'warning',
      'filtered-out-technique',
      `/techniques/${at}`,
      `${describe(record)} is annotated but ${row === record ? runs : `shows only in the row of its parent ${describe(row)}, which ${runs}`}, ` +
        `so Navigator hides it${askedWords}: add ${JSON.stringify(row.platforms[0])} to filters.platforms or remove the filter` +
        (askedWords ? ` (\`attack-layers upgrade\` removes the names ${index.label} does not have), or leave ${release} out to check the layer without reading them` : ''),
    );
  }
  if (Array.isArray(filters['platforms']) && !filters['platforms'].length) {
    out.add(
      'warning',
      'empty-platforms',
      '/filters/platforms',
      'the platform filter is an empty list: Navigator shows every platform, other tools may show none; list the platforms or remove the filter',
    );
  }
  if (!Array.isArray(filters['platforms']) || !known.length) return;
  // Names that one finding says together (AWS, GCP and Azure, all read as "IaaS"), by what it says of them.
  const together = new Map<string, { names: string[]; at: number[]; say: (names: string, one: boolean) => string }>();
  const sayTogether = (key: string, platform: string, at: number, say: (names: string, one: boolean) => string): void => {
    const group = together.get(key) ?? { names: [], at: [], say };
    group.names.push(platform);
    group.at.push(at);
    together.set(key, group);
  };
  filters['platforms'].forEach((platform, at) => {
    if (typeof platform === 'string' && unfilterable.includes(platform)) {
      const read = JSON.stringify(NAVIGATOR_PLATFORM_MAPPINGS[platform]);
      sayTogether(`unfilterable ${read}`, platform, at, (names, one) =>
        `${names} ${one ? 'is a platform' : 'are platforms'} of ${index.label}, but Navigator 5.1 reads ${one ? 'it' : 'each'} in any layer's filter as ${read}, ` +
          `which ${index.label} does not have, so ${one ? 'it filters' : 'they filter'} nothing in: only a layer without a platform filter shows ${index.label}'s techniques on ${unfilterable.map((name) => JSON.stringify(name)).join(', ')}: ` +
          // What to do, as the hidden entries' findings say it: a Navigator 4.2 export of an ATT&CK 8 layer lists
          // every 8.2 platform (F5-Labs/att-ck's layer.json), so this is said of most old layers.
          `remove filters.platforms, or run \`attack-layers upgrade\` to write the layer for a release that calls them ${read} (ATT&CK ${PLATFORM_RENAMES[platform]?.since} and later)`,
      );
      return;
    }
    if (typeof platform !== 'string' || known.includes(platform)) return;
    const renamed = renamedSinceLayer(platform, known, versionsAttack);
    if (renamed) {
      const mapped = NAVIGATOR_PLATFORM_MAPPINGS[platform] === renamed;
      const why = (one: boolean): string => (mapped ? `Navigator reads ${one ? 'it' : 'them'} so in any layer` : `this layer is for ATT&CK ${attackMajor(versionsAttack)}`);
      const since = PLATFORM_RENAMES[platform]?.since;
      sayTogether(`renamed ${renamed} ${since} ${mapped}`, platform, at, (names, one) =>
        `${names} ${one ? 'is' : 'are'} what ATT&CK called ${JSON.stringify(renamed)} before ${since}, and ${why(one)}: ` +
          `read as ${JSON.stringify(renamed)}; \`attack-layers upgrade\` writes the new name`,
      );
      return;
    }
    const current = currentPlatformName(platform, known);
    const typo = current ? undefined : everyReleaseTypo(platform, index.domain);
    if (typo) {
      out.add(
        'warning',
        'unknown-platform',
        `/filters/platforms/${at}`,
        `${JSON.stringify(platform)} is not a platform of ${index.label} nor of any release: it misspells ${JSON.stringify(typo)}, a platform of every ` +
          `${index.domain} release attack-layers lists, so it filters nothing in, in the layer's release too: write ${JSON.stringify(typo)}`,
      );
      return;
    }
    if (asked?.includes(platform)) {
      out.add(
        'warning',
        'unknown-platform',
        `/filters/platforms/${at}`,
        `${JSON.stringify(platform)} is not a platform of ${index.label}, the release asked for (${release}), so the layer is checked as ${index.label} ` +
          `shows it, where it filters nothing in; the layer is for ATT&CK ${major}, whose platforms are not known here, so it may be a name of ${major}: ` +
          `${platformAdvice('use', known)}, or remove the filter to show every platform in ${index.label} (\`attack-layers upgrade\` leaves out the names ${index.label} does not have), ` +
          `or leave ${release} out to check the layer without reading such names`,
      );
      return;
    }
    if (unchecked && !current) {
      out.add(
        'warning',
        'unknown-platform',
        `/filters/platforms/${at}`,
        `${JSON.stringify(platform)} is not a platform of ${index.label}, but the layer is for ATT&CK ${attackMajor(versionsAttack)}, whose platforms ` +
          `are not known here (no release of it, or before it, is installed, and attack-layers lists none), so what the filter showed there is not checked: ` +
          `${unlisted}; \`attack-layers upgrade\` leaves out the names ${index.label} does not have`,
      );
      return;
    }
    out.add(
      'warning',
      'unknown-platform',
      `/filters/platforms/${at}`,
      `${JSON.stringify(platform)} is not a platform of ${index.label}, so it filters nothing in: ` +
        (current ? `it is called ${JSON.stringify(current)} now — run \`attack-layers upgrade\`` : platformAdvice('use', known)),
    );
  });
  // Said once for the names it concerns, at the first: "AWS", "GCP", "Azure" (/filters/platforms/5, 6, 7).
  for (const { names, at, say } of together.values()) {
    const listed = names.map((name) => JSON.stringify(name)).join(', ');
    const where = at.length > 1 ? ` (/filters/platforms/${at.join(', ')})` : '';
    out.add('warning', 'unknown-platform', `/filters/platforms/${at[0]}`, say(`${listed}${where}`, names.length === 1));
  }
}

/**
 * What `upgrade` writes for a repair, as validate says it, from the repair's own record: repaired, or left out (and
 * kept in "removed by upgrade" when it held something); "Navigator tolerates this" only where NAVIGATOR.md records it.
 */
function upgradeDoes(repair: LayerRepair): string {
  const kept = repair.held !== undefined;
  const upgrade = !repair.leftOut
    ? 'writes it repaired'
    : kept
      ? `leaves it out and keeps it, as it was, in the layer's "${REMOVED_METADATA_NAME}" metadata`
      : 'leaves it out';
  const navigator = repair.navigatorTolerates
    ? 'Navigator tolerates this; '
    : repair.navigatorHides
      ? `Navigator 5.1 ${repair.navigatorHides === true ? 'matches it only as written and shows the annotation nowhere' : repair.navigatorHides}; `
      : kept && repair.leftOut === 'entry'
        ? 'Navigator shows nothing of it; '
        : '';
  return `${navigator}\`attack-layers upgrade\` ${upgrade}`;
}

/**
 * A layer drawn from its own data (`customData`): Navigator loads that data from its `customDataURL` and opens the
 * layer; attack-layers has no copy of it, so the layer's format is checked, its domain and technique IDs (the data's
 * own, F1001 beside T1453) are not, and one warning says so.
 */
function customDataFindings(layer: JsonObject, custom: { url: string; domain: string }, out: Findings): void {
  const entries = Array.isArray(layer['techniques']) ? layer['techniques'].length : 0;
  out.add(
    'warning',
    'custom-data',
    '/customDataURL',
    `the layer is drawn from its own data (${custom.url}, domain ${JSON.stringify(custom.domain)}), which Navigator loads from there; ` +
      `attack-layers has ATT&CK releases only, so it checked the layer format, not its ${entries} technique ${entries === 1 ? 'entry' : 'entries'}`,
  );
  const theirs = (path: string): boolean => path === '/domain' || /^\/techniques\/\d+\/techniqueID$/.test(path);
  for (const issue of schemaFindings(checkFormat(layer, out))) if (!theirs(issue.path)) addSchemaFinding(issue, out);
}

/**
 * Where Navigator 5.1's loader reads the layer as written otherwise than the layer format says (`navigatorLoaderFaults`),
 * each at its place in the layer as checked (`checked`: the repair may leave entries out); `said` once a schema finding
 * there carries it. A fault of an entry's own list holds only for an entry Navigator reads (`readsEntry`): T1999 with
 * "metadata": 5 and no tactic it never reads, and says nothing of it.
 */
function loaderFaults(faults: readonly LoaderFault[], asRead: JsonObject, entryOrigins: readonly number[], index: AttackIndex | undefined): Array<LoaderFault & { checked: string; said?: boolean }> {
  return faults.flatMap((fault) => {
    if (fault.entry === undefined) return [{ ...fault, checked: fault.path }];
    const at = entryOrigins.indexOf(fault.entry);
    return at < 0 || !readsEntry(asRead, fault.entry, index) ? [] : [{ ...fault, checked: fault.path.replace(/^\/techniques\/\d+/, `/techniques/${at}`) }];
  });
}

/** Whether Navigator 5.1 reads the entry at `at` of the layer as written: one with a tactic, or one of a current technique of the release. */
function readsEntry(asRead: JsonObject, at: number, index: AttackIndex | undefined): boolean {
  const entry = Array.isArray(asRead['techniques']) ? asRead['techniques'][at] : undefined;
  if (!isJsonObject(entry)) return false;
  if ('tactic' in entry) return true;
  const record = typeof entry['techniqueID'] === 'string' && isIndexedTechniqueId(entry['techniqueID']) ? index?.technique(entry['techniqueID']) : undefined;
  return !!record && !record.revoked && !record.deprecated;
}

/** The format requires `versions.navigator`, a layer's writer's version, which Navigator 5.1 reads nowhere. */
const NO_NAVIGATOR_VERSION = 'missing required field "navigator"';

/**
 * A schema issue as a finding: an error, but for `versions.navigator` missing or written as no version number ("five",
 * "v5.1.0"), a warning: Navigator 5.1 reads it nowhere (view-model.ts deserializeDomainVersionID reads only `attack`
 * and `layer`; serialize writes its own) and opens the layer without a word. PurpleOps writes `"versions": {"layer":
 * "4.5"}` and its export says so (blueprints/assessment_export.py).
 */
function addSchemaFinding(issue: Issue, out: Findings): void {
  const missing = issue.path === '/versions' && issue.message === NO_NAVIGATOR_VERSION;
  if (missing || issue.path === '/versions/navigator') {
    const navigator = missing ? 'the layer format requires it, but Navigator 5.1 opens the layer without a word' : 'Navigator 5.1 reads it nowhere and opens the layer without a word';
    out.add('warning', 'schema', issue.path, `${issue.message}: ${navigator}; \`attack-layers upgrade\` sets it to ${DEFAULT_NAVIGATOR_VERSION}`);
  } else out.add('error', 'schema', issue.path, issue.message);
}

/**
 * How Navigator 5.1 opens a layer of a file, for the layers after it: where it stops reading it, if it does (`path` as
 * read), and the release it opens it in (`navigatorReleaseKey`), whose data it has loaded once it opens the layer.
 */
interface Opening {
  stop?: { kind: NavigatorStop; path: string };
  release?: string;
}

/**
 * The order ViewModel.deserialize reads a layer's fields in (view-model.ts at fa7a6017), so that the fault it stops at
 * first is named; it colours the scores (updateGradient) after all of them.
 */
const DESERIALIZE_ORDER = ['/filters', '/gradient', '/legendItems', '/techniques', '/metadata', '/links', '/layout'];

function readOrder(path: string): number {
  const at = DESERIALIZE_ORDER.findIndex((field) => path === field || path.startsWith(`${field}/`));
  return at < 0 ? DESERIALIZE_ORDER.length : at;
}

/** The first place Navigator 5.1 stops reading a layer: before opening a tab for it if anywhere, else in the tab in its reading order. */
function firstStop(stops: ReadonlyArray<{ kind: NavigatorStop; path: string; order?: number }>): Opening['stop'] {
  const ordered = [...stops].sort((a, b) => (a.kind === b.kind ? (a.order ?? readOrder(a.path)) - (b.order ?? readOrder(b.path)) : a.kind === 'unopened' ? -1 : 1));
  const [first] = ordered;
  return first && { kind: first.kind, path: first.path };
}

/**
 * A layer's findings (`layerIndex`: its place in a file of layers). `file.stop`: where an earlier layer of the file
 * stopped Navigator, which then never opens this one (`neverOpenedText`): said first, and every other finding is said of
 * the layer opened alone; `file.loaded`: the releases the file's layers before it loaded (`openedInFileText`).
 */
function validateOne(
  read: unknown,
  options: ValidateLayerOptions,
  layerIndex: number | undefined,
  file: { stop?: FileStop; loaded?: ReadonlySet<string> } = {},
): { findings: LayerFinding[]; opening: Opening } {
  const out = new Findings(options.file, layerIndex);
  if (file.stop) out.add('error', 'never-opened', '/', neverOpenedText(file.stop));
  // Shared by every collector of the layer's findings; whether its release is loaded is known once its domain is read.
  const inFile: FileOpening = file.stop ? { neverOpened: `/${layerIndex}` } : {};
  out.opening = inFile;
  if (!isJsonObject(read)) {
    out.add('error', 'schema', '/', 'must be a layer object (or an array of layer objects)');
    return { findings: out.list, opening: {} };
  }
  if (isUnreadablePreAttackLayer(read)) {
    // Nothing in it can be checked against a release: the one finding says what to do.
    out.add('error', 'pre-attack-layer', '/domain', preAttackMessage(read));
    return { findings: out.list, opening: {} };
  }
  if (isAtlasLayer(read)) {
    out.add('error', 'atlas-layer', '/domain', atlasMessage(read));
    return { findings: out.list, opening: {} };
  }
  // One without technique entries is an enterprise layer, said once; its other settings are checked as such.
  const preAttack = isPreAttackLayer(read);
  if (preAttack) out.add('warning', 'pre-attack-layer', '/domain', preAttackMessage(read));
  const value = preAttack ? { ...read, domain: currentDomainName(read['domain']) } : read;
  const custom = customData(value);
  if (custom) {
    customDataFindings(value, custom, out);
    return { findings: out.list, opening: {} };
  }
  let repaired: ReturnType<typeof repairLayer>;
  try {
    repaired = repairLayer(value, options.file);
  } catch {
    // JSON of another program (a package.json, a SARIF log) is said to be that, as every command says it.
    out.add('error', 'schema', '/', noKindText(value, 'JSON', options.file ?? 'layer') ?? 'not an ATT&CK Navigator layer (no techniques, domain or versions)');
    return { findings: out.list, opening: {} };
  }
  // A file that is one object with a "length" Navigator reads as a list of layers and opens nothing of (an element of a
  // file's array of layers it reads as one layer, ignoring the field).
  const listRead = layerIndex === undefined && readsAsLayerList(value);
  // Versions that are no object stop Navigator before it reads a format (deserializeDomainVersionID): no dialog to say.
  // A list written as its one item (PowerShell's list of one) the repair reports with the stop it makes: said once, there;
  // so is a list written as empty text, which Navigator reads no item from and the repair leaves out.
  const faults = navigatorLoaderFaults(value).filter(
    (fault) => !repaired.repairs.some((repair) => repair.path === fault.path && (repair.navigatorStops || (!fault.stops && repair.leftOut))),
  );
  const formatOut = new Findings(options.file, layerIndex);
  formatOut.entryOrigins = repaired.entryOrigins;
  formatOut.opening = inFile;
  const subject = checkFormat(repaired.layer, faults.some((fault) => fault.path === '/versions') ? new Findings(undefined, undefined) : formatOut);
  // The release the layer opens in tells which entries Navigator reads; what is said of it comes in its place below.
  const domain = subject['domain'];
  const releaseKey = typeof domain === 'string' ? navigatorReleaseKey(value, domain, NAVIGATOR_ATTACK_MAJORS.newest) : undefined;
  if (!file.stop && releaseKey && file.loaded?.has(releaseKey)) inFile.releaseLoaded = true;
  const releaseOut = new Findings(options.file, layerIndex);
  releaseOut.entryOrigins = repaired.entryOrigins;
  releaseOut.opening = inFile;
  const release = attackRelease(subject, options, releaseOut);
  // Without the release, every entry is taken as read.
  const written = Array.isArray(value['techniques']) ? value['techniques'] : [];
  // The cells Navigator fills from each entry as written, for what it reads, colours and replaces.
  const cells = navigatorCells(written, releaseTactics(release.index, written));
  const unscaled = unscaledScores(value, (at) => (keepsCell(cells[at]) ? 'read' : cells[at]?.cells.length ? 'replaced' : 'no-technique'));
  const unscaledText = unscaled && unscaledScoresText(unscaled);
  const loader = loaderFaults(faults, value, repaired.entryOrigins, release.index);
  // A list the repair leaves out where Navigator 5.1 fails iterating it ("metadata": 5) is said once, at the loader's
  // fault, with what upgrade does; of an entry Navigator never reads, the repair alone says it.
  const leftOutAtFault = new Map<string, LayerRepair>();
  for (const repair of repaired.repairs) {
    if (repair.leftOut === 'part' && loader.some((fault) => fault.path === repair.path)) {
      leftOutAtFault.set(repair.path, repair);
      continue;
    }
    // A fault Navigator shows an alert or a dialog at is an error; the others it opens, or opens without what was left out.
    // Text that is no JSON: Navigator logs a console error and opens no tab (../shared/NAVIGATOR.md), no alert.
    if (listRead && repair.path === '/length') {
      out.add('error', 'schema', repair.path, `"length" (${shownValue(value['length'])}) is no layer field: Navigator 5.1 ${LAYER_LIST_READ}; leave it out (${upgradeDoes(repair)})`);
    } else if (repair.notJson) out.add('error', 'schema', repair.path, `${repair.repair}: Navigator 5.1 opens no tab for a layer whose text is not JSON (${upgradeDoes(repair)})`);
    else if (unscaledText && repair.path === `/gradient/${unscaled!.bound}`) {
      out.add('error', 'navigator-alert', repair.path, `${repair.repair}: Navigator 5.1 ${unscaledText} (${upgradeDoes(repair)})`);
    } else if (repair.navigatorAlert) {
      out.add('error', 'navigator-alert', repair.path, `${repair.repair}: Navigator 5.1 ${repair.navigatorAlert} (${upgradeDoes(repair)})`);
    } else {
      // An annotated entry without a technique ID Navigator can read ("T1059.1", "T59") it drops silently, as it drops T9999.
      const dropped = repair.leftOut === 'entry' && isJsonObject(repair.held) && isAnnotated(repair.held);
      out.add(repair.navigatorHides || dropped ? 'error' : 'warning', 'repaired', repair.path, `${repair.repair} (${upgradeDoes(repair)})`);
    }
  }
  out.entryOrigins = repaired.entryOrigins;
  out.list.push(...formatOut.list);
  for (const issue of schemaFindings(subject)) {
    const fault = loader.find((found) => found.checked === issue.path);
    if (fault) fault.said = true;
    if (fault) out.add('error', 'schema', issue.path, `${issue.message}: ${fault.text}`);
    else addSchemaFinding(issue, out);
  }
  for (const fault of loader) {
    if (fault.said) continue;
    const found = valueAtPointer(value, fault.path);
    const leftOut = leftOutAtFault.get(fault.path);
    const what = `${shownValue(found)} is ${typeWords(found)}${leftOut ? ', where the layer format takes a list' : ''}`;
    out.add('error', 'schema', fault.checked, `${what}: ${fault.text}${leftOut ? ` (${upgradeDoes(leftOut)})` : ''}`);
  }

  const entries = Array.isArray(subject['techniques']) ? (subject['techniques'] as unknown[]) : [];
  const refused = checkNavigatorRelease(subject, value, options, out);
  // Where Navigator stops reading the layer with an alert (an entry that is no object, a domain it has not, a platform
  // filter that is no list, a release it refuses) or cannot parse it, it opens no tab and draws no matrix: what the
  // matrix would hide or fail to colour is not said.
  const range = checkGradient(subject, out);
  out.list.push(...releaseOut.list);
  const { index, olderRelease, everyPlatform, unlistedPlatforms, askedPlatforms } = release;
  out.olderRelease = olderRelease;
  const stops = [
    ...(refused ? [{ kind: 'unopened' as const, path: '/versions/attack' }] : []),
    ...repaired.repairs.flatMap((repair) => (repair.navigatorStops ? [{ kind: repair.navigatorStops, path: repair.path }] : [])),
    ...(unscaledText ? [{ kind: 'in-tab' as const, path: `/gradient/${unscaled!.bound}`, order: DESERIALIZE_ORDER.length + 1 }] : []),
    ...loader.flatMap((fault) => (fault.stops ? [{ kind: fault.stops, path: fault.path }] : [])),
  ];
  const opening: Opening = {
    ...(stops.length ? { stop: firstStop(stops)! } : {}),
    ...(releaseKey ? { release: releaseKey } : {}),
  };
  const drawn = !listRead && !repaired.repairs.some((repair) => repair.notJson) && !stops.length;
  if (index) {
    const otherDomains = otherDomainLookup(index.domain, (domain) => options.attackFor(domain, undefined));
    const shown = isShownRelease(subject, index, options);
    const input = Array.isArray(value['techniques']) ? value['techniques'] : [];
    const ids: string[] = [];
    const tacticsById = new Set<string>();
    entries.forEach((entry, at) => {
      // An ID the schema rejects is reported there already.
      if (isJsonObject(entry) && typeof entry['techniqueID'] === 'string' && isIndexedTechniqueId(entry['techniqueID'])) {
        const origin = repaired.entryOrigins[at] ?? at;
        const asRead = input[origin];
        ids.push(entry['techniqueID']);
        if (checkTechnique(entry, at, index, shown, otherDomains, out, isJsonObject(asRead) ? asRead['tactic'] : undefined, options.givenAs)) tacticsById.add(`/techniques/${origin}/tactic`);
      }
    });
    // A tactic written as its TA ID is said once, by its check in the release, not also as the repair's lower-casing
    // ("TA0002" read as ta0002), which names no tactic.
    for (let at = out.list.length - 1; at >= 0; at--) if (out.list[at]!.code === 'repaired' && tacticsById.has(out.list[at]!.path)) out.list.splice(at, 1);
    notMitreFinding(entries, index, out);
    // Each entry is another domain's: said once as upgrade says it, the one thing to do, beside each entry's finding.
    const wrongDomain = otherDomainLayerText(ids, index, otherDomains);
    if (wrongDomain) out.add('warning', 'other-domain-layer', '/domain', wrongDomain);
  }
  const unknown = unknownEntryFields(entries);
  if (unknown) {
    out.add('warning', 'unknown-field', unknown.first, `${unknownEntryFieldsText(unknown)}; copy what a reader needs into the entry's comment or metadata (\`attack-layers upgrade\` leaves them out and keeps each entry's, as written, in the layer's "${REMOVED_METADATA_NAME}" metadata)`);
  }
  checkDuplicates(cells, written, out, shownCell(index));
  checkSaysSomething(entries, out);
  // Whether Navigator keeps a cell of the entry checked at a place: one a later entry replaces whole it never shows.
  const kept = (at: number): boolean => keepsCell(cells[repaired.entryOrigins[at] ?? at]);
  // The tactics under which it keeps one: an entry without a tactic that a later one replaces under one shows under the rest.
  const keptUnder = (at: number): string[] => keptCells(cells[repaired.entryOrigins[at] ?? at]).map(cellTactic);
  if (range) checkScores(entries, range, out, kept);
  // The platforms the filter shows, as Navigator reads it from the layer as written (`navigatorPlatformFilter`), for
  // every check of what it draws: a filter of every platform of an older release, or one of names whose release is not
  // known here (nothing is said hidden on their word), shows every one.
  const platformFilter = navigatorPlatformFilter(value);
  const versionsAttack = isJsonObject(subject['versions']) ? subject['versions']['attack'] : undefined;
  const shownRows = !index || everyPlatform === true || unlistedPlatforms !== undefined ? undefined : shownPlatforms(platformFilter, index, versionsAttack);
  // What Navigator shows, aggregates and hides it does by the settings it reads: its default for one the repair read
  // otherwise than written (`"showAggregateScores": "true"` shows no aggregate, `"aggregateFunction": "Max"` averages).
  const navigatorShown = navigatorSettings(value, repaired.layer);
  const layout = { ...(isJsonObject(subject['layout']) ? subject['layout'] : {}), ...(isJsonObject(navigatorShown['layout']) ? navigatorShown['layout'] : {}) };
  const settings: JsonObject = { ...subject, hideDisabled: navigatorShown['hideDisabled'] ?? subject['hideDisabled'] ?? false, layout };
  if (index && range && drawn) {
    const options = { shown: shownRows ?? platformsShown(undefined, index), hideDisabled: settings['hideDisabled'] === true };
    // Aggregated from the entries as written, as Navigator reads them (a score "99" is none). An entry it reads into a
    // cell (an exact ID, a tactic's shortname or none) is one the repair keeps: its pointer is found through entryOrigins.
    for (const found of failingAggregates(written, layout, range, index, options)) {
      const at = found.at === undefined ? -1 : repaired.entryOrigins.indexOf(found.at);
      out.add('warning', 'score-out-of-range', at < 0 ? '/layout/showAggregateScores' : `/techniques/${at}`, failingAggregateText(found, range));
    }
  }
  if (index && drawn) checkHidden(settings, entries, index, shownRows, out, written, keptUnder);
  if (index && drawn) checkHiddenDisabled(settings, entries, index, shownRows, out, kept);
  if (index) checkPlatforms(subject, entries, index, out, { everyPlatform: everyPlatform === true, read: platformFilter, drawn, kept }, unlistedPlatforms, askedPlatforms, givenName(options.givenAs, 'release'));
  if (index) checkNewest(entries, index, options.newest?.(index.domain), out);
  return { findings: out.list, opening };
}

/**
 * Check a parsed layer file — one layer or an array of layers — against the layer format 4.5 schema and against the
 * ATT&CK release each layer declares: everything Navigator would reject, drop silently or hide comes back as a
 * finding with a stable code. Older formats are reported once (`old-format`) and checked as converted.
 * @throws AttackDataError when `options.release` is given and not available for a layer's domain.
 */
export function validateLayer(value: unknown, options: ValidateLayerOptions): LayerFinding[] {
  // The findings advise commands in the CLI's words (`attack-layers upgrade`): said once here in the caller's.
  return withGivenInputs(() => validateFile(value, options), options.givenAs).map((finding) => ({ ...finding, message: inGivenInputs(finding.message, options.givenAs) }));
}

function validateFile(value: unknown, options: ValidateLayerOptions): LayerFinding[] {
  if (!Array.isArray(value)) return validateOne(value, options, undefined).findings;
  if (!value.length) {
    const out = new Findings(options.file, undefined);
    out.add('error', 'no-layers', '/', 'the file holds an empty array of layers; Navigator opens nothing');
    return out.list;
  }
  // An element that is no layer is an error where Navigator alerts or opens no tab for it, as the readers leave it out.
  const { layers, leftOut } = arrayLayers(value);
  // A list of another program's records (a CSV's rows as JSON, TheHive's cases), no element of it a layer, is said to be that once.
  const noKind = layers.length ? undefined : noKindText(value, 'JSON', options.file ?? 'layer');
  if (noKind) {
    const out = new Findings(options.file, undefined);
    out.add('error', 'schema', '/', noKind);
    return out.list;
  }
  const notLayers = new Map(leftOut.map((element) => [element.position, element]));
  const laid = new Map(layers.map(({ position, value: layer }) => [position, layer]));
  // Navigator opens the layers in turn; after one it stops reading in its tab, in a release no layer before it loaded,
  // it opens none (`neverOpenedText`). Each layer it opens loads its release.
  const loaded = new Set<string>();
  let stop: FileStop | undefined;
  return value.flatMap((_, position) => {
    const element = notLayers.get(position);
    if (element) {
      const out = new Findings(options.file, position);
      if (stop) out.add('error', 'never-opened', '/', neverOpenedText(stop));
      if (stop) out.opening = { neverOpened: `/${position}` };
      const what = element.repair.replace(/^.*? of the file \(\/\d+\): /, '').replace(/; left out$/, '');
      out.add('error', 'navigator-alert', '/', `${what}: Navigator 5.1 ${element.navigatorAlert} (\`attack-layers upgrade\` and the other commands leave it out)`);
      return out.list;
    }
    const layer = laid.get(position);
    if (layer === undefined) return [];
    const { findings, opening } = validateOne(layer, options, position, { ...(stop ? { stop } : {}), loaded });
    if (!stop && opening.release && opening.stop?.kind !== 'unopened') {
      if (opening.stop && !loaded.has(opening.release)) stop = { at: `/${position}${opening.stop.path}`, layer: position + 1, release: opening.release };
      loaded.add(opening.release);
    }
    return findings;
  });
}
