/**
 * Navigator-style layer arithmetic: several layers of one domain -> one layer whose scores are the sum, maximum,
 * minimum, mean, difference, intersection or union of theirs. Navigator's own "create layer from other layers"
 * takes a score expression over layers a, b, c…; these are named versions of the usual expressions.
 *
 * Pipeline: `readLayerSources` (I/O) -> `sourcesDomain` (repair, schema, one domain) -> `upgradeSources` (format 4.5
 * and the target release, from that repair) -> `combineLayers` (pure).
 *
 * | rule | what happens |
 * |---|---|
 * | key | an annotation is keyed by (techniqueID, tactic or none); sub-techniques and parents are separate keys |
 * | tactics | an entry without a tactic applies under every tactic of its technique; when any layer places the technique under a tactic, entries without one are expanded to one entry per tactic of the technique in the target release, so (T, none) in a and (T, X) in b meet at (T, X) |
 * | same key twice in a layer | after expansion, the entry with an explicit tactic (else the later one) wins for score, colour and enabled; comments, links and metadata of both are kept |
 * | marked entries | an enabled entry with a colour and no score marks its key (an actor layer highlights what the actor uses, as Navigator shows it): it scores the top of its layer's range (the gradient's max, Navigator's 100 without one; 1 with --normalize), as gap weighs it, in every operation; one warning per layer counts them, naming the first |
 * | sum | sum of the scores of the layers that score or mark the key |
 * | max / min | highest / lowest of those scores |
 * | mean | their mean (entries with neither score nor colour are not counted as 0) |
 * | diff | a - b - c…, a missing or unscored score counts as 0; unscored only when no layer scores or marks the key |
 * | intersect | only keys every layer scores or colours (a disabled colour-only entry too); score = the lowest score given (what every layer agrees on), none when no layer scores or marks the key |
 * | union | every key of any layer; score = the highest |
 * | unscored entries | (no score, and no colour or a disabled one) ignored by the arithmetic (a disabled entry's score counts, as in Navigator's layerOperation, which reads every score whatever `enabled` says); their comments, links and metadata are kept (but not by intersect, which drops keys some layer neither scores nor colours) |
 * | rounding | scores are rounded to 2 decimals (mean of 1, 2, 2 is 1.67) |
 * | comment | each layer's comment, in layer order, duplicates removed, joined with `\n`, each of its lines prefixed `<layer name>: `; a line several layers give written once, where it first came, naming each: `A + B: line` (`attributeComments`) |
 * | links | merged by URL, duplicates removed, in order of first appearance; a divider is kept where it separated two links that are kept (`appendDivided`: none leading, trailing or doubled) |
 * | metadata | each layer's items follow a `{ name: 'layer', value: <layer name> }` item; an item a layer gives twice for the key once (in a list with dividers, a group of items: CTID's Mappings Explorer writes one per capability), a divider kept where it separated two items (`appendDivided`) |
 * | color | kept when every layer that colours the key gives it the same colour, by value (`#F66`, `#ff6666` and `#ff6666ff` are one; a translucent alpha is another colour) (the inferred-from-software colour of one campaign stays); a layer colours it with its own colour, or, with none (`""` or absent) but a score, with its gradient (an observed technique of one campaign is not painted "inferred" by another); an entry with neither colour nor score does not count. Otherwise dropped where a layer scores or marks the key (the combined gradient colours it: the techniques two colour-only actor layers share, each in its own shade, score as both marks add up); where none does (disabled colour-only entries), the first layer's colour is kept (without one the entry would show nothing); one warning counts those entries, with examples |
 * | gradient | diff: diverging orange-white-blue, symmetric around 0; otherwise the colours of the inputs that score or mark something when they all agree, else white to red; over their range (the widest when they differ; 0..1 with --normalize), times their number for sum (a layer of categories only adds nothing), widened to hold every score (downwards when all sit on one threshold, so they keep its last colour) |
 * | legend | the gradient's low, middle and high when an entry is scored, then the inputs' legend items that still say what a colour means: one an entry keeps, or one the combined gradient paints when it is that layer's own (same colours and range); identical items once; a label given in several shades that entries show, in the first layer's shade (entries too: `oneShadePerLabel`); a colour the layers' legends label differently gets one item naming each label with its layers; one warning lists the items left out, with why |
 * | score ranges | when the gradients of the inputs that score or mark something span different ranges (a colour-only layer's marks score its range's top, so it is compared), each layer's scores are rescaled to 0..1 on its own gradient first, with a warning saying so (--no-normalize: raw scores, with a warning); --normalize rescales them always (a gradient whose ends are equal is a threshold, as Navigator paints it: 1 from its value up, 0 below) |
 * | enabled | false when every layer that scores or marks the key disables it (a score only disabled entries give stays hidden or greyed out, as in its layer), or, where none does, when every entry of the key is disabled; Navigator instead copies `enabled` from one layer its user picks |
 * | showSubtechniques | true when any entry of the key has it |
 * | hideDisabled | the inputs' when they agree; otherwise true only when every layer with disabled entries hides them, with a warning saying which was kept (`combinedHideDisabled`) |
 * | view settings (sorting, layout, aggregate scores, selection, tactic row background) | the inputs' where those that state one agree (TDaC's `aggregateFunction: "sum"`); none stating it, combine's own (sorting 3, side layout with IDs and names, annotated sub-techniques expanded) or Navigator's default; where they differ, the setting's rule, with a warning naming each value with its layers (`combinedSettings`); aggregate scores Navigator 5.1 fails to colour turn `showAggregateScores` off, as `upgrade` does |
 * | unknown, deprecated, revoked-without-replacement techniques | left out (Navigator would drop them silently): `upgradeSources` keeps each entry as it was in a `left out by combine` metadata item of its input, which the combined layer carries (`<file>: <JSON pointer>: <why>. The entry was: {…}`), with the same mechanism as `upgrade`'s `removed by upgrade` (`keepRemoved`), and warns once per entry, saying where it is kept; entries that hold nothing (`{}`) are not kept. Inputs not brought through `upgradeSources` are left out with a warning only |
 * | IDs of another domain (T0800 in an enterprise layer) | with a library, `upgradeSources` names them as such with their JSON path, and keeps the entry in the same `left out by combine` metadata |
 * | parts the repair left out (a metadata item without a name, a link without a URL) | kept as `left out by combine` items too, as `upgrade` keeps them |
 * | fields of entries Navigator does not know (CTID's `score_num`) | no rule combines them: `upgradeSources` takes them off each entry and keeps them, as written, in `left out by combine` items (`keepUnknownFields`), with one warning per layer |
 * | entries with nothing left | (no score, comment, link or metadata, enabled, showSubtechniques) left out, as Navigator exports nothing for them; one with only `showSubtechniques` is kept, as Navigator exports it (it shows every sub-technique of the parent) |
 * | the layer | format 4.5, `versions` {attack: target major, navigator 5.1.0, layer 4.5}, name `<op> of <names>` unless given, gradient and legend as above, metadata and description naming the inputs; platform filters kept when every input has the same ones; where they differ, their union, or none when an input shows every platform, with a warning (`combinedPlatforms`); then widened by the platforms of any annotated technique they would hide (`platformsShowing`, with a warning) |
 */
