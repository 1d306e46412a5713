import { foldText, originalSpan } from '../normalize/tokenize-references.js';
import { JoinedRow, type ReadLine } from './grid-tables.js';

/** A table row joined to the row under it, whose cell under its ID's held the rest of the ID (`| T1059. |` over `| 001 |`). */
export interface SplitIdRow {
  /** The 1-based line of the row, and of the row under it. */
  line: number;
  next: number;
  /** The ID cell's end as written (`T1059.`) and the cell under it (`001`). */
  written: string;
  number: string;
  /** The ID they make (`T1059.001`). */
  id: string;
}

/** The label of the join, as a reference's trail gives it. */
export const SPLIT_ID_ROW_RULE = 'an ID cell split over two table rows (T1059. over 001), joined where the cell under it is a sub-technique\'s three digits and nothing else';

// An ID at the end of its cell, its dot after it or not (`T1059.`, `Command and Scripting Interpreter T1059`); and a
// cell that is a sub-technique's three digits and nothing else, with a dot before them or not (`001`, `.001`).
const ID_CELL_END = /(?<![\p{L}\p{N}.])T\d{4}(\.?)$/u;
const NUMBER_CELL = /^(\.?)(0\d{2})$/;
const DELIMITER = /^[\s|:-]+$/;

/** The cells of a Markdown row (`| a | b |`) as spans of its text between its `|`, or undefined for a line that is none. */
export function pipeCells(text: string): Array<[number, number]> | undefined {
  const trimmed = text.trim();
  if (text.length > 4000 || trimmed.length < 3 || !trimmed.startsWith('|') || !trimmed.endsWith('|') || DELIMITER.test(trimmed)) return undefined;
  const pipes: number[] = [];
  for (let i = text.indexOf('|'); i >= 0; i = text.indexOf('|', i + 1)) if (text.charAt(i - 1) !== '\\') pipes.push(i);
  return pipes.slice(1).map((end, k) => [pipes[k]! + 1, end]);
}

/** A cell's span without the white space around it. */
export function trimmed(text: string, [start, end]: [number, number]): [number, number] {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return [start, end];
}

/**
 * The lines of a report with each table row whose ID cell a converter split over two rows (`| Execution | T1059. |
 * Command and Scripting |` over `| | 001 | Interpreter: PowerShell |`, as PDF-to-Markdown leaves a wrapped cell) joined
 * to the row under it, cell by cell (`| Execution | T1059.001 | Command and Scripting Interpreter: PowerShell |`), the
 * row under it left blank so that the lines keep their count. Only where the cell under the ID's is a sub-technique's
 * three digits and nothing else, the dot on one side (`T1059.` over `001`, `T1059` over `.001`), and the two rows have
 * as many cells. Each join is told to `joined`, to be said.
 */
export function readSplitIdRows(read: ReadLine[], joined?: (row: SplitIdRow) => void): ReadLine[] {
  const out = [...read];
  for (let i = 0; i + 1 < read.length; i++) {
    const [above, below] = [read[i]!, read[i + 1]!];
    const upper = pipeCells(above.folded.text);
    const lower = upper ? pipeCells(below.folded.text) : undefined;
    if (!upper || !lower || upper.length !== lower.length) continue;
    const cells = upper.map((cell) => trimmed(above.folded.text, cell));
    const under = lower.map((cell) => trimmed(below.folded.text, cell));
    const at = cells.findIndex(([start, end], c) => {
      const id = ID_CELL_END.exec(above.folded.text.slice(start, end));
      const number = NUMBER_CELL.exec(below.folded.text.slice(under[c]![0], under[c]![1]));
      return id && number && (id[1] === '.') !== (number[1] === '.');
    });
    if (at < 0) continue;
    const row = new JoinedRow();
    row.push('|');
    cells.forEach(([start, end], c) => {
      const [from, to] = under[c]!;
      row.push(' ');
      if (end > start) row.pushRead(above, start, end);
      // The ID's cell is joined as one word; the others' lines with a space, as a wrapped cell's.
      if (end > start && to > from && c !== at) row.push(' ');
      if (to > from) row.pushRead(below, from, to);
      row.push(' |');
    });
    out[i] = row.line(above.number);
    out[i + 1] = { folded: foldText(''), number: below.number };
    const written = ID_CELL_END.exec(above.folded.text.slice(cells[at]![0], cells[at]![1]))![0];
    const number = below.folded.text.slice(under[at]![0], under[at]![1]);
    const original = (line: ReadLine, text: string, [start, end]: [number, number]): string => {
      const span = originalSpan(line.folded, { start: end - text.length, end });
      return line.folded.original.slice(span.start, span.end);
    };
    joined?.({
      line: above.number,
      next: below.number,
      written: original(above, written, cells[at]!),
      number: original(below, number, under[at]!),
      id: `${written.replace(/\.$/, '')}.${number.replace(/^\./, '')}`,
    });
    i++;
  }
  return out;
}
