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
import { ICS_WIKI_RULE } from '../normalize/resolve-reference.js';
import { otherDomainHint, otherDomainHintText } from '../normalize/domain-hint.js';

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

/** A word shaped as an ID of ATT&CK for ICS's first wiki (`T816`), which only a reading in ATT&CK for ICS may take. */
const ICS_WIKI_WORD = /(?<![\p{L}\p{N}.,:/_-])T8\d\d(?![\p{L}\p{N}]|[.,]\p{N})/u;

/** Whether a report's text has words that may be the ICS wiki's IDs: worth reading it in ATT&CK for ICS to see. */
export function mayCiteIcsWikiIds(text: string): boolean {
  return ICS_WIKI_WORD.test(text);
}

/**
 * What to say of a report read in `releases.target`'s domain (no `--domain` given) most of whose references are ICS
 * techniques written with the ICS wiki's IDs (`T816: Device Restart/Shutdown`), which that reading cannot take:
 * `icsReferences` are the same report's references read in ATT&CK for ICS, whose wiki IDs count beside the ICS IDs the
 * target's reading found (otherDomainHint). Undefined when they are not most, or there are none.
 */
export function icsWikiDomainHint(references: readonly ReportReference[], icsReferences: readonly ReportReference[], releases: ResolveContext, givenAs?: GivenAs): string | undefined {
  const wiki = icsReferences.filter((ref) => ref.resolution?.trail.some((step) => step.includes(ICS_WIKI_RULE))).flatMap((ref) => ref.ids.slice(0, 1));
  if (!wiki.length || releases.target.domain === 'ics-attack') return undefined;
  const { own, others } = reportDomainCounts(references, releases);
  others.set('ics-attack', [...(others.get('ics-attack') ?? []), ...wiki]);
  const hint = otherDomainHint(own, others);
  // The wiki's ID is the ICS ID without its 0 (T816 for T0816).
  const example = `${wiki[0]!.replace(/^T0/, 'T')} for ${wiki[0]!}`;
  return hint && `${otherDomainHintText(hint, releases.target, givenAs)} (${wiki.length} written with the ICS wiki's IDs, ${example}, which only ATT&CK for ICS reads)`;
}
