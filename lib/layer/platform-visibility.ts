import type { AttackIndex } from '../attack/attack-index.js';
import { NAVIGATOR_PLATFORM_MAPPINGS, PLATFORM_RENAMES } from '../attack/platform-names.js';
import { RELEASE_PLATFORMS } from '../attack/release-platforms.gen.js';
import { compareReleases } from '../attack/release-files.js';
import type { Domain, TechniqueRecord } from '../attack/types.js';
import { isJsonObject, type JsonObject } from '../json-value.js';
import { closestWord } from '../name-distance.js';
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
 * A layer's platform filter as Navigator 5.1 reads it from the layer as written (`asRead`), which every check of what
 * it draws reads (`shownPlatforms` reads the names): Filter.deserialize (filter.ts at 33541d9b) takes
 * `filters.platforms` only as a list of text, every item as written (`"Windows "` is no platform), and for anything
 * else (an item that is no text, a misspelt `Platforms`, filters that are no object) keeps no selection, which stands
 * for every platform: undefined then.
 */
export function navigatorPlatformFilter(asRead: JsonObject): string[] | undefined {
  const filters = asRead['filters'];
  const listed = isJsonObject(filters) ? filters['platforms'] : undefined;
  return Array.isArray(listed) && listed.every((platform) => typeof platform === 'string') ? (listed as string[]) : undefined;
}

/**
 * The platforms a layer's platform filter shows in `index`, its names read as in the layer's own release
 * (`renamedSinceLayer`); undefined when it shows every platform (no filter, or an empty list, as in Navigator).
 * Navigator 5.1 first reads each listed name through its own mappings, in every layer whatever its release
 * (mitre-attack/attack-navigator, nav-app/src/app/classes/filter.ts at 4adb7ec0b69df833abcef3c669438d65caf4dedf,
 * Filter.deserialize): `windows` is Windows, and AWS, GCP and Azure are IaaS even in a layer for ATT&CK 8, whose
 * techniques run on AWS, GCP and Azure and none on IaaS, so that such a filter shows none of its cloud-only
 * techniques (8.2's T1530). Only no filter or an empty one, which Navigator fills with the release's own platform
 * names, shows them.
 */
export function shownPlatforms(listed: unknown, index: AttackIndex, versionsAttack: unknown): Set<string> | undefined {
  if (!Array.isArray(listed) || !listed.length) return undefined;
  const known = index.platforms();
  const names = listed.filter((platform): platform is string => typeof platform === 'string');
  return new Set(names.map((name) => NAVIGATOR_PLATFORM_MAPPINGS[name] ?? renamedSinceLayer(name, known, versionsAttack) ?? name));
}

/**
 * The platforms of `index` that Navigator 5.1 shows under no filter it can read from a list: those its own mappings
 * read as another name in every layer (AWS, GCP and Azure, read as IaaS), when `index` has them (enterprise 8.2 and
 * before). A technique that runs only on these shows only in a layer without a platform filter.
 */
export function unfilterablePlatforms(index: AttackIndex): string[] {
  return index.platforms().filter((platform) => NAVIGATOR_PLATFORM_MAPPINGS[platform] !== undefined && NAVIGATOR_PLATFORM_MAPPINGS[platform] !== platform);
}

/**
 * An annotated entry that Navigator's platform filter hides: `record` is the entry's technique, `row` the technique
 * whose platforms the filter misses, the entry's own or, for a sub-technique, its parent's, as a sub-technique shows
 * only in its parent's row. A `row` without platforms shows under no filter (ICS 18.1's T0895).
 */
export interface FilteredOut {
  readonly record: TechniqueRecord;
  readonly row: TechniqueRecord;
}

/**
 * Annotated entries that a layer's platform filter hides, by entry position. Navigator 5.1 draws a technique only when
 * one of its platforms is in `filters.platforms` (no filter, or an empty one, stands for every platform of the
 * release), and a sub-technique only inside its parent's row, when both its own platforms and its parent's match
 * (mitre-attack/attack-navigator at fa7a6017: nav-app/src/app/classes/view-model.ts filterTechniques, and
 * matrix/matrix-side/matrix-side.component.html, which draws applyControls(tactic.techniques) and, in each row drawn,
 * applyControls(technique.subtechniques)): T1020.001 runs on IaaS, its parent
 * T1020 does not, so a filter of IaaS alone hides both. A technique without platforms matches no filter
 * (technique.ts: `new Set(undefined)` is empty). Names are read as in the layer's release `versionsAttack`
 * (`shownPlatforms`). Entries of techniques the release does not have, or has revoked or deprecated, are left to the
 * checks that say so.
 */
