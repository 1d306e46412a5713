/**
 * Technique IDs of another ATT&CK domain in a layer: an enterprise layer holding T0800 (ICS) or T1406 (mobile).
 * Navigator drops such an entry silently, like an ID that does not exist; the domains' IDs do not overlap, so the ID
 * alone says where it belongs, and the finding or report can say so instead of "unknown".
 */
import type { AttackIndex } from './attack-index.js';
import type { TechniqueRecord } from './types.js';
import type { AttackLibrary } from './load.js';
import { DOMAINS, type Domain } from './types.js';
import { AttackDataError } from '../errors.js';

/** A technique of another domain than the layer's. */
export interface OtherDomainTechnique {
  id: string;
  name: string;
  /** The name with its parent's before it (`Phishing: Spearphishing Attachment`); the name alone for a technique. */
  fullName: string;
  domain: Domain;
  /** The release it was found in, e.g. `ics-attack 18.1`. */
  label: string;
}

/** Finds the technique an ID is in another domain, or undefined. */
export type OtherDomainLookup = (id: string) => OtherDomainTechnique | undefined;

/** Finds the current techniques of other domains whose exact name (case and spacing aside) a name is. */
export type OtherDomainNameLookup = (name: string) => OtherDomainTechnique[];

const DOMAIN_NAMES: Readonly<Record<Domain, string>> = { 'enterprise-attack': 'an Enterprise', 'mobile-attack': 'a Mobile', 'ics-attack': 'an ICS' };

/**
 * A lookup of technique IDs in the releases of the domains other than `domain`. `release` gives the release of a
 * domain (undefined when none is available); it is asked only when an ID is looked up, once per domain.
 */
export function otherDomainLookup(domain: string, release: (domain: Domain) => AttackIndex | undefined): OtherDomainLookup {
  return otherDomainLookupIn(otherDomainReleases(domain, release));
}

/** A lookup of technique IDs in the releases `releases` gives. */
export function otherDomainLookupIn(releases: () => readonly AttackIndex[]): OtherDomainLookup {
  return (id) => {
    for (const index of releases()) {
      const record = index.technique(id);
      if (record) return otherDomainTechnique(index, record);
    }
    return undefined;
  };
}

/**
 * A lookup of names in the releases `releases` gives: the current techniques so named (mobile T1634 for `Credentials
 * from Password Store`), with their name in full, `Parent: Sub`, read too.
 */
export function otherDomainNamesIn(releases: () => readonly AttackIndex[]): OtherDomainNameLookup {
  return (name) =>
    releases().flatMap((index) =>
      index
        .techniquesByName(name)
        .filter((record) => !record.revoked && !record.deprecated)
        .map((record) => otherDomainTechnique(index, record)),
    );
}

function otherDomainTechnique(index: AttackIndex, record: TechniqueRecord): OtherDomainTechnique {
  const parent = record.parent ? index.technique(record.parent) : undefined;
  return { id: record.id, name: record.name, fullName: parent ? `${parent.name}: ${record.name}` : record.name, domain: index.domain, label: index.label };
}

/** The release `release` gives of each domain other than `domain` (none for a domain it has none of), asked once, on first call. */
function otherDomainReleases(domain: string, release: (domain: Domain) => AttackIndex | undefined): () => readonly AttackIndex[] {
  let releases: AttackIndex[] | undefined;
  return () => (releases ??= DOMAINS.filter((other) => other !== domain).flatMap((other) => release(other) ?? []));
}

/** The newest release of each domain other than `domain` in a library (a domain it has none of is skipped), loaded on first call. */
export function libraryOtherReleases(library: AttackLibrary, domain: string): () => readonly AttackIndex[] {
  return otherDomainReleases(domain, (other) => {
    try {
      return library.release(other);
    } catch (error) {
      if (error instanceof AttackDataError) return undefined;
      throw error;
    }
  });
}

/** `otherDomainLookup` over the newest release of each other domain in a library (a domain it has none of is skipped). */
export function libraryOtherDomains(library: AttackLibrary, domain: string): OtherDomainLookup {
  return otherDomainLookupIn(libraryOtherReleases(library, domain));
}

/** `Enterprise`, `Mobile`, `ICS`: a domain as an adjective. */
export function domainAdjective(domain: Domain): string {
  return DOMAIN_NAMES[domain].replace(/^an? /, '');
}

/** A domain's name with its article, as a technique of it is called: `an ICS`, `a Mobile`. */
export function domainArticleName(domain: Domain): string {
  return DOMAIN_NAMES[domain];
}

