import { isJsonObject } from '../json-value.js';

/**
 * The names of the metadata items attack-layers writes as bookkeeping of what it did to a layer: where an entry came
 * from, and where what it merged, removed or left out is kept. They are the tool's, not what the layer's author wrote:
 * whatever reads a layer for its annotations passes over them (`isToolItem`), as the upgrade that writes them reads them back.
 */

/** The item upgrade adds to an entry it moved to another ID, naming the ID it was written under: provenance, not an annotation. */
export const UPGRADED_FROM = 'upgraded from';
/** The same item where the target is older than the layer's release (`upgrade --to 6.3` of an ATT&CK 18 layer). */
export const DOWNGRADED_FROM = 'downgraded from';
/** The names of the provenance items an upgrade or a downgrade writes. */
export const MOVED_FROM_NAMES: readonly string[] = [UPGRADED_FROM, DOWNGRADED_FROM];

/**
 * The entry item a downgrade writes on an entry for each entry of the layer it merged into it, or moved onto it where
 * no upgrade brings it back (T1003.001 and T1003.002 of ATT&CK 18 into T1003 of 6.3): the entry as it was, so that an
 * upgrade to a release that has them writes them again (`splitEntry`). Navigator shows it as any metadata item.
 */
export const MERGED_BY_DOWNGRADE = 'merged by downgrade';

/** The name of the layer metadata items that keep what the upgrade removed. */
export const REMOVED_METADATA_NAME = 'removed by upgrade';
/** The same items where the target is older than the layer's release (`upgrade --to 6.3` of an ATT&CK 18 layer). */
export const REMOVED_BY_DOWNGRADE_NAME = 'removed by downgrade';
/** The names of the items that keep what an upgrade or a downgrade removed, which a later upgrade reads back (`takeRemoved`). */
export const REMOVED_NAMES: readonly string[] = [REMOVED_METADATA_NAME, REMOVED_BY_DOWNGRADE_NAME];

/** The name of the combined layer's metadata items that keep what `combine` left out of an input (`upgradeSources`). */
export const LEFT_OUT_METADATA_NAME = 'left out by combine';
/** The same items of the layer `compare` writes. */
export const LEFT_OUT_BY_COMPARE_NAME = 'left out by compare';

/** The combined layer's item that says an input's items of what a downgrade kept are carried, not combined. */
export const NOT_COMBINED_NAME = 'not combined';

/** Every name of an item the tool writes as bookkeeping. */
export const TOOL_ITEM_NAMES: readonly string[] = [
  ...MOVED_FROM_NAMES,
  MERGED_BY_DOWNGRADE,
  ...REMOVED_NAMES,
  LEFT_OUT_METADATA_NAME,
  LEFT_OUT_BY_COMPARE_NAME,
  NOT_COMBINED_NAME,
];

/** Whether a metadata item is one the tool wrote (`TOOL_ITEM_NAMES`), not the layer's author. */
export function isToolItem(item: unknown): boolean {
  return isJsonObject(item) && TOOL_ITEM_NAMES.includes(String(item['name']));
}
