import { extname } from 'node:path';
import { formatGapReportCsv, formatGapReportMarkdown, type GapReportData } from '../coverage/gap-report.js';
import { UsageError, type GivenAs } from '../errors.js';
import type { ExportFormat } from './export-choices.js';

import type { MatrixModel } from './matrix-model.js';
import { renderHtml } from './render-html.js';
import { renderSvgPages } from './render-svg.js';
import { renderCsv, renderMarkdown } from './render-table.js';
import { renderGapXlsx, renderXlsx, type XlsxOptions } from './render-xlsx.js';


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

/**
 * A layer's matrix model in one format: the content of each file to write, text for every format but xlsx (bytes).
 * That is one file, except for an SVG matrix of several pages: one file per page (named by `exportFileNames`). With
 * `file`, the output is for a file, not a pipe: a CSV starts with the byte-order mark Excel reads it by (`formatCsv`).
 */
export async function renderLayerExport(model: MatrixModel, format: ExportFormat, options: XlsxOptions & { file?: boolean } = {}): Promise<(string | Uint8Array)[]> {
  switch (format) {
    case 'svg':
      return renderSvgPages(model);
    case 'html':
      return [renderHtml(model)];
    case 'xlsx':
      return [await renderXlsx(model, options)];
    case 'csv':
      return [renderCsv(model, { byteOrderMark: options.file === true })];
    case 'md':
      return [renderMarkdown(model)];
  }
}

/** The files an export of `count` files writes for `--out`: `out` itself for one, `x-1.svg`, `x-2.svg`… for the pages of `x.svg`. */
export function exportFileNames(out: string, count: number): string[] {
  if (count === 1) return [out];
  const extension = extname(out);
  const stem = out.slice(0, out.length - extension.length);
  return Array.from({ length: count }, (_, i) => `${stem}-${i + 1}${extension}`);
}

/**
 * The pages of an earlier SVG export to `out` that an export of `count` files there would leave beside its own, as
 * `isPage` finds them (the caller's I/O): `x-1.svg`, `x-2.svg`… when this one is the one file `x.svg`; `x.svg` and the
 * pages numbered past `count` when it is pages (`x-3.svg` after 3 pages, now 2). Each would stay, looking current.
 */
export function stalePageNames(out: string, count: number, isPage: (name: string) => boolean): string[] {
  if (formatOfFile(out) !== 'svg') return [];
  const extension = extname(out);
  const stem = out.slice(0, out.length - extension.length);
  const names = count > 1 && isPage(out) ? [out] : [];
  for (let page = count === 1 ? 1 : count + 1; isPage(`${stem}-${page}${extension}`); page++) names.push(`${stem}-${page}${extension}`);
  return names;
}

/**
 * A gap report in one of `GAP_REPORT_FORMATS`: the same CSV and Markdown the gap command writes, or a workbook. With
 * `file`, the output is for a file, not a pipe: a CSV starts with the byte-order mark Excel reads it by (`formatCsv`).
 * @throws UsageError for svg and html, saying to export the gap layer instead.
 */
export async function renderGapReportExport(report: GapReportData, format: ExportFormat, options: XlsxOptions & { givenAs?: GivenAs; file?: boolean } = {}): Promise<string | Uint8Array> {
  const { givenAs, file, ...xlsx } = options;
  if (format === 'xlsx') return renderGapXlsx(report, xlsx);
  if (format === 'csv') return formatGapReportCsv(report, { byteOrderMark: file === true });
  if (format === 'md') return formatGapReportMarkdown(report, givenAs);
  throw new UsageError(`a gap report is a table: export it as ${GAP_REPORT_FORMATS.join(', ')}; for a picture, export gap.layer.json (written beside it) as ${format}`);
}
