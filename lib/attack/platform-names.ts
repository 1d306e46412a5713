import { closestWord } from '../name-distance.js';

/** The enterprise platform of the tactics ATT&CK 8 took over from PRE-ATT&CK (Reconnaissance, Resource Development). */
export const PRE_PLATFORM = 'PRE';

/**
 * Enterprise platforms that ATT&CK renamed or merged, old name -> the name that replaced it, with the release that
 * made the change. Navigator's platform filter lists names, so a layer written for an older release filters on
 * names the newer release no longer has.
 */
export const PLATFORM_RENAMES: Readonly<Record<string, { to: string; since: string }>> = {
  AWS: { to: 'IaaS', since: '9.0' },
  Azure: { to: 'IaaS', since: '9.0' },
  GCP: { to: 'IaaS', since: '9.0' },
  'Office 365': { to: 'Office Suite', since: '16.0' },
  'Google Workspace': { to: 'Office Suite', since: '16.0' },
  'Azure AD': { to: 'Identity Provider', since: '16.0' },
  Network: { to: 'Network Devices', since: '17.0' },
};

/**
 * Every platform name ATT&CK has used (enterprise 3.0 to 18.1, mobile, ICS), and DeTT&CT's own (`PRE`,
 * `Office 365`, `Azure AD`, `Network`): a rule's platform of one of these names (a DeTT&CT `applicable_to` group, a
 * YARA-L rule's `platform`) is read as that platform. The review brings it to its release's name (`Azure AD` ->
 * Identity Provider) as it does every platform.
 */
export const ATTACK_PLATFORM_NAMES: readonly string[] = [
  'Android', 'AWS', 'Azure', 'Azure AD', 'Containers', 'Control Server', 'Data Historian', 'Embedded', 'Engineering Workstation', 'ESXi',
  'Field Controller/RTU/PLC/IED', 'GCP', 'Google Workspace', 'Human-Machine Interface', 'IaaS', 'Identity Provider', 'Input/Output Server', 'iOS',
  'Linux', 'macOS', 'Network', 'Network Devices', 'Office 365', 'Office Suite', 'PRE', 'SaaS', 'Safety Instrumented System/Protection Relay', 'Windows',
];

/** A name as ATTACK_PLATFORM_NAMES spells it when it is one of them, case aside (`azure` -> Azure), else undefined. */
export function attackPlatformName(name: string): string | undefined {
  const text = name.trim().toLowerCase();
  return ATTACK_PLATFORM_NAMES.find((platform) => platform.toLowerCase() === text);
}

/**
 * Platform names Navigator itself reads as others in every layer, whatever release it is for (its Filter.deserialize
 * "backwards compatibility with older layers" mappings): format 2.x's lower-case names, and the cloud platforms that
 * ATT&CK 9.0 merged into IaaS.
 */
export const NAVIGATOR_PLATFORM_MAPPINGS: Readonly<Record<string, string>> = {
  android: 'Android',
  ios: 'iOS',
  windows: 'Windows',
  linux: 'Linux',
  mac: 'macOS',
  AWS: 'IaaS',
  GCP: 'IaaS',
  Azure: 'IaaS',
};

/** What a platform name is called in a release that has `platforms`: itself, its new name, or undefined when gone. */
export function currentPlatformName(name: string, platforms: readonly string[]): string | undefined {
  if (platforms.includes(name)) return name;
  const renamed = PLATFORM_RENAMES[name];
  return renamed && platforms.includes(renamed.to) ? renamed.to : undefined;
}

/** A platform name read as one of a release's platforms, and how, when it is not written as the release writes it. */
export interface ReadPlatform {
  platform: string;
  /** Why the name is `platform` (`ATT&CK 16.0 renamed it`); undefined when written so. */
  how?: string;
}

const folded = (name: string): string => name.toLowerCase().replace(/[\s_-]/g, '');

/**
 * A platform name as `platforms` (a release's) writes it, where it has one obvious reading: the name itself; the name
 * ATT&CK gave it since (`Office 365` is `Office Suite` from 16.0, `AWS` IaaS from 9.0); what Navigator reads it as
 * (`windows`, `mac`); the release's name case and spacing aside (`MacOS`) or a letter or two off (`Windwos`). Undefined otherwise.
 */
export function readPlatformName(name: string, platforms: readonly string[]): ReadPlatform | undefined {
  const text = name.trim();
  if (platforms.includes(text)) return { platform: text };
  const old = Object.keys(PLATFORM_RENAMES).find((key) => folded(key) === folded(text));
  const renamed = old === undefined ? undefined : currentPlatformName(old, platforms);
  if (old !== undefined && renamed) return { platform: renamed, how: `ATT&CK ${PLATFORM_RENAMES[old]!.since} renamed it` };
  const navigator = NAVIGATOR_PLATFORM_MAPPINGS[text] ?? NAVIGATOR_PLATFORM_MAPPINGS[text.toLowerCase()];
  if (navigator && platforms.includes(navigator)) return { platform: navigator, how: 'as Navigator reads it' };
  const near = closestWord(text, platforms);
  if (near) return { platform: near, how: folded(near) === folded(text) ? 'case and spacing aside' : 'read as a misspelling of it' };
  return undefined;
}

/**
 * What to write instead of a platform name a release does not have, after `verb`: its platforms, quoted, since one
 * may read as a word (ICS 18.1 has one platform, "None").
 */
export function platformAdvice(verb: string, platforms: readonly string[]): string {
  const quoted = platforms.map((platform) => JSON.stringify(platform));
  return quoted.length === 1 ? `${verb} ${quoted[0]}, its only platform` : `${verb} one of ${quoted.join(', ')}`;
}
