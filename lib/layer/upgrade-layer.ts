import type { AttackIndex } from '../attack/attack-index.js';
import type { TechniqueRecord } from '../attack/types.js';
import { InputError, SchemaValidationError } from '../errors.js';
import { schemaIssues } from '../schemas.js';
import { LAYER_FORMAT, type LayerMetadata, type LayerTechnique, type NavigatorLayer } from './layer-types.js';

type JsonObject = Record<string, unknown>;

/** The Navigator version written into `versions.navigator` when a layer has none or one older than format 4.5 allows. */
export const DEFAULT_NAVIGATOR_VERSION = '5.1.0';
/** The oldest Navigator version the 4.5 format names. */
const MIN_NAVIGATOR_VERSION = '4.9.0';

/** The layer format a layer states, and where it states it. */
export interface LayerFormatInfo {
  /** The format as written (`"4.3"`, `"3.0"`), or undefined when the layer states none. */
  version?: string;
  /** `versions.layer` (4.1 and later), the `version` field of formats up to 4.0, or neither. */
  source: 'versions.layer' | 'version' | 'none';
  /** -1, 0 or 1 as the stated format is older than, equal to or newer than 4.5; undefined when unknown. */
  comparedTo45?: number;
  /** The major format number (3 for "3.0"), when readable. */
  major?: number;
}

/** Options of `upgradeLayer`. */
export interface UpgradeOptions {
  /** The file, for error messages. */
  file?: string;
  /** Written into `versions.navigator` when it is missing or older than 4.9.0 (default `5.1.0`). */
  navigatorVersion?: string;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function versionParts(version: string): number[] | undefined {
  return /^\d+(\.\d+)*$/.test(version) ? version.split('.').map(Number) : undefined;
}

/** Compare two dotted version numbers (`"4.10"` after `"4.9"`); undefined when either is not one. */
export function compareVersions(a: string, b: string): number | undefined {
  const left = versionParts(a);
  const right = versionParts(b);
  if (!left || !right) return undefined;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff) return Math.sign(diff);
  }
  return 0;
}

/** Which layer format a parsed layer states. Like Navigator, a `version` field wins over `versions.layer`. */
export function layerFormat(value: unknown): LayerFormatInfo {
  if (!isObject(value)) return { source: 'none' };
  const versions = value['versions'];
  const raw =
    'version' in value ? value['version'] : isObject(versions) && 'layer' in versions ? versions['layer'] : undefined;
  if (raw === undefined || raw === null) return { source: 'none' };
  const version = String(raw);
  const source = 'version' in value ? 'version' : 'versions.layer';
  const parts = versionParts(version);
  const compared = compareVersions(version, LAYER_FORMAT);
  // A `version` field belongs to formats up to 4.0 whatever it says.
  return {
    version,
    source,
    comparedTo45: source === 'version' ? -1 : compared,
    major: parts?.[0],
  };
}

/** Domain names of formats before 4.1, and what Navigator maps them to. */
const OLD_DOMAINS: Readonly<Record<string, string>> = {
  'mitre-enterprise': 'enterprise-attack',
  'mitre-mobile': 'mobile-attack',
  'mitre-ics': 'ics-attack',
};

/**
 * Format conversions to 4.5, one named rule per difference between the formats (per the format definitions of
 * 3.0 to 4.5). Each returns what it changed; none touches `techniques` order, so `/techniques/N` paths stay valid.
 */
