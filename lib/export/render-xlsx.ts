import { createRequire } from 'node:module';
import type { Cell, Workbook, Worksheet } from 'exceljs';
import type { GapReportData } from '../coverage/gap-report.js';
import { libraryClassText } from '../coverage/gap-library.js';
import { collectedLogSourceTexts, coveragePercent, detectionText, GAP_TABLE_HEADER, gapTableRows } from '../coverage/gap-report.js';
import type { LayerLink } from '../layer/layer-types.js';
import { channels } from '../layer/hex-color.js';
import { emptyTacticReasons, type MatrixCell, type MatrixModel } from './matrix-model.js';
import { aggregateText, cellTooltip, linkLines, metadataLines, summaryLine } from './render-svg.js';
import { LAYER_TABLE_HEADER, layerTableRow } from './render-table.js';
import { repackZip } from './repack-zip.js';
import { isWebLink } from './web-link.js';
import type { SubtechniqueLayout } from './export-choices.js';

// exceljs takes ~350 ms to load and only the xlsx export needs it, so it is required on first use.
const require = createRequire(import.meta.url);
let excel: typeof import('exceljs') | undefined;

function exceljs(): typeof import('exceljs') {
  excel ??= require('exceljs') as typeof import('exceljs');
  return excel;
}

/** Options of the spreadsheet renderers. */
export interface XlsxOptions {
  /**
   * The date written as the workbook's creation and modification time and as every file time in the zip
   * (default 1980-01-01, the first date a zip can hold), so the same input gives the same bytes.
   */
  date?: Date;
  /**
   * How the Matrix sheet shows expanded sub-techniques: `side` (default), in a column beside their parent, as
   * Navigator's own Excel export and mitreattack-python's ToExcel do; `flat`, indented under it in its column.
   */
  subtechniqueLayout?: SubtechniqueLayout;
}

const DEFAULT_DATE = new Date(Date.UTC(1980, 0, 1));
const GRID = { style: 'thin' as const, color: { argb: 'FFD9D9D9' } };
const BORDER = { top: GRID, left: GRID, bottom: GRID, right: GRID };
const WRAP = { vertical: 'top' as const, wrapText: true };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFEDEDED' } };
/**
 * A disabled technique's text, as Navigator's own Excel export greys it (mitre-attack/attack-navigator
 * nav-app/src/app/datatable/data-table.component.ts styleCells: `FFBCBCBC`), lighter than the pictures' grey.
 */
const DISABLED_FONT = 'FFBCBCBC';

/**
 * A layer's colour (`HEX_COLOR`) as the opaque ARGB a workbook writes: `#f00` is `FFFF0000` and `#f00a` too, where `FF`
 * and the digits after `#` (`FFF00`, `FFF00A`, as Navigator's own Excel export writes them) are no colour at all.
 */
const argb = (hex: string): string => `FF${channels(hex).map((c) => c.toString(16).padStart(2, '0')).join('').toUpperCase()}`;

function newWorkbook(date: Date): Workbook {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'attack-layers';
  workbook.lastModifiedBy = 'attack-layers';
  workbook.created = date;
  workbook.modified = date;
  return workbook;
}

// XML 1.0 allows no U+FFFE or U+FFFF, and exceljs writes them as they are (it drops control characters itself): a
// workbook with one would not open.
const NOT_XML = /[\uFFFE\uFFFF]/;

/** Replace the characters XML cannot hold in every cell text and note of the workbook. */
function xmlSafeText(workbook: Workbook): void {
  const safe = (text: string): string => text.replace(/[\uFFFE\uFFFF]/g, '\uFFFD');
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && NOT_XML.test(cell.value)) cell.value = safe(cell.value);
        if (isHyperlinkValue(cell.value) && NOT_XML.test(cell.value.text)) cell.value = { ...cell.value, text: safe(cell.value.text) };
        if (typeof cell.note === 'string' && NOT_XML.test(cell.note)) cell.note = safe(cell.note);
      }),
    ),
  );
}

