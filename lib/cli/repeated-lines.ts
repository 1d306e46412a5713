/**
 * The human output of a command whose findings or notes come many of one kind (validate's 35 revoked IDs of SRA's
 * index layer, combine's 30 entries it left out of that layer): the first few of each kind, as they come, then one
 * line saying how many more there are. `--json` and the reports keep every one.
 */

/** How many lines of one kind are listed before the rest are counted. */
export const SHOWN_PER_KIND = 3;

/**
 * How many problems of a file that does not follow its format are listed, one a line, before the rest are counted:
 * each is a place to mend, not one more of a kind, and a user mends them all at once.
 */
export const PROBLEMS_LISTED = 20;

/** How many techniques a line counting hidden ones names (`hiddenTechniques`). */
const NAMED_HIDDEN = 8;

/**
 * The lines to print for `items`: each item's `line` for the first SHOWN_PER_KIND items of its kind (`kindOf`; or
 * `shown(kind)` of them), in their order, and right after the last one shown of a kind that has more,
 * `more(item, hidden, rest)`, `rest` the items of the kind not shown.
 */
export function linesPerKind<T>(
  items: readonly T[],
  kindOf: (item: T) => string,
  line: (item: T) => string,
  more: (item: T, hidden: number, rest: readonly T[]) => string,
  shown: (kind: string) => number = () => SHOWN_PER_KIND,
): string[] {
  // Each item's kind once, and the items of each kind in one pass: combine's kinds are its messages rewritten by several
  // expressions, one message for each of the 200,000 entries a layer of unknown IDs leaves out.
  const kinds = items.map(kindOf);
  const ofKind = new Map<string, T[]>();
  items.forEach((item, i) => {
    const same = ofKind.get(kinds[i]!);
    if (same) same.push(item);
    else ofKind.set(kinds[i]!, [item]);
  });
  const seen = new Map<string, number>();
  const lines: string[] = [];
  items.forEach((item, i) => {
    const kind = kinds[i]!;
    const at = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, at);
    const limit = shown(kind);
    if (at > limit) return;
    lines.push(line(item));
    const all = ofKind.get(kind)!;
    if (at === limit && all.length > limit) lines.push(more(item, all.length - limit, all.slice(limit)));
  });
  return lines;
}

/**
 * The techniques that hidden messages of one kind are about, for the line counting them: the first technique ID of
 * each, once, in order, the first NAMED_HIDDEN of them (`T1003, T1105`; then `…`). The entries of different
 * techniques merged, or revoked IDs left out, are one kind; which techniques the hidden ones concern still matters.
 */
export function hiddenTechniques(messages: readonly string[]): string {
  const ids = [...new Set(messages.map((message) => /\b[TS]\d{4}(?:\.\d{3})?\b/.exec(message)?.[0]).filter((id): id is string => id !== undefined))];
  return ids.slice(0, NAMED_HIDDEN).join(', ') + (ids.length > NAMED_HIDDEN ? ', …' : '');
}

/**
 * The kind of a message, for messages that carry no code: its text with the places (an item's position in any list,
 * an entry's or a metadata item's), technique IDs, names in quotes or brackets and numbers of entries made alike, so
 * that `/techniques/4: T1002 (Data Compressed) is revoked; …` and `/techniques/16: T1004 (Winlogon Helper DLL) is
 * revoked; …` are of one kind, and so are the repairs of `/techniques/0/metadata/0` and `/techniques/3/metadata/2`.
 */
export function messageKind(message: string): string {
  let kind = message
    .replace(/(\/[A-Za-z]+)\/\d+/g, '$1/N')
    .replace(/\b[TS]\d{4}(?:\.\d{3})?\b/gi, 'T')
    .replace(/"[^"]*"/g, '""');
  // Brackets inside brackets (`At (Linux)`), innermost first.
  for (let before = ''; before !== kind; ) [before, kind] = [kind, kind.replace(/\([^()]*\)/g, '<>')];
  // A list of places or techniques is one, however long (`merged with /techniques/6, /techniques/7`).
  return kind.replace(/(\/techniques\/N|T(?: <>)?)(?:, \1)+/g, '$1');
}

/** The techniques of hidden lines of one kind (`hiddenTechniques`), as the line counting them names them: `, of T1003, T1105`. */
export function ofHiddenTechniques(rest: readonly string[]): string {
  const ids = hiddenTechniques(rest);
  return ids ? `, of ${ids}` : '';
}
