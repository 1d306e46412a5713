import isEqual from 'lodash-es/isEqual.js';
import { unknownEntryFields, unknownEntryFieldsText } from './unknown-entry-fields.js';
import type { AttackIndex } from '../attack/attack-index.js';
import type { AttackLibrary } from '../attack/load.js';
import { currentPlatformName, PLATFORM_RENAMES, PRE_PLATFORM } from '../attack/platform-names.js';
import { compareReleases } from '../attack/release-files.js';
import { formerTactic } from '../attack/tactic-splits.js';
import { recordedElsewhereText } from '../attack/revoked-technique-text.js';
import { isIndexedTechniqueId, noReleaseNumberText } from '../attack/technique-id.js';
import { missingTeamTechniqueText } from '../attack/not-mitre-text.js';
import { unknownTechniqueText } from '../attack/unknown-technique-text.js';
import { DOMAINS, type Domain, type TechniqueRecord } from '../attack/types.js';
import { AttackDataError, givenOption, inGivenInputs, InputError, SchemaValidationError, type GivenAs } from '../errors.js';
import { isJsonObject, type JsonObject } from '../json-value.js';
import { schemaIssues } from '../schemas.js';
import {
  assertAttackLayer,
  attackMajor,
  compareVersions,
  currentDomainName,
  DEFAULT_NAVIGATOR_VERSION,
  filterRelease,
  layerFormat,
  layerReleaseFetch,
  migrateLayerFormat,
  stagesHidingPreAttack,
  type FilterRelease,
  type FormatOptions,
} from './layer-format.js';
import type { LayerTechnique, NavigatorLayer } from './layer-types.js';
import { writeNearTopAsTop } from './score.js';
import { deprecationSuccessors, successorsText } from '../attack/deprecation-successors.js';
import { mergeEntries } from './merge-entries.js';
import type { MergeScore } from './merge-scores.js';
import { annotateInDomain, libraryOtherDomains, otherDomainLayerText, otherDomainText, type OtherDomainLookup } from '../attack/other-domains.js';
import { compareEntries, TECHNIQUE_KEYS } from './serialize-layer.js';
import { domainReleases } from '../normalize/normalize-campaign.js';
import { listedTactics, originalPath, repairLayer, unstatedLayerDomain, type LayerRepair, type LeftOutEntry, type RepairedLayer } from './repair-layer.js';
import { readTacticIdAndName, tacticIdNote, tacticWrittenOtherwise } from './tactic-written.js';
import { everyPlatformSource, everyPlatformWhose, platformsShowing, platformsShown, unfilteredWarning, type ReleaseList } from './platform-visibility.js';
import { failingAggregates } from './aggregate-score.js';
import { collapsedSubtechniques, isAnnotated, isOnlyDisabled } from './subtechnique-visibility.js';
import { gradientRange, scoresOutOfRange, widenForSums, type SummedScore } from './score-range.js';
import {
  downgradedEntry,
  dropMergedItems,
  GRADIENT_WAS,
  keptText,
  mergedItems,
  mergedLayerItems,
  restoreGradient,
  splitEntry,
  takeRemoved,
  type MergedEntry,
} from './downgrade-kept.js';
import { DOWNGRADED_FROM, MERGED_BY_DOWNGRADE, MOVED_FROM_NAMES, REMOVED_BY_DOWNGRADE_NAME, REMOVED_METADATA_NAME, REMOVED_NAMES, UPGRADED_FROM } from './tool-items.js';
import { navigatorCells, type EntryCells } from './navigator-cells.js';
import { firstFew } from '../short-list.js';
import { countChanges, upgradeMessages, type EntryUpgrade, type LayerUpgradeReport, type SettingChange } from './upgrade-report.js';

export { UPGRADED_FROM, DOWNGRADED_FROM, MOVED_FROM_NAMES, REMOVED_METADATA_NAME, REMOVED_BY_DOWNGRADE_NAME, REMOVED_NAMES, LEFT_OUT_METADATA_NAME } from './tool-items.js';

/**
 * Write on an entry moved from `id` to `to` the ID it was written under. An entry going back to an ID it was moved from
 * (T1059.001 downgraded to T1086 for 6.3, upgraded again) drops that item instead: back where it was written, it holds
 * no provenance to give, where an item each way would say it came from both. Returns the note for the report then.
 */
function recordMove(entry: JsonObject, id: string, to: string, name: string): string | undefined {
  const metadata = Array.isArray(entry['metadata']) ? (entry['metadata'] as unknown[]) : [];
  const back = (item: unknown) => isJsonObject(item) && MOVED_FROM_NAMES.includes(String(item['name'])) && item['value'] === to;
  const was = metadata.filter(back);
  if (!was.length) {
    entry['metadata'] = [...metadata, { name, value: id }];
    return undefined;
  }
  const kept = metadata.filter((item) => !back(item));
  if (kept.length) entry['metadata'] = kept;
  else delete entry['metadata'];
  const names = [...new Set(was.map((item) => `"${String((item as JsonObject)['name'])}"`))].join(' and ');
  return `${to} is the ID the entry was written under before it became ${id}: back to it, its ${names} item removed`;
}

/**
 * An entry brought to another release after a move merged other techniques into it (a downgrade: T1053.005, T1053.003
 * and T1053.002 of ATT&CK 18 into T1053 of 6.3; an upgrade: T1574.002 of 8.2, revoked, into T1574.001) keeps them
 * merged: nothing tells which annotation was whose. Says which of the IDs its provenance items name the target has as
 * techniques of their own, to annotate again one by one; undefined when none.
 */
function mergedByMove(entry: JsonObject, record: TechniqueRecord, target: AttackIndex): string | undefined {
  const metadata = Array.isArray(entry['metadata']) ? entry['metadata'] : [];
  const items = metadata.filter((item): item is JsonObject => isJsonObject(item) && MOVED_FROM_NAMES.includes(String(item['name'])) && typeof item['value'] === 'string');
  const own = (id: string): boolean => {
    const there = target.technique(id);
    return id !== record.id && !!there && !there.revoked && !there.deprecated;
  };
  const ids = [...new Set(items.map((item) => String(item['value'])).filter(own))];
  if (!ids.length) return undefined;
  const names = [...new Set(items.filter((item) => own(String(item['value']))).map((item) => `"${String(item['name'])}"`))].join(' and ');
  return (
    `${record.id} holds the annotations of ${ids.join(', ')}, moved onto it when the layer was brought to another release (${names} items), ` +
    `which ${target.label} has as ${ids.length === 1 ? 'a technique of its own' : 'techniques of their own'}: kept on ${record.id}; ` +
    (ids.length === 1 ? `annotate ${ids[0]} again if it should show` : 'annotate each of them again if each should show')
  );
}

/** Options of `upgradeLayer`. */
export interface UpgradeOptions extends FormatOptions {
  /** The file (and layer number) the layer came from, for messages and the report. */
  file?: string;
  /**
   * The release the layer was written for (its `versions.attack`), to look its techniques up in: a technique is then
   * followed by STIX id, which is exact even where an ID changed. Without it, IDs are looked up in the target, which
   * keeps every revoked and deprecated technique of earlier releases.
   */
  source?: AttackIndex;
  /** Why there is no `source` (the layer's release is not available here), for the report. */
  sourceNote?: string;
  /**
   * Without `source`: the release nearest to the layer's that is available (`nearestRelease`), to tell a platform
   * filter that lists every platform of the layer's release (and so shows every platform) from one that chose some.
   */
  platformRelease?: AttackIndex;
  /**
   * The other releases of the layer's domain here (`domainReleases(…).history`), newest first, loaded as asked for: to
   * tell a platform filter written in an older release's names that lists every platform of it (`everyPlatformSource`).
   */
  releases?: ReleaseList;
  /** How the scores of entries that merge combine (default `max`); see `mergeEntries`. */
  mergeScore?: MergeScore;
  /** How the report names `mergeScore` (the CLI's `--merge-score`) and where to give a team's data (`--attack`; see `GivenAs`). */
  givenAs?: GivenAs;
  /**
   * What the report says would add up the scores of entries that merge, where the caller takes no `mergeScore` of its
   * own (combine and compare upgrade each layer: upgrading it first does); default: the `mergeScore` option, as `givenAs` names it.
   */
  sumAdvice?: string;
  /** Set when the target is older than the layer's release: why, for the report (see `upgradeReleases`). */
  downgrade?: string;
  /** Looks up IDs the layer's domain does not know in the other domains (T0800 in an enterprise layer is ICS). */
  otherDomains?: OtherDomainLookup;
  /** `repairLayer(value, file)`, when the caller has it already (combine's check repaired the layer), to repair once. */
  repaired?: RepairedLayer;
  /** How what is removed is kept (default: `"removed by upgrade"` items, no source named). */
  keptAs?: KeptAs;
  /**
   * With `keptAs`, still write again what a downgrade kept in the layer (split its merges, restore its removed
   * entries), as an upgrade without `keptAs` does: combine and compare take a downgraded layer's entries as they were.
   */
  readBack?: boolean;
  /**
   * Leave a platform filter that hides an annotated technique as it is, not widened (`showAnnotated`): for a caller
   * that widens its own result's filter (combine, whose inputs' filters must stay as their files have them).
   */
  keepFilter?: boolean;
}

/** How `upgradeLayer` keeps what it removes in the layer's metadata. */
export interface KeptAs {
  /** The name of the metadata items (`REMOVED_METADATA_NAME`, `LEFT_OUT_METADATA_NAME`). */
  name: string;
  /** The file (`a.json`, `a.json (layer 2)`) named before each JSON pointer, where the layer joins others. */
  source?: string;
  /** Where the items end up, for the report (default `the layer's metadata`). */
  where?: string;
}