const FORMAT_RULES: ReadonlyArray<readonly [label: string, apply: (layer: JsonObject, options: UpgradeOptions) => string[]]> = [
  [
    'the `version` field of formats up to 4.0 becomes `versions.layer`',
    (layer) => {
      if (!('version' in layer)) return [];
      const old = layer['version'];
      delete layer['version'];
      const versions = isObject(layer['versions']) ? layer['versions'] : {};
      layer['versions'] = { ...versions, layer: LAYER_FORMAT };
      return [`/version: layer format ${String(old)} converted to ${LAYER_FORMAT} (\`version\` became \`versions\`)`];
    },
  ],
  [
    'versions.layer becomes 4.5',
    (layer) => {
      const versions = layer['versions'];
      if (!isObject(versions)) {
        layer['versions'] = { layer: LAYER_FORMAT };
        return ['/versions: added (layer format 4.5)'];
      }
      if (versions['layer'] === LAYER_FORMAT) return [];
      const old = versions['layer'];
      versions['layer'] = LAYER_FORMAT;
      return [`/versions/layer: ${old === undefined ? 'set to' : `${String(old)} ->`} ${LAYER_FORMAT}`];
    },
  ],
  [
    'versions.navigator is at least 4.9.0',
    (layer, options) => {
      const versions = layer['versions'] as JsonObject;
      const navigator = versions['navigator'];
      const target = options.navigatorVersion ?? DEFAULT_NAVIGATOR_VERSION;
      if (typeof navigator === 'string' && (compareVersions(navigator, MIN_NAVIGATOR_VERSION) ?? -1) >= 0) return [];
      versions['navigator'] = target;
      return [`/versions/navigator: ${navigator === undefined ? 'set to' : `${String(navigator)} ->`} ${target}`];
    },
  ],
  [
    'old domain names (mitre-enterprise) become enterprise-attack',
    (layer) => {
      const domain = layer['domain'];
      const current = typeof domain === 'string' ? OLD_DOMAINS[domain] : undefined;
      if (!current) return [];
      layer['domain'] = current;
      return [`/domain: ${String(domain)} -> ${current}`];
    },
  ],
  [
    'viewMode (format 3.0) becomes layout',
    (layer) => {
      if (!('viewMode' in layer)) return [];
      const viewMode = layer['viewMode'];
      delete layer['viewMode'];
      if (isObject(layer['layout'])) return [`/viewMode: removed (layout is already set)`];
      // Navigator's own mapping: 1 was the compact table (IDs, no names), 2 the mini table.
      const layout =
        viewMode === 1
          ? { layout: 'side', showID: true, showName: false }
          : viewMode === 2
            ? { layout: 'mini', showID: false, showName: false }
            : { layout: 'side' };
      layer['layout'] = layout;
      return [`/viewMode: ${JSON.stringify(viewMode)} became layout ${JSON.stringify(layout)}`];
    },
  ],
  [
    'filters.stages (PRE-ATT&CK, gone since format 4.0) is dropped',
    (layer) => {
      const filters = layer['filters'];
      if (!isObject(filters) || !('stages' in filters)) return [];
      delete filters['stages'];
      return ['/filters/stages: removed (format 4.0 dropped the PRE-ATT&CK stage filter)'];
    },
  ],
  [
    'an empty score ("") means unscored; a numeric string becomes a number',
    (layer) => {
      const changes: string[] = [];
      const techniques = layer['techniques'];
      if (!Array.isArray(techniques)) return changes;
      techniques.forEach((entry, i) => {
        if (!isObject(entry) || typeof entry['score'] !== 'string') return;
        const score = entry['score'].trim();
        if (score === '') {
          delete entry['score'];
          changes.push(`/techniques/${i}/score: "" removed (unscored)`);
        } else if (Number.isFinite(Number(score))) {
          entry['score'] = Number(score);
          changes.push(`/techniques/${i}/score: "${score}" -> ${Number(score)}`);
        }
      });
      return changes;
    },
  ],
];

/**
 * Convert the structure of a layer of any older format (3.x, 4.0–4.4) to 4.5 without looking at ATT&CK: a copy
 * comes back with the list of changes. Technique entries keep their positions.
 */
export function migrateLayerFormat(value: JsonObject, options: UpgradeOptions = {}): { layer: JsonObject; changes: string[] } {
  const layer = structuredClone(value);
  const changes = FORMAT_RULES.flatMap(([, apply]) => apply(layer, options));
  return { layer, changes };
}

/** True when an entry carries something Navigator shows or exports (a score, colour, comment, link, metadata, or is disabled). */
export function isAnnotated(entry: JsonObject | LayerTechnique): boolean {
  const e = entry as JsonObject;
  return (
    typeof e['score'] === 'number' ||
    (typeof e['color'] === 'string' && e['color'] !== '') ||
    (typeof e['comment'] === 'string' && e['comment'] !== '') ||
    e['enabled'] === false ||
    (Array.isArray(e['links']) && e['links'].length > 0) ||
    (Array.isArray(e['metadata']) && e['metadata'].length > 0)
  );
}

/**
 * Annotated sub-technique entries that Navigator shows collapsed (invisible) under their parent, by entry position,
 * with the tactics where that happens. A parent entry with `showSubtechniques: true` expands them under its tactic
 * (or all tactics when it has none); `layout.expandedSubtechniques` "annotated" or "all" expands every one.
 */
