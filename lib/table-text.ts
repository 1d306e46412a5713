/** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break, with quotes doubled. */
export function csvField(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV (RFC 4180): a header line, then one line per row, CRLF line ends. */
export function formatCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * Text for a Markdown table cell: backslashes and pipes escaped, `<` written as an entity so that no HTML gets in,
 * line breaks as `<br>` (a cell is one line), and runs of spaces as one.
 */
export function markdownCell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .trim()
    .replace(/[ \t]*\r?\n[ \t]*/g, '<br>')
    .replace(/[ \t]+/g, ' ');
}

/** A Markdown table; `align` gives `r` for right-aligned (numeric) columns. */
export function formatMarkdownTable(header: readonly string[], rows: readonly (readonly unknown[])[], align: string = ''): string {
  const rule = `|${header.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join('|')}|`;
  const line = (cells: readonly unknown[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
