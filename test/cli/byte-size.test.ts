import { expect } from 'chai';
import { byteSize } from '../../lib/cli/byte-size.js';

describe('byteSize (the size a progress line says)', () => {
  // extract said every report under 50 KB "(0.0 MB)".
  const rows: [bytes: number, said: string][] = [
    [1, '1 byte'],
    [115, '115 bytes'],
    [4_210, '4.2 KB'],
    [86_900, '87 KB'],
    [20_100_000, '20.1 MB'],
  ];
  for (const [bytes, said] of rows) it(`says ${bytes} bytes as ${said}`, () => expect(byteSize(bytes)).to.equal(said));
});
