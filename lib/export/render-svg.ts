import type { LayerLink, LayerMetadata } from '../layer/layer-types.js';
import { DISABLED_TEXT, emptyTacticReasons, entriesNotDrawn, notDrawnHeading, type MatrixCell, type MatrixModel } from './matrix-model.js';
import { cutLines, cutWords, FONT_FAMILY, textWidth, wholeWordLines, wrapText } from './text-measure.js';

/** Options of `renderSvgPages`. */
export interface SvgOptions {
  /** Start each page with an XML declaration, for a file of its own (default true; false to embed pages in HTML). */
  declaration?: boolean;
}

/**
 * Every page is A4 landscape, in points (841.89 x 595.28), and everything is laid out in points. The cells' font size
 * is the largest of CELL_FONT_SIZES at which the matrix needs no more pages than at the smallest: one page whenever
 * it fits one at 4.5 pt. Page 1 shows every tactic column from the top, as Navigator does; what does not fit goes on
 * to the next pages, column after column in matrix order (a long column takes several places side by side).
 */
const PAGE_WIDTH = 841.89;
const PAGE_HEIGHT = 595.28;
const MARGIN = 20;
/** The width the text and the matrix take. */
const WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** Space between the blocks of a page: header, matrix, legend. */
const BLOCK_GAP = 8;
const COLUMN_GAP = 3;
const PAD_X = 2;
const PAD_Y = 1.2;
const SUB_INDENT = 5;
const SIDEBAR = 2.5;
const CELL_FONT_SIZES = [7, 6.75, 6.5, 6.25, 6, 5.75, 5.5, 5.25, 5, 4.75, 4.5];
/** Below this size, cutting plain cells to one line reads better than shrinking the text further. */
const FULL_TEXT_MIN_SIZE = 6;
/** Page 1 holds the name and description above the matrix while this much height is left for the matrix. */
const MIN_MATRIX_ROOM = 160;
/** Where a line's baseline is below the top of its line box, in ems (Arial's ascent is 0.905). */
const ASCENT = 0.93;
const GRID = '#d9d9d9';
/**
 * The matrix's lines, as Navigator's SVG export strokes every cell and the tactic row band: its light theme's
 * tableBorderColor, at its 1 px (0.75 pt).
 */
const TABLE_BORDER = '#6b7279';
const BORDER_WIDTH = 0.75;
const MUTED = '#595959';
const NOTES_SHOWN = 8;

/** Escape text for XML content and attributes; characters XML cannot hold become U+FFFD. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A number for an attribute: at most 2 decimals, no trailing zeros. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Metadata as `name: value` lines, a divider as a rule. */
export function metadataLines(metadata: readonly LayerMetadata[]): string[] {
  return metadata.map((item) => ('divider' in item ? '—' : `${item.name}: ${item.value}`));
}

/** Links as `label: url` lines, a divider as a rule. */
export function linkLines(links: readonly LayerLink[]): string[] {
  return links.map((link) => ('divider' in link ? '—' : `${link.label}: ${link.url}`));
}

/** What hovering a cell shows: ID, name, tactic, score, comment, metadata and links. */
export function cellTooltip(cell: MatrixCell, column: { name: string }): string {
  const head = [`${cell.id} ${cell.name}`, `${column.name}${cell.score !== undefined ? ` · score ${cell.score}` : ''}${cell.aggregateScore !== undefined ? ` · aggregate score ${cell.aggregateScore}` : ''}${cell.enabled ? '' : ' · disabled'}`];
  const parts = [head.join('\n')];
  if (cell.comment) parts.push(cell.comment);
  if (cell.metadata.length) parts.push(metadataLines(cell.metadata).join('\n'));
  if (cell.links.length) parts.push(linkLines(cell.links).join('\n'));
  if (cell.collapsedAnnotated) parts.push(`${cell.collapsedAnnotated} annotated sub-technique${cell.collapsedAnnotated === 1 ? '' : 's'} collapsed here`);
  return parts.join('\n\n');
}

/**
 * What Navigator's SVG export says of aggregate scores (its "aggregate" header section), which colour and sort
 * techniques with sub-techniques instead of their own scores: `average, unscored counted as 0`.
 */
export function aggregateText(model: Pick<MatrixModel, 'aggregate'>): string | undefined {
  if (!model.aggregate) return undefined;
  return `${model.aggregate.function}${model.aggregate.countUnscored ? ', unscored counted as 0' : ''}`;
}

/** The entries the count of annotated ones leaves out, that only expand a parent (`MatrixModel.layoutOnly`), in a clause. */
function layoutOnlyText(count: number): string {
  if (!count) return '';
  return count === 1 ? ', and 1 that only expands its sub-techniques' : `, and ${count} that only expand their sub-techniques`;
}

/**
 * What `--subtechniques` made of the layer's own expansion, in the words of the lines that list what is not drawn
 * (`collapsed under their parents`): `sub-techniques: none` read as if the techniques had none.
 */
