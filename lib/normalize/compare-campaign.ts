import type { AttackIndex } from '../attack/attack-index.js';
import { compareIds } from '../attack/index-bundle.js';
import type { ActorRecord, TechniqueId } from '../attack/types.js';
import { AttackObjectError, InputError, UsageError, type GivenAs } from '../errors.js';
import { fullName } from './resolve-reference.js';
import type { NormalizedCampaign } from './normalize-types.js';
import type { AttackObjectKind } from './attack-object-kinds.js';
import { givenIds, givenObjects, locateInOtherDomains, objectKind, objectTechniques, otherDomainComparisonError, resolveAttackObject, withOtherDomainTwins, type ResolvedObject } from './resolve-attack-object.js';

/**
 * Where a technique the campaign reports stands in ATT&CK's documentation of the object:
 * - `attributed`: ATT&CK documents the object using it;
 * - `campaign`: not the object itself but an ATT&CK campaign attributed to it (a group's), named in `campaigns`;
 * - `related`: neither, but its parent technique or one of its sub-techniques;
 * - `new`: none of these.
 */
export type ComparisonStatus = 'attributed' | 'campaign' | 'related' | 'new';

/** A technique named by its ID and full name (`Phishing: Spearphishing Attachment`). */
export interface NamedTechnique {
  id: TechniqueId;
  name: string;
}

/** An ATT&CK campaign by its ID and name (`C0024`, `SolarWinds Compromise`). */
export interface NamedCampaign {
  id: string;
  name: string;
}

/** One technique the campaign reports, compared with the object's. */
export interface ComparedTechnique extends NamedTechnique {
  status: ComparisonStatus;
  /** For `campaign`: the object's attributed campaigns that use it, by ID. */
  campaigns: NamedCampaign[];
  /**
   * For `related`: the object's techniques that are this one's parent or sub-techniques; `campaigns` names the
   * attributed campaigns that use one the object itself does not.
   */
  related: Array<NamedTechnique & { relation: 'parent' | 'sub-technique'; campaigns?: NamedCampaign[] }>;
  /** The campaign's references that resolved to it, as written. */
  reportedAs: string[];
}

/** One of the object's techniques that is not mentioned; `campaigns` when only its attributed campaigns use it. */
export interface UnmentionedTechnique extends NamedTechnique {
  campaigns?: NamedCampaign[];
}

/** A campaign's reported techniques set against an ATT&CK object's. */
export interface CampaignComparison {
  campaign: { id: string; name: string; file: string };
  attack: { domain: string; release: string };
  object: { id: string; name: string; kind: AttackObjectKind; aliases: string[] };
  /** Every technique the campaign reports (observed, not only inferred from software), by ID. */
  techniques: ComparedTechnique[];
  /** The object's techniques (its campaigns' too) that the campaign neither reports nor reports a parent or sub-technique of, by ID. */
  unmentioned: UnmentionedTechnique[];
  /**
   * The ATT&CK campaigns attributed to the object (a group) whose techniques count as the object's, status
   * `campaign`, by ID; empty for software and campaigns, or when the caller gave none.
   */
  campaigns: NamedCampaign[];
  counts: {
    reported: number;
    attributed: number;
    /** Reported techniques ATT&CK documents for an attributed campaign, not for the object itself. */
    campaign: number;
    related: number;
    new: number;
    /** Current techniques ATT&CK documents for the object. */
    object: number;
    /** Current techniques ATT&CK documents for its attributed campaigns and not for the object itself. */
    campaignOnly: number;
    unmentioned: number;
    /** Techniques the campaign only infers from the software it names, which are not compared. */
    inferredOnly: number;
  };
  /** The object's relationships to techniques that are revoked (shown as their replacement) or deprecated (left out). */
  warnings: string[];
}

function named(index: AttackIndex, id: TechniqueId): NamedTechnique {
  const record = index.technique(id);
  return { id, name: record ? fullName(index, record) : id };
}

/** A technique a campaign or layer reports, as `compareReported` takes it. */
export interface ReportedTechnique {
  id: TechniqueId;
  /** Its parent technique, for a sub-technique. */
  parent?: TechniqueId;
  /** How the campaign or layer writes it. */
  reportedAs: string[];
}

/** What `compareCampaign` and `compareLayer` take beside the object. */
export interface CompareOptions {
  /**
   * The current ATT&CK campaigns attributed to the object (a group), as `attributedCampaigns` finds them: their
   * techniques count as the object's, status `campaign`, as attack.mitre.org's group layers and mitreattack-python's
   * `get_techniques_used_by_group` count them. Default: none, the object's own techniques alone.
   */
  campaigns?: readonly ActorRecord[];
}

