import type { AttackIndex } from '../attack/attack-index.js';
import { nameKey } from '../attack/attack-index.js';
import { objectKind, objectRef } from '../normalize/resolve-attack-object.js';
import { givenOption, type GivenAs } from '../errors.js';

/** The actor `extract --actor` gives a report's text: the campaign's `actor:`, with what checking it said. */
export interface ReportActor {
  actor: string;
  /** What the release says of the name where the actor is not simply its group's name as given (a note for the user). */
  note?: string;
}

/**
 * The actor a user gives a report's text (`extract report.txt --actor "Cozy Bear"`): a report names no actor of its own
 * data, as a STIX bundle or a MISP event does, so the name is the campaign's `actor:`, checked against the release's
 * groups as a bundle's chosen actor is. One group by that name, alias or ATT&CK ID gives its name (`Cozy Bear`: APT29,
 * said in the note where it differs from the name given); any other name is kept as given, and the note says what the
 * release knows of it (software, a campaign, several groups, nothing), never refusing the run. Without a release
 * (`target` undefined), the name is kept and the note says it was not checked. `givenAs` names `actor` in the note
 * (`actor: 'Cozy Bear'`; the CLI's `--actor "Cozy Bear"`). Pure.
 */
export function reportActor(wanted: string, target?: AttackIndex, givenAs?: GivenAs): ReportActor {
  const given = wanted.trim().replace(/\s+/g, ' ');
  const as = givenOption(givenAs, 'actor', given, `"${given}"`);
  if (!target) return { actor: given, note: `${as} is the campaign's actor as given: without ATT&CK data it was not checked against ATT&CK's groups` };
  const objects = [...new Map(target.actors(given).map((object) => target.finalActor(object)).map((object) => [object.id, object])).values()];
  const groups = objects.filter((object) => objectKind(object) === 'group');
  const release = `ATT&CK ${target.label}`;
  if (groups.length === 1) {
    const group = groups[0]!;
    return nameKey(group.name) === nameKey(given) ? { actor: group.name } : { actor: group.name, note: `${as} is group ${objectRef(group)} of ${release}: the campaign's actor is ${group.name}` };
  }
  const kept = `kept as the campaign's actor as given`;
  if (groups.length > 1) {
    return { actor: given, note: `${as} names ${groups.length} groups of ${release} (${groups.map(objectRef).join(', ')}): ${kept}; write the one meant (its ATT&CK ID) as actor:` };
  }
  if (objects.length) {
    return { actor: given, note: `${as} names no group of ${release} but ${objects.map((object) => `${objectKind(object)} ${objectRef(object)}`).join(' and ')}: ${kept}; check that it is the actor meant` };
  }
  return { actor: given, note: `${as} names no group of ${release} (by name, alias or ATT&CK ID): ${kept}; check the spelling, or that ATT&CK does not know the actor` };
}
