/**
 * Two columns of text side by side, as `pdftotext -layout` writes a two-column page: each line holds a line of the left
 * column, a wide run of spaces, and a line of the right column. Read line by line, a passage glues the two columns'
 * half-sentences (`The actor sent spearphishing emails with a macro-      Once on the host, the implant listed running`);
 * read one column after the other, each sentence is whole.
 */

// The gutter between the columns: at least GUTTER spaces on every line of the block where the right column begins (no
// text crosses it), and the right column's text beginning at that place on MIN_COLUMN_LINES lines or more.
const GUTTER = 3;
const MIN_COLUMN_LINES = 3;
// A column of prose fills its width with words: on at least half of the lines with text on both sides, each side is at
// least FILLED of its column's widest line and holds at least MIN_LINE_WORDS words (wrapped text, not a table's cells:
// `MD5` / `SHA-256` beside their values, a manual's options, `-t, --no-time-strict` beside what they do), and a column
// is at least MIN_COLUMN_WIDTH characters wide.
const FILLED = 0.6;
const MIN_LINE_WORDS = 4;
const MIN_COLUMN_WIDTH = 20;
const WORD = /\S*\p{L}\S*/gu;
// Where a line's right column begins: after its first text, a run of GUTTER spaces or more, then text.
const SPLIT = new RegExp(String.raw`\S {${GUTTER},}(?=\S)`);
// A line of a Markdown or AsciiDoc table (`| Technique    | ID    |`), whose padded cells stand in columns too: a row.
const ROW = /^\s*\|/;

/** A text's lines with each two-column block read as its left column, a blank line, then its right column. */
export interface ColumnLines {
  lines: string[];
  /** The line (0-based) of the text that each of `lines` comes from. */
  origin: number[];
}

/** Where a line's right column begins (see SPLIT), or undefined. */
function rightStart(line: string): number | undefined {
  const match = SPLIT.exec(line);
  return match ? match.index + match[0].length : undefined;
}

/** Whether a line leaves the gutter before `start` empty (a line of one column, of both, or a blank line). */
function fitsGutter(line: string, start: number): boolean {
  return !ROW.test(line) && !/\S/.test(line.slice(start - GUTTER, start));
}

/**
 * Whether the lines `first` to `last` (0-based, `last` excluded) are two columns of prose split at `start`: enough
 * lines with text on both sides, the right column's text beginning at `start` on them, and both columns filled (FILLED).
 */
function isColumnBlock(lines: readonly string[], first: number, last: number, start: number): boolean {
  const both = lines.slice(first, last).filter((line) => /\S/.test(line.slice(0, start)) && rightStart(line) === start);
  if (both.length < MIN_COLUMN_LINES) return false;
  const indent = Math.min(...both.map((line) => line.search(/\S/)));
  const left = both.map((line) => line.slice(indent, start).trimEnd());
  const right = both.map((line) => line.slice(start).trimEnd());
  const filled = (texts: string[]): boolean => {
    const widest = Math.max(...texts.map((text) => text.length));
    const prose = texts.filter((text) => text.length >= FILLED * widest && (text.match(WORD)?.length ?? 0) >= MIN_LINE_WORDS);
    return widest >= MIN_COLUMN_WIDTH && 2 * prose.length >= texts.length;
  };
  return filled(left) && filled(right);
}

/**
 * The lines of a text with each block of two columns (`pdftotext -layout`'s) read as its left column, a blank line (as
 * pdftotext without `-layout` writes a column's break), then its right column; other lines as they are. A block is the
 * run of lines, from one whose right column begins after a gutter (SPLIT), that leave that gutter empty (`fitsGutter`),
 * when its columns are prose (`isColumnBlock`). A block that is none is passed over, up to its last line with that gutter.
 */
