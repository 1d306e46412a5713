/**
 * Enterprise tactics that a later ATT&CK release split off an earlier tactic: the new shortname -> the tactic it came
 * from, and the release that split it. Known here before a release file of it is: a layer or rule tagged with one
 * comes from that release.
 */
export const TACTIC_SPLITS: Readonly<Record<string, { from: string; since: string }>> = {
  stealth: { from: 'defense-evasion', since: '19' },
  'defense-impairment': { from: 'defense-evasion', since: '19' },
};

/** The tactic a later release split off, as written by its shortname or name (`Stealth`, `defense_impairment`), or undefined. */
export function laterTactic(written: string): { shortname: string; from: string; since: string } | undefined {
  const shortname = written.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, '-');
  const split = Object.hasOwn(TACTIC_SPLITS, shortname) ? TACTIC_SPLITS[shortname] : undefined;
  return split ? { shortname, ...split } : undefined;
}

/**
 * Where a tactic a later release split off goes for a technique of an older release: the tactic it came from, when the
 * technique has that one there (`Stealth` written for T1027, read with ATT&CK 18.1: `defense-evasion`); undefined for
 * any other text, or a technique without it. Upgrading a layer and resolving a reference both place it so.
 */
export function formerTactic(written: string, tactics: readonly string[]): { shortname: string; from: string; since: string } | undefined {
  const later = laterTactic(written);
  return later && tactics.includes(later.from) ? later : undefined;
}

/** A later release's tactic's name as ATT&CK writes it, from its shortname (`defense-impairment`: Defense Impairment). */
export const laterTacticName = (shortname: string): string => shortname.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
