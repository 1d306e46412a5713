import type { FoldedText } from '../normalize/tokenize-references.js';
import type { ReadLine } from './grid-tables.js';

// A table drawn with box-drawing characters, as Python's rich (Mandiant's capa: `│ ATT&CK Tactic │ ATT&CK Technique │`)
// and other console tools print one: its column rules (`│`, `┃`, `║`, or `¦` where a Windows console showed `│` so) and
// its borders (`┍━━━┯━━━┑`, `├───┼───┤`, `╞═══╪═══╡`). A row is a line that begins and ends with a rule, two at least.
const RULES = /[│┃║¦]/g;
const ROW = /^\s{0,40}[│┃║¦].*[│┃║¦]\s*$/;
// A border: box-drawing characters (U+2500 to U+257F), or the dashes, pluses and rules a console wrote for them
// (`+-----+-----¦`), between the rows of such a table.
const BORDER = /^\s{0,40}[\u2500-\u257F¦+=\-|]{3,}\s*$/;
const JUNCTIONS = /[\u2500-\u257F¦+|]/g;
const HORIZONTALS = /[─━═┄┅┈┉╌╍╴╶╸╺=\-]/g;

/** The line with its box rules written `|` and, for a border, its horizontals `-`: a Markdown table's row or delimiter row. */
function asMarkdown(folded: FoldedText, border: boolean): FoldedText {
  // One character for one: the map back to the written line stays the line's own.
  if (!border) return { ...folded, text: folded.text.replace(RULES, '|') };
  // A border's ends are a delimiter row's `|`, where a console left a dash (` -----+-----`).
  const text = folded.text.replace(HORIZONTALS, '-').replace(JUNCTIONS, '|').replace(/^(\s*)-/, '$1|').replace(/-(\s*)$/, '|$1');
  return { ...folded, text };
}

// A box-drawn table run into one line (pasted or scraped without its line breaks): its rules, and a border's run of
// box-drawing horizontals among them (`┌────┬────┐ │ ATT&CK Tactic │ ATT&CK Technique │ ├────┼────┤ │ DEFENSE EVASION │ …`).
const RUN_TOGETHER = /[\u2500-\u257F]{3}/;
const CORNERS = /[\u2500-\u257F]/g;

/**
 * A box-drawn table run into one line written as tabulate writes one in ASCII, one character for one (rules `|`,
 * horizontals `-`, corners and junctions `+`): a pipe table's header and rows on one line, which the line's reading
 * takes row by row. Undefined for a line that is no such table (fewer than four rules, or no border).
 */
function asAsciiTable(folded: FoldedText): FoldedText | undefined {
  const text = folded.text;
  if (text.length > 20000 || !RUN_TOGETHER.test(text) || (text.match(RULES)?.length ?? 0) < 4) return undefined;
  return { ...folded, text: text.replace(RULES, '|').replace(HORIZONTALS, '-').replace(CORNERS, '+') };
}

/**
 * The lines of a report with each table drawn in box-drawing characters read as a Markdown table: its rows' rules as
 * `|`, its borders as delimiter rows, so that a row's empty tactic cell is that of the rows above it, as in a Markdown
 * table. A run of such lines is one with a row in it; lines a grid or dash table already holds (`origin`) stay theirs. A
 * table run into one line is written as its ASCII form (`asAsciiTable`).
 */
export function readBoxTables(lines: readonly FoldedText[], read: ReadLine[]): ReadLine[] {
  const out = read;
  for (let i = 0; i < lines.length; i++) {
    if (read[i]!.origin) continue;
    let end = i;
    let rows = 0;
    for (; end < lines.length && !read[end]!.origin; end++) {
      const text = lines[end]!.text;
      if (text.length > 4000) break;
      if (ROW.test(text) && (text.match(RULES)?.length ?? 0) >= 2) rows++;
      else if (!BORDER.test(text)) break;
    }
    if (!rows) {
      const ascii = end === i ? asAsciiTable(lines[i]!) : undefined;
      if (ascii) out[i] = { folded: ascii, number: i + 1 };
      continue;
    }
    for (let k = i; k < end; k++) out[k] = { folded: asMarkdown(lines[k]!, !ROW.test(lines[k]!.text)), number: k + 1 };
    i = end - 1;
  }
  return out;
}
