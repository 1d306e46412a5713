/**
 * The ATT&CK domain a layer states, read as Navigator reads it (`mitre-mobile` is mobile-attack), and the one
 * wording for a domain no release has: PRE-ATT&CK's `pre-attack`, or a name that was never a domain.
 */
import { DOMAINS, type Domain } from '../attack/types.js';
import { InputError } from '../errors.js';
import { currentDomainName } from './layer-format.js';

/**
 * Why a layer's `domain` names no ATT&CK domain, and what to do: the text after `/domain: `. PRE-ATT&CK's techniques
 * did not move with their IDs, so the advice is to re-map them, not to relabel the layer.
 */
export function domainRefusalText(domain: unknown): string {
  if (domain === 'pre-attack') {
    return (
      '"pre-attack" is PRE-ATT&CK, retired in ATT&CK 8 (October 2020): Enterprise\'s Reconnaissance (TA0043) and Resource Development ' +
      '(TA0042) tactics took its place with new technique IDs, and PRE-ATT&CK IDs do not carry over; re-map the entries to ' +
      'enterprise-attack techniques and set "domain": "enterprise-attack"'
    );
  }
  return `${JSON.stringify(domain)} is not an ATT&CK domain (${DOMAINS.join(', ')})`;
}

/**
 * The domain a layer states, old names (`mitre-enterprise`) read as current ones; undefined when it states none.
 * @throws InputError naming `where` for a domain that is not an ATT&CK domain (`pre-attack` included).
 */
export function statedLayerDomain(layer: Readonly<Record<string, unknown>>, where: string, file?: string): Domain | undefined {
  const stated = layer['domain'];
  if (stated === undefined || stated === null) return undefined;
  const domain = currentDomainName(stated);
  if (typeof domain === 'string' && (DOMAINS as readonly string[]).includes(domain)) return domain as Domain;
  throw new InputError(`${where}: /domain: ${domainRefusalText(stated)}`, { file });
}
