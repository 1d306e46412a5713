import fs, { readFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { AttackLibrary } from '../../lib/attack/load.js';
import { readCampaign } from '../../lib/campaign/read-campaign.js';
import type { CoverageInput } from '../../lib/coverage/coverage-types.js';
import { parseCoverageLayers } from '../../lib/coverage/read-coverage-layer.js';
import { readCoverageInputs, readThreatInputs } from '../../lib/coverage/read-threat.js';
import { campaignReleases, normalizeCampaign } from '../../lib/normalize/normalize-campaign.js';
import { stixDir, testCacheDir } from '../helpers/attack.js';

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

/** Run `read` while counting the reads of `file` (fs.readFileSync, for the library's ES module and CommonJS copies alike). */
function readsOf<T>(file: string, read: () => T): { result: T; reads: number } {
  const original = fs.readFileSync;
  let reads = 0;
  fs.readFileSync = ((path: Parameters<typeof fs.readFileSync>[0], ...rest: unknown[]) => {
    if (typeof path === 'string' && resolve(path) === resolve(file)) reads += 1;
    return (original as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  syncBuiltinESMExports();
  try {
    return { result: read(), reads };
  } finally {
    fs.readFileSync = original;
    syncBuiltinESMExports();
  }
}

describe('readThreatInputs', () => {
  it('reads and parses a JSON campaign file once: the text and value that told it from a layer are the ones the campaign parser reads', () => {
    // A campaign written as JSON (test/fixtures/gap, hand-written).
    const file = fileURLToPath(new URL('../fixtures/gap/json-campaign.json', import.meta.url));
    const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
    const text = readFileSync(file, 'utf8');
    let reads = 0;
    const { result, parses } = parsesOf(text, () => {
      const counted = readsOf(file, () => readThreatInputs([file], library));
      reads = counted.reads;
      return counted.result;
    });
    expect([reads, parses]).to.deep.equal([1, 1]);
    // The same campaign as readCampaign gives from the file alone.
    const campaign = readCampaign(file);
    expect(result.campaigns).to.deep.equal([normalizeCampaign(campaign, campaignReleases(campaign, library))]);
    expect(result.layers).to.deep.equal([]);
  });
});

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