const campaignNamed = (campaign: ActorRecord): NamedCampaign => ({ id: campaign.id, name: campaign.name });

/**
 * Set reported techniques against those ATT&CK documents for an object: each attributed, through an attributed
 * campaign, related (a parent or sub-technique is the object's or its campaigns') or new, and the object's and its
 * campaigns' techniques none of them mentions (neither reported nor a parent or sub-technique of a reported one).
 * A technique is counted once: as the object's own when it is, else as its campaigns'. What `compareCampaign` and
 * `compareLayer` share.
 */
export function compareReported(
  reported: readonly ReportedTechnique[],
  object: ActorRecord,
  index: AttackIndex,
  options: CompareOptions = {},
): Pick<CampaignComparison, 'techniques' | 'unmentioned' | 'warnings' | 'campaigns'> & { counts: Omit<CampaignComparison['counts'], 'inferredOnly'> } {
  const { techniques: uses, warnings } = objectTechniques(object, index);
  // Techniques only the attributed campaigns use, each with the campaigns that do; the object's own come first.
  const viaCampaigns = new Map<TechniqueId, NamedCampaign[]>();
  const campaigns = [...(options.campaigns ?? [])].sort((a, b) => compareIds(a.id, b.id));
  for (const campaign of campaigns) {
    const found = objectTechniques(campaign, index);
    warnings.push(...found.warnings);
    for (const id of found.techniques.keys()) if (!uses.has(id)) viaCampaigns.set(id, [...(viaCampaigns.get(id) ?? []), campaignNamed(campaign)]);
  }
  const known = (id: TechniqueId) => uses.has(id) || viaCampaigns.has(id);
  const relatedOne = (id: TechniqueId, relation: 'parent' | 'sub-technique') => {
    const through = uses.has(id) ? undefined : viaCampaigns.get(id);
    return { ...named(index, id), relation, ...(through ? { campaigns: through } : {}) };
  };
  const techniques = reported.map((technique): ComparedTechnique => {
    const base = { ...named(index, technique.id), reportedAs: technique.reportedAs };
    if (uses.has(technique.id)) return { ...base, status: 'attributed', campaigns: [], related: [] };
    const through = viaCampaigns.get(technique.id);
    if (through) return { ...base, status: 'campaign', campaigns: through, related: [] };
    const related: ComparedTechnique['related'] = [];
    if (technique.parent && known(technique.parent)) related.push(relatedOne(technique.parent, 'parent'));
    for (const child of index.children(technique.id)) if (known(child.id)) related.push(relatedOne(child.id, 'sub-technique'));
    return { ...base, status: related.length ? 'related' : 'new', campaigns: [], related };
  });
  // A reported sub-technique mentions its parent, and a reported parent its sub-techniques, whatever their status.
  const ids = new Set(reported.map((technique) => technique.id));
  const parents = new Set(reported.flatMap((technique) => (technique.parent ? [technique.parent] : [])));
  const unmentioned = [...uses.keys(), ...viaCampaigns.keys()]
    .filter((id) => !ids.has(id) && !parents.has(id) && !ids.has(index.technique(id)?.parent ?? id))
    .sort(compareIds)
    .map((id): UnmentionedTechnique => {
      const through = viaCampaigns.get(id);
      return { ...named(index, id), ...(through ? { campaigns: through } : {}) };
    });
  const count = (status: ComparisonStatus) => techniques.filter((technique) => technique.status === status).length;
  return {
    techniques,
    unmentioned,
    campaigns: campaigns.map(campaignNamed),
    counts: {
      reported: techniques.length,
      attributed: count('attributed'),
      campaign: count('campaign'),
      related: count('related'),
      new: count('new'),
      object: uses.size,
      campaignOnly: viaCampaigns.size,
      unmentioned: unmentioned.length,
    },
    warnings,
  };
}

/**
 * Compare the techniques a normalized campaign reports with those ATT&CK documents for a group, software or
 * campaign: which are already attributed to it, which through the campaigns attributed to it (`options.campaigns`),
 * which only through a parent or sub-technique, which are new, and which of the object's the campaign does not mention. Techniques only inferred from the campaign's software are
 * ATT&CK's own documentation, not the report's, so they are counted but not compared.
 * @throws InputError when the campaign was normalized against another release than `index`.
 */
