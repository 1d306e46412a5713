/** Reading workbooks back for the export tests. */
import { createRequire } from 'node:module';
import type { Workbook } from 'exceljs';

const require = createRequire(import.meta.url);

/** Read a workbook back with exceljs itself. */
export async function readWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  return workbook;
}