/** The result of `upgradeLayer`: the layer, what was done, and the same as one line per change. */
export interface UpgradedLayer {
  layer: NavigatorLayer;
  report: LayerUpgradeReport;
  changes: string[];
}

/** An entry of the upgraded layer before merging, and the input entry it came from. */
interface Placed {
  entry: JsonObject;
  report: EntryUpgrade;
  /** The ID the entry was written with. */
  origin: string;
  /** The entry as read, and where, before it was resolved (what a downgrade keeps of an entry it merges: `mergedItems`). */
  written?: MergedEntry;
}

/** Whether `id` is `techniqueID` in `target`, or a technique revoked into it (a comment line's source `upgrade` wrote). */
function namesTechnique(id: string, techniqueID: string, target: AttackIndex): boolean {
  const record = isIndexedTechniqueId(id) ? target.technique(id) : undefined;
  const final = record?.revoked ? target.revocationChain(record).final : record;
  return final?.id === techniqueID;
}

function describe(record: TechniqueRecord): string {
  return `${record.id} (${record.name})`;
}

function cloneEntry(entry: JsonObject, tactic: string): JsonObject {
  return { ...structuredClone(entry), tactic };
}

/**
 * An entry without a tactic annotates its technique under every tactic, one with a tactic there only; where both are
 * on one technique, Navigator keeps only the later entry under the tactics both cover. So an entry without a tactic
 * on a technique that also has entries with one (T1086, revoked, became T1059.001 beside a T1059.001 under execution)
 * becomes one entry per tactic of the technique, which the merge then joins with the others there.
 */
function spreadBesideScoped(placed: readonly Placed[], target: AttackIndex): Placed[] {
  const scoped = new Set(placed.filter((item) => typeof item.entry['tactic'] === 'string').map((item) => String(item.entry['techniqueID'])));
  return placed.flatMap((item) => {
    const id = String(item.entry['techniqueID']);
    const tactics = typeof item.entry['tactic'] === 'string' || !scoped.has(id) ? [] : (target.technique(id)?.tactics ?? []);
    if (!tactics.length) return [item];
    item.report.notes.push(`${id} also has entries under a tactic: this one, under every tactic, is written under each (${tactics.join(', ')})`);
    return tactics.map((tactic) => ({ ...item, entry: cloneEntry(item.entry, tactic) }));
  });
}

/**
 * Where a downgrade carries a technique the older target release has not got (ATT&CK 7 added sub-techniques, and
 * revoked what they replace): the one technique of the target that the layer's release revoked into it (T1059.001
 * PowerShell of 18.1 was T1086 in 6.3, T1562.001 was T1089), else its parent, when the target has the parent (T1053.005
 * Scheduled Task under T1053, T1003.001 LSASS Memory under T1003 Credential Dumping). Several revoked into it (T1560
 * from T1002 and T1022; Mobile's T1643 from T1448, T1452 and T1472 of 9.0) leave the entry to be removed, as no one of
 * them is the technique: `several` names them, for the report and the item that keeps the entry.
 */
function earlierTechnique(record: TechniqueRecord, source: AttackIndex, target: AttackIndex): Earlier | undefined {
  // Asked once per technique and pair of releases: a layer holds a technique under many entries (one per tactic).
  const known = earlierFound.get(target)?.get(source);
  if (known?.has(record)) return known.get(record);
  const found = findEarlierTechnique(record, source, target);
  const bySource = earlierFound.get(target) ?? new WeakMap();
  earlierFound.set(target, bySource);
  bySource.set(source, (known ?? new Map()).set(record, found));
  return found;
}

/** What earlierTechnique found, by target release, then source release, then technique. */
const earlierFound = new WeakMap<AttackIndex, WeakMap<AttackIndex, Map<TechniqueRecord, Earlier | undefined>>>();

/** What a technique the target has not got is there (`earlierTechnique`): one technique, or the several revoked into it. */
type Earlier = { record: TechniqueRecord; note: string } | { several: readonly TechniqueRecord[] };

function findEarlierTechnique(record: TechniqueRecord, source: AttackIndex, target: AttackIndex): Earlier | undefined {
  const revokedInto = target.currentTechniques().filter((older) => {
    const then = source.techniqueByStixId(older.stixId);
    return then?.revoked && source.revocationChain(then).final === record;
  });
  if (revokedInto.length === 1) {
    const older = revokedInto[0]!;
    return { record: older, note: `${describe(record)} of ${source.label} is ${describe(older)} in ${target.label}, which ${source.label} revoked into it` };
  }
  if (revokedInto.length > 1) return { several: revokedInto };
  const parent = record.parent ? source.technique(record.parent) : undefined;
  const older = parent ? target.techniqueByStixId(parent.stixId) : undefined;
  if (!older || older.revoked || older.deprecated) return undefined;
  return { record: older, note: `${describe(record)} of ${source.label}, a sub-technique, does not exist in ${target.label}; the annotation moved to its parent, ${describe(older)} there` };
}

/**
 * Find what one entry's technique is in the target release, and what became of it. Returns the current technique,
 * or undefined when the entry is removed (the report says why). `shownIn` is the release Navigator shows the layer
 * in, when known: an entry that only disables a technique revoked there is removed, not carried to the replacement.
 */
function resolveEntry(
  entry: JsonObject,
  report: EntryUpgrade,
  target: AttackIndex,
  source: AttackIndex | undefined,
  otherDomains: OtherDomainLookup | undefined,
  shownIn: AttackIndex | undefined,
  givenAs: GivenAs | undefined,
): TechniqueRecord | undefined {
  const id = entry['techniqueID'] as string;
  const sourceRecord = source ? source.technique(id) : undefined;
  let record = sourceRecord ? target.techniqueByStixId(sourceRecord.stixId) : target.technique(id);
  if (sourceRecord && !record) {
    record = target.technique(id);
    const earlier = record ? undefined : earlierTechnique(sourceRecord, source!, target);
    if (earlier && 'record' in earlier) {
      report.name = sourceRecord.name;
      report.changes.push('remapped');
      report.notes.push(earlier.note);
      return earlier.record;
    }
    if (!record) {
      report.name = sourceRecord.name;
      report.changes.push('removed');
      const team = missingTeamTechniqueText(id, target, { from: { record: sourceRecord, label: source!.label, file: source!.data.source.file } });
      const several = earlier
        ? ` (${source!.label} revoked ${earlier.several.map(describe).join(', ')} of ${target.label} into it, and no one of them is the technique: annotate those meant)`
        : '';
      report.notes.push(`${team ? inGivenInputs(team, givenAs) : `${describe(sourceRecord)} of ${source!.label} does not exist in ${target.label}`}; removed${several}`);
      return undefined;
    }
    report.notes.push(`${id} is another ATT&CK object in ${target.label} than in ${source!.label}; matched by ID`);
  }
  if (source && !sourceRecord && record) report.notes.push(`${id} is not in ${source.label}, the layer's release; found in ${target.label}`);
  const foreign = record ? undefined : otherDomains?.(id);
  if (foreign) {
    // Navigator would drop it silently; it is kept, with the reason, in the layer's metadata instead.
    report.name = foreign.name;
    report.changes.push('removed');
    report.notes.push(`${id} is ${otherDomainText(foreign, target.domain)}; removed (Navigator drops it silently): annotate it in a layer of ${foreign.domain}`);
    return undefined;
  }
  if (!record) {
    // T1685 (a newer release's), T9001 (a team's number) and an ID of a newer release at hand (T1677 beside 14.1) say
    // so, as validate and gap say them.
    const team =
      missingTeamTechniqueText(id, target) ??
      unknownTechniqueText(id, target, {
        does: 'keeps it',
        withIt: 'upgrade the layer to it',
        inRelease: (later) => `upgrade the layer to it (${givenOption(givenAs, 'to', later.release)})`,
        inDomain: annotateInDomain,
      });
    const unknown = noReleaseNumberText(id) ?? (team && inGivenInputs(team, givenAs)) ?? `${id} is not a technique of ${target.label}${source ? ` or ${source.label}` : ''}`;
    // Navigator would drop it silently (and validate calls it an error): kept, as it was, in the layer's metadata.
    report.changes.push('removed');
    report.notes.push(`${unknown}; removed (Navigator would not show it)`);
    return undefined;
  }
  report.name = (sourceRecord ?? record).name;

  let final = record;
  if (record.revoked) {
    const chain = target.revocationChain(record);
    if (!chain.final) {
      report.changes.push('removed');
      report.notes.push(`${describe(record)} is revoked and ${target.label} names no replacement; removed`);
      return undefined;
    }
    final = chain.final;
    const via = chain.steps.slice(1, -1).map((step) => step.id);
    if (via.length) report.via = via;
    report.changes.push('remapped');
    report.notes.push(`${describe(record)} is revoked; replaced by ${describe(final)}${via.length ? ` (via ${via.join(', ')})` : ''}${recordedElsewhereText(chain, target.label)}`);
  } else if (record.id !== id) {
    report.changes.push('remapped');
    report.notes.push(`${id} is now ${describe(record)} (the same ATT&CK object under a new ID)`);
  } else if (sourceRecord && sourceRecord.name !== record.name && !record.deprecated) {
    report.changes.push('renamed');
    report.notes.push(`${id} was "${sourceRecord.name}" in ${source!.label} and is "${record.name}" in ${target.label}`);
  }
  if (final.deprecated) {
    const successors = deprecationSuccessors(final, target, otherDomains);
    report.candidates = successors.current.map((t) => ({ techniqueID: t.id, name: t.name }));
    report.changes.push('removed');
    report.notes.push(
      `${describe(final)} is deprecated in ${target.label}; removed; ${successorsText(successors, target.domain)}` +
        (successors.current.length ? ': annotate the one that fits' : ''),
    );
    return undefined;
  }
  // Navigator drops a revoked technique without a word, so disabling one greyed out nothing anyone saw; carried to
  // the replacement, it would grey out a technique the author saw enabled (SRA's index layers disable every ID they
  // leave out, revoked ones too: T1086 would disable T1059.001).
  const seen = shownIn?.technique(id);
  if (record.revoked && shownIn && (!seen || seen.revoked) && isOnlyDisabled(entry)) {
    report.changes.splice(report.changes.indexOf('remapped'), 1, 'removed');
    report.notes.push(
      `the entry only disables ${id}, which Navigator never showed (${seen ? `${shownIn.label} revoked it` : `not in ${shownIn.label}`}); ` +
        `removed, not carried to ${final.id}, ` +
        'which keeps the state the rest of the layer gives it',
    );
    return undefined;
  }
  // An entry of a revoked technique that annotates nothing showed nothing; carried to the replacement, its "upgraded
  // from" item would annotate a technique nobody marked (the APT3 evaluation's scope layer writes T1143 with
  // `"color": ""` and `"comment": ""` alone: it became an annotated T1564.003).
  if (record.revoked && !isAnnotated(entry) && entry['showSubtechniques'] !== true) {
    report.changes.splice(report.changes.indexOf('remapped'), 1, 'removed');
    report.notes.push(`the entry annotates nothing (no score, colour, comment, link or metadata); removed, not carried to ${final.id}, which it would mark as annotated`);
    return undefined;
  }
  return final;
}