const SUBTECHNIQUES_SHOWN: Readonly<Record<Exclude<MatrixModel['subtechniques'], 'layer'>, string>> = {
  none: 'sub-techniques collapsed under their parents',
  expanded: 'every sub-technique shown under its parent',
  annotated: 'sub-techniques shown under the parents of annotated ones',
};

/** `ATT&CK enterprise-attack 18.1 · platforms: Windows · ...`: what the picture shows, in one line. */
export function summaryLine(model: MatrixModel): string {
  const declared = model.declaredAttack && model.declaredAttack !== model.release.split('.')[0] ? ` (layer made for ${model.declaredAttack})` : '';
  const scored = model.rows.filter((row) => row.score !== undefined).length;
  return [
    `ATT&CK ${model.domain} ${model.release}${declared}`,
    `platforms: ${model.platforms ? model.platforms.join(', ') || 'none' : 'all'}`,
    `${model.rows.length} annotated technique entr${model.rows.length === 1 ? 'y' : 'ies'}, ${scored} scored${layoutOnlyText(model.layoutOnly)}`,
    model.aggregate ? `aggregate scores: ${aggregateText(model)}` : undefined,
    model.subtechniques === 'layer' ? undefined : SUBTECHNIQUES_SHOWN[model.subtechniques],
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A cell's text as the layout says: the ID, the name, or both. */
export function cellText(cell: MatrixCell, model: Pick<MatrixModel, 'showID' | 'showName'>): string {
  return [model.showID ? cell.id : '', model.showName ? cell.name : ''].filter(Boolean).join(' ');
}

/** A technique or sub-technique as laid out in its column, before it is given a page. */
interface Item {
  cell: MatrixCell;
  /** The technique a sub-technique is shown under. */
  parent?: MatrixCell;
  indent: number;
  height: number;
  lines: string[];
  /** The width its name has: the column's, less the indent and the sub-technique handle (its first line less the score too). */
  width: number;
  /** Its name wrapped to `width`, whole: what `lines` shows, or more where the name is cut. */
  whole: string[];
}

/** The part of one tactic column that one page shows, at one place (slot) of the page. */
interface Segment {
  column: number;
  slot: number;
  /** Not the top of the column: the column began on an earlier page or slot. */
  continued: boolean;
  /** A segment that starts among a technique's sub-techniques names that technique first, on one line. */
  parentLine?: string;
  items: Item[];
  /** Height below the tactic header. */
  height: number;
}

interface MatrixLayout {
  size: number;
  /** Cells that carry no annotation are cut: to one line, or to more where their column has the room (`widenPlainCells`). */
  compact: boolean;
  /** The items of each tactic column, top down, before they are given pages. */
  columns: Item[][];
  lineHeight: number;
  columnWidth: number;
  headerLines: string[][];
  headerHeight: number;
  /** The segments of each page, page 1 first. */
  pages: Segment[][];
  /** The tactic names' size: the cells' size plus 1, or less where a word of a name would not fit its column. */
  headerSize: number;
  /** True when a cell shown in full has a word too wide for its line, so cut in two (asked only when it matters). */
  cutsWords: () => boolean;
}

/** The height left for the matrix (tactic headers included) on its first page and on the pages after it. */
interface Rooms {
  first: number;
  next: number;
  /**
   * The places (columns) of page 1: one per tactic, or more for a matrix packed on one page, whose long columns go on
   * in the places beside them (`fitLayout`); `next` is then `first`, every part being on page 1.
   */
  places: number;
}

/** The height of a cell of `lines` lines (at least one). */
function cellHeight(lines: number, lineHeight: number): number {
  return Math.max(1, lines) * lineHeight + 2 * PAD_Y;
}

/**
 * Where a column's items are cut into the parts the pages show: the first from the top of page 1 (`rooms.first`), the
 * others on the pages after it (`rooms.next`), each as many items as fit (at least one, so that every page makes
 * progress). A part that starts among a technique's sub-techniques begins with a line naming that technique.
 */
function segmentsOf(
  items: readonly Item[],
  rooms: Rooms,
  headerHeight: number,
  oneLine: number,
  heightOf: (item: Item) => number = (item) => item.height,
): { from: number; end: number; height: number }[] {
  const segments: { from: number; end: number; height: number }[] = [];
  let from = 0;
  do {
    const room = (from ? rooms.next : rooms.first) - headerHeight;
    let height = from && items[from]!.parent ? oneLine : 0;
    let end = from;
    while (end < items.length && (end === from || height + heightOf(items[end]!) <= room)) height += heightOf(items[end++]!);
    segments.push({ from, end, height });
    from = end;
  } while (from < items.length);
  return segments;
}

/**
 * The segments of each page, page 1 first: page 1 shows every column from the top, the pages after it the rest,
 * column after column in matrix order.
 */
function pagesOf(model: MatrixModel, columns: readonly Item[][], at: Pick<MatrixLayout, 'size' | 'lineHeight' | 'columnWidth' | 'headerHeight'>, rooms: Rooms): Segment[][] {
  const { size, lineHeight, columnWidth, headerHeight } = at;
  const count = Math.max(1, model.columns.length);
  const packed = rooms.places > count;
  const oneLine = cellHeight(1, lineHeight);
  const pages: Segment[][] = [[]];
  let page: Segment[] = [];
  columns.forEach((items, column) => {
    segmentsOf(items, rooms, headerHeight, oneLine).forEach(({ from, end, height }) => {
      // A segment that starts among a technique's sub-techniques names that technique first, cut to what leaves room
      // for the mark, so that the mark always shows.
      const parent = from ? items[from]!.parent : undefined;
      const mark = ' (cont.)';
      const parentLine = parent ? `${wrapText(cellText(parent, model), columnWidth - 2 * PAD_X - textWidth(mark, size), size, { maxLines: 1 })[0]}${mark}` : undefined;
      const segment = { column, continued: from > 0, ...(parentLine === undefined ? {} : { parentLine }), items: items.slice(from, end), height };
      if (!from && !packed) {
        pages[0]!.push({ ...segment, slot: column });
        return;
      }
      // Packed, every part goes on page 1 beside the one before, while its places last.
      if (packed && pages.length === 1 && pages[0]!.length < rooms.places) {
        pages[0]!.push({ ...segment, slot: pages[0]!.length });
        return;
      }
      if (page.length === count) {
        pages.push(page);
        page = [];
      }
      page.push({ ...segment, slot: page.length });
    });
  });
  if (page.length) pages.push(page);
  return pages;
}

/** The layout at one size. `compact`: cells that carry no annotation are cut to one line. */
function layoutAt(model: MatrixModel, size: number, compact: boolean, rooms: Rooms): MatrixLayout {
  const lineHeight = size * 1.15;
  const columnWidth = (WIDTH - COLUMN_GAP * (rooms.places - 1)) / rooms.places;
  const room = columnWidth - 2 * PAD_X;
  const widest = Math.max(...model.columns.flatMap((column) => column.name.split(/\s+/).map((word) => textWidth(word, 1, true))));
  const headerSize = Math.min(size + 1, Math.floor((4 * room) / widest) / 4);
  const headerLines = model.columns.map((column) => wrapText(column.name, columnWidth - 2 * PAD_X, headerSize, { bold: true, maxLines: 3 }));
  const headerHeight = Math.max(1, ...headerLines.map((lines) => lines.length)) * headerSize * 1.2 + size * 1.2 + 2 * PAD_Y + 2;
  // What is shown in full, and the width it has, for `cutsWords`.
  const full: [text: string, width: number, firstWidth: number][] = [];

  const columns = model.columns.map((column) => {
    const items: Item[] = [];
    const add = (cell: MatrixCell, parent?: MatrixCell): void => {
      const indent = parent ? SUB_INDENT : 0;
      const scoreWidth = cell.score !== undefined ? textWidth(String(cell.score), size, true) + 1.5 : 0;
      const sidebar = cell.subtechniqueCount ? SIDEBAR + 1 : 0;
      const width = columnWidth - indent - 2 * PAD_X - sidebar;
      // The score is drawn at the end of the first line alone: the lines below it have the whole width.
      const firstWidth = width - scoreWidth;
      const cut = compact && !cell.annotated;
      const whole = wrapText(cellText(cell, model), width, size, { firstWidth });
      // A cell that is cut carries no annotation, so no score: its first line is as wide as the others.
      const lines = cut ? cutLines(whole, width, size, { maxLines: 1 }) : whole;
      if (!cut) full.push([cellText(cell, model), width, firstWidth]);
      items.push({ cell, ...(parent ? { parent } : {}), indent, height: cellHeight(lines.length, lineHeight), lines, width, whole });
    };
    for (const cell of column.cells) {
      add(cell);
      for (const sub of cell.subtechniques) add(sub, cell);
    }
    return items;
  });

  const pages = pagesOf(model, columns, { size, lineHeight, columnWidth, headerHeight }, rooms);
  return {
    size,
    compact,
    columns,
    lineHeight,
    columnWidth,
    headerLines,
    headerHeight,
    pages,
    headerSize,
    cutsWords: () => full.some(([text, width, firstWidth]) => cutWords(text, width, size, false, firstWidth) > 0),
  };
}

/**
 * The layout on the fewest pages, with the largest font that keeps to them and cuts no word in two (failing that,
 * the largest that keeps to them): every cell's full text at 7 pt down to 6 pt, then cells that carry no annotation
 * cut to one line (their full name is in the hover title) down to 4.5 pt.
 *
 * A matrix that takes more than one page so is drawn on one where it can, packed: its long columns go on in places
 * beside them on page 1, every column narrower (a two-campaign aggregate: Defense Evasion, with the sub-techniques of
 * T1027, T1055 and T1218 shown, in three places of 16). That is one page with the fewest places that give one, at
 * the largest size that cuts no word in two and sets no tactic name smaller than the cells; the places are as many as
 * leave the tactic names that room at 4.5 pt. Where none does, the pages are as before.
 */
function fitLayout(model: MatrixModel, rooms: Omit<Rooms, 'places'>): MatrixLayout {
  const count = Math.max(1, model.columns.length);
  const layout = fitLayoutIn(model, { ...rooms, places: count });
  if (layout.pages.length === 1) return layout;
  for (let places = count + 1; ; places++) {
    const onePage = { first: rooms.first, next: rooms.first, places };
    const smallest = layoutAt(model, CELL_FONT_SIZES[CELL_FONT_SIZES.length - 1]!, true, onePage);
    if (smallest.headerSize < smallest.size) return layout;
    const packed = smallest.pages.length === 1 ? fitLayoutIn(model, onePage, true, smallest) : undefined;
    if (packed) return packed;
  }
}

/**
 * `fitLayout` in the places `rooms` gives. `onePage`: only a layout of one page that cuts no word in two and sets no
 * tactic name smaller than the cells, else none.
 */
function fitLayoutIn(model: MatrixModel, rooms: Rooms, onePage?: false): MatrixLayout;
function fitLayoutIn(model: MatrixModel, rooms: Rooms, onePage: true, smallest: MatrixLayout): MatrixLayout | undefined;
function fitLayoutIn(model: MatrixModel, rooms: Rooms, onePage = false, smallestGiven?: MatrixLayout): MatrixLayout | undefined {
  const tries: [compact: boolean, size: number][] = [
    ...CELL_FONT_SIZES.filter((size) => size >= FULL_TEXT_MIN_SIZE).map((size): [boolean, number] => [false, size]),
    ...CELL_FONT_SIZES.map((size): [boolean, number] => [true, size]),
  ];
  const smallest = smallestGiven ?? layoutAt(model, CELL_FONT_SIZES[CELL_FONT_SIZES.length - 1]!, true, rooms);
  let first: MatrixLayout | undefined;
  for (const [compact, size] of tries) {
    const layout = compact && size === smallest.size ? smallest : layoutAt(model, size, compact, rooms);
    if (layout.pages.length > smallest.pages.length || (onePage && layout.headerSize < layout.size)) continue;
    if (!layout.cutsWords()) return widenPlainCells(model, layout, rooms);
    first ??= layout;
  }
  return onePage ? undefined : widenPlainCells(model, first!, rooms);
}

/** How many places (segments) each column takes over all pages. */
function placesOf(layout: MatrixLayout): number[] {
  const places: number[] = [];
  for (const segment of layout.pages.flat()) places[segment.column] = (places[segment.column] ?? 0) + 1;
  return places;
}

/**
 * Give the cut cells of a compact layout the lines their column has room for, column by column in matrix order: a
 * column shorter than the page's longest (Defense Evasion's, as a rule) has room below it, and a name cut to one line
 * there (`T1190 Exploit Pub…`) leaves that room empty. First as many names as fit are shown whole, those that take the
 * fewest lines first (`T1207 Rogue` / `Domain Controller`), each top down; then the room left gives the names still cut
 * a line more each, top down, as long as it lasts, so that no cell is taller than its name. A name is never shown with
 * a word cut in two over two lines (`Acquire` / `Infrastructur` / `e`, where a word is wider than the column): it is cut
 * with an ellipsis on the line that word begins (`Acquire` / `Infrastructu…`). Every step keeps the matrix
 * to its pages and every column that fit page 1 whole to page 1 (a column continued on later pages may take more places
 * there, on room the pages it is on leave empty).
 */
function widenPlainCells(model: MatrixModel, layout: MatrixLayout, rooms: Rooms): MatrixLayout {
  if (!layout.compact) return layout;
  // A column takes the same places whatever the others take (page 1 shows every column from the top, the pages after
  // it the rest, column after column), and its cells are its own (`matrixModel` makes a cell per tactic), so each
  // column's cells are decided on its own items' heights alone, and the pages are made once, at the end; a name is
  // wrapped once, by `layoutAt`.
  const count = Math.max(1, model.columns.length);
  const pageCount = (places: readonly number[]): number => {
    const sum = places.reduce((total, value) => total + value, 0);
    return rooms.places > count ? (sum <= rooms.places ? 1 : 2) : 1 + Math.ceil((sum - places.length) / count);
  };
  const { lineHeight, size } = layout;
  const oneLine = cellHeight(1, lineHeight);
  const places = placesOf(layout);
  let widened = false;
  const columns = layout.columns.map((items, column) => {
    const pages = pageCount(places);
    const fits = (taken: number): boolean => (places[column] !== 1 || taken === 1) && pageCount(places.map((value, i) => (i === column ? taken : value))) <= pages;
    // The lines each cut cell is given so far.
    const given = new Map<Item, number>();
    const linesOf = (item: Item): number => given.get(item) ?? item.lines.length;
    /** Gives the first cells of `order` the lines `to` says, as many of them as keep the column to its places; how many. */
    const giveMost = (order: readonly Item[], to: (item: Item) => number): number => {
      const placesWith = (some: number): number => {
        const more = new Map(order.slice(0, some).map((item) => [item, to(item)]));
        return segmentsOf(items, rooms, layout.headerHeight, oneLine, (item) => cellHeight(more.get(item) ?? linesOf(item), lineHeight)).length;
      };
      // More lines never make a column shorter, so the most cells that fit are found by halving.
      let low = 0;
      let high = order.length;
      let found = places[column]!;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        const taken = placesWith(middle);
        if (fits(taken)) {
          low = middle;
          found = taken;
        } else high = middle - 1;
      }
      places[column] = found;
      for (const item of order.slice(0, low)) given.set(item, to(item));
      return low;
    };
    // The most lines each cell may show: its whole name, or the lines up to a word cut in two.
    const most = new Map(items.map((item) => [item, wholeWordLines(cellText(item.cell, model), item.whole)]));
    const cut = (): Item[] => items.filter((item) => linesOf(item) < most.get(item)!);
    giveMost(
      cut()
        .filter((item) => most.get(item) === item.whole.length)
        .sort((a, b) => a.whole.length - b.whole.length),
      (item) => item.whole.length,
    );
    let rest = cut();
    while (rest.length && giveMost(rest, (item) => linesOf(item) + 1)) rest = cut();
    if (given.size) widened = true;
    return given.size ? items.map((item) => (given.has(item) ? widen(item, given.get(item)!, size, lineHeight) : item)) : items;
  });
  return widened ? { ...layout, columns, pages: pagesOf(model, columns, layout, rooms) } : layout;
}

/** A cut cell shown on `lines` lines: its name wrapped whole, cut with an ellipsis only where it takes more. */
function widen(item: Item, lines: number, size: number, lineHeight: number): Item {
  return { ...item, lines: cutLines(item.whole, item.width, size, { maxLines: lines }), height: cellHeight(lines, lineHeight) };
}

function textElement(lines: readonly string[], x: number, y: number, lineHeight: number, attributes: string): string {
  if (lines.length === 1) return `<text x="${n(x)}" y="${n(y)}"${attributes}>${escapeXml(lines[0]!)}</text>`;
  const spans = lines.map((line, i) => `<tspan x="${n(x)}"${i ? ` dy="${n(lineHeight)}"` : ''}>${escapeXml(line)}</tspan>`).join('');
  return `<text x="${n(x)}" y="${n(y)}"${attributes}>${spans}</text>`;
}

function renderCell(item: Item, x: number, y: number, layout: MatrixLayout, column: { name: string }): string {
  const { cell, lines, height } = item;
  const width = layout.columnWidth - item.indent;
  const size = layout.size;
  const baseline = y + PAD_Y + size * ASCENT;
  const parts = [
    `<g class="technique${cell.subtechnique ? ' subtechnique' : ''}${cell.annotated ? ' annotated' : ''}${cell.enabled ? '' : ' disabled'}" ` +
      `data-technique="${cell.id}" data-tactic="${cell.tactic}"${cell.score !== undefined ? ` data-score="${cell.score}"` : ''}>`,
    `<title>${escapeXml(cellTooltip(cell, column))}</title>`,
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" fill="${cell.fill ?? '#ffffff'}" stroke="${TABLE_BORDER}" stroke-width="${BORDER_WIDTH}"/>`,
  ];
  // Navigator's SVG export marks each sub-technique shown with a bar on its left, in the table border colour
  // (svg-export.component.ts, the sub-technique groups' sidebar rect), in the indent that sets it under its parent.
  if (item.parent) parts.push(`<rect class="sub-sidebar" x="${n(x - SIDEBAR)}" y="${n(y)}" width="${SIDEBAR}" height="${n(height)}" fill="${TABLE_BORDER}"/>`);
  if (cell.subtechniqueCount) {
    // Navigator's handle for a technique with sub-techniques; a dot when annotated ones are collapsed in it.
    parts.push(`<rect x="${n(x + width - SIDEBAR)}" y="${n(y)}" width="${SIDEBAR}" height="${n(height)}" fill="#b3b3b3"/>`);
    if (cell.collapsedAnnotated) parts.push(`<circle cx="${n(x + width - SIDEBAR / 2)}" cy="${n(y + height / 2)}" r="${n(SIDEBAR / 2)}" fill="#1a1a1a"/>`);
  }
  if (lines.some(Boolean)) parts.push(textElement(lines, x + PAD_X, baseline, layout.lineHeight, ` fill="${cell.text}"`));
  if (cell.score !== undefined) {
    const right = x + width - PAD_X - (cell.subtechniqueCount ? SIDEBAR + 1 : 0);
    parts.push(`<text x="${n(right)}" y="${n(baseline)}" text-anchor="end" font-weight="bold" fill="${cell.text}">${cell.score}</text>`);
  }
  parts.push('</g>');
  return parts.join('');
}

/**
 * The layer's tactic row background (showTacticRowBackground) as Navigator's SVG export draws it: one band under the
 * tactic names across the matrix (svg-export.component.ts, the tactic-header-background rect as wide as the matrix,
 * stroked as its cells are), not a rect per column with the page showing between them; on a page of continued
 * columns, across those it shows.
 */
function tacticRowBand(segments: readonly Segment[], model: MatrixModel, layout: MatrixLayout, top: number): string {
  const row = model.tacticRow;
  if (!row || !segments.length) return '';
  const slots = Math.max(...segments.map((segment) => segment.slot)) + 1;
  const width = slots * layout.columnWidth + (slots - 1) * COLUMN_GAP;
  return `<rect class="tactic-row" x="${n(MARGIN)}" y="${n(top)}" width="${n(width)}" height="${n(layout.headerHeight - 1)}" fill="${row.fill}" stroke="${TABLE_BORDER}" stroke-width="${BORDER_WIDTH}"/>\n`;
}

/** One tactic column's part on a page: its header (with "continued" after the first part), then its cells. */
function renderSegment(segment: Segment, model: MatrixModel, layout: MatrixLayout, top: number): string {
  const column = model.columns[segment.column]!;
  const x = MARGIN + segment.slot * (layout.columnWidth + COLUMN_GAP);
  const headerSize = layout.headerSize;
  const count = column.cells.length;
  const techniques = `${count} technique${count === 1 ? '' : 's'}`;
  // On the layer's tactic row background (`tacticRowBand`), the text black or white, whichever reads better.
  const row = model.tacticRow;
  const tacticHeader =
    `<g class="tactic-header"><title>${escapeXml(`${column.tacticId} ${column.name}: ${techniques}`)}</title>` +
    textElement(layout.headerLines[segment.column]!, x + PAD_X, top + PAD_Y + headerSize, headerSize * 1.2, ` font-size="${n(headerSize)}" font-weight="bold" fill="${row?.text ?? '#1a1a1a'}"`) +
    `<text x="${n(x + PAD_X)}" y="${n(top + layout.headerHeight - PAD_Y - 2.5)}" font-size="${n(layout.size - 0.5)}" fill="${row?.text ?? MUTED}">${segment.continued ? 'continued' : techniques}</text>` +
    `<line x1="${n(x)}" x2="${n(x + layout.columnWidth)}" y1="${n(top + layout.headerHeight - 1)}" y2="${n(top + layout.headerHeight - 1)}" stroke="#1a1a1a" stroke-width="0.75"/></g>`;
  let y = top + layout.headerHeight;
  const cells: string[] = [];
  if (segment.parentLine !== undefined) {
    cells.push(`<text class="continued-parent" x="${n(x + PAD_X)}" y="${n(y + PAD_Y + layout.size * ASCENT)}" font-style="italic" fill="${MUTED}">${escapeXml(segment.parentLine)}</text>`);
    y += layout.lineHeight + 2 * PAD_Y;
  }
  for (const item of segment.items) {
    cells.push(renderCell(item, x + item.indent, y, layout, column));
    y += item.height;
  }
  return `<g class="tactic${segment.continued ? ' continued' : ''}" data-tactic="${column.tactic}">${tacticHeader}<g font-size="${n(layout.size)}">${cells.join('')}</g></g>`;
}

interface Block {
  height: number;
  /** The block's SVG with its top at `top`, on page `page` (1-based). */
  draw: (top: number, page: number) => string;
}

interface TextStyle {
  size: number;
  lineHeight: number;
  /** Extra space after the paragraph. */
  after: number;
  attributes: string;
  bold?: boolean;
}

const TITLE: TextStyle = { size: 14, lineHeight: 16.5, after: 0, attributes: ' font-size="14" font-weight="bold" fill="#1a1a1a"', bold: true };
const SUMMARY: TextStyle = { size: 7, lineHeight: 8.5, after: 4, attributes: ` font-size="7" fill="${MUTED}"` };
const DESCRIPTION: TextStyle = { size: 6.5, lineHeight: 7.8, after: 0, attributes: ' font-size="6.5" fill="#262626"' };
const RUNNING_HEAD: TextStyle = { size: 8, lineHeight: 10, after: 0, attributes: ` font-size="8" font-weight="bold" fill="${MUTED}"`, bold: true };

/** The name, what the picture shows, and the whole description: every line of each, none cut. */
function headerParagraphs(model: MatrixModel): [TextStyle, string[]][] {
  const paragraphs: [TextStyle, string[]][] = [
    [TITLE, wrapText(model.name, WIDTH, TITLE.size, { bold: true })],
    [SUMMARY, wrapText(summaryLine(model), WIDTH, SUMMARY.size)],
  ];
  if (model.description.trim()) paragraphs.push([DESCRIPTION, wrapText(model.description, WIDTH, DESCRIPTION.size)]);
  return paragraphs;
}

function paragraphsHeight(paragraphs: readonly [TextStyle, string[]][]): number {
  return paragraphs.reduce((sum, [style, lines]) => sum + lines.length * style.lineHeight + style.after, 0);
}

/**
 * Lay paragraphs out from `top` down, going on to new pages (whose text starts at `nextTop`) at `bottom`: the SVG of
 * each page, and where the text ends on the last one.
 */
function flowParagraphs(paragraphs: readonly [TextStyle, string[]][], top: number, nextTop: number, bottom: number): { pages: string[]; end: number } {
  const pages: string[][] = [[]];
  let y = top;
  for (const [style, lines] of paragraphs) {
    let run: string[] = [];
    let runTop = y;
    const flush = (): void => {
      if (run.length) pages[pages.length - 1]!.push(textElement(run, MARGIN, runTop + style.size * ASCENT, style.lineHeight, style.attributes));
      run = [];
    };
    for (const line of lines) {
      if (y + style.lineHeight > bottom && (run.length || y > nextTop)) {
        flush();
        pages.push([]);
        y = nextTop;
      }
      if (!run.length) runTop = y;
      run.push(line);
      y += style.lineHeight;
    }
    flush();
    y += style.after;
  }
  return { pages: pages.map((parts) => `<g class="header">${parts.join('')}</g>`), end: y };
}

function legendBlock(model: MatrixModel): Block {
  const size = 6;
  const swatches: { color: string; label: string; stroke?: boolean }[] = model.legend.map((item) => ({ color: item.color, label: item.label }));
  const cells = model.columns.flatMap((column) => column.cells.flatMap((cell) => [cell, ...cell.subtechniques]));
  if (cells.some((cell) => !cell.enabled)) swatches.push({ color: '#ffffff', label: 'disabled', stroke: true });

  const items: { width: number; draw: (x: number, top: number, page: number) => string }[] = [];
  if (model.scored) {
    const { colors, minValue, maxValue } = model.gradient;
    const stops = colors.map((color, i) => `<stop offset="${n(colors.length > 1 ? i / (colors.length - 1) : 0)}" stop-color="${color}"/>`).join('');
    const label = `score ${minValue}`;
    const labelWidth = textWidth(label, size) + 3;
    const barWidth = 90;
    items.push({
      width: labelWidth + barWidth + 3 + textWidth(String(maxValue), size) + 10,
      // The gradient's id differs per page, as an HTML page holds every page and ids must be unique there.
      draw: (x, top, page) =>
        `<g class="gradient"><linearGradient id="legend-gradient-${page}" x1="0" x2="1" y1="0" y2="0">${stops}</linearGradient>` +
        `<text x="${n(x)}" y="${n(top + 6)}" font-size="${size}" fill="#1a1a1a">${escapeXml(label)}</text>` +
        `<rect x="${n(x + labelWidth)}" y="${n(top)}" width="${barWidth}" height="7.5" fill="url(#legend-gradient-${page})" stroke="${GRID}" stroke-width="0.5"/>` +
        `<text x="${n(x + labelWidth + barWidth + 3)}" y="${n(top + 6)}" font-size="${size}" fill="#1a1a1a">${maxValue}</text></g>`,
    });
  }
  for (const swatch of swatches) {
    items.push({
      width: 11 + textWidth(swatch.label, size) + 10,
      draw: (x, top) =>
        `<g class="legend-item"><rect x="${n(x)}" y="${n(top)}" width="8" height="7.5" fill="${swatch.color}" stroke="${swatch.stroke ? MUTED : GRID}" stroke-width="0.5"/>` +
        `<text x="${n(x + 11)}" y="${n(top + 6)}" font-size="${size}" fill="${swatch.stroke ? DISABLED_TEXT : '#1a1a1a'}">${escapeXml(swatch.label)}</text></g>`,
    });
  }
  if (cells.some((cell) => cell.subtechniqueCount)) {
    const label = 'has sub-techniques (dot: annotated ones collapsed)';
    items.push({
      width: 8 + textWidth(label, size) + 10,
      draw: (x, top) =>
        `<g class="legend-item"><rect x="${n(x)}" y="${n(top)}" width="${SIDEBAR}" height="7.5" fill="#b3b3b3"/>` +
        `<text x="${n(x + 5.5)}" y="${n(top + 6)}" font-size="${size}" fill="#1a1a1a">${escapeXml(label)}</text></g>`,
    });
  }
  // Legend items flow left to right, wrapping to a new row when the page is full.
  const rows: (typeof items)[] = [];
  let used = 0;
  for (const item of items) {
    if (!rows.length || (used + item.width > WIDTH && rows[rows.length - 1]!.length)) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1]!.push(item);
    used += item.width;
  }
  const rowHeight = 11;
  return {
    height: rows.length * rowHeight,
    draw: (top, page) =>
      `<g class="legend">${rows
        .map((row, i) => {
          let x = MARGIN;
          return row.map((item) => { const out = item.draw(x, top + i * rowHeight, page); x += item.width; return out; }).join('');
        })
        .join('')}</g>`,
  };
}

