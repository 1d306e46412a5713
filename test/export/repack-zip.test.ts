import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import { expect } from 'chai';
import { repackZip } from '../../lib/export/repack-zip.js';
import { readWorkbook } from './workbook.js';

const require = createRequire(import.meta.url);

/** The central directory's entries, read independently of repackZip: name, method, DOS time and date. */
function entries(zip: Buffer): { name: string; method: number; time: number; day: number; local: number; size: number; packed: number }[] {
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
      packed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      local: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return list;
}

describe('repackZip', () => {
  let stored: Buffer;
  before(async () => {
    const { Workbook } = require('exceljs') as typeof import('exceljs');
    const workbook = new Workbook();
    workbook.addWorksheet('One').getCell('A1').value = 'hello';
    stored = Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as never));
  });

  it('deflates every stored entry and dates it 2021-03-04 05:06:08 UTC, keeping names and contents', async () => {
    const date = new Date(Date.UTC(2021, 2, 4, 5, 6, 8));
    const repacked = Buffer.from(repackZip(new Uint8Array(stored), date));
    const before = entries(stored);
    const after = entries(repacked);
    expect(after.map((e) => e.name)).to.deep.equal(before.map((e) => e.name));
    for (const entry of after) {
      expect([entry.method, entry.time, entry.day], entry.name).to.deep.equal([8, (5 << 11) | (6 << 5) | 4, (41 << 9) | (3 << 5) | 4]);
      const start = entry.local + 30 + repacked.readUInt16LE(entry.local + 26) + repacked.readUInt16LE(entry.local + 28);
      expect(inflateRawSync(repacked.subarray(start, start + entry.packed)).length).to.equal(entry.size);
    }
    expect((await readWorkbook(repacked)).getWorksheet('One')!.getCell('A1').value).to.equal('hello');
  });

  it('returns something that is not a zip untouched', () => {
    const text = new TextEncoder().encode('not a zip at all, just some text that is long enough');
    expect(repackZip(text, new Date(0))).to.equal(text);
  });
});