import partition from 'lodash-es/partition.js';
import type { AttackIndex } from '../attack/attack-index.js';
import { recordedElsewhereText } from '../attack/revoked-technique-text.js';
import { noReleaseNumberText } from '../attack/technique-id.js';
import { unknownTechniqueText } from '../attack/unknown-technique-text.js';
import { annotateInDomain } from '../attack/other-domains.js';
import type { Domain, TechniqueRecord } from '../attack/types.js';
import { givenName, givenOption, inGivenInputs, InputError, SchemaValidationError, UsageError, type GivenAs, type Issue } from '../errors.js';
import { noKindValueMessage, parseJsonAs } from '../input-kind.js';
import { carryJsonTextRepairs } from '../json-text.js';
import { schemaIssues } from '../schemas.js';
import {
  LAYER_FORMAT,
  type Gradient,
  type LayerLink,
  type LayerMetadata,
  type LayerTechnique,
  type LegendItem,
  type NavigatorLayer,
} from './layer-types.js';
import { assertAttackLayer, DEFAULT_NAVIGATOR_VERSION, isFormatInOldKey, layerFormat, migrateLayerFormat } from './layer-format.js';
import { aggregatesTurnedOff, LEFT_OUT_METADATA_NAME, upgradeLayer, upgradeReleases } from './upgrade-layer.js';
import { MERGED_BY_DOWNGRADE, NOT_COMBINED_NAME, REMOVED_BY_DOWNGRADE_NAME } from './tool-items.js';
import { upgradeMessages, type EntryUpgrade } from './upgrade-report.js';
import type { AttackLibrary } from '../attack/load.js';
import { isJsonObject, type JsonObject } from '../json-value.js';
import { compareText } from '../compare-text.js';
import { appendDivided } from './divided-list.js';
import { attributeComments } from './merge-entries.js';
import { useOneOf } from '../name-distance.js';
import { firstFew } from '../short-list.js';
import { fittedEntry, heldByComment, tooltipTitle } from './tooltip-fit.js';
import { gradientColor, gradientPosition, paintedColour, plural, writeNearTopAsTop } from './score.js';
import { inputName, readTextFile, type InputOptions } from '../read-text.js';
import { arrayLayers, carryLeftOutLayers, repairLayer, repairMessage, type RepairedLayer, type RepairOptions } from './repair-layer.js';
import { TECHNIQUE_KEYS } from './serialize-layer.js';
import { COMBINE_OPS, type CombineOp } from './combine-ops.js';
import { keptSettings } from './combined-settings.js';
import { layerList } from './layer-list.js';


/** One layer read from a file: the parsed value, and where it came from. */
export interface LayerSource {
  file: string;
  /** The 0-based position in a file that holds an array of layers. */
  position?: number;
  value: unknown;
  /** The value as `sourceLayer` repaired it, once `sourcesDomain` has checked the source: `upgradeSources` starts from it. */
  repaired?: RepairedLayer;
}

/** Where `upgradeSources` keeps what it leaves out of its inputs (metadata items of this name), and how its warnings name the result. */
export interface SourcesKeeping {
  name: string;
  /** `the combined layer`. */
  layer: string;
  /** `the combined entries`. */
  entries: string;
}

/** `combine`'s keeping: `left out by combine` items of the combined layer. */
export const COMBINE_KEEPING: SourcesKeeping = { name: LEFT_OUT_METADATA_NAME, layer: 'the combined layer', entries: 'the combined entries' };

/** One input of `combineLayers`: a format 4.5 layer of the target release. */
export interface CombineInput {
  layer: NavigatorLayer;
  /** Where it came from (`a.json`, `a.json (layer 2)`), for the description and metadata. */
  source?: string;
}

/** What `upgradeSources` changed in one layer to bring it to format 4.5 and the target release. */
export interface LayerUpgrade {
  source: string;
  /** The layer format as written, when older than 4.5. */
  fromFormat?: string;
  /** `versions.attack` as written (undefined when the layer states none). */
  fromAttack?: string;
  changes: string[];
}

/** Options of `combineLayers`. */
export interface CombineOptions {
  op: CombineOp;
  /** The target release: every input must already be upgraded to it (`upgradeSources`). */
  index: AttackIndex;
  /** The result's name (default `<op> of <names>`). */
  name?: string;
  /**
   * Rescale each input's scores to 0..1 on its own gradient (Navigator's 0..100 when it has none) first: true always,
   * false never (raw scores, with a warning when the ranges differ); by default, when the inputs that score or mark
   * something score on different ranges (a group layer of ATT&CK's website on 0..1 beside one on 0..100), with a warning
   * saying so.
   */
  normalize?: boolean;
  /** How warnings name `normalize` and the commands they advise (the CLI's `--normalize` and `--no-normalize`, `attack-layers upgrade`; see `GivenAs`). */
  givenAs?: GivenAs;
}

/** A combined layer, with what was left out and why. */
export interface CombineResult {
  layer: NavigatorLayer;
  warnings: string[];
  /** How many comment lines of the combined entries several layers give, each written once naming them (`A + B: …`). */
  sharedCommentLines: number;
}

/**
 * Gradient colours when the inputs' gradients disagree: white to red, "more is redder", as every layer this tool
 * renders (Navigator's red-yellow-green would paint the technique scored highest green); and a diverging
 * orange-white-blue scale for diff, whose 0 is "the same".
 */
const SCORE_COLORS = ['#ffffff', '#ff6666'];
const DIFF_COLORS = ['#ff9f43', '#ffffff', '#4ea3e6'];

/** The ranges of the layers `at`, by name: `"A" 0..1, "B" 0..100`. */
function rangeList(at: readonly number[], ranges: readonly { minValue: number; maxValue: number }[], names: readonly string[]): string {
  return layerList(
    at.map((i) => names[i] ?? ''),
    (k) => ` ${ranges[at[k]!]!.minValue}..${ranges[at[k]!]!.maxValue}`,
  );
}

/** Navigator's gradient range when a layer has none. */
const DEFAULT_RANGE = { minValue: 0, maxValue: 100 };
/** How many entries that lost their colour the warning names. */
const LOST_COLORS_SHOWN = 3;

/** Where the rest of a combined entry too tall for Navigator's tooltip is (`fittedEntry`). */
const COMBINED_REST = "each input layer's own entry has all of it";

/** The range a layer scores on: its gradient's ends, equal ones too (a threshold); Navigator's default without one. */
function rangeOf(layer: NavigatorLayer): { minValue: number; maxValue: number } {
  const gradient = layer.gradient;
  return gradient && gradient.maxValue >= gradient.minValue ? { minValue: gradient.minValue, maxValue: gradient.maxValue } : DEFAULT_RANGE;
}

/** `a.json`, or `a.json (layer 2)` in a file of several layers. */
export function describeSource(source: Pick<LayerSource, 'file' | 'position'>): string {
  return source.position === undefined ? source.file : `${source.file} (layer ${source.position + 1})`;
}

/**
 * Parse the text of a layer file (pure): one layer, or an array of layers, each a source of its own; an element of
 * the array that is no layer (`null`, a number, `{}`) is left out, and its first layer's repairs say so (`arrayLayers`).
 * @throws InputError naming the line and column of invalid JSON, an empty array, or an array with no layer in it.
 */
export function parseLayerSources(text: string, file: string): LayerSource[] {
  return layerSources(parseJsonAs(text, file, ['layer']), file);
}

/** The sources of a parsed layer file: one layer, or each element of an array of layers. @throws InputError as `parseLayerSources`. */
export function layerSources(value: unknown, file: string): LayerSource[] {
  if (Array.isArray(value)) {
    if (!value.length) throw new InputError(`${file}: the file holds an empty array of layers; give at least one layer`, { file });
    // The repairs of the file's text (its comments, extra commas) are reported once, with its first layer.
    // Elements that are no layer (null, a number, `{}`) are left out, and said with the first layer kept.
    const { layers, leftOut } = arrayLayers(value);
    if (!layers.length) {
      // A list of another program's records (a CSV's rows as JSON, TheHive's cases) is said to be that, as one is.
      const noKind = noKindValueMessage(value, 'JSON', file);
      if (noKind) throw new InputError(noKind, { file });
      throw new InputError(`${file}: ${value.length === 1 ? 'the one element of its array is no layer' : `none of the ${value.length} elements of its array is a layer`} (${leftOut.map((left) => left.repair.replace(/; left out$/, '')).join('; ')}); give a layer file as Navigator saves it`, { file });
    }
    carryJsonTextRepairs(value, layers[0]!.value);
    carryLeftOutLayers(layers[0]!.value, leftOut);
    return layers.map(({ position, value: layer }) => ({ file, position, value: layer }));
  }
  if (!isJsonObject(value)) throw new InputError(`${file}: must be a layer object or an array of layers`, { file });
  return [{ file, value }];
}

/**
 * Read a layer file: one layer, or an array of layers (each counts). `file` is the name messages use; `path` is
 * where to read it (default `file`), for callers that resolve names against a working folder.
 * @throws UsageError when the file cannot be read; InputError for invalid JSON (with line and column).
 */
