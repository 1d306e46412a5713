/** The ATT&CK domain a layer states, read as Navigator reads it (`mitre-mobile` is mobile-attack). */
import { DOMAINS, type Domain } from '../attack/types.js';
import { InputError } from '../errors.js';
import { atlasMessage, currentDomainName, isAtlasLayer } from './layer-format.js';

/**
 * The domain a layer states, old names (`mitre-enterprise`) read as current ones; undefined when it states none.
 * Refuse PRE-ATT&CK layers first (`assertNotPreAttack`), for its own message.
 * @throws InputError naming `where` for a domain that is not an ATT&CK domain.
 */
export function statedLayerDomain(layer: Readonly<Record<string, unknown>>, where: string, file?: string): Domain | undefined {
  const stated = layer['domain'];
  if (stated === undefined || stated === null) return undefined;
  const domain = currentDomainName(stated);
  if (typeof domain === 'string' && (DOMAINS as readonly string[]).includes(domain)) return domain as Domain;
  if (isAtlasLayer(layer)) throw new InputError(`${where}: /domain: ${atlasMessage(layer)}`, { file });
  throw new InputError(`${where}: /domain: ${JSON.stringify(stated)} is not an ATT&CK domain (${DOMAINS.join(', ')})`, { file });
}