export function filteredOutEntries(entries: readonly unknown[], index: AttackIndex, platforms: unknown, versionsAttack?: unknown): Map<number, FilteredOut> {
  const hidden = new Map<number, FilteredOut>();
  const shown = platformsShown(platforms, index, versionsAttack);
  entries.forEach((entry, at) => {
    if (!isJsonObject(entry) || typeof entry['techniqueID'] !== 'string' || !isAnnotated(entry)) return;
    const record = index.technique(entry['techniqueID']);
    if (!record || record.revoked || record.deprecated) return;
    const row = hidingRow(record, index, shown);
    if (row) hidden.set(at, { record, row });
  });
  return hidden;
}

/** The platforms a filter shows in `index` as Navigator 5.1 reads it (`shownPlatforms`): every one of the release when it has none. */
export function platformsShown(listed: unknown, index: AttackIndex, versionsAttack?: unknown): ReadonlySet<string> {
  return shownPlatforms(listed, index, versionsAttack) ?? new Set(index.platforms());
}

/**
 * The technique whose platforms hide `record` from a filter showing `shown` (`platformsShown`), as `filteredOutEntries`
 * reads it: `record` itself, or, for a sub-technique, its parent, in whose row alone Navigator 5.1 draws it. A technique
 * without platforms matches no filter. Undefined when Navigator draws `record`. export draws the matrix by it.
 */
export function hidingRow(record: TechniqueRecord, index: AttackIndex, shown: ReadonlySet<string>): TechniqueRecord | undefined {
  const misses = (one: TechniqueRecord): boolean => !one.platforms.some((platform) => shown.has(platform));
  if (misses(record)) return record;
  const parent = record.parent ? index.technique(record.parent) : undefined;
  return parent && misses(parent) ? parent : undefined;
}

/**
 * The techniques of `ids` that a platform filter (`listed`) hid from the layer's author in `own`, the layer's release:
 * a technique, or for a sub-technique its parent, in whose row alone Navigator draws it (`hidingRow`), that runs on none
 * of the listed platforms, each name read as ATT&CK names it now on both sides (`windows` is Windows; AWS is IaaS, and
 * an ATT&CK 8 technique on AWS shows under AWS, as the Navigator of that day showed it, where 5.1 hides it). A technique
 * without platforms, which no filter shows, is not one of them; nor is an ID the release lacks, revokes or deprecates.
 * Each technique once, in the order of `ids`.
 */
export function techniquesFilterHides(ids: readonly string[], own: AttackIndex, listed: readonly string[]): TechniqueRecord[] {
  const names = new Set(listed.map((name) => newestPlatformName(name.trim())));
  const shown = new Set(own.platforms().filter((platform) => names.has(newestPlatformName(platform))));
  const hidden = new Map<string, TechniqueRecord>();
  for (const id of ids) {
    const record = own.technique(id);
    if (!record || record.revoked || record.deprecated || hidden.has(record.id)) continue;
    const row = hidingRow(record, own, shown);
    if (row?.platforms.length) hidden.set(record.id, record);
  }
  return [...hidden.values()];
}

/**
 * Releases of a domain available here, newest first, loaded one at a time as they are asked for: the `history` of
 * `domainReleases` (normalize-campaign.ts), which reads old technique names the same way.
 */
export type ReleaseList = () => Iterable<AttackIndex>;

/**
 * A platform name as the newest release calls it: Navigator's own reading first (`windows`, `AWS`), then each rename
 * ATT&CK made since (`Azure AD` -> `Identity Provider`, `Network` -> `Network Devices`).
 */
function newestPlatformName(name: string): string {
  let current = NAVIGATOR_PLATFORM_MAPPINGS[name] ?? name;
  for (let renamed = PLATFORM_RENAMES[current]; renamed; renamed = PLATFORM_RENAMES[current]) current = renamed.to;
  return current;
}

/**
 * A release a platform filter is read against: one available here (an AttackIndex), or one of RELEASE_PLATFORMS, the
 * platform names of each release attack-layers was built with (`listed`), which stands for a release not installed.
 */