export function collapsedSubtechniques(
  entries: readonly unknown[],
  index: AttackIndex,
  expanded: unknown,
): Map<number, string[]> {
  const hidden = new Map<number, string[]>();
  if (expanded === 'annotated' || expanded === 'all') return hidden;
  const expanders = entries.filter(
    (entry): entry is JsonObject => isObject(entry) && entry['showSubtechniques'] === true && typeof entry['techniqueID'] === 'string',
  );
  entries.forEach((entry, i) => {
    if (!isObject(entry) || typeof entry['techniqueID'] !== 'string' || !isAnnotated(entry)) return;
    const record = index.technique(entry['techniqueID']);
    if (!record?.parent || record.revoked || record.deprecated) return;
    const tactic = typeof entry['tactic'] === 'string' ? entry['tactic'] : undefined;
    const tactics = tactic ? record.tactics.filter((t) => t === tactic) : record.tactics;
    const collapsed = tactics.filter(
      (t) => !expanders.some((p) => p['techniqueID'] === record.parent && (p['tactic'] === undefined || p['tactic'] === t)),
    );
    if (collapsed.length) hidden.set(i, collapsed);
  });
  return hidden;
}

function describe(record: TechniqueRecord): string {
  return `${record.id} (${record.name})`;
}

function entryKey(entry: JsonObject): string {
  return `${String(entry['techniqueID'])}\u0000${typeof entry['tactic'] === 'string' ? entry['tactic'] : ''}`;
}

function pushDistinct<T>(into: T[], items: readonly T[]): void {
  for (const item of items) if (!into.some((existing) => JSON.stringify(existing) === JSON.stringify(item))) into.push(item);
}

/** Fold `other` into `into`: the higher score, the first colour, every distinct comment, link and metadata line. */
function mergeEntries(into: JsonObject, other: JsonObject): void {
  const a = into['score'];
  const b = other['score'];
  if (typeof b === 'number' && (typeof a !== 'number' || b > a)) into['score'] = b;
  if ((into['color'] === undefined || into['color'] === '') && typeof other['color'] === 'string' && other['color'] !== '') {
    into['color'] = other['color'];
  }
  const comments = [into['comment'], other['comment']].filter((c): c is string => typeof c === 'string' && c !== '');
  if (comments.length) into['comment'] = [...new Set(comments)].join('\n');
  // Disabled only when every merged entry was.
  if (into['enabled'] === false && other['enabled'] !== false) delete into['enabled'];
  for (const key of ['metadata', 'links'] as const) {
    const mine = Array.isArray(into[key]) ? (into[key] as unknown[]) : [];
    if (Array.isArray(other[key])) pushDistinct(mine, other[key] as unknown[]);
    if (mine.length || key in into) into[key] = mine;
  }
  if (other['showSubtechniques'] === true) into['showSubtechniques'] = true;
  for (const [key, value] of Object.entries(other)) if (!(key in into)) into[key] = value;
}

/**
 * Upgrade a layer of format 3.x or 4.0–4.5 to format 4.5 for an ATT&CK release: revoked techniques are replaced by
 * the end of their revocation chain (annotations kept, plus a metadata line naming the old ID), tactics that no
 * longer apply are dropped, duplicates that result are merged, and `versions.attack` becomes the release's major.
 * Deprecated and unknown techniques are kept and reported. Every change is listed.
 * @throws InputError when the value is not a layer object or is for another domain; SchemaValidationError when
 * the result is still not a valid 4.5 layer (for example a score that is not a number).
 */
