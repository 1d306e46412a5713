import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AttackIndex } from '../attack/attack-index.js';
import { givenOption, InputError, UsageError } from '../errors.js';
import type { NormalizedCampaign } from '../normalize/normalize-types.js';
import { schemaIssues } from '../schemas.js';
import { writeFilesAtomic, type WriteOptions } from '../write-file.js';
import type { NavigatorLayer } from './layer-types.js';
import { renderAggregateLayer, renderCampaignLayer, type RenderOptions } from './render-layer.js';
import { newestCampaignDate } from './score.js';
import { serializeLayer } from './serialize-layer.js';

/** The suffix of every layer file we write. */
export const LAYER_SUFFIX = '.layer.json';

/** A layer and the file name (no folder) it is written to. */
export interface LayerFile {
  name: string;
  layer: NavigatorLayer;
}

// Names Windows reserves whatever the extension; a layer called con.layer.json cannot be created there.
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;
const MAX_STEM = 100;

/**
 * A safe file name for a campaign ID or layer name: lower case letters, digits, `.`, `_` and `-` only, never two of
 * the last three in a row (so no `..`) nor at either end, at most 100 characters, plus `.layer.json`. Anything else
 * becomes `-`; an ID with nothing usable left (say, only Japanese) becomes `layer-` and the first 12 hex digits of its
 * SHA-256, so it stays distinct. `../../x` becomes `x.layer.json`: nothing can name a file outside the folder.
 */
export function layerFileName(id: string): string {
  let stem = id
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    // Runs of separators (`..`, `-.-`) become one dash, so no `..` survives.
    .replace(/[._-]{2,}/g, '-')
    .replace(/^[.\-_]+|[.\-_]+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/[.\-_]+$/, '');
  if (!stem) stem = `layer-${createHash('sha256').update(id).digest('hex').slice(0, 12)}`;
  if (RESERVED.test(stem)) stem = `${stem}-layer`;
  return `${stem}${LAYER_SUFFIX}`;
}

/** Options of `renderLayerFiles`. */
export interface RenderFilesOptions extends RenderOptions {
  /** Also render one layer across every campaign, with this name (and a file named after it). */
  aggregate?: string;
  /** The aggregate keeps only the entries at least this many campaigns report (see `AggregateOptions`). */
  minCampaigns?: number;
}

/**
 * Render a set of normalized campaigns as layer files: one per campaign (`<safe id>.layer.json`) and, with
 * `aggregate`, one across all of them. The recency model's `asOf` defaults to the newest date of the whole set, so
 * every layer of a run uses the same date and the set does not change with the day it is rendered on.
 * @throws UsageError when the aggregate's file name is a campaign's; InputError when two campaigns share a file name.
 */
export function renderLayerFiles(
  items: ReadonlyArray<{ result: NormalizedCampaign; index: AttackIndex }>,
  options: RenderFilesOptions,
): { files: LayerFile[]; warnings: string[] } {
  const asOf = options.asOf ?? newestCampaignDate(items.map((item) => item.result));
  const { aggregate: _aggregate, minCampaigns, ...rest } = options;
  // A program gave the aggregate's name as `aggregate`, not as renderAggregateLayer's `name`.
  const givenAs = { ...options.givenAs, aggregate: options.givenAs?.aggregate ?? 'aggregate' };
  const renderOptions: RenderOptions = { ...rest, ...(asOf !== undefined ? { asOf } : {}) };
  const files: LayerFile[] = [];
  const warnings: string[] = [];
  const owners = new Map<string, string>();
  for (const { result, index } of items) {
    const name = layerFileName(result.id);
    const other = owners.get(name);
    if (other !== undefined) {
      throw new InputError(
        `${result.file}: campaign ID "${result.id}" gives the file name ${name}, as "${other}" does; give the campaigns distinct ids`,
        { file: result.file },
      );
    }
    owners.set(name, result.id);
    const rendered = renderCampaignLayer(result, index, renderOptions);
    files.push({ name, layer: rendered.layer });
    for (const warning of rendered.warnings) warnings.push(warning);
  }
  const first = items[0];
  if (options.aggregate !== undefined && first) {
    const name = layerFileName(options.aggregate);
    const other = owners.get(name);
    if (other !== undefined) {
      throw new UsageError(`${givenOption(options.givenAs, 'aggregate', options.aggregate, JSON.stringify(options.aggregate))} would be written to ${name}, the layer of campaign "${other}"; choose another name`);
    }
    const rendered = renderAggregateLayer(items.map((item) => item.result), first.index, {
      ...renderOptions,
      givenAs,
      name: options.aggregate,
      ...(minCampaigns !== undefined ? { minCampaigns } : {}),
    });
    files.push({ name, layer: rendered.layer });
    // The campaigns' own findings were given with their layers already.
    const given = new Set(warnings);
    for (const warning of rendered.warnings) if (!given.has(warning)) warnings.push(warning);
  }
  return { files, warnings };
}

function assertPlainName(name: string): void {
  if (!name || name !== basename(name) || name === '.' || name === '..' || name.includes('\\')) {
    throw new Error(`bug: layer file name "${name}" is not a plain file name; build it with layerFileName() (please report this)`);
  }
}

/**
 * Write layers into a folder, all or nothing up front: every layer is validated against the layer 4.5 schema and,
 * without `force`, every target checked before the first is written; each file is written atomically, but a file
 * that holds the very layer already is left untouched (`writeFilesAtomic`). Returns the paths written (`outDir`
 * joined with each name): those left untouched are not among them.
 * @throws OutputExistsError (exit 2) naming each file that exists with other content, when `force` is not set; Error
 * (a bug) when a rendered layer does not match the schema.
 */
export function writeLayers(files: readonly LayerFile[], outDir: string, options: WriteOptions = {}): string[] {
  const texts = files.map(({ name, layer }) => {
    assertPlainName(name);
    const issues = schemaIssues('layer-4.5', layer);
    if (issues.length) {
      const list = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
      throw new Error(`bug: the rendered layer ${name} does not match the layer 4.5 schema (${list}); nothing was written, please report this`);
    }
    return { path: join(outDir, name), content: serializeLayer(layer) };
  });
  return writeFilesAtomic(texts, options);
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    // A folder where a layer should be, or an unreadable file, counts as there.
    if (code === 'EISDIR') return '';
    throw error;
  }
}

/** The paths (`dir` joined with each name) whose file is missing or differs from what `writeLayers` would write. */
export function checkLayers(files: readonly LayerFile[], dir: string): string[] {
  return files
    .filter(({ name, layer }) => {
      assertPlainName(name);
      return readOrUndefined(join(dir, name)) !== serializeLayer(layer);
    })
    .map(({ name }) => join(dir, name));
}