export function readLayerSources(file: string, path: string = file, input: InputOptions = {}): LayerSource[] {
  return parseLayerSources(readTextFile(file, path, input), inputName(file));
}

/**
 * A source as every reader takes it: repaired (`repairLayer`), then converted to format 4.5 (structure only), with
 * each repair as a line naming the source. @throws InputError when the source is not a layer at all, or is a
 * PRE-ATT&CK layer or one drawn from its own data (`assertAttackLayer`).
 */
export function sourceLayer(source: LayerSource, options: RepairOptions = {}): { layer: JsonObject; repairs: string[]; repaired: RepairedLayer } {
  const where = describeSource(source);
  assertAttackLayer(source.value, source.file, source.position === undefined ? '' : `/${source.position}`);
  const repaired = source.repaired ?? repairLayer(source.value, where, options);
  return { layer: migrateLayerFormat(repaired.layer).layer, repairs: repaired.repairs.map((repair) => `${where}: ${repairMessage(repair)}`), repaired };
}

/**
 * `sourceLayer`, checked against the layer 4.5 schema. @throws SchemaValidationError listing the layer's problems
 * with their paths (from the top of the file).
 */
export function checkedSourceLayer(source: LayerSource, options: RepairOptions = {}): { layer: JsonObject; repairs: string[]; repaired: RepairedLayer } {
  const read = sourceLayer(source, options);
  const issues: Issue[] = schemaIssues('layer-4.5', read.layer)
    .filter((issue) => !/^must match "(then|else)" schema$/.test(issue.message))
    .map((issue) => (source.position === undefined ? issue : { ...issue, path: `/${source.position}${issue.path === '/' ? '' : issue.path}` }));
  if (issues.length) throw new SchemaValidationError(source.file, 'ATT&CK Navigator layer', issues);
  return read;
}

/**
 * Check every source against the layer 4.5 schema (older formats as converted) and return their common domain, and
 * the sources with their repair (`repaired`), for `upgradeSources` to start from, so that each layer is repaired once.
 * `given` (the user's `--domain`) is the domain of a layer that states none, as `gap` reads a threat layer, and must
 * be the domain of one that states it.
 * @throws SchemaValidationError listing a layer's problems with their paths; InputError naming the files when the
 * layers are of different domains; UsageError naming both when a layer states another domain than `given`. `givenAs`
 * names `given` in messages (`domain`; the CLI's `--domain`).
 */
export function sourcesDomain(sources: readonly LayerSource[], given?: Domain, givenAs?: GivenAs): { domain: Domain; sources: LayerSource[] } {
  const byDomain = new Map<Domain, string[]>();
  const checked: LayerSource[] = [];
  for (const source of sources) {
    const { layer, repaired } = checkedSourceLayer(source, given ? { unstatedDomain: given } : {});
    const domain = layer['domain'] as Domain;
    byDomain.set(domain, [...(byDomain.get(domain) ?? []), describeSource(source)]);
    checked.push({ ...source, repaired });
  }
  const other = [...byDomain.entries()].filter(([domain]) => given && domain !== given);
  if (given && other.length) {
    const list = other.map(([domain, files]) => `${domain} (${[...new Set(files)].join(', ')})`).join('; ');
    throw new UsageError(
      `${givenOption(givenAs, 'domain', given)} disagrees with the domain the layer states: ${list}; leave ${givenName(givenAs, 'domain')} out to read a layer in its own domain, or give a layer of ${given}`,
    );
  }
  const domains = [...byDomain.entries()];
  if (domains.length > 1) {
    const list = domains.map(([domain, files]) => `${domain} (${[...new Set(files)].join(', ')})`).join('; ');
    throw new InputError(`layers of different ATT&CK domains cannot be combined: ${list}; combine layers of one domain (${givenName(givenAs, 'domain')} keeps that domain's layers of a file holding several)`);
  }
  const only = domains[0];
  if (!only) throw new UsageError('no layers given; name at least two layer files');
  return { domain: only[0], sources: checked };
}

/**
 * What sums the scores of a layer's entries that merge when layers are upgraded for combine or compare, which take no
 * `mergeScore`: the layer upgraded first (`attack-layers upgrade --merge-score sum`; to a program, `upgradeLayer` with
 * `mergeScore: 'sum'`).
 */
function upgradeFirstToSum(givenAs: GivenAs | undefined): string {
  const sum = givenOption(givenAs, 'mergeScore', 'sum');
  return givenAs?.command ? `\`${givenAs.command} upgrade ${sum}\` on the layer first` : `\`upgradeLayer\` with ${sum} on the layer first`;
}

/**
 * What the combined layer says of an input that still holds items of what a downgrade kept (`MERGED_BY_DOWNGRADE`,
 * `REMOVED_BY_DOWNGRADE_NAME`): those `upgradeSources` could not write again in `index`'s release (G0016 downgraded to
 * 6.3, combined in 6.3). They are carried with the input's metadata, as they are; its entries are combined without
 * them, and an upgrade of the combined layer cannot split them out of combined entries. Undefined when there are none.
 */
function keptByDowngradeText(layer: NavigatorLayer, file: string, index: AttackIndex): string | undefined {
  const kept = (layer.metadata ?? []).filter((item) => 'name' in item && [MERGED_BY_DOWNGRADE, REMOVED_BY_DOWNGRADE_NAME].includes(item.name));
  if (!kept.length) return undefined;
  const them = kept.length === 1 ? 'it' : 'them';
  return (
    `its ${kept.length === 1 ? `"${kept.map((item) => ('name' in item ? item.name : ''))[0]}" item` : `${kept.length} "${MERGED_BY_DOWNGRADE}" and "${REMOVED_BY_DOWNGRADE_NAME}" items`}, what a downgrade merged or removed, ` +
    `${index.label} cannot write again: carried in the combined layer's metadata as ${file} has ${them}, not combined; an upgrade of the combined layer ` +
    `would not split ${them} out of combined entries: combine in a release that has ${them} (combine writes ${them} again first), or upgrade ${file} to one first`
  );
}

/**
 * Bring every source to layer format 4.5 and to the target release with `upgradeLayer` (revoked techniques become
 * their replacements, so T1086 in an old layer meets T1059.001 in a new one). Entries it cannot place (techniques
 * unknown in the release, deprecated, revoked without a replacement, of another domain, or left out by the repair)
 * are left out, each that held anything kept as it was in the layer's `left out by combine` metadata, which the
 * combined layer carries, naming the source and JSON pointer; `warnings` has one line per such entry. `upgrades`
 * lists the other changes of the layers that changed, for the caller to report. Given the library, each layer's
 * techniques are looked up in its own release. `keeping` names the items and the layer that carries them
 * (`compare` keeps them as `left out by compare` items of its comparison layer). `givenAs`: how the warnings name
 * what to give (the CLI's `--attack`; see `GivenAs`).
 * @throws InputError, SchemaValidationError as `upgradeLayer` does.
 */