export interface PlatformRelease {
  readonly domain: Domain;
  readonly release: string;
  readonly label: string;
  platforms(): readonly string[];
  /** Set for a release known only by its platform list (RELEASE_PLATFORMS), not installed here. */
  readonly listed?: true;
}

/**
 * Whether a platform filter lists every platform of `release`, under the names of that release or later ones (Azure
 * AD or Identity Provider). Navigator writes the full list into every layer it exports, so such a filter chose nothing.
 */
function listsEveryPlatform(listed: readonly string[], release: PlatformRelease): boolean {
  const names = new Set(listed.map(newestPlatformName));
  const platforms = release.platforms();
  return platforms.length > 0 && platforms.every((platform) => names.has(newestPlatformName(platform)));
}

/**
 * The releases of `domain` to read a filter against, newest first: those available here (`releases`), each loaded as
 * it is reached, and between them those of RELEASE_PLATFORMS that are not, by their platform list alone. A release
 * both have is read as installed.
 */
function* platformReleases(domain: Domain, releases: ReleaseList | undefined): Iterable<PlatformRelease> {
  const listed = RELEASE_PLATFORMS.filter((entry) => entry.domain === domain)
    .sort((a, b) => compareReleases(b.release, a.release))
    .map((entry): PlatformRelease => ({ domain, release: entry.release, label: `${domain} ${entry.release}`, platforms: () => entry.platforms, listed: true }));
  const installed = new Set<string>();
  let next = 0;
  for (const release of releases?.() ?? []) {
    if (release.domain !== domain) continue;
    for (; next < listed.length && compareReleases(listed[next]!.release, release.release) > 0; next++) {
      if (!installed.has(listed[next]!.release)) yield listed[next]!;
    }
    installed.add(release.release);
    yield release;
  }
  for (; next < listed.length; next++) if (!installed.has(listed[next]!.release)) yield listed[next]!;
}

/**
 * Of the releases a filter is read against (`platformReleases`: installed or listed), the one nearest to `major`, as
 * `nearestRelease` picks among installed ones: the newest of that major or an earlier one, else the oldest later one.
 */
function nearestPlatformRelease(domain: Domain, major: string, releases: ReleaseList | undefined): PlatformRelease | undefined {
  let later: PlatformRelease | undefined;
  for (const release of platformReleases(domain, releases)) {
    if (compareReleases(attackMajor(release.release) ?? release.release, major) <= 0) return release;
    later = release;
  }
  return later;
}

/**
 * Whether the platform names of `domain`'s release `major` are known here: a release of that major, or an earlier one
 * to stand for it, is installed (`releases`) or listed in RELEASE_PLATFORMS. Not so for a layer of ICS 13 read with ICS
 * 18.1 alone: the platforms of ICS's earlier techniques (Windows, Control Server, Field Controller/RTU/PLC/IED) are
 * "None" in 18.1, ICS assets having taken their place, and no ICS release before 18.1 is listed, so 18.1 cannot say
 * what such a filter showed.
 */
function platformNamesKnown(domain: Domain, major: string, releases: ReleaseList | undefined): boolean {
  const found = nearestPlatformRelease(domain, major, releases);
  return found !== undefined && compareReleases(attackMajor(found.release) ?? found.release, major) <= 0;
}

/**
 * The names of a platform filter that `index` does not have (nor reads as renamed since the layer's release), when the
 * layer's release `major` is one whose platform names are not known here (`platformNamesKnown`): such names were the
 * layer's release's own (ICS 10's Windows, Control Server...), so what the filter showed there cannot be told, and
 * read in `index` it would hide every entry. Empty when the release is known or every name is `index`'s.
 */
export function unlistedPlatformNames(listed: unknown, index: AttackIndex, major: string | undefined, releases: ReleaseList | undefined): string[] {
  if (!Array.isArray(listed) || major === undefined || index.major === major) return [];
  const known = index.platforms();
  // Navigator's own readings (`windows`, `AWS`) and ATT&CK's renames (Azure AD) are read, not unknown.
  const read = (name: string): boolean => known.includes(name) || known.includes(NAVIGATOR_PLATFORM_MAPPINGS[name] ?? '') || renamedSinceLayer(name, known, major) !== undefined;
  // A misspelling of a platform every release has (Windwos) is one in the layer's release too, however old.
  const names = listed.filter((name): name is string => typeof name === 'string' && !read(name) && !everyReleaseTypo(name, index.domain));
  return names.length && !platformNamesKnown(index.domain, major, releases) ? names : [];
}

