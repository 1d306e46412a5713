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
 * Whether expanding an entry would show someone something: it is annotated, and not disabled in a layer that hides
 * disabled techniques (which stays hidden expanded or not), nor annotated only by being disabled (a layer builder
 * disables every technique a group does not use: disabling is not an annotation anyone needs to see).
 */
function worthShowing(entry: JsonObject, hideDisabled: boolean): boolean {
  if (entry['enabled'] !== false) return isAnnotated(entry);
  return !hideDisabled && isAnnotated({ ...entry, enabled: true });
}

/**
 * Annotated sub-technique entries that Navigator shows collapsed (invisible) under their parent, by entry position,
 * with the tactics where that happens. A parent entry with `showSubtechniques: true` expands them under its tactic
 * (or all tactics when it has none); `layout.expandedSubtechniques` "annotated" or "all" expands every one. Entries
 * expanding would not show (see worthShowing) and those under a disabled parent of a `hideDisabled` layer
 * (`underDisabledParent`) are left out.
 */
export function collapsedSubtechniques(
  entries: readonly unknown[],
  index: AttackIndex,
  expanded: unknown,
  hideDisabled = false,
): Map<number, string[]> {
  const hidden = new Map<number, string[]>();
  if (expanded === 'annotated' || expanded === 'all') return hidden;
  const expanders = entries.filter(
    (entry): entry is JsonObject => isJsonObject(entry) && entry['showSubtechniques'] === true && typeof entry['techniqueID'] === 'string',
  );
  const underDisabled = underDisabledParent(entries, index, hideDisabled);
  entries.forEach((entry, i) => {
    if (!isJsonObject(entry) || typeof entry['techniqueID'] !== 'string' || !worthShowing(entry, hideDisabled) || underDisabled.has(i)) return;
    const record = index.technique(entry['techniqueID']);
    if (!record?.parent || record.revoked || record.deprecated) return;
    const tactic = typeof entry['tactic'] === 'string' ? entry['tactic'] : undefined;
    const tactics = tactic ? record.tactics.filter((t) => t === tactic) : record.tactics;
    const collapsed = tactics.filter(
      (t) => !expanders.some((p) => p['techniqueID'] === record.parent && (p['tactic'] === undefined || p['tactic'] === t)),
    );
    if (collapsed.length) hidden.set(i, collapsed);
  });
  return hidden;
}

/**
 * Annotated, enabled sub-technique entries of a layer with `hideDisabled` whose parent has a disabled entry (under
 * the same tactic, or under all), by entry position, with the parent entry's position. A layer builder that disables
 * every technique a group does not use disables the parent of the one sub-technique it colours (T1655 of
 * T1655.001); a hidden parent cell may take its sub-techniques with it. Empty when the layer does not hide disabled ones.
 */
export function underDisabledParent(entries: readonly unknown[], index: AttackIndex, hideDisabled: boolean): Map<number, number> {
  const found = new Map<number, number>();
  if (!hideDisabled) return found;
  const disabled = new Map<string, { at: number; tactic: unknown }[]>();
  entries.forEach((entry, at) => {
    if (isJsonObject(entry) && entry['enabled'] === false && typeof entry['techniqueID'] === 'string') {
      disabled.set(entry['techniqueID'], [...(disabled.get(entry['techniqueID']) ?? []), { at, tactic: entry['tactic'] }]);
    }
  });
  entries.forEach((entry, at) => {
    if (!isJsonObject(entry) || typeof entry['techniqueID'] !== 'string' || entry['enabled'] === false || !isAnnotated(entry)) return;
    const parent = index.technique(entry['techniqueID'])?.parent;
    const tactic = entry['tactic'];
    const off = parent ? disabled.get(parent)?.find((p) => p.tactic === undefined || tactic === undefined || p.tactic === tactic) : undefined;
    if (off) found.set(at, off.at);
  });
  return found;
}