export function upgradeSources(
  sources: readonly LayerSource[],
  index: AttackIndex,
  library?: AttackLibrary,
  keeping: SourcesKeeping = COMBINE_KEEPING,
  givenAs?: GivenAs,
): { inputs: CombineInput[]; upgrades: LayerUpgrade[]; warnings: string[] } {
  const inputs: CombineInput[] = [];
  const upgrades: LayerUpgrade[] = [];
  const warnings: string[] = [];
  for (const source of sources) {
    const where = describeSource(source);
    // With a library, each layer's techniques are looked up in the release it states, as `upgrade` does.
    const releases = library ? upgradeReleases(source.value, library, { to: index.release, file: where }) : undefined;
    const { layer, report } = upgradeLayer(source.value, index, {
      file: where,
      ...(source.repaired ? { repaired: source.repaired } : {}),
      ...(releases?.target === index ? { source: releases.source, sourceNote: releases.sourceNote, platformRelease: releases.platformRelease, releases: releases.releases } : {}),
      // IDs of another domain (T0800 in an enterprise layer) are named as such, with their path, as upgrade does.
      ...(releases ? { otherDomains: releases.otherDomains } : {}),
      // Navigator would drop an unknown technique's entry silently: it is left out, and kept, as a deprecated one is.
      keptAs: { name: keeping.name, source: where, where: `${keeping.layer}'s metadata` },
      // A downgraded layer's entries are what the downgrade kept of them, as the upgrade back writes them: each of
      // attack-object G0016 downgraded to 6.3 (50 entries of 98 merged or removed), not the 48 entries left. In the
      // layer's own release nothing can be (`keptByDowngradeText` says so once).
      readBack: releases?.source !== index,
      // The filter the layers share is widened once, on the combined layer (combineLayers).
      keepFilter: true,
      // Only the words of the data to give (a team's own techniques: `--attack`) and of the release to bring the layers
      // to (a newer release at hand that has an ID: `--to`): combine takes no `--merge-score`, so scores that merge
      // within a layer are summed by upgrading it first, which the report says.
      ...(givenAs ? { givenAs: { attack: givenAs.attack, command: givenAs.command, to: givenAs.to } } : {}),
      sumAdvice: upgradeFirstToSum(givenAs),
    });
    inputs.push({ layer, source: where });
    // A layer of a newer release than the one combined in (ATT&CK 19 in 18.1) is downgraded, as `upgrade --to` says.
    if (releases?.downgrade) warnings.push(`${where}: ${releases.downgrade}`);
    const [removed, others] = partition(report.techniques, (entry) => entry.changes.includes('removed'));
    for (const entry of removed) warnings.push(`${where}: ${entry.path}: ${entry.notes.join('; ')}`);
    const unknown = keepUnknownFields(layer, report.techniques, where, keeping);
    if (unknown) warnings.push(unknown);
    // The combined layer sets its own layout and Navigator version, so an input's changes to them are not worth reporting.
    const changes = upgradeMessages({ ...report, techniques: others }).filter((change) => !change.startsWith('/layout/') && !change.startsWith('/versions/navigator:'));
    if (!changes.length) continue;
    const format = layerFormat(source.value);
    const upgrade: LayerUpgrade = { source: where, changes };
    // A format after 4.0 under the old `version` key is that format: its change line says where the number moved.
    // The number as the upgrade read it: a `version` that holds an object (`{"layer": "4.0", …}`) is read as `versions`.
    if (format.comparedTo45 === -1 && format.version !== undefined && !isFormatInOldKey(format)) upgrade.fromFormat = report.from.format ?? format.version;
    // The release as read: one the repair left out (no number in it) is none.
    if (report.from.attack !== undefined) upgrade.fromAttack = report.from.attack;
    upgrades.push(upgrade);
  }
  return { inputs, upgrades, warnings };
}

/**
 * Fields of entries that Navigator does not know (CTID's `score_num`, `category`) have no rule to combine them, so the
 * combined entries do not carry them: each upgraded entry's are taken off it and kept, as they were, in a `left out by
 * combine` metadata item of its layer (which the combined layer carries), named by the entry's JSON pointer as read, as
 * `upgrade` keeps the values its merges leave out. Returns the one warning for the layer, or undefined when it has none.
 */
function keepUnknownFields(layer: NavigatorLayer, reports: readonly EntryUpgrade[], where: string, keeping: SourcesKeeping): string | undefined {
  const metadata: LayerMetadata[] = [...(layer.metadata ?? [])];
  const fields = new Set<string>();
  let entries = 0;
  // The JSON pointers as read of the entries that became each entry (several when they merged).
  const origins = new Map<number, Set<string>>();
  for (const report of reports) for (const { at } of report.to) origins.set(at, (origins.get(at) ?? new Set()).add(report.path));
  (layer.techniques ?? []).forEach((entry, at) => {
    const own = entry as unknown as JsonObject;
    const keys = Object.keys(own).filter((key) => !TECHNIQUE_KEYS.includes(key)).sort(compareText);
    if (!keys.length) return;
    const paths = [...(origins.get(at) ?? [])];
    const was = Object.fromEntries(keys.map((key) => [key, own[key]]));
    for (const key of keys) delete own[key];
    const last = metadata.at(-1);
    if (!entries && last && !('name' in last && last.name === keeping.name)) metadata.push({ divider: true });
    const plural = keys.length > 1;
    metadata.push({
      name: keeping.name,
      value: `${where}: ${paths.join(', ') || `/techniques/${at}`}: ${plural ? 'fields' : 'field'} ${keys.join(', ')}, which Navigator does not know and no rule combines; left out. ${plural ? 'They were' : 'It was'}: ${JSON.stringify(was)}`,
    });
    for (const key of keys) fields.add(key);
    entries += 1;
  });
  if (!entries) return undefined;
  layer.metadata = metadata;
  const list = [...fields].sort(compareText);
  const one = list.length === 1;
  return (
    `${where}: its entries' field${one ? '' : 's'} ${list.join(', ')}, which Navigator does not know, ${one ? 'is' : 'are'} not carried into ${keeping.entries} ` +
    `(no rule combines ${one ? 'it' : 'them'}): the values of ${entries === 1 ? '1 entry are' : `${entries} entries are each`} kept, as written, in ${keeping.layer}'s metadata ("${keeping.name}")`
  );
}

/** What one layer says about one key. */
interface Cell {
  score?: number;
  /** The layer colours the key, enabled, without a score: it marks it, and `score` is its range's top. */
  marked?: boolean;
  color?: string;
  /** The layer's comments on the key, each once, with the layer's name. */
  comments: Array<{ label: string; comment: string }>;
  links: LayerLink[];
  metadata: LayerMetadata[];
  enabled: boolean;
  showSubtechniques: boolean;
}

function keyOf(id: string, tactic: string | undefined): string {
  return `${id}\u0000${tactic ?? ''}`;
}

function round(score: number): number {
  // Beyond 2^53 a number has no decimals to round (and score * 100 could overflow); `|| 0` turns -0 into 0.
  return Math.abs(score) > Number.MAX_SAFE_INTEGER ? score : Math.round(score * 100) / 100 || 0;
}

function pushUnique<T>(into: T[], items: readonly T[], same: (a: T, b: T) => boolean): void {
  for (const item of items) if (!into.some((existing) => same(existing, item))) into.push(item);
}

function sameComment(a: { label: string; comment: string }, b: { label: string; comment: string }): boolean {
  return a.label === b.label && a.comment === b.comment;
}

// Links are the same when they go to the same place, whatever their labels.
function linkKey(item: LayerLink): string {
  return 'url' in item ? item.url : '';
}

/** The key's score under an operation, from the scores of the layers in order (undefined: that layer gives none). */
function combineScores(op: CombineOp, cells: readonly (Cell | undefined)[]): number | undefined | null {
  const scores = cells.map((cell) => cell?.score);
  const given = scores.filter((s): s is number => s !== undefined);
  if (op === 'intersect') {
    // Every layer must mark the key: with a score, or with a colour (a colour-only layer marks what it highlights).
    if (!cells.every((cell) => cell?.score !== undefined || cell?.color)) return null;
    return given.length ? given.reduce((a, b) => Math.min(a, b)) : undefined;
  }
  if (!given.length) return undefined;
  switch (op) {
    case 'sum':
      return given.reduce((a, b) => a + b, 0);
    case 'max':
    case 'union':
      return given.reduce((a, b) => Math.max(a, b));
    case 'min':
      return given.reduce((a, b) => Math.min(a, b));
    case 'mean': {
      const mean = given.reduce((a, b) => a + b, 0) / given.length;
      // Scores near the largest number overflow their sum but not their mean.
      return Number.isFinite(mean) ? mean : given.reduce((a, b) => a + b / given.length, 0);
    }
    case 'diff':
      return scores.reduce<number>((total, s, i) => (i === 0 ? (s ?? 0) : total - (s ?? 0)), 0);
  }
}

/**
 * The colour each layer gives a key (undefined: the layer does not colour it), by value (`paintedColour`: `#F00` is
 * `#ff0000`): its own, or 'its gradient' for an entry with a score and no colour, as Navigator paints it.
 */