export function compareCampaign(result: NormalizedCampaign, object: ActorRecord, index: AttackIndex, options: CompareOptions = {}): CampaignComparison {
  if (result.attack.domain !== index.domain || result.attack.release !== index.release) {
    throw new InputError(
      `${result.file}: campaign ${result.id} was normalized against ATT&CK ${result.attack.domain} ${result.attack.release}, ` +
        `not ${index.label}: compare it with objects of the same release`,
      { file: result.file },
    );
  }
  const reported = result.techniques.filter((technique) => technique.observed);
  const compared = compareReported(
    reported.map((technique) => ({
      id: technique.id,
      ...(technique.parent ? { parent: technique.parent } : {}),
      reportedAs: [...new Set(technique.references.map((i) => result.references[i]!).filter((r) => r.status !== 'inferred').map((r) => r.raw.replace(/\s+/g, ' ').trim()))],
    })),
    object,
    index,
    options,
  );
  return {
    campaign: { id: result.id, name: result.name, file: result.file },
    attack: { domain: index.domain, release: index.release },
    object: comparedObject(object),
    techniques: compared.techniques,
    unmentioned: compared.unmentioned,
    campaigns: compared.campaigns,
    counts: { ...compared.counts, inferredOnly: result.techniques.length - reported.length },
    warnings: compared.warnings,
  };
}

/** An object as a comparison names it. */
export function comparedObject(object: ActorRecord): CampaignComparison['object'] {
  return { id: object.id, name: object.name, kind: objectKind(object), aliases: [...object.aliases] };
}

/** The objects to compare a campaign with, and where they were named. */
export interface ComparisonTargets {
  objects: ResolvedObject[];
  /** `given`: by the caller (`--with`); `compare_with` or `actor`: by the campaign file. */
  from: 'given' | 'compare_with' | 'actor';
}

/**
 * The ATT&CK objects a campaign is to be compared with: the ones given, else the campaign's `compare_with`, else
 * its actor. `givenAs` names `given` in messages (the CLI's `--with`; see `givenObjects`). `otherReleases` (the
 * campaign's `CampaignReleases`') lets a name of the file that another domain has say so (APT29, enterprise's, in an
 * ICS campaign), not "check the spelling".
 * @throws UsageError when there are none; AttackObjectError (naming the campaign file and line for names
 * from the file) when one cannot be resolved.
 */
export function comparisonTargets(
  result: NormalizedCampaign,
  index: AttackIndex,
  given: readonly string[] = [],
  givenAs?: GivenAs,
  otherReleases?: () => readonly AttackIndex[],
): ComparisonTargets {
  const { campaign } = result;
  const entries = given.length
    ? given.map((ref) => ({ ref, line: undefined as number | undefined, field: undefined as string | undefined }))
    : campaign.compareWith?.length
      ? campaign.compareWith.map((entry) => ({ ref: entry.ref, line: entry.line, field: 'compare_with' }))
      : campaign.actor
        ? [{ ref: campaign.actor.ref, line: campaign.actor.line, field: 'actor' }]
        : [];
  if (!entries.length) {
    throw new UsageError(
      `${result.file}: nothing to compare campaign ${result.id} with: pass ${givenObjects(givenAs)}, ` +
        'or give the campaign file a compare_with list or an actor',
    );
  }
  const objects = entries.map(({ ref, line, field }) => {
    try {
      // The actor field names a group; compare_with and --with may name any kind.
      // Nor does either take a kind: a name of several objects (Carbanak: G0008, S0030) is written as one's ID.
      const writeId = field === undefined ? givenIds(givenAs) : (ids: readonly string[]) => `write the ATT&CK ID in ${field}: ${ids.join(' or ')}`;
      const found = resolveAttackObject(index, ref, { ...(field === 'actor' ? { kind: 'group' as const } : { writeId }), ...(givenAs ? { givenAs } : {}) });
      // A deprecated object compares as empty: the note names a current namesake of another domain (Triton: ICS's S1009).
      return otherReleases ? withOtherDomainTwins(found, index, otherReleases, givenAs) : found;
    } catch (error) {
      if (!(error instanceof AttackObjectError) || field === undefined) throw error;
      const place = `${result.file}: ${line !== undefined ? `line ${line}, ` : ''}${field}: `;
      const found = otherReleases && locateInOtherDomains(otherReleases, ref, index);
      throw found ? otherDomainComparisonError(found, index, 'campaign', place) : new AttackObjectError(error.query, error.candidates, place + error.message);
    }
  });
  return { objects, from: given.length ? 'given' : campaign.compareWith?.length ? 'compare_with' : 'actor' };
}
