/**
 * The ATT&CK domain of a gap review. Every input that states a domain (a layer's `domain`, a campaign's `domain`)
 * must state the same one, and `--domain` must agree with it: a mobile layer reviewed against enterprise ATT&CK
 * would report its IDs as unknown. Inputs that state none are read in that domain.
 */
import type { Domain } from '../attack/types.js';
import { givenName, givenOption, InputError, UsageError, type GivenAs } from '../errors.js';

/** A domain an input states, and the input. */
export interface DomainStatement {
  domain: Domain;
  source: string;
}

/** The domain a review runs in, and what set it. */
export interface ReviewDomain {
  domain: Domain;
  /**
   * `--domain` (given), the threat inputs that state it, the threat layers that state none but whose technique IDs
   * are all ICS IDs (`technique-ids`, as `unstatedLayerDomain` reads a layer), or the default (enterprise-attack).
   */
  basis: 'given' | 'stated' | 'technique-ids' | 'default';
  /** The threat inputs that state it (basis `stated`), or the layers whose IDs tell it (basis `technique-ids`). */
  sources: string[];
}

/** A domain as the CLI's `--domain` takes it: `mobile` for mobile-attack. */
function shortName(domain: Domain): string {
  return domain.replace(/-attack$/, '');
}

/** `mobile-attack (a.json, b.json); enterprise-attack (c.yaml)`. */
function byDomain(statements: readonly DomainStatement[]): string {
  const groups = new Map<Domain, string[]>();
  for (const { domain, source } of statements) groups.set(domain, [...new Set([...(groups.get(domain) ?? []), source])]);
  return [...groups].map(([domain, sources]) => `${domain} (${sources.join(', ')})`).join('; ');
}

/**
 * The review's domain from what the threat inputs state and `--domain` (`given`); when neither says, the domain
 * `unstated` reads from the technique IDs of the threat layers that state none, else enterprise-attack.
 * `givenAs` names `given` in messages (`domain`; the CLI's `--domain`).
 * @throws InputError naming the files when threat inputs state different domains; UsageError when `given`
 * disagrees with a domain an input states.
 */
export function threatDomain(statements: readonly DomainStatement[], given?: Domain, unstated?: { domain: Domain; sources: string[] }, givenAs?: GivenAs): ReviewDomain {
  const domains = new Set(statements.map((statement) => statement.domain));
  if (given !== undefined) {
    const other = statements.filter((statement) => statement.domain !== given);
    if (other.length) {
      throw new UsageError(
        `${givenOption(givenAs, 'domain', given)} disagrees with the domain the threat input states: ${byDomain(other)}; ` +
          `leave ${givenName(givenAs, 'domain')} out to review in the inputs' domain, or give inputs of ${given}`,
      );
    }
    return { domain: given, basis: 'given', sources: [] };
  }
  if (domains.size > 1) throw new InputError(`the threat inputs are of different ATT&CK domains: ${byDomain(statements)}; review one domain at a time`);
  const [domain] = domains;
  if (domain === undefined && unstated) return { ...unstated, basis: 'technique-ids' };
  if (domain === undefined) return { domain: 'enterprise-attack', basis: 'default', sources: [] };
  return { domain, basis: 'stated', sources: [...new Set(statements.map((statement) => statement.source))] };
}

/**
 * Check that a coverage input states the review's domain, if it states one. `givenAs` names `domain` (the CLI's `--domain`).
 * @throws UsageError when it disagrees with `domain`; InputError when it disagrees with the threat or the default.
 */
export function assertCoverageDomain(statement: DomainStatement, review: ReviewDomain, givenAs?: GivenAs): void {
  if (statement.domain === review.domain) return;
  const what = `coverage ${statement.source} is ${statement.domain}`;
  if (review.basis === 'given') throw new UsageError(`${what}, but ${givenName(givenAs, 'domain')} is ${review.domain}; review coverage of the threat's domain`);
  if (review.basis === 'technique-ids') {
    throw new InputError(
      `${what}, the threat is ${review.domain} (${review.sources.join(', ')}: no domain stated, and its technique IDs are all ICS IDs); review coverage of the threat's domain, or state the threat layer's "domain"`,
      { file: statement.source },
    );
  }
  if (review.basis === 'stated') {
    throw new InputError(`${what}, the threat is ${review.domain} (${review.sources.join(', ')}); review coverage of the threat's domain`, { file: statement.source });
  }
  throw new InputError(
    `${what}, the review is ${review.domain} (no threat input states a domain, and ${givenName(givenAs, 'domain')} was not given); ` +
      `pass ${givenOption(givenAs, 'domain', statement.domain, shortName(statement.domain))} if the threat is ${statement.domain}`,
    { file: statement.source },
  );
}

/** `enterprise-attack (layer 1); mobile-attack (layer 2)`: the domain each layer of a file states. */
function layerDomainsText(layers: readonly { domain?: Domain; source: string }[], file: string): string {
  const place = (source: string) => /\((layer \d+)\)$/.exec(source)?.[1] ?? source.replace(`${file} `, '');
  return byDomain(layers.flatMap((layer) => (layer.domain ? [{ domain: layer.domain, source: place(layer.source) }] : [])));
}

/** True when the layers of one file state more than one domain (a Navigator file of an enterprise and a mobile layer). */
export function ofSeveralDomains(layers: readonly { domain?: Domain }[]): boolean {
  return new Set(layers.flatMap((layer) => (layer.domain ? [layer.domain] : []))).size > 1;
}

/**
 * The layers of one file of several domains that a review of `domain` reads: those that state it or none. Each other
 * is left out with a line saying so, for the review's notes. Undefined when no layer of the file states `domain`: the
 * file is then of another domain than the review, which the caller refuses as it refuses such a file of one layer.
 * `givenAs` names `domain` in those lines (the CLI's `--domain`).
 */
export function layersOfDomain<T extends { domain?: Domain; source: string }>(
  layers: readonly T[],
  domain: Domain,
  role: 'threat' | 'coverage',
  givenAs?: GivenAs,
): { kept: T[]; leftOut: string[] } | undefined {
  if (!layers.some((layer) => layer.domain === domain)) return undefined;
  const kept = layers.filter((layer) => !layer.domain || layer.domain === domain);
  const leftOut = layers
    .filter((layer) => layer.domain && layer.domain !== domain)
    .map(
      (layer) =>
        `${layer.source}: a ${role} layer of ${layer.domain}, left out of this review of ${domain} (the file's layers of ${domain} were read); ` +
        `review it with ${givenOption(givenAs, 'domain', layer.domain!, shortName(layer.domain!))}${role === 'coverage' ? ` against a threat of ${layer.domain}` : ''}`,
    );
  return { kept, leftOut };
}

/**
 * Why a threat file whose layers are of several domains cannot be read when nothing else says the review's domain:
 * each layer's domain, and how to choose one (`givenAs` names `domain`: the CLI's `--domain`).
 */
export function severalDomainsError(file: string, layers: readonly { domain?: Domain; source: string }[], givenAs?: GivenAs): InputError {
  const domains = [...new Set(layers.flatMap((layer) => (layer.domain ? [layer.domain] : [])))];
  return new InputError(
    `${file}: its layers are of different ATT&CK domains: ${layerDomainsText(layers, file)}, and no other threat input or ${givenName(givenAs, 'domain')} says which to review; ` +
      `pass ${domains.map((domain) => givenOption(givenAs, 'domain', domain, shortName(domain))).join(' or ')} to review that domain's layers (the others are left out, each named), ` +
      'or give each domain\'s layers in a file of their own',
    { file },
  );
}