function colorVotes(cells: readonly (Cell | undefined)[]): (string | undefined)[] {
  return cells.map((cell) => paintedColour(cell?.color) || (cell?.score === undefined ? undefined : 'its gradient'));
}

/**
 * Readable names for the inputs: the layer's name, else its source; a name that layers of different sources share
 * gets the source. One file given twice is one name twice (its source would tell nothing apart).
 */
function labels(inputs: readonly CombineInput[]): string[] {
  const names = inputs.map((input, i) => input.layer.name.trim() || input.source || `layer ${i + 1}`);
  const sources = inputs.map((input, i) => input.source ?? `layer ${i + 1}`);
  return names.map((name, i) => {
    const others = new Set(names.flatMap((other, j) => (other === name ? [sources[j]] : [])));
    return others.size > 1 ? `${name} (${sources[i]})` : name;
  });
}

/**
 * Why a technique cannot be shown in the target release, or undefined when it can (a newer release's T1685, a team's
 * T9001: `unknownTechniqueText`). A revoked one is said as
 * `revocationChain` reads it, replacement or none, as `upgrade` would write it (inputs `upgradeSources` did not bring).
 */
function unusable(id: string, record: TechniqueRecord | undefined, index: AttackIndex, givenAs: GivenAs | undefined): string | undefined {
  if (!record) {
    const inRelease = (later: AttackIndex): string => `combine the layers in it (${givenOption(givenAs, 'to', later.release)})`;
    return noReleaseNumberText(id) ?? unknownTechniqueText(id, index, { does: 'keeps it', withIt: 'combine the layers with it', inRelease, inDomain: annotateInDomain }) ?? `${id} is not a technique in ${index.label}`;
  }
  if (record.revoked) {
    const chain = index.revocationChain(record);
    if (!chain.final) return `${id} is revoked in ${index.label} and no replacement is named`;
    return (
      `${id} is revoked in ${index.label}, replaced by ${chain.final.id}${recordedElsewhereText(chain, index.label)}` +
      (chain.final.deprecated ? `, itself deprecated` : `: bring the layer to ${index.label} first (\`attack-layers upgrade\`)`)
    );
  }
  if (record.deprecated) return `${id} is deprecated in ${index.label}`;
  return undefined;
}

/**
 * One layer as cells by key, with entries without a tactic expanded where `placed` says another layer uses tactics. A
 * key the layer colours, enabled, without a score, is marked when `top` is given: it scores `top`, its range's top (scaled).
 */
function layerCells(
  layer: NavigatorLayer,
  label: string,
  placed: ReadonlySet<string>,
  index: AttackIndex,
  top: number | undefined,
  scale: (score: number) => number = (score) => score,
): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  // Entries without a tactic first, so that one with a tactic, folded in later, wins where both apply (as the later
  // entry does in Navigator).
  const entries = [...(layer.techniques ?? [])].sort((a, b) => Number(a.tactic !== undefined) - Number(b.tactic !== undefined));
  for (const entry of entries) {
    const record = index.technique(entry.techniqueID);
    const tactics =
      entry.tactic !== undefined
        ? [entry.tactic]
        : placed.has(entry.techniqueID) && record?.tactics.length
          ? record.tactics
          : [undefined];
    for (const tactic of tactics) {
      const key = keyOf(entry.techniqueID, tactic);
      const cell = cells.get(key) ?? {
        comments: [],
        links: [],
        metadata: [],
        enabled: true,
        showSubtechniques: false,
      };
      if (typeof entry.score === 'number') cell.score = scale(entry.score);
      if (entry.color) cell.color = entry.color;
      cell.enabled = entry.enabled !== false;
      if (entry.comment?.trim()) pushUnique(cell.comments, [{ label, comment: entry.comment.trim() }], sameComment);
      appendDivided(cell.links, entry.links ?? [], linkKey);
      if (entry.metadata?.length) {
        if (!cell.metadata.length) cell.metadata.push({ name: 'layer', value: label });
        appendDivided(cell.metadata, entry.metadata, (item) => JSON.stringify(item), 'group');
      }
      if (entry.showSubtechniques) cell.showSubtechniques = true;
      cells.set(key, cell);
    }
  }
  for (const cell of cells.values()) {
    if (top !== undefined && cell.score === undefined && cell.color && cell.enabled) Object.assign(cell, { score: scale(top), marked: true });
  }
  return cells;
}

/**
 * The colours a layer gives its enabled entries without a score, and its legend's, each once (with its legend label,
 * `#66ff33 "Detected"`): one is a mark (Bear_APT's 59 entries and its one legend item, #ff6666); several are categories.
 */
function colourCategories(layer: NavigatorLayer): string[] {
  const labels = new Map<string, string>();
  for (const item of layer.legendItems ?? []) {
    const colour = paintedColour(item.color);
    if (colour && !labels.has(colour)) labels.set(colour, item.label);
  }
  const colours = new Set(labels.keys());
  for (const entry of layer.techniques ?? []) {
    const colour = entry.score === undefined && entry.enabled !== false ? paintedColour(entry.color) : undefined;
    if (colour) colours.add(colour);
  }
  return [...colours].map((colour) => (labels.get(colour)?.trim() ? `${colour} "${labels.get(colour)!.trim()}"` : colour));
}

/**
 * The result's gradient. diff: the diverging scale, symmetric around 0. Otherwise the inputs' colours when they all
 * have the same (else white to red), over their common range (0..1 with `normalize`; the widest when they differ),
 * times the number of inputs for sum; widened to hold every score, min < max always. `inputs` are the layers that
 * score or mark something (all, when none does).
 */
function gradientFor(op: CombineOp, scores: readonly number[], inputs: readonly CombineInput[], normalize: boolean): Gradient {
  if (op === 'diff') {
    const reach = scores.reduce((most, score) => Math.max(most, Math.abs(score)), 0) || 1;
    return { colors: DIFF_COLORS, minValue: -reach, maxValue: reach };
  }
  // Compared by value (`#F00` is `#ff0000`); the first layer's colours are written, lower case.
  const own = inputs.map(({ layer }) => layer.gradient?.colors.map((c) => paintedColour(c) ?? c));
  const first = inputs[0]?.layer.gradient?.colors.map((c) => c.toLowerCase());
  const agreed = own[0] && own.every((colors) => colors && JSON.stringify(colors) === JSON.stringify(own[0])) ? first : undefined;
  const ranges = inputs.map(({ layer }) => (normalize ? { minValue: 0, maxValue: 1 } : rangeOf(layer)));
  let minValue = ranges.reduce((least, r) => Math.min(least, r.minValue), Infinity);
  let maxValue = ranges.reduce((most, r) => Math.max(most, r.maxValue), -Infinity);
  if (op === 'sum') maxValue = Math.min(Number.MAX_VALUE, minValue + (maxValue - minValue) * inputs.length);
  // One by one: a layer of 200,000 scores is more than a call takes arguments.
  minValue = scores.reduce((least, score) => Math.min(least, score), minValue);
  maxValue = scores.reduce((most, score) => Math.max(most, score), maxValue);
  // Only inputs that are all one threshold, every score at it, get here: widened downwards, the scores keep the last
  // colour, as Navigator paints them on the threshold.
  if (minValue === maxValue) minValue = maxValue - 1;
  return { colors: agreed ? [...agreed] : SCORE_COLORS, minValue: round(minValue), maxValue: round(maxValue) };
}

/**
 * The result's legend: the gradient's low, middle and high (diff: its three meanings) when an entry is scored, so that
 * a union of colour-only layers gets no legend of scores it does not show; then the inputs' legend items that still
 * say what a colour of the result means (`inputLegend`).
 */
