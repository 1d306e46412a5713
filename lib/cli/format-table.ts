import type { CliContext } from './context.js';
import { charWidth, displayWidth } from '../display-width.js';
import { colored, isDumbTerminal } from './terminal-text.js';

/** How a table is laid out for its reader. */
export interface TableStyle {
  /** The terminal's width: text columns are cut to fit it. Undefined when stdout is not a terminal: full text. */
  width?: number;
  /** Whether cells may be coloured (a terminal, and NO_COLOR not set). */
  color: boolean;
}

/** Options of one table. */
export interface TableOptions {
  /** The columns of free text, which may be cut (with …) to fit the width; IDs and statuses never are. */
  flexible?: readonly number[];
  /** The SGR colour code of a cell (`31` red), for a terminal. */
  colorOf?: (text: string, column: number) => string | undefined;
}

/** Below this many characters a text column is not cut further; the line is left longer than the terminal. */
const MIN_FLEXIBLE = 12;

/** The table style of a run's stdout: its width and colour when it is a terminal (https://no-color.org; not TERM=dumb). */
export function tableStyle(context: CliContext): TableStyle {
  const terminal = context.stdout.isTTY === true;
  return { width: terminal ? context.stdout.columns : undefined, color: terminal && !context.env['NO_COLOR'] && !isDumbTerminal(context.env) };
}

/**
 * Format rows as an aligned plain-text table (aligned by the columns a terminal draws: a Japanese name's characters
 * take two each) with a header, for people (JSON is for machines): one line per row,
 * cut to the terminal's width by shortening the free-text columns only, coloured on a terminal.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  style: TableStyle = { color: false },
  options: TableOptions = {},
): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => (cell === undefined || cell === null ? '' : String(cell).replace(/\s+/g, ' ').trim())));
  // One by one: a table of 200,000 rows is more than a call takes arguments.
  const widths = header.map((_, i) => cells.reduce((width, row) => Math.max(width, displayWidth(row[i] ?? '')), 0));
  const flexible = options.flexible ?? [];
  const total = (): number => widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1);
  if (style.width) {
    // Shorten the widest text column, one character at a time, until the table fits or none can give more.
    while (total() > style.width) {
      const widest = flexible.filter((i) => widths[i]! > Math.max(MIN_FLEXIBLE, header[i]!.length)).sort((a, b) => widths[b]! - widths[a]!)[0];
      if (widest === undefined) break;
      widths[widest]! -= 1;
    }
  }
  const paint = (text: string, code: string | undefined): string => (style.color && code ? colored(text, code) : text);
  return (
    cells
      .map((row, r) =>
        row
          .map((cell, i) => {
            const fitted = fit(cell, widths[i]!);
            const padded = i === row.length - 1 ? fitted : `${fitted}${' '.repeat(Math.max(0, widths[i]! - displayWidth(fitted)))}`;
            return r === 0 ? paint(padded, '1') : paint(padded, options.colorOf?.(cell, i));
          })
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/**
 * A line folded at spaces into lines of at most `width` characters, each after the first indented by `indent` spaces:
 * for free text on a terminal, where a long line wraps at any character back to the first column. A word longer than
 * the room left on its line (a URL, a path, a hash) is cut to it, with …, down to MIN_FLEXIBLE characters.
 */
export function foldLine(line: string, width: number, indent: number): string[] {
  const lead = line.length - line.trimStart().length;
  const lines: string[] = [];
  let current = line.slice(0, lead);
  let bare = true;
  for (const word of line.slice(lead).split(/ +/)) {
    if (!bare && displayWidth(current) + 1 + displayWidth(word) > width) {
      lines.push(current);
      current = ' '.repeat(indent);
      bare = true;
    }
    current += bare ? fit(word, Math.max(MIN_FLEXIBLE, width - displayWidth(current))) : ` ${word}`;
    bare = false;
  }
  return [...lines, current];
}

/**
 * A line of a fixed start, a free text and a fixed end (`  1. T1548.002 `, a technique's name, `  score 100`) in at
 * most `width` characters: the text cut with … where the line is longer, down to MIN_FLEXIBLE characters; the fixed
 * parts never are.
 */
export function fitBetween(start: string, text: string, end: string, width: number): string {
  return `${start}${fit(text, Math.max(MIN_FLEXIBLE, width - displayWidth(start) - displayWidth(end)))}${end}`;
}

/** A cell cut to `width` columns, with … when cut (a wide character that would pass the … is left out with the rest). */
function fit(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let cut = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char);
    if (used + w > width - 1) break;
    cut += char;
    used += w;
  }
  return `${cut}…`;
}

/** Terminal colours of the statuses tables show: settled green, changed yellow, unplaced red. */
export function statusColor(status: string): string | undefined {
  if (['current', 'attributed', 'campaign', 'name'].includes(status)) return '32';
  if (['revoked', 'renamed', 'fuzzy', 'related', 'inferred'].includes(status)) return '33';
  if (['unknown', 'other domain', 'ambiguous', 'deprecated', 'new'].includes(status)) return '31';
  return undefined;
}
