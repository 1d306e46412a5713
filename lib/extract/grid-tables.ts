import { displayWidth } from '../display-width.js';
import { foldText, lineJoint, originalSpan, type FoldedText } from '../normalize/tokenize-references.js';

/**
 * A line as the table walk reads it: a line of the report, or a row of a grid table joined from the lines it is written
 * on, with where each of its characters is written (`origin`).
 */
export interface ReadLine {
  folded: FoldedText;
  /** The 1-based line of the report it stands for: a joined row's first line. */
  number: number;
  /** For a joined row: the line (`lines`) and original offset (`offsets`) of each character of `folded.text`. */
  origin?: { lines: Int32Array; offsets: Int32Array };
}

// A grid table's border (`+------+-------+`, `+:=====+======+` under its header, colons for alignment), as pandoc and
// reStructuredText write them.
const BORDER = /^\s{0,12}\+(?:[-=:]{1,400}\+){1,40}\s*$/;
const HEADER_BORDER = /=/;
// A line of a cell that starts a new paragraph or list item in it (`- T1105`, `1. Execution`).
const ITEM_START = /^(?:[-*+•]|\d{1,3}[.)])\s/;

/** The lines of one cell of a row: each line's index and the span of the cell in its folded text. */
type CellLines = Array<[line: number, start: number, end: number]>;

/** The column bounds a border gives: the offsets of its `+`. */
function borderColumns(text: string): number[] {
  const plus: number[] = [];
  for (let i = text.indexOf('+'); i >= 0; i = text.indexOf('+', i + 1)) plus.push(i);
  return plus;
}

/** The cells of a grid table's row line, as spans of its folded text; undefined when its `|` do not stand at the border's `+`. */
function gridCells(text: string, columns: readonly number[]): Array<[number, number]> | undefined {
  if (text.length > 4000) return undefined;
  if (columns.every((at) => text.charAt(at) === '|')) return columns.slice(1).map((end, k) => [columns[k]! + 1, end]);
  // Characters of double width (CJK) shift the `|` of a row from its border's `+`: the row is split at its own `|`.
  const trimmed = text.trim();
  if (!trimmed.startsWith('|') || !trimmed.endsWith('|')) return undefined;
  const pipes: number[] = [];
  for (let i = text.indexOf('|'); i >= 0; i = text.indexOf('|', i + 1)) pipes.push(i);
  return pipes.length === columns.length ? pipes.slice(1).map((end, k) => [pipes[k]! + 1, end]) : undefined;
}

/** A joined row being built: its text and where each character is written. */
export class JoinedRow {
  readonly #text: string[] = [];
  readonly #lines: number[] = [];
  readonly #offsets: number[] = [];

  /** Add written text (`at`: its line's folded text, from `start`) or, without `at`, text of our own (`|`, a space). */
  push(piece: string, at?: { folded: FoldedText; number: number; start: number }): void {
    for (let k = 0; k < piece.length; k++) {
      this.#text.push(piece.charAt(k));
      this.#lines.push(at ? at.number : (this.#lines.at(-1) ?? 0));
      this.#offsets.push(at ? originalSpan(at.folded, { start: at.start + k, end: at.start + k + 1 }).start : (this.#offsets.at(-1) ?? 0));
    }
  }

  /** Add the text of a line as the walk reads it, from `start` to `end`, each character where it is written (a joined row's too). */
  pushRead(read: ReadLine, start: number, end: number): void {
    for (let k = start; k < end; k++) {
      const at = originalSpan(read.folded, { start: k, end: k + 1 }).start;
      this.#text.push(read.folded.text.charAt(k));
      this.#lines.push(read.origin ? (read.origin.lines[at] ?? read.number) : read.number);
      this.#offsets.push(read.origin ? (read.origin.offsets[at] ?? 0) : at);
    }
  }