function legendFor(op: CombineOp, gradient: Gradient, names: readonly string[], scored: boolean, kept: readonly LegendItem[]): LegendItem[] {
  if (!scored) return [...kept];
  const at = (value: number): string => gradientColor(gradient, value);
  const mid = round((gradient.minValue + gradient.maxValue) / 2);
  if (op === 'diff') {
    const first = names[0] ?? 'a';
    return [
      { label: `${gradient.minValue}: scored higher by the other layers than by ${first}`, color: at(gradient.minValue) },
      { label: '0: the same score (first minus the others)', color: at(0) },
      { label: `${gradient.maxValue}: scored higher by ${first}`, color: at(gradient.maxValue) },
      ...kept,
    ];
  }
  return [
    { label: `${op} ${gradient.minValue}: lowest`, color: at(gradient.minValue) },
    { label: `${op} ${mid}`, color: at(mid) },
    { label: `${op} ${gradient.maxValue}: highest`, color: at(gradient.maxValue) },
    ...kept,
  ];
}

/** Whether a layer's gradient is the result's: the same colours over the same range, so its colours mean the same. */
function sameGradient(own: Gradient | undefined, result: Gradient): boolean {
  if (!own || own.minValue !== result.minValue || own.maxValue !== result.maxValue) return false;
  return JSON.stringify(own.colors.map(paintedColour)) === JSON.stringify(result.colors.map(paintedColour));
}

/**
 * The inputs' legend items that still say what a colour of the combined layer means: a colour an entry keeps (the
 * inferred colour, a colour-only layer's "Detected"), or one of the combined gradient's, which paints scored entries,
 * when it is the layer's own gradient, same colours over the same range (max of two layers whose legend names their
 * gradient's ends). Identical items (label case aside, colour by value) become one; where layers give one colour different labels
 * ("Not Detected" in one, "Detected" in another), the one item names each label with its layers, as the matrix shows
 * that colour for both. Every item left out is said in one warning with why, and each colour of several meanings in
 * another.
 */
function inputLegend(inputs: readonly CombineInput[], names: readonly string[], techniques: readonly LayerTechnique[], gradient: Gradient): { items: LegendItem[]; warnings: string[] } {
  const own = new Set(techniques.flatMap((entry) => (entry.color ? [paintedColour(entry.color)] : [])));
  // The colours the combined gradient stands for: its stops, and those it paints the scored entries without a colour with.
  const scored = techniques.filter((entry) => !entry.color && typeof entry.score === 'number');
  const painted = new Set(scored.length ? [...gradient.colors.map((c) => paintedColour(c) ?? c), ...scored.map((entry) => gradientColor(gradient, entry.score!))] : []);
  const byColour = new Map<string, { label: string; color: string; layers: string[] }[]>();
  const leftOut = new Map<string, { said: string; layers: string[]; why: string }>();
  inputs.forEach(({ layer }, i) => {
    const name = names[i] ?? '';
    const carried = sameGradient(layer.gradient, gradient);
    for (const item of layer.legendItems ?? []) {
      const colour = paintedColour(item.color) ?? item.color;
      if (!own.has(colour) && !(carried && painted.has(colour))) {
        // Identical items left out for the same reason are said once, with their layers.
        const said = `"${item.label}" (${colour})`;
        const why = legendLeftOut(layer, colour, carried, techniques, gradient);
        const key = `${said.toLowerCase()}\u0000${why}`;
        leftOut.set(key, { said: leftOut.get(key)?.said ?? said, layers: [...(leftOut.get(key)?.layers ?? []), name], why });
        continue;
      }
      const items = byColour.get(colour) ?? [];
      const same = items.find((kept) => kept.label.trim().toLowerCase() === item.label.trim().toLowerCase());
      if (same) {
        if (!same.layers.includes(name)) same.layers.push(name);
      } else {
        items.push({ label: item.label, color: item.color, layers: [name] });
      }
      byColour.set(colour, items);
    }
  });
  const warnings: string[] = [];
  const items = [...byColour].map(([colour, labels]): LegendItem => {
    const first = labels[0]!;
    if (labels.length === 1) return { label: first.label, color: first.color };
    const each = labels.map(({ label, layers }) => `${label} (${layers.map((layer) => `"${layer}"`).join(', ')})`);
    warnings.push(`the layers' legends give ${colour} ${labels.length} meanings: ${each.join(', ')}; the combined legend item names each, with its layers`);
    return { label: each.join('; '), color: first.color };
  });
  // Items left out of the same layers for the same reason are said together (DeTT&CT writes six legend items in
  // every layer: two of its layers combined gave a clause per item, over 1000 characters, cut on stderr).
  const grouped = new Map<string, { said: string[]; layers: string[]; why: string }>();
  for (const { said, layers, why } of leftOut.values()) {
    const key = `${why}\u0000${layers.join('\u0000')}`;
    grouped.set(key, { said: [...(grouped.get(key)?.said ?? []), said], layers, why });
  }
  const out = [...grouped.values()].map(({ said, layers, why }) => `${said.join(', ')} of ${layerList(layers)}: ${why}`);
  if (out.length) warnings.push(`legend item${leftOut.size === 1 ? '' : 's'} left out of the combined layer: ${out.join('; ')}`);
  return { items, warnings };
}

/**
 * One colour for a legend label the layers give in several shades (a purple-team run's "Detected" #66ff33, an Atomic
 * Red Team report's "Detected" #2ca02c), so that the combined layer shows one meaning in one colour and its legend
 * has one "Detected", not two: the entries of every other shade, and its legend item, take the shade of the first
 * layer that gives the label (as an entry the layers colour differently keeps the first layer's colour), said in one
 * warning per label. Only shades that entries show (a gradient's colour is the gradient's business) and that every
 * legend gives that label alone (labels compared case aside): a colour the legends label differently stays as it is,
 * its item naming each meaning (`inputLegend`).
 */
function oneShadePerLabel(inputs: readonly CombineInput[], names: readonly string[]): { inputs: readonly CombineInput[]; warnings: string[] } {
  const key = (label: string): string => label.trim().toLowerCase();
  const labelsOf = new Map<string, Set<string>>();
  for (const { layer } of inputs) {
    for (const item of layer.legendItems ?? []) {
      const colour = paintedColour(item.color) ?? item.color;
      labelsOf.set(colour, (labelsOf.get(colour) ?? new Set()).add(key(item.label)));
    }
  }
  // Each label's first shade (as written), and every shade an entry shows it in, with the layers that give it.
  const first = new Map<string, { label: string; color: string; shades: Map<string, string[]> }>();
  const repaint = inputs.map(() => new Map<string, string>());
  inputs.forEach(({ layer }, i) => {
    const shown = new Set((layer.techniques ?? []).flatMap((entry) => (entry.color ? [paintedColour(entry.color)] : [])));
    for (const item of layer.legendItems ?? []) {
      const colour = paintedColour(item.color) ?? item.color;
      if (!shown.has(colour) || labelsOf.get(colour)!.size > 1) continue;
      const chosen = first.get(key(item.label)) ?? { label: item.label, color: item.color, shades: new Map<string, string[]>() };
      first.set(key(item.label), chosen);
      chosen.shades.set(colour, [...(chosen.shades.get(colour) ?? []), names[i] ?? '']);
      if ((paintedColour(chosen.color) ?? chosen.color) !== colour) repaint[i]!.set(colour, chosen.color);
    }
  });
  const warnings = [...first.values()].flatMap(({ label, color, shades }) =>
    shades.size < 2
      ? []
      : [
          `the layers' legends give "${label}" ${shades.size} shades: ${[...shades].map(([shade, layers]) => `${shade} (${layerList(layers)})`).join(', ')}; ` +
            `the combined layer paints its entries and its legend item ${paintedColour(color) ?? color}, the first layer's`,
        ],
  );
  const painted = inputs.map((input, i): CombineInput => {
    const map = repaint[i]!;
    if (!map.size) return input;
    const recolour = (color: string | undefined): string | undefined => (color === undefined ? undefined : (map.get(paintedColour(color) ?? color) ?? color));
    const layer: NavigatorLayer = {
      ...input.layer,
      techniques: (input.layer.techniques ?? []).map((entry) => (entry.color ? { ...entry, color: recolour(entry.color)! } : entry)),
      legendItems: (input.layer.legendItems ?? []).map((item) => ({ ...item, color: recolour(item.color)! })),
    };
    return { ...input, layer };
  });
  return { inputs: painted, warnings };
}