/** What the matrix cannot show: tactics left out, annotated entries not drawn. */
function notesBlock(model: MatrixModel): Block {
  const size = 6;
  const notes: string[] = [];
  for (const { tactics, why } of emptyTacticReasons(model)) notes.push(`Not shown (Navigator hides those columns): ${tactics.join(', ')}: ${why}.`);
  if (model.notDrawn.length) {
    const count = entriesNotDrawn(model.notDrawn);
    notes.push(notDrawnHeading(count));
    const said = model.notDrawnSaid;
    for (const line of said.slice(0, NOTES_SHOWN)) notes.push(`• ${line}`);
    if (said.length > NOTES_SHOWN) notes.push(`• and ${said.length - NOTES_SHOWN} more (said on stderr; the csv, md and xlsx exports list every entry)`);
  }
  const lines = notes.flatMap((note) => wrapText(note, WIDTH, size));
  return {
    height: lines.length ? lines.length * 7.5 + 2 : 0,
    draw: (top) => `<g class="notes">${textElement(lines, MARGIN, top + 6, 7.5, ` font-size="${size}" fill="#1a1a1a"`)}</g>`,
  };
}

/** The blocks below the matrix of a page, one after the other, and their height. */
function stack(blocks: readonly Block[]): Block {
  const shown = blocks.filter((block) => block.height > 0);
  return {
    height: shown.length ? shown.reduce((sum, block) => sum + block.height, 0) + BLOCK_GAP : 0,
    draw: (top, page) => {
      let y = top + BLOCK_GAP;
      return shown.map((block) => { const out = block.draw(y, page); y += block.height; return out; }).join('');
    },
  };
}

