import type { AttackIndex } from './attack-index.js';
import { firstFew } from '../short-list.js';
import { fullName } from './full-name.js';
import { laterReleaseLookup, newestReleaseAtHand, type ReleaseHistory } from './later-release.js';
import { missingTeamTechniqueText } from './not-mitre-text.js';
import { fetchCommand } from './release-files.js';
import { domainAdjective } from './other-domains.js';
import { ICS_TECHNIQUE_ID, isNumberedFarPast, numberId, parentTechniqueId, taggedTechniqueId, techniqueNumber } from './technique-id.js';
import { DOMAINS, type Domain, type TechniqueId, type TechniqueRecord } from './types.js';

const newestNumbers = new WeakMap<AttackIndex, number>();

/** The highest technique number of the release (T1684 -> 1684): an ID past it comes from a newer release. */
export function newestTechniqueNumber(target: AttackIndex): number {
  let newest = newestNumbers.get(target);
  if (newest === undefined) newestNumbers.set(target, (newest = Math.max(0, ...target.allTechniques().map((technique) => techniqueNumber(technique.id) ?? 0))));
  return newest;
}

/** What a caller would do with what holds an ID the release lacks, in its words (`unknownTechniqueText`). */
export interface UnknownTechniqueAdvice {
  /** What the team's ATT&CK data would do with a team's technique: `holds it`. */
  does: string;
  /** What to do with a newer release once fetched: `validate the layer with it`. */
  withIt: string;
  /**
   * What to do in a newer release at hand that has the ID, or the technique a sub-technique ID is of (`id`, as releases
   * index it), naming it as the caller does: `validate the layer with --attack-release 18.1`.
   */
  inRelease: (later: AttackIndex, id: TechniqueId) => string;
  /**
   * What to do with an ID another domain's numbering gives, in a release of one of `domains` (enterprise's T1685 beside
   * ICS): `annotate it in a layer of enterprise-attack or mobile-attack`.
   */
  inDomain: (domains: readonly Domain[]) => string;
}

/** What the releases at hand say of an ID of ATT&CK's form that a release lacks (`unknownTechniqueFinding`); `id` as releases index it. */
export type UnknownTechniqueFinding =
  /** A newer release at hand has it: T1677 beside 14.1, Poisoned Pipeline Execution in 18.1. */
  | { kind: 'at hand'; id: TechniqueId; later: AttackIndex; technique: TechniqueRecord }
  /** A sub-technique no release at hand has, of a technique the release lacks that a newer one at hand has: T1677.001 beside 14.1. */
  | { kind: 'parent at hand'; id: TechniqueId; later: AttackIndex; parent: TechniqueRecord }
  /** Numbered just past the newest technique at hand (`newest`, of `newestAtHand`): a newer ATT&CK release's (T1685). */
  | { kind: 'newer release'; id: TechniqueId; newestAtHand: AttackIndex; newest: number }
  /** Numbered far past it (`isNumberedFarPast`): a team's own technique (T9001). */
  | { kind: 'team'; id: TechniqueId; newestAtHand: AttackIndex; newest: number }
  /** Numbered as the techniques of other domains (`domains`) are, not the release's: SigmaHQ's enterprise T1685 beside ICS's T0895. */
  | { kind: 'other domain'; id: TechniqueId; domains: Domain[] };

/**
 * What an ID of ATT&CK's form that a release lacks is, by the releases at hand (`history`, by default the release's own),
 * in any spelling `techniqueNumber` reads (`attack.t0896`, `t0896`, `T0896` alike): a newer release at hand that has it
 * (gap's `laterReleaseLookup`); for a sub-technique that none has, a newer release at hand that has the technique it is
 * of, when the release lacks that too; else, by its number against the newest technique at hand, a team's (numbered far
 * past it: T9001, beside enterprise's T1681 or ICS's T0895) or a newer ATT&CK release's (just past it), or, numbered as
 * other domains number their techniques, theirs (enterprise's T1685 or T1059.001 beside ICS's T0895: no ICS release will
 * have it). Undefined for any other ID (a typo below the newest).
 */
