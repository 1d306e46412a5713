import type { AttackIndex } from '../attack/attack-index.js';
import type { ActorRecord } from '../attack/types.js';
import { AttackObjectError, type GivenAs } from '../errors.js';
import { describeObject, objectRef, resolveAttackObject } from '../normalize/resolve-attack-object.js';
import type { FoundAttackObject } from './find-attack-objects.js';
import type { NamedSoftware } from './named-software.js';

/** What names the software: a MISP event's clusters and tags, or a STIX bundle's malware and tool objects. */
export type SoftwarePlaces = 'misp' | 'bundle';

/** How a note counts the places that name software: `2 software clusters and tags`, `1 software object`. */
export const countedSoftware = (count: number, places: SoftwarePlaces): string =>
  places === 'misp' ? `${count} software cluster${count === 1 ? '' : 's'} and tag${count === 1 ? '' : 's'}` : `${count} software object${count === 1 ? '' : 's'}`;

/** A MISP event's software looked up in a release: the ATT&CK objects found, and a note of those that are not. */
export interface MispSoftwareObjects {
  objects: FoundAttackObject[];
  notes: string[];
}

/**
 * Look up the software of a MISP event's `mitre-malware` and `mitre-tool` clusters and tags (`BISCUIT - S0017`), or of
 * a STIX bundle's malware and tool objects (`places`, which the note counts), in a release, by its S-ID, else by its name or alias, as `software:` entries are: each found one is a `FoundAttackObject`
 * (as `findAttackObjects` gives for a report's text) citing its places (`from`), written as its name when that names
 * the same object, else as its ID; clusters naming the same object are one. What names no current software of the
 * release (an unknown ID or name, another kind of object, a deprecated one) is noted, not dropped. Pure.
 */
export function mispSoftwareObjects(software: readonly NamedSoftware[], index: AttackIndex, places: SoftwarePlaces = 'misp', givenAs?: GivenAs): MispSoftwareObjects {
  const found = new Map<string, FoundAttackObject>();
  const unknown: string[] = [];
  for (const each of software) {
    let object: ActorRecord;
    let notes: string[];
    try {
      // As written: the name goes into `software:`, which reads no short form (`Brute Ratel` of S1063 Brute Ratel C4).
      ({ object, notes } = resolveAttackObject(index, each.id ?? each.name ?? each.written, { kind: 'software', shortForms: false, ...(givenAs ? { givenAs } : {}) }));
    } catch (error) {
      if (!(error instanceof AttackObjectError)) throw error;
      unknown.push(`"${each.written}" at ${each.from[0]} (${error.message})`);
      continue;
    }
    if (object.deprecated) {
      unknown.push(`"${each.written}" at ${each.from[0]} (${describeObject(object)})`);
      continue;
    }
    const seen = found.get(object.id);
    if (seen) {
      seen.lines = [...new Set([...seen.lines, ...each.lines])].sort((a, b) => a - b);
      seen.from = [...(seen.from ?? []), ...each.from];
      continue;
    }
    // The name MISP writes goes into `software:` only when it leads to the same object; else the ID does.
    const byName = each.name && each.id ? sameObject(index, each.name, object) : Boolean(each.name);
    const written = byName ? each.name! : object.id;
    const note = [objectRef(object), ...(each.id && each.name && !byName ? [`"${each.name}" is not its name in ATT&CK ${index.release}: written by its ID`] : []), ...notes].join('; ');
    found.set(object.id, {
      id: object.id,
      name: object.name,
      kind: 'software',
      written,
      span: { line: each.lines[0]!, start: 0, end: 0 },
      lines: [...each.lines],
      note,
      from: [...each.from],
    });
  }
  const notes = unknown.length
    ? [
        `${countedSoftware(unknown.length, places)} name${places === 'bundle' && unknown.length === 1 ? 's' : ''} no current software of ATT&CK ${index.release}, so ${unknown.length === 1 ? 'it is' : 'they are'} not under software: ` +
          `${unknown.join('; ')}; add what matters to the campaign by hand`,
      ]
    : [];
  return { objects: [...found.values()], notes };
}

/** Whether a name leads to the same software as its ID (MISP may write an older name ATT&CK no longer gives). */
function sameObject(index: AttackIndex, name: string, object: ActorRecord): boolean {
  try {
    return resolveAttackObject(index, name, { kind: 'software', shortForms: false }).object.stixId === object.stixId;
  } catch (error) {
    if (error instanceof AttackObjectError) return false;
    throw error;
  }
}
