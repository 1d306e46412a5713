import type { AttackIndex } from '../attack/attack-index.js';
import type { TechniqueRecord } from '../attack/types.js';
import { isJsonObject } from '../json-value.js';
import { isAnnotated } from './subtechnique-visibility.js';

/**
 * Annotated entries that a layer's platform filter hides, by entry position, with their technique: Navigator shows a
 * technique only when one of its platforms is in `filters.platforms` (no filter, or an empty one, shows every
 * platform). Entries of techniques the release does not have, or has revoked or deprecated, are left to the checks
 * that say so.
 */
export function filteredOutEntries(entries: readonly unknown[], index: AttackIndex, platforms: unknown): Map<number, TechniqueRecord> {
  const hidden = new Map<number, TechniqueRecord>();
  if (!Array.isArray(platforms) || !platforms.length) return hidden;
  const shown = new Set(platforms.filter((platform): platform is string => typeof platform === 'string'));
  entries.forEach((entry, at) => {
    if (!isJsonObject(entry) || typeof entry['techniqueID'] !== 'string' || !isAnnotated(entry)) return;
    const record = index.technique(entry['techniqueID']);
    if (!record || record.revoked || record.deprecated || !record.platforms.length) return;
    if (!record.platforms.some((platform) => shown.has(platform))) hidden.set(at, record);
  });
  return hidden;
}

/**
 * Whether a platform filter lists every platform of `release`, the layer's own (`versions.attack`). Navigator writes
 * the full list into every layer it exports, so such a filter chose nothing: it showed every platform, and still
 * means every platform in a later release, the platforms added since (ESXi) included. `upgradeLayer` widens it to
 * the target's platforms; a gap review reads such a threat layer as naming no platform.
 */
export function listsEveryPlatform(listed: readonly unknown[], release: AttackIndex): boolean {
  const platforms = release.platforms();
  return platforms.length > 0 && platforms.every((platform) => listed.includes(platform));
}

/**
 * A platform filter widened so that it hides no annotated entry: each technique that runs on none of the listed
 * platforms brings its own (PRE for Reconnaissance and Resource Development, which happen outside the victim's
 * systems that a campaign's platforms name). The platforms added come after the listed ones, sorted; `added` says
 * which technique brought which. An empty list (no filter) is returned as it is.
 */
export function platformsShowing(
  listed: readonly string[],
  entries: readonly unknown[],
  index: AttackIndex,
): { platforms: string[]; added: { record: TechniqueRecord; platforms: string[] }[] } {
  const platforms = [...listed];
  const added: { record: TechniqueRecord; platforms: string[] }[] = [];
  if (!platforms.length) return { platforms, added };
  const extra = new Set<string>();
  for (const record of filteredOutEntries(entries, index, platforms).values()) {
    if (record.platforms.some((platform) => extra.has(platform))) continue;
    added.push({ record, platforms: [...record.platforms] });
    for (const platform of record.platforms) extra.add(platform);
  }
  return { platforms: [...platforms, ...[...extra].sort()], added };
}