export function unknownTechniqueFinding(id: string, target: AttackIndex, history: ReleaseHistory | undefined = target.history): UnknownTechniqueFinding | undefined {
  const indexed = taggedTechniqueId(id) as TechniqueId | undefined;
  if (indexed === undefined) return undefined;
  const number = techniqueNumber(indexed)!;
  const laterRelease = laterReleaseLookup(target, history);
  const later = laterRelease(indexed);
  if (later) return { kind: 'at hand', id: indexed, later, technique: later.technique(indexed)! };
  // T1677.001 beside 14.1: no release at hand has it, but 18.1 has T1677, which 14.1 lacks: named with it, not as a typo.
  const parentId = parentTechniqueId(indexed) as TechniqueId | undefined;
  const parentLater = parentId && !target.technique(parentId) ? laterRelease(parentId) : undefined;
  if (parentLater) return { kind: 'parent at hand', id: indexed, later: parentLater, parent: parentLater.technique(parentId!)! };
  const newestAtHand = newestReleaseAtHand(target, history);
  const newest = newestTechniqueNumber(newestAtHand);
  const numbering = domainNumbering(number);
  if (numbering !== undefined && numbering !== domainNumbering(newest)) {
    const domains = DOMAINS.filter((domain) => domain !== target.domain && (domain === 'ics-attack') === (numbering === 'ics'));
    return { kind: 'other domain', id: indexed, domains };
  }
  if (number <= newest) return undefined;
  return { kind: isNumberedFarPast(indexed, newest) ? 'team' : 'newer release', id: indexed, newestAtHand, newest };
}

/** ICS's first technique number (T0800 Activate Firmware Update Mode). */
const ICS_FIRST_NUMBER = 800;

/**
 * Whose numbering a technique number is in: ICS numbers its techniques from T0800 (`ICS_TECHNIQUE_ID`), enterprise and
 * mobile theirs from T1000 (counted over ../shared's releases: ICS 18.1 T0800 to T0895, enterprise 3.0 to 18.1 T1001 to
 * T1681, mobile 18.1 T1398 to T1676). Undefined below T0800 and from T2000 on, which no domain numbers: T0069 (in
 * atomic-threat-coverage's profiles) is no ICS technique, and beside ICS as beside enterprise, T9001 is numbered far past
 * MITRE's newest (a team's), where T1685 beside ICS is enterprise's numbering, not ICS's.
 */
function domainNumbering(number: number): 'ics' | 'enterprise and mobile' | undefined {
  if (number < ICS_FIRST_NUMBER) return undefined;
  if (ICS_TECHNIQUE_ID.test(numberId(number))) return 'ics';
  return number < 2000 ? 'enterprise and mobile' : undefined;
}

/** How the domains number their techniques (domainNumbering): `T1xxx, as Enterprise and Mobile techniques are`. */
function numberingText(domains: readonly Domain[]): string {
  return `${domains.includes('ics-attack') ? 'T0xxx' : 'T1xxx'}, as ${domains.map(domainAdjective).join(' and ')} techniques are`;
}

/** ` (revoked there)`, ` (deprecated there)` for a technique of another release so retired, else nothing. */
function stateThere(technique: TechniqueRecord): string {
  return technique.revoked ? ' (revoked there)' : technique.deprecated ? ' (deprecated there)' : '';
}

/** The sub-techniques a newer release has of a technique, as the text on a sub-technique ID it lacks names them. */
function subtechniquesThere(later: AttackIndex, parent: TechniqueRecord): string {
  const ids = later.children(parent.id).filter((child) => !child.revoked && !child.deprecated).map((child) => child.id);
  return ids.length ? `with sub-techniques ${ids.length > 5 ? `${ids.slice(0, 5).join(', ')}, …` : ids.join(', ')} there` : 'with no sub-technique there';
}

/**
 * What an ID of ATT&CK's form that a release lacks is, said alike by validate, upgrade, combine, normalize, technique and
 * gap (`unknownTechniqueFinding`): in a newer release at hand, named with the technique and `inRelease` (T1677 beside 14.1:
 * Poisoned Pipeline Execution in 18.1); a sub-technique of such a technique that no release at hand has, with the
 * technique and its sub-techniques there (T1677.001 beside 14.1); a team's own technique (missingTeamTechniqueText,
 * whose data `does` what the caller would do with it: T9001 beside 18.1's T1681); a newer ATT&CK release's, to fetch
 * and `withIt` (T1685, which SigmaHQ tags since ATT&CK 19). Undefined for any other ID, which keeps the caller's words.
 * In the CLI's words but for `inRelease`'s: a library caller passes it through `inGivenInputs`.
 */
