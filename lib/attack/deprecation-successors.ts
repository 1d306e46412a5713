/**
 * Where a deprecated technique's content went, as its description says: the one reading that validate, upgrade and
 * `technique` share. A deprecated technique has no replacement in the data; its description (the deprecation notice,
 * else the old text) links to other techniques, which may be of another domain: mobile T1476's links are enterprise
 * T1566.001 and T1566.002, which Navigator drops from a mobile layer, so they are named as such and never proposed as
 * a place to move an annotation.
 */
import type { AttackIndex } from './attack-index.js';
import type { TechniqueRecord } from './types.js';
import { domainAdjective, type OtherDomainLookup, type OtherDomainTechnique } from './other-domains.js';

/** What a deprecated technique's description points to. */
export interface DeprecationSuccessors {
  /** Current techniques of its own release (a revoked one followed to its replacement, a deprecated one dropped). */
  current: TechniqueRecord[];
  /** Techniques of other domains: not a place for an annotation of this domain. */
  otherDomains: OtherDomainTechnique[];
}

/** The current technique an ID stands for in a release: itself, or the end of its revocation chain. */
export function currentOf(index: AttackIndex, id: string): TechniqueRecord | undefined {
  const record = index.technique(id);
  const final = record?.revoked ? index.revocationChain(record).final : record;
  return final && !final.deprecated ? final : undefined;
}

/** Read a deprecated technique's pointers in its release, and in the other domains when `otherDomains` is given. */
export function deprecationSuccessors(record: TechniqueRecord, index: AttackIndex, otherDomains?: OtherDomainLookup): DeprecationSuccessors {
  const current = new Map<string, TechniqueRecord>();
  const foreign = new Map<string, OtherDomainTechnique>();
  for (const pointer of record.deprecationPointers ?? []) {
    if (index.technique(pointer)) {
      const found = currentOf(index, pointer);
      if (found) current.set(found.id, found);
      continue;
    }
    const other = otherDomains?.(pointer);
    if (other) foreign.set(other.id, other);
  }
  return { current: [...current.values()], otherDomains: [...foreign.values()] };
}

function listed(items: ReadonlyArray<{ id: string; name: string }>): string {
  return items.map((item) => `${item.id} (${item.name})`).join(', ');
}

/**
 * `its description points to T1059 (Command and Scripting Interpreter)`; other domains' techniques are named with
 * their domain, not in `domain`: `its description points only to Enterprise techniques T1566.001 (…), T1566.002 (…),
 * not in mobile-attack`; `its description names no successor`.
 */
export function successorsText(found: DeprecationSuccessors, domain: string): string {
  const byDomain = new Map<string, OtherDomainTechnique[]>();
  for (const other of found.otherDomains) byDomain.set(other.domain, [...(byDomain.get(other.domain) ?? []), other]);
  const others = [...byDomain.values()]
    .map((list) => `${domainAdjective(list[0]!.domain)} technique${list.length === 1 ? '' : 's'} ${listed(list)}`)
    .join(' and ');
  if (found.current.length) {
    return `its description points to ${listed(found.current)}${others ? `, and to ${others}, not in ${domain}` : ''}`;
  }
  return others ? `its description points only to ${others}, not in ${domain}: no successor in this domain` : 'its description names no successor';
}

/**
 * How a deprecated technique is said, by normalize for a reference and by validate for a layer entry: `T1475 Deliver
 * Malicious App via Authorized App Store is deprecated in ATT&CK 18.1 and has no replacement; its description points
 * to T1407 (…), T1406 (…): write the one that fits`. `release` names the release as the caller says it (`ATT&CK 18.1`,
 * `mobile-attack 18.1`); the advice after the colon comes only when the description points to techniques of `domain`.
 */
export function deprecatedTechniqueText(subject: string, release: string, found: DeprecationSuccessors, domain: string): string {
  return `${subject} is deprecated in ${release} and has no replacement; ${successorsText(found, domain)}${found.current.length ? ': write the one that fits' : ''}`;
}
