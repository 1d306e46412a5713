import { expect } from 'chai';
import { StringTable, Vocabulary } from '../../lib/suggest/string-table.js';
import { decodeSections, encodeSections } from '../../lib/suggest/typed-sections.js';

describe('encodeSections and decodeSections', () => {
  const sections = {
    ints: Int32Array.from([1, -2, 3]),
    bytes: Uint8Array.from([7, 8, 9, 10, 11]),
    shorts: Uint16Array.from([65535, 0]),
    floats: Float32Array.from([0.5, -1.25]),
  };

  it('gives back the header and every section, as arrays of the same kind and values', () => {
    const decoded = decodeSections(encodeSections({ format: 1, name: 'x' }, sections))!;
    expect(decoded.header).to.include({ format: 1, name: 'x' });
    for (const [name, array] of Object.entries(sections)) {
      const back = decoded.sections.get(name)!;
      expect(back.constructor).to.equal(array.constructor);
      expect(Array.from(back)).to.deep.equal(Array.from(array));
    }
  });

  it('reads sections from bytes that do not start at an aligned offset (a copy, not a view)', () => {
    const bytes = encodeSections({}, sections);
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    expect(Array.from(decodeSections(shifted)!.sections.get('floats')!)).to.deep.equal([0.5, -1.25]);
  });

  const damaged: [label: string, damage: (bytes: Uint8Array) => Uint8Array][] = [
    ['another magic number', (bytes) => Uint8Array.from(bytes, (b, i) => (i === 0 ? 0x58 : b))],
    ['another byte order', (bytes) => Uint8Array.from(bytes, (b, i) => (i >= 4 && i < 8 ? bytes[11 - i]! : b))],
    ['cut in the middle of a section', (bytes) => bytes.subarray(0, bytes.length - 4)],
    ['cut in the header', (bytes) => bytes.subarray(0, 10)],
  ];
  for (const [label, damage] of damaged) {
    it(`refuses bytes with ${label}`, () => {
      expect(decodeSections(damage(encodeSections({}, sections)))).to.equal(undefined);
    });
  }
});

describe('Vocabulary', () => {
  const words = ['schedul task', 'powershel', 'über', '攻撃', 'a', ''];
  const vocabulary = Vocabulary.from(words);

  it('finds every string at its number and misses the others', () => {
    words.forEach((word, i) => expect(vocabulary.lookup(word), word).to.equal(i));
    for (const missing of ['schedul', 'powershell', 'uber', 'x'.repeat(300)]) expect(vocabulary.lookup(missing)).to.equal(-1);
  });

  it('survives a trip through its arrays, as the model cache stores it', () => {
    const copy = new Vocabulary(new StringTable(vocabulary.strings.bytes.slice(), vocabulary.strings.offsets.slice()), vocabulary.slots.slice());
    expect(words.map((word) => copy.lookup(word))).to.deep.equal([0, 1, 2, 3, 4, 5]);
    expect(words.map((_, i) => copy.strings.get(i))).to.deep.equal(words);
  });
});