export function unknownTechniqueText(id: string, target: AttackIndex, advice: UnknownTechniqueAdvice, history: ReleaseHistory | undefined = target.history): string | undefined {
  const finding = unknownTechniqueFinding(id, target, history);
  return finding && unknownFindingText(id, target, advice, finding);
}

/**
 * A finding said in full, in the caller's words (`unknownTechniqueText`, for a caller that holds the finding already: gap,
 * which reads it once per ID); the short form is `unknownFindingBrief`'s.
 */
export function unknownFindingText(id: string, target: AttackIndex, advice: UnknownTechniqueAdvice, finding: UnknownTechniqueFinding): string {
  const { does, withIt, inRelease } = advice;
  if (finding.kind === 'at hand') {
    const { technique, later } = finding;
    return `${id} is not a technique in ${target.label}; it is ${technique.id} ${fullName(later, technique)} in ${later.label}${stateThere(technique)}, a newer release at hand: ${inRelease(later, finding.id)}`;
  }
  if (finding.kind === 'parent at hand') {
    const { parent, later } = finding;
    return (
      `${id} is not a technique in ${target.label} nor in a newer release at hand: the technique it is a sub-technique of, ${parent.id} ${parent.name}, ` +
      `is in ${later.label}${stateThere(parent)}, ${subtechniquesThere(later, parent)}: fix the ID, or for ${parent.id} itself, ${inRelease(later, parent.id)}`
    );
  }
  if (finding.kind === 'other domain') {
    return (
      `${id} is not a technique in ${target.label}: it is numbered ${numberingText(finding.domains)}, not ${numberingText([target.domain])}, ` +
      `so no ${target.domain} release will have it: a technique of ${finding.domains.join(' or ')}, or a typo; ${advice.inDomain(finding.domains)}`
    );
  }
  const { newestAtHand, newest } = finding;
  // Said in full whenever `farPast` is given.
  if (finding.kind === 'team') return missingTeamTechniqueText(id, target, { farPast: `${numberId(newest)} of ${newestAtHand.label}`, does })!;
  // With a newer release at hand that lacks it too, its newest technique is the one the ID is past.
  const nor = newestAtHand === target ? '' : ` nor in ${newestAtHand.label}, the newest release at hand`;
  return `${id} is not a technique in ${target.label}${nor}: its number is ${pastNewestText(finding, target, withIt)}`;
}

/**
 * Where the number of a newer ATT&CK release's ID is and what to do, as the full text and the several IDs' say it:
 * `past 18.1's newest technique (T1681), as a newer ATT&CK release's IDs are: get that release with <fetch> (…) and <withIt>`.
 */
function pastNewestText({ newestAtHand, newest }: { newestAtHand: AttackIndex; newest: number }, target: AttackIndex, withIt: string): string {
  return (
    `past ${newestAtHand.release}'s newest technique (${numberId(newest)}), as a newer ATT&CK release's IDs are: ` +
    `get that release with \`${fetchCommand(target.domain, 'N')}\` (N its number: 19 for the IDs SigmaHQ tags since ATT&CK 19) and ${withIt}`
  );
}

/** How many IDs a text on several names before counting the rest (`firstFew`). */
const IDS_NAMED = 8;

/**
 * Several IDs a release lacks said in one text (gap's note on the rules tagging IDs past the release's newest), their
 * findings grouped by kind and release, in unknownTechniqueText's words: `T1653 Power Settings is in enterprise-attack
 * 18.1, a newer release at hand: <inRelease>`; `T1685, T1686.003 are numbered past 18.1's newest technique (T1681), as a
 * newer ATT&CK release's IDs are: get that release with <fetch> (…) and <withIt>`; a team's, each as unknownTechniqueText
 * says it. `advice(many)`: the caller's words for one ID or for several (`to count it`, `to count them`); `inRelease` is
 * given the group's first ID.
 */
