/**
 * Lists of a layer's metadata or links may hold dividers (`{ "divider": true }`), which Navigator shows as separators
 * between groups of items (a heatmap generator writes one group of D3FEND links per defence). Lists from several
 * entries or layers are joined here by one rule, so that no separator is lost and none is invented.
 */

/** Whether a metadata item or link is a divider. */
export function isDivider(item: object): boolean {
  return 'divider' in item;
}

/**
 * Append `items` to `into`, leaving out an item whose `key` an earlier one has (the same link from two layers).
 * A divider is kept where it separated two items that are both kept, so the list never starts or ends with one
 * and never holds two in a row; a divider in `items` before its first kept item separates it from `into`'s last.
 */
export function appendDivided<T extends object>(into: T[], items: readonly T[], key: (item: T) => string): void {
  const seen = new Set(into.filter((item) => !isDivider(item)).map(key));
  let divided = false;
  for (const item of items) {
    if (isDivider(item)) {
      divided = true;
      continue;
    }
    const itemKey = key(item);
    if (seen.has(itemKey)) continue;
    seen.add(itemKey);
    const last = into.at(-1);
    if (divided && last && !isDivider(last)) into.push({ divider: true } as T);
    into.push(item);
    divided = false;
  }
}