/** Why an input's legend item of `colour` says nothing of the combined layer. */
function legendLeftOut(layer: NavigatorLayer, colour: string, carried: boolean, techniques: readonly LayerTechnique[], gradient: Gradient): string {
  const entries = layer.techniques ?? [];
  const ids = [...new Set(entries.filter((entry) => paintedColour(entry.color) === colour).map((entry) => entry.techniqueID))];
  if (ids.length) {
    const kept = new Set(techniques.map((entry) => entry.techniqueID));
    const [lost, absent] = partition(ids, (id) => kept.has(id));
    const parts = [
      ...(lost.length ? [`${firstFew(lost)} ${lost.length === 1 ? 'does' : 'do'} not keep it, as the layers disagree on ${lost.length === 1 ? 'its' : 'their'} colour`] : []),
      ...(absent.length ? [`${firstFew(absent)} ${absent.length === 1 ? 'is' : 'are'} not in the combined layer`] : []),
    ];
    return `of its entries of that colour, ${parts.join(' and ')}`;
  }
  const own = layer.gradient;
  const scores = entries.some((entry) => typeof entry.score === 'number');
  if (own && scores && !carried && own.colors.some((c) => paintedColour(c) === colour)) {
    return `a colour of its gradient (${own.minValue}..${own.maxValue}), which the combined layer's (${gradient.colors.join(', ')} over ${gradient.minValue}..${gradient.maxValue}) replaces`;
  }
  return 'no entry has that colour';
}

/**
 * Combine layers of one domain, already upgraded to the target release, into one format 4.5 layer (rules in the
 * table at the top of this file). Pure and deterministic.
 * @throws UsageError when fewer than two layers are given; Error (a bug) when the result fails the 4.5 schema.
 */
