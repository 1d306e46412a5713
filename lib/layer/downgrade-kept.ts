import isEqual from 'lodash-es/isEqual.js';
import type { AttackIndex } from '../attack/attack-index.js';
import { isJsonObject, type JsonObject } from '../json-value.js';
import { firstFew } from '../short-list.js';
import { mergeEntries } from './merge-entries.js';
import { MERGE_SCORES, type MergeScore } from './merge-scores.js';
import { schemaIssues } from '../schemas.js';
import { TECHNIQUE_KEYS } from './serialize-layer.js';
import { gradientRange, rangeText, sumsOffRange, type SummedScore } from './score-range.js';
import { MERGED_BY_DOWNGRADE, REMOVED_BY_DOWNGRADE_NAME } from './tool-items.js';


/**
 * A kept item's text: why it was kept, then what was kept (`The entry`, `It`: a part of one, `The gradient`) as it
 * was, in JSON, which `keptValue` reads back.
 */
export function keptText(why: string, what: string, was: unknown): string {
  return `${why}. ${what} was: ${JSON.stringify(was)}`;
}

/** What a kept item's value holds after `<why>. <what> was: ` (`keptText`), else undefined. */
export function keptValue(value: unknown, what: string): unknown {
  const was = `. ${what} was: `;
  if (typeof value !== 'string') return undefined;
  const at = value.indexOf(was);
  if (at < 0) return undefined;
  try {
    return JSON.parse(value.slice(at + was.length)) as unknown;
  } catch {
    return undefined;
  }
}

/** A kept entry's text: why it was kept, then the entry as it was, which `keptEntry` reads back. */
export function keptEntryText(why: string, entry: unknown): string {
  return keptText(why, 'The entry', entry);
}

/** The entry a kept item's value holds (`<why>. The entry was: {…}`, as `keptEntryText` and upgrade's removed items write it), else undefined. */
export function keptEntry(value: unknown): JsonObject | undefined {
  const entry = keptValue(value, 'The entry');
  return isJsonObject(entry) ? entry : undefined;
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
  dropItems(layer, taken.map(({ at }) => at));
  return taken;
}

/**
 * Take the items at `positions` out of the layer's metadata: the divider written before such items (`keepRemoved`)
 * goes too when it then ends the list, and the metadata when nothing is left, as before the items were written.
 */
function dropItems(layer: JsonObject, positions: readonly number[]): void {
  if (!positions.length) return;
  const metadata = Array.isArray(layer['metadata']) ? layer['metadata'] : [];
  const left = metadata.filter((_, at) => !positions.includes(at));
  const last = left.at(-1);
  if (isJsonObject(last) && last['divider'] === true && metadata.indexOf(last) < Math.min(...positions)) left.pop();
  if (left.length) layer['metadata'] = left;
  else delete layer['metadata'];
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

/** How the `REMOVED_BY_DOWNGRADE_NAME` item that keeps the gradient a downgrade widened (`keepRemoved`) says what it keeps. */
export const GRADIENT_WAS = 'The gradient';

/**
 * The gradient a downgrade widened to hold sums of the entries it merged (its `REMOVED_BY_DOWNGRADE_NAME` item, path
 * `/gradient`, keeps it as it was), written back once those merges are split again (`split`: each sum, with the scores
 * it added): 18.1's T1003.001 3 and T1003.002 2 on 0..3, merged into T1003 5 of 6.3 on 0..5, are 0..3 again in 18.1.
 * Only when the gradient is what the downgrade wrote for them: one changed since, or widened for a merge not split
 * (annotated since), stays as it is, with its item. Returns the change in words, or undefined when no item is
 * concerned.
 */
export function restoreGradient(layer: JsonObject, split: readonly SummedScore[]): string | undefined {
  const metadata = Array.isArray(layer['metadata']) ? layer['metadata'] : [];
  const at = metadata.findIndex((item) => isJsonObject(item) && item['name'] === REMOVED_BY_DOWNGRADE_NAME && String(item['value']).startsWith('/gradient: '));
  const was = at < 0 ? undefined : keptValue((metadata[at] as JsonObject)['value'], GRADIENT_WAS);
  const gradient = layer['gradient'];
  const kept = isJsonObject(was) ? gradientRange({ gradient: was }) : undefined;
  const now = gradientRange(layer);
  if (!isJsonObject(was) || !isJsonObject(gradient) || !kept || !now) return undefined;
  const { off, widened } = sumsOffRange(kept, split);
  if (!off.length) return undefined;
  const ends = (object: JsonObject): JsonObject => ({ ...object, minValue: null, maxValue: null });
  const listed = firstFew(off.map(({ where, score, from }) => `${where} ${score} = ${from.join(' + ')}`));
  if (!isEqual(ends(gradient), ends(was)) || !isEqual(now, widened)) {
    return (
      `${rangeText(now)} kept, not narrowed to ${rangeText(kept)}, the gradient before a downgrade widened it to ${rangeText(widened)} for the merges ` +
      `split again (${listed}): changed since, or widened for a merge not split; its "${REMOVED_BY_DOWNGRADE_NAME}" item kept; narrow it by hand where no score needs it`
    );
  }
  gradient['minValue'] = kept.minValue;
  gradient['maxValue'] = kept.maxValue;
  dropItems(layer, [at]);
  return `${rangeText(now)} -> ${rangeText(kept)}, as it was before a downgrade widened it to hold the sums of the merges split again (${listed}); its "${REMOVED_BY_DOWNGRADE_NAME}" item taken out`;
}
