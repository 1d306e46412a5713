import type { AttackIndex } from '../attack/attack-index.js';
import { NAVIGATOR_PLATFORM_MAPPINGS, PLATFORM_RENAMES } from '../attack/platform-names.js';
import { compareReleases } from '../attack/release-files.js';
import type { TechniqueRecord } from '../attack/types.js';
import { isJsonObject } from '../json-value.js';
import { attackMajor } from './layer-format.js';
import { isAnnotated } from './subtechnique-visibility.js';

/**
 * The name `platforms` (a release's) gives a platform that ATT&CK renamed after the release a layer was made for
 * (`versions.attack`): "Azure AD" in a layer for 15 is "Identity Provider", the name 16.0 gave it. The layer's author
 * chose the platform under its name of the time, and Navigator shows the layer in that release, where it matches;
 * read in a later release, it means the platform under its new name. AWS, GCP and Azure are IaaS in any layer, as
 * Navigator reads them (NAVIGATOR_PLATFORM_MAPPINGS). Undefined for a name the release has, one renamed before the
 * layer's release (it matched nothing there either), and, but for those, a layer that states no release.
 */
export function renamedSinceLayer(name: string, platforms: readonly string[], versionsAttack: unknown): string | undefined {
  const major = attackMajor(versionsAttack);
  const renamed = PLATFORM_RENAMES[name];
  if (!renamed || platforms.includes(name) || !platforms.includes(renamed.to)) return undefined;
  if (NAVIGATOR_PLATFORM_MAPPINGS[name] === renamed.to) return renamed.to;
  return major !== undefined && compareReleases(major, renamed.since) < 0 ? renamed.to : undefined;
}

/**
 * The platforms a layer's platform filter shows in `index`, its names read as in the layer's own release
 * (`renamedSinceLayer`); undefined when it shows every platform (no filter, or an empty list, as in Navigator).
 */
export function shownPlatforms(listed: unknown, index: AttackIndex, versionsAttack: unknown): Set<string> | undefined {
  if (!Array.isArray(listed) || !listed.length) return undefined;
  const known = index.platforms();
  const names = listed.filter((platform): platform is string => typeof platform === 'string');
  return new Set(names.map((name) => renamedSinceLayer(name, known, versionsAttack) ?? name));
}

/**
 * Annotated entries that a layer's platform filter hides, by entry position, with their technique: Navigator shows a
 * technique only when one of its platforms is in `filters.platforms` (no filter, or an empty one, shows every
 * platform), its names read as in the layer's release `versionsAttack` (`shownPlatforms`). Entries of techniques the
 * release does not have, or has revoked or deprecated, are left to the checks that say so.
 */
export function filteredOutEntries(entries: readonly unknown[], index: AttackIndex, platforms: unknown, versionsAttack?: unknown): Map<number, TechniqueRecord> {
  const hidden = new Map<number, TechniqueRecord>();
  const shown = shownPlatforms(platforms, index, versionsAttack);
  if (!shown) return hidden;
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
 * The release nearest to a layer's (`nearest`, `nearestRelease`: 14.1 for 15, its own when available) when the layer
 * is read in another (`used`: the newest, its own being not here, or the one --attack-release asks for) and its
 * platform filter lists every platform of that nearest release: such a
 * filter showed every platform in Navigator (`listsEveryPlatform`), so it hides nothing in `used` either. Undefined
 * otherwise (a filter of some platforms is read as written). validate and export read a filter so, and say it with
 * `everyPlatformNote`.
 */
export function everyPlatformRelease(listed: unknown, nearest: AttackIndex | undefined, used: AttackIndex): AttackIndex | undefined {
  if (!Array.isArray(listed) || !listed.length || !nearest || nearest.release === used.release) return undefined;
  return listsEveryPlatform(listed, nearest) ? nearest : undefined;
}

/** What a note says of a filter read by `everyPlatformRelease` (`nearest`) for a layer of ATT&CK `major`. */
export function everyPlatformNote(nearest: AttackIndex, major: string): string {
  const which = nearest.major === major ? "the layer's release" : `the release nearest to ${major} here`;
  return `filters.platforms lists every platform of ${nearest.label}, ${which}, so it is read as showing every platform`;
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
