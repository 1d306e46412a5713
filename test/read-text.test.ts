import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeTextBytes, InputError, readTextFile, UsageError } from '../lib/index.js';
import { freshTmpDir, runCli } from './helpers/attack.js';

const text = '{"name": "Übung – T1059.001 “PowerShell”"}\n';

/** The bytes Python's `open(f, "w", encoding="utf-16")` writes on a little-endian machine, as mitreattack-python does. */
function pythonUtf16(value: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(value, 'utf16le')]);
}

function utf16be(value: string, bom: boolean): Buffer {
  const bytes = Buffer.from(value, 'utf16le');
  bytes.swap16();
  return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), bytes]) : bytes;
}

describe('decodeTextBytes', () => {
  const cases: ReadonlyArray<readonly [string, Buffer, string]> = [
    ['UTF-8', Buffer.from(text, 'utf8'), 'utf-8'],
    ['UTF-8 with a BOM (the BOM is not part of the text)', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8 with BOM'],
    ['UTF-16 LE with a BOM (mitreattack-python)', pythonUtf16(text), 'utf-16le'],
    ['UTF-16 BE with a BOM', utf16be(text, true), 'utf-16be'],
    ['UTF-16 LE without a BOM (every other byte NUL)', Buffer.from(text, 'utf16le'), 'utf-16le'],
    ['UTF-16 BE without a BOM', utf16be(text, false), 'utf-16be'],
  ];
  for (const [what, bytes, encoding] of cases) {
    it(`reads ${what}`, () => {
      expect(decodeTextBytes(bytes, 'x.json')).to.deep.equal({ text, encoding });
    });
  }

  it('reads bytes that are not UTF-8 as Windows-1252, as Excel on Windows saves a CSV', () => {
    const bytes = Buffer.from([0x54, 0x31, 0x30, 0x35, 0x39, 0x20, 0x96, 0x20, 0x93, 0x50, 0x53, 0x94, 0x20, 0xdc]);
    expect(decodeTextBytes(bytes, 'd.csv')).to.deep.equal({ text: 'T1059 – “PS” Ü', encoding: 'windows-1252' });
  });

  it('reads UTF-8 text with a stray Windows-1252 byte as both, not all of it as Windows-1252 (every accent garbled)', () => {
    // A French report in UTF-8 with one apostrophe pasted from Word as the byte 0x92.
    const bytes = Buffer.concat([Buffer.from('Le groupe a utilisé “PowerShell” – '), Buffer.from([0x92]), Buffer.from(' puis é€'), Buffer.from([0xe2, 0x82])]);
    expect(decodeTextBytes(bytes, 'r.txt')).to.deep.equal({ text: 'Le groupe a utilisé “PowerShell” – ’ puis é€â‚', encoding: 'utf-8 and windows-1252' });
    // Bytes that look like a UTF-8 sequence but are not one (overlong, a surrogate) are Windows-1252 too.
    expect(decodeTextBytes(Buffer.from([0xc3, 0xa9, 0x20, 0xc0, 0xaf, 0x20, 0xed, 0xa0, 0x80]), 'r.txt').text).to.equal('é À¯ í\u00a0€');
  });

  const binaries: ReadonlyArray<readonly [string, Buffer, RegExp]> = [
    ['a gzip file', gzipSync(text), /x\.json: this is a gzip file; decompress it first/],
    ['an xlsx workbook', Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), /x\.json: this is a zip archive \(an \.xlsx/],
    ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3', 'latin1'), /x\.json: this is a PDF; convert it to text first/],
    ['a binary file with NUL bytes', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]), /x\.json: this is a binary file \(a NUL byte at offset 7\)/],
  ];
  for (const [what, bytes, message] of binaries) {
    it(`refuses ${what}, saying what it is`, () => {
      expect(() => decodeTextBytes(bytes, 'x.json'))
        .to.throw(InputError, message)
        .with.property('file', 'x.json');
    });
  }
});

describe('readTextFile', () => {
  it('says when the file is missing, or is a folder (usage errors, the file in `file`)', () => {
    const dir = freshTmpDir('read-text');
    expect(() => readTextFile(join(dir, 'nope.yaml'))).to.throw(UsageError, /nope\.yaml: no such file$/).with.property('file', join(dir, 'nope.yaml'));
    mkdirSync(join(dir, 'folder'));
    expect(() => readTextFile(join(dir, 'folder'))).to.throw(UsageError, /folder: is a folder, not a file; name a file in it$/).with.property('file', join(dir, 'folder'));
  });
});

describe('every command reads UTF-16 and BOM-prefixed inputs', () => {
  const layer = {
    name: 'written by mitreattack-python',
    domain: 'enterprise-attack',
    versions: { layer: '4.5', attack: '18', navigator: '5.1.0' },
    techniques: [{ techniqueID: 'T1059.001', score: 1, comment: 'Übung “PowerShell”' }],
  };
  const campaign = 'name: BOM campaign – Übung\ntechniques:\n  - PowerShell (T1059.001)\n';

  it('validate takes a UTF-16 layer with a BOM (as mitreattack-python writes it)', async () => {
    const file = join(freshTmpDir('utf16'), 'layer.json');
    writeFileSync(file, pythonUtf16(JSON.stringify(layer, null, 4)));
    const result = await runCli(['validate', file, '--json']);
    expect(result.stderr).to.not.match(/invalid JSON/);
    expect(result.code).to.equal(0);
  });

  it('normalize takes a UTF-8 campaign with a BOM and a UTF-16 one alike', async () => {
    const dir = freshTmpDir('bom');
    writeFileSync(join(dir, 'a.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(campaign)]));
    writeFileSync(join(dir, 'b.yaml'), pythonUtf16(campaign));
    for (const file of ['a.yaml', 'b.yaml']) {
      const result = await runCli(['normalize', join(dir, file), '--json']);
      expect(result.code, result.stderr).to.equal(0);
      const output = JSON.parse(result.stdout) as { references?: { id?: string }[]; name?: string }[] | { references?: { id?: string }[] };
      expect(JSON.stringify(output)).to.contain('BOM campaign – Übung').and.to.contain('T1059.001');
    }
  });

  it('gives a one-line error, exit 1, for an xlsx file given as a campaign', async () => {
    const file = join(freshTmpDir('xlsx'), 'campaign.yaml');
    writeFileSync(file, Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00', 'latin1'));
    const result = await runCli(['normalize', file]);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.match(/campaign\.yaml: this is a zip archive \(an \.xlsx or \.docx file is one\); save or export it as CSV, JSON or text first\n$/);
  });
});