export function unknownTechniquesText(findings: readonly UnknownTechniqueFinding[], target: AttackIndex, advice: (many: boolean) => UnknownTechniqueAdvice): string {
  const clauses: string[] = [];
  for (const [later, group] of byRelease(ofKind(findings, 'at hand'), (finding) => finding.later)) {
    const named = group.map(({ technique }) => `${technique.id} ${fullName(later, technique)}${stateThere(technique)}`);
    clauses.push(`${firstFew(named, IDS_NAMED)} ${group.length > 1 ? 'are' : 'is'} in ${later.label}, a newer release at hand: ${advice(group.length > 1).inRelease(later, group[0]!.id)}`);
  }
  for (const [later, group] of byRelease(ofKind(findings, 'parent at hand'), (finding) => finding.later)) {
    const parents = [...new Map(group.map(({ parent }) => [parent.id, parent])).values()];
    const [many, several] = [group.length > 1, parents.length > 1];
    clauses.push(
      `${firstFew(group.map((finding) => finding.id), IDS_NAMED)} ${many ? 'are sub-techniques' : 'is a sub-technique'} no release at hand has, of ` +
        `${parents.map((parent) => `${parent.id} ${parent.name}`).join(', ')}, ${several ? 'techniques' : 'a technique'} of ${later.label}: fix the ID${many ? 's' : ''}, ` +
        `or for ${parents.map((parent) => parent.id).join(', ')} ${several ? 'themselves' : 'itself'}, ${advice(several).inRelease(later, parents[0]!.id)}`,
    );
  }
  for (const [, group] of byRelease(ofKind(findings, 'newer release'), (finding) => finding.newestAtHand)) {
    const many = group.length > 1;
    clauses.push(`${firstFew(group.map((finding) => finding.id), IDS_NAMED)} ${many ? 'are' : 'is'} numbered ${pastNewestText(group[0]!, target, advice(many).withIt)}`);
  }
  for (const finding of [...ofKind(findings, 'team'), ...ofKind(findings, 'other domain')]) clauses.push(unknownFindingText(finding.id, target, advice(false), finding));
  return clauses.join('; ');
}

/** The findings of one kind. */
function ofKind<K extends UnknownTechniqueFinding['kind']>(findings: readonly UnknownTechniqueFinding[], kind: K): Extract<UnknownTechniqueFinding, { kind: K }>[] {
  return findings.filter((finding): finding is Extract<UnknownTechniqueFinding, { kind: K }> => finding.kind === kind);
}

/** Findings grouped by the release `of` each names, in the order first met. */
function byRelease<T>(findings: readonly T[], of: (finding: T) => AttackIndex): Map<AttackIndex, T[]> {
  const groups = new Map<AttackIndex, T[]>();
  for (const finding of findings) groups.set(of(finding), [...(groups.get(of(finding)) ?? []), finding]);
  return groups;
}

/**
 * The same in a few words, for a list of many (gap's rules library tags, counted per tag): `an ATT&CK 18.1 technique,
 * T1653 Power Settings, not in 12.1: <inRelease>`, `an ID past 18.1's newest technique: of ATT&CK 19 or later, not at
 * hand (<fetch>)`; a team's, as unknownTechniqueText says it. Undefined where unknownTechniqueText is.
 */
export function unknownTechniqueBrief(id: string, target: AttackIndex, advice: UnknownTechniqueAdvice, history: ReleaseHistory | undefined = target.history): string | undefined {
  const finding = unknownTechniqueFinding(id, target, history);
  return finding && unknownFindingBrief(id, target, advice, finding);
}

/** A finding said in a few words (`unknownTechniqueBrief`, for a caller that holds the finding already). */
export function unknownFindingBrief(id: string, target: AttackIndex, advice: UnknownTechniqueAdvice, finding: UnknownTechniqueFinding): string {
  if (finding.kind === 'at hand') {
    const { technique, later } = finding;
    return `an ATT&CK ${later.release} technique, ${technique.id} ${fullName(later, technique)}${stateThere(technique)}, not in ${target.release}: ${advice.inRelease(later, finding.id)}`;
  }
  if (finding.kind === 'parent at hand') {
    const { parent, later } = finding;
    return `a sub-technique no release at hand has, of ${parent.id} ${parent.name}, an ATT&CK ${later.release} technique not in ${target.release}: fix the ID, or for ${parent.id} itself, ${advice.inRelease(later, parent.id)}`;
  }
  if (finding.kind === 'newer release') {
    const next = Number(finding.newestAtHand.release.split('.')[0]) + 1;
    return `an ID past ${finding.newestAtHand.release}'s newest technique: of ATT&CK ${next} or later, not at hand (\`${fetchCommand(target.domain, 'N')}\`)`;
  }
  return unknownFindingText(id, target, advice, finding);
}
