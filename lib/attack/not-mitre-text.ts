import { firstFew } from '../short-list.js';
import type { TechniqueRecord } from './types.js';
import { isNamespacedTechniqueId, namespacedTechniqueText } from './technique-id.js';

/** At most this many IDs are named in a note; the rest are counted (`firstFew`). */
export const NAMED_IN_NOTE = 5;

/** What makes an object someone else's than MITRE's, as every note on a team's own objects says it. */
const NOT_MITRE = "not MITRE's (created by another identity than MITRE's)";

/**
 * How a layer of a team's own group, software or campaign (`ActorRecord.custom`: Red Cell, ACME-G1000) says whose it
 * is, where MITRE's are `the ATT&CK group`: `the group is the team's own, not MITRE's (…)`.
 */
export function teamObjectText(kind: string): string {
  return `the ${kind} is the team's own, ${NOT_MITRE}`;
}

/**
 * Where to get a team's own ATT&CK data that holds its IDs, and how to give it, as every note on an ID of a team's
 * namespace that the data loaded lacks says it (ACME-T1000, a rule's `attack.acme-g1000`): in the CLI's words (its
 * `--attack`, which every command takes), which `inGivenInputs` says as a program's call (`loadAttack({ attack: … })`).
 */
export const TEAM_DATA_ADVICE =
  "load the team's ATT&CK data that does (its Workbench collection export, or the objects of its TAXII server) with `--attack <file|folder>`";

/**
 * What an ID of a team's namespace is when the data loaded lacks it, and what to load (ACME-T1000 asked of MITRE's
 * enterprise-attack 18.1): `ACME-T1000 is an ID of … (prefix ACME), …, and enterprise-attack 18.1 does not hold it: load …`.
 */
export function unheldNamespacedTechniqueText(id: string, label: string): string {
  return `${namespacedTechniqueText(id)}, and ${label} does not hold it: ${TEAM_DATA_ADVICE}`;
}

/**
 * How a layer of several objects says whose they are when some are a team's own (`ActorRecord.custom`), where MITRE's
 * are `ATT&CK objects`: what they are, `ATT&CK and team objects` (`team objects` when all are the team's), and which are
 * the team's, `Red Cell (ACME-G1000) is the team's own, not MITRE's (…)`. `titles`: the team's objects as the layer names
 * them; `all`: whether every object of the layer is one of them. Undefined when none is.
 */
export function teamObjectsText(titles: readonly string[], all: boolean): { objects: string; whose: string } | undefined {
  if (!titles.length) return undefined;
  const which = all ? (titles.length === 1 ? 'it is' : 'each is') : `${firstFew(titles, NAMED_IN_NOTE)} ${titles.length === 1 ? 'is' : 'are'}`;
  return { objects: all ? 'team objects' : 'ATT&CK and team objects', whose: `${which} the team's own, ${NOT_MITRE}` };
}

/**
 * How techniques of someone other than MITRE (`TechniqueRecord.custom`: T9001, ACME-T1000) are said, by the note of
 * the bundle that holds them (whichever command loads it) and by validate for a layer's entries of them: what they
 * are, and that ATT&CK Navigator shows a layer's entries of them only with `data` (`this bundle`, the file) loaded.
 */
export function notMitreText(techniques: readonly Pick<TechniqueRecord, 'id' | 'name'>[], data: string): string {
  return (
    `${techniques.length} technique${techniques.length === 1 ? ' is' : 's are'} ${NOT_MITRE}: ` +
    `${firstFew(techniques.map((technique) => `${technique.id} ${JSON.stringify(technique.name)}`), NAMED_IN_NOTE)}; ` +
    `ATT&CK Navigator shows a layer's entries of them only when it loads ${data} as its data: with MITRE's data it hides them without a word`
  );
}

/**
 * Why a team's own technique is not carried into ATT&CK data that lacks it, and what to do, said alike by upgrade,
 * combine and export: `from` is the technique as the layer's own data holds it (T9001 of a team bundle built on 17.1,
 * `custom`); without it, an ID of a Workbench organization namespace (ACME-T1000) that `target` does not hold. `does` is
 * what that data would do with it (default `keeps it`). Undefined for any other ID (MITRE's own, a typo), which keeps its
 * own words. `farPast`: MITRE's newest technique at hand, with its release (`T1681 of enterprise-attack 18.1`), for an
 * ID of ATT&CK's form numbered far past it (`isNumberedFarPast`: T9001 in a gap review with MITRE's data alone), which
 * no newer release will have: said as a team's own. In the CLI's words (`--attack`): a library caller passes the text
 * through `inGivenInputs`, which says it as the call (`loadAttack({ attack: … })`).
 */
export function missingTeamTechniqueText(
  id: string,
  target: { label: string; release: string },
  {
    from,
    does = 'keeps it',
    farPast,
  }: { from?: { record: Pick<TechniqueRecord, 'name' | 'custom'>; label: string; file: string }; does?: string; farPast?: string } = {},
): string | undefined {
  const remedy = `give the team's ATT&CK data built on ${target.release} (its ATT&CK Workbench export) as the ${target.release} release (\`--attack <file|folder>\`), which ${does}`;
  if (!from && farPast) {
    return `${id} is numbered far past ${farPast}, MITRE's newest technique, as a team numbers its own techniques (no newer ATT&CK release will have it), and ${target.label} does not hold it: ${remedy}; else fix the ID`;
  }
  if (from?.record.custom) {
    return `${id} (${from.record.name}) is a team's own technique (not MITRE's) in ${from.label} (${from.file}), and ${target.label} does not hold it: ${remedy}`;
  }
  if (!from && isNamespacedTechniqueId(id)) return `${namespacedTechniqueText(id)}, and ${target.label} does not hold it: ${remedy}`;
  return undefined;
}
