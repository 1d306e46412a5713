import { type CsvOptions, formatCsv, formatMarkdownTable, markdownLines, markdownMessage, markdownText } from '../table-text.js';
import { entriesNotDrawn, notDrawnHeading, type MatrixModel, type TableRow } from './matrix-model.js';
import { linkLines, metadataLines, summaryLine } from './render-svg.js';

/** The columns of the flat table of a layer, as CSV, Markdown and the spreadsheet's table sheet have them. */
export const LAYER_TABLE_HEADER = ['technique', 'name', 'tactic', 'score', 'color', 'comment', 'metadata', 'links', 'note'] as const;

/**
 * The lines of a metadata or links cell: a divider separates the items before it from those after, so one that opens or
 * closes the list separates nothing in a cell of its own (CTID's Mappings Explorer M365 layers open every entry's
 * metadata with one, `—; capability: EOP-MFR-E3; …`) and is left out; the picture's tooltip keeps it, under the comment.
 * `isDivider` says which items are dividers (default: the lines `—`), for a list of items not yet made lines (HTML's).
 */
export function dividedCell<T>(items: readonly T[], isDivider: (item: T) => boolean = (item) => item === '—'): T[] {
  let start = 0;
  let end = items.length;
  while (start < end && isDivider(items[start]!)) start++;
  while (end > start && isDivider(items[end - 1]!)) end--;
  return items.slice(start, end);
}

/** One row of the flat table; lists (tactics, metadata, links) are joined with `separator`, a divider written as `—`. */
export function layerTableRow(row: TableRow, separator: string): (string | number)[] {
  return [
    row.technique,
    row.name,
    row.tactics.join(separator),
    row.score ?? '',
    row.color,
    row.comment,
    // A divider separates groups (CTID's Mappings Explorer layers: one group per control), as in Navigator's tooltip:
    // kept in order as the rule the picture draws, or a row of many groups would read as one.
    dividedCell(metadataLines(row.metadata)).join(separator),
    dividedCell(linkLines(row.links)).join(separator),
    row.note,
  ];
}

/**
 * The layer's annotated entries as CSV (RFC 4180), highest score first, then by technique ID and tactic; for a file,
 * after a byte-order mark (`CsvOptions`).
 */
export function renderCsv(model: MatrixModel, options: CsvOptions = {}): string {
  return formatCsv(LAYER_TABLE_HEADER, model.rows.map((row) => layerTableRow(row, '; ')), options);
}

/**
 * What the layer says of itself beside its name and description, as the workbook's Layer sheet lists it: its metadata
 * (`actor: APT32 (G0050)`, a divider between groups as `—`), its links (`label: url`) and its legend (`` `#ff6666`
 * observed in a campaign (100) ``), one Markdown line each, the input escaped (the colour is one `matrixModel` checked).
 */
function layerAbout(model: MatrixModel): string[] {
  return [
    ...dividedCell(metadataLines(model.metadata)).map((line) => `metadata: ${markdownText(line)}`),
    ...dividedCell(linkLines(model.links)).map((line) => `link: ${markdownText(line)}`),
    ...model.legend.map((item) => `legend: \`${item.color}\` ${markdownText(item.label)}`),
  ];
}

/**
 * The layer's annotated entries as a Markdown document: name, summary, description, the layer's metadata, links and
 * legend, the table, what is not drawn.
 */
export function renderMarkdown(model: MatrixModel): string {
  const lines = [`# ${markdownText(model.name)}`, '', markdownText(summaryLine(model)), ''];
  if (model.description) lines.push(markdownLines(model.description).map((line) => `> ${line}`.trimEnd()).join('\n>\n'), '');
  const about = layerAbout(model);
  if (about.length) lines.push(...about.map((line) => `- ${line}`), '');
  const header = LAYER_TABLE_HEADER.map((column) => column[0]!.toUpperCase() + column.slice(1));
  // The note is ours (`not drawn: …; run \`attack-layers upgrade\``): its commands are code, as in the list below. The
  // colour is one `matrixModel` passed on (HEX_COLOR), written `#f00a`, not `\#f00a`.
  lines.push(formatMarkdownTable(header, model.rows.map((row) => layerTableRow(row, '\n')), '   r', [LAYER_TABLE_HEADER.indexOf('note')], [LAYER_TABLE_HEADER.indexOf('color')]), '');
  if (model.notDrawn.length) {
    const count = entriesNotDrawn(model.notDrawn);
    lines.push(notDrawnHeading(count), '', ...model.notDrawn.map((item) => `- ${markdownMessage(item.message)}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
