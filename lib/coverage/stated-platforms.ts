/**
 * Platforms as a gap report shows them. ATT&CK for ICS 18.1 gives each technique and each analytic the one platform
 * "None" (its assets took the place of platforms), which a report would show as `Platforms: None` and `not covered on
 * None`: it is said plainly instead.
 */

/** ATT&CK's platform name for none stated (ICS 18.1's only platform). */
const NO_PLATFORM = 'None';

/** What a report says in its place. */
export const NO_PLATFORM_TEXT = 'no platform stated by ATT&CK';

/** `Windows, Linux`; `no platform stated by ATT&CK` for ATT&CK's "None". */
export function platformList(platforms: readonly string[], separator = ', '): string {
  return platforms.map((platform) => (platform === NO_PLATFORM ? NO_PLATFORM_TEXT : platform)).join(separator);
}

/** Whether ATT&CK states no platform for a technique of these platforms: only its "None". */
export function statesNoPlatform(platforms: readonly string[]): boolean {
  return platforms.length > 0 && platforms.every((platform) => platform === NO_PLATFORM);
}

/**
 * What follows "not covered" or "coverage 40%": ` on Windows, Linux` (`shown`, the list as the report writes it), or
 * ` (no platform stated by ATT&CK)` where ATT&CK states none.
 */
export function onPlatformsText(platforms: readonly string[], shown: string): string {
  return statesNoPlatform(platforms) ? ` (${NO_PLATFORM_TEXT})` : ` on ${shown}`;
}

/**
 * What follows "coverage 40%" for a row covered on some of its platforms only: ` on Windows (not on Linux, macOS)`,
 * the platforms its rules fire on, then the rest; on all or none of them, `onPlatformsText` of them all. `shown`
 * writes a list as the report does. Before, ` on Linux, Windows, macOS (not covered: Linux, macOS)` said 40 % on Linux.
 */
export function coveredOnText(platforms: readonly string[], covered: readonly string[], shown: (list: readonly string[]) => string): string {
  const on = platforms.filter((platform) => covered.includes(platform));
  if (!on.length || on.length === platforms.length) return onPlatformsText(platforms, shown(platforms));
  return ` on ${shown(on)} (not on ${shown(platforms.filter((platform) => !covered.includes(platform)))})`;
}