/**
 * The names an older release has for a platform a later one renamed (Identity Provider: Azure AD; Office Suite: Office
 * 365 and Google Workspace), of those `known`: where a layer of ATT&CK 17 is brought to 12.1.
 */
function earlierPlatformNames(name: string, known: readonly string[]): string[] {
  return Object.entries(PLATFORM_RENAMES)
    .filter(([old, renamed]) => renamed.to === name && known.includes(old))
    .map(([old]) => old);
}

/**
 * Bring `filters.platforms` to the target release's platform names. `stages` is given when the layer's stage filter
 * left PRE-ATT&CK out (`stagesHidingPreAttack`: how), with the annotated techniques that run only on `PRE` (`needsPre`):
 * when there are none, `PRE` stays out of what the upgrade adds, and out of a layer that filtered no platform (which
 * would otherwise show every one, PRE included); when there are some, it is added like any other platform, since
 * nothing annotated is hidden. A filter left with no name is removed, not written empty.
 */
function upgradePlatforms(
  layer: JsonObject,
  target: AttackIndex,
  own: { release?: AttackIndex; filter?: FilterRelease; releases?: ReleaseList },
  stages: { hiding: string; needsPre: readonly TechniqueRecord[] } | undefined,
): SettingChange[] {
  const filters = layer['filters'];
  const known = target.platforms();
  const preHidden = stages?.needsPre;
  const stagesKeptOut =
    `${stages?.hiding ?? ''}, which hid PRE-ATT&CK, and ${PRE_PLATFORM} holds what ATT&CK 8 took over ` +
    'from it (Reconnaissance, Resource Development), so they stay hidden';
  const hidesPreAttack = preHidden !== undefined && !preHidden.length;
  const shownAnyway: SettingChange[] = preHidden?.length && known.includes(PRE_PLATFORM)
    ? [{
        path: '/filters/platforms',
        message:
          `${PRE_PLATFORM} not kept out, although the layer's stage filter hid PRE-ATT&CK: ` +
          `${[...new Set(preHidden.map(describe))].join(', ')} ${preHidden.length === 1 ? 'is' : 'are'} annotated and run${preHidden.length === 1 ? 's' : ''} only on ${PRE_PLATFORM}`,
      }]
    : [];
  // A layer of format 2.x/3.x without filters hid PRE-ATT&CK as well (Navigator's default stage filter, `["act"]`).
  if (hidesPreAttack && (filters === undefined || (isJsonObject(filters) && filters['platforms'] === undefined)) && known.includes(PRE_PLATFORM)) {
    layer['filters'] = { ...(isJsonObject(filters) ? filters : {}), platforms: known.filter((platform) => platform !== PRE_PLATFORM) };
    return [{ path: '/filters/platforms', message: `set to every platform of ${target.label} but ${PRE_PLATFORM}: ${stagesKeptOut}` }];
  }
  if (!isJsonObject(filters) || !Array.isArray(filters['platforms'])) return shownAnyway;
  if (!known.length) return [];
  const listed = filters['platforms'] as unknown[];
  const changes: SettingChange[] = [];
  const out: unknown[] = [];
  for (const platform of listed) {
    if (typeof platform !== 'string') {
      out.push(platform);
      continue;
    }
    const current = currentPlatformName(platform, known);
    // Brought to a release before a rename (downgraded), a name goes back to what that release called it.
    const earlier = current ? [] : earlierPlatformNames(platform, known);
    if (current !== platform) {
      const renamed = PLATFORM_RENAMES[platform];
      changes.push({
        path: '/filters/platforms',
        message: current
          ? `${platform} -> ${current} (ATT&CK ${renamed?.since ?? target.release} renamed it)`
          : earlier.length
            ? `${platform} -> ${earlier.join(', ')}, its name${earlier.length === 1 ? '' : 's'} in ${target.label} (ATT&CK ${PLATFORM_RENAMES[earlier[0]!]!.since} renamed ${earlier.join(', ')} to ${platform})`
            : `${platform} removed: not a platform of ${target.label}`,
      });
    }
    for (const name of current ? [current] : earlier) if (!out.includes(name)) out.push(name);
  }
  // A filter that listed every platform of the layer's release showed everything; keep it so, or the platforms added
  // since (ESXi, Containers…) would be hidden without anyone having chosen that. So for a filter that lists every
  // platform of another release in its names (ATT&CK 14's in a layer for 17, attack_parser's CISA AA25-141A layer).
  // Without the layer's own release, the nearest one here stands for it (14.1 for a layer of 15), and the report says so.
  const found = everyPlatformSource(listed, own.release, own.releases, own.filter?.major);
  if (own.release && found) {
    const missing = known.filter((platform) => !out.includes(platform));
    const added = hidesPreAttack ? missing.filter((platform) => platform !== PRE_PLATFORM) : missing;
    if (added.length) {
      out.push(...added);
      const whose = everyPlatformWhose(found, own.release, own.filter?.major, own.filter?.why);
      changes.push({
        path: '/filters/platforms',
        message: `added ${added.join(', ')}: the filter listed every platform of ${whose}, so it keeps showing every platform${added.length < missing.length ? ` but ${PRE_PLATFORM}` : ''}`,
      });
    }
    if (added.length < missing.length) {
      changes.push({
        path: '/filters/platforms',
        message: `${PRE_PLATFORM} not added: ${stagesKeptOut}`,
      });
    }
  }
  // Every name gone (ICS ATT&CK 18 has one platform, "None", where earlier releases had Windows, Control Server…),
  // or none written (a generator's `"platforms": []`, CS6411FinalProject's navigator_layer.json):
  // an empty list shows every platform in Navigator but may show none elsewhere (`validate` warns of it), and no
  // list of the target's platforms would say what the analyst chose, so the filter goes and every technique shows
  // (but PRE, when the stage filter hid PRE-ATT&CK, as for a layer that filtered no platform above).
  if (!out.length) {
    const gone = listed.length
      ? `none of the platforms it listed is a platform of ${target.label}, and an empty filter would show nothing in tools other than Navigator`
      : 'it was an empty list, which Navigator reads as every platform and other tools may read as none';
    if (hidesPreAttack && known.includes(PRE_PLATFORM)) {
      filters['platforms'] = known.filter((platform) => platform !== PRE_PLATFORM);
      changes.push({ path: '/filters/platforms', message: `set to every platform of ${target.label} but ${PRE_PLATFORM}: ${gone}; ${stagesKeptOut}` });
    } else {
      delete filters['platforms'];
      changes.push({ path: '/filters/platforms', message: `removed: ${gone}; without it, every platform shows` });
    }
    return [...shownAnyway, ...changes];
  }
  if (changes.length) filters['platforms'] = out;
  return [...shownAnyway, ...changes];
}

/**
 * Widen the upgraded platform filter so that it hides no annotated entry (`platformsShowing`): a technique's platforms
 * change between releases (T1189 ran on SaaS in ATT&CK 8 to 14, T1005 on AWS, GCP and Azure in ATT&CK 6), and a
 * filter that showed it in the layer's release would hide it in the target's. Each platform added is reported.
 */
function showAnnotated(layer: JsonObject, techniques: readonly unknown[], target: AttackIndex, source: AttackIndex | undefined): SettingChange[] {
  const filters = layer['filters'];
  if (!isJsonObject(filters) || !Array.isArray(filters['platforms'])) return [];
  const listed = filters['platforms'].filter((platform): platform is string => typeof platform === 'string');
  const { platforms, added, unfiltered } = platformsShowing(listed, techniques, target);
  if (unfiltered) {
    delete filters['platforms'];
    return [{ path: '/filters/platforms', message: unfilteredWarning(unfiltered, target).replace('the layer is written', 'the filter is removed: the layer is written') }];
  }
  if (!added.length) return [];
  filters['platforms'] = [...(filters['platforms'] as unknown[]), ...platforms.slice(listed.length)];
  return added.map(({ record, platforms: own, shows }) => {
    const before = source?.techniqueByStixId(record.stixId);
    const was = before?.platforms.length && !isEqual(before.platforms, own) ? `; ${source!.label} listed ${before.platforms.join(', ')} for it` : '';
    return {
      path: '/filters/platforms',
      message: shows
        ? `${own.join(', ')} added so that Navigator shows ${describe(shows)}: it is annotated, and shows only in the row of its parent ${describe(record)}, which in ${target.label} runs on ${own.join(', ')}, none of which the filter listed${was}`
        : `${own.join(', ')} added so that Navigator shows ${describe(record)}: it is annotated, and in ${target.label} it runs on ${own.join(', ')}, none of which the filter listed${was}`,
    };
  });
}

