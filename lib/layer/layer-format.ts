import { InputError } from '../errors.js';
import { DOMAINS, type Domain } from '../attack/types.js';
import { fetchCommand } from '../attack/release-files.js';
import { LAYER_FORMAT } from './layer-types.js';
import type { SettingChange } from './upgrade-report.js';
import { isJsonObject, type JsonObject } from '../json-value.js';
import { PRE_ATTACK_MERGED } from '../attack/technique-id.js';
import { closestWord } from '../name-distance.js';


/** The Navigator version written into `versions.navigator` when a layer has none or one older than format 4.5 allows. */
export const DEFAULT_NAVIGATOR_VERSION = '5.1.0';
/** The oldest Navigator version the 4.5 format names. */
const MIN_NAVIGATOR_VERSION = '4.9.0';

/**
 * The ATT&CK majors Navigator 5.1 opens a layer of, as observed (../shared/NAVIGATOR.md): 18 is its newest, a layer of
 * 6 opens (in the upgrade workflow), one of 5 fails with the alert "ERROR parsing layer…" and no tab, as does any
 * release it has not configured; older ones than 5 are taken to fail alike.
 */
export const NAVIGATOR_ATTACK_MAJORS = { oldest: 6, newest: 18 } as const;

/** The Navigator the layers are written for, as messages name it ("Navigator 5.1"). */
const NAVIGATOR = `Navigator ${DEFAULT_NAVIGATOR_VERSION.replace(/\.0$/, '')}`;
/** The dialog Navigator 5.1 opens a layer of an older ATT&CK major from a file after (tabs.component.ts, versionUpgradeDialog). */
const UPGRADE_DIALOG = `"Upgrade layer version? … Do you want to open the workflow to upgrade this layer to ATT&CK v${NAVIGATOR_ATTACK_MAJORS.newest}?"`;

/** Whether Navigator 5.1 has the ATT&CK major (6 to 18). */
function navigatorHas(major: number): boolean {
  return major >= NAVIGATOR_ATTACK_MAJORS.oldest && major <= NAVIGATOR_ATTACK_MAJORS.newest;
}

/**
 * What Navigator 5.1 does with a layer for an ATT&CK major it does not have, and what to do; undefined when it has
 * the major (`target`: the newest release here, which `upgrade` writes).
 */
export function navigatorRefusal(major: string, target: string): string | undefined {
  const { oldest, newest } = NAVIGATOR_ATTACK_MAJORS;
  const number = Number(major);
  if (navigatorHas(number)) return undefined;
  const newer = number > newest;
  return (
    `${NAVIGATOR} has no ATT&CK ${major} (it has ${oldest} to ${newest}): it refuses the file with ` +
    `"ERROR parsing layer…" and opens no tab; ` +
    (newer
      ? `run \`attack-layers upgrade --to ${target}\` to write it for ${target} on purpose (what ${target} lacks is moved or removed, each listed), ` +
        `or open it in a Navigator that has ATT&CK ${major}`
      : `run \`attack-layers upgrade\` to bring it to ${target} with its annotations`)
  );
}

/**
 * What Navigator 5.1 does on opening the layers a command writes when they are not for its newest ATT&CK major, as
 * `--attack-release` or `upgrade --to` may ask, or as the newest release here may be: one warning per domain and
 * release, naming how many layers (a layer of 18 opens with no dialog; one of 6 to 17 only after "Upgrade layer
 * version?"; one of another major not at all). Empty when every layer is for Navigator's newest major.
 */