export function upgradeLayer(
  value: unknown,
  index: AttackIndex,
  options: UpgradeOptions = {},
): { layer: NavigatorLayer; changes: string[] } {
  const file = options.file ?? 'layer';
  if (!isObject(value)) {
    const what = Array.isArray(value) ? 'an array of layers: upgrade each element' : 'not a layer object';
    throw new InputError(`${file}: ${what}`, { file: options.file });
  }
  const { layer, changes } = migrateLayerFormat(value, options);
  if (layer['domain'] !== index.domain) {
    throw new InputError(
      `${file}: /domain: the layer is for ${JSON.stringify(layer['domain'])} but the ATT&CK data given is ${index.label}; ` +
        `pass a release of the layer's domain`,
      { file: options.file },
    );
  }
  const versions = layer['versions'] as JsonObject;
  if (versions['attack'] !== index.major) {
    changes.push(`/versions/attack: ${versions['attack'] === undefined ? 'set to' : `${String(versions['attack'])} ->`} ${index.major}`);
    versions['attack'] = index.major;
  }

  if (Array.isArray(layer['techniques'])) {
    const entries = layer['techniques'] as unknown[];
    const kept: Array<{ entry: JsonObject; at: number }> = [];
    entries.forEach((raw, at) => {
      if (!isObject(raw) || typeof raw['techniqueID'] !== 'string') {
        kept.push({ entry: raw as JsonObject, at });
        return;
      }
      const entry = raw;
      const id = entry['techniqueID'] as string;
      const record = index.technique(id);
      if (!record) {
        changes.push(`/techniques/${at}: ${id} is not in ${index.label}; kept as is, but Navigator will not show it`);
      } else if (record.revoked) {
        const chain = index.revocationChain(id);
        if (chain.final) {
          const via = chain.steps.slice(1, -1).map((step) => step.id);
          entry['techniqueID'] = chain.final.id;
          const metadata = Array.isArray(entry['metadata']) ? (entry['metadata'] as LayerMetadata[]) : [];
          metadata.push({ name: 'upgraded from', value: id });
          entry['metadata'] = metadata;
          changes.push(
            `/techniques/${at}: ${describe(record)} is revoked; replaced by ${describe(chain.final)}` +
              (via.length ? ` (via ${via.join(', ')})` : ''),
          );
        } else {
          changes.push(`/techniques/${at}: ${describe(record)} is revoked and ${index.label} names no replacement; kept as is`);
        }
      } else if (record.deprecated) {
        const pointers = record.deprecationPointers?.length ? `; its description points to ${record.deprecationPointers.join(', ')}` : '';
        changes.push(`/techniques/${at}: ${describe(record)} is deprecated; kept, but Navigator will not show it${pointers}`);
      }
      kept.push({ entry, at });
    });

    // Tactics are checked after every replacement, so that an entry whose tactic no longer applies is dropped only
    // when another entry of the same technique still carries the annotation where it does apply.
    const survivors: Array<{ entry: JsonObject; at: number }> = [];
    for (const item of kept) {
      const { entry, at } = item;
      const record = typeof entry?.['techniqueID'] === 'string' ? index.technique(entry['techniqueID']) : undefined;
      const tactic = entry?.['tactic'];
      if (!record || record.revoked || record.deprecated || typeof tactic !== 'string' || record.tactics.includes(tactic)) {
        survivors.push(item);
        continue;
      }
      const covered = kept.some(
        (other) =>
          other !== item &&
          other.entry?.['techniqueID'] === record.id &&
          (other.entry['tactic'] === undefined || record.tactics.includes(other.entry['tactic'] as string)),
      );
      if (covered) {
        changes.push(`/techniques/${at}: dropped the ${tactic} entry of ${describe(record)}: it is not under ${tactic} in ${index.label}`);
      } else {
        delete entry['tactic'];
        changes.push(
          `/techniques/${at}: ${describe(record)} is not under ${tactic} in ${index.label}; its annotation now applies under ` +
            `${record.tactics.join(', ')}`,
        );
        survivors.push(item);
      }
    }

    const merged: JsonObject[] = [];
    const firstAt = new Map<string, { entry: JsonObject; at: number }>();
    for (const { entry, at } of survivors) {
      if (!isObject(entry) || typeof entry['techniqueID'] !== 'string') {
        merged.push(entry);
        continue;
      }
      const key = entryKey(entry);
      const first = firstAt.get(key);
      if (first) {
        mergeEntries(first.entry, entry);
        const tactic = typeof entry['tactic'] === 'string' ? ` under ${entry['tactic']}` : '';
        changes.push(`/techniques/${at}: merged into /techniques/${first.at} (both ${String(entry['techniqueID'])}${tactic})`);
      } else {
        firstAt.set(key, { entry, at });
        merged.push(entry);
      }
    }
    layer['techniques'] = merged;

    const layout = isObject(layer['layout']) ? layer['layout'] : undefined;
    if (layout?.['expandedSubtechniques'] === undefined) {
      const hidden = collapsedSubtechniques(merged, index, undefined);
      if (hidden.size) {
        const ids = [...new Set([...hidden.keys()].map((i) => String(merged[i]?.['techniqueID'])))].sort();
        layer['layout'] = { ...(layout ?? {}), expandedSubtechniques: 'annotated' };
        changes.push(
          `/layout/expandedSubtechniques: set to "annotated" so that annotated sub-techniques show (${ids.join(', ')})`,
        );
      }
    }
  }

  const issues = schemaIssues('layer-4.5', layer);
  if (issues.length) throw new SchemaValidationError(file, 'ATT&CK Navigator layer 4.5 after the upgrade', issues);
  return { layer: layer as unknown as NavigatorLayer, changes };
}