/**
 * The matrix as SVG pictures of A4 landscape pages: tactic columns in matrix order, technique cells coloured as the
 * layer says with their scores, expanded sub-techniques indented under their parents, hover titles with the comment
 * and metadata, the legend on every page; on the first page the name, what the picture shows, the whole
 * description and what the layer annotates but the matrix cannot show. One page when the matrix fits one at the
 * smallest legible size (4.5 pt), else as few as it needs (see the constants above). Each page is a document of its own.
 */
export function renderSvgPages(model: MatrixModel, options: SvgOptions = {}): string[] {
  const legend = legendBlock(model);
  const firstBottom = stack([legend, notesBlock(model)]);
  const nextBottom = stack([legend]);
  const runningHead = RUNNING_HEAD.lineHeight + BLOCK_GAP;
  const bottom = PAGE_HEIGHT - MARGIN;

  // The header shares page 1 with the matrix unless it would leave the matrix too little room; then it has pages of
  // its own, as many as the description needs, and the matrix starts on the page after them.
  const paragraphs = headerParagraphs(model);
  const headerHeight = paragraphsHeight(paragraphs);
  const shared = MARGIN + headerHeight + BLOCK_GAP + MIN_MATRIX_ROOM + firstBottom.height <= bottom;
  const header = flowParagraphs(paragraphs, MARGIN, MARGIN + runningHead, bottom);
  const matrixTop = shared ? header.end + BLOCK_GAP : MARGIN + runningHead;
  const layout = fitLayout(model, { first: bottom - matrixTop - firstBottom.height, next: bottom - MARGIN - runningHead - nextBottom.height });

  const textPages = shared ? header.pages.slice(0, -1) : header.pages;
  const bodies = [
    ...textPages,
    ...layout.pages.map((segments, i) => {
      const top = i === 0 ? matrixTop : MARGIN + runningHead;
      const tallest = Math.max(...segments.map((segment) => segment.height)) + layout.headerHeight;
      const below = i === 0 ? firstBottom : nextBottom;
      return [
        i === 0 && shared ? header.pages[header.pages.length - 1]! : '',
        `<g class="matrix">\n${tacticRowBand(segments, model, layout, top)}${segments.map((segment) => renderSegment(segment, model, layout, top)).join('\n')}\n</g>`,
        below.height ? below.draw(top + tallest, textPages.length + i + 1) : '',
      ]
        .filter(Boolean)
        .join('\n');
    }),
  ];
  const total = bodies.length;
  const title = `${model.name} (ATT&CK ${model.domain} ${model.release})`;
  return bodies.map((body, i) => {
    const page = total > 1 ? `page ${i + 1} of ${total}` : '';
    const head = i === 0 ? '' : `${textElement(wrapText(`${model.name} · ${page}`, WIDTH, RUNNING_HEAD.size, { bold: true, maxLines: 1 }), MARGIN, MARGIN + RUNNING_HEAD.size * ASCENT, RUNNING_HEAD.lineHeight, RUNNING_HEAD.attributes)}\n`;
    return [
      options.declaration === false ? '' : '<?xml version="1.0" encoding="UTF-8"?>\n',
      `<svg xmlns="http://www.w3.org/2000/svg" width="297mm" height="210mm" viewBox="0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}" font-family="${escapeXml(FONT_FAMILY)}" role="img" aria-label="${escapeXml(page ? `${model.name}, ${page}` : model.name)}">\n`,
      `<title>${escapeXml(page ? `${title}, ${page}` : title)}</title>\n`,
      `<rect width="100%" height="100%" fill="#ffffff"/>\n`,
      head,
      `${body}\n`,
      `<text x="${PAGE_WIDTH - MARGIN}" y="${n(PAGE_HEIGHT - 8)}" font-size="5" text-anchor="end" fill="${MUTED}">${page ? `${page} · ` : ''}attack-layers export · ATT&amp;CK® is a registered trademark of The MITRE Corporation</text>\n`,
      '</svg>\n',
    ].join('');
  });
}
