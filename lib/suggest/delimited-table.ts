import { isIdentifierCell } from './detection-syntax.js';

// A text that is a table of comma- or tab-separated values (CSV, TSV), as vendors publish their indicators (Sophos's
// `Indicator_type,Data,Note` / `sha256,cee6a766…,DragonForce ransomware binary` / `filename,PUSH PUSh PUUUUUSH.bat,Batch
// script to list and clear all Windows Event logs`): every line with text has the same number of cells, at least two,
// over at least MIN_ROWS lines, and one of its columns holds indicators (lines of prose with as many commas each hold
// none); its first row may name its columns (no indicator, a few words each). Each row is a record of its own, not a
// sentence wrapped over lines.
const SEPARATORS = [',', '\t'] as const;
const MIN_ROWS = 3;
const MAX_COLUMN_NAME_WORDS = 3;

// A column of indicators holds a file's path too (Sophos's `Data`: `C:\ProgramData\JWrapper-Remote Access\…\win.exe`
// among hashes and addresses): a path, a drive's letter or a slash at its start, or a backslash in it.
const PATH = /^(?:[A-Za-z]:)?[\\/]|\\/;

/** Whether a cell names a sample (an indicator, a file's name, a detection name: `isIdentifierCell`) or a path. */
function isSampleCell(cell: string): boolean {
  return isIdentifierCell(cell) || PATH.test(cell);
}

/** A delimited table: its separator, whether its first row names its columns, and the columns (0-based) of text read. */
export interface DelimitedTable {
  separator: (typeof SEPARATORS)[number];
  header: boolean;
  textColumns: ReadonlySet<number>;
}

/** The cells of a delimited table's row, trimmed: a cell in double quotes may hold the separator (and `""` for a quote). */
export function delimitedCells(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const c = line[k]!;
    if (quoted && c === '"' && line[k + 1] === '"') {
      cell += '"';
      k++;
    } else if (c === '"' && (quoted || !cell.trim())) {
      quoted = !quoted;
    } else if (c === separator && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * The text as a delimited table (see SEPARATORS, MIN_ROWS), or undefined. Its columns of text are those that are no
 * column of indicators (at least half of their cells name a sample or are paths: `isSampleCell`) nor of keys (one word each:
 * `sha256`, `file_path`): what a row says is in them (`Batch script to list and clear all Windows Event logs`).
 */
export function delimitedTable(lines: readonly string[]): DelimitedTable | undefined {
  const rows = lines.filter((line) => line.trim());
  if (rows.length < MIN_ROWS) return undefined;
  for (const separator of SEPARATORS) {
    if (!rows[0]!.includes(separator)) continue;
    const cells = rows.map((row) => delimitedCells(row, separator));
    const width = cells[0]!.length;
    if (width < 2 || cells.some((row) => row.length !== width)) continue;
    const header = cells[0]!.every((cell) => /^\p{L}/u.test(cell) && !isIdentifierCell(cell) && cell.split(/\s+/).length <= MAX_COLUMN_NAME_WORDS);
    const body = header ? cells.slice(1) : cells;
    const columns = Array.from({ length: width }, (_, c) => body.map((row) => row[c]!).filter(Boolean));
    const indicators = columns.map((column) => column.length > 0 && column.filter(isSampleCell).length * 2 >= column.length);
    if (!indicators.some(Boolean)) continue;
    const keys = columns.map((column) => column.every((cell) => !/\s/.test(cell)));
    const textColumns = new Set(columns.flatMap((_, c) => (indicators[c] || keys[c] ? [] : [c])));
    return { separator, header, textColumns };
  }
  return undefined;
}

/** A delimited table's row read as text: its cells in columns of text that say something (a letter), without indicators. */
export function delimitedRowText(line: string, table: DelimitedTable): string {
  return delimitedCells(line, table.separator)
    .filter((cell, c) => table.textColumns.has(c) && /\p{L}/u.test(cell) && !isIdentifierCell(cell))
    .join(' ');
}
