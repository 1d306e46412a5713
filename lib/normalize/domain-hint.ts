/**
 * Which other domain most of a report's or campaign's references are of, read without `--domain`: an ICS report read
 * as enterprise says so once, with the count, not only in each reference's note (or not at all, for the ICS wiki's
 * IDs, which only ATT&CK for ICS's names vouch for). One rule for ICS and Mobile, for extract and normalize.
 */
import type { AttackIndex } from '../attack/attack-index.js';
import type { Domain } from '../attack/types.js';
import { domainAdjective, domainArticleName } from '../attack/other-domains.js';
import { givenOption, type GivenAs } from '../errors.js';
import { firstElided } from '../short-list.js';

/** The other domain most references are of: how many of how many, and their IDs as written. */
export interface OtherDomainHint {
  domain: Domain;
  count: number;
  total: number;
  ids: string[];
}

/**
 * The other domain that holds more than half of the references: `own`, those the target's domain holds; `others`,
 * the IDs of those each other domain holds. Undefined when the target's domain holds as many or more.
 */
export function otherDomainHint(own: number, others: ReadonlyMap<Domain, readonly string[]>): OtherDomainHint | undefined {
  const total = own + [...others.values()].reduce((sum, ids) => sum + ids.length, 0);
  const [most] = [...others].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b));
  if (!most || most[1].length * 2 <= total) return undefined;
  return { domain: most[0], count: most[1].length, total, ids: [...new Set(most[1])] };
}

/**
 * `most (2 of 3) of the references ATT&CK knows are ICS techniques (T0816, T0843), not of enterprise-attack: re-run with --domain ics`,
 * the option named as `givenAs` names it (a campaign file's `domain: "ics-attack"` when none is given).
 */
export function otherDomainHintText({ domain, count, total, ids }: OtherDomainHint, target: AttackIndex, givenAs?: GivenAs): string {
  const give = givenOption(givenAs, 'domain', domain, domain.replace(/-attack$/, ''));
  const which =
    total === 1
      ? `the one reference ATT&CK knows is ${domainArticleName(domain)} technique`
      : `${count === total ? `all ${total}` : `most (${count} of ${total})`} of the references ATT&CK knows are ${domainAdjective(domain)} techniques`;
  return `${which} (${firstElided(ids)}), not of ${target.domain}: re-run with ${give}`;
}
