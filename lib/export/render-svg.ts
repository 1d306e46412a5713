import type { LayerLink, LayerMetadata } from '../layer/layer-types.js';
import { DISABLED_TEXT, type MatrixCell, type MatrixModel } from './matrix-model.js';
import { FONT_FAMILY, textWidth, wrapText } from './text-measure.js';

/** Options of `renderSvg`. */
export interface SvgOptions {
  /** Draw the layer's name, release and description above the matrix (default true; the HTML page has its own). */
  header?: boolean;
  /** Start with an XML declaration, for a file of its own (default true). */
  declaration?: boolean;
}

/**
 * The page is A4 landscape in points (841.89 x 595.28). Everything is laid out in points; the font size of the cells is
 * the largest from CELL_FONT_SIZES at which the tallest column fits the page, and the page grows downwards only when
 * even the smallest does not fit.
 */
const PAGE_WIDTH = 841.89;
const PAGE_HEIGHT = 595.28;
const MARGIN = 20;
const COLUMN_GAP = 3;
const CELL_GAP = 0;
const PAD_X = 2;
const PAD_Y = 1.2;
const SUB_INDENT = 5;
const SIDEBAR = 2.5;
const CELL_FONT_SIZES = [7, 6.75, 6.5, 6.25, 6, 5.75, 5.5, 5.25, 5, 4.75, 4.5];
/** Below this size, cutting plain cells to one line reads better than shrinking the text further. */
const FULL_TEXT_MIN_SIZE = 6;
const GRID = '#d9d9d9';
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
  const head = [`${cell.id} ${cell.name}`, `${column.name}${cell.score !== undefined ? ` · score ${cell.score}` : ''}${cell.enabled ? '' : ' · disabled'}`];
  const parts = [head.join('\n')];
  if (cell.comment) parts.push(cell.comment);
  if (cell.metadata.length) parts.push(metadataLines(cell.metadata).join('\n'));
  if (cell.links.length) parts.push(linkLines(cell.links).join('\n'));
  if (cell.collapsedAnnotated) parts.push(`${cell.collapsedAnnotated} annotated sub-technique${cell.collapsedAnnotated === 1 ? '' : 's'} collapsed here`);
  return parts.join('\n\n');
}

