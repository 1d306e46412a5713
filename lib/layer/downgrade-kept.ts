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
import { TOOLTIP, tooltipHeight, type TooltipEntry } from './tooltip-height.js';
import { fitsPage } from './tooltip-fit.js';


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
 * Whether a removed entry kept (in an item named `name`) can be written again in `target`: `restorable`, or, kept by a
 * downgrade, of a technique `target` revoked into one it has (T1504 PowerShell Profile of 6.3, T1546.013 of 8.2
 * downgraded, removed by a downgrade to 3.0, is revoked into T1546.013 in 18.1): the upgrade moves it as it moves any
 * entry of a revoked technique, back to the ID it had. An upgrade's removed entries stay: it removed them being revoked.
 */
function writableAgain(entry: JsonObject, target: AttackIndex, name: string): boolean {
  const id = entry['techniqueID'];
  const record = typeof id === 'string' ? target.technique(id) : undefined;
  const revokedInto = name === REMOVED_BY_DOWNGRADE_NAME && !!record?.revoked && !!target.revocationChain(record).final;
  return restorable(entry, target) || revokedInto;
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
 * `target` can show as they were (`restorable`), or upgrade (`writableAgain`): the techniques a downgrade to 6.3
 * removed (T1560), in an upgrade back to 18.1. Returns each with its position in the metadata; the divider written before the items goes when it ends the list.
 */
export function takeRemoved(layer: JsonObject, names: readonly string[], target: AttackIndex): Array<{ entry: JsonObject; at: number; name: string }> {
  const metadata = Array.isArray(layer['metadata']) ? layer['metadata'] : [];
  const taken: Array<{ entry: JsonObject; at: number; name: string }> = [];
  metadata.forEach((item, at) => {
    if (!isJsonObject(item) || !names.includes(String(item['name']))) return;
    const entry = keptEntry(item['value']);
    if (entry && writableAgain(entry, target, String(item['name'])) && inFormat(entry, target)) taken.push({ entry, at, name: String(item['name']) });
  });
  dropItems(layer, taken.map(({ at }) => at));
  return taken;
}

/**
 * Take the items at `positions` out of the layer's metadata: the dividers written before such items (`keepRemoved`)
 * go too when they then end the list, and the metadata when nothing is left, as before the items were written.
 */
function dropItems(layer: JsonObject, positions: readonly number[]): void {
  if (!positions.length) return;
  const metadata = Array.isArray(layer['metadata']) ? layer['metadata'] : [];
  const left = metadata.filter((_, at) => !positions.includes(at));
  // Each downgrade wrote a divider before its items (18.1 -> 8.2 -> 6.3 wrote two): each that now ends the list goes.
  const after = Math.max(...positions);
  for (let last = left.at(-1); isJsonObject(last) && last['divider'] === true && metadata.indexOf(last) < after; last = left.at(-1)) left.pop();
  if (left.length) layer['metadata'] = left;
  else delete layer['metadata'];
}

/** One entry a downgrade merged or moved, as it was, with where it was and the ID it had. */
export interface MergedEntry {
  entry: JsonObject;
  path: string;
  origin: string;
}

/**
 * The layer's `MERGED_BY_DOWNGRADE` items that keep the entries a downgrade merged or moved, each as it was, from
 * release `from` to `to` (`into`: the technique they were written into). They are the layer's, not the entry's: on the
 * entry, Navigator shows every metadata item in its tooltip, and the entries kept whole there (T1027 of 6.3 holding
 * eight entries of 18.1, with their procedures) made it four 1080p pages tall. The layer's metadata Navigator keeps
 * on load and save, and shows in no tooltip. The entry names each in a row of its own (`mergedRows`).
 */
export function mergedItems(merged: readonly MergedEntry[], into: string, from: string, to: string): JsonObject[] {
  const how = merged.length > 1 ? 'merged' : 'moved';
  return merged.map(({ entry, path, origin }) => ({
    name: MERGED_BY_DOWNGRADE,
    value: keptEntryText(`${path}: ${origin} of ${from}, ${how} into ${into} of ${to}; an upgrade to a release that has ${origin} writes it again`, entry),
  }));
}

// How a row names the entry it stands for (`T1003.001 (/techniques/2)`): the ID and the place the entry had, which is
// how its layer item begins (`/techniques/2: T1003.001 of …`).
const ROW = /^(\S+) \((\/\S*)\)/;

/** How much of each merged entry's comment a row gives when the entry is too tall to show them whole, longest first. */
const ROW_COMMENT_CHARS = [240, 120, 60, 0] as const;

/** `text` on one line, cut after a word to at most `chars` characters, with an ellipsis where it was cut. */
function startOf(text: string, chars: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= chars) return line;
  const cut = line.slice(0, chars);
  const space = cut.lastIndexOf(' ');
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

/**
 * The rows a downgrade writes on an entry, one for each entry it merged into it, naming the entry (its ID and place) and
 * where it is kept whole (`mergedItems`): `T1003.001 (/techniques/2)`. With `chars`, where the entry written shows
 * neither their comments nor their metadata (`downgradedEntry`), each row gives the entry's score and the start of its
 * comment: `T1027.006 (/techniques/27): score 1; used by 1 of 5: APT29 (G0016) | …`.
 */
function mergedRows(merged: readonly MergedEntry[], chars?: number): JsonObject[] {
  return merged.map(({ entry, path, origin }) => {
    const score = entry['score'] === undefined ? [] : [`score ${JSON.stringify(entry['score'])}`];
    const comment = typeof entry['comment'] === 'string' && chars ? [startOf(entry['comment'], chars)].filter(Boolean) : [];
    const about = chars === undefined ? '' : [...score, ...comment].join('; ');
    return { name: MERGED_BY_DOWNGRADE, value: `${origin} (${path})${about ? `: ${about}` : ''}` };
  });
}

/** The entry without the comment and metadata of the entries merged into it: what a row per entry stands for. */
function withoutMergedText(entry: JsonObject): JsonObject {
  const { comment: _comment, metadata: _metadata, ...rest } = entry;
  return rest;
}

/**
 * The entry a downgrade writes for `merged`, merged into `full` (as `mergeEntries` merges them): `full`, then a row per
 * entry (`mergedRows`), when its tooltip in Navigator 5.1 (`tooltipHeight`, over `name`, the technique's name) fits a
 * 1080p page; else, the comment and metadata they gave left out (kept whole in the layer's items), a row per entry
 * giving its score and as much of its comment as lets the tooltip fit (none, when nothing else does). Score, colour,
 * links and the rest are `full`'s. `height` says how tall `full` would have been, where it was left out.
 */
export function downgradedEntry(full: JsonObject, merged: readonly MergedEntry[], name: string): { entry: JsonObject; height?: number } {
  const whole = { ...full, metadata: [...(Array.isArray(full['metadata']) ? full['metadata'] : []), ...mergedRows(merged)] };
  const height = tooltipHeight(whole as TooltipEntry, name);
  if (height <= TOOLTIP.page) return { entry: whole };
  const forms = ROW_COMMENT_CHARS.map((chars) => ({ ...withoutMergedText(full), metadata: mergedRows(merged, chars) }));
  return { entry: forms.find((form) => fitsPage(form as TooltipEntry, name)) ?? forms.at(-1)!, height };
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

/** What `splitEntry` found: the entries to write instead, or why the entry stays as it is; and the layer's items it read. */
export type Split = ({ entries: JsonObject[]; releases: Array<string | undefined> } | { kept: string }) & { items: readonly JsonObject[] };

/** One of the layer's `MERGED_BY_DOWNGRADE` items (`mergedItems`), with the place and ID of the entry it keeps. */
export interface MergedItem {
  item: JsonObject;
  path: string;
  id: string;
  /** The release of the entry kept, and the release it was merged into (`enterprise-attack 18.1`, `… 8.2`). */
  from?: string;
  into?: string;
}

/** The layer's `MERGED_BY_DOWNGRADE` items (`mergedItems`: `/techniques/2: T1003.001 of …. The entry was: {…}`). */
export function mergedLayerItems(layer: JsonObject): MergedItem[] {
  const metadata = Array.isArray(layer['metadata']) ? layer['metadata'] : [];
  return metadata.flatMap((item) => {
    const named = isJsonObject(item) && item['name'] === MERGED_BY_DOWNGRADE ? /^(\/\S*): (\S+) of /.exec(String(item['value'])) : null;
    const releases = /^\/\S*: \S+ of (.+?), (?:merged|moved) into \S+ of (.+?); /.exec(String(named?.input));
    return named ? [{ item: item as JsonObject, path: named[1]!, id: named[2]!, ...(releases ? { from: releases[1]!, into: releases[2]! } : {}) }] : [];
  });
}

/**
 * The layer's item a row of an entry under `tactic` names (`T1003.001 (/techniques/2)`, `mergedRows`). The entry written
 * under each tactic of an entry without one names the same item; of two entries from one place (a tactic list the
 * repair split), the one under the entry's tactic; else the last written.
 */
function rowItem(row: unknown, items: readonly MergedItem[], tactic: unknown, release: string | undefined): MergedItem | undefined {
  const named = ROW.exec(String(row));
  const all = items.filter((kept) => kept.path === named?.[2] && kept.id === named[1]);
  // Two downgrades in a row each number the entries of their own layer: /techniques/23 was T1027 of 18.1 and of 14.1.
  const inRelease = all.filter((kept) => kept.into === release);
  // Else the latest downgrade's: an entry it left as it was (T1027 of 8.2 in 6.3) holds the rows of the one before.
  const found = (inRelease.length ? inRelease : all).reverse();
  return found.find((kept) => keptEntry(kept.item['value'])?.['tactic'] === tactic) ?? found[0];
}

/** The `MERGED_BY_DOWNGRADE` rows among `metadata`. */
function mergedRowsIn(metadata: readonly unknown[]): JsonObject[] {
  return metadata.filter((item): item is JsonObject => isJsonObject(item) && item['name'] === MERGED_BY_DOWNGRADE);
}

/**
 * The rows of an entry's `metadata` that name the entries the last downgrade merged into it (`mergedRows`), each kept
 * whole in its row or in one of the layer's items (`items`). Each of those entries, as kept, holds the rows of an
 * earlier downgrade's merge, which the merge wrote on the entry too: 18.1 -> 8.2 -> 6.3 gave T1059 of 6.3 the rows of
 * T1059 and T1059.009 of 18.1 (merged in 8.2) beside those of T1059 and T1059.006 of 8.2; the first are T1059 of 8.2's.
 */
function lastMergeRows(metadata: readonly unknown[], items: readonly MergedItem[], tactic: unknown, release: string | undefined): JsonObject[] {
  const rows = mergedRowsIn(metadata);
  const earlier = [...new Set(rows.map((row) => String(row['value'])))].flatMap((value) => {
    const original = keptEntry(value) ?? keptEntry(rowItem(value, items, tactic, release)?.item['value']);
    return mergedRowsIn(Array.isArray(original?.['metadata']) ? original['metadata'] : []).map((inner) => String(inner['value']));
  });
  // The merge wrote its own rows last: a row of the same words (`T1021 (/techniques/17)`, 18.1's and 12.1's) is the
  // earlier downgrade's where it comes first. Each earlier row takes out the first row of its words.
  const last = [...rows];
  for (const value of earlier) {
    const at = last.findIndex((row) => String(row['value']) === value);
    if (at >= 0) last.splice(at, 1);
  }
  return last;
}

/**
 * The entries a downgrade merged into `entry`, to write again in its place, each as it was, when `target` has every one
 * of their techniques and the entry still holds what the downgrade wrote from them. Its `MERGED_BY_DOWNGRADE` rows name
 * them, each kept whole in one of the layer's items (`items`, `mergedLayerItems`); a layer downgraded before held them
 * whole in the rows themselves, which are read as they were. An entry annotated since (a score raised in the older
 * release) stays as it is, with its rows: splitting it would lose that annotation. Undefined when the entry has no
 * such rows. `movedFrom` and `attributed` are those the downgrade wrote with (its provenance item's name, which comment
 * prefixes name the entry). Its merge rule (`--merge-score`) is written nowhere, and only the score depends on it: the
 * entry holds what the downgrade wrote when any rule gives it (T1003 of 6.3 scored 12, the sum of T1003 and T1003.001
 * to T1003.004 of 18.1 scored 2, 3, 4, 1 and 2, is split again as one scored 4, their highest, is), in either form
 * `downgradedEntry` writes (their comments and metadata on the entry, or left out for their rows). `release`: the entry's
 * (the layer's, or that of an entry split before), whose merge's items its rows name; `releases`: each entry's.
 */
export function splitEntry(
  entry: JsonObject,
  items: readonly MergedItem[],
  target: AttackIndex,
  movedFrom: string,
  attributed: (prefix: string) => boolean,
  release?: string,
): Split | undefined {
  const metadata = Array.isArray(entry['metadata']) ? entry['metadata'] : [];
  const rows = lastMergeRows(metadata, items, entry['tactic'], release);
  if (!rows.length) return undefined;
  const inline = rows.map((row) => keptEntry(row['value']));
  const whole = inline.every((original) => original !== undefined);
  const named = whole ? [] : rows.map((row) => rowItem(row['value'], items, entry['tactic'], release));
  const read = named.filter((item): item is MergedItem => item !== undefined).map(({ item }) => item);
  const unkept = rows.filter((_, at) => !whole && !named[at]).map((row) => String(row['value']));
  if (unkept.length) return { kept: `its "${MERGED_BY_DOWNGRADE}" row ${firstFew(unkept, 1)} names no entry the layer's "${MERGED_BY_DOWNGRADE}" items keep; not split`, items: read };
  const originals = whole ? inline : read.map((item) => keptEntry(item['value']));
  if (originals.some((original) => original === undefined || !inFormat(original, target, true))) {
    return { kept: `a "${MERGED_BY_DOWNGRADE}" item holds no entry of format 4.5 that can be read; not split`, items: read };
  }
  const entries = originals as JsonObject[];
  const missing = entries.filter((original) => !restorable(original, target)).map((original) => String(original['techniqueID']));
  if (missing.length) return { kept: `${[...new Set(missing)].join(', ')} ${missing.length === 1 ? 'is no technique' : 'are no techniques'} of ${target.label}; not split`, items: read };
  const now = { ...entry, metadata: metadata.filter((item) => !rows.includes(item as JsonObject)) };
  if (!now.metadata.length) delete (now as JsonObject)['metadata'];
  const editedBy = (rule: MergeScore): string[] => {
    const then = asDowngraded(entries, entry, movedFrom, rule, attributed);
    const forms = whole ? [then] : [then, withoutMergedText(then)];
    return forms
      .map((form) => TECHNIQUE_KEYS.filter((key) => key !== 'techniqueID' && key !== 'tactic' && !isEqual((now as JsonObject)[key], form[key])))
      .reduce((fewest, one) => (one.length < fewest.length ? one : fewest));
  };
  // The other fields are the same by every rule: where none gives the score, each finds the same fields edited.
  const edited = MERGE_SCORES.map(editedBy).reduce((fewest, one) => (one.length < fewest.length ? one : fewest));
  if (edited.length) {
    return {
      kept: `its ${edited.join(', ')} ${edited.length === 1 ? 'is' : 'are'} not what the downgrade wrote (annotated since); not split, so as not to lose that: split it by hand`,
      items: read,
    };
  }
  return { entries: entries.map((original) => structuredClone(original)), releases: named.map((item) => item?.from), items: read };
}

/**
 * Take out of the layer's metadata its `MERGED_BY_DOWNGRADE` items that only entries split again read (`split`), those
 * an entry left merged reads (`kept`) staying: the divider written before such items goes too when it then ends the
 * list, as `takeRemoved`'s.
 */
export function dropMergedItems(layer: JsonObject, split: readonly JsonObject[], kept: readonly JsonObject[]): void {
  const metadata = Array.isArray(layer['metadata']) ? layer['metadata'] : [];
  dropItems(layer, metadata.flatMap((item, at) => (split.includes(item as JsonObject) && !kept.includes(item as JsonObject) ? [at] : [])));
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
  // Downgrades in a row each keep the gradient they widened (0..5 -> 0..8 in 12.1, 0..8 -> 0..13 in 6.3): the first keeps it as it was.
  const kepts = metadata.flatMap((item, at) => (isJsonObject(item) && item['name'] === REMOVED_BY_DOWNGRADE_NAME && String(item['value']).startsWith('/gradient: ') ? [at] : []));
  const at = kepts[0] ?? -1;
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
  dropItems(layer, kepts);
  return `${rangeText(now)} -> ${rangeText(kept)}, as it was before a downgrade widened it to hold the sums of the merges split again (${listed}); its "${REMOVED_BY_DOWNGRADE_NAME}" ${kepts.length === 1 ? 'item' : `items (one per downgrade, ${kepts.length})`} taken out`;
}
