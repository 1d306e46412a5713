import { statSync } from 'node:fs';
import { extname } from 'node:path';
import type { AttackLibrary } from '../attack/load.js';
import { readCampaigns, type CampaignReadOptions } from '../campaign/read-campaign.js';
import { UsageError } from '../errors.js';
import { parseJsonText } from '../json-text.js';
import { kindOfValue } from '../input-kind.js';
import { readTextFile, STDIN, type InputOptions } from '../read-text.js';
import { campaignReleases, normalizeCampaign } from '../normalize/normalize-campaign.js';
import type { NormalizedCampaign } from '../normalize/normalize-types.js';
import type { CoverageInput } from './coverage-types.js';
import { readCoverageLayer } from './read-coverage-layer.js';
import { readDetections } from './read-detections.js';
import { readSigmaRules } from './read-sigma.js';

/**
 * True when a `.json` file (or standard input) holds a Navigator layer, or an array of them, rather than a campaign
 * (`kindOfValue` tells them apart).
 */
export function isLayerFile(file: string, input: InputOptions = {}): boolean {
  if (file !== STDIN && extname(file).toLowerCase() !== '.json') return false;
  const text = readTextFile(file, file, input);
  // Standard input has no extension: JSON is what starts like JSON.
  if (file === STDIN && !/^\s*[[{]/.test(text)) return false;
  return kindOfValue(parseJsonText(text, file)) === 'layer';
}

function isFolder(path: string): boolean {
  if (path === STDIN) return false;
  try {
    return statSync(path).isDirectory();
  } catch {
    throw new UsageError(`${path}: no such file or folder`);
  }
}

/** The threat side of a review: campaigns (normalized) and threat layers (read as coverage-shaped entries). */
export interface ThreatInputs {
  campaigns: NormalizedCampaign[];
  layers: CoverageInput[];
}

/** Read threat paths: campaign files and folders of them, and Navigator layer files (`-`: the `stdin` of `input`). */
export function readThreatInputs(paths: readonly string[], library: AttackLibrary, to?: string, input: CampaignReadOptions = {}): ThreatInputs {
  const campaignPaths = paths.filter((path) => isFolder(path) || !isLayerFile(path, input));
  const layers = paths.filter((path) => !campaignPaths.includes(path)).map((path) => readCoverageLayer(path, input));
  const campaigns = campaignPaths.length
    ? readCampaigns(campaignPaths, input).map((campaign) => normalizeCampaign(campaign, campaignReleases(campaign, library, to)))
    : [];
  return { campaigns, layers };
}

/**
 * Read coverage paths by kind: a folder is Sigma rules (through their cache with `cacheDir`), a `.json` file a
 * Navigator coverage layer, and a `.csv`, `.yaml` or `.yml` file a detections file; `-` (the `stdin` of `options`)
 * is a layer when it is JSON, else detections.
 */
export function readCoverageInputs(paths: readonly string[], options: { scale?: [number, number]; cacheDir?: string } & InputOptions = {}): CoverageInput[] {
  return paths.map((path) => {
    if (isFolder(path)) return readSigmaRules(path, { cacheDir: options.cacheDir });
    if (path === STDIN ? isLayerFile(path, options) : extname(path).toLowerCase() === '.json') return readCoverageLayer(path, options);
    return readDetections(path, options);
  });
}