/**
 * The platform a name misspells (`closestWord`: case aside, a letter or two) when every release of `domain` that
 * RELEASE_PLATFORMS lists has it (Windows, Linux, macOS from enterprise 3.0 to 18.1; Android and iOS): such a name is
 * a typo in any release, the layer's own included, whether or not that release is known here. Undefined otherwise.
 */
export function everyReleaseTypo(name: string, domain: Domain): string | undefined {
  const lists = RELEASE_PLATFORMS.filter((entry) => entry.domain === domain).map((entry) => entry.platforms);
  // One release listed (ICS 18.1's "None") says nothing of what the earlier ones had.
  if (lists.length < 2) return undefined;
  const everywhere = lists[0]!.filter((platform) => lists.every((list) => list.includes(platform)));
  const found = closestWord(name, everywhere);
  return found !== name ? found : undefined;
}

/**
 * The release whose every platform a platform filter lists, so that the filter chose nothing: it showed every
 * platform in Navigator, and still means every platform in a later release, the platforms added since (ESXi)
 * included. Checked first against `own`, the layer's release (`versions.attack`) or the one nearest to it here
 * (`nearestRelease`), by its names as written; when `own` stands for the layer's release `major`, not installed, then
 * against the release of `major` as RELEASE_PLATFORMS lists it, or the listed one nearest to it (3.0 for a layer of
 * ATT&CK 3 or 5 read with 18.1 alone: Windows, Linux, macOS were every platform then). A filter that names a platform by a name ATT&CK has since replaced,
 * one `own` does not have (Azure AD, Office 365 in a layer for ATT&CK 17: mjmcphee/attack_parser writes ATT&CK 14's
 * full list into its layers), was written in an older release's names; it is read against `releases`, newest first,
 * and the releases of RELEASE_PLATFORMS that are not installed (`platformReleases`: so a user with only 18.1 reads
 * 14's full list as such), for one in whose names it is written (each platform name it lists, of `own`'s or a
 * replaced one, is a platform of that release, or a later name of one, never an earlier) and whose every platform it
 * lists. A filter in the layer's own names (Windows, Linux, macOS in a layer for 17, though they are every platform of
 * ATT&CK 3) is read against `own` only: it chose. Undefined for a filter that chose, an empty one or none
 * (`shownPlatforms`). upgrade, validate, export and gap all read a filter so.
 */
export function everyPlatformSource(
  listed: unknown,
  own: AttackIndex | undefined,
  releases?: ReleaseList,
  major?: string,
): PlatformRelease | undefined {
  if (!Array.isArray(listed) || !own) return undefined;
  const names = listed.filter((platform): platform is string => typeof platform === 'string');
  if (!names.length) return undefined;
  const ownPlatforms = own.platforms();
  // In the layer's own release, by its own names: Navigator matches names as written.
  if (ownPlatforms.length && ownPlatforms.every((platform) => names.includes(platform))) return own;
  // `own` stands for a release not installed here (18.1 for a layer of ATT&CK 3): the layer's release as attack-layers
  // ships its platform list, or the one nearest to it, says what every platform was when the layer was written.
  const stated = major === undefined || own.major === major ? undefined : nearestPlatformRelease(own.domain, major, releases);
  if (stated && stated.release !== own.release && listsEveryPlatform(names, stated)) return stated;
  if (!names.some((name) => PLATFORM_RENAMES[name] && !ownPlatforms.includes(name))) return undefined;
  for (const release of olderNamesReleases(names, own, releases)) if (listsEveryPlatform(names, release)) return release;
  return undefined;
}

/**
 * The releases other than `own`, newest first (`platformReleases`: installed or listed), in whose platform names a
 * filter's `names` are written: each name it lists, of `own`'s or a replaced one, is a platform of that release, or a
 * later name of one, never an earlier (AWS, GCP, Azure: enterprise 8.2 and 6.3, not 10.1, where they were IaaS).
 */
function* olderNamesReleases(names: readonly string[], own: AttackIndex, releases: ReleaseList | undefined): Iterable<PlatformRelease> {
  const ownPlatforms = own.platforms();
  for (const release of platformReleases(own.domain, releases)) {
    if (release.release === own.release) continue;
    const platforms = release.platforms();
    const current = new Set(platforms.map(newestPlatformName));
    const writtenIn = names
      .filter((name) => ownPlatforms.includes(name) || PLATFORM_RENAMES[name] || platforms.includes(name))
      .every((name) => platforms.includes(name) || (!PLATFORM_RENAMES[name] && current.has(newestPlatformName(name))));
    if (writtenIn) yield release;
  }
}