/** A pseudo-report for entries the upgrade adds itself (no input entry, so no row in the report). */
function addedReport(): EntryUpgrade {
  return { path: '', techniqueID: '', changes: [], to: [], notes: [] };
}

/**
 * When the layer collapses sub-techniques on purpose (`layout.expandedSubtechniques: "none"`), annotated ones would be
 * invisible: their parents get `showSubtechniques`, which Navigator honours whatever the layout says, so nothing
 * annotated is hidden and the analyst's choice stands for the rest.
 */
function expandChosenCollapse(layer: JsonObject, placed: Placed[], target: AttackIndex): SettingChange[] {
  const chosen = isJsonObject(layer['layout']) ? layer['layout']['expandedSubtechniques'] : undefined;
  if (chosen === undefined || chosen === 'annotated' || chosen === 'all') return [];
  const hidden = collapsedSubtechniques(placed.map((item) => item.entry), target, chosen, layer['hideDisabled'] === true);
  const wanted = new Map<string, { parent: string; tactic: string; subs: Set<string> }>();
  for (const [i, tactics] of hidden) {
    const id = String(placed[i]!.entry['techniqueID']);
    const parent = target.technique(id)?.parent;
    if (!parent) continue;
    for (const tactic of tactics) {
      const key = `${parent} ${tactic}`;
      const item = wanted.get(key) ?? { parent, tactic, subs: new Set<string>() };
      item.subs.add(id);
      wanted.set(key, item);
    }
  }
  const changes: SettingChange[] = [];
  for (const { parent, tactic, subs } of wanted.values()) {
    const own = placed.find((item) => item.entry['techniqueID'] === parent && (item.entry['tactic'] === undefined || item.entry['tactic'] === tactic));
    if (own) own.entry['showSubtechniques'] = true;
    else placed.push({ entry: { techniqueID: parent, tactic, showSubtechniques: true }, origin: parent, report: addedReport() });
    changes.push({
      path: '/techniques',
      message:
        `${parent} under ${tactic}: ${own ? 'showSubtechniques set' : 'an entry with only showSubtechniques added'} so that annotated ` +
        `${[...subs].sort().join(', ')} show${subs.size === 1 ? 's' : ''} (layout.expandedSubtechniques is ${JSON.stringify(chosen)})`,
    });
  }
  return changes;
}

/** `3` for `/techniques/3`. */
function entryNumber(path: string): number {
  return Number(/^\/techniques\/(\d+)/.exec(path)?.[1] ?? -1);
}

/**
 * The report row of an entry `repairLayer` left out because nothing in it can be placed (no technique ID, a PRE-ATT&CK
 * ID, a tactic that is none): removed like a deprecated technique's entry, and kept the same way when it held anything.
 */
function leftOutReport(left: LeftOutEntry): EntryUpgrade {
  const id = isJsonObject(left.entry) && typeof left.entry['techniqueID'] === 'string' ? left.entry['techniqueID'] : '';
  const tactic = isJsonObject(left.entry) && typeof left.entry['tactic'] === 'string' ? left.entry['tactic'] : undefined;
  return {
    path: `/techniques/${left.at}`,
    techniqueID: id,
    ...(tactic === undefined ? {} : { tactic }),
    changes: ['removed'],
    to: [],
    notes: [`${left.why}; removed`],
    ...(left.kept ? { removedEntry: left.entry as JsonObject } : {}),
  };
}

/**
 * The entries of a downgrade's `group` (entries that landed on one technique and tactic) to keep on the entry written
 * (`mergedItems`), each once: all of them when a move merged several, else the one moved where no upgrade brings it
 * back (T1053.005 of 18.1 onto its parent T1053 in 6.3; T1059.001, written T1086 in 6.3, comes back by itself, as
 * 18.1 revoked T1086 into it). Undefined when nothing moved (or the layer's own release is not here to say).
 */
function keptByDowngrade(group: readonly Placed[], target: AttackIndex, source: AttackIndex | undefined): MergedEntry[] | undefined {
  const id = String(group[0]!.entry['techniqueID']);
  if (!source || !group.some((item) => item.written && item.origin !== id)) return undefined;
  if (group.length === 1) {
    const there = target.technique(id);
    const then = there && source.techniqueByStixId(there.stixId);
    const back = then?.revoked ? source.revocationChain(then).final : then;
    if (back?.id === group[0]!.origin) return undefined;
  }
  return [...new Set(group.map((item) => item.written).filter((written): written is MergedEntry => !!written))];
}

/** An entry's technique, and its tactic where it has one, as the report's notes name it: `T1003 under credential-access`. */
function tacticWhere(entry: JsonObject): string {
  return `${String(entry['techniqueID'])}${typeof entry['tactic'] === 'string' ? ` under ${entry['tactic']}` : ''}`;
}

/** One entry to upgrade: as the layer has it, or written again from what a downgrade kept (`readBackKept`). */
interface Work {
  raw: JsonObject;
  path: string;
  input: unknown;
  /** Why an entry holding what a downgrade merged into it stays as it is. */
  keptNote?: string;
  /** An entry a downgrade merged or removed, written again: the change, the note, and whether another row says it already. */
  readBack?: { change: 'split' | 'restored'; note: string; repeated?: boolean };
}

/**
 * The layer's entries to upgrade, with what a downgrade kept written again where the target has it: an entry holding
 * the entries a downgrade merged into it (`splitEntry`) is split into them, and the entries its layer metadata keeps
 * as removed (`takeRemoved`, by either name) are added, each as it was. Only when `readBack`: not in a downgrade, which
 * would only remove them again, nor for combine. `split`: each merge split, as the sum of its entries' scores it may
 * be, for the gradient a downgrade widened to hold such sums (`restoreGradient`).
 */
function readBackKept(
  layer: JsonObject,
  entries: readonly JsonObject[],
  releases: { target: AttackIndex; source: AttackIndex | undefined; readBack: boolean },
  place: (at: number) => { path: string; input: unknown },
): { work: Work[]; split: SummedScore[] } {
  const { target, source, readBack } = releases;
  const seen = new Set<string>();
  const work: Work[] = [];
  const sums: SummedScore[] = [];
  const kept = readBack ? mergedLayerItems(layer) : [];
  // The layer's items that keep what was merged: read by entries split again, and by entries left merged.
  const read = { split: [] as JsonObject[], kept: [] as JsonObject[] };
  // An entry split again may itself hold what an earlier downgrade merged (18.1 -> 8.2 -> 6.3: T1059 of 8.2, holding
  // T1059.009 of 18.1, merged with T1059.006 into T1059 of 6.3; T1553 of 8.2, holding T1553.005, removed in 6.3): each
  // is split in turn, as far as the target has them. `names`: where a comment line's prefix names the entry, as the
  // downgrade merged; the layer's for its own entries, the target's for those an earlier downgrade merged. `release`:
  // the entry's, whose merge's items its rows name.
  const splitAll = (raw: JsonObject, names: AttackIndex, release: string | undefined): Array<{ entry: JsonObject; kept?: string }> => {
    const id = String(raw['techniqueID']);
    const split = readBack ? splitEntry(raw, kept, target, DOWNGRADED_FROM, (prefix) => namesTechnique(prefix, id, names), release) : undefined;
    if (split) read['kept' in split ? 'kept' : 'split'].push(...split.items);
    if (!split || 'kept' in split) return [{ entry: raw, ...(split ? { kept: `${id} holds entries a downgrade merged into it ("${MERGED_BY_DOWNGRADE}" items): ${split.kept}` } : {}) }];
    const scores = split.entries.map((entry) => entry['score']).filter((score): score is number => typeof score === 'number');
    if (typeof raw['score'] === 'number' && scores.length > 1) sums.push({ where: tacticWhere(raw), score: raw['score'], from: scores });
    return split.entries.flatMap((entry, at) => splitAll(entry, target, split.releases[at]));
  };
  const splitNote = (id: string, ids: readonly string[]): string =>
    `${id} split into ${ids.join(', ')}, each as it was before a downgrade ${ids.length === 1 ? 'moved it onto' : 'merged them into'} ${id} ` +
    `("${MERGED_BY_DOWNGRADE}" items), as ${target.label} has ${ids.length === 1 ? 'it' : 'them'}`;
  // An entry without a tactic beside entries with one was merged under each of its tactics: written again once.
  const once = (parts: ReturnType<typeof splitAll>): ReturnType<typeof splitAll> =>
    parts.filter(({ entry }) => !seen.has(JSON.stringify(entry)) && seen.add(JSON.stringify(entry)));
  entries.forEach((raw, at) => {
    const { path, input } = place(at);
    const parts = splitAll(raw, source ?? target, source?.label);
    if (parts.length === 1 && parts[0]!.entry === raw) {
      work.push({ raw, path, input, ...(parts[0]!.kept ? { keptNote: parts[0]!.kept } : {}) });
      return;
    }
    const note = splitNote(String(raw['techniqueID']), parts.map(({ entry }) => String(entry['techniqueID'])));
    once(parts).forEach(({ entry, kept: keptNote }, n) =>
      work.push({ raw: entry, path, input: entry, ...(keptNote ? { keptNote } : {}), readBack: { change: 'split', note, repeated: n > 0 } }),
    );
  });
  if (!readBack) return { work, split: sums };
  for (const { entry, at, name } of takeRemoved(layer, REMOVED_NAMES, target)) {
    const id = String(entry['techniqueID']);
    const parts = splitAll(entry, target, undefined);
    const split = parts.length === 1 && parts[0]!.entry === entry ? '' : `; ${splitNote(id, parts.map((part) => String(part.entry['techniqueID'])))}`;
    // A technique the target revoked is upgraded as it is written again (T1504 of 6.3 becomes T1546.013 of 18.1).
    const what = target.technique(id)?.revoked ? `a technique revoked in ${target.label}` : `a technique of ${target.label}`;
    const note = `${id}, removed from the layer and kept in its "${name}" item, is ${what}: written again as it was${split}`;
    parts.forEach(({ entry: part, kept: keptNote }, n) =>
      work.push({ raw: part, path: `/metadata/${at}`, input: part, ...(keptNote ? { keptNote } : {}), readBack: { change: 'restored', note, repeated: n > 0 } }),
    );
  }
  // After the removed entries, whose report names their places in the layer's metadata as read.
  dropMergedItems(layer, read.split, read.kept);
  return { work, split: sums };
}