export function combineLayers(inputs: readonly CombineInput[], options: CombineOptions): CombineResult {
  const { op, index } = options;
  if (inputs.length < 2) {
    throw new UsageError(`combine needs at least two layers, got ${inputs.length}; name more layer files (or a file holding an array of layers)`);
  }
  if (!Object.hasOwn(COMBINE_OPS, op)) throw new UsageError(`unknown operation "${String(op)}"; ${useOneOf(String(op), Object.keys(COMBINE_OPS))}`);
  const names = labels(inputs);
  const warnings: string[] = [];
  // A label the layers give in several shades is painted in one, before anything compares colours.
  const shaded = oneShadePerLabel(inputs, names);
  inputs = shaded.inputs;
  warnings.push(...shaded.warnings);

  const placed = new Set(inputs.flatMap(({ layer }) => (layer.techniques ?? []).filter((e) => e.tactic !== undefined).map((e) => e.techniqueID)));
  const ranges = inputs.map(({ layer }) => rangeOf(layer));
  // Only the layers that score something have a range that means anything: a colour-only layer scores what it marks
  // (its range's top); one that neither scores nor marks (only comments, say) has nothing to compare.
  const categories = inputs.map(({ layer }) => colourCategories(layer));
  const marks = (i: number) => categories[i]!.length < 2;
  const scoring = inputs.flatMap(({ layer }, i) =>
    (layer.techniques ?? []).some((e) => e.score !== undefined || (marks(i) && e.color && e.enabled !== false)) ? [i] : [],
  );
  const first = ranges[scoring[0] ?? 0]!;
  const differ = scoring.some((i) => ranges[i]!.minValue !== first.minValue || ranges[i]!.maxValue !== first.maxValue);
  // Scores on different ranges mean different things, and one gradient over the widest range paints the narrower
  // layer's scores all at its low end (a 0..1 layer's 1s nearly white on 0..100): they are rescaled unless told not to.
  const normalize = options.normalize ?? differ;
  if (differ && options.normalize === undefined) {
    warnings.push(
      `the layers score on different ranges (${rangeList(scoring, ranges, names)}): each layer's scores were rescaled to 0..1 on its own gradient first, ` +
        `so that they mean the same and the combined gradient shows every layer; pass ${givenOption(options.givenAs, 'normalize', false)} to keep the raw scores`,
    );
  } else if (differ && options.normalize === false) {
    warnings.push(
      `the layers score on different ranges (${rangeList(scoring, ranges, names)}), so their scores do not mean the same, and the combined gradient, ` +
        `over the widest range, paints the scores of a narrower one near its low end: leave out ${givenOption(options.givenAs, 'normalize', false)} to rescale each to 0..1 on its own gradient first`,
    );
  }
  // Fields of entries that Navigator does not know (CTID's score_num) have no combining rule: said, not carried.
  for (const [i, { layer }] of inputs.entries()) {
    const unknown = [...new Set((layer.techniques ?? []).flatMap((entry) => Object.keys(entry).filter((key) => !TECHNIQUE_KEYS.includes(key))))].sort(compareText);
    if (unknown.length) {
      warnings.push(
        `"${names[i]}": its entries' field${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}, which Navigator does not know, ` +
          `${unknown.length === 1 ? 'is' : 'are'} not carried into the combined layer (no rule combines ${unknown.length === 1 ? 'it' : 'them'}); \`attack-layers upgrade\` keeps ${unknown.length === 1 ? 'it' : 'them'} in each layer`,
      );
    }
  }
  const perLayer = inputs.map(({ layer }, i) => {
    const { minValue, maxValue } = ranges[i]!;
    const top = marks(i) ? maxValue : undefined;
    return layerCells(layer, names[i] ?? '', placed, index, top, normalize ? (score) => gradientPosition(score, minValue, maxValue) : undefined);
  });
  // A colour without a score marks a technique (an actor layer highlights what the actor uses): it counts as the top of
  // its layer's range, as gap weighs it, so that it adds to a sum, counts in a mean and is not lost beside a score.
  // Several colours are categories (an update layer's additions and changes, a purple team's Detected and Not
  // Detected, a comparison's "APT3 only" and "both"), which no score orders: those entries stay unscored.
  categories.forEach((colours, i) => {
    if (marks(i)) return;
    const unscored = (inputs[i]!.layer.techniques ?? []).filter((e) => e.score === undefined && e.color && e.enabled !== false).length;
    if (!unscored) return;
    warnings.push(
      `"${names[i]}": its ${unscored === 1 ? 'entry' : `${unscored} entries`} with a colour and no score ${unscored === 1 ? 'counts' : 'count'} for no score, ` +
        `as the layer gives ${colours.length} colours (${colours.join(', ')}), categories no score orders; ` +
        `${unscored === 1 ? 'it keeps its' : 'each keeps its'} colour where no layer scores the technique`,
    );
  });
  perLayer.forEach((cells, i) => {
    const marked = [...new Set([...cells].filter(([, cell]) => cell.marked).map(([key]) => key.split('\u0000')[0]!))].sort(compareText);
    if (!marked.length) return;
    const { minValue, maxValue } = ranges[i]!;
    const range = inputs[i]!.layer.gradient ? `its gradient ${minValue}..${maxValue}` : `Navigator's ${minValue}..${maxValue} (the layer has no gradient)`;
    const one = marked.length === 1;
    warnings.push(
      `"${names[i]}": ${plural(marked.length, 'technique')} it colours without a score ` +
        `count${one ? 's' : ''} as marked, scoring ${normalize ? `1 ${options.normalize ? `with ${givenOption(options.givenAs, 'normalize', true)}` : 'rescaled to 0..1'}` : maxValue}, the top of ${range}: ${firstFew(marked)}; ` +
        (one ? 'give it a score where it means less' : 'give them scores where they mean less'),
    );
  });

  const keys = new Map<string, { id: string; tactic?: string }>();
  for (const cells of perLayer) {
    for (const key of cells.keys()) {
      const [id = '', tactic = ''] = key.split('\u0000');
      keys.set(key, { id, ...(tactic ? { tactic } : {}) });
    }
  }

  const techniques: LayerTechnique[] = [];
  let sharedCommentLines = 0;
  const dropped = new Map<string, string>();
  const lostColors: string[] = [];
  let keptColors = 0;
  for (const [key, { id, tactic }] of keys) {
    const why = unusable(id, index.technique(id), index, options.givenAs);
    if (why) {
      dropped.set(id, why);
      continue;
    }
    const cells = perLayer.map((layerCells) => layerCells.get(key));
    const score = combineScores(op, cells);
    if (score === null) continue;
    if (score !== undefined && !Number.isFinite(score)) {
      throw new InputError(`${id}${tactic ? ` (${tactic})` : ''}: the ${op} of the scores is too large to write (beyond 1.8e308); check the scores of the layers`);
    }
    const present = cells.filter((cell): cell is Cell => cell !== undefined);
    const entry: LayerTechnique = { techniqueID: id, ...(tactic ? { tactic } : {}) };
    if (score !== undefined) entry.score = round(score);
    // An explicit colour (the inferred-from-software one, say) stays when every layer that colours the key agrees.
    const votes = colorVotes(cells);
    const colors = new Set(votes.filter((vote) => vote !== undefined));
    const color = present.find((cell) => cell.color)?.color;
    // Where the layers disagree, a scored entry is left to the combined gradient; one that no layer scores would show
    // nothing: it keeps the first layer's colour.
    const keptColor = colors.size > 1 && score === undefined ? color : undefined;
    if ((colors.size === 1 || keptColor) && color) entry.color = color;
    const comments: Cell['comments'] = [];
    const links: LayerLink[] = [];
    const metadata: LayerMetadata[] = [];
    for (const cell of present) {
      pushUnique(comments, cell.comments, sameComment);
      appendDivided(links, cell.links, linkKey);
      for (const item of cell.metadata) metadata.push(item);
    }
    if (comments.length) {
      const attributed = attributeComments(comments, undefined, 'names');
      entry.comment = attributed.comment;
      sharedCommentLines += attributed.shared;
    }
    // Navigator's layerOperation counts a disabled entry's score too, and copies `enabled` from the one layer its user
    // picks; here the layers whose scores make the entry's decide it: a score only disabled entries give stays greyed
    // out or hidden, as in its layer, not shown because another layer only comments on the technique.
    const scoring = present.filter((cell) => cell.score !== undefined);
    if ((scoring.length ? scoring : present).every((cell) => !cell.enabled)) entry.enabled = false;
    if (metadata.length) entry.metadata = metadata;
    if (links.length) entry.links = links;
    if (present.some((cell) => cell.showSubtechniques)) entry.showSubtechniques = true;
    // An entry with showSubtechniques alone is kept: Navigator exports it, and it shows every sub-technique of the
    // parent (DeTT&CT and Navigator's own layers write such an entry for each parent of an annotated sub-technique).
    const annotated = entry.score !== undefined || entry.color || entry.comment || entry.enabled === false || links.length || metadata.length;
    // Navigator 5.1 shows comment and metadata in a tooltip it never cuts or scrolls: one taller than a 1080p page says
    // each long analyst comment once, or is cut where each input layer has the rest.
    if (annotated || entry.showSubtechniques) techniques.push(fittedEntry(tooltipTitle(id, index), [() => entry, () => heldByComment(entry)], COMBINED_REST));
    if (colors.size > 1) {
      const given = votes.flatMap((vote, i) => (vote === undefined ? [] : [`"${names[i]}" ${vote}`]));
      lostColors.push(`${id}${tactic ? ` (${tactic})` : ''}: ${given.join(', ')}${keptColor ? ` (${keptColor.toLowerCase()} kept)` : ''}`);
      if (keptColor) keptColors += 1;
    }
  }
  for (const [, why] of [...dropped].sort(([a], [b]) => compareText(a, b))) {
    warnings.push(`${why}: left out of the combined layer (Navigator would not show it)`);
  }
  if (lostColors.length) {
    const more = lostColors.length - LOST_COLORS_SHOWN;
    const count = lostColors.length === 1 ? '1 entry' : `${lostColors.length} entries`;
    const first = 'the colour of the first layer that gives one';
    const what =
      keptColors === 0
        ? `${count}, so the combined layer leaves ${lostColors.length === 1 ? 'it' : 'them'} to the gradient`
        : keptColors === lostColors.length
          ? `${count} that no layer scores, so ${keptColors === 1 ? 'it keeps' : 'each keeps'} ${first}`
          : `${count}, so the combined layer leaves them to the gradient, but ${keptColors} that no layer scores keep${keptColors === 1 ? 's' : ''} ${first}`;
    warnings.push(
      `the layers disagree on the colour of ${what}: ${lostColors.sort(compareText).slice(0, LOST_COLORS_SHOWN).join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
    );
  }

  const scores = techniques.flatMap((entry) => (typeof entry.score === 'number' ? [entry.score] : []));
  // The gradient is that of the layers that score or mark something: one that only shows categories adds nothing to a sum.
  const gradient = gradientFor(op, scores, scoring.length ? scoring.map((i) => inputs[i]!) : inputs, normalize);
  // Navigator 5.1 throws instead of colouring a score just below the gradient's top; the top is the colour later versions give it.
  const topped = writeNearTopAsTop(techniques, gradient);
  if (topped) warnings.push(topped);
  const legend = inputLegend(inputs, names, techniques, gradient);
  warnings.push(...legend.warnings);
  const inputList = inputs.map((input, i) => `"${names[i]}"${input.source ? ` from ${input.source}` : ''}`).join('; ');
  const metadata: LayerMetadata[] = [
    { name: 'operation', value: `${op}: ${COMBINE_OPS[op]}` },
    { name: 'ATT&CK', value: index.label },
  ];
  inputs.forEach((input, i) => {
    metadata.push({ name: 'layer', value: names[i] ?? '' });
    if (input.source) metadata.push({ name: 'file', value: input.source });
    const notCombined = keptByDowngradeText(input.layer, input.source ?? `"${names[i] ?? ''}"`, index);
    if (notCombined) {
      metadata.push({ name: NOT_COMBINED_NAME, value: notCombined });
      warnings.push(`${input.source ?? `"${names[i] ?? ''}"`}: ${notCombined}`);
    }
    for (const item of input.layer.metadata ?? []) metadata.push(item);
  });
  const links: LayerLink[] = [];
  for (const input of inputs) appendDivided(links, input.layer.links ?? [], linkKey);
  // A common filter that would hide an annotated technique of the result (one an input hid too) is widened to show it.
  const kept = keptSettings(inputs.map((input) => input.layer), names, techniques, index);
  warnings.push(...kept.warnings);
  const layer: NavigatorLayer = {
    name: options.name ?? `${op} of ${names.join(', ')}`,
    versions: { attack: index.major, navigator: DEFAULT_NAVIGATOR_VERSION, layer: LAYER_FORMAT },
    domain: index.domain,
    description:
      `Scores: ${op} = ${COMBINE_OPS[op]}, over ${inputs.length} layers in ATT&CK ${index.label}: ${inputList}. ` +
      'Entries without a tactic count under each tactic of their technique where another layer names a tactic.' +
      (normalize
        ? ` Each layer's scores were first rescaled to 0..1 on its own gradient${options.normalize ? '' : ` (the layers score on different ranges: ${rangeList(scoring, ranges, names)})`}.`
        : '') +
      (perLayer.some((cells) => [...cells.values()].some((cell) => cell.marked))
        ? ' An entry with a colour and no score, in a layer of one colour, marks its technique: it scores the top of its layer\'s range.'
        : ''),
    ...kept.fields,
    techniques,
    gradient,
    legendItems: legendFor(op, gradient, names, scores.length > 0, legend.items),
    metadata,
    ...(links.length ? { links } : {}),
  };
  // Aggregate scores the inputs show are shown over the combined scores, unless Navigator 5.1 fails to colour one.
  const aggregates = aggregatesTurnedOff(layer as unknown as JsonObject, techniques, index);
  if (aggregates) warnings.push(`the combined layer's layout.showAggregateScores: ${aggregates}`);
  const issues = schemaIssues('layer-4.5', layer);
  if (issues.length) {
    throw new Error(`combineLayers produced an invalid 4.5 layer (a bug): ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
  // Warnings advise commands in the CLI's words (`attack-layers upgrade`): said here in the caller's.
  return { layer, warnings: warnings.map((warning) => inGivenInputs(warning, options.givenAs)), sharedCommentLines };
}
