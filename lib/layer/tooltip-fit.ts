import type { AttackIndex } from '../attack/attack-index.js';
import type { LayerMetadata, LayerTechnique } from './layer-types.js';
import { TOOLTIP, tooltipHeight, type TooltipEntry } from './tooltip-height.js';

/**
 * How an entry names a list too long for Navigator 5.1's tooltip: every item up to `all`; past it, the first `shown` and
 * `and N more (<where>)`, saying where the rest is (the gap layer's `and 79 more (the gap report lists every rule)`).
 */
export function firstOfMany(items: readonly string[], all: number, shown: number, where: string): string[] {
  if (items.length <= all) return [...items];
  return [...items.slice(0, shown), `and ${items.length - shown} more (${where})`];
}

/** The first row of a technique's tooltip, as Navigator 5.1 shows it: `Regsvr32 (T1218.010)`. */
export function tooltipTitle(id: string, index: AttackIndex): string {
  return `${index.technique(id)?.name ?? id} (${id})`;
}

/** Whether an entry's tooltip in Navigator 5.1, under `title`, fits a 1080p page (measured no further than the page). */
export const fitsPage = (entry: TooltipEntry, title: string): boolean => tooltipHeight(entry, title, TOOLTIP.page) <= TOOLTIP.page;

/** The item naming the metadata items `heldByComment` leaves out. */
export const IN_THE_COMMENT = 'in the comment';

// A value shorter than this takes a line or two of the tooltip: naming it in another item would save nothing.
const HELD_LENGTH = 60;

/**
 * The entry without the long metadata values its comment holds word for word (a campaign's analyst comment, which its
 * layer writes in both), Navigator 5.1 showing comment and metadata in one tooltip; a last item names the items left
 * out (`in the comment`: `analyst comment; analyst comment on S0229 Orz`). Their names go there rather than stay in
 * place: a long name widens the label column of the whole tooltip, narrowing every value and the comment beside it.
 */
export function heldByComment(entry: LayerTechnique): LayerTechnique {
  let comment: string | undefined;
  const held = (item: LayerMetadata): item is Extract<LayerMetadata, { name: string }> =>
    'name' in item && item.value.length >= HELD_LENGTH && (comment ??= (entry.comment ?? '').replace(/\s+/g, ' ')).includes(item.value.replace(/\s+/g, ' '));
  const names = [...new Set((entry.metadata ?? []).filter(held).map((item) => item.name))];
  if (!names.length) return entry;
  return { ...entry, metadata: [...entry.metadata!.filter((item) => !held(item)), { name: IN_THE_COMMENT, value: names.join('; ') }] };
}

/**
 * The first of an entry's forms, fullest first, whose tooltip fits a 1080p page in Navigator 5.1 (which never cuts or
 * scrolls one: past the page the rest cannot be read); an entry that fits as it is stays as it is, byte for byte.
 * When none fits, the last form cut to the page (`cutToPage`), saying that `where` has the rest. Each shorter form says
 * in the entry where what it leaves out is.
 */
export function fittedEntry(title: string, forms: ReadonlyArray<() => LayerTechnique>, where: string): LayerTechnique {
  let entry: LayerTechnique | undefined;
  for (const form of forms) {
    entry = form();
    if (fitsPage(entry, title)) return entry;
  }
  if (!entry) throw new Error('fittedEntry needs at least one form of the entry');
  return cutToPage(entry, title, where);
}

/** Comment rows longer than this share of the page are cut, so that the metadata keeps the rest. */
const COMMENT_SHARE = 0.5;

/**
 * The entry cut to a 1080p page: its comment, past half the page, after its first lines that fit with `and N more
 * lines (<where>)` (a comment of one line: at a word, with `… (cut to fit Navigator's tooltip: <where>)`), then its
 * metadata after the first items that fit, counted in a last `not shown` item naming `where`.
 */
function cutToPage(entry: LayerTechnique, title: string, where: string): LayerTechnique {
  const cut: LayerTechnique = { ...entry };
  const within = (text: string): boolean => tooltipHeight({ ...entry, comment: text, metadata: [] }, title, TOOLTIP.page * COMMENT_SHARE) <= TOOLTIP.page * COMMENT_SHARE;
  if (entry.comment && !within(entry.comment)) {
    const lines = entry.comment.split('\n');
    const first = (n: number): string => [...lines.slice(0, n), `and ${lines.length - n} more lines (${where})`].join('\n');
    // Each line takes a row at least, each word a character and a space: no more of either fit half a page (what a
    // technique reported 200,000 times writes, 16 MB of comment, is not searched whole).
    const rows = Math.ceil((TOOLTIP.page * COMMENT_SHARE) / TOOLTIP.line);
    const kept = largest(Math.min(lines.length - 1, rows), (n) => within(first(n)));
    if (kept > 0) cut.comment = first(kept);
    else {
      const words = entry.comment.slice(0, rows * TOOLTIP.width).split(/(?<=\s)(?=\S)/);
      const upTo = (n: number): string => `${words.slice(0, n).join('').trimEnd()}… (cut to fit Navigator's tooltip: ${where})`;
      cut.comment = upTo(largest(Math.min(words.length - 1, (rows * TOOLTIP.width) / 2), (n) => within(upTo(n))));
    }
  }
  if (fitsPage(cut, title)) return cut;
  const items = entry.metadata ?? [];
  // Counted once: the search below tries a dozen cuts of an entry that may have 600,000 items.
  const named = items.filter((item) => !('divider' in item)).length;
  const kept = (n: number): LayerMetadata[] => {
    const first = items.slice(0, n);
    const more = named - first.filter((item) => !('divider' in item)).length;
    while (first.length && 'divider' in first[first.length - 1]!) first.pop();
    return [...first, { name: 'not shown', value: `${more} more metadata ${more === 1 ? 'item' : 'items'} (${where})` }];
  };
  // An item is 1px at least (a divider): no more than the page's pixels fit.
  return { ...cut, metadata: kept(largest(Math.min(items.length - 1, TOOLTIP.page), (n) => fitsPage({ ...cut, metadata: kept(n) }, title))) };
}

/** The largest n in 0..max for which `ok(n)` holds, `ok` holding for every n below one it holds for (0 when none). */
function largest(max: number, ok: (n: number) => boolean): number {
  let [low, high] = [0, Math.max(0, max)];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ok(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}