async function writeWorkbook(workbook: Workbook, date: Date): Promise<Uint8Array> {
  xmlSafeText(workbook);
  const stored = new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as never));
  return repackZip(stored, date, internalLinksXml);
}

// exceljs 4.4 writes a link within the workbook (`#'Links'!A5`, the form its README gives) as location="#'Links'!A5"
// and, through r:id, as an external relationship of the same text too: Excel then reads `#'Links'!A5##'Links'!A5`
// (https://github.com/exceljs/exceljs/issues/3027) and LibreOffice 7.4 a file of that name beside the workbook. Both
// read a link within the workbook from location="'Links'!A5" alone, as LibreOffice writes one: the sheets' XML and
// relationships are mended so. The pattern is exceljs's own test of a link within the workbook, after the `#`.
const INTERNAL_HYPERLINK = /<hyperlink ref="([^"]+)" r:id="[^"]+"((?: tooltip="[^"]*")?) location="#([^"!]+![A-Za-z]+\d+)"\/>/g;
const INTERNAL_RELATIONSHIP = /<Relationship Id="[^"]+" Type="[^"]+\/hyperlink" Target="#[^"!]+![A-Za-z]+\d+" TargetMode="External"\/>/g;

/** The XML of a sheet or of its relationships with exceljs's links within the workbook mended; undefined for any other. */
function internalLinksXml(name: string, data: Uint8Array): Uint8Array | undefined {
  const sheet = /^xl\/worksheets\/sheet\d+\.xml$/.test(name);
  if (!sheet && !/^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(name)) return undefined;
  const xml = new TextDecoder().decode(data);
  const mended = sheet ? xml.replace(INTERNAL_HYPERLINK, '<hyperlink ref="$1" location="$3"$2/>') : xml.replace(INTERNAL_RELATIONSHIP, '');
  return mended === xml ? undefined : new TextEncoder().encode(mended);
}

const isHyperlinkValue = (value: unknown): value is { text: string; hyperlink: string } =>
  typeof value === 'object' && value !== null && 'hyperlink' in value && 'text' in value && typeof value.text === 'string';

const LINK_FONT = { color: { argb: 'FF0563C1' }, underline: true as const };

/**
 * Make a cell that lists links open its one web address on a click, the text kept as written. A cell holds one
 * hyperlink, so a cell listing several addresses, or any other scheme (`javascript:`), stays plain text.
 */
function linkCell(cell: Cell, links: readonly LayerLink[]): void {
  const [only, ...more] = links;
  if (!only || more.length || !isWebLink(only) || typeof cell.value !== 'string') return;
  cell.value = { text: cell.value, hyperlink: only.url };
  cell.font = LINK_FONT;
}

const LINKS_HEADER = ['technique', 'name', 'tactic', 'label', 'url'] as const;

/**
 * The "Links" sheet: one row per link an annotated entry carries, in the Techniques sheet's order, its address a
 * hyperlink when it is a web or mail one. A cell holds one hyperlink, and an attack-object layer's entry cites up to
 * four sources (G0016), a hand-made layer any number: one row per link keeps each one a click away, with its label,
 * and filters by technique, where columns `link 1`, `link 2`… would be mostly empty and as many as the longest list.
 */
function linksSheet(workbook: Workbook, rows: MatrixModel['rows']): void {
  const linked = rows.flatMap((row) => row.links.filter((link) => !('divider' in link)).map((link) => ({ row, link })));
  const sheet = addTableSheet(
    workbook,
    'Links',
    LINKS_HEADER,
    linked.map(({ row, link }) => [row.technique, row.name, row.tactics.join('\n'), 'label' in link ? link.label : '', 'url' in link ? link.url : '']),
    [12, 36, 22, 40, 70],
  );
  linked.forEach(({ link }, i) => linkCell(sheet.getCell(i + 2, LINKS_HEADER.indexOf('url') + 1), [link]));
}

function fill(cell: Cell, hex: string): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } };
}

