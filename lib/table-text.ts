// The one place where text from input becomes CSV or Markdown. Every CSV field and every piece of Markdown made from
// input (names, descriptions, comments, file names, messages) goes through these functions, never through own escaping.

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

// OWASP's CSV injection rule: spreadsheets read a cell that starts with one of these as a formula
// (https://owasp.org/www-community/attacks/CSV_Injection). Tab and carriage return count, as a spreadsheet drops them
// and reads what follows.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV field (RFC 4180), safe to open in a spreadsheet: a text that starts with `= + - @`, tab or carriage return is
 * prefixed with a single quote (OWASP), so it is read as text, never run as a formula; numbers are written as they are.
 */
export function csvField(value: unknown): string {
  let field = text(value);
  if (typeof value !== 'number' && FORMULA_START.test(field)) field = `'${field}`;
  return /[",\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * A byte-order mark: Excel reads a CSV file that starts with one as UTF-8, and any other in the system's code page
 * (Windows-1252 in the West), where a `—` shows as `â€”` and a comment's `•` or `’` likewise.
 */
const UTF8_BOM = '\uFEFF';

/** Options of `formatCsv`. */
export interface CsvOptions {
  /**
   * Start with a UTF-8 byte-order mark: for a file, which Excel opens, so that it reads names and comments as written.
   * Text for a pipe gets none: `csv`, `cut` and `jq -R` would read it as part of the first header.
   */
  byteOrderMark?: boolean;
}

/** Rows as CSV (RFC 4180, CRLF line ends): a header line, then one line per row, every field through `csvField`. */
export function formatCsv(header: readonly string[], rows: readonly (readonly unknown[])[], options: CsvOptions = {}): string {
  return `${options.byteOrderMark ? UTF8_BOM : ''}${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

// Characters with a meaning anywhere in a line of CommonMark or GitHub Markdown: escapes, code, emphasis, links and
// images, tables, strikethrough, math, ATX heading closers, HTML and autolinks (`<`, as an entity, with `>`). So that
// names stay readable, `&` only where it would start a character reference (`&lt;`), and `_` not inside a word
// (`registry_set`), where it can never be emphasis.
const INLINE_SPECIAL = /[\\`*[\]|~$#<>]|&(?=#?[A-Za-z0-9]+;)|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// What starts a block at the beginning of a line: a list item (`-`, `+` and a space, `1.` or `1)` and a space), a
// thematic break or setext underline (`---`, `===`).
const BLOCK_START = /^(?:[-+](?=[ \t]|$)|-(?=-)|=)|^\d{1,9}(?=[.)](?:[ \t]|$))/;

const escapeInline = (part: string): string => part.replace(INLINE_SPECIAL, (c) => ENTITY[c] ?? `\\${c}`);
const blockSafe = (line: string): string => line.replace(BLOCK_START, (start) => (/\d/.test(start) ? `${start}\\` : `\\${start}`));

function escapeLine(line: string): string {
  // Leading spaces would make an indented code block, trailing ones a hard line break.
  return blockSafe(escapeInline(line.trim()));
}

// A code span as our messages write one: between single backticks, on one line.
const CODE_SPAN = /`([^`]+)`/g;

/**
 * A line of a message as Markdown: its code spans stay code (`code` writes each), the text around them is escaped as
 * `escapeLine` escapes, and a backtick without its pair is a literal one.
 */
function messageLine(line: string, code: (span: string) => string): string {
  const trimmed = line.trim();
  let out = '';
  let at = 0;
  for (const match of trimmed.matchAll(CODE_SPAN)) {
    out += escapeInline(trimmed.slice(at, match.index)) + code(match[1]!);
    at = match.index + match[0].length;
  }
  return blockSafe(out + escapeInline(trimmed.slice(at)));
}

// Splitting on line breaks and trimming each line is linear; one regular expression over spaces around line breaks
// (`/[ \t]*\r?\n[ \t]*/`) is quadratic on a long run of spaces.
const lines = (value: unknown): string[] => text(value).split(/\r\n|\r|\n/);

/** Text from input as literal Markdown on one line (for headings, list items, prose): no markup or HTML gets in. */
export function markdownText(value: unknown): string {
  return lines(value).map(escapeLine).filter(Boolean).join(' ').replace(/[ \t]+/g, ' ');
}

/**
 * A message of ours (a report's note, a change, a warning) as Markdown on one line: the code spans it writes between
 * backticks (`attack-layers upgrade`, `versions.attack`) are code (`markdownCode`), and everything else, the input
 * text it quotes included, is escaped as `markdownText` escapes it. Each Markdown output writes messages through this
 * (or `markdownMessageCell`), never through `markdownText`, which would show the backticks as `\``.
 */
export function markdownMessage(value: unknown): string {
  return lines(value).map((line) => messageLine(line, markdownCode)).filter(Boolean).join(' ').replace(/[ \t]+/g, ' ');
}

/** A message of ours for a Markdown table cell, as `markdownMessage`; a `|` in a code span escaped, as GFM tables need. */
export function markdownMessageCell(value: unknown): string {
  const escaped = lines(value).map((line) => messageLine(line, (span) => markdownCode(span).replace(/\|/g, '\\|')));
  let start = 0;
  let end = escaped.length;
  while (start < end && !escaped[start]) start++;
  while (end > start && !escaped[end - 1]) end--;
  return escaped.slice(start, end).join('<br>').replace(/[ \t]+/g, ' ');
}

/** Text from input as literal Markdown lines (for a quote or paragraphs): each line escaped, line breaks kept. */
export function markdownLines(value: unknown): string[] {
  return lines(value).map(escapeLine);
}

/** Text from input for a Markdown table cell: escaped as `markdownText`, line breaks as `<br>` (a cell is one line). */
export function markdownCell(value: unknown): string {
  const escaped = lines(value).map(escapeLine);
  let start = 0;
  let end = escaped.length;
  while (start < end && !escaped[start]) start++;
  while (end > start && !escaped[end - 1]) end--;
  return escaped.slice(start, end).join('<br>').replace(/[ \t]+/g, ' ');
}

/** Text from input as a Markdown code span on one line, fenced with more backticks than it holds (not for tables). */
export function markdownCode(value: unknown): string {
  const code = lines(value).join(' ');
  const longest = (code.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each end of a code span that has both, and a backtick at an end needs a space.
  const pad = code.startsWith('`') || code.endsWith('`') || (code.startsWith(' ') && code.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

/**
 * A colour (`#f00a`) for a Markdown table cell, its `#` as it is: CommonMark and GFM read a cell as inline text, where
 * `#` means nothing (a heading is a block, which no cell holds), so `\#f00a` is only harder to read and to take back.
 * Anything but `#` and hex digits is a cell as `markdownCell` writes it.
 */
export function markdownColorCell(value: unknown): string {
  return /^#[0-9a-f]+$/i.test(text(value)) ? text(value) : markdownCell(value);
}

/**
 * A Markdown table, every cell through `markdownCell`, but those of `messageColumns` (by position), messages of ours,
 * through `markdownMessageCell`, and those of `colorColumns` through `markdownColorCell`; `align` gives `r` for
 * right-aligned (numeric) columns.
 */
export function formatMarkdownTable(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  align: string = '',
  messageColumns: readonly number[] = [],
  colorColumns: readonly number[] = [],
): string {
  const rule = `|${header.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join('|')}|`;
  const cell = (value: unknown, i: number): string => (messageColumns.includes(i) ? markdownMessageCell(value) : colorColumns.includes(i) ? markdownColorCell(value) : markdownCell(value));
  const line = (cells: readonly unknown[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