/**
 * Entries the upgrade removes (deprecated techniques, revoked ones without a replacement, techniques the target does
 * not have) would take what the analyst wrote with them, and so would the parts the repair left out (a metadata item
 * without a name, a link without a URL, a colour that is none): each that held something is kept, inert, as a layer
 * metadata item named `kept.name` holding its JSON pointer in the layer as read (after `kept.source`, when set), the
 * reason, and what it was, so that nothing written disappears from the file. A part of a removed entry is kept with its entry.
 * So is each value a merge left out (`merged`: a field Navigator does not know, two entries that became one holding
 * two values of it). The entries a downgrade merged or moved (`entries`, `mergedItems`) follow the removed ones.
 */
function keepRemoved(
  layer: JsonObject,
  reports: EntryUpgrade[],
  repairs: readonly LayerRepair[],
  kept: KeptAs,
  others: { merged?: readonly LayerRepair[]; fields?: readonly LayerRepair[]; gradient?: { why: string; was: JsonObject }; entries?: readonly JsonObject[] } = {},
): SettingChange[] {
  const { merged = [], fields = [], gradient, entries = [] } = others;
  const removed = reports.filter((report) => report.removedEntry);
  const parts = repairs.filter(
    (repair) => repair.leftOut === 'part' && repair.held !== undefined && !removed.some((report) => repair.path.startsWith(`${report.path}/`)),
  );
  if (!removed.length && !parts.length && !merged.length && !fields.length && !gradient && !entries.length) return [];
  const metadata = Array.isArray(layer['metadata']) ? (layer['metadata'] as unknown[]) : [];
  if (metadata.length) metadata.push({ divider: true });
  const from = kept.source === undefined ? '' : `${kept.source}: `;
  const keep = (path: string, why: string, what: string, was: unknown): number => metadata.push({ name: kept.name, value: `${from}${keptText(`${path}: ${why}`, what, was)}` });
  for (const report of removed) {
    keep(report.path, report.notes.find((note) => /removed/.test(note)) ?? 'removed', 'The entry', report.removedEntry);
    report.notes.push(`the entry is kept as it was in ${kept.where ?? "the layer's metadata"} ("${kept.name}")`);
  }
  metadata.push(...entries);
  for (const repair of [...parts, ...merged, ...fields]) keep(repair.path, repair.repair, 'It', repair.held);
  if (gradient) keep('/gradient', gradient.why, GRADIENT_WAS, gradient.was);
  layer['metadata'] = metadata;
  const counted = [
    removed.length ? `${removed.length} removed entr${removed.length === 1 ? 'y' : 'ies'}` : '',
    parts.length ? `${parts.length} part${parts.length === 1 ? '' : 's'} left out by the repair` : '',
    merged.length ? `${merged.length} value${merged.length === 1 ? '' : 's'} left out by a merge` : '',
    fields.length ? `the fields of no layer format of ${fields.length} entr${fields.length === 1 ? 'y' : 'ies'}` : '',
    gradient ? 'the gradient as it was' : '',
  ].filter(Boolean);
  const joined = counted.length > 1 ? `${counted.slice(0, -1).join(', ')} and ${counted.at(-1)!}` : counted[0];
  const mergedEntries =
    `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} merged into another or moved onto a parent kept whole as "${MERGED_BY_DOWNGRADE}" items, ` +
    `each named in a row of the entry ${entries.length === 1 ? 'it' : 'they'} became`;
  return [
    ...(joined ? [{ path: '/metadata', message: `${joined} kept as "${kept.name}" items` }] : []),
    ...(entries.length ? [{ path: '/metadata', message: mergedEntries }] : []),
  ];
}

/**
 * Where entries of a merge were one cell to Navigator 5.1 as written (`navigatorCells`: the same technique under the same
 * tactic, or without one), Navigator shows only the last of them, whole, and nothing of the others; the upgrade merges
 * them (`mergeEntries`), which loses none of their annotations. Says which entries, and what Navigator alone would have
 * shown, for the merge's report; undefined when no entry of the merge replaced another in Navigator.
 * `paths`: the merged entries' places in the layer as given; `written`: its entries as given; `cells`: theirs.
 */
function navigatorRepeatNote(paths: readonly string[], written: readonly unknown[], cells: readonly EntryCells[]): string | undefined {
  const places = paths.map(entryNumber).filter((at) => at >= 0);
  const replaced = places.filter((at) => [...(cells[at]?.lostTo.keys() ?? [])].some((later) => places.includes(later)));
  const shown = places.find((at) => !replaced.includes(at) && replaced.some((earlier) => cells[earlier]!.lostTo.has(at)));
  if (shown === undefined) return undefined;
  const entry = written[shown] as JsonObject;
  const cell = `${String(entry['techniqueID'])} ${typeof entry['tactic'] === 'string' ? `under ${entry['tactic']}` : 'without a tactic'}`;
  const list = (at: readonly number[]) => firstFew(at.map((one) => `/techniques/${one}`), 6);
  const all = [...replaced, shown].sort((a, b) => a - b);
  const times = `the layer as given writes ${cell} ${all.length === 2 ? 'twice' : `${all.length} times`} (${list(all)})`;
  if (replaced.every((at) => isEqual(written[at], entry))) return `${times}, each the same: written once, as Navigator 5.1 shows it`;
  return `${times}: Navigator 5.1 alone shows only the last, /techniques/${shown}, and nothing of ${list(replaced)}; merged instead, so that what each holds is kept`;
}

/**
 * Upgrade a layer of format 3.x or 4.0–4.5 to format 4.5 for an ATT&CK release (newer or older than the layer's own).
 * Each technique is looked up in the layer's release when `options.source` is given (by STIX id), else by ID:
 * - revoked: replaced by the end of its revocation chain, every annotation kept, plus a metadata line naming the old ID;
 * - deprecated, or revoked without a replacement, or absent from the target, or unknown (no ATT&CK ID of either
 *   release): removed, and reported with the current techniques its description points to and the entry as it was;
 * - a tactic that no longer applies: the annotation moves to each of the technique's current tactics;
 * - an entry without a tactic beside entries of its technique with one is written under each of the technique's
 *   tactics (`spreadBesideScoped`); then entries that end up on one technique and tactic are merged by `mergeEntries`' rule;
 * Layer settings carry over; platform filters take the release's platform names. Every change is in the report.
 * @throws InputError when the value is not a layer object or is for another domain; SchemaValidationError when the
 * result is still not a valid 4.5 layer (for example a score that is not a number).
 */
