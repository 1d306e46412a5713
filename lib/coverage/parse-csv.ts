/** One CSV record: its cells and the line it starts on (1-based). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** A record that could not be read; the parser skipped it and went on. */
export interface CsvProblem {
  line: number;
  message: string;
}

export interface ParsedCsv {
  rows: CsvRow[];
  problems: CsvProblem[];
}

/**
 * Parse CSV text as RFC 4180 says (pure): `,` separates fields, a field in double quotes may hold commas, line
 * breaks and doubled quotes (`""`), records end with CRLF or LF (a lone CR too). Lenient where spreadsheets are:
 * a leading byte-order mark is dropped, blank lines are skipped, a quote inside an unquoted field is kept as text.
 * A broken record (a quote that never closes, text after a closing quote) becomes a problem at its first line and
 * parsing resumes on the next line, so one bad row never hides the rest.
 */
export function parseCsv(text: string, separator: CsvSeparator = ','): ParsedCsv {
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let pos = 0;
  let line = 1;
  while (pos < input.length) {
    const start = pos;
    const startLine = line;
    const record = readRecord(input, pos, line, separator);
    if ('error' in record) {
      problems.push({ line: startLine, message: record.error });
      // Resume after the first physical line of the broken record: its later lines may be good rows that an
      // unterminated quote swallowed.
      pos = endOfLine(input, start);
      line = startLine + 1;
      continue;
    }
    pos = record.next;
    line = record.line;
    const blank = record.cells.length === 1 && record.cells[0] === '' && !record.quoted;
    if (!blank) rows.push({ line: startLine, cells: record.cells });
  }
  return { rows, problems };
}

/**
 * What separates fields: `,` as RFC 4180 says; `;` as spreadsheets write CSV where the comma is the decimal mark
 * (Excel in most of Europe), or a tab (TSV, a table copied out of a spreadsheet).
 */
export type CsvSeparator = ',' | ';' | '\t';

/**
 * The separator of a CSV text whose first line holds no comma but `;` or tabs (`name;techniques;coverage`); undefined
 * for any other text, which is read with commas.
 */
export function otherSeparator(text: string): Exclude<CsvSeparator, ','> | undefined {
  const first = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  if (first.includes(',')) return undefined;
  const tabs = first.split('\t').length - 1;
  const semicolons = first.split(';').length - 1;
  if (!tabs && !semicolons) return undefined;
  return tabs >= semicolons ? '\t' : ';';
}

type RecordResult = { cells: string[]; next: number; line: number; quoted: boolean } | { error: string };

/** Read one record from `pos`; `next` is the position after its line break. */
function readRecord(input: string, pos: number, line: number, comma: CsvSeparator): RecordResult {
  const cells: string[] = [];
  let quoted = false;
  for (;;) {
    let cell = '';
    if (input[pos] === '"') {
      quoted = true;
      const openLine = line;
      pos++;
      for (;;) {
        const quote = input.indexOf('"', pos);
        if (quote < 0) {
          return { error: `a quoted field opened on line ${openLine} is never closed; close it with " (write "" for a quote inside)` };
        }
        const chunk = input.slice(pos, quote);
        line += countLineBreaks(chunk);
        cell += chunk;
        if (input[quote + 1] === '"') {
          cell += '"';
          pos = quote + 2;
        } else {
          pos = quote + 1;
          break;
        }
      }
      const after = input[pos];
      if (after !== undefined && after !== comma && after !== '\n' && after !== '\r') {
        return {
          error:
            openLine === line
              ? `text after the closing quote of a field; quote the whole field and double any " inside it`
              : `a quoted field opened on line ${openLine} runs to line ${line} and has text after its closing quote; a closing " is probably missing`,
        };
      }
    } else {
      let end = pos;
      while (end < input.length && input[end] !== comma && input[end] !== '\n' && input[end] !== '\r') end++;
      cell = input.slice(pos, end);
      pos = end;
    }
    cells.push(cell);
    const separator = input[pos];
    if (separator === comma) {
      pos++;
      continue;
    }
    if (separator === '\r') pos += input[pos + 1] === '\n' ? 2 : 1;
    else if (separator === '\n') pos++;
    return { cells, next: pos, line: separator === undefined ? line : line + 1, quoted };
  }
}

/** The position after the line break that ends the physical line containing `pos` (or the end of input). */
function endOfLine(input: string, pos: number): number {
  const match = /\r\n|\n|\r/g;
  match.lastIndex = pos;
  const found = match.exec(input);
  return found ? found.index + found[0].length : input.length;
}

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\n|\r/g)?.length ?? 0;
}