export function navigatorOpeningWarnings(layers: ReadonlyArray<{ domain: string; versions?: { attack?: string } }>): string[] {
  const { oldest, newest } = NAVIGATOR_ATTACK_MAJORS;
  const counts = new Map<string, { domain: string; release: string; count: number }>();
  for (const { domain, versions } of layers) {
    const release = versions?.attack;
    if (release === undefined || Number(release.split('.')[0]) === newest) continue;
    const key = `${domain} ${release}`;
    counts.set(key, { domain, release, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  return [...counts.values()].map(({ domain, release, count }) => {
    const major = Number(release.split('.')[0]);
    const written = `${count === 1 ? 'the layer is' : `${count} layers are`} written for ATT&CK ${domain} ${release}`;
    const them = count === 1 ? 'it' : 'them';
    return navigatorHas(major)
      ? `${written}: ${NAVIGATOR} opens ${them} from a file only after asking ${UPGRADE_DIALOG} ` +
          `(declined, ${count === 1 ? 'it opens' : 'they open'} in ATT&CK ${major}); a layer for ATT&CK ${newest} opens with no dialog`
      : `${written}: ${NAVIGATOR} has no ATT&CK ${major} (it has ${oldest} to ${newest}) and refuses ${them} with "ERROR parsing layer…", opening no tab; ` +
          `a layer for ATT&CK ${newest} opens there`;
  });
}

/**
 * What Navigator 5.1 does with a layer, opened from a file, for an older ATT&CK major than its newest (6 to 17), and
 * what to do (`newestHere`: the newest release here, which `upgrade` writes). Its tabs component asks "Upgrade layer
 * version?" whenever the layer's major is not its current one (versionUpgradeDialog), and its workflow carries over by
 * itself only the annotations of techniques that did not change: from 6 to 18 it carried none of four
 * (../shared/NAVIGATOR.md).
 */
export function upgradePrompt(domain: Domain, major: string, newestHere: string | undefined): string {
  const { newest } = NAVIGATOR_ATTACK_MAJORS;
  const here = newestHere === undefined ? undefined : Number(newestHere.split('.')[0]);
  const advice =
    here === newest
      ? `run \`attack-layers upgrade\` to write it for ${newestHere} with every annotation`
      : here !== undefined && here > newest
        ? `run \`attack-layers upgrade --to\` with an ATT&CK ${newest} release to write it for ${newest} with every annotation`
        : `run \`${fetchCommand(domain)}\`, then \`attack-layers upgrade\`, to write it for ATT&CK ${newest} with every annotation`;
  return (
    `the layer is for ATT&CK ${major}, older than ${newest}, the newest ${NAVIGATOR} has: opened from a file, ` +
    `it shows only after the dialog ${UPGRADE_DIALOG} ` +
    `(declined, it opens in ATT&CK ${major}), and that workflow carries over by itself only the annotations of techniques that did not change; ` +
    advice
  );
}

/**
 * The command that gets the ATT&CK release a layer names, `data fetch --attack-release N`, when N is known to be
 * published (no newer than the newest release here or the newest Navigator has); else plain `data fetch`, which gets
 * the newest published release: a layer may name any number ("25"), and no command should ask for one that is not.
 */
export function layerReleaseFetch(domain: Domain, major: string, newestHere: string): { command: string; known: boolean } {
  const known = Number(major) <= Math.max(Number(newestHere), NAVIGATOR_ATTACK_MAJORS.newest);
  return { command: fetchCommand(domain, known ? major : undefined), known };
}

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

/** Options of the format conversion. */
export interface FormatOptions {
  /** Written into `versions.navigator` when it is missing or older than 4.9.0 (default `5.1.0`). */
  navigatorVersion?: string;
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

/** The ATT&CK major version a layer's `versions.attack` names, read as Navigator reads it: its first number ("v18.1" is 18). */
export function attackMajor(versionsAttack: unknown): string | undefined {
  return versionsAttack === undefined || versionsAttack === null ? undefined : /\d+/.exec(String(versionsAttack))?.[0];
}

/** Which layer format a parsed layer states. Like Navigator, a `version` field wins over `versions.layer`. */
export function layerFormat(value: unknown): LayerFormatInfo {
  if (!isJsonObject(value)) return { source: 'none' };
  const versions = value['versions'];
  const raw =
    'version' in value ? value['version'] : isJsonObject(versions) && 'layer' in versions ? versions['layer'] : undefined;
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

/**
 * Whether a layer states a format after 4.0 under the `version` key that only formats up to 4.0 wrote
 * (`"version": "4.5"`, as some layer generators write it): the key is old, not the number; format 4.1 and later write
 * it as `versions.layer`.
 */
export function isFormatInOldKey(format: LayerFormatInfo): boolean {
  return format.source === 'version' && format.version !== undefined && (compareVersions(format.version, '4.0') ?? -1) > 0;
}

/**
 * The format text Navigator 5.1 compares with its own, 4.5 (mitre-attack/attack-navigator view-model.ts
 * deserializeDomainVersionID at fa7a6017): `String(version)` when the layer has that key, else
 * `String(versions.layer)` ("undefined" when missing), else "" for a layer without `versions`.
 */
export function navigatorFormatText(layer: JsonObject): string {
  if ('version' in layer) return String(layer['version']);
  if (!('versions' in layer)) return '';
  const versions = layer['versions'];
  return String(isJsonObject(versions) ? versions['layer'] : undefined);
}

/**
 * What Navigator 5.1 does on opening a layer of a format text (tabs.component.ts versionMismatchWarning at fa7a6017):
 * it splits the text at dots and compares the first two parts, as text, with 4.5's. The same two ("4.5", "4.5.0",
 * "4.5.1") open without a word; the same first part with another second ("4.4", "4", "4.6") after the passing notice
 * "Uploaded layer version (4.4) is out of date…"; another first part ("3.0", "5.0", "v4.5", "", "undefined") only
 * after the dialog "WARNING: Outdated Layer", which must be dismissed.
 */
export function navigatorFormatReception(text: string): 'silent' | 'notice' | 'dialog' {
  const [major, minor] = text.split('.');
  const [ownMajor, ownMinor] = LAYER_FORMAT.split('.');
  if (major !== ownMajor) return 'dialog';
  return minor === ownMinor ? 'silent' : 'notice';
}

/** Navigator 5.1's dialog for a format text whose first number is not 4, as its tabs component words it. */
export function outdatedLayerDialog(text: string): string {
  return `"WARNING: Outdated Layer. The uploaded layer version (${text}) does not match Navigator's layer version (${LAYER_FORMAT}). The layer configuration may not be fully restored."`;
}

/** Navigator 5.1's passing notice for a format text of another 4.x, as its tabs component words it. */
export function outOfDateNotice(text: string): string {
  return `"Uploaded layer version (${text}) is out of date. Please update to v${LAYER_FORMAT} for optimal compatibility."`;
}

/** The domain names of formats before 4.0 that Navigator maps to current ones in a layer of any format. */
export const NAVIGATOR_OLD_DOMAINS: Readonly<Record<string, string>> = {
  'mitre-enterprise': 'enterprise-attack',
  'mitre-mobile': 'mobile-attack',
};

/** Domain names of formats before 4.1, and what they are now. */
const OLD_DOMAINS: Readonly<Record<string, string>> = {
  ...NAVIGATOR_OLD_DOMAINS,
  'mitre-ics': 'ics-attack',
};

/**
 * ATT&CK's own names for its domains in its STIX data (the kill chain and source name of enterprise techniques is
 * `mitre-attack`), which layer generators write as the layer's domain; Navigator maps none of them (repair-layer.ts).
 */
export const STIX_DOMAIN_NAMES: Readonly<Record<string, string>> = {
  'mitre-attack': 'enterprise-attack',
  'mitre-mobile-attack': 'mobile-attack',
  'mitre-ics-attack': 'ics-attack',
};

/**
 * The domain a layer names, as format 4.1 and later spell it (`mitre-enterprise` is `enterprise-attack`, and so is
 * `mitre-attack`, ATT&CK's STIX name for it, which the repair reads so and reports). PRE-ATT&CK's
 * is enterprise-attack too, which ATT&CK 8 merged it into: only a layer without technique entries gets this far (a
 * PRE-ATT&CK layer with entries is refused, `assertNotPreAttack`).
 */
export function currentDomainName(domain: unknown): unknown {
  if (typeof domain === 'string' && PRE_ATTACK_DOMAINS.includes(domain.trim().toLowerCase())) return 'enterprise-attack';
  return (typeof domain === 'string' && (OLD_DOMAINS[domain] ?? STIX_DOMAIN_NAMES[domain])) || domainInWords(domain) || misspeltDomain(domain) || domain;
}

/**
 * A domain named as people write it (`enterprise`, `Mobile ATT&CK`, `ICS-ATTACK`, `MITRE Enterprise ATT&CK`): its words,
 * case aside and "MITRE" and "ATT&CK" left out, are one domain's (`enterprise`, `mobile`, `ics`); the repair reads it
 * so and reports it. Undefined for a name written as Navigator knows it (`enterprise-attack`, `mitre-mobile`), ATT&CK's
 * STIX name (`mitre-attack`) and any other.
 */
export function domainInWords(domain: unknown): Domain | undefined {
  if (typeof domain !== 'string' || (DOMAINS as readonly string[]).includes(domain) || OLD_DOMAINS[domain] || STIX_DOMAIN_NAMES[domain]) return undefined;
  const words = domain
    .toLowerCase()
    .replace(/att\s*&\s*ck/g, 'attack')
    .split(/[^a-z]+/)
    .filter((word) => word && word !== 'mitre' && word !== 'attack');
  return words.length === 1 ? DOMAINS.find((name) => name === `${words[0]}-attack`) : undefined;
}

/**
 * The domain a name is a typo or two of (`enterprise-atack`, `Enterprise_Attak`, `ics-attak`; case, `-` and `_` aside,
 * as `closestWord` reads a flag's value), which the repair reads so and reports. Undefined for a name Navigator knows,
 * one `domainInWords` reads, and any name further from every domain (`windows`).
 */
export function misspeltDomain(domain: unknown): Domain | undefined {
  if (typeof domain !== 'string' || (DOMAINS as readonly string[]).includes(domain) || OLD_DOMAINS[domain] || STIX_DOMAIN_NAMES[domain] || domainInWords(domain)) return undefined;
  return closestWord(domain, DOMAINS) as Domain | undefined;
}

export { PRE_ATTACK_ID, PRE_ATTACK_MERGED } from '../attack/technique-id.js';

/** The domain names PRE-ATT&CK layers carry (`pre-attack` in formats 2.x to 4.0). */
const PRE_ATTACK_DOMAINS: readonly string[] = ['pre-attack', 'mitre-pre-attack'];

/** True when a layer value names PRE-ATT&CK's domain. */
export function isPreAttackLayer(value: unknown): boolean {
  return isJsonObject(value) && typeof value['domain'] === 'string' && PRE_ATTACK_DOMAINS.includes(value['domain'].trim().toLowerCase());
}

/**
 * True for a PRE-ATT&CK layer with technique entries, which no command can read: its techniques cannot be followed to
 * their enterprise successors (`preAttackMessage`). One without entries (Navigator's March 2020 PRE-ATT&CK update
 * layer) is read as an enterprise layer, saying so.
 */
export function isUnreadablePreAttackLayer(value: unknown): boolean {
  return isPreAttackLayer(value) && isJsonObject(value) && Array.isArray(value['techniques']) && value['techniques'].length > 0;
}

/**
 * Why a PRE-ATT&CK layer cannot be read and what to do, after its `/domain` pointer. No release of the retired
 * domain is available (the library knows enterprise, mobile and ICS only), so its techniques' revocations cannot
 * be followed to their enterprise successors: the re-mapping is the analyst's.
 */
export function preAttackMessage(value: unknown): string {
  const techniques = isJsonObject(value) && Array.isArray(value['techniques']) ? value['techniques'].length : 0;
  return (
    `${JSON.stringify(isJsonObject(value) ? value['domain'] : undefined)} is PRE-ATT&CK, a retired domain: ${PRE_ATTACK_MERGED} ` +
    '(its techniques deprecated or revoked, its Reconnaissance and Resource Development tactics added to enterprise), and ' +
    'attack-layers has no PRE-ATT&CK data to follow its techniques to their enterprise successors: ' +
    (techniques
      ? `set "domain" to "enterprise-attack" and replace ${techniques === 1 ? 'its technique entry' : `each of its ${techniques} technique entries`} with the enterprise technique that fits (Reconnaissance, Resource Development), then run \`attack-layers upgrade\``
      : 'it has no technique entries, so it is read as an enterprise-attack layer; `attack-layers upgrade` writes it so')
  );
}

/**
 * Refuse a PRE-ATT&CK layer with technique entries (`isUnreadablePreAttackLayer`) with the one message every command gives (`file: /domain: "pre-attack" is PRE-ATT&CK…`).
 * `pointer` is the layer's place in its file (`/2` for the third layer of an array). @throws InputError
 */
export function assertNotPreAttack(value: unknown, file: string, pointer = ''): void {
  if (isUnreadablePreAttackLayer(value)) throw new InputError(`${file}: ${pointer}/domain: ${preAttackMessage(value)}`, { file });
}

/** MITRE ATLAS technique IDs (`AML.T0051`, `AML.T0051.000`): adversarial machine learning, in no ATT&CK domain. */
export const ATLAS_ID = /^AML\.T\d{4}(\.\d{3})?$/i;

/** What attack-layers reads, said the same way by every message about an ATLAS layer or ID. */
const ATTACK_ONLY = `attack-layers reads ATT&CK layers only (${DOMAINS.join(', ').replace(/, (?=[^,]*$)/, ' and ')})`;

/**
 * True for a MITRE ATLAS layer, as ATLAS's Navigator writes them: its domain names ATLAS (`atlas-atlas`), or, stating
 * no ATT&CK domain, its technique entries all hold ATLAS IDs (`AML.T0051`).
 */
export function isAtlasLayer(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  const domain = currentDomainName(value['domain']);
  if (typeof domain === 'string' && /atlas/i.test(domain)) return true;
  if (typeof domain === 'string' && (DOMAINS as readonly string[]).includes(domain)) return false;
  const ids = (Array.isArray(value['techniques']) ? value['techniques'] : []).map((entry) => (isJsonObject(entry) ? entry['techniqueID'] : undefined));
  return ids.length > 0 && ids.every((id) => typeof id === 'string' && ATLAS_ID.test(id.trim()));
}

/** Why an ATLAS layer is not read, after its `/domain` pointer: the same words in every command. */
export function atlasMessage(value: unknown): string {
  const domain = isJsonObject(value) ? value['domain'] : undefined;
  const stated = domain === undefined ? 'no domain, and ATLAS technique IDs (AML.T…)' : JSON.stringify(domain);
  return (
    `${stated}: this is a MITRE ATLAS layer (adversarial machine learning), which Navigator draws from ATLAS's own data; ` +
    `${ATTACK_ONLY}: open it in ATLAS's Navigator, or write the ATT&CK techniques it stands for in a layer of one of those domains`
  );
}

/** Why an ATLAS technique ID in an ATT&CK layer is left out: `AML.T0051 is an ATLAS technique ID, …`. */
export function atlasIdMessage(id: string): string {
  return `techniqueID ${JSON.stringify(id)} is a MITRE ATLAS technique ID, of no ATT&CK domain; ${ATTACK_ONLY}: annotate the ATT&CK technique that fits`;
}

/**
 * The data a layer is drawn from when it is not ATT&CK's: Navigator 4.8 and later open a layer whose `customDataURL`
 * names a STIX bundle or collection, of whatever domain that data names (CTID's Fight Fraud Framework:
 * "f3-financial"). Undefined for a layer of an ATT&CK domain, and for one of another domain that names no data
 * (a DISARM layer: Navigator has nothing to draw it with).
 */
export function customData(value: unknown): { url: string; domain: string } | undefined {
  if (!isJsonObject(value)) return undefined;
  const url = value['customDataURL'];
  const domain = currentDomainName(value['domain']);
  if (typeof url !== 'string' || !url.trim() || typeof domain !== 'string' || (DOMAINS as readonly string[]).includes(domain)) return undefined;
  return { url: url.trim(), domain };
}

/**
 * Refuse a layer attack-layers cannot read against an ATT&CK release, with the one message every command gives: a
 * PRE-ATT&CK layer (`assertNotPreAttack`), an ATLAS layer (`isAtlasLayer`), or one drawn from its own data (`customData`), which Navigator opens.
 * `pointer` is the layer's place in its file. @throws InputError
 */
export function assertAttackLayer(value: unknown, file: string, pointer = ''): void {
  assertNotPreAttack(value, file, pointer);
  if (isAtlasLayer(value)) throw new InputError(`${file}: ${pointer}/domain: ${atlasMessage(value)}`, { file });
  const custom = customData(value);
  if (!custom) return;
  throw new InputError(
    `${file}: ${pointer}/domain: ${JSON.stringify(custom.domain)} is no ATT&CK domain: the layer is drawn from its own data ` +
      `(customDataURL ${custom.url}), which Navigator loads from there; attack-layers reads layers of ${DOMAINS.join(', ').replace(/, (?=[^,]*$)/, ' and ')} ` +
      "against ATT&CK's releases: open this one in Navigator",
    { file },
  );
}

/** The ATT&CK release a layer's platform filter was chosen in (`everyPlatformSource`'s `major`), and why it is that one. */
export interface FilterRelease {
  major: string;
  why: string;
}

/**
 * The release a layer's platform filter was chosen in: the one it states (`versions.attack`); else, for format 2.0 or
 * 2.1, ATT&CK 3: Navigator 2.0 to 2.2 wrote those formats, and their enterprise filter offered `windows`, `linux` and
 * `mac` alone, ATT&CK 3.0's platforms (its Filter class; Navigator 2.3, format 2.2, added the cloud platforms and wrote
 * the names as ATT&CK does, per its CHANGELOG). So such a filter of all three chose nothing. Undefined otherwise.
 */
export function filterRelease(value: unknown): FilterRelease | undefined {
  const versions = isJsonObject(value) ? value['versions'] : undefined;
  const stated = attackMajor(isJsonObject(versions) ? versions['attack'] : undefined);
  if (stated) return { major: stated, why: `the layer is for ATT&CK ${stated}` };
  const { version, major } = layerFormat(value);
  if (major !== 2 || version === undefined || (compareVersions(version, '2.2') ?? 0) >= 0) return undefined;
  return { major: '3', why: `the layer states no release, and its format ${version} is Navigator 2.0 to 2.2's, whose enterprise filter offered windows, linux and mac alone` };
}

/**
 * How a layer of format 2.x/3.x (or one that states no format) hid PRE-ATT&CK, said for a message (`<it>, which hid
 * PRE-ATT&CK`), or undefined when it did not: Navigator's stage filter (`filters.stages`, gone since format 4.0) showed
 * the enterprise matrix for `act` and PRE-ATT&CK's tactics for `prepare`, so a list without `prepare` hid what ATT&CK 8
 * made the enterprise platform `PRE` (Reconnaissance, Resource Development). A layer of format 2.x or 3.x that writes no
 * list hid it too: Navigator's Filter started from `["act"]` and its deSerialize replaced that only with a list the
 * layer gives (mitre-attack/attack-navigator nav-app/src/app/viewmodels.service.ts of Navigator 2.x, class Filter:
 * `this.stages = {options: ["prepare", "act"], selection: ["act"]}`, `if (rep.stages) … this.stages.selection =
 * rep.stages`; LAYERFORMATv3.md gives `["act"]` as the default). A layer that states no format is not read so: nothing
 * says which Navigator it was made for. A layer of format 4 or later that still carries the list (CS6411FinalProject's
 * navigator_layer.json: `"version": "4.5"`, `"stages": []`) hid nothing: Navigator 4 and later ignore it.
 */
export function stagesHidingPreAttack(value: unknown): string | undefined {
  const filters = isJsonObject(value) ? value['filters'] : undefined;
  const { version, major } = layerFormat(value);
  if (major !== undefined && major >= 4) return undefined;
  const stages = isJsonObject(filters) ? filters['stages'] : undefined;
  if (Array.isArray(stages)) return stages.includes('prepare') ? undefined : `the layer's filters.stages left out "prepare"`;
  if (stages !== undefined || (major !== 2 && major !== 3)) return undefined;
  return `the layer (format ${version}) writes no filters.stages: Navigator ${major}.x read that as ["act"], without "prepare"`;
}

/** Whether a layer's stage filter hid PRE-ATT&CK (`stagesHidingPreAttack`). */
export function stagesHidePreAttack(value: unknown): boolean {
  return stagesHidingPreAttack(value) !== undefined;
}

/**
 * Format conversions to 4.5, one named rule per difference between the formats (per the format definitions of
 * 3.0 to 4.5). Each returns what it changed; none touches `techniques` order, so `/techniques/N` paths stay valid.
 */
const FORMAT_RULES: ReadonlyArray<readonly [label: string, apply: (layer: JsonObject, options: FormatOptions) => SettingChange[]]> = [
  [
    'the `version` field of formats up to 4.0 becomes `versions.layer`',
    (layer) => {
      if (!('version' in layer)) return [];
      const inOldKey = isFormatInOldKey(layerFormat(layer));
      const old = String(layer['version']);
      delete layer['version'];
      const versions = isJsonObject(layer['versions']) ? layer['versions'] : {};
      layer['versions'] = { ...versions, layer: LAYER_FORMAT };
      const message = inOldKey
        ? `format ${old} was stated under the old \`version\` key; moved to \`versions.layer\`${old === LAYER_FORMAT ? '' : ` as ${LAYER_FORMAT}`}, where format 4.1 and later write it`
        : `layer format ${old} converted to ${LAYER_FORMAT} (\`version\` became \`versions\`)`;
      return [{ path: '/version', message }];
    },
  ],
  [
    'versions.layer becomes 4.5',
    (layer) => {
      const versions = layer['versions'];
      if (!isJsonObject(versions)) {
        layer['versions'] = { layer: LAYER_FORMAT };
        return [{ path: '/versions', message: 'added (layer format 4.5)' }];
      }
      if (versions['layer'] === LAYER_FORMAT) return [];
      const old = versions['layer'];
      versions['layer'] = LAYER_FORMAT;
      return [{ path: '/versions/layer', message: `${old === undefined ? 'set to' : `${String(old)} ->`} ${LAYER_FORMAT}` }];
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
      return [{ path: '/versions/navigator', message: `${navigator === undefined ? 'set to' : `${String(navigator)} ->`} ${target}` }];
    },
  ],
  [
    'old domain names (mitre-enterprise) become enterprise-attack',
    (layer) => {
      const domain = layer['domain'];
      const current = currentDomainName(domain);
      if (current === domain) return [];
      layer['domain'] = current;
      const pre = isPreAttackLayer({ domain }) ? ` (PRE-ATT&CK: ${PRE_ATTACK_MERGED}; the layer has no technique entries)` : '';
      return [{ path: '/domain', message: `${String(domain)} -> ${String(current)}${pre}` }];
    },
  ],
  [
    'viewMode (format 3.0) becomes layout',
    (layer) => {
      if (!('viewMode' in layer)) return [];
      const viewMode = layer['viewMode'];
      delete layer['viewMode'];
      if (isJsonObject(layer['layout'])) return [{ path: '/viewMode', message: `removed (layout is already set)` }];
      // Navigator's own mapping: 1 was the compact table (IDs, no names), 2 the mini table.
      const layout =
        viewMode === 1
          ? { layout: 'side', showID: true, showName: false }
          : viewMode === 2
            ? { layout: 'mini', showID: false, showName: false }
            : { layout: 'side' };
      layer['layout'] = layout;
      return [{ path: '/viewMode', message: `${JSON.stringify(viewMode)} became layout ${JSON.stringify(layout)}` }];
    },
  ],
  [
    "viewFullTable (Navigator 2.x's own setting, in no layer format) is dropped",
    (layer) => {
      if (!('viewFullTable' in layer)) return [];
      const value = layer['viewFullTable'];
      delete layer['viewFullTable'];
      // Navigator 2.x wrote it into its exports (its April 2018 update layer has it); no format documents it,
      // Navigator 5 ignores it, and mitreattack-python refuses a layer that has it (UnknownLayerProperty).
      return [{ path: '/viewFullTable', message: `${JSON.stringify(value)} removed (Navigator 2.x wrote it; no layer format has it)` }];
    },
  ],
  [
    'filters.stages (PRE-ATT&CK, gone since format 4.0) is dropped',
    (layer) => {
      const filters = layer['filters'];
      if (!isJsonObject(filters) || !('stages' in filters)) return [];
      delete filters['stages'];
      return [{ path: '/filters/stages', message: 'removed (format 4.0 dropped the PRE-ATT&CK stage filter)' }];
    },
  ],
];

/**
 * Convert the structure of a layer of any older format (3.x, 4.0–4.4) to 4.5 without looking at ATT&CK: a copy
 * comes back with the list of changes. Technique entries keep their positions.
 */
export function migrateLayerFormat(value: JsonObject, options: FormatOptions = {}): { layer: JsonObject; changes: SettingChange[] } {
  const layer = structuredClone(value);
  const changes = FORMAT_RULES.flatMap(([, apply]) => apply(layer, options));
  return { layer, changes };
}
