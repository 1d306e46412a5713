import { createRequire } from 'node:module';
import { expect } from 'chai';
import { repackZip } from '../../lib/export/repack-zip.js';
import { readWorkbook, zipEntries, zipEntryBytes } from './workbook.js';

const require = createRequire(import.meta.url);

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
    const before = zipEntries(stored);
    const after = zipEntries(repacked);
    expect(after.map((e) => e.name)).to.deep.equal(before.map((e) => e.name));
    for (const entry of after) {
      expect([entry.method, entry.time, entry.day], entry.name).to.deep.equal([8, (5 << 11) | (6 << 5) | 4, (41 << 9) | (3 << 5) | 4]);
      expect(zipEntryBytes(repacked, entry).length).to.equal(entry.size);
    }
    expect((await readWorkbook(repacked)).getWorksheet('One')!.getCell('A1').value).to.equal('hello');
  });

  it('returns something that is not a zip untouched', () => {
    const text = new TextEncoder().encode('not a zip at all, just some text that is long enough');
    expect(repackZip(text, new Date(0))).to.equal(text);
  });
});
