import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { CoverageInput } from '../../lib/coverage/coverage-types.js';
import { parseCoverageLayers } from '../../lib/coverage/read-coverage-layer.js';
import { readCoverageInputs } from '../../lib/coverage/read-threat.js';

/** Run `read` while counting the JSON.parse calls given exactly `text`. */
function parsesOf<T>(text: string, read: () => T): { result: T; parses: number } {
  const parse = JSON.parse;
  let parses = 0;
  JSON.parse = ((source: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    if (source === text) parses += 1;
    return parse(source, reviver) as unknown;
  }) as typeof JSON.parse;
  try {
    return { result: read(), parses };
  } finally {
    JSON.parse = parse;
  }
}

describe('readCoverageInputs', () => {
  // A detection-coverage layer written by Atomic Threat Coverage (test/fixtures/layers/public, README there).
  const file = fileURLToPath(new URL('../fixtures/layers/public/atc-testcustomer2-2.1.json', import.meta.url));

  it('parses a coverage layer file once: the value that told its kind is the one the layer reader reads', () => {
    const text = readFileSync(file, 'utf8');
    const { result, parses } = parsesOf(text, () => readCoverageInputs([file]));
    expect(parses).to.equal(1);
    // The same inputs as the layer reader gives from the text alone.
    const expected: CoverageInput[] = parseCoverageLayers(text, file);
    expect(result).to.deep.equal(expected);
    expect(result[0]?.counts.items).to.equal((JSON.parse(text) as { techniques: unknown[] }).techniques.length);
  });
});
