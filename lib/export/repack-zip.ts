import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Repack a zip archive whose entries are stored uncompressed into a deflated one, with every entry dated `date`
 * (UTC, 2-second precision), so that an archive written twice is byte for byte the same. exceljs's own zip writer
 * deflates in JavaScript (most of the time of a large workbook) and stamps the time of writing; it is asked to
 * store, and Node's zlib deflates here. Entries keep their order, names and CRCs; an archive with an entry that is
 * not stored, or that is not a zip, comes back untouched. `rewrite`, where given, may return new contents for an
 * entry by its name (its CRC is then computed anew), or undefined to keep it.
 */
export function repackZip(zip: Uint8Array, date: Date, rewrite?: (name: string, data: Uint8Array) => Uint8Array | undefined): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((Math.max(1980, date.getUTCFullYear()) - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  // The end-of-central-directory record is the last 22 bytes, unless the archive has a comment after it.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return zip;
  const entries: { name: Uint8Array; crc: number; size: number; data: Uint8Array }[] = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 10, true) !== 0) return zip;
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const size = view.getUint32(at + 24, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const name = zip.subarray(at + 46, at + 46 + nameLength);
    const data = zip.subarray(start, start + size);
    const rewritten = rewrite?.(new TextDecoder().decode(name), data);
    entries.push(rewritten ? { name, crc: crc32(rewritten), size: rewritten.length, data: rewritten } : { name, crc: view.getUint32(at + 16, true), size, data });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  const parts: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const deflated = deflateRawSync(entry.data);
    const header = (signature: number, central: boolean): Uint8Array => {
      const bytes = new Uint8Array((central ? 46 : 30) + entry.name.length);
      const out = new DataView(bytes.buffer);
      const fields = central ? 2 : 0;
      out.setUint32(0, signature, true);
      if (central) out.setUint16(4, 20, true);
      out.setUint16(4 + fields, 20, true); // version needed: 2.0 (deflate)
      out.setUint16(8 + fields, 8, true); // method: deflate
      out.setUint16(10 + fields, time, true);
      out.setUint16(12 + fields, day, true);
      out.setUint32(14 + fields, entry.crc, true);
      out.setUint32(18 + fields, deflated.length, true);
      out.setUint32(22 + fields, entry.size, true);
      out.setUint16(26 + fields, entry.name.length, true);
      if (central) out.setUint32(42, offset, true);
      bytes.set(entry.name, central ? 46 : 30);
      return bytes;
    };
    directory.push(header(0x02014b50, true));
    const local = header(0x04034b50, false);
    parts.push(local, deflated);
    offset += local.length + deflated.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const tail = new Uint8Array(22);
  const out = new DataView(tail.buffer);
  out.setUint32(0, 0x06054b50, true);
  out.setUint16(8, entries.length, true);
  out.setUint16(10, entries.length, true);
  out.setUint32(12, directorySize, true);
  out.setUint32(16, offset, true);
  return Buffer.concat([...parts, ...directory, tail]);
}
