import type { AttackIndex } from './attack-index.js';
import { fullName } from './full-name.js';
import { laterReleaseLookup, newestReleaseAtHand, type ReleaseHistory } from './later-release.js';
import { missingTeamTechniqueText } from './not-mitre-text.js';
import { fetchCommand } from './release-files.js';
import { ICS_TECHNIQUE_ID, isNumberedFarPast } from './technique-id.js';
import type { TechniqueId } from './types.js';

/** The number of a technique ID (`T1685.001` -> 1685, `attack.t1685` -> 1685), if the text is one. */
export function techniqueNumber(text: string): number | undefined {
  const match = /^(?:attack\.)?t(\d{4})(?:\.\d{3})?$/i.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

const newestNumbers = new WeakMap<AttackIndex, number>();

/** The highest technique number of the release (T1684 -> 1684): an ID past it comes from a newer release. */
export function newestTechniqueNumber(target: AttackIndex): number {
  let newest = newestNumbers.get(target);
  if (newest === undefined) newestNumbers.set(target, (newest = Math.max(0, ...target.allTechniques().map((technique) => techniqueNumber(technique.id) ?? 0))));
  return newest;
}

/** A technique number as its ID writes it (1681 -> `T1681`). */
export function numberId(number: number): string {
  return `T${String(number).padStart(4, '0')}`;
}

/** What a caller would do with what holds an ID the release lacks, in its words (`unknownTechniqueText`). */
export interface UnknownTechniqueAdvice {
  /** What the team's ATT&CK data would do with a team's technique: `holds it`. */
  does: string;
  /** What to do with a newer release once fetched: `validate the layer with it`. */
  withIt: string;
  /** What to do in a newer release at hand that has the ID, naming it as the caller does: `validate the layer with --attack-release 18.1`. */
  inRelease: (later: AttackIndex) => string;
}

/**
 * What an ID of ATT&CK's form that a release lacks is, said alike by validate, upgrade, combine, normalize and technique
 * (as gap says a rule's tag), by the releases at hand (`history`, by default the release's own): a newer release at hand
 * that has it (T1677 beside 14.1: Poisoned Pipeline Execution in 18.1, gap's `laterReleaseLookup`), named with the
 * technique and `inRelease`; else, by its number against the newest technique at hand, numbered far past it
 * (`isNumberedFarPast`: T9001 beside 18.1's T1681), a team's own technique (missingTeamTechniqueText, whose data `does`
 * what the caller would do with it); numbered just past it (T1685, which SigmaHQ tags since ATT&CK 19), a newer ATT&CK
 * release's ID, to fetch and `withIt`. Undefined for any other ID (a typo below the newest, another numbering's:
 * enterprise T1059 beside ICS's T0895), which keeps the caller's words. In the CLI's words but for `inRelease`'s: a
 * library caller passes it through `inGivenInputs`.
 */
export function unknownTechniqueText(id: string, target: AttackIndex, { does, withIt, inRelease }: UnknownTechniqueAdvice, history: ReleaseHistory | undefined = target.history): string | undefined {
  const number = techniqueNumber(id);
  if (number === undefined) return undefined;
  // The ID as releases index it (`attack.t1677` is T1677).
  const indexed = id.trim().replace(/^attack\./i, '').toUpperCase() as TechniqueId;
  const later = laterReleaseLookup(target, history)(indexed);
  if (later) {
    const technique = later.technique(indexed)!;
    const state = technique.revoked ? ' (revoked there)' : technique.deprecated ? ' (deprecated there)' : '';
    return `${id} is not a technique in ${target.label}; it is ${technique.id} ${fullName(later, technique)} in ${later.label}${state}, a newer release at hand: ${inRelease(later)}`;
  }
  const newestAtHand = newestReleaseAtHand(target, history);
  const newest = newestTechniqueNumber(newestAtHand);
  if (number <= newest || ICS_TECHNIQUE_ID.test(id.slice(0, 5)) !== ICS_TECHNIQUE_ID.test(numberId(newest))) return undefined;
  if (isNumberedFarPast(id, newest)) return missingTeamTechniqueText(id, target, { farPast: `${numberId(newest)} of ${newestAtHand.label}`, does });
  // With a newer release at hand that lacks it too, its newest technique is the one the ID is past.
  const nor = newestAtHand === target ? '' : ` nor in ${newestAtHand.label}, the newest release at hand`;
  return (
    `${id} is not a technique in ${target.label}${nor}: its number is past ${newestAtHand.release}'s newest technique (${numberId(newest)}), as a newer ATT&CK ` +
    `release's IDs are: get that release with \`${fetchCommand(target.domain, 'N')}\` (N its number: 19 for the IDs SigmaHQ tags since ATT&CK 19) and ${withIt}`
  );
}
