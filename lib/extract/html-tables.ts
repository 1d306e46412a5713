import { foldText, type FoldedText } from '../normalize/tokenize-references.js';
import { JoinedRow, type ReadLine } from './grid-tables.js';

// The tags an HTML table is read by; any other tag in a cell is left out, its text kept (`<strong>`, `<a href=…>`).
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*)>/g;
// Tags that part the text of a cell (a paragraph, a line break, a list item): a space between their texts.
const CELL_BREAK = new Set(['p', 'br', 'div', 'ul', 'ol', 'li']);
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };
// The pieces of a cell's text: a character reference, a run of white space, a run of other characters.
const PIECE = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});|\s+|[^\s&|]+|[&|]/gi;
// A link's address that names a technique (`techniques/T1133.html`, `../techniques/T1053/005/`, ATT&CK's own pages).
const TECHNIQUE_HREF = /(?:^|[/#=])T\d{4}(?:[./]\d{3})?(?=[/.#?]|$)/i;
// A technique's ID in a link's text (`<a href="…/T1003/">T1003</a>`), which says the technique without its address.
const ID_TEXT = /\bT\d{4}\b/i;
// How many lines a table may take: a `<table>` never closed costs no walk to the end of the text.
const MAX_TABLE_LINES = 2000;

/** A cell being read: whether it is a header's (`<th>`), how many columns and rows it spans, and whether its text has begun. */
interface Cell {
  header: boolean;
  span: number;
  rows: number;
  wrote: boolean;
  /** What parts the next text from the text before it: a space, `, ` between list items, or nothing. */
  gap: string;
}

/** A character reference's text, or undefined for one this reader does not know. */
function characterReference(piece: string): string | undefined {
  const body = piece.slice(1, -1);
  if (body.startsWith('#')) {
    const code = /^#x/i.test(body) ? parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return ENTITIES[body.toLowerCase()];
}

/**
 * The lines of a report with each HTML table read as a Markdown table, its cells told by their tags (a cell on a line
 * of its own, `<p>` or `<br>` or a line break inside a `<td>`, as CISA's advisories and vendors' blogs write their ATT&CK
 * tables, or a row on each line, as a scraped page leaves it): its caption on a line of its own, then one line per row,
 * `| cell | cell |`, each cell's text without its tags, its character references read, its paragraphs and list items
 * joined (list items by `, `); a delimiter row under a row of `<th>` cells; a cell spanning rows (`rowspan`) written in
 * its first row, an empty cell in its columns in the rows under it. The table's other lines are blank after its rows, so
 * that the lines keep their count. A table of more rows than lines, one that holds another, or one with text outside
 * its cells (text before its `<table>` or after its `</table>` on their lines) is left as it is; so are lines a grid,
 * dash or box table already holds (`origin`).
 */
export function readHtmlTables(lines: readonly FoldedText[], read: ReadLine[]): ReadLine[] {
  const out = read;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.length > 4000 || read[i]!.origin) continue;
    const open = /<table\b/i.exec(text);
    if (!open || /\S/.test(text.slice(0, open.index).replace(TAG, ''))) continue;
    let end = i;
    const last = Math.min(lines.length, i + MAX_TABLE_LINES);
    while (end < last && !/<\/table\s*>/i.test(lines[end]!.text) && !read[end]!.origin) end++;
    if (end >= last || read[end]!.origin) continue;
    const rows = tableRows(lines, i, end, open.index);
    // Its rows are written over its own lines: a table of more rows than lines (several rows on one line) is left as it
    // is, for no line after it to be written over. A table left as it is leaves the tables it holds so too: its lines
    // are passed, the first `</table>` being the one inside it.
    if (rows && rows.length <= end - i + 1) {
      for (const [n, row] of rows.entries()) out[i + n] = row;
      for (let n = i + rows.length; n <= end; n++) out[n] = { folded: foldText(''), number: n + 1 };
    }
    i = end;
  }
  return out;
}

/**
 * The rows of the table from line `first` (its `<table>` at `at`) to line `end`, as `readHtmlTables` writes them;
 * undefined when the table holds another, or text stands outside its cells.
 */
function tableRows(lines: readonly FoldedText[], first: number, end: number, at: number): ReadLine[] | undefined {
  const rows: ReadLine[] = [];
  let row: JoinedRow | undefined;
  let rowLine = 0;
  let cell: Cell | undefined;
  let cells: Cell[] = [];
  let caption: { row: JoinedRow; line: number; wrote: boolean; gap: string } | undefined;
  let stray = false;
  let tables = 0;
  // A link in a cell to a technique's page whose text is no ID (`<a href="techniques/T1133.html">外部远程服务</a>`, a
  // Chinese rendering of the ATT&CK matrix as its site sets it): written as a Markdown link, `[外部远程服务](techniques/T1133.html)`,
  // so that its address names the technique as a Markdown table's link does. Its address, where it is on its line;
  // whether its `[` is written.
  let link: { href: string; line: FoldedText; number: number; start: number; open: boolean } | undefined;
  // A cell spanning rows (`<td rowspan="3">Defense Evasion</td>`, a tactic over its techniques' rows) is written in its
  // first row; the rows under it get an empty cell in its columns, as a Markdown table leaves a merged cell empty, so
  // that each cell of theirs stands under its header and the tactic is carried down to them. How many rows under each
  // column a cell above still spans, and the column the row has reached.
  const covered: number[] = [];
  let column = 0;
  const skipCovered = (): void => {
    for (; row && (covered[column] ?? 0) > 0; column++) {
      row.push(' |');
      covered[column]!--;
    }
  };
  const endCell = (): void => {
    if (!row || !cell) return;
    row.push(' |');
    for (let k = 1; k < cell.span; k++) row.push(' |');
    for (let k = 0; k < cell.span && cell.rows > 1; k++) covered[column + k] = cell.rows - 1;
    column += cell.span;
    cells.push(cell);
    cell = undefined;
  };
  const endRow = (): void => {
    endCell();
    if (cells.length) skipCovered();
    column = 0;
    if (row && cells.length && rowLine) {
      rows.push(row.line(rowLine));
      if (cells.every((c) => c.header)) rows.push({ folded: foldText(`|${cells.flatMap((c) => Array<string>(c.span).fill('---|')).join('')}`), number: rowLine });
    }
    row = undefined;
    cells = [];
  };
  for (let k = first; k <= end; k++) {
    const folded = lines[k]!;
    const text = folded.text;
    const base = k === first ? at : 0;
    let from = base;
    const write = (start: number, stop: number): void => {
      const state = cell && row ? cell : caption;
      const into = cell && row ? row : caption?.row;
      if (!state || !into) {
        // Text outside the cells and caption (after `</table>` on its line, or loose in a row) would be lost.
        stray ||= /\S/.test(text.slice(start, stop).replace(/&nbsp;/gi, ''));
        return;
      }
      for (const piece of text.slice(start, stop).matchAll(PIECE)) {
        const value = piece[0];
        const reference = value.startsWith('&') && value.length > 1 ? characterReference(value) : undefined;
        if (/^\s+$/.test(value) || reference === ' ') {
          if (state.wrote && !state.gap) state.gap = ' ';
          continue;
        }
        into.push(state.wrote ? state.gap : state === cell ? ' ' : '');
        if (link && !link.open && state === cell) {
          into.push('[');
          link.open = true;
        }
        // A pipe in a cell would end it in the row's Markdown: it is written as a slash.
        if (value === '|') into.push('/');
        else if (reference !== undefined) into.push(reference);
        else into.push(value, { folded, number: k + 1, start: start + piece.index });
        // A row is where its first text is written (not its `<tr>`, alone on a line before its cells).
        if (state === cell) rowLine ||= k + 1;
        state.wrote = true;
        state.gap = '';
      }
    };
    for (const tag of text.slice(base).matchAll(TAG)) {
      const start = base + tag.index;
      write(from, start);
      from = start + tag[0].length;
      const closing = tag[1] === '/';
      const name = tag[2]!.toLowerCase();
      if (name === 'table') {
        if (!closing && ++tables > 1) return undefined;
        if (closing) endRow();
      } else if (name === 'tr') {
        endRow();
        if (!closing) {
          row = new JoinedRow();
          row.push('|');
          rowLine = 0;
        }
      } else if (name === 'td' || name === 'th') {
        endCell();
        if (!closing) {
          if (!row) {
            row = new JoinedRow();
            row.push('|');
            rowLine = 0;
          }
          skipCovered();
          const span = Number(/\bcolspan\s*=\s*["']?(\d{1,2})/i.exec(tag[3]!)?.[1] ?? 1);
          const rows = Math.max(1, Math.min(Number(/\browspan\s*=\s*["']?(\d{1,3})/i.exec(tag[3]!)?.[1] ?? 1), MAX_TABLE_LINES));
          cell = { header: name === 'th', span: Math.max(1, Math.min(span, 20)), rows, wrote: false, gap: '' };
        }
      } else if (name === 'caption') {
        if (!closing) caption = { row: new JoinedRow(), line: k + 1, wrote: false, gap: '' };
        else if (caption) {
          if (caption.wrote) rows.push(caption.row.line(caption.line));
          caption = undefined;
        }
      } else if (name === 'a') {
        if (closing && link?.open && row) {
          row.push('](');
          row.push(link.href, { folded: link.line, number: link.number, start: link.start });
          row.push(')');
        }
        link = undefined;
        const href = /\bhref\s*=\s*["']?([^"'\s<>]+)/i.exec(tag[0]);
        // Its text up to its `</a>` on the same line: a link whose end is on another line is left as its text.
        const end = /<\/a\s*>/i.exec(text.slice(from));
        if (!closing && cell && href && TECHNIQUE_HREF.test(href[1]!) && end && !ID_TEXT.test(text.slice(from, from + end.index).replace(TAG, ''))) {
          link = { href: href[1]!, line: folded, number: k + 1, start: start + href.index + href[0].length - href[1]!.length, open: false };
        }
      } else if (cell && CELL_BREAK.has(name) && cell.wrote) {
        cell.gap = name === 'li' && !closing ? ', ' : cell.gap || ' ';
      }
    }
    write(from, text.length);
    // A line break in a cell or caption parts its words.
    for (const state of [cell, caption]) if (state?.wrote && !state.gap) state.gap = ' ';
  }
  endRow();
  return stray ? undefined : rows;
}
