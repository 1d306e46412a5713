/** Reading workbooks back for the export tests: with exceljs, and as the zip of XML files a spreadsheet program reads. */
import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import type { Workbook } from 'exceljs';

const require = createRequire(import.meta.url);

/** Read a workbook back with exceljs itself. */
export async function readWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  return workbook;
}

/** A zip's central directory entry: name, method, DOS time and date, CRC, where its local header is, its sizes. */
export interface ZipEntry {
  name: string;
  method: number;
  time: number;
  day: number;
  crc: number;
  local: number;
  size: number;
  packed: number;
}

/** The central directory's entries, read independently of lib/export/repack-zip.ts. */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const list = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    list.push({
      name: zip.subarray(at + 46, at + 46 + nameLength).toString(),
      method: zip.readUInt16LE(at + 10),
      time: zip.readUInt16LE(at + 12),
      day: zip.readUInt16LE(at + 14),
      crc: zip.readUInt32LE(at + 16),
      packed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      local: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return list;
}

/** The contents of a zip's entry (stored or deflated), as bytes. */
export function zipEntryBytes(zip: Buffer, entry: ZipEntry): Buffer {
  const start = entry.local + 30 + zip.readUInt16LE(entry.local + 26) + zip.readUInt16LE(entry.local + 28);
  const data = zip.subarray(start, start + entry.packed);
  return entry.method === 8 ? inflateRawSync(data) : data;
}

/**
 * The XML files of a workbook by their names in the zip (`xl/worksheets/sheet2.xml`), and the file of each sheet by
 * its name, read from `xl/workbook.xml` and its relationships as Excel and LibreOffice find them.
 */
export function workbookXml(bytes: Uint8Array): { files: Map<string, string>; sheetFile: (name: string) => string } {
  const zip = Buffer.from(bytes);
  const files = new Map(zipEntries(zip).map((entry) => [entry.name, zipEntryBytes(zip, entry).toString('utf8')]));
  const targets = new Map([...(files.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const sheets = new Map([...(files.get('xl/workbook.xml') ?? '').matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const sheetFile = (name: string): string => {
    const target = targets.get(sheets.get(name) ?? '');
    if (!target) throw new Error(`no sheet ${name} in the workbook`);
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  };
  return { files, sheetFile };
}
