import { foldText, lineJoint } from '../normalize/tokenize-references.js';
import { joinedId, type BrokenId } from './broken-ids.js';
import { JoinedRow, type ReadLine } from './grid-tables.js';

/** A row of a table set in columns of spaces whose cells were wrapped over more than one line, read joined. */
export interface LayoutRow {
  /** The 1-based first and last lines the row is written on. */
  line: number;
  last: number;
}

/** The label of the join, as a reference's trail gives it. */
export const LAYOUT_ROW_RULE =
  "a table set in columns of spaces, as `pdftotext -layout` writes a PDF's table, read by its header's columns, a cell's lines wrapped under it joined";

// The cells of a line set in columns: words one space apart, two or more spaces between cells.
const CELLS = /\S+(?: \S+)*/g;
const ID = /\bT\d{4}(?:\.\d{3})?\b/;
// The start of an ID a wrapped cell cut, its hyphen after it (`T1566.0-`); `joinedId` reads its rest on the cell's next line.
const ID_START = /^T\d{1,4}(?:\.\d{0,3})?-?$/;
// A cell that is a sentence, or starts one: it ends in a full stop, or a word and a colon lead it.
const SENTENCE = /[.!?]$|^\p{L}[\p{L} ]{0,20}: /u;
// How many lines a row's cells may wrap over after its first, and how many rows a table may have.
const MAX_WRAP = 4;
const MAX_ROWS = 400;

type Cell = { start: number; end: number; text: string };

function cellsOf(text: string): Cell[] {
  return text.length > 400 ? [] : [...text.matchAll(CELLS)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** The column of each cell of a line, by the header's cell starts; undefined when a cell runs over a column's start. */
function columnsOf(cells: readonly Cell[], starts: readonly number[]): number[] | undefined {
  const at: number[] = [];
  for (const cell of cells) {
    // A cell may start a character or two before its header's (a centred or right-aligned header).
    let c = starts.length - 1;
    while (c > 0 && starts[c]! > cell.start + 2) c--;
    const next = starts[c + 1];
    if ((next !== undefined && cell.end > next - 1) || (at.length && at.at(-1)! >= c)) return undefined;
    at.push(c);
  }
  return at;
}

/**
 * The lines of a report with each table set in columns of spaces (`pdftotext -layout`: `Tactic    Technique    ID`
 * over `Initial Access    Phishing: Spearphishing    T1566.001` and `                  Attachment`) read as a Markdown
 * table, one line per row, its cells cut where the header's cells start; the lines of a row after its first (a cell
 * wrapped under its column) joined to its cells, and left blank, so that the lines keep their count. A header is a line
 * of two or more cells, two or more spaces apart, that `isHeader` takes for column headers, one of them an ID column's;
 * a row starts at a line with a technique ID in a cell; the table ends at a line whose cells run over the columns, or two
 * blank lines. An ID cut in its cell (`T1566.0-` over `01`) is joined where `hasTechnique` (where given) knows the ID,
 * and told to `told`; each row read joined from several lines to `joined`.
 */
export function readLayoutTables(
  read: ReadLine[],
  isHeader: (cells: readonly string[]) => boolean,
  hasTechnique?: (id: string) => boolean,
  told?: (broken: BrokenId) => void,
  joined?: (row: LayoutRow) => void,
): ReadLine[] {
  const out = [...read];
  for (let i = 0; i < out.length; i++) {
    const header = out[i]!;
    if (header.origin) continue;
    const headCells = cellsOf(header.folded.text);
    if (headCells.length < 2 || !/ {2,}/.test(header.folded.text.trim()) || !isHeader(headCells.map((cell) => cell.text))) continue;
    const starts = headCells.map((cell) => cell.start);
    // The rows: each a list of lines with their cells' columns.
    const rows: Array<Array<{ k: number; cells: Cell[]; columns: number[] }>> = [];
    let k = i + 1;
    let blanks = 0;
    for (; k < out.length && rows.length < MAX_ROWS; k++) {
      const line = out[k]!;
      if (line.origin) break;
      if (!line.folded.text.trim()) {
        if (++blanks >= 2) break;
        continue;
      }
      const cells = cellsOf(line.folded.text);
      const columns = columnsOf(cells, starts);
      if (!columns) break;
      const row = rows.at(-1);
      if (cells.some((cell) => ID.test(cell.text) || ID_START.test(cell.text))) rows.push([{ k, cells, columns }]);
      // A line whose first column holds a sentence (`Note: the actors …`, `See below.`) is the text going on past the table.
      else if (row && blanks === 0 && row.length <= MAX_WRAP && !(columns[0] === 0 && SENTENCE.test(cells[0]!.text))) row.push({ k, cells, columns });
      else break;
      blanks = 0;
    }
    if (!rows.length) continue;
    out[i] = layoutRow([{ k: i, cells: headCells, columns: headCells.map((_, c) => c) }], out, starts.length);
    for (const row of rows) {
      const first = row[0]!.k;
      out[first] = layoutRow(row, out, starts.length, hasTechnique, told);
      for (const { k: n } of row.slice(1)) out[n] = { folded: foldText(''), number: out[n]!.number };
      if (row.length > 1) joined?.({ line: out[first]!.number, last: out[row.at(-1)!.k]!.number });
    }
    i = rows.at(-1)!.at(-1)!.k;
  }
  return out;
}

/** One row (or the header) as a Markdown row: each column's pieces from its lines joined, an ID cut in its cell made whole. */
function layoutRow(
  lines: ReadonlyArray<{ k: number; cells: Cell[]; columns: number[] }>,
  read: readonly ReadLine[],
  count: number,
  hasTechnique?: (id: string) => boolean,
  told?: (broken: BrokenId) => void,
): ReadLine {
  const row = new JoinedRow();
  row.push('|');
  for (let c = 0; c < count; c++) {
    const pieces = lines.flatMap(({ k, cells, columns }) => (columns.includes(c) ? [{ line: read[k]!, cell: cells[columns.indexOf(c)]! }] : []));
    row.push(' ');
    for (let p = 0; p < pieces.length; p++) {
      const { line, cell } = pieces[p]!;
      const next = pieces[p + 1];
      if (p > 0) row.push(lineJoint(pieces[p - 1]!.cell.text.slice(-1), cell.text));
      const id = next && ID_START.test(cell.text) ? joinedId(cell.text, next.cell.text) : undefined;
      const whole = id ? (hasTechnique?.(id.id) ?? true) : false;
      if (id) told?.({ line: line.number, next: next!.line.number, written: id.written, rest: id.rest, id: id.id, joined: whole });
      if (!id || !whole) {
        row.pushRead(line, cell.start, cell.end);
        continue;
      }
      // `T1566.0-` over `01`: the hyphen the cell's wrap wrote is left out.
      row.pushRead(line, cell.start, cell.end - (cell.text.endsWith('-') ? 1 : 0));
      if (id.dot) row.push('.');
      row.pushRead(next!.line, next!.cell.start, next!.cell.end);
      p++;
    }
    row.push(' |');
  }
  return row.line(read[lines[0]!.k]!.number);
}