  line(number: number): ReadLine {
    const text = this.#text.join('');
    return { folded: foldText(text), number, origin: { lines: Int32Array.from(this.#lines), offsets: Int32Array.from(this.#offsets) } };
  }
}

/**
 * The lines of a report as the table walk reads them: each grid table (pandoc's and reStructuredText's `+---+---+`
 * borders, `| cell | cell |` lines, a cell wrapped over several lines) as a Markdown table, one line per row, its
 * cells' lines joined (a paragraph or list item of a cell on a line of its own after `<br>`), the `+===+` under its
 * header as a delimiter row; the table's other lines blank after its rows, so that the lines keep their count. Every
 * other line as it is.
 */
export function readGridTables(lines: readonly FoldedText[]): ReadLine[] {
  const out: ReadLine[] = lines.map((folded, i) => ({ folded, number: i + 1 }));
  for (let i = 0; i < lines.length; i++) {
    const top = lines[i]!.text;
    if (top.length > 4000 || !BORDER.test(top)) continue;
    const columns = borderColumns(top);
    const rows: ReadLine[] = [];
    let cells: CellLines[] = columns.slice(1).map(() => []);
    let row = new JoinedRow();
    let first = 0;
    let end = i;
    let k = i + 1;
    for (; k < lines.length; k++) {
      const folded = lines[k]!;
      if (BORDER.test(folded.text) && borderColumns(folded.text).join() === columns.join()) {
        if (first) {
          rows.push(joinRow(row, cells, first, lines));
          row = new JoinedRow();
          cells = columns.slice(1).map(() => []);
          first = 0;
        }
        if (HEADER_BORDER.test(folded.text)) rows.push({ folded: foldText(`|${columns.slice(1).map(() => '---|').join('')}`), number: k + 1 });
        end = k;
        continue;
      }
      const spans = gridCells(folded.text, columns);
      if (!spans) break;
      first ||= k + 1;
      spans.forEach(([start, stop], c) => cells[c]!.push([k, start, stop]));
    }
    // A table whose last row no border closes (the text goes on after it, or a page's end cut it off) ends with that
    // row: its lines are one row, as a border would have made them.
    if (first) {
      rows.push(joinRow(row, cells, first, lines));
      end = k - 1;
    }
    // A table is one with a row under a border.
    if (!rows.some((r) => r.origin)) continue;
    for (const [n, r] of rows.entries()) out[i + n] = r;
    for (let n = i + rows.length; n <= end; n++) out[n] = { folded: foldText(''), number: n + 1 };
    i = end;
  }
  return out;
}

// Pandoc's simple and multiline tables: the line under the header, a run of dashes per column with spaces between them
// (`------- ----------- -----`), and the line of dashes alone that opens and closes a multiline table.
const DASH_COLUMNS = /^\s{0,12}-{3,}(?: {1,8}-{3,}){1,40}\s*$/;
const DASH_RULE = /^\s{0,12}-{10,}\s*$/;
// How many lines a multiline table's rows may take.
const MULTILINE_LINES = 400;

/** The columns the dashes under a header give: where each run starts, and where the next starts (the last: the line's end). */
function dashColumns(text: string): number[] {
  return [...text.matchAll(/-+/g)].map((m) => m.index);
}

/**
 * The display column (`displayWidth`) where each character of a folded line starts, and where the line ends, counted on
 * the line as written (folding makes a fullwidth `：` one column wide).
 */
function writtenColumns(folded: FoldedText): number[] {
  const columns: number[] = [];
  let width = 0;
  let measured = 0;
  for (let i = 0; i <= folded.text.length; i++) {
    const start = i < folded.text.length ? originalSpan(folded, { start: i, end: i + 1 }).start : folded.original.length;
    if (start > measured) width += displayWidth(folded.original.slice(measured, start));
    measured = Math.max(measured, start);
    columns.push(width);
  }
  return columns;
}

/**
 * The cells of a line of a simple or multiline table, cut where the columns start: at the display columns of the dashes
 * where the line holds Chinese, Japanese or Korean characters lined up as pandoc and a monospaced editor line them up,
 * two columns each (`初始访问    T1566.001` under `----------  ---------`), every cut then between words; else at the
 * dashes' indexes, as before.
 */
function dashCells(folded: FoldedText, columns: readonly number[]): Array<[number, number]> {
  const text = folded.text;
  const written = displayWidth(folded.original) !== folded.original.length ? writtenColumns(folded) : undefined;
  // A wide character that straddles a column leaves no cut there (-1).
  const wide = written?.length ? columns.map((column) => (column >= written.at(-1)! ? text.length : written.indexOf(column))) : undefined;
  const between = (at: number, c: number): boolean => at >= 0 && (c === 0 || at >= text.length || /\s/.test(text.charAt(at - 1)));
  const starts = wide?.every(between) ? wide : columns.map((column) => Math.min(column, text.length));
  return starts.map((start, c) => [start, starts[c + 1] ?? text.length]);
}

/** One row of a simple or multiline table, from its lines `from` to `to` (exclusive), as a Markdown row. */
function dashRow(lines: readonly FoldedText[], columns: readonly number[], from: number, to: number): ReadLine {
  const cells: CellLines[] = columns.map(() => []);
  for (let k = from; k < to; k++) dashCells(lines[k]!, columns).forEach(([start, stop], c) => cells[c]!.push([k, start, stop]));
  return joinRow(new JoinedRow(), cells, from + 1, lines);
}

/** The rows of a multiline table from line `from` up to `to` (exclusive): blocks of lines set apart by blank lines. */
function blockRows(lines: readonly FoldedText[], columns: readonly number[], from: number, to: number): ReadLine[] {
  const rows: ReadLine[] = [];
  for (let k = from; k < to; ) {
    if (!lines[k]!.text.trim()) {
      k++;
      continue;
    }
    const start = k;
    while (k < to && lines[k]!.text.trim()) k++;
    rows.push(dashRow(lines, columns, start, k));
  }
  return rows;
}

/**
 * Pandoc's simple tables (a header line, the dashes under it, one line per row up to a blank line) and multiline tables
 * (opened and closed by a line of dashes alone, rows set apart by blank lines, each cell wrapped over several lines),
 * read as grid tables are: a Markdown table, one line per row, the cells' lines joined. Either may leave out its header
 * (pandoc's manual): it is then opened, after a blank line, and closed by the dashes of its columns, its rows one per line
 * or, with blank lines between them, wrapped; it is read as a grid table without a header is, its rows alone. The other
 * lines as they are.
 */
export function readDashTables(lines: readonly FoldedText[], read: ReadLine[]): ReadLine[] {
  const out = [...read];
  for (let i = 0; i < lines.length; i++) {
    const under = lines[i]!.text;
    if (under.length > 4000 || !DASH_COLUMNS.test(under) || out[i]!.origin) continue;
    const columns = dashColumns(under);
    if (i === 0 || !lines[i - 1]!.text.trim()) {
      // No header: the same dashes close the table, up to a bound (as a multiline table's rule).
      const last = Math.min(lines.length, i + MULTILINE_LINES);
      let close = i + 1;
      while (close < last && !DASH_COLUMNS.test(lines[close]!.text) && !DASH_RULE.test(lines[close]!.text)) close++;
      if (close >= last || close === i + 1 || dashColumns(lines[close]!.text).join() !== columns.join()) continue;
      const wrapped = lines.slice(i + 1, close).some((line) => !line.text.trim());
      const rows = wrapped ? blockRows(lines, columns, i + 1, close) : lines.slice(i + 1, close).map((_, n) => dashRow(lines, columns, i + 1 + n, i + 2 + n));
      for (const [n, r] of rows.entries()) out[i + n] = r;
      for (let n = i + rows.length; n <= close; n++) out[n] = { folded: foldText(''), number: n + 1 };
      i = close;
      continue;
    }
    // A multiline table's header may be several lines, after its opening rule.
    let top = i - 1;
    while (top > 0 && lines[top - 1]!.text.trim() && !DASH_RULE.test(lines[top - 1]!.text) && i - top < 4) top--;
    const multiline = top > 0 && DASH_RULE.test(lines[top - 1]!.text);
    const rows: ReadLine[] = [dashRow(lines, columns, top, i), { folded: foldText(`|${columns.map(() => '---|').join('')}`), number: i + 1 }];
    let k = i + 1;
    let end = i;
    if (multiline) {
      // Up to a bound, so that a rule never closed costs no walk to the end of the text for each table's header.
      const last = Math.min(lines.length, i + MULTILINE_LINES);
      while (k < last && !DASH_RULE.test(lines[k]!.text)) k++;
      // A multiline table is one only with its closing rule.
      if (k >= last) continue;
      rows.push(...blockRows(lines, columns, i + 1, k));
      end = k;
    } else {
      for (; k < lines.length && lines[k]!.text.trim() && !DASH_COLUMNS.test(lines[k]!.text); k++) rows.push(dashRow(lines, columns, k, k + 1));
      end = k - 1;
    }
    if (rows.length < 3) continue;
    const first = multiline ? top - 1 : top;
    for (const [n, r] of rows.entries()) out[first + n] = r;
    for (let n = first + rows.length; n <= end; n++) out[n] = { folded: foldText(''), number: n + 1 };
    i = end;
  }
  return out;
}

/** One row of a grid table as a Markdown row: each cell's lines joined, in the order of its columns. */
function joinRow(row: JoinedRow, cells: readonly CellLines[], first: number, lines: readonly FoldedText[]): ReadLine {
  row.push('|');
  for (const cell of cells) {
    let last = '';
    let wrote = false;
    let paragraph = false;
    for (const [k, start, stop] of cell) {
      const folded = lines[k]!;
      const raw = folded.text.slice(start, stop);
      const lead = raw.length - raw.trimStart().length;
      const piece = raw.trim();
      if (!piece) {
        paragraph = wrote;
        continue;
      }
      if (wrote) row.push(paragraph || ITEM_START.test(piece) ? '<br>' : lineJoint(last, piece));
      else row.push(' ');
      row.push(piece, { folded, number: k + 1, start: start + lead });
      last = piece.charAt(piece.length - 1);
      wrote = true;
      paragraph = false;
    }
    row.push(' |');
  }
  return row.line(first);
}
