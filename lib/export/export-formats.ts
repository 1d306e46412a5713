import { formatGapReportCsv, formatGapReportMarkdown, type GapReportData } from '../coverage/gap-report.js';
import { UsageError } from '../errors.js';
import type { MatrixModel } from './matrix-model.js';
import { renderHtml } from './render-html.js';
import { renderSvg } from './render-svg.js';
import { renderCsv, renderMarkdown } from './render-table.js';
import { renderGapXlsx, renderXlsx, type XlsxOptions } from './render-xlsx.js';

/** The formats `export` writes. */
export const EXPORT_FORMATS = ['svg', 'html', 'xlsx', 'csv', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats a gap report exports to (it is a table; its picture is the gap layer). */
export const GAP_REPORT_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv', 'md'];

/** File name endings and the format they mean. */
const EXTENSIONS: ReadonlyArray<readonly [RegExp, ExportFormat]> = [
  [/\.svg$/i, 'svg'],
  [/\.html?$/i, 'html'],
  [/\.xlsx$/i, 'xlsx'],
  [/\.csv$/i, 'csv'],
  [/\.(md|markdown)$/i, 'md'],
];

/** The format a file name's ending says, if any (`matrix.svg` -> `svg`). */
export function formatOfFile(file: string): ExportFormat | undefined {
  return EXTENSIONS.find(([pattern]) => pattern.test(file))?.[1];
}

/** A layer's matrix model in one format: text for every format but xlsx, which is bytes. */
export async function renderLayerExport(model: MatrixModel, format: ExportFormat, options: XlsxOptions = {}): Promise<string | Uint8Array> {
  switch (format) {
    case 'svg':
      return renderSvg(model);
    case 'html':
      return renderHtml(model);
    case 'xlsx':
      return renderXlsx(model, options);
    case 'csv':
      return renderCsv(model);
    case 'md':
      return renderMarkdown(model);
  }
}

/**
 * A gap report in one of `GAP_REPORT_FORMATS`: the same CSV and Markdown the gap command writes, or a workbook.
 * @throws UsageError for svg and html, saying to export the gap layer instead.
 */
export async function renderGapReportExport(report: GapReportData, format: ExportFormat, options: XlsxOptions = {}): Promise<string | Uint8Array> {
  if (format === 'xlsx') return renderGapXlsx(report, options);
  if (format === 'csv') return formatGapReportCsv(report);
  if (format === 'md') return formatGapReportMarkdown(report);
  throw new UsageError(`a gap report is a table: export it as ${GAP_REPORT_FORMATS.join(', ')}; for a picture, export gap.layer.json (written beside it) as ${format}`);
}
