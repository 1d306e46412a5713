import type { AttackIndex } from './attack-index.js';
import { givenOption, type GivenAs } from '../errors.js';
import { compareReleases } from './release-files.js';
import type { Domain, TechniqueId } from './types.js';

/** The domain's other releases at hand, newest first, each loaded when reached (`AttackIndex.history`, `ResolveContext.history`). */
export type ReleaseHistory = () => Iterable<AttackIndex>;

/**
 * The newest release at hand newer than the target that has a technique ID, searched newest first and remembered
 * per ID. Only newer releases: ATT&CK keeps a technique it retires (revoked or deprecated), so an ID the target lacks
 * was never in an older release, and looking there would load every old release for a typo.
 */
export function laterReleaseLookup(target: AttackIndex, history: ReleaseHistory | undefined): (id: string) => AttackIndex | undefined {
  const found = new Map<string, AttackIndex | undefined>();
  return (id) => {
    if (found.has(id)) return found.get(id);
    let release: AttackIndex | undefined;
    for (const index of history?.() ?? []) {
      if (compareReleases(index.release, target.release) <= 0) break;
      if (index.technique(id as TechniqueId)) {
        release = index;
        break;
      }
    }
    found.set(id, release);
    return release;
  };
}

/** The newest release at hand: the history's first, which runs newest first loading each release as it is reached, else the target. */
export function newestReleaseAtHand(target: AttackIndex, history: ReleaseHistory | undefined): AttackIndex {
  for (const index of history?.() ?? []) return compareReleases(index.release, target.release) > 0 ? index : target;
  return target;
}

/**
 * The release to work in, as the caller chooses it: its flag and the release (the CLI's `--attack-release 18.1`, in
 * backticks with `code`, as beside a command to run), else the `target` a program passes, an AttackIndex of it.
 */
export function releaseAsGiven(givenAs: GivenAs | undefined, domain: Domain, release: string, code = false): string {
  if (givenAs?.release) return code ? `\`${givenOption(givenAs, 'release', release)}\`` : givenOption(givenAs, 'release', release);
  return `an AttackIndex of release ${release} as target: \`loadAttack({ ${domain === 'enterprise-attack' ? '' : `domain: '${domain}', `}release: '${release}' })\``;
}
