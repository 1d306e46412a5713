/**
 * Lists of a layer's metadata or links may hold dividers (`{ "divider": true }`), which Navigator shows as separators
 * between groups of items (a heatmap generator writes one group of D3FEND links per defence; CTID's Mappings
 * Explorer writes one group of metadata per capability). Lists from several entries or layers are joined here by one
 * rule, so that no separator is lost and none is invented.
 */

/** Whether a metadata item or link is a divider. */
export function isDivider(item: object): boolean {
  return 'divider' in item;
}

/**
 * What counts as a duplicate: an item (a link, merged by URL), or a group of items between dividers when the list
 * has dividers (metadata, where a group is one record, such as a capability, its category and its value: an item
 * alone that another group also holds, `category: detect`, is no duplicate of that record).
 */
export type DuplicateUnit = 'item' | 'group';

/** The runs of items between dividers, each with whether a divider came before it. */
function groupsOf<T extends object>(list: readonly T[]): Array<{ items: T[]; divided: boolean }> {
  const groups: Array<{ items: T[]; divided: boolean }> = [];
  let divided = false;
  for (const item of list) {
    if (isDivider(item)) {
      divided = true;
      continue;
    }
    const last = groups.at(-1);
    if (last && !divided) last.items.push(item);
    else groups.push({ items: [item], divided });
    divided = false;
  }
  return groups;
}

/** Whether `group` (keys) is a run of `within` (keys): a group another one holds in a row adds nothing to it. */
function holdsRun(within: readonly string[], group: readonly string[]): boolean {
  for (let start = 0; start + group.length <= within.length; start++) {
    if (group.every((key, i) => within[start + i] === key)) return true;
  }
  return false;
}

/**
 * Append `items` to `into`, leaving out an item whose `key` an earlier one has (the same link from two layers), or,
 * by `unit: 'group'` when `items` has dividers, a group whose items an earlier group holds in a row (the same group
 * again, or after the item `combine` puts before a layer's metadata).
 * A divider is kept where it separated two items that are both kept, so the list never starts or ends with one
 * and never holds two in a row; a divider in `items` before its first kept item separates it from `into`'s last.
 */
export function appendDivided<T extends object>(into: T[], items: readonly T[], key: (item: T) => string, unit: DuplicateUnit = 'item'): void {
  const byGroup = unit === 'group' && items.some(isDivider);
  // Each group of items is taken whole, or, by item, as groups of one.
  const groups = groupsOf(items).flatMap((group) =>
    byGroup ? [group] : group.items.map((item, i) => ({ items: [item], divided: i === 0 && group.divided })),
  );
  const seen = new Set(into.filter((item) => !isDivider(item)).map(key));
  let divided = false;
  for (const group of groups) {
    divided ||= group.divided;
    const keys = group.items.map(key);
    if (byGroup ? groupsOf(into).some((kept) => holdsRun(kept.items.map(key), keys)) : seen.has(keys[0] as string)) continue;
    for (const itemKey of keys) seen.add(itemKey);
    const last = into.at(-1);
    if (divided && last && !isDivider(last)) into.push({ divider: true } as T);
    into.push(...group.items);
    divided = false;
  }
}
