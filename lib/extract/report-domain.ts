/**
 * The domain a report read without `--domain` is of: a report whose IDs are all ATT&CK for ICS IDs (T0859, T0889) or all
 * Mobile ones is read in that domain, as `gap`, `validate` and `upgrade` read a layer of ICS IDs that states none.
 */
import type { AttackIndex } from '../attack/attack-index.js';
import type { Domain } from '../attack/types.js';
import type { ResolveContext } from '../normalize/resolve-reference.js';
import type { ReportReference } from './extract-report.js';
import { givenOption, type GivenAs } from '../errors.js';
import { domainAdjective } from '../attack/other-domains.js';
import { firstElided } from '../short-list.js';

/** Statuses of a reference the target's release holds (an ID it knows, or knew under another name). */
const OWN_STATUSES: ReadonlySet<string> = new Set(['current', 'revoked', 'deprecated', 'renamed']);

/** How a report's IDs fall: how many the target holds, and, of those another domain holds, which IDs, by domain. */
export interface ReportDomainCounts {
  own: number;
  others: Map<Domain, string[]>;
}

/** The references with an ID that the target holds (`own`), and those another domain holds, by domain (`others`). */
export function reportDomainCounts(references: readonly ReportReference[], releases: ResolveContext): ReportDomainCounts {
  const others = new Map<Domain, string[]>();
  let own = 0;
  for (const ref of references) {
    const id = ref.ids[0];
    if (id === undefined) continue;
    if (OWN_STATUSES.has(ref.resolution?.status ?? '')) own++;
    if (ref.resolution?.status !== 'other domain') continue;
    const found = releases.otherDomains?.(id);
    if (found) others.set(found.domain, [...(others.get(found.domain) ?? []), id]);
  }
  return { own, others };
}

/** A report's domain read from its IDs: the other domain's, with its IDs, when the target holds none and one other domain holds them all. */
export interface InferredDomain {
  domain: Domain;
  ids: string[];
}

/**
 * The domain a report read in `releases.target`'s domain is of when none is given: another domain when the target holds
 * none of its IDs and that domain holds every one another domain holds (IDs no domain holds, typos, aside). A report of
 * both (an OT report citing Enterprise techniques beside ICS ones), or of IDs of two other domains, stays in the target's.
 */
export function inferredReportDomain(references: readonly ReportReference[], releases: ResolveContext): InferredDomain | undefined {
  const { own, others } = reportDomainCounts(references, releases);
  if (own > 0 || others.size !== 1) return undefined;
  const [domain, ids] = [...others][0]!;
  return { domain, ids: [...new Set(ids)] };
}

/**
 * The note saying so, in `gap`'s words for a layer of ICS IDs (`unstatedDomainText`): `read as "ics-attack", since its
 * technique IDs are all ICS IDs (T0859, T0889; none is in enterprise-attack 18.1); give --domain enterprise to read it as
 * enterprise-attack`, as the CLI says it, `givenAs` its flag words).
 */
export function inferredDomainText({ domain, ids }: InferredDomain, target: AttackIndex, whose: 'its' | 'their' = 'its', givenAs?: GivenAs): string {
  // `givenAs`: the CLI names its flag (`--domain enterprise`), a program the option it passes (`domain: 'enterprise-attack'`).
  const give = givenOption(givenAs, 'domain', target.domain, target.domain.replace(/-attack$/, ''));
  return `read as "${domain}", since ${whose} technique IDs are all ${domainAdjective(domain)} IDs (${firstElided(ids)}; none is in ${target.label}); give ${give} to read ${whose === 'its' ? 'it' : 'them'} as ${target.domain}`;
}
