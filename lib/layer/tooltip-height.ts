/**
 * The height of an entry's tooltip in Navigator 5.1, estimated from its source (nav-app tooltip.component.html and .scss,
 * cell-popover.scss, mitre-attack/attack-navigator): a table 300px wide at most (6px padding), 8pt text (~12.8px a
 * line, ~5.3px a character), cells padded 3px, the label column never wrapped; rows: the technique's name, the score,
 * the comment, then every metadata item (a divider a 1px rule). Nothing is cut or scrolled, and the tooltip leaves
 * when the pointer does: an entry taller than a 1080p browser's page (about 950px) cannot be read to its end. The
 * budget is that whole page; a cell low on the screen has less. 3,000 characters of comment are about 70 lines.
 * scripts/audit-layer-writers.mjs holds every writer's layers to it.
 */
export const TOOLTIP = { width: 288, pad: 6, line: 12.8, char: 5.3, page: 950 } as const;

/** An entry as the tooltip reads it. */
export interface TooltipEntry {
  score?: unknown;
  comment?: string;
  metadata?: ReadonlyArray<{ name?: string; value?: string; divider?: boolean }>;
}

// JavaScript's white space (`\s`): the characters Navigator's white-space: normal collapses, and `\S+` words end at.
function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

// White space is collapsed (white-space: normal): a comment's line breaks are spaces there; a word wider than the cell
// overflows it on one line. Counting stops past `most` lines. Read character by character, and not at all when the
// text is no longer than a line (collapsing only shortens it): render measures every entry of every layer it writes.
function wrappedLines(text: string, chars: number, most = Infinity): number {
  if (text.length <= chars) return 1;
  let lines = 1;
  let used = 0;
  for (let at = 0; at < text.length; ) {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    if (at === text.length) break;
    const start = at;
    while (at < text.length && !isSpace(text.charCodeAt(at))) at++;
    const word = at - start;
    if (used && used + 1 + word > chars) {
      lines++;
      used = word;
      if (lines > most) break;
    } else used += (used ? 1 : 0) + word;
  }
  return lines;
}

/**
 * The estimated height (px) of the tooltip Navigator 5.1 shows over an entry of the technique named `name`; past
 * `limit`, some height past it (an entry of 200,000 references is not measured whole to know it is too tall).
 */
export function tooltipHeight(entry: TooltipEntry, name: string, limit = Infinity): number {
  const items = entry.metadata ?? [];
  // The longest label, with its colon (`Score:`, `Comment:`, each item's name): counted in a loop, as an entry of
  // 200,000 references has more items than a call takes arguments, and lists of them are what fitting it measures most.
  let longest = entry.comment ? 'Comment:'.length : 'Score:'.length;
  for (const m of items) if (!m.divider) longest = Math.max(longest, String(m.name).length + 1);
  const labelPx = longest * TOOLTIP.char + TOOLTIP.pad;
  const chars = Math.max(10, Math.floor((TOOLTIP.width - labelPx - TOOLTIP.pad) / TOOLTIP.char));
  let px = 0;
  const row = (text: string, width = chars): number => wrappedLines(text, width, Math.ceil((limit - px) / TOOLTIP.line) + 1) * TOOLTIP.line + TOOLTIP.pad;
  px = 2 * TOOLTIP.pad + row(name, Math.floor((TOOLTIP.width - TOOLTIP.pad) / TOOLTIP.char));
  if (entry.score !== undefined) px += row(String(entry.score));
  if (entry.comment) px += row(entry.comment);
  for (const m of items) {
    if (px > limit) break;
    px += m.divider ? 1 : row(String(m.value));
  }
  return Math.round(px);
}