export function readColumns(lines: readonly string[]): ColumnLines {
  const out: ColumnLines = { lines: [], origin: [] };
  const keep = (line: string, i: number): void => {
    out.lines.push(line);
    out.origin.push(i);
  };
  for (let i = 0; i < lines.length; ) {
    const start = rightStart(lines[i]!);
    let end = i + 1;
    if (start !== undefined) while (end < lines.length && fitsGutter(lines[end]!, start)) end++;
    // Blank lines after the block are no part of it.
    while (end > i + 1 && !/\S/.test(lines[end - 1]!)) end--;
    if (start === undefined || !isColumnBlock(lines, i, end, start)) {
      // A block from a later line of the run with the same gutter would be a part of this one: passed over, up to the
      // last line whose right column begins there.
      let next = i + 1;
      for (let k = i + 1; start !== undefined && k < end; k++) if (rightStart(lines[k]!) === start) next = k + 1;
      for (let k = i; k < next; k++) keep(lines[k]!, k);
      i = next;
      continue;
    }
    for (let k = i; k < end; k++) keep(lines[k]!.slice(0, start).trimEnd(), k);
    keep('', end - 1);
    for (let k = i; k < end; k++) keep(lines[k]!.slice(start), k);
    i = end;
  }
  return out;
}

// Plain pdftotext (without `-layout`) may write two columns whose lines stand at slightly different heights line by
// line, each line a block of its own (a blank line after it), in the order of their heights: the lines of the two
// columns interleave (the Dragos 2026 Year in Review as text, page 34: `analysis, and sensitive source reporting,` /
// `customers, while renewable management` / `systems increasingly coordinate dispatch,` / … / `assets. Disruption or
// manipulation of these` / `though specific technical details cannot be` / `systems, even if localized, can introduce`,
// the left column's sentence and the right one's taking turns; read as passages, `analysis, and sensitive source
// reporting, customers, while renewable management` mixes them). Nothing in the text says which line is of which
// column, so they are not set apart; such a run is found, to be said: at least MIN_INTERLEAVED_LINES lines in a row, each
// a block's last line cut off in a sentence (ending with a word, a number or a comma) before a block beginning in lower
// case, each of a column's width (at most COLUMN_OF_PAGE of the text's width, the 90th percentile of its lines' lengths:
// the page's other lines are wider). A text all in two columns has no wider lines: its runs are not found.
const MIN_INTERLEAVED_LINES = 5;
const COLUMN_OF_PAGE = 0.6;
const CUT_IN_SENTENCE = /[\p{L}\p{N},]$/u;

/** A run of lines (1-based, `first` to `last`) that may be two columns interleaved line by line (see MIN_INTERLEAVED_LINES). */
export interface InterleavedRun {
  first: number;
  last: number;
}

/** The runs of a text's lines that may be two columns interleaved line by line by plain pdftotext (MIN_INTERLEAVED_LINES). */
export function interleavedLineRuns(text: string): InterleavedRun[] {
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.replace(/\s+/g, ' ').trim());
  const lengths = lines.map((line) => line.length).filter(Boolean).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const runs: InterleavedRun[] = [];
  // The next line with text after `i`, when a blank line stands between them (a block's end), or -1.
  const nextBlock = (i: number): number => {
    if (lines[i + 1] !== '') return -1;
    for (let j = i + 2; j < lines.length; j++) if (lines[j]) return j;
    return -1;
  };
  const cut = (i: number): boolean => {
    const next = nextBlock(i);
    return lines[i]!.length > 0 && lines[i]!.length <= COLUMN_OF_PAGE * width && CUT_IN_SENTENCE.test(lines[i]!) && next >= 0 && /^\p{Ll}/u.test(lines[next]!);
  };
  for (let i = 0; i < lines.length; i++) {
    if (!cut(i)) continue;
    // The run goes on while each line is a block of its own, cut off before the next; it ends with the line it goes on to.
    const first = i;
    let count = 1;
    let at = nextBlock(i);
    while (cut(at)) {
      count++;
      at = nextBlock(at);
    }
    if (count >= MIN_INTERLEAVED_LINES) runs.push({ first: first + 1, last: at + 1 });
    i = at > i ? at : i;
  }
  return runs;
}