/** A sheet holding a table: a bold, filtered, frozen header row and one row per item. */
function addTableSheet(workbook: Workbook, name: string, header: readonly string[], rows: readonly (readonly (string | number)[])[], widths: readonly number[]): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((title, i) => ({ header: title, key: title, width: widths[i] ?? 14 }));
  // An empty field is an empty cell, as Navigator's and ToExcel's workbooks leave one: a cell holding "" is no blank to
  // Excel (ISBLANK, COUNTA, Go To Blanks) and makes a score column of numbers a mixed one.
  for (const row of rows) sheet.addRow(row.map((value) => (value === '' ? null : value)));
  const top = sheet.getRow(1);
  top.font = { bold: true };
  top.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  // Only the columns of long text wrap (their lines are list items); the others stay plain, for speed.
  header.forEach((_, i) => {
    if ((widths[i] ?? 0) < 30) return;
    sheet.getColumn(i + 1).eachCell((cell, number) => {
      if (number > 1 && cell.value !== null && cell.value !== '') cell.alignment = WRAP;
    });
  });
  return sheet;
}

/** Where the Links sheet lists an entry's links: its first row and how many (dividers are not listed). */
interface LinkRows {
  first: number;
  count: number;
}

/**
 * The Links sheet's rows of each table row, in the order `linksSheet` writes them, and a lookup of a Matrix cell's:
 * those of the row of its technique, under its tactic, with its links (a later entry may have replaced an earlier one).
 */
function linkRowsOf(rows: MatrixModel['rows']): { byRow: LinkRows[]; ofCell: (cell: MatrixCell, tacticName: string) => LinkRows | undefined } {
  let next = 2;
  const byRow = rows.map((row) => {
    const count = row.links.filter((link) => !('divider' in link)).length;
    const at = { first: next, count };
    next += count;
    return at;
  });
  // By technique and tactic, so that each cell looks up its own (a layer may hold 200,000 entries).
  const byCell = new Map<string, number[]>();
  rows.forEach((row, i) => {
    if (!byRow[i]!.count) return;
    for (const tactic of row.tactics) byCell.set(`${row.technique}|${tactic}`, [...(byCell.get(`${row.technique}|${tactic}`) ?? []), i]);
  });
  const ofCell = (cell: MatrixCell, tacticName: string): LinkRows | undefined => {
    const same = JSON.stringify(cell.links);
    const at = byCell.get(`${cell.id}|${tacticName}`)?.find((i) => JSON.stringify(rows[i]!.links) === same);
    return at === undefined ? undefined : byRow[at];
  };
  return { byRow, ofCell };
}

type LinkLookup = ReturnType<typeof linkRowsOf>;

const internalLink = (rows: LinkRows): string => `#'Links'!A${rows.first}`;
const linkRowsNote = (rows: LinkRows): string =>
  `${rows.count} links, rows ${rows.first} to ${rows.first + rows.count - 1} of the Links sheet: a click here goes there, where each web or mail address opens on a click`;

/**
 * Make a Matrix cell open its links on a click, as a links cell of the Techniques sheet does: its one web or mail
 * address, or, for several, the first of their rows of the Links sheet, which its note then names.
 */
function linkMatrixCell(target: Cell, cell: MatrixCell, tacticName: string, linkRows: LinkLookup): void {
  const listed = cell.links.filter((link) => !('divider' in link));
  if (!listed.length || typeof target.value !== 'string') return;
  const [only] = listed;
  const rows = listed.length > 1 ? linkRows.ofCell(cell, tacticName) : undefined;
  const hyperlink = listed.length === 1 && only && isWebLink(only) ? only.url : rows ? internalLink(rows) : undefined;
  if (!hyperlink) return;
  target.value = { text: target.value, hyperlink };
  target.font = { ...target.font, underline: true };
  if (rows) target.note = `${typeof target.note === 'string' ? `${target.note}\n\n` : ''}${linkRowsNote(rows)}`;
}

/** A line as Navigator's Excel export draws one: thin, in Excel's automatic colour (black). */
const LINE = { style: 'thin' as const };

