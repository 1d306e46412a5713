/** The first `shown` items, separated by commas, then "and N more" for the rest (`T1059, T1003, T1021 and 2 more`). */
export function firstFew(items: readonly string[], shown = 3): string {
  return `${items.slice(0, shown).join(', ')}${items.length > shown ? ` and ${items.length - shown} more` : ''}`;
}

/** The first `shown` items, separated by commas, then an ellipsis when there are more (`T0800, T0801, T0802, …`). */
export function firstElided(items: readonly string[], shown = 3): string {
  return `${items.slice(0, shown).join(', ')}${items.length > shown ? ', …' : ''}`;
}
