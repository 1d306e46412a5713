import type { AttackIndex } from './attack-index.js';
import { givenOption, type GivenAs } from '../errors.js';
import { compareReleases } from './release-files.js';
import type { Domain, TechniqueId } from './types.js';

/**
 * The domain's other releases at hand, newest first, each loaded when reached (`AttackIndex.history`,
 * `ResolveContext.history`); `newerOnly`, those newer than the release it is the history of, so that a search for a
 * newer release loads no older one to find it is older (a history that does not keep to it is read as well: the
 * search stops at the first older release).
 */
export type ReleaseHistory = (options?: { newerOnly?: boolean }) => Iterable<AttackIndex>;

/** A target's releases at hand newer than it, and the technique IDs looked up in them, kept per target and history. */
interface NewerReleases {
  /** The newer releases, newest first, each loaded when first reached and kept (keptAsReached). */
  releases: () => Iterable<AttackIndex>;
  /** The newest of them that has an ID, remembered per ID. */
  having: (id: string) => AttackIndex | undefined;
}

// Kept once per target and history, as a layer of 200,000 unknown IDs or a rules library asks of each. Weakly by
// history too: a target is kept for the process (loaded-releases.ts), each run's histories are not.
const newerAtHand = new WeakMap<AttackIndex, WeakMap<ReleaseHistory, NewerReleases>>();
const NO_HISTORY: ReleaseHistory = () => [];

function newerReleases(target: AttackIndex, history: ReleaseHistory | undefined): NewerReleases {
  const byHistory = newerAtHand.get(target) ?? newerAtHand.set(target, new WeakMap()).get(target)!;
  let newer = byHistory.get(history ?? NO_HISTORY);
  if (!newer) {
    // Up to the first older release, for a history that does not keep to newerOnly.
    const releases = keptAsReached(function* () {
      for (const index of history?.({ newerOnly: true }) ?? []) {
        if (compareReleases(index.release, target.release) <= 0) return;
        yield index;
      }
    });
    const found = new Map<string, AttackIndex | undefined>();
    // Whether no release at hand is newer (the target is the newest: the common case), asked once: then no ID is
    // looked up or remembered (a layer of 200,000 unknown IDs made as many entries and passes over no release).
    let none: boolean | undefined;
    const having = (id: string): AttackIndex | undefined => {
      none ??= releases()[Symbol.iterator]().next().done === true;
      if (none) return undefined;
      if (found.has(id)) return found.get(id);
      let release: AttackIndex | undefined;
      // Newest first, so that a search that stops at the first release having it loads none past it.
      for (const index of releases()) {
        if (index.technique(id as TechniqueId)) {
          release = index;
          break;
        }
      }
      found.set(id, release);
      return release;
    };
    byHistory.set(history ?? NO_HISTORY, (newer = { releases, having }));
  }
  return newer;
}

/**
 * The newest release at hand newer than the target that has a technique ID, searched newest first and remembered
 * per ID. Only newer releases: ATT&CK keeps a technique it retires (revoked or deprecated), so an ID the target lacks
 * was never in an older release, and looking there would load every old release for a typo.
 */
export function laterReleaseLookup(target: AttackIndex, history: ReleaseHistory | undefined): (id: string) => AttackIndex | undefined {
  return newerReleases(target, history).having;
}

/**
 * An iterable read once, its items kept as they are reached: each pass reads those again, and goes on with the source
 * only past them (a history lists and sorts the release files each time it is read, for each of 200,000 IDs).
 */
function keptAsReached<T>(source: () => Iterable<T>): () => Iterable<T> {
  const items: T[] = [];
  let rest: Iterator<T> | undefined;
  let done = false;
  return function* () {
    for (let i = 0; ; i++) {
      if (i < items.length) {
        yield items[i]!;
        continue;
      }
      if (done) return;
      rest ??= source()[Symbol.iterator]();
      const next = rest.next();
      if (next.done) {
        done = true;
        return;
      }
      items.push(next.value);
      yield next.value;
    }
  };
}

/** The newest release at hand: the history's first, which runs newest first loading each release as it is reached, else the target. */
export function newestReleaseAtHand(target: AttackIndex, history: ReleaseHistory | undefined): AttackIndex {
  for (const index of newerReleases(target, history).releases()) return index;
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
