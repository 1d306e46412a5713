import { compareIds } from '../attack/index-bundle.js';
import { validator } from '../schemas.js';
import type { NavigatorLayer } from './layer-types.js';
import { isJsonObject } from '../json-value.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where the known fields go, in the order of the format definition's own example; unknown keys follow, sorted. */
const LAYER_KEYS = [
  'name',
  'versions',
  'domain',
  'customDataURL',
  'description',
  'filters',
  'sorting',
  'layout',
  'hideDisabled',
  'techniques',
  'gradient',
  'legendItems',
  'showTacticRowBackground',
  'tacticRowBackground',
  'selectTechniquesAcrossTactics',
  'selectSubtechniquesWithParent',
  'selectVisibleTechniques',
  'metadata',
  'links',
] as const;

// Nested objects follow the order Navigator itself writes them in.
const VERSIONS_KEYS = ['attack', 'navigator', 'layer'];
const FILTERS_KEYS = ['platforms'];
const LAYOUT_KEYS = [
  'layout',
  'aggregateFunction',
  'showID',
  'showName',
  'showAggregateScores',
  'countUnscored',
  'expandedSubtechniques',
];
/** The fields of a technique entry that Navigator knows (layer format 4.5); others it ignores, and `upgrade` leaves out. */
export const TECHNIQUE_KEYS: readonly string[] = [
  'techniqueID',
  'tactic',
  'score',
  'color',
  'comment',
  'enabled',
  'metadata',
  'links',
  'showSubtechniques',
];
const GRADIENT_KEYS = ['colors', 'minValue', 'maxValue'];
const LEGEND_KEYS = ['label', 'color'];
const METADATA_KEYS = ['name', 'value', 'divider'];
const LINK_KEYS = ['label', 'url', 'divider'];

/** Any JSON value with object keys sorted at every depth (arrays keep their order). */
function sortedDeep(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (!isJsonObject(value)) return value as Json;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value).sort()) if (value[key] !== undefined) out[key] = sortedDeep(value[key]);
  return out;
}

/** An object with `known` keys first in that order (each value shaped by `shape`), then the others sorted. */
function ordered(
  value: unknown,
  known: readonly string[],
  shape: (key: string, child: unknown) => Json = (_key, child) => sortedDeep(child),
): Json {
  if (!isJsonObject(value)) return sortedDeep(value);
  const out: { [key: string]: Json } = {};
  for (const key of known) if (value[key] !== undefined) out[key] = shape(key, value[key]);
  for (const key of Object.keys(value).filter((k) => !known.includes(k)).sort()) {
    if (value[key] !== undefined) out[key] = sortedDeep(value[key]);
  }
  return out;
}

function list(value: unknown, each: (item: unknown) => Json): Json {
  return Array.isArray(value) ? value.map(each) : sortedDeep(value);
}

/** The order of technique entries in a serialized layer: by `techniqueID`, then `tactic` (no tactic first). */
export function compareEntries(a: unknown, b: unknown): number {
  const idOf = (entry: unknown): string => (isJsonObject(entry) && typeof entry['techniqueID'] === 'string' ? entry['techniqueID'] : '');
  const tacticOf = (entry: unknown): string => (isJsonObject(entry) && typeof entry['tactic'] === 'string' ? entry['tactic'] : '');
  return compareIds(idOf(a), idOf(b)) || compareIds(tacticOf(a), tacticOf(b));
}

function shapeTechnique(entry: unknown): Json {
  return ordered(entry, TECHNIQUE_KEYS, (key, child) => {
    if (key === 'metadata') return list(child, (item) => ordered(item, METADATA_KEYS));
    if (key === 'links') return list(child, (item) => ordered(item, LINK_KEYS));
    return sortedDeep(child);
  });
}

function shapeLayer(key: string, child: unknown): Json {
  switch (key) {
    case 'versions':
      return ordered(child, VERSIONS_KEYS);
    case 'filters':
      return ordered(child, FILTERS_KEYS);
    case 'layout':
      return ordered(child, LAYOUT_KEYS);
    case 'gradient':
      return ordered(child, GRADIENT_KEYS);
    case 'legendItems':
      return list(child, (item) => ordered(item, LEGEND_KEYS));
    case 'metadata':
      return list(child, (item) => ordered(item, METADATA_KEYS));
    case 'links':
      return list(child, (item) => ordered(item, LINK_KEYS));
    case 'techniques':
      // A stable sort keeps repeated ID/tactic pairs in file order, so the entry Navigator keeps (the last) stays last.
      return Array.isArray(child) ? [...child].sort(compareEntries).map(shapeTechnique) : sortedDeep(child);
    default:
      return sortedDeep(child);
  }
}

/**
 * The layer as the JSON text Navigator reads: fields in the format's order (unknown ones after, sorted), techniques
 * sorted by `techniqueID` then `tactic`, 2-space indentation and a final newline. Equal layers give equal bytes.
 */
export function serializeLayer(layer: NavigatorLayer): string {
  return `${JSON.stringify(ordered(layer, LAYER_KEYS, shapeLayer), null, 2)}\n`;
}

/** Serialize a file of several layers (Navigator opens one tab each) the same way. */
export function serializeLayers(layers: readonly NavigatorLayer[]): string {
  return `${JSON.stringify(
    layers.map((layer) => ordered(layer, LAYER_KEYS, shapeLayer)),
    null,
    2,
  )}\n`;
}

/** True when a value is a valid format 4.5 layer according to `schemas/layer-4.5.schema.json`. */
export function isNavigatorLayer(value: unknown): value is NavigatorLayer {
  return validator('layer-4.5')(value);
}
