import type { AttackIndex } from '../attack/attack-index.js';
import type { AttackLibrary } from '../attack/load.js';
import type { Domain } from '../attack/types.js';
import { gapReportFromJson, type GapReportData } from '../coverage/gap-report.js';
import { AttackDataError, givenName, givenOption, givenWords, inGivenInputs, SchemaValidationError, UsageError, type GivenAs } from '../errors.js';
import { assertKind, parseJsonAs } from '../input-kind.js';
import { isJsonObject, type JsonObject } from '../json-value.js';
import { schemaIssues } from '../schemas.js';
import { checkedSourceLayer, describeSource, layerSources, type LayerSource } from '../layer/combine-layers.js';
import { attackMajor, filterRelease, stagesHidingPreAttack, type FilterRelease } from '../layer/layer-format.js';
import { everyPlatformNote, everyPlatformRelease, everyPlatformSource, unlistedPlatformNames } from '../layer/platform-visibility.js';
import { looksLikeLayer } from '../layer/repair-layer.js';
import { nearestRelease } from '../layer/upgrade-layer.js';
import { domainReleases } from '../normalize/normalize-campaign.js';
import type { NavigatorLayer } from '../layer/layer-types.js';
import { fetchCommand } from '../attack/release-files.js';

/** What `export` can read: a Navigator layer, or the JSON report of the gap review. */
export type ExportInput =
  | {
      kind: 'layer';
      layer: NavigatorLayer;
      source: string;
      /** Faults of the layer as read that were repaired, one line each. */
      repairs: string[];
      /** Each entry's tactic as the file wrote it, by position: one written as a TA ID with a name is read in the release (`readWrittenTacticPairs`). */
      tacticsWritten: unknown[];
      /** The release its platform filter was chosen in, for a layer of format 2.0 or 2.1 that states none (`filterRelease`): for `exportRelease`. */
      filterRelease?: FilterRelease;
      /** How its stage filter (format 2.x and 3.x's `filters.stages`) hid PRE-ATT&CK (`stagesHidingPreAttack`), when it did: for `matrixModel`. */
      preAttackHidden?: string;
    }
  | { kind: 'gap-report'; report: GapReportData; source: string };

/** A gap report has the fields `gap --report json` writes; anything else with `rows` and `formulas` is an error. */
function looksLikeGapReport(value: unknown): value is JsonObject {
  return isJsonObject(value) && 'rows' in value && 'formulas' in value && !('techniques' in value);
}

function checkGapReport(value: JsonObject, file: string, givenAs: GivenAs | undefined): GapReportData {
  const issues = schemaIssues('gap-report', value);
  const writer = givenAs?.command ? `${givenAs.command} gap --report json` : 'gapJson';
  if (issues.length) throw new SchemaValidationError(file, `gap report (the JSON that \`${writer}\` writes)`, issues);
  // Reports written before platforms, remapped tags and notes were added read as having none.
  const rows = (value['rows'] as JsonObject[]).map((row) => ({ platforms: [], platformsCovered: [], otherPlatformRules: [], ...row }));
  return { platforms: [], remapped: [], notes: [], ...value, rows } as unknown as GapReportData;
}

/** How many layers of a file `layerChoices` names before "and N more". */
const CHOICES_SHOWN = 10;

/**
 * The layers of a file to choose from, as `--layer` counts them, each by its name, domain and entry count, so that
 * two layers of one name (the 4.5 format's own multi-layer example names both "example layer") can be told apart:
 * `1 "example layer" (enterprise-attack, 6 entries); 2 …`.
 */
