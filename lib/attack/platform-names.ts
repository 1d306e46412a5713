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

/**
 * What to write instead of a platform name a release does not have, after `verb`: its platforms, quoted, since one
 * may read as a word (ICS 18.1 has one platform, "None").
 */
export function platformAdvice(verb: string, platforms: readonly string[]): string {
  const quoted = platforms.map((platform) => JSON.stringify(platform));
  return quoted.length === 1 ? `${verb} ${quoted[0]}, its only platform` : `${verb} one of ${quoted.join(', ')}`;
}