export function upgradeLayer(value: unknown, target: AttackIndex, options: UpgradeOptions = {}): UpgradedLayer {
  const file = options.file ?? 'layer';
  assertAttackLayer(value, file);
  const { layer: repaired, repairs: allRepairs, entryOrigins, leftOut } = options.repaired ?? repairLayer(value, file);
  // An entry the repair left out is a row of the report like every other, not a repair: it is counted, and kept.
  const repairs = allRepairs.filter((repair) => repair.leftOut !== 'entry');
  // Kept as written (combine and the gap review read them; upgradeSources keeps them its own way), and said once.
  const unknown = options.keptAs ? undefined : unknownEntryFields(Array.isArray(repaired['techniques']) ? repaired['techniques'] : [], entryOrigins);
  const format = layerFormat(repaired);
  const declared = isJsonObject(repaired['versions']) && repaired['versions']['attack'] !== undefined ? String(repaired['versions']['attack']) : undefined;
  const hidesPreAttack = stagesHidingPreAttack(repaired);
  const { layer, changes: formatChanges } = migrateLayerFormat(repaired, options);
  if (layer['domain'] !== target.domain) {
    throw new InputError(
      `${file}: /domain: the layer is for ${JSON.stringify(layer['domain'])} but the ATT&CK data given is ${target.label}; ` +
        `pass a release of the layer's domain`,
      { file: options.file },
    );
  }
  const source = options.source && options.source !== target ? options.source : undefined;
  // Said by the caller (`upgradeReleases`), or seen from the layer's own release.
  const downgrade = options.downgrade !== undefined || (source !== undefined && compareReleases(source.release, target.release) > 0);
  const settings: SettingChange[] = [...formatChanges];
  const versions = layer['versions'] as JsonObject;
  const releaseKept = versions['attack'] === target.major;
  if (versions['attack'] !== target.major) {
    settings.push({ path: '/versions/attack', message: `${versions['attack'] === undefined ? 'set to' : `${String(versions['attack'])} ->`} ${target.major}` });
    versions['attack'] = target.major;
  }
  settings.push(...navigatorVersion(versions, options.navigatorVersion ?? DEFAULT_NAVIGATOR_VERSION, releaseKept));
  if (options.sourceNote) settings.push({ path: '/versions/attack', message: options.sourceNote });
  if (options.downgrade) settings.push({ path: '/versions/attack', message: options.downgrade });
  // The platform filter is brought up to date once the entries are (below), here in the report's order.
  const platformsAt = settings.length;

  // The release Navigator shows the layer in: its own, or the target when the layer names the target's or none
  // (Navigator opens a layer without versions.attack in its newest release); unknown when its own is not here.
  const shownIn = source ?? (!options.sourceNote && (declared === undefined || attackMajor(declared) === target.major) ? target : undefined);
  const reports: EntryUpgrade[] = [];
  const placed: Placed[] = [];
  // `repairLayer` kept only entries that are objects with a technique ID.
  const entries = (Array.isArray(layer['techniques']) ? layer['techniques'] : []) as JsonObject[];
  const inputEntries = isJsonObject(value) && Array.isArray(value['techniques']) ? (value['techniques'] as unknown[]) : [];
  // combine (`keptAs`) keeps what it leaves out its own way; it reads back what a downgrade kept (`readBack`).
  const keepsMerged = downgrade && !options.keptAs;
  const { work, split } = readBackKept(layer, entries, { target, source, readBack: !downgrade && (!options.keptAs || options.readBack === true) }, (at) => ({
    path: originalPath(`/techniques/${at}`, entryOrigins),
    input: inputEntries[entryOrigins[at] ?? at],
  }));
  work.forEach(({ raw, path, input, keptNote, readBack }) => {
    const id = raw['techniqueID'] as string;
    const written = typeof raw['tactic'] === 'string' ? raw['tactic'] : undefined;
    const report: EntryUpgrade = { path, techniqueID: id, ...(written === undefined ? {} : { tactic: written }), changes: [], to: [], notes: [] };
    // A tactic written as its TA ID is that tactic, by the shortname Navigator reads.
    const named = written === undefined ? undefined : tacticWrittenOtherwise(written, target);
    if (named) {
      raw['tactic'] = named.shortname;
      report.notes.push(tacticIdNote(named, target));
    }
    let tactic = named?.shortname ?? written;
    reports.push(report);
    if (keptNote) report.notes.push(keptNote);
    if (readBack) {
      report.changes.push(readBack.change);
      report.notes.push(readBack.note);
      if (readBack.repeated) report.repeated = [readBack.note];
    }
    // What a downgrade keeps of an entry it merges or moves (`keptByDowngrade`), copied before the upgrade changes it;
    // only a downgrade reads it, and a copy of every entry of every layer is most of what the rest costs.
    const entered = keepsMerged ? { path, entry: structuredClone(raw), origin: id } : undefined;
    // An entry a downgrade kept is of the release the downgrade came from: looked up by its ID in the target.
    const record = readBack
      ? resolveEntry(raw, report, target, undefined, options.otherDomains, target, options.givenAs)
      : resolveEntry(raw, report, target, source, options.otherDomains, shownIn, options.givenAs);
    if (!record) {
      report.removedEntry = structuredClone(input) as JsonObject;
      return;
    }
    if (named) report.changes.push('tactic-read');
    // A TA ID with a name (`TA0002: Persistence`), which the repair read by the name: its ID read in the release.
    const pair = readTacticIdAndName(isJsonObject(input) ? input['tactic'] : undefined, record, target);
    if (pair) {
      if (pair.tactic) raw['tactic'] = pair.tactic;
      else delete raw['tactic'];
      tactic = pair.tactic;
      report.changes.push('tactic-read');
      report.notes.push(pair.note);
    }
    if (record.id !== id) {
      raw['techniqueID'] = record.id;
      const back = recordMove(raw, id, record.id, downgrade ? DOWNGRADED_FROM : UPGRADED_FROM);
      if (back) report.notes.push(back);
    }
    // Said once, as the layer leaves the release the move wrote it for, not on each upgrade after.
    const merged = releaseKept ? undefined : mergedByMove(raw, record, target);
    if (merged) report.notes.push(merged);
    if (tactic === undefined || record.tactics.includes(tactic)) {
      placed.push({ entry: raw, report, origin: id, written: entered });
      return;
    }
    // A tactic list (`"Defense Evasion, Foo"`) was repaired into one entry per tactic: one of them that is no tactic of
    // the technique is a part of the list left out, when another holds the annotation, not moved to every tactic.
    const listed = listedTactics(isJsonObject(input) ? input['tactic'] : undefined);
    const holders = listed?.filter((other) => record.tactics.includes(other)) ?? [];
    if (holders.length) {
      report.changes.push('removed');
      report.notes.push(`${describe(record)} is not under ${tactic} in ${target.label}; that part of the tactic list left out (removed), the annotation kept under ${holders.join(', ')}`);
      return;
    }
    report.changes.push('moved-tactic');
    // A tactic that a later release split off (ATT&CK 19's stealth) goes back to the one it came from, not to every
    // tactic of the technique (T1078 under stealth is not initial access).
    const split = target.tactic(tactic) ? undefined : formerTactic(tactic, record.tactics);
    const tactics = split ? [split.from] : record.tactics;
    report.notes.push(
      `${describe(record)} is not under ${tactic} in ${target.label}; the annotation moved to ${tactics.join(', ') || 'the technique (no tactic)'}` +
        (tactics === record.tactics ? '' : ` (ATT&CK ${split!.since} split ${tactic} off ${split!.from})`),
    );
    if (!tactics.length) {
      delete raw['tactic'];
      placed.push({ entry: raw, report, origin: id, written: entered });
    }
    for (const current of tactics) placed.push({ entry: cloneEntry(raw, current), report, origin: id, written: entered });
  });

  placed.splice(0, placed.length, ...spreadBesideScoped(placed, target));

  reports.push(...leftOut.map(leftOutReport));
  const numbers = new Map(reports.map((report) => [report, entryNumber(report.path)]));
  reports.sort((a, b) => numbers.get(a)! - numbers.get(b)!);

  settings.push(...expandChosenCollapse(layer, placed, target));

  // Merge what landed on one technique and tactic; the layer keeps the order its serialization will have, so that
  // the positions in the report are those of the file written.
  const groups = new Map<string, Placed[]>();
  const order: Placed[][] = [];
  placed.forEach((item) => {
    const key = `${String(item.entry['techniqueID'])}\u0000${typeof item.entry['tactic'] === 'string' ? item.entry['tactic'] : ''}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else {
      const fresh = [item];
      groups.set(key, fresh);
      order.push(fresh);
    }
  });
  const techniques: unknown[] = [];
  const mergedOut: LayerRepair[] = [];
  // The cells Navigator 5.1 fills from the entries as given, in the release it shows the layer in, for what a merge of
  // entries it keys alike changes from what it shows (`navigatorRepeatNote`).
  // Worked out at the first merge of entries from several places, which most layers have none of.
  const shownRelease = shownIn ?? target;
  let writtenCells: EntryCells[] | undefined;
  const cellsWritten = (): EntryCells[] =>
    (writtenCells ??= navigatorCells(inputEntries, (id) => {
      const record = shownRelease.technique(id);
      return record && record.id === id && !record.revoked && !record.deprecated ? record.tactics : undefined;
    }));
  const keptAs = options.keptAs ?? { name: downgrade ? REMOVED_BY_DOWNGRADE_NAME : REMOVED_METADATA_NAME };
  order.sort((a, b) => compareEntries(a[0]!.entry, b[0]!.entry));
  const sums: SummedScore[] = [];
  // What a downgrade merged or moved, each entry once, as the layer's items keep it (`mergedItems`).
  const keptEntries = new Map<MergedEntry, JsonObject>();
  // Where each entry written was in the layer as read (merged ones: each place), for messages about the layer written.
  const writtenFrom: string[][] = [];
  for (const group of order) {
    const at = techniques.length;
    const first = group[0]!;
    writtenFrom.push([...new Set(group.map((item) => item.report.path))]);
    const kept = keepsMerged ? keptByDowngrade(group, target, source) : undefined;
    if (group.length === 1) techniques.push(first.entry);
    else {
      // A comment line merged before (`T1086: …`, upgraded again) keeps its ID when that ID names this technique in the target.
      const techniqueID = String(first.entry['techniqueID']);
      const { entry, conflicts, dropped } = mergeEntries(
        group.map((item) => ({ entry: item.entry, from: item.origin })),
        options.mergeScore,
        (prefix) => namesTechnique(prefix, techniqueID, target),
        options.givenAs,
        options.sumAdvice,
      );
      techniques.push(entry);
      const paths = [...new Set(group.map((item) => item.report.path))];
      const where = tacticWhere(entry);
      const added = group.map((item) => item.entry['score']).filter((score): score is number => typeof score === 'number');
      if (options.mergeScore === 'sum' && typeof entry['score'] === 'number' && added.length > 1) sums.push({ where, score: entry['score'], from: added });
      // A colour, or a field Navigator does not know, holds one value per entry: the others are kept where removed
      // entries are (an ICS layer's T0855 under execution, #f5f5f5 "No detection coverage yet", moved beside its
      // entry under impair-process-control, #ff9800, lost its colour from the layer written).
      for (const { source, field, value } of dropped) {
        const keptIn = kept ? `kept in the layer's "${MERGED_BY_DOWNGRADE}" items` : `kept in ${keptAs.where ?? "the layer's metadata"} ("${keptAs.name}")`;
        const colours = field === 'color' ? conflicts.findIndex((conflict) => conflict.startsWith('colours ')) : -1;
        if (colours >= 0) conflicts[colours] += `; ${value} of ${group[source]!.report.path} ${keptIn}`;
        else conflicts.push(`${field} ${JSON.stringify(entry[field])} kept; ${JSON.stringify(value)} of ${group[source]!.origin} (a field Navigator does not know) ${keptIn}`);
        if (!kept) mergedOut.push({
          path: `${group[source]!.report.path}/${field}`,
          repair: `merged into /techniques/${at} (${where}), whose ${field} is ${JSON.stringify(entry[field])}; left out`,
          leftOut: 'part',
          held: value,
        });
      }
      for (const report of new Set(group.map((item) => item.report))) {
        if (!report.changes.includes('merged')) report.changes.push('merged');
        const others = paths.filter((path) => path !== report.path);
        const note = `merged with ${others.join(', ') || 'itself'} (all ${where})` + (report === first.report && conflicts.length ? `: ${conflicts.join('; ')}` : '');
        report.notes.push(note);
        // The first entry's note names every other one: theirs stay on their rows of the report, not as lines of their own.
        if (report !== first.report) (report.repeated ??= []).push(note);
      }
      const repeat = paths.length > 1 ? navigatorRepeatNote(paths, inputEntries, cellsWritten()) : undefined;
      if (repeat) first.report.notes.push(repeat);
    }
    if (kept) {
      const id = String((techniques[at] as JsonObject)['techniqueID']);
      const { entry, height } = downgradedEntry(techniques[at] as JsonObject, kept, `${target.technique(id)?.name ?? id} (${id})`);
      techniques[at] = entry;
      // An entry without a tactic, written under each tactic of its technique, is kept once.
      mergedItems(kept, id, source!.label, target.label).forEach((item, n) => keptEntries.has(kept[n]!) || keptEntries.set(kept[n]!, item));
      if (height) {
        first.report.notes.push(
          `${tacticWhere(entry)} would be ~${height}px tall in Navigator 5.1's tooltip with the comments and metadata of the ${kept.length} entr${kept.length === 1 ? 'y' : 'ies'} ` +
            `${kept.length === 1 ? 'moved onto' : 'merged into'} it, taller than a 1080p page: written without ${kept.length === 1 ? 'it, named' : 'them, each named'} in a "${MERGED_BY_DOWNGRADE}" row with its score and the start ` +
            `of its comment, and kept whole in the layer's "${MERGED_BY_DOWNGRADE}" items`,
        );
      }
    }
    for (const report of new Set(group.map((item) => item.report))) {
      if (!report.techniqueID) continue;
      const entry = techniques[at] as JsonObject;
      const id = String(entry['techniqueID']);
      const name = target.technique(id)?.name;
      report.to.push({
        techniqueID: id,
        ...(typeof entry['tactic'] === 'string' ? { tactic: entry['tactic'] } : {}),
        ...(name === undefined ? {} : { name }),
        at,
      });
    }
  }
  if (Array.isArray(layer['techniques'])) layer['techniques'] = techniques;
  // Fields of no format (CTID's score_num) show nowhere in Navigator and make mitreattack-python refuse the layer: the
  // layer written holds none, and each entry's are kept as written, as the parts the repair left out are. combine keeps
  // them its own way (upgradeSources: keepUnknownFields).
  const fieldsOut: LayerRepair[] = [];
  if (!options.keptAs) {
    order.forEach((group, at) => {
      const entry = techniques[at] as JsonObject;
      const keys = Object.keys(entry).filter((key) => !TECHNIQUE_KEYS.includes(key));
      if (!keys.length) return;
      const held = Object.fromEntries(keys.map((key) => [key, entry[key]]));
      for (const key of keys) delete entry[key];
      const path = [...new Set(group.map((item) => item.report.path))].join(', ');
      fieldsOut.push({ path, repair: `${keys.length === 1 ? 'field' : 'fields'} ${keys.join(', ')} in no layer format; left out`, leftOut: 'part', held });
    });
  }

  if (unknown) settings.push({ path: '/techniques', message: `${unknownEntryFieldsText(unknown)}; left out, each entry's kept as written in the layer's metadata ("${keptAs.name}")` });
  const wrongDomain = otherDomainLayerText(
    reports.map((report) => report.techniqueID).filter((id): id is string => typeof id === 'string'),
    target,
    options.otherDomains,
  );
  if (wrongDomain) settings.push({ path: '/domain', message: `${wrongDomain} (each entry is kept as it was in the layer's metadata, "${keptAs.name}")` });
  // The gradient a downgrade widened goes back to what it was where the way back splits its sums again: so the
  // downgrade keeps it, beside its removed entries.
  const restored = options.keptAs ? undefined : restoreGradient(layer, split);
  const widened = options.keptAs ? undefined : widenForSums(layer, sums);
  const gradientWas = keepsMerged && widened ? { why: `${widened.change} to hold ${widened.held}; an upgrade that splits those merges again writes it back`, was: widened.was } : undefined;
  settings.push(...keepRemoved(layer, reports, repairs, keptAs, { merged: mergedOut, fields: fieldsOut, gradient: gradientWas, entries: [...keptEntries.values()] }));
  // PRE-ATT&CK stays hidden as the stage filter hid it, unless an annotated entry runs only on PRE: nothing annotated
  // is hidden by what the upgrade writes.
  const needsPre = techniques.filter((entry): entry is JsonObject => isJsonObject(entry) && isAnnotated(entry) && typeof entry['techniqueID'] === 'string')
    .map((entry) => target.technique(entry['techniqueID'] as string))
    .filter((record): record is TechniqueRecord => !!record && record.platforms.length > 0 && record.platforms.every((platform) => platform === PRE_PLATFORM));
  settings.splice(
    platformsAt,
    0,
    // The release the filter was chosen in: the layer's own, or the nearest here, or the target when that is the layer's.
    ...upgradePlatforms(
      layer,
      target,
      { release: source ?? options.platformRelease ?? shownIn, filter: filterRelease(repaired), releases: options.releases },
      hidesPreAttack ? { hiding: hidesPreAttack, needsPre } : undefined,
    ),
    ...(options.keepFilter ? [] : showAnnotated(layer, techniques, target, source)),
  );

  const layout = isJsonObject(layer['layout']) ? layer['layout'] : undefined;
  if (layout?.['expandedSubtechniques'] === undefined) {
    const hidden = collapsedSubtechniques(techniques, target, undefined, layer['hideDisabled'] === true);
    if (hidden.size) {
      const ids = [...new Set([...hidden.keys()].map((i) => String((techniques[i] as JsonObject)['techniqueID'])))].sort();
      layer['layout'] = { ...(layout ?? {}), expandedSubtechniques: 'annotated' };
      settings.push({
        path: '/layout/expandedSubtechniques',
        message: `set to "annotated" so that annotated sub-techniques show (${ids.join(', ')})`,
      });
    }
  }

  // Navigator 5.1 throws instead of colouring a score just below the gradient's top: written as the top, by the rule
  // every writer of scores follows. combine reads its inputs' scores as written, and tops what it writes itself.
  if (restored) settings.push({ path: '/gradient', message: restored });
  if (widened) settings.push({ path: '/gradient', message: widened.message });
  const range = options.keptAs ? undefined : gradientRange(layer);
  const topped = range && writeNearTopAsTop(techniques.filter(isJsonObject) as unknown as LayerTechnique[], { colors: ['#ffffff', '#000000'], ...range }, { explain: true });
  if (topped) settings.push({ path: '/techniques', message: topped });
  const aggregates = options.keptAs ? undefined : aggregatesTurnedOff(layer, techniques, target);
  if (aggregates) settings.push({ path: '/layout/showAggregateScores', message: aggregates });

  // Named at the entry as written (/techniques/0), not where the upgrade sorted it to (/techniques/5).
  const issues = schemaIssues('layer-4.5', layer).map((issue) => ({
    ...issue,
    path: issue.path.replace(/^\/techniques\/(\d+)/, (whole, at: string) => writtenFrom[Number(at)]?.join(' + ') || whole),
  }));
  if (issues.length) throw new SchemaValidationError(file, 'ATT&CK Navigator layer 4.5 after the upgrade', issues, 'repair the field as written and run `attack-layers upgrade` again');
  const report: LayerUpgradeReport = {
    source: file,
    name: typeof layer['name'] === 'string' ? layer['name'] : '',
    from: {
      ...(format.version === undefined ? {} : { format: format.version }),
      ...(declared === undefined ? {} : { attack: declared }),
      ...(source ? { matchedIn: source.label } : {}),
    },
    to: { format: String(versions['layer']), attack: target.label },
    ...(downgrade ? { downgrade: true as const } : {}),
    repairs,
    settings,
    techniques: reports,
    scoresOutOfRange: outOfRange(layer),
    counts: countChanges(reports),
    // An element of the file's array of layers left out (no path: `arrayLayers`) changes the file the layer is written to.
    changed: !holdsAlike(value, layer) || repairs.some((repair) => repair.path === ''),
  };
  return { layer: layer as unknown as NavigatorLayer, report, changes: upgradeMessages(report) };
}

