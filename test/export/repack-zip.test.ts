import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
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

  it('writes the contents a rewrite gives for an entry, with their own size and CRC, and keeps the others', async () => {
    const rewritten = Buffer.from(
      repackZip(new Uint8Array(stored), new Date(0), (name, data) => (name === 'xl/sharedStrings.xml' ? new TextEncoder().encode(new TextDecoder().decode(data).replace('hello', 'hello again')) : undefined)),
    );
    const entry = zipEntries(rewritten).find((e) => e.name === 'xl/sharedStrings.xml')!;
    const data = zipEntryBytes(rewritten, entry);
    expect([entry.crc, data.length]).to.deep.equal([crc32(data), entry.size]);
    expect(data.toString()).to.contain('hello again');
    expect((await readWorkbook(rewritten)).getWorksheet('One')!.getCell('A1').value).to.equal('hello again');
    const before = zipEntries(stored).filter((e) => e.name !== entry.name);
    expect(zipEntries(rewritten).filter((e) => e.name !== entry.name).map((e) => e.size)).to.deep.equal(before.map((e) => e.size));
  });

  it('returns something that is not a zip untouched', () => {
    const text = new TextEncoder().encode('not a zip at all, just some text that is long enough');
    expect(repackZip(text, new Date(0))).to.equal(text);
  });
});