/**
 * A release in whose platform names a filter is written (`olderNamesReleases`, for one naming platforms ATT&CK has since
 * replaced), and whose every platform it lists but at most one (`missing`, that one): a list a generator writes into
 * every layer, whatever the layer's rules, not a choice. splunk/security_content's coverage.json lists every platform of
 * ATT&CK 6.3 but Azure AD, splunk/contentctl's attack_nav_writer.py every one of 8.2 but PRE; a choice narrows to a few
 * (a cloud pack's AWS, GCP, Azure; ATT&CK 7's Cloud matrix, which leaves out Windows, Linux and macOS). Undefined when
 * no such release lists all of its platforms but one.
 */
export function nearlyEveryPlatformSource(
  listed: readonly string[],
  own: AttackIndex,
  releases?: ReleaseList,
): { release: PlatformRelease; missing?: string } | undefined {
  const names = new Set(listed.map((name) => newestPlatformName(name.trim())));
  for (const release of olderNamesReleases(listed, own, releases)) {
    const missing = release.platforms().filter((platform) => !names.has(newestPlatformName(platform)));
    if (missing.length <= 1) return { release, ...(missing.length ? { missing: missing[0] } : {}) };
  }
  return undefined;
}

/**
 * `everyPlatformSource` for a layer of ATT&CK `major` read in `used`, another release than its own (`nearest` stands for
 * its own: the one nearest to it here). Undefined when `used` is the layer's own release, where the filter is read as
 * written, as Navigator shows it there. When `used` is `nearest` standing for a release not here (18.1 alone, for a layer
 * of 14), only a filter in an older release's names is told (ATT&CK 14's list, by the installed or listed 14.1); one of
 * `used`'s own platforms hides nothing there anyway. validate and export read a filter so, and say it with
 * `everyPlatformNote`.
 */
export function everyPlatformRelease(
  listed: unknown,
  nearest: AttackIndex | undefined,
  used: AttackIndex,
  major: string | undefined,
  releases?: ReleaseList,
): PlatformRelease | undefined {
  if (!nearest) return undefined;
  if (nearest.release !== used.release) return everyPlatformSource(listed, nearest, releases, major);
  if (major === undefined || used.major === major) return undefined;
  const found = everyPlatformSource(listed, nearest, releases, major);
  return found === nearest ? undefined : found;
}

/**
 * Which release a filter lists every platform of (`found`, from `everyPlatformSource` with `own`), said for a layer
 * of ATT&CK `major`: its own, the one nearest to it here, or another whose platform names the filter uses (one not
 * installed here is read by its platform list, as attack-layers ships it, and said so). `because` says why `major` is the
 * layer's (`filterRelease`), when it is not the release the layer states.
 */
export function everyPlatformWhose(found: PlatformRelease, own: AttackIndex, major: string | undefined, because?: string): string {
  if (found !== own) {
    const layer = major === undefined ? [] : [because ?? `the layer is for ATT&CK ${major}`];
    const why = [...layer, ...(found.listed ? ['its platform list as attack-layers ships it: the release is not installed here'] : [])];
    return `${found.label}, in whose platform names it is written${why.length ? ` (${why.join('; ')})` : ''}`;
  }
  return major === undefined || own.major === major ? `${own.label}, the layer's release` : `${own.label}, the release nearest to the layer's ${major} that is available here`;
}

/**
 * What a note says of a filter read by `everyPlatformSource` (`found`, with `own`) for a layer of ATT&CK `major`;
 * `because` as for `everyPlatformWhose` (`filterRelease`'s why, for a layer that states no release).
 */
export function everyPlatformNote(found: PlatformRelease, own: AttackIndex, major: string, because?: string): string {
  return `filters.platforms lists every platform of ${everyPlatformWhose(found, own, major, because)}, so it is read as showing every platform`;
}

/** Platforms added to a filter (`platformsShowing`): `record`'s, or, for its sub-technique `shows`, its parent's. */
export interface PlatformsAdded {
  readonly record: TechniqueRecord;
  readonly platforms: string[];
  readonly shows?: TechniqueRecord;
}