/** `an ICS technique (Activate Firmware Update Mode in ics-attack 18.1)`; with `withId`, `an ICS technique T0800 (…)`. */
export function otherDomainTechniqueText(found: OtherDomainTechnique, withId = false): string {
  return `${DOMAIN_NAMES[found.domain]} technique${withId ? ` ${found.id}` : ''} (${found.name} in ${found.label})`;
}

/**
 * What to do with another domain's technique written in a campaign: `set \`domain: ics-attack\` for an ICS campaign, or
 * keep ICS techniques in a campaign of their own` (the domains' IDs do not overlap, so one campaign holds one domain).
 */
export function otherDomainCampaignAdvice(found: OtherDomainTechnique): string {
  const adjective = domainAdjective(found.domain);
  return `set \`domain: ${found.domain}\` for ${DOMAIN_NAMES[found.domain]} campaign, or keep ${adjective} techniques in a campaign of their own`;
}

/**
 * The same for an ID numbered as the techniques of other domains are (`UnknownTechniqueAdvice.inDomain`: enterprise's
 * T1685 in an ICS campaign): `set \`domain: enterprise-attack\` or \`domain: mobile-attack\` for a campaign of that domain, …`.
 */
export function campaignInDomain(domains: readonly Domain[]): string {
  const adjectives = domains.map(domainAdjective).join(' or ');
  return `set ${domains.map((domain) => `\`domain: ${domain}\``).join(' or ')} for a campaign of that domain, or keep ${adjectives} techniques in a campaign of their own`;
}

/** What to do with a layer's entry numbered as the techniques of other domains are: `annotate it in a layer of enterprise-attack or mobile-attack`. */
export function annotateInDomain(domains: readonly Domain[]): string {
  return `annotate it in a layer of ${domains.join(' or ')}`;
}

/**
 * What to do with another domain's technique in a report being extracted: `run extract with --domain ics for an ICS
 * report, or keep ICS techniques in a campaign of their own`.
 */
export function otherDomainExtractAdvice(found: OtherDomainTechnique): string {
  return `run extract with --domain ${found.domain.replace(/-attack$/, '')} for ${DOMAIN_NAMES[found.domain]} report, or keep ${domainAdjective(found.domain)} techniques in a campaign of their own`;
}

/** What to do with another domain's technique in a gap review: `left out of this review; review it against ics-attack`. */
export function otherDomainReviewAdvice(found: OtherDomainTechnique): string {
  return reviewInDomain([found.domain]);
}

/** The same for an ID numbered as the techniques of other domains are (enterprise's T1685 in an ICS review): `…; review it against enterprise-attack or mobile-attack`. */
export function reviewInDomain(domains: readonly Domain[]): string {
  return `left out of this review; review it against ${domains.join(' or ')}`;
}

/** `an ICS technique (Activate Firmware Update Mode in ics-attack 18.1); this layer is enterprise-attack`. */
export function otherDomainText(found: OtherDomainTechnique, layerDomain: string): string {
  return `${otherDomainTechniqueText(found)}; this layer is ${layerDomain}`;
}

/**
 * What to say of a layer whose every entry (its technique IDs, `ids`) is a technique of one other domain (an ICS layer
 * stating enterprise-attack): its domain is wrong, not each ID; undefined for any other layer. `upgrade` and
 * `validate` say it once, beside each entry's own finding.
 */
export function otherDomainLayerText(ids: readonly string[], target: AttackIndex, otherDomains: OtherDomainLookup | undefined): string | undefined {
  const domain = otherDomainOfAll(ids, target, otherDomains);
  if (!domain) return undefined;
  return (
    `every entry (${ids.length}) is a technique of ${domain}, none of ${target.domain}: the layer's domain is likely wrong; ` +
    `set "domain": "${domain}" and upgrade it again`
  );
}

/**
 * The one other domain every technique ID of `ids` belongs to (ICS T0855 and T0843 in an enterprise review), none
 * being the target's; undefined when some ID is the target's, or the IDs are of several domains or none.
 */
export function otherDomainOfAll(ids: readonly string[], target: AttackIndex, otherDomains: OtherDomainLookup | undefined): Domain | undefined {
  if (!ids.length || ids.some((id) => target.technique(id))) return undefined;
  const domains = new Set(ids.map((id) => otherDomains?.(id)?.domain));
  const [domain] = domains;
  return domains.size === 1 ? domain : undefined;
}
