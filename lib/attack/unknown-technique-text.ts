import type { AttackIndex } from './attack-index.js';
import { missingTeamTechniqueText } from './not-mitre-text.js';
import { fetchCommand } from './release-files.js';
import { ICS_TECHNIQUE_ID, isNumberedFarPast } from './technique-id.js';

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

/**
 * What an ID of ATT&CK's form that a release lacks is, by its number, said alike by validate, upgrade and combine (as gap
 * says a rule's tag): numbered far past the release's newest technique (`isNumberedFarPast`: T9001 beside 18.1's T1681),
 * a team's own technique (missingTeamTechniqueText, whose data `does` what the caller would do with it); numbered just
 * past it (T1685, which SigmaHQ tags since ATT&CK 19), a newer ATT&CK release's ID, to fetch and `withIt` (`validate
 * the layer with it`). Undefined for any other ID (a typo below the newest, another numbering's: enterprise T1059 beside
 * ICS's T0895), which keeps the caller's words. In the CLI's words: a library caller passes it through `inGivenInputs`.
 */
export function unknownTechniqueText(id: string, target: AttackIndex, { does, withIt }: { does: string; withIt: string }): string | undefined {
  const number = techniqueNumber(id);
  const newest = newestTechniqueNumber(target);
  if (number === undefined || number <= newest || ICS_TECHNIQUE_ID.test(id.slice(0, 5)) !== ICS_TECHNIQUE_ID.test(numberId(newest))) return undefined;
  if (isNumberedFarPast(id, newest)) return missingTeamTechniqueText(id, target, { farPast: `${numberId(newest)} of ${target.label}`, does });
  return (
    `${id} is not a technique in ${target.label}: its number is past ${target.release}'s newest technique (${numberId(newest)}), as a newer ATT&CK ` +
    `release's IDs are: get that release with \`${fetchCommand(target.domain, 'N')}\` (N its number: 19 for the IDs SigmaHQ tags since ATT&CK 19) and ${withIt}`
  );
}
