import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'chai';
import { AttackLibrary } from '../../lib/attack/load.js';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { readCampaigns } from '../../lib/campaign/read-campaign.js';
import { serializeLayer } from '../../lib/layer/serialize-layer.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { campaignReleases, normalizeCampaign } from '../../lib/normalize/normalize-campaign.js';
import type { NormalizedCampaign } from '../../lib/normalize/normalize-types.js';
import { stixDir, testCacheDir } from '../helpers/attack.js';

let library: AttackLibrary | undefined;

/** The shared ATT&CK releases (ATTACK_STIX_DIR) with the test run's index cache, made once per process. */
export function sharedLibrary(): AttackLibrary {
  return (library ??= new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() }));
}

/** Campaign files or folders read and normalized to the newest release, as `render` does it. */
export function normalizeFiles(paths: readonly string[]): Array<{ result: NormalizedCampaign; index: AttackIndex }> {
  return readCampaigns(paths).map((campaign) => {
    const releases = campaignReleases(campaign, sharedLibrary());
    return { result: normalizeCampaign(campaign, releases), index: releases.target };
  });
}

/**
 * Compare a layer with a golden file under test/golden/: first as parsed JSON (a readable diff), then byte for byte.
 * `UPDATE_GOLDEN=1` rewrites the file instead; review the diff like code.
 */
export function expectGolden(layer: NavigatorLayer, name: string): void {
  const url = new URL(`../golden/${name}`, import.meta.url);
  const text = serializeLayer(layer);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(url, text);
  const golden = readFileSync(url, 'utf8');
  expect(JSON.parse(text), `${name} (UPDATE_GOLDEN=1 rewrites it)`).to.deep.equal(JSON.parse(golden));
  expect(text === golden, `${name}: same JSON, different bytes (UPDATE_GOLDEN=1 rewrites it)`).to.equal(true);
}