function layerChoices(sources: readonly LayerSource[]): string {
  const named = sources.slice(0, CHOICES_SHOWN).map((source) => {
    const layer = isJsonObject(source.value) ? source.value : {};
    const name = typeof layer['name'] === 'string' && layer['name'].trim() ? JSON.stringify(layer['name'].trim()) : 'without a name';
    const domain = typeof layer['domain'] === 'string' ? layer['domain'] : 'no domain';
    const count = Array.isArray(layer['techniques']) ? layer['techniques'].length : 0;
    return `${(source.position ?? 0) + 1} ${name} (${domain}, ${count} entr${count === 1 ? 'y' : 'ies'})`;
  });
  const more = sources.length - named.length;
  return `${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/**
 * Parse what `export` is given (pure): one layer (any format, checked against the 4.5 schema as converted), one
 * layer of a file of several (`layer`, 1-based), or a gap report. `givenAs` names `layer` in messages (the CLI's `--layer`).
 * @throws InputError for invalid JSON, a layer the schema rejects (SchemaValidationError) or a malformed gap report;
 * UsageError when a file of several layers is given without `layer`, or `layer` is out of range.
 */
export function parseExportInput(text: string, file: string, options: { layer?: number; givenAs?: GivenAs } = {}): ExportInput {
  const value = parseJsonAs(text, file, ['layer', 'gap-report']);
  if (looksLikeGapReport(value)) return { kind: 'gap-report', report: gapReportFromJson(checkGapReport(value, file, options.givenAs)), source: file };
  // The text is parsed once: what is not a gap report is read as layers, as `parseLayerSources` reads them.
  assertKind(value, file, ['layer']);
  const sources = layerSources(value, file);
  // An array of objects none of which is a layer (a folder's index of its layers' URLs) holds no layers to choose
  // from: it is refused as what it is, before any --layer is asked for.
  const notLayer = sources.find((source) => !looksLikeLayer(source.value));
  if (notLayer) checkedSourceLayer(notLayer);
  const wanted = options.layer;
  // --layer counts the file's elements, as every message names a layer (`file (layer 4)`), elements left out included.
  const numbers = sources.map((one) => (one.position ?? 0) + 1);
  const contiguous = numbers.every((number, i) => number === i + 1);
  if (wanted === undefined && sources.length > 1) {
    const pass = givenWords(options.givenAs, 'layer', contiguous ? `1 to ${sources.length}` : `${numbers.join(', ')} (the others are no layers)`);
    throw new UsageError(`${file} holds ${sources.length} layers; export draws one at a time: pass ${pass}: ${layerChoices(sources)}`);
  }
  const source = wanted === undefined ? sources[0] : sources[numbers.indexOf(wanted)];
  if (!source) {
    const give = contiguous ? `give 1 to ${sources.length}` : `give one of ${numbers.join(', ')} (the others are no layers)`;
    const choices = sources.length > 1 ? `: ${layerChoices(sources)}` : '';
    const single = `1 layer; leave ${givenName(options.givenAs, 'layer')} out (or give ${givenOption(options.givenAs, 'layer', 1)})`;
    throw new UsageError(`${givenOption(options.givenAs, 'layer', wanted!)}: ${file} holds ${sources.length === 1 && contiguous ? single : `${sources.length} layers; ${give}${choices}`}`);
  }
  const { layer, repairs, repaired } = checkedSourceLayer(source);
  const asRead = isJsonObject(source.value) && Array.isArray(source.value['techniques']) ? source.value['techniques'] : [];
  const tacticsWritten = repaired.entryOrigins.map((origin) => {
    const entry = asRead[origin];
    return isJsonObject(entry) ? entry['tactic'] : undefined;
  });
  // Read from the layer as repaired, before its format was converted: format 2.0 and 2.1 say the filter's era.
  const era = filterRelease(repaired.layer);
  const preAttackHidden = stagesHidingPreAttack(repaired.layer);
  return {
    kind: 'layer',
    layer: layer as unknown as NavigatorLayer,
    source: describeSource(source),
    repairs,
    tacticsWritten,
    ...(era ? { filterRelease: era } : {}),
    ...(preAttackHidden ? { preAttackHidden } : {}),
  };
}

/**
 * The release a layer is drawn with, as Navigator picks it: `release` when given, else the major version the layer
 * declares (`versions.attack`), else the newest. When the declared one is not available the newest is used and
 * `warning` says so; `everyPlatform` is then set when the platform filter lists every platform of the release nearest
 * to the layer's (`everyPlatformRelease`), as validate reads it: it showed every platform, and is drawn so.
 * `givenAs` names `release` and the commands the warning and note advise (the CLI's `--attack-release`, `attack-layers
 * upgrade`): by default a program reads `release` and `upgradeLayer`. `filter` is the input's `filterRelease`: for a
 * layer that states no release, a filter that lists every platform of its era is read so too (`unstatedRelease`).
 * @throws AttackDataError when no release of the layer's domain (or the given one) is available.
 */
export function exportRelease(
  layer: NavigatorLayer,
  library: AttackLibrary,
  release?: string,
  givenAs?: GivenAs,
  filter?: FilterRelease,
): { index: AttackIndex; warning?: string; note?: string; everyPlatform?: boolean } {
  const drawn = drawnRelease(layer, library, release, givenAs, filter);
  // The note and warning advise commands in the CLI's words (`attack-layers upgrade`): said here in the caller's.
  return {
    ...drawn,
    ...(drawn.warning ? { warning: inGivenInputs(drawn.warning, givenAs) } : {}),
    ...(drawn.note ? { note: inGivenInputs(drawn.note, givenAs) } : {}),
  };
}

/**
 * A layer that states no release, drawn in `index`: a filter of every platform Navigator 2.0 to 2.2 offered (format 2.0
 * or 2.1's windows, linux and mac: `era`, the input's `filterRelease`) chose nothing, and is drawn showing every platform, as upgrade
 * widens it and gap reviews it (Navigator's April 2018 updates layer: `platforms: Windows, Linux, macOS` before).
 */
function unstatedRelease(layer: NavigatorLayer, index: AttackIndex, library: AttackLibrary, era: FilterRelease | undefined): { index: AttackIndex; note?: string; everyPlatform?: boolean } {
  const releases = () => domainReleases(library, index.domain, index.release).history();
  const found = era && everyPlatformSource(layer.filters?.platforms, index, releases, era.major);
  return found ? { index, note: everyPlatformNote(found, index, era.major, era.why), everyPlatform: true } : { index };
}

function drawnRelease(layer: NavigatorLayer, library: AttackLibrary, release: string | undefined, givenAs: GivenAs | undefined, filter: FilterRelease | undefined): { index: AttackIndex; warning?: string; note?: string; everyPlatform?: boolean } {
  const domain = layer.domain as Domain;
  const major = attackMajor(layer.versions?.attack);
  const listed = layer.filters?.platforms;
  if (release && major) {
    // Drawn in another release than its own, a filter of every platform of its own (or the nearest here) showed
    // every platform, and is drawn so, as without --attack-release.
    const index = library.release(domain, release);
    const own = major ? nearestRelease(library, domain, major) : undefined;
    const releases = () => domainReleases(library, domain, index.release).history();
    const nearest = everyPlatformRelease(listed, own, index, major, releases);
    if (nearest) return { index, note: everyPlatformNote(nearest, own!, major!), everyPlatform: true };
    // An ICS layer of 12 drawn in 18.1 on purpose is drawn as 18.1 shows it: its filter's old names match nothing there.
    const unlisted = unlistedPlatformNames(listed, index, major, releases);
    if (!unlisted.length) return { index };
    return {
      index,
      note:
        `filters.platforms names platforms ${index.label} does not have (${unlisted.join(', ')}), and those of ATT&CK ${major}, the layer's, are not known here; ` +
        `drawn as ${index.label}, the release asked for (${givenName(givenAs, 'release')}), shows it, where they match nothing, so a technique on none of the filter's other ` +
        `platforms is not drawn (leave ${givenName(givenAs, 'release')} out to draw the layer on every platform, or run \`attack-layers upgrade\`, which removes those names)`,
    };
  }
  if (!major) return unstatedRelease(layer, library.release(domain, release), library, filter);
  try {
    return { index: library.release(domain, major) };
  } catch (error) {
    if (!(error instanceof AttackDataError)) throw error;
    const index = library.release(domain);
    const own = nearestRelease(library, domain, major);
    const releases = () => domainReleases(library, domain, index.release).history();
    const nearest = everyPlatformRelease(listed, own, index, major, releases);
    // An ICS layer of 10 read in 18.1: its platform names are 10's, unknown here, and would hide every entry.
    const unlisted = nearest ? [] : unlistedPlatformNames(listed, index, major, releases);
    const unread = unlisted.length
      ? `; filters.platforms names platforms ${index.label} does not have (${unlisted.join(', ')}), and those of ATT&CK ${major} are not known here, so it is drawn showing every platform`
      : '';
    return {
      index,
      warning:
        `the layer is for ATT&CK ${domain} ${major}, which is not available here; drawn with ${index.label} instead (run \`${fetchCommand(domain, major)}\` to draw it as made)` +
        (nearest ? `; ${everyPlatformNote(nearest, own!, major)}` : unread),
      ...(nearest || unlisted.length ? { everyPlatform: true } : {}),
    };
  }
}