/** `ATT&CK enterprise-attack 18.1 · platforms: Windows · ...`: what the picture shows, in one line. */
export function summaryLine(model: MatrixModel): string {
  const declared = model.declaredAttack && model.declaredAttack !== model.release.split('.')[0] ? ` (layer made for ${model.declaredAttack})` : '';
  const scored = model.rows.filter((row) => row.score !== undefined).length;
  return [
    `ATT&CK ${model.domain} ${model.release}${declared}`,
    `platforms: ${model.platforms ? model.platforms.join(', ') || 'none' : 'all'}`,
    `${model.rows.length} annotated technique entr${model.rows.length === 1 ? 'y' : 'ies'}, ${scored} scored`,
    model.subtechniques === 'layer' ? undefined : `sub-techniques: ${model.subtechniques}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

interface PlacedCell {
  cell: MatrixCell;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  /** Room kept on the right for the score. */
  scoreWidth: number;
}

interface Layout {
  size: number;
  lineHeight: number;
  columnWidth: number;
  headerLines: string[][];
  headerHeight: number;
  placed: PlacedCell[][];
  /** Height of the tallest column below the tactic headers. */
  tallest: number;
}

/** A cell's text as the layout says: the ID, the name, or both. */
export function cellText(cell: MatrixCell, model: Pick<MatrixModel, 'showID' | 'showName'>): string {
  return [model.showID ? cell.id : '', model.showName ? cell.name : ''].filter(Boolean).join(' ');
}

function layoutAt(model: MatrixModel, size: number, width: number, compact: boolean): Layout {
  const lineHeight = size * 1.15;
  const count = Math.max(1, model.columns.length);
  const columnWidth = (width - COLUMN_GAP * (count - 1)) / count;
  const headerSize = size + 1;
  const headerLines = model.columns.map((column) => wrapText(column.name, columnWidth - 2 * PAD_X, headerSize, { bold: true, maxLines: 3 }));
  const headerHeight = Math.max(1, ...headerLines.map((lines) => lines.length)) * headerSize * 1.2 + size * 1.2 + 2 * PAD_Y + 2;
  let tallest = 0;
  const placed = model.columns.map((column, i) => {
    const x = i * (columnWidth + COLUMN_GAP);
    let y = 0;
    const list: PlacedCell[] = [];
    const place = (cell: MatrixCell, indent: number): void => {
      const cellWidth = columnWidth - indent;
      const scoreWidth = cell.score !== undefined ? textWidth(String(cell.score), size, true) + 1.5 : 0;
      const sidebar = cell.subtechniqueCount ? SIDEBAR + 1 : 0;
      const lines = wrapText(cellText(cell, model), cellWidth - 2 * PAD_X - scoreWidth - sidebar, size, compact && !cell.annotated ? { maxLines: 1 } : {});
      const height = Math.max(1, lines.length) * lineHeight + 2 * PAD_Y;
      list.push({ cell, x: x + indent, y, width: cellWidth, height, lines, scoreWidth });
      y += height + CELL_GAP;
    };
    for (const cell of column.cells) {
      place(cell, 0);
      for (const sub of cell.subtechniques) place(sub, SUB_INDENT);
    }
    tallest = Math.max(tallest, y);
    return list;
  });
  return { size, lineHeight, columnWidth, headerLines, headerHeight, placed, tallest };
}

/**
 * The largest font size at which every cell's full text fits the page; failing that, the largest at which it fits
 * with cells that carry no annotation cut to one line (their full name is in the hover title); failing that too, the
 * smallest size, cut, on a taller page.
 */
function fitLayout(model: MatrixModel, width: number, room: number): Layout {
  for (const [compact, sizes] of [[false, CELL_FONT_SIZES.filter((size) => size >= FULL_TEXT_MIN_SIZE)], [true, CELL_FONT_SIZES]] as const) {
    for (const size of sizes) {
      const layout = layoutAt(model, size, width, compact);
      if (layout.headerHeight + layout.tallest <= room) return layout;
    }
  }
  return layoutAt(model, CELL_FONT_SIZES[CELL_FONT_SIZES.length - 1]!, width, true);
}

function textElement(lines: readonly string[], x: number, y: number, lineHeight: number, attributes: string): string {
  if (lines.length === 1) return `<text x="${n(x)}" y="${n(y)}"${attributes}>${escapeXml(lines[0]!)}</text>`;
  const spans = lines.map((line, i) => `<tspan x="${n(x)}"${i ? ` dy="${n(lineHeight)}"` : ''}>${escapeXml(line)}</tspan>`).join('');
  return `<text x="${n(x)}" y="${n(y)}"${attributes}>${spans}</text>`;
}

function renderCell(item: PlacedCell, layout: Layout, column: { name: string }): string {
  const { cell, x, y, width, height, lines } = item;
  const size = layout.size;
  const baseline = y + PAD_Y + size * 0.93;
  const parts = [
    `<g class="technique${cell.subtechnique ? ' subtechnique' : ''}${cell.annotated ? ' annotated' : ''}${cell.enabled ? '' : ' disabled'}" ` +
      `data-technique="${cell.id}" data-tactic="${cell.tactic}"${cell.score !== undefined ? ` data-score="${cell.score}"` : ''}>`,
    `<title>${escapeXml(cellTooltip(cell, column))}</title>`,
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" fill="${cell.fill ?? '#ffffff'}" stroke="${GRID}" stroke-width="0.5"/>`,
  ];
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

interface Block {
  height: number;
  draw: (top: number) => string;
}

function headerBlock(model: MatrixModel, width: number): Block {
  const title = wrapText(model.name, width, 14, { bold: true, maxLines: 2 });
  const summary = wrapText(summaryLine(model), width, 7, { maxLines: 2 });
  const description = model.description ? wrapText(model.description, width, 6.5, { maxLines: 3 }) : [];
  const height = title.length * 16.5 + summary.length * 8.5 + 2 + (description.length ? description.length * 7.8 + 4 : 0);
  return {
    height,
    draw: (top) => {
      const parts = [textElement(title, MARGIN, top + 13, 16.5, ' font-size="14" font-weight="bold" fill="#1a1a1a"')];
      let y = top + title.length * 16.5 + 6.5;
      parts.push(textElement(summary, MARGIN, y, 8.5, ` font-size="7" fill="${MUTED}"`));
      y += summary.length * 8.5 + 6;
      if (description.length) parts.push(textElement(description, MARGIN, y, 7.8, ' font-size="6.5" fill="#262626"'));
      return `<g class="header">${parts.join('')}</g>`;
    },
  };
}

function legendBlock(model: MatrixModel, width: number): Block {
  const size = 6;
  const rows: { height: number; draw: (top: number) => string }[] = [];
  const scored = model.rows.some((row) => row.score !== undefined);
  const swatches: { color: string; label: string; stroke?: boolean }[] = model.legend.map((item) => ({ color: item.color, label: item.label }));
  const cells = model.columns.flatMap((column) => column.cells.flatMap((cell) => [cell, ...cell.subtechniques]));
  if (cells.some((cell) => !cell.enabled)) swatches.push({ color: '#ffffff', label: 'disabled', stroke: true });

  const items: { width: number; draw: (x: number, top: number) => string }[] = [];
  if (scored) {
    const { colors, minValue, maxValue } = model.gradient;
    const stops = colors.map((color, i) => `<stop offset="${n(colors.length > 1 ? i / (colors.length - 1) : 0)}" stop-color="${color}"/>`).join('');
    const label = `score ${minValue}`;
    const labelWidth = textWidth(label, size) + 3;
    const barWidth = 90;
    items.push({
      width: labelWidth + barWidth + 3 + textWidth(String(maxValue), size) + 10,
      draw: (x, top) =>
        `<g class="gradient"><linearGradient id="legend-gradient" x1="0" x2="1" y1="0" y2="0">${stops}</linearGradient>` +
        `<text x="${n(x)}" y="${n(top + 6)}" font-size="${size}" fill="#1a1a1a">${escapeXml(label)}</text>` +
        `<rect x="${n(x + labelWidth)}" y="${n(top)}" width="${barWidth}" height="7.5" fill="url(#legend-gradient)" stroke="${GRID}" stroke-width="0.5"/>` +
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
  let rowItems: typeof items = [];
  let used = 0;
  const flush = (): void => {
    const list = rowItems;
    if (list.length) rows.push({ height: 11, draw: (top) => { let x = MARGIN; return list.map((item) => { const out = item.draw(x, top); x += item.width; return out; }).join(''); } });
    rowItems = [];
    used = 0;
  };
  for (const item of items) {
    if (used + item.width > width && rowItems.length) flush();
    rowItems.push(item);
    used += item.width;
  }
  flush();

  const notes: string[] = [];
  if (model.emptyTactics.length) notes.push(`No technique to show under ${model.emptyTactics.join(', ')} on these platforms (Navigator hides those columns).`);
  if (model.notDrawn.length) {
    notes.push(`Not drawn: ${model.notDrawn.length} annotated entr${model.notDrawn.length === 1 ? 'y' : 'ies'} of the layer that Navigator would not show either:`);
    for (const item of model.notDrawn.slice(0, NOTES_SHOWN)) notes.push(`• ${item.message}`);
    if (model.notDrawn.length > NOTES_SHOWN) notes.push(`• and ${model.notDrawn.length - NOTES_SHOWN} more (listed in the table export and on stderr)`);
  }
  const noteLines = notes.flatMap((note) => wrapText(note, width, size));
  if (noteLines.length) {
    rows.push({ height: noteLines.length * 7.5 + 2, draw: (top) => `<g class="notes">${textElement(noteLines, MARGIN, top + 6, 7.5, ` font-size="${size}" fill="#1a1a1a"`)}</g>` });
  }
  const height = rows.reduce((sum, row) => sum + row.height, 0);
  return {
    height,
    draw: (top) => {
      let y = top;
      return `<g class="legend">${rows.map((row) => { const out = row.draw(y); y += row.height; return out; }).join('')}</g>`;
    },
  };
}

/**
 * The matrix as an SVG picture sized for A4 landscape: tactic columns in matrix order, technique cells coloured as
 * the layer says with their scores, expanded sub-techniques indented under their parents, hover titles with the
 * comment and metadata, a legend, and a note of what the layer annotates but the matrix cannot show.
 */
export function renderSvg(model: MatrixModel, options: SvgOptions = {}): string {
  const width = PAGE_WIDTH - 2 * MARGIN;
  const header = options.header === false ? undefined : headerBlock(model, width);
  const legend = legendBlock(model, width);
  const matrixTop = MARGIN + (header ? header.height + 8 : 0);
  const room = PAGE_HEIGHT - MARGIN - matrixTop - (legend.height ? legend.height + 8 : 0);
  const layout = fitLayout(model, width, room);
  const matrixHeight = layout.headerHeight + layout.tallest;
  const legendTop = matrixTop + matrixHeight + 8;
  const height = Math.max(PAGE_HEIGHT, legendTop + legend.height + MARGIN);

  const columns = model.columns.map((column, i) => {
    const x = MARGIN + i * (layout.columnWidth + COLUMN_GAP);
    const headerSize = layout.size + 1;
    const count = column.cells.length;
    const tacticHeader =
      `<g class="tactic-header"><title>${escapeXml(`${column.tacticId} ${column.name}: ${count} technique${count === 1 ? '' : 's'}`)}</title>` +
      textElement(layout.headerLines[i]!, x + PAD_X, matrixTop + PAD_Y + headerSize, headerSize * 1.2, ` font-size="${n(headerSize)}" font-weight="bold" fill="#1a1a1a"`) +
      `<text x="${n(x + PAD_X)}" y="${n(matrixTop + layout.headerHeight - PAD_Y - 2.5)}" font-size="${n(layout.size - 0.5)}" fill="${MUTED}">${count} technique${count === 1 ? '' : 's'}</text>` +
      `<line x1="${n(x)}" x2="${n(x + layout.columnWidth)}" y1="${n(matrixTop + layout.headerHeight - 1)}" y2="${n(matrixTop + layout.headerHeight - 1)}" stroke="#1a1a1a" stroke-width="0.75"/></g>`;
    const top = matrixTop + layout.headerHeight;
    const cells = layout.placed[i]!.map((item) => renderCell({ ...item, y: item.y + top, x: item.x + MARGIN }, layout, column));
    return `<g class="tactic" data-tactic="${column.tactic}">${tacticHeader}<g font-size="${n(layout.size)}">${cells.join('')}</g></g>`;
  });

  const heightMm = (height * 297) / PAGE_WIDTH;
  return [
    options.declaration === false ? '' : '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" width="297mm" height="${n(heightMm)}mm" viewBox="0 0 ${n(PAGE_WIDTH)} ${n(height)}" font-family="${escapeXml(FONT_FAMILY)}" role="img" aria-label="${escapeXml(model.name)}">\n`,
    `<title>${escapeXml(`${model.name} (ATT&CK ${model.domain} ${model.release})`)}</title>\n`,
    `<rect width="100%" height="100%" fill="#ffffff"/>\n`,
    header ? `${header.draw(MARGIN)}\n` : '',
    `<g class="matrix">\n${columns.join('\n')}\n</g>\n`,
    legend.height ? `${legend.draw(legendTop)}\n` : '',
    `<text x="${PAGE_WIDTH - MARGIN}" y="${n(height - 8)}" font-size="5" text-anchor="end" fill="${MUTED}">attack-layers export · ATT&amp;CK® is a registered trademark of The MITRE Corporation</text>\n`,
    '</svg>\n',
  ].join('');
}