/**
 * Box a parent and its sub-techniques (`count` rows from `row`, the four columns from `at`) as Navigator's Excel export
 * does (mitre-attack/attack-navigator nav-app/src/app/datatable/data-table.component.ts, styleCells): the parent's
 * cells lined above, below and on the left, each sub-technique's above and below, and on the right. Called after the
 * parent's cells are merged, each cell given a style of its own: a merged cell shares its master's style object.
 */
function boxFamily(sheet: Worksheet, row: number, count: number, at: number): void {
  const last = row + count - 1;
  for (let r = row; r <= last; r++) {
    for (let col = at; col < at + 4; col++) {
      const parent = col < at + 2;
      const border = {
        ...(!parent || r === row ? { top: LINE } : {}),
        ...(!parent || r === last ? { bottom: LINE } : {}),
        ...(col === at ? { left: LINE } : {}),
        ...(col === at + 3 ? { right: LINE } : {}),
      };
      const cell = sheet.getCell(r, col);
      cell.style = { ...cell.style, border };
    }
  }
}

/**
 * The "Matrix" sheet. Each tactic takes a technique column and a score column; with the `side` layout, a tactic that
 * shows sub-techniques takes a sub-technique column and its score column beside them too, each parent's cells merged
 * down over its sub-techniques' rows, as Navigator 5.1's own "export to Excel" and mitreattack-python's ToExcel lay
 * them out. `flat` indents them under their parent, in its column.
 */
