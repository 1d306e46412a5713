import isEqual from 'lodash-es/isEqual.js';
import type { AttackIndex } from '../attack/attack-index.js';
import { isJsonObject, type JsonObject } from '../json-value.js';
import { mergeEntries } from './merge-entries.js';
import { MERGE_SCORES, type MergeScore } from './merge-scores.js';
import { schemaIssues } from '../schemas.js';
import { TECHNIQUE_KEYS } from './serialize-layer.js';
import { MERGED_BY_DOWNGRADE } from './tool-items.js';


const ENTRY_WAS = '. The entry was: ';

/** A kept entry's text: why it was kept, then the entry as it was, which `keptEntry` reads back. */
export function keptEntryText(why: string, entry: unknown): string {
  return `${why}${ENTRY_WAS}${JSON.stringify(entry)}`;
}

/** The entry a kept item's value holds (`<why>. The entry was: {…}`, as `keptEntryText` and upgrade's removed items write it), else undefined. */
export function keptEntry(value: unknown): JsonObject | undefined {
  if (typeof value !== 'string') return undefined;
  const at = value.indexOf(ENTRY_WAS);
  if (at < 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(value.slice(at + ENTRY_WAS.length));
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a kept entry can be written again in `target` as it was: it names a technique `target` has, neither revoked
 * nor deprecated, under one of its tactics or none.
 */
export function restorable(entry: JsonObject, target: AttackIndex): boolean {
  const id = entry['techniqueID'];
  const record = typeof id === 'string' ? target.technique(id) : undefined;
  const tactic = entry['tactic'];
  return (
    !!record &&
    record.id === id &&
    !record.revoked &&
    !record.deprecated &&
    (tactic === undefined || (typeof tactic === 'string' && record.tactics.includes(tactic)))
  );
}

/**
 * Whether a kept entry is one of format 4.5 as it is, to write again without a repair (a removed entry is kept as the
 * file had it, unrepaired). `otherFields`: fields of no format are let by (the upgrade leaves them out, and keeps them).
 */
function inFormat(entry: JsonObject, target: AttackIndex, otherFields = false): boolean {
  const fields = otherFields ? Object.fromEntries(Object.entries(entry).filter(([key]) => TECHNIQUE_KEYS.includes(key))) : entry;
  const layer = { name: '', domain: target.domain, versions: { layer: '4.5', navigator: '5.1.0' }, techniques: [fields] };
  return Object.keys(fields).every((key) => TECHNIQUE_KEYS.includes(key)) && !schemaIssues('layer-4.5', layer).length;
}

/**
 * Take out of the layer's metadata the removed entries its items named `names` keep (upgrade's `keepRemoved`) that
 * `target` can show as they were (`restorable`): the techniques a downgrade to 6.3 removed (T1560), in an upgrade back
 * to 18.1. Returns each with its position in the metadata; the divider written before the items goes when it ends the list.
 */
export function takeRemoved(layer: JsonObject, names: readonly string[], target: AttackIndex): Array<{ entry: JsonObject; at: number; name: string }> {
  const metadata = Array.isArray(layer['metadata']) ? layer['metadata'] : [];
  const taken: Array<{ entry: JsonObject; at: number; name: string }> = [];
  metadata.forEach((item, at) => {
    if (!isJsonObject(item) || !names.includes(String(item['name']))) return;
    const entry = keptEntry(item['value']);
    if (entry && restorable(entry, target) && inFormat(entry, target)) taken.push({ entry, at, name: String(item['name']) });
  });
  if (!taken.length) return [];
  const left = metadata.filter((_, at) => !taken.some((one) => one.at === at));
  const last = left.at(-1);
  if (isJsonObject(last) && last['divider'] === true && metadata.indexOf(last) < taken[0]!.at) left.pop();
  if (left.length) layer['metadata'] = left;
  else delete layer['metadata'];
  return taken;
}

/** One entry a downgrade merged or moved, as it was, with where it was and the ID it had. */
export interface MergedEntry {
  entry: JsonObject;
  path: string;
  origin: string;
}

/** The `MERGED_BY_DOWNGRADE` items of an entry the downgrade wrote as `into` from `merged`, from release `from` to `to`. */
export function mergedItems(merged: readonly MergedEntry[], into: string, from: string, to: string): JsonObject[] {
  const how = merged.length > 1 ? 'merged' : 'moved';
  return merged.map(({ entry, path, origin }) => ({
    name: MERGED_BY_DOWNGRADE,
    value: keptEntryText(`${path}: ${origin} of ${from}, ${how} into ${into} of ${to}; an upgrade to a release that has ${origin} writes it again`, entry),
  }));
}

/** How the entry a downgrade wrote would read: `originals` moved onto `entry`'s technique and tactic, then merged. */
function asDowngraded(originals: readonly JsonObject[], entry: JsonObject, movedFrom: string, mergeScore: MergeScore | undefined, attributed: (prefix: string) => boolean): JsonObject {
  const id = entry['techniqueID'];
  const moved = originals.map((original) => {
    const copy: JsonObject = { ...structuredClone(original), techniqueID: id ?? null };
    if (entry['tactic'] === undefined) delete copy['tactic'];
    else copy['tactic'] = entry['tactic'];
    const metadata = Array.isArray(original['metadata']) ? original['metadata'] : [];
    if (original['techniqueID'] !== id) copy['metadata'] = [...structuredClone(metadata), { name: movedFrom, value: original['techniqueID'] ?? null }];
    return copy;
  });
  if (moved.length === 1) return moved[0]!;
  return mergeEntries(moved.map((copy, i) => ({ entry: copy, from: String(originals[i]!['techniqueID']) })), mergeScore, attributed).entry;
}

/** What `splitEntry` found: the entries to write instead, or why the entry stays as it is. */
export type Split = { entries: JsonObject[] } | { kept: string };

/**
 * The entries a downgrade merged into `entry` (its `MERGED_BY_DOWNGRADE` items), to write again in its place, each as
 * it was, when `target` has every one of their techniques and the entry still holds what the downgrade wrote from them.
 * An entry annotated since (a score raised in the older release) stays as it is, with its items: splitting it would
 * lose that annotation. Undefined when the entry has no such items. `movedFrom` and `attributed` are those the
 * downgrade wrote with (its provenance item's name, which comment prefixes name the entry). Its merge rule
 * (`--merge-score`) is written nowhere, and only the score depends on it: the entry holds what the downgrade wrote when
 * any rule gives it (T1003 of 6.3 scored 12, the sum of T1003 and T1003.001 to T1003.004 of 18.1 scored 2, 3, 4, 1 and 2,
 * is split again as one scored 4, their highest, is).
 */
export function splitEntry(entry: JsonObject, target: AttackIndex, movedFrom: string, attributed: (prefix: string) => boolean): Split | undefined {
  const metadata = Array.isArray(entry['metadata']) ? entry['metadata'] : [];
  const items = metadata.filter((item) => isJsonObject(item) && item['name'] === MERGED_BY_DOWNGRADE);
  if (!items.length) return undefined;
  const originals = items.map((item) => keptEntry((item as JsonObject)['value']));
  if (originals.some((original) => original === undefined || !inFormat(original, target, true))) {
    return { kept: `a "${MERGED_BY_DOWNGRADE}" item holds no entry of format 4.5 that can be read; not split` };
  }
  const entries = originals as JsonObject[];
  const missing = entries.filter((original) => !restorable(original, target)).map((original) => String(original['techniqueID']));
  if (missing.length) return { kept: `${[...new Set(missing)].join(', ')} ${missing.length === 1 ? 'is no technique' : 'are no techniques'} of ${target.label}; not split` };
  const now = { ...entry, metadata: metadata.filter((item) => !items.includes(item)) };
  if (!now.metadata.length) delete (now as JsonObject)['metadata'];
  const editedBy = (rule: MergeScore): string[] => {
    const then = asDowngraded(entries, entry, movedFrom, rule, attributed);
    return TECHNIQUE_KEYS.filter((key) => key !== 'techniqueID' && key !== 'tactic' && !isEqual((now as JsonObject)[key], then[key]));
  };
  // The other fields are the same by every rule: where none gives the score, each finds the same fields edited.
  const edited = MERGE_SCORES.map(editedBy).reduce((fewest, one) => (one.length < fewest.length ? one : fewest));
  if (edited.length) {
    return { kept: `its ${edited.join(', ')} ${edited.length === 1 ? 'is' : 'are'} not what the downgrade wrote (annotated since); not split, so as not to lose that: split it by hand` };
  }
  return { entries: entries.map((original) => structuredClone(original)) };
}