/** Who brought platforms to a filter: "T1189 (Drive-by Compromise)", or a parent and the sub-technique in its row. */
export function addedFor({ record, shows }: PlatformsAdded): string {
  const own = `${record.id} (${record.name})`;
  return shows ? `${own}, in whose row its annotated sub-technique ${shows.id} (${shows.name}) shows,` : own;
}

/**
 * A platform filter widened so that it hides no annotated entry: each technique that runs on none of the listed
 * platforms brings its own (PRE for Reconnaissance and Resource Development, which happen outside the victim's
 * systems that a campaign's platforms name), and a sub-technique whose parent does brings the parent's (T1020 for
 * T1020.001 in a filter of IaaS; `filteredOutEntries`). The platforms added come after the listed ones, sorted;
 * `added` says which technique brought which. An empty list (no filter) is returned as it is. When an entry is still
 * hidden, its row running only on platforms no filter shows (`unfilterablePlatforms`: T1530 on AWS, GCP, Azure in
 * enterprise 8.2, which Navigator 5.1 reads as IaaS), the filter is dropped (an empty list: every platform, the
 * one way Navigator shows it), and `unfiltered` names those entries.
 */
export function platformsShowing(
  listed: readonly string[],
  entries: readonly unknown[],
  index: AttackIndex,
): { platforms: string[]; added: PlatformsAdded[]; unfiltered?: FilteredOut[] } {
  const platforms = [...listed];
  const added: PlatformsAdded[] = [];
  if (!platforms.length) return { platforms, added };
  const widened = widenedPlatforms(platforms, entries, index, added);
  const every = platformsShown(undefined, index);
  const unfiltered = [...filteredOutEntries(entries, index, widened).values()].filter(({ record }) => !hidingRow(record, index, every));
  return unfiltered.length ? { platforms: [], added: [], unfiltered } : { platforms: widened, added };
}

/** What a writer says of a platform filter it dropped (`platformsShowing`'s `unfiltered`), one line for all. */
export function unfilteredWarning(unfiltered: readonly FilteredOut[], index: AttackIndex): string {
  const names = unfilterablePlatforms(index).map((platform) => JSON.stringify(platform)).join(', ');
  const rows = [...new Map(unfiltered.map(({ row }) => [row.id, `${row.id} (${row.name})`])).values()];
  return (
    `${rows.join(', ')} ${rows.length === 1 ? 'runs' : 'run'} only on ${names}, which Navigator 5.1 reads in any platform filter as "IaaS", ` +
    `a platform ${index.label} does not have: the layer is written without a platform filter, the one way Navigator shows ${rows.length === 1 ? 'it' : 'them'}`
  );
}

/** `platformsShowing`'s widening: the listed platforms and those added, `added` saying who brought which. */
function widenedPlatforms(platforms: readonly string[], entries: readonly unknown[], index: AttackIndex, added: PlatformsAdded[]): string[] {
  const extra = new Set<string>();
  // Each round shows more rows; a sub-technique may need its own platforms and then its parent's (a row with none
  // cannot be shown by any filter, and is left to `validate`).
  for (let grew = true; grew; ) {
    grew = false;
    for (const { record, row } of filteredOutEntries(entries, index, [...platforms, ...extra]).values()) {
      if (!row.platforms.length || row.platforms.some((platform) => extra.has(platform))) continue;
      added.push({ record: row, platforms: [...row.platforms], ...(row !== record ? { shows: record } : {}) });
      for (const platform of row.platforms) extra.add(platform);
      grew = true;
    }
  }
  return [...platforms, ...[...extra].sort()];
}

/**
 * What a writer says of annotated entries Navigator 5.1 shows under no platform filter (`filteredOutEntries` with
 * every platform of `index`): their technique, or the parent in whose row a sub-technique shows, has no platforms
 * (ICS 18.1's T0895 Autorun Image). One line per technique.
 */
export function unshownTechniqueWarnings(entries: readonly unknown[], index: AttackIndex): string[] {
  const lines = new Map<string, string>();
  for (const { record, row } of filteredOutEntries(entries, index, undefined).values()) {
    const whose = row === record ? 'has' : `shows only in the row of its parent ${row.id} (${row.name}), which has`;
    lines.set(
      record.id,
      `${record.id} (${record.name}) ${whose} no platforms in ${index.label}, so Navigator 5.1 shows it under no platform filter: ` +
        'its annotation is in the layer but not visible there',
    );
  }
  return [...lines.values()];
}