function matrixSheet(workbook: Workbook, model: MatrixModel, layout: SubtechniqueLayout, linkRows: LinkLookup): void {
  const sheet = workbook.addWorksheet('Matrix', {
    views: [{ state: 'frozen', ySplit: 4 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.getCell(1, 1).value = model.name;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = summaryLine(model);
  sheet.getCell(2, 1).font = { color: { argb: 'FF595959' } };
  // One line per technique, as wide as the longest: a row of the sheet holds one cell of every tactic, so a wrapped
  // name would make the whole row tall.
  const width = (cells: readonly MatrixCell[], least: number): number => Math.min(60, Math.max(14, least, ...cells.map((cell) => workbookCellText(cell, model).length)) + 2);
  let at = 1;
  for (const column of model.columns) {
    const side = layout === 'side' && column.cells.some((cell) => cell.subtechniques.length);
    const subs = column.cells.flatMap((cell) => cell.subtechniques);
    sheet.getColumn(at).width = width(side ? column.cells : [...column.cells, ...subs], (workbookCellText({ id: column.tacticId, name: column.name }, model) || column.name).length);
    sheet.getColumn(at + 1).width = 5;
    if (side) {
      sheet.getColumn(at + 2).width = width(subs, 0);
      sheet.getColumn(at + 3).width = 5;
    }
    const span = side ? 4 : 2;
    sheet.mergeCells(4, at, 4, at + span - 1);
    const head = sheet.getCell(4, at);
    // Headed as both exports head a tactic (`TA0001: Initial Access` with showID), by its name where they write nothing.
    head.value = workbookCellText({ id: column.tacticId, name: column.name }, model) || column.name;
    // The layer's tactic row background, as Navigator's "export to Excel" fills the tactic row, its text black or white.
    head.font = { bold: true, ...(model.tacticRow ? { color: { argb: argb(model.tacticRow.text) } } : {}) };
    if (model.tacticRow) fill(head, model.tacticRow.fill);
    else head.fill = HEADER_FILL;
    // Centred over its columns and ruled below, as Navigator's Excel export writes its row of tactics.
    head.alignment = { horizontal: 'center' };
    head.border = { ...BORDER, bottom: LINE };
    head.note = `${column.tacticId} ${column.name}: ${column.cells.length} techniques`;
    const put = (cell: MatrixCell, row: number, col: number): void => {
      const name = sheet.getCell(row, col);
      const score = sheet.getCell(row, col + 1);
      name.value = workbookCellText(cell, model);
      if (cell.subtechnique && !side) name.alignment = { indent: 1 };
      if (cell.score !== undefined) score.value = cell.score;
      // Plain cells carry no style at all (the sheet's grid lines frame them): every styled cell costs exceljs
      // time to write, and a large layer has thousands.
      for (const target of [name, score]) {
        if (cell.text !== '#000000' || cell.subtechnique) target.font = { color: { argb: cell.enabled ? argb(cell.text) : DISABLED_FONT }, ...(cell.subtechnique ? { size: 10 } : {}) };
        if (cell.fill) fill(target, cell.fill);
      }
      // A note only where it says more than the cell shows: a score alone is in the cell already, an aggregate score
      // that colours the cell is not (T1087 painted for its T1087.001 alone).
      const aggregated = cell.aggregateScore !== undefined && cell.aggregateScore !== cell.score;
      if (cell.comment || cell.metadata.length || cell.links.length || cell.collapsedAnnotated || !cell.enabled || aggregated) name.note = cellTooltip(cell, column);
      linkMatrixCell(name, cell, column.name, linkRows);
    };
    let row = 5;
    for (const cell of column.cells) {
      put(cell, row, at);
      if (!side) {
        row++;
        for (const sub of cell.subtechniques) put(sub, row++, at);
        continue;
      }
      const count = Math.max(1, cell.subtechniques.length);
      cell.subtechniques.forEach((sub, i) => put(sub, row + i, at + 2));
      if (cell.subtechniques.length) {
        // The parent's name and score cells reach down beside its sub-techniques, its text at the top.
        if (count > 1) for (const col of [at, at + 1]) sheet.mergeCells(row, col, row + count - 1, col);
        sheet.getCell(row, at).alignment = { vertical: 'top' };
        sheet.getCell(row, at + 1).alignment = { vertical: 'top' };
        boxFamily(sheet, row, count, at);
      }
      row += count;
    }
    at += span;
  }
}

/**
 * A technique's text on the Matrix sheet, as Navigator 5.1's "export to Excel" and mitreattack-python's `ToExcel` write
 * it, so that the two workbooks read alike side by side and a lookup of one's cells finds the other's: `T1566: Phishing`
 * with `showID` and `showName`, the ID or the name alone with one of them, nothing with neither (Navigator's
 * `getDisplayName`, mitreattack-python's `ExcelTemplates._build_raw`). The pictures keep the matrix's `T1566 Phishing`.
 */
export function workbookCellText(item: { id: string; name: string }, model: Pick<MatrixModel, 'showID' | 'showName'>): string {
  return [model.showID ? item.id : '', model.showName ? item.name : ''].filter(Boolean).join(': ');
}

function aboutSheet(workbook: Workbook, model: MatrixModel): void {
  const sheet = workbook.addWorksheet('Layer');
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 100;
  const add = (key: string, value: string | number, color?: string): void => {
    const row = sheet.addRow([key, value]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(1).font = { bold: true };
    if (color) fill(row.getCell(2), color);
  };
  add('name', model.name);
  add('description', model.description);
  add('domain', model.domain);
  add('ATT&CK release drawn', model.release);
  if (model.declaredAttack) add('layer made for ATT&CK', model.declaredAttack);
  add('platforms', model.platforms ? model.platforms.join(', ') : 'all');
  const aggregate = aggregateText(model);
  if (aggregate) add('aggregate scores', aggregate);
  add('gradient', `${model.gradient.colors.join(' → ')} over ${model.gradient.minValue}..${model.gradient.maxValue}${model.defaultGradient ? " (Navigator's default)" : ''}`);
  for (const item of model.legend) add('legend', item.label, item.color);
  for (const line of metadataLines(model.metadata)) add('metadata', line);
  for (const link of model.links) {
    add('link', linkLines([link]).join(''));
    linkCell(sheet.getCell(sheet.rowCount, 2), [link]);
  }
  for (const { tactics, why } of emptyTacticReasons(model)) add('tactics not shown', `${tactics.join(', ')}: ${why}`);
  for (const item of model.notDrawn) add('not drawn', item.message);
}

/**
 * The layer as a spreadsheet: a "Matrix" sheet laid out like the matrix (per tactic a technique and a score column,
 * and a sub-technique and a score column beside them where sub-techniques are expanded, with the cells' colours, the
 * comments as notes and the links a click away), a "Techniques" sheet with the flat table, a "Links" sheet with every
 * link, and a "Layer" sheet with the name, description, release, legend and what is not drawn.
 */
export async function renderXlsx(model: MatrixModel, options: XlsxOptions = {}): Promise<Uint8Array> {
  const date = options.date ?? DEFAULT_DATE;
  const workbook = newWorkbook(date);
  const linkRows = linkRowsOf(model.rows);
  matrixSheet(workbook, model, options.subtechniqueLayout ?? 'side', linkRows);
  const table = addTableSheet(workbook, 'Techniques', LAYER_TABLE_HEADER, model.rows.map((row) => layerTableRow(row, '\n')), [12, 36, 22, 7, 9, 60, 60, 30, 40]);
  // A cell holds one hyperlink, so a cell listing several links goes to their first row of the Links sheet, where
  // each opens on a click (see internalLinksXml for how that link is written).
  model.rows.forEach((row, i) => {
    if (row.color) fill(table.getCell(i + 2, LAYER_TABLE_HEADER.indexOf('color') + 1), row.color);
    const links = table.getCell(i + 2, LAYER_TABLE_HEADER.indexOf('links') + 1);
    linkCell(links, row.links);
    const rows = linkRows.byRow[i]!;
    if (rows.count > 1 && typeof links.value === 'string') {
      links.value = { text: links.value, hyperlink: internalLink(rows) };
      links.font = LINK_FONT;
      links.note = linkRowsNote(rows);
    }
  });
  if (model.rows.some((row) => row.links.some((link) => !('divider' in link)))) linksSheet(workbook, model.rows);
  aboutSheet(workbook, model);
  return writeWorkbook(workbook, date);
}

/**
 * A gap report (`gap --report json`) as a spreadsheet: the ranked threat techniques (the CSV report's columns), what to
 * build for each gap (one row per analytic, with its log sources and what is missing) and its mitigations, the
 * per-tactic summary, revoked tags counted under their replacement, the unresolved references, and what was compared.
 */
export async function renderGapXlsx(report: GapReportData, options: XlsxOptions = {}): Promise<Uint8Array> {
  const date = options.date ?? DEFAULT_DATE;
  const workbook = newWorkbook(date);
  const widths = [6, 11, 36, 28, 8, 30, 22, 22, 9, 9, 6, 60, 40, 40, 16, 30, 20, 30, 30, 8, 60, 50, 50, 12, 60];
  const ranked = addTableSheet(workbook, 'Gaps', GAP_TABLE_HEADER, gapTableRows(report), widths);
  report.rows.forEach((row, i) => {
    if (row.gap) fill(ranked.getCell(i + 2, GAP_TABLE_HEADER.indexOf('gap') + 1), '#f4a259');
  });
  const gaps = report.rows.filter((row) => row.gap);
  const sourceText = (sources: readonly { name: string; channel?: string }[]): string => sources.map((s) => `${s.name}${s.channel ? ` (${s.channel})` : ''}`).join('\n');
  const build = addTableSheet(
    workbook,
    'What to build',
    ['rank', 'technique', 'detection', 'strategy', 'strategy name', 'analytic', 'platforms', 'log sources', 'missing', 'description', 'url'],
    gaps.flatMap((row, i) => [
      ...(row.detection?.strategies ?? []).flatMap((strategy) =>
        (strategy.analytics.length ? strategy.analytics : [undefined]).map((analytic) => [
          i + 1,
          row.id,
          detectionText(row.detection),
          strategy.id,
          strategy.name,
          analytic?.id ?? `no analytic for ${row.platforms.join(', ')}`,
          analytic?.platforms.join(', ') ?? '',
          analytic ? sourceText(analytic.logSources) : '',
          analytic?.missing ? sourceText(analytic.missing) : '',
          analytic?.description ?? '',
          analytic?.url ?? strategy.url ?? '',
        ]),
      ),
      // Public rules not run (--rules-library), each a row after ATT&CK's analytics: its title, id, logsources and
      // whether it is buildable now or what it needs; its file in the description column.
      ...(row.library ?? []).map((rule) => [
        i + 1,
        row.id,
        rule.buildable === undefined ? '' : libraryClassText(rule),
        'rules library',
        rule.name,
        rule.id ?? '',
        '',
        rule.logsources.join('\n'),
        rule.buildable === false ? (rule.needs ?? '') : '',
        `${rule.file}${rule.line ? `:${rule.line}` : ''}${rule.status || rule.level ? ` (status ${rule.status ?? 'none'}, level ${rule.level ?? 'none'})` : ''}`,
        '',
      ]),
    ]),
    [6, 11, 24, 10, 40, 10, 16, 40, 30, 80, 40],
  );
  const mitigations = addTableSheet(
    workbook,
    'Mitigations',
    ['rank', 'technique', 'mitigation', 'name', 'what it does against the technique', 'url'],
    gaps.flatMap((row, i) => (row.detection?.mitigations ?? []).map((m) => [i + 1, row.id, m.id, m.name, m.text, m.url ?? ''])),
    [6, 11, 10, 30, 90, 40],
  );
  // ATT&CK's pages of the analytics and mitigations open on a click.
  for (const sheet of [build, mitigations]) {
    sheet.getColumn(sheet.columnCount).eachCell((cell, number) => {
      if (number > 1 && typeof cell.value === 'string' && cell.value) linkCell(cell, [{ label: cell.value, url: cell.value }]);
    });
  }
  addTableSheet(
    workbook,
    'Tactics',
    ['tactic', 'name', 'techniques', 'gaps', 'threat', 'coverage'],
    report.tactics.map((t) => [t.tactic, t.name, t.techniques, t.gaps, t.threat, coveragePercent(t.coverage)]),
    [22, 22, 11, 7, 8, 10],
  );
  addTableSheet(
    workbook,
    'Remapped',
    ['reference', 'counted as', 'times', 'rules, threat layers, campaigns', 'places'],
    report.remapped.map((r) => [r.raw, r.ids.join(', '), r.count, r.rules.join('\n'), r.places.join('\n')]),
    [20, 14, 7, 60, 60],
  );
  addTableSheet(
    workbook,
    'Unresolved',
    ['reference', 'status', 'times', 'note', 'places'],
    report.unresolved.map((u) => [u.raw, u.status, u.count, u.note, u.places.join('\n')]),
    [30, 14, 7, 60, 40],
  );
  addTableSheet(
    workbook,
    'About',
    ['item', 'value'],
    [
      ['ATT&CK', `${report.attack.domain} ${report.attack.release}`],
      ['gap threshold', coveragePercent(report.minCoverage)],
      ['platforms', report.platforms.join(', ')],
      ...report.threats.map((t) => ['threat', `${t.name} (${t.kind}${t.file ? ` ${t.file}` : ''}, ${t.techniques} techniques${t.platforms ? `, ${t.platforms.join(', ')}` : ''})`]),
      ...report.inputs.map((input) => [input.side ?? 'coverage', `${input.kind} ${input.source}: ${input.counts.items} items = ${input.counts.rules} read + ${input.counts.ignored} ignored + ${input.counts.invalid} invalid`]),
      ...report.inputs.flatMap((input) => input.problems.map((p) => [p.skipped ? 'invalid' : 'problem', `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`])),
      ...(report.logSources ? [['log sources', `${report.logSources.file}: ${collectedLogSourceTexts(report.logSources).join(', ')}`]] : []),
      ...report.notes.map((note) => ['note', note]),
      ...Object.values(report.formulas).map((formula) => ['formula', formula]),
    ],
    [16, 110],
  );
  return writeWorkbook(workbook, date);
}
