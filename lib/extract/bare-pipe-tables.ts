import { type TextSpan, visitIds } from '../normalize/tokenize-references.js';
import { JoinedRow, type ReadLine } from './grid-tables.js';

// A Markdown table's delimiter row with or without its outer pipes (`---|:--:|---`, `|---|---|`): every cell dashes
// with an alignment colon at either end (GFM spec, tables extension), two cells at least: a scraped page's `- |` under
// `Abuse Elevation Control Mechanism |` (a cell per line) is no table's.
const DELIMITER_CELL = /^\s*:?-+:?\s*$/;

/** The cells of a line split at its pipes, the empty ones outside outer pipes left out. */
function cells(text: string): string[] {
  const trimmed = text.trim();
  return trimmed.slice(trimmed.startsWith('|') ? 1 : 0, trimmed.endsWith('|') && trimmed.length > 1 ? -1 : undefined).split('|');
}

const opens = (text: string): boolean => text.trimStart().startsWith('|');

const isDelimiterRow = (text: string): boolean => {
  const parts = text.length <= 4000 && /^[\s|:-]*$/.test(text) ? cells(text) : [];
  return parts.length >= 2 && parts.every((cell) => DELIMITER_CELL.test(cell));
};

/**
 * The lines of a report with each row of a Markdown table written without its outer pipes (`Technique|Count|Name` over
 * `---|---|---` over `T1059.001|003|PowerShell`: "The pipes on either end of the table are optional", GFM spec) given
 * them, as the table walk reads a row: there a pipe is a cell border, never a sibling sub-technique's separator
 * (`T1059.001|003`, a regex's alternation in a sentence, is T1059.001 and T1059.003). A table is its header (a line
 * with as many cells as the delimiter row under it), that row, and the lines with a pipe after it up to a line without
 * one, or one that starts with a pipe where the header does not or the other way round (`The actor ran T1059.001|003|004
 * here.` right under `| T1059 | 001 | PowerShell |` is a sentence, no row). So is a line whose ID reads across an
 * unspaced pipe (`T1059.001|003`) beside a row of its shape (`besideSameRow`): the lines around it, not the pipes on it,
 * make it a row. Every other line, and every row already between pipes, as it is.
 */
export function readBarePipeTables(read: ReadLine[]): ReadLine[] {
  const out = [...read];
  for (let i = 1; i < read.length; i++) {
    const delimiter = read[i]!;
    const header = read[i - 1]!;
    if (delimiter.origin || header.origin || !isDelimiterRow(delimiter.folded.text) || !header.folded.text.includes('|')) continue;
    if (cells(header.folded.text).length !== cells(delimiter.folded.text).length) continue;
    out[i - 1] = withOuterPipes(header);
    const opened = opens(header.folded.text);
    let k = i;
    for (; k < read.length && !read[k]!.origin && read[k]!.folded.text.includes('|') && (k === i || opens(read[k]!.folded.text) === opened); k++) out[k] = withOuterPipes(read[k]!);
    i = k;
  }
  for (let i = 0; i < read.length; i++) if (out[i] === read[i] && idAcrossPipe(read[i]!) && besideSameRow(read, i)) out[i] = withOuterPipes(read[i]!);
  return out;
}

/**
 * Whether a line's pipes, none at its start or end, are a shell pipeline's in a sentence (`Run whoami | findstr admin |
 * more (T1059.003) on hosts.`) rather than a table row's cell borders, for a line that no table around it makes a row
 * (`readBarePipeTables` gives a table's rows their outer pipes). The line's parts are then a command line's: each part
 * after a pipe begins with the command it runs (`findstr admin`, `Select-Object Name`, `? {…}`); and the sentence shows
 * through them: an ID among the words of one part (`more (T1059.003) on hosts.`), where a table's cell holds its ID at
 * its start (`T1059.001 PowerShell`) or its end (`PowerShell (T1059.001)`), or a code span open across a pipe
 * (`` `whoami | findstr admin` ``), where a table's cell holds its code spans whole.
 */
export function isSentenceCutAtPipes(text: string, cells: readonly TextSpan[], idSpans: readonly number[]): boolean {
  if (!cells.slice(1).every((cell) => COMMAND_START.test(text.slice(cell.start, cell.end).trimStart()))) return false;
  return cells.some((cell) => {
    if ((text.slice(cell.start, cell.end).match(/`/g)?.length ?? 0) % 2 === 1) return true;
    for (let k = 0; k < idSpans.length; k += 2) {
      const start = idSpans[k]!;
      const end = idSpans[k + 1]!;
      if (start < cell.start || end > cell.end) continue;
      if (!ID_OPENS_CELL.test(text.slice(cell.start, start)) && !ID_CLOSES_CELL.test(text.slice(end, cell.end))) return true;
    }
    return false;
  });
}

// A command as a pipeline's stage begins: a program in lower case (`findstr`, `more`, `grep -i`, `xargs`), a PowerShell
// cmdlet (`Select-Object`, `Where-Object`) or its alias (`? {`, `% {`).
const COMMAND_START = /^(?:[a-z][\w.]*\b|[A-Z][a-z]+-[A-Z][A-Za-z]*\b|[?%]\s)/;
// What may stand before an ID opening a cell, or after one closing it: brackets, quotes and Markdown's marks
// (`**T1059.001**`, `[T1059.001](https://attack.mitre.org/techniques/T1059/001/)`, `PowerShell (T1059.001)`).
const ID_OPENS_CELL = /^[\s([{"'“‘*_`]*$/;
const ID_CLOSES_CELL = /^(?:[\s)\]}"'”’*_`]|\]\([^()\s]*\))*$/;

/**
 * Whether a line holds an ID the tokenizer reads across an unspaced pipe (`T1059.001|003`, siblings), where the line is
 * not between outer pipes (there the pipe is a cell border already).
 */
function idAcrossPipe(line: ReadLine): boolean {
  const { text } = line.folded;
  if (line.origin || text.length > 4000 || !/\d\|\d/.test(text)) return false;
  let across = false;
  visitIds(text, (token) => {
    across ||= text.slice(token.start, token.end).includes('|');
  });
  return across;
}

/**
 * Whether the line right above or below a line is a row of the same shape: as many cells, split at every pipe, and a
 * pipe at its start where the line has one. Two rows `T1059.001|003|PowerShell` and `T1059.002|001|AppleScript`, or a
 * header `Technique|Sub|Name` over one, are a table; a sentence after a table with outer pipes is none of its rows.
 */
function besideSameRow(read: readonly ReadLine[], i: number): boolean {
  const text = read[i]!.folded.text;
  const shape = (other: string): string => `${opens(other)} ${cells(other).length}`;
  return [read[i - 1], read[i + 1]].some((line) => line !== undefined && !line.origin && line.folded.text.includes('|') && shape(line.folded.text) === shape(text));
}

/** A row with a pipe at either end where it has none, each added pipe written where the row's text begins or ends. */
function withOuterPipes(line: ReadLine): ReadLine {
  const { text } = line.folded;
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  const open = text.charAt(start) === '|';
  const close = end > start + 1 && text.charAt(end - 1) === '|';
  if (open && close) return line;
  const row = new JoinedRow();
  if (!open) row.push('|', { folded: line.folded, number: line.number, start });
  row.pushRead(line, 0, text.length);
  if (!close) row.push('|', { folded: line.folded, number: line.number, start: Math.max(end - 1, 0) });
  return row.line(line.number);
}