/**
 * `versions.navigator` names the Navigator that saved a layer, and Navigator itself reads it nowhere (view-model.ts
 * `deserializeDomainVersionID` reads only `versions.attack` and `versions.layer`; `serialize` writes its own version), so
 * upgrade never lowers it: one older than the Navigator attack-layers writes layers for (`navigator`, 5.1.0: the one
 * ../shared/NAVIGATOR.md records) is raised to it, a newer one is kept. Rewriting every layer to 5.1.0 made a Navigator
 * 5.1.1 layer of ATT&CK 17 read `5.1.1 -> 5.1.0` beside a 5.3.0 export of ATT&CK 18 kept as it was. Said when it is kept
 * while the layer's release changes, where the number is otherwise the one thing of the old layer left unexplained.
 * (The format's own floor, 4.9.0, is `migrateLayerFormat`'s: a version below it, or none, is 5.1.0 already.)
 */
function navigatorVersion(versions: JsonObject, navigator: string, releaseKept: boolean): SettingChange[] {
  const written = String(versions['navigator']);
  const order = compareVersions(written, navigator) ?? -1;
  const rule = 'the Navigator version attack-layers writes layers for: upgrade raises an older number to it and keeps a newer one (Navigator reads this field nowhere)';
  if (order < 0) {
    versions['navigator'] = navigator;
    return [{ path: '/versions/navigator', message: `${written} -> ${navigator}, ${rule}` }];
  }
  return order > 0 && !releaseKept ? [{ path: '/versions/navigator', message: `${written} kept, newer than ${navigator}, ${rule}` }] : [];
}

