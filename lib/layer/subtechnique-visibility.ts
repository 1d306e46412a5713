import type { AttackIndex } from '../attack/attack-index.js';
import type { TechniqueRecord } from '../attack/types.js';
import type { LayerTechnique } from './layer-types.js';
import { isJsonObject, type JsonObject } from '../json-value.js';

/** True when an entry carries something Navigator shows or exports (a score, colour, comment, link, metadata, or is disabled). */
export function isAnnotated(entry: JsonObject | LayerTechnique): boolean {
  const e = entry as JsonObject;
  return (
    typeof e['score'] === 'number' ||
    (typeof e['color'] === 'string' && e['color'] !== '') ||
    (typeof e['comment'] === 'string' && e['comment'] !== '') ||
    e['enabled'] === false ||
    (Array.isArray(e['links']) && e['links'].length > 0) ||
    (Array.isArray(e['metadata']) && e['metadata'].length > 0)
  );
}

/**
 * True when an entry is disabled and carries nothing else Navigator shows (no score, colour, comment, link or
 * metadata): a layer builder's way of greying out what it leaves out (SRA's index layers disable every other ID).
 */
export function isOnlyDisabled(entry: JsonObject | LayerTechnique): boolean {
  return (entry as JsonObject)['enabled'] === false && !isAnnotated({ ...entry, enabled: true });
}

/** Whether an entry disables technique `id` under `tactic` (an entry without a tactic, or a check of none, matches any). */
export function disabledUnder(entries: readonly unknown[], id: string, tactic: string | undefined): boolean {
  return entries.some((e) => isJsonObject(e) && e['techniqueID'] === id && e['enabled'] === false && (e['tactic'] === undefined || tactic === undefined || e['tactic'] === tactic));
}

/** Whether a technique runs on a platform of `shown` (undefined: every platform of the release, as Navigator reads no filter). */
export function runsOnShown(record: TechniqueRecord, index: AttackIndex, shown: ReadonlySet<string> | undefined): boolean {
  const platforms = shown ?? new Set(index.platforms());
  return record.platforms.some((platform) => platforms.has(platform));
}

/**
 * Whether a sub-technique keeps a disabled `parent` under `tactic` in a layer that hides disabled techniques: Navigator
 * 5.1 keeps it while one of its sub-techniques is enabled (every one is, but those an entry disables) and runs on a
 * platform the filter shows (mitre-attack/attack-navigator nav-app/src/app/classes/view-model.ts at fa7a6017,
 * filterTechniques and isSubtechniqueEnabled): T1020.001, off a filter of Windows, keeps no disabled T1020.
 */
export function keptBySubtechnique(parent: TechniqueRecord, tactic: string | undefined, entries: readonly unknown[], index: AttackIndex, shown: ReadonlySet<string> | undefined): boolean {
  return index
    .children(parent.id)
    .some((child) => !child.revoked && !child.deprecated && !disabledUnder(entries, child.id, tactic) && runsOnShown(child, index, shown));
}

/**
 * Whether expanding an entry would show someone something: it is annotated, and not disabled in a layer that hides
 * disabled techniques (which stays hidden expanded or not), nor annotated only by being disabled (a layer builder
 * disables every technique a group does not use: disabling is not an annotation anyone needs to see).
 */
function worthShowing(entry: JsonObject, hideDisabled: boolean): boolean {
  if (entry['enabled'] !== false) return isAnnotated(entry);
  return !hideDisabled && !isOnlyDisabled(entry);
}

/**
 * Annotated sub-technique entries that Navigator shows collapsed (invisible) under their parent, by entry position,
 * with the tactics where that happens. A parent entry with `showSubtechniques: true` expands them under its tactic
 * (or all tactics when it has none), unless a later entry of the parent there replaces it; `layout.expandedSubtechniques` "annotated" or "all" expands every one. Entries
 * expanding would not show are left out: see worthShowing; one the platform filter hides (`shown`, the platforms it
 * shows; undefined, every one), as its own platforms or its parent's row miss it (`filteredOutEntries` says so); and,
 * in a `hideDisabled` layer, one whose parent is disabled there and kept by no sub-technique (`keptBySubtechnique`).
 */
export function collapsedSubtechniques(
  entries: readonly unknown[],
  index: AttackIndex,
  expanded: unknown,
  hideDisabled = false,
  shown?: ReadonlySet<string>,
): Map<number, string[]> {
  const hidden = new Map<number, string[]>();
  if (expanded === 'annotated' || expanded === 'all') return hidden;
  // Navigator keeps the last entry of a technique under a tactic (setTechniqueVM replaces): an earlier parent entry with
  // showSubtechniques that a later one of the same parent overrides expands nothing (SRA's index layers repeat T1021).
  const byParent = new Map<string, JsonObject[]>();
  for (const entry of entries) {
    if (!isJsonObject(entry) || typeof entry['techniqueID'] !== 'string') continue;
    byParent.set(entry['techniqueID'], [...(byParent.get(entry['techniqueID']) ?? []), entry]);
  }
  const expands = (parent: string, tactic: string): boolean =>
    (byParent.get(parent) ?? []).filter((p) => p['tactic'] === undefined || p['tactic'] === tactic).at(-1)?.['showSubtechniques'] === true;
  entries.forEach((entry, i) => {
    if (!isJsonObject(entry) || typeof entry['techniqueID'] !== 'string' || !worthShowing(entry, hideDisabled)) return;
    const record = index.technique(entry['techniqueID']);
    if (!record?.parent || record.revoked || record.deprecated) return;
    const parent = index.technique(record.parent);
    if (!parent || !runsOnShown(record, index, shown) || !runsOnShown(parent, index, shown)) return;
    const tactic = typeof entry['tactic'] === 'string' ? entry['tactic'] : undefined;
    const tactics = tactic ? record.tactics.filter((t) => t === tactic) : record.tactics;
    // Where the parent's row is hidden, expanding it shows nothing either.
    const rowShown = (t: string): boolean => !hideDisabled || !disabledUnder(entries, parent.id, t) || keptBySubtechnique(parent, t, entries, index, shown);
    const collapsed = tactics.filter((t) => rowShown(t) && !expands(record.parent!, t));
    if (collapsed.length) hidden.set(i, collapsed);
  });
  return hidden;
}
