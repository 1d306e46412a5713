import type { AttackIndex } from '../attack/attack-index.js';
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
 * expanding would not show (see worthShowing) are left out. An enabled one shows under a disabled parent of a
 * `hideDisabled` layer: Navigator keeps a disabled technique while one of its sub-techniques is enabled (as the
 * export's matrix model does; mitre-attack/attack-navigator nav-app/src/app/classes/view-model.ts, isSubtechniqueEnabled).
 */
export function collapsedSubtechniques(
  entries: readonly unknown[],
  index: AttackIndex,
  expanded: unknown,
  hideDisabled = false,
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
    const tactic = typeof entry['tactic'] === 'string' ? entry['tactic'] : undefined;
    const tactics = tactic ? record.tactics.filter((t) => t === tactic) : record.tactics;
    const collapsed = tactics.filter((t) => !expands(record.parent!, t));
    if (collapsed.length) hidden.set(i, collapsed);
  });
  return hidden;
}