/**
 * Whether the upgraded layer holds what the layer as given did, its entries perhaps in another order. The upgrade writes
 * entries sorted (by technique ID, then tactic: `compareEntries`), for output that does not depend on the input's order;
 * that order is no change, as Navigator keys an entry by its technique and tactic (view-model.ts `setTechniqueVM`) and
 * saves its own layers in its own order: a Navigator 5.3.0 export of ATT&CK 18 (Tyghn's AgentTesla layer) upgraded
 * with only its 7 entries sorted was counted "1 changed" with no change listed, and `--check` called it stale.
 */
function holdsAlike(value: unknown, layer: JsonObject): boolean {
  if (isEqual(value, layer)) return true;
  if (!isJsonObject(value) || !Array.isArray(value['techniques']) || !Array.isArray(layer['techniques'])) return false;
  return isEqual({ ...value, techniques: [...value['techniques']].sort(compareEntries) }, layer);
}

/**
 * With `layout.showAggregateScores`, an aggregate score Navigator 5.1 fails to colour (`failingAggregates`: it throws
 * as it draws the matrix) turns aggregate scores off, what the upgrade says: no one score is the one to move (the
 * average of T1059 100 and T1059.001 99 is 99.5), and each is kept as written. An aggregate equal to a score that
 * fails too needs nothing more: that score is written as the top before.
 */
export function aggregatesTurnedOff(layer: JsonObject, techniques: readonly unknown[], target: AttackIndex): string | undefined {
  const range = gradientRange(layer);
  const layout = layer['layout'];
  if (!range || !isJsonObject(layout)) return undefined;
  const filters = isJsonObject(layer['filters']) ? layer['filters'] : {};
  const shown = platformsShown(filters['platforms'], target, target.major);
  const found = failingAggregates(techniques, layout, range, target, { shown, hideDisabled: layer['hideDisabled'] === true });
  if (!found.length) return undefined;
  layout['showAggregateScores'] = false;
  const listed = found.slice(0, 3).map((one) => `${one.techniqueID} under ${one.tactic} ${one.aggregate} (the ${one.by} of ${one.from.join(', ')})`);
  return (
    `true -> false: ${found.length === 1 ? 'an aggregate score' : `${found.length} aggregate scores`}, ${listed.join('; ')}${found.length > 3 ? `; and ${found.length - 3} more` : ''}, ` +
    `${found.length === 1 ? 'lies' : 'lie'} in the last half-hundredth below the gradient's top ${range.maxValue}, where Navigator 5.1 fails to colour one as it draws the matrix; ` +
    'every score is kept as written: change one so that the aggregate leaves that range, or show aggregate scores in a Navigator after 5.1'
  );
}

/** The upgraded layer's scores outside its gradient, by the check `validate` warns `score-out-of-range` with. */
function outOfRange(layer: JsonObject): LayerUpgradeReport['scoresOutOfRange'] {
  const range = gradientRange(layer);
  const entries = Array.isArray(layer['techniques']) ? layer['techniques'] : [];
  return (range ? scoresOutOfRange(entries, range) : []).map(({ at, techniqueID, score, range, message }) => ({ path: `/techniques/${at}/score`, techniqueID, score, range, message }));
}

/** The releases to upgrade a layer with: the target, and the layer's own release to look its techniques up in. */
export interface UpgradeReleases {
  target: AttackIndex;
  source?: AttackIndex;
  /** Why the layer's own release is not used, when it is not. */
  sourceNote?: string;
  /** Without `source`, the release nearest to the layer's that is available, for its platform filter (UpgradeOptions). */
  platformRelease?: AttackIndex;
  /** The other releases of the layer's domain here, newest first, loaded as asked for, for its platform filter. */
  releases: ReleaseList;
  /** Set when the target is older than the layer's release: a downgrade, said in the report and on stderr. */
  downgrade?: string;
  /** The newest releases of the other domains, for IDs of theirs in the layer; loaded only when one is looked up. */
  otherDomains: OtherDomainLookup;
}

/**
 * Pick the releases to upgrade a layer with from a library: the target (`to`, else the newest of the layer's domain)
 * and the layer's own release (`from`, else the major of its `versions.attack`, read as Navigator reads it).
 * `givenAs` names `to` in messages (the CLI's `--to`).
 * @throws InputError for a layer whose domain is not an ATT&CK domain, or newer than the newest release here without
 * `to`; AttackDataError when the target is missing.
 */
export function upgradeReleases(value: unknown, library: AttackLibrary, options: { to?: string; from?: string; file?: string; givenAs?: GivenAs } = {}): UpgradeReleases {
  // Only the domain and the stated release matter here; both read the same in every format (old domain names aside),
  // and a layer that states no domain is read in the one its repair reads it in.
  const layer = isJsonObject(value) ? value : {};
  assertAttackLayer(layer, options.file ?? 'layer');
  const domain = currentDomainName(layer['domain'] ?? unstatedLayerDomain(layer).domain);
  if (typeof domain !== 'string' || !(DOMAINS as readonly string[]).includes(domain)) {
    throw new InputError(
      `${options.file ?? 'layer'}: /domain: ${JSON.stringify(domain)} is not an ATT&CK domain (${DOMAINS.join(', ')})`,
      { file: options.file },
    );
  }
  const target = library.release(domain as Domain, options.to);
  const otherDomains = libraryOtherDomains(library, domain);
  const releases = domainReleases(library, domain as Domain, target.release).history;
  // A `version` holding an object is `versions` misspelt, as the repair reads it (repair-layer.ts).
  const versions = isJsonObject(layer['versions']) ? layer['versions'] : isJsonObject(layer['version']) ? layer['version'] : {};
  const stated = options.from ?? attackMajor(versions['attack']);
  if (stated === undefined) return { target, otherDomains, releases };
  const file = options.file ?? 'layer';
  let downgrade: string | undefined;
  if ((compareVersions(/^\d+/.exec(stated)?.[0] ?? stated, target.major) ?? 0) > 0) {
    // Newer tactics and techniques (ATT&CK 19's stealth, defense-impairment) do not exist in an older release: the
    // entries under them move or go, so a downgrade is done only when asked for.
    if (options.to === undefined) {
      const fetch = layerReleaseFetch(domain as Domain, /^\d+/.exec(stated)?.[0] ?? stated, target.major);
      throw new InputError(
        `${file}: the layer is for ATT&CK ${stated}, newer than ${target.label}, the newest available here: writing it for ` +
          `${target.release} is a downgrade that moves or removes entries; ` +
          (fetch.known ? `get ${stated} (\`${fetch.command}\`)` : `if ATT&CK ${stated} is out, get it (\`${fetch.command}\` gets the newest)`) +
          `, or pass ${givenOption(options.givenAs, 'to', target.release)} to downgrade on purpose`,
        { file: options.file },
      );
    }
    downgrade = `a downgrade from ATT&CK ${stated} to ${target.label}: entries under techniques or tactics that ${target.release} does not have are moved or removed, each one listed`;
  }
  const extra = { otherDomains, releases, ...(downgrade ? { downgrade } : {}) };
  if (stated === target.major || stated === target.release) return { target, source: target, ...extra };
  const source = availableRelease(library, domain as Domain, stated);
  if (source) return { target, source, ...extra };
  const platformRelease = nearestRelease(library, domain as Domain, stated);
  return {
    target,
    sourceNote: `ATT&CK ${stated}, the layer's release, is not available here: techniques were looked up by ID in ${target.label}`,
    ...(platformRelease ? { platformRelease } : {}),
    ...extra,
  };
}

/**
 * The release of a library nearest to one that is not available here: the newest of an earlier or the same major
 * (`15`: 14.1), else the oldest later one. What a layer of that release is read by where its release's own lists
 * matter: a platform filter that lists every platform of its release showed every platform (listsEveryPlatform).
 * Undefined when the library has no release of the domain.
 */
export function nearestRelease(library: AttackLibrary, domain: Domain, release: string): AttackIndex | undefined {
  const major = Number(/^\d+/.exec(release)?.[0]);
  const have = library.files
    .filter((file) => (file.domain ?? library.load(file).domain) === domain)
    .map((file) => file.release ?? library.load(file).release)
    .sort(compareReleases);
  const majorOf = (version: string): number => Number(version.split('.')[0]);
  const nearest = have.filter((version) => majorOf(version) <= major).pop() ?? have.find((version) => majorOf(version) > major);
  return nearest === undefined ? undefined : availableRelease(library, domain, nearest);
}

/**
 * A release of a library (`14`: the newest 14.x), or undefined when none is available here: a layer's own release,
 * to read the layer as it was written (`upgradeReleases`; a gap review's threat layers, `threatFromLayer`).
 */
export function availableRelease(library: AttackLibrary, domain: Domain, release: string): AttackIndex | undefined {
  try {
    return library.release(domain, release);
  } catch (error) {
    if (!(error instanceof AttackDataError)) throw error;
    return undefined;
  }
}
