import { AttackDataError, inGivenDataWords, NotAReleaseError, withGivenInputs, type GivenAs } from '../errors.js';
import {
  ATTACK_SOURCE_NAMES,
  DOMAINS,
  INDEX_FORMAT,
  type ActorRecord,
  type AttackIndexData,
  type Domain,
  type ReleaseSource,
  type StixId,
  type StixVersion,
  type TacticRecord,
  type TechniqueId,
  type TechniqueRecord,
} from './types.js';
import type { Building } from './building.js';
import { compareText } from '../compare-text.js';
import { NAMED_IN_NOTE, notMitreText } from './not-mitre-text.js';
import { firstFew } from '../short-list.js';
import { isReleaseVersion } from './release-files.js';
import { isIndexedTechniqueId, parentTechniqueId, TECHNIQUE_ID_FORMAT } from './technique-id.js';

/** What the caller knows about a bundle that the bundle may not say itself (STIX 2.0 bundles name no release). */
export interface BundleHints {
  domain?: Domain;
  release?: string;
  source: ReleaseSource;
  /** How errors name the CLI's commands and flags (`attack-layers data fetch`, `--attack-release`): see `inGivenDataWords`. */
  givenAs?: GivenAs;
}

/** The fields of a STIX object that indexing reads. */
export interface StixObject {
  type: string;
  id: string;
  name?: string;
  description?: string;
  revoked?: boolean;
  x_mitre_deprecated?: boolean;
  spec_version?: string;
  modified?: string;
  external_references?: { source_name?: string; external_id?: string; url?: string }[];
  kill_chain_phases?: { kill_chain_name?: string; phase_name?: string }[];
  x_mitre_platforms?: string[];
  x_mitre_is_subtechnique?: boolean;
  x_mitre_shortname?: string;
  x_mitre_version?: string;
  x_mitre_domains?: string[];
  tactic_refs?: string[];
  aliases?: string[];
  x_mitre_aliases?: string[];
  first_seen?: string;
  last_seen?: string;
  created_by_ref?: string;
  relationship_type?: string;
  source_ref?: string;
  target_ref?: string;
  x_mitre_analytic_refs?: string[];
  x_mitre_log_source_references?: { name?: string; channel?: string }[];
}

const KILL_CHAIN_NAMES: Readonly<Record<Domain, string>> = {
  'enterprise-attack': 'mitre-attack',
  'mobile-attack': 'mitre-mobile-attack',
  'ics-attack': 'mitre-ics-attack',
};

const COLLECTION_NAMES: ReadonlyArray<readonly [RegExp, Domain]> = [
  [/enterprise/i, 'enterprise-attack'],
  [/mobile/i, 'mobile-attack'],
  [/ics/i, 'ics-attack'],
];

// Deprecated techniques say where their content went in prose, with links such as
// attack.mitre.org/techniques/T1059 or /techniques/T1059/001, and sometimes as bare IDs.
const POINTER_PATTERN = /techniques\/(T\d{4})(?:\/(\d{3}))?|\b(T\d{4}(?:\.\d{3})?)\b/g;

/**
 * Index a parsed STIX bundle (2.0 or 2.1, any ATT&CK domain) into the compact form the rest of the tool uses.
 * Pure: no I/O. @throws NotAReleaseError when the value is not a STIX bundle, AttackDataError when it is no ATT&CK bundle or its release cannot be told.
 */
export function indexBundle(bundle: unknown, hints: BundleHints): AttackIndexData {
  return withGivenInputs(() => indexBundleData(bundle, hints), hints.givenAs, inGivenDataWords);
}

function indexBundleData(bundle: unknown, hints: BundleHints): AttackIndexData {
  const file = hints.source.file;
  if (!isBundle(bundle)) {
    throw new NotAReleaseError(
      `${file}: not a STIX bundle (expected a JSON object with "type": "bundle" and an "objects" array); ` +
        'use an ATT&CK release file such as enterprise-attack-18.1.json',
      { file },
    );
  }
  const notes: string[] = [];
  const envelope: unknown = bundle;
  if (isTaxiiEnvelope(envelope)) {
    // MITRE's TAXII 2.1 server (attack-taxii.mitre.org) serves a collection's objects in pages of envelopes: one page
    // read as the release would lose the techniques and relationships of the others without a word.
    if (envelope.more === true) {
      throw new AttackDataError(
        `${file}: one page of a TAXII 2.1 envelope ("more": true${typeof envelope.next === 'string' ? `, "next": ${JSON.stringify(envelope.next)}` : ''}), ` +
          "not all of the collection's objects; fetch every page (?next=…) and put all their objects in one envelope's or bundle's " +
          '"objects", or use a release file such as enterprise-attack-18.1.json (`attack-layers data fetch` gets one)',
        { file },
      );
    }
    notes.push(`read as a TAXII 2.1 envelope of ${envelope.objects.length} objects ("more": false), as a bundle of the same objects`);
  }
  if (isThreatIntelBundle(bundle.objects)) throw new AttackDataError(`${file}: ${THREAT_INTEL_BUNDLE}, not an ATT&CK release; ${THREAT_INTEL_BUNDLE_USE.replaceAll('<file>', file)}`, { file });
  // One pass sorts the objects by type: a release has ~25,000 objects of many shapes, and every further pass over
  // all of them costs a noticeable share of a cold load.
  const byType = new Map<string, StixObject[]>();
  for (const value of bundle.objects) {
    const object = readStixObject(value);
    if (!object) continue;
    const list = byType.get(object.type);
    if (list) list.push(object);
    else byType.set(object.type, [object]);
  }
  const ofType = (...types: string[]): StixObject[] => types.flatMap((type) => byType.get(type) ?? []);
  const objectCounts: Record<string, number> = {};
  for (const [type, list] of byType) objectCounts[type] = list.length;
  if (!objectCounts['attack-pattern']) {
    throw new AttackDataError(`${file}: a STIX bundle, but it holds no ATT&CK techniques (attack-pattern objects)`, { file });
  }

  const anyCollection = ofType('x-mitre-collection')[0];
  // A collection of an ATT&CK Workbench (a team's own, "ACME ATT&CK" 1.0.0) versions itself, not ATT&CK: only MITRE's
  // collections (Enterprise, Mobile, ICS ATT&CK) name the release in their x_mitre_version.
  const collection = anyCollection && MITRE_COLLECTION.test(anyCollection.name ?? '') ? anyCollection : undefined;
  const stixVersion: StixVersion =
    anyCollection || bundle.spec_version === '2.1' || ofType('attack-pattern').some((object) => object.spec_version === '2.1') ? '2.1' : '2.0';
  const domain = hints.domain ?? domainOf(ofType('attack-pattern'), anyCollection);
  const release = collection?.x_mitre_version ?? hints.release?.replace(/^v/i, '');
  if (release !== undefined && !isReleaseVersion(release)) {
    throw new AttackDataError(
      `${file}: the release ${JSON.stringify(release)}${collection?.x_mitre_version === undefined ? '' : ' (x-mitre-collection x_mitre_version)'} ` +
        'is not a release number such as 18.1; use an ATT&CK release file, or give the release with --attack-release',
      { file },
    );
  }
  const ownCollection = anyCollection && !collection ? `the collection ${JSON.stringify(anyCollection.name ?? anyCollection.id)}${anyCollection.x_mitre_version ? ` (version ${anyCollection.x_mitre_version})` : ''}` : undefined;
  if (ownCollection && !release) {
    throw new AttackDataError(
      `${file}: ${ownCollection} is not one of MITRE's releases (Enterprise, Mobile or ICS ATT&CK) but a collection of its own, ` +
        'as ATT&CK Workbench exports, whose version is not an ATT&CK release; give the ATT&CK release it builds on with ' +
        `--attack-release (such as 18.1), or name the file like ${domain}-18.1.json`,
      { file },
    );
  }
  if (ownCollection) notes.push(`${ownCollection} is not one of MITRE's releases: read as ATT&CK ${domain} ${release}, the release given for it`);
  if (!release) {
    throw new AttackDataError(
      `${file}: a ${isTaxiiEnvelope(envelope) ? 'TAXII envelope of STIX' : 'STIX'} ${stixVersion} ${isTaxiiEnvelope(envelope) ? 'objects' : 'bundle'} names no ATT&CK release; name the file like ${domain}-18.1.json ` +
        'or give the release explicitly (--attack-release); in a clone of mitre/cti it is the release of the tag checked out ' +
        '(`git describe --tags` in the clone: ATT&CK-v18.1 is 18.1)',
      { file },
    );
  }

  const sourceName = ATTACK_SOURCE_NAMES[domain];
  const attackId = (object: StixObject): string | undefined => {
    const refs = object.external_references ?? [];
    return (
      refs.find((ref) => ref.source_name === sourceName)?.external_id ??
      refs.find((ref) => ref.source_name?.startsWith('mitre-') && ref.external_id)?.external_id
    );
  };

  const revokedBy = new Map<string, StixId>();
  const uses = new Map<string, Set<string>>();
  for (const object of ofType('relationship')) {
    if (!object.source_ref || !object.target_ref) continue;
    if (object.relationship_type === 'revoked-by') revokedBy.set(object.source_ref, object.target_ref);
    else if (object.relationship_type === 'uses' && !object.revoked && !object.x_mitre_deprecated) {
      if (!object.target_ref.startsWith('attack-pattern--')) continue;
      let targets = uses.get(object.source_ref);
      if (!targets) uses.set(object.source_ref, (targets = new Set()));
      targets.add(object.target_ref);
    }
  }

  // A bundle of several domains (enterprise and mobile merged) says each object's domain in x_mitre_domains: this index
  // is one domain's. Objects without x_mitre_domains (STIX 2.0 releases up to ATT&CK 8) are the domain's.
  const otherDomains = new Map<string, number>();
  const inDomain = (object: StixObject): boolean => {
    const domains = object.x_mitre_domains ?? [];
    if (!domains.length || domains.includes(domain)) return true;
    if (object.type === 'attack-pattern') for (const other of domains) otherDomains.set(other, (otherDomains.get(other) ?? 0) + 1);
    return false;
  };
  const tactics = indexTactics(ofType('x-mitre-tactic', 'x-mitre-matrix').filter(inDomain), attackId);
  const tacticOrder = new Map(tactics.map((tactic, i) => [tactic.shortname, i]));
  const killChain = KILL_CHAIN_NAMES[domain];

  const techniques: TechniqueRecord[] = [];
  const techniqueIdByStix = new Map<string, TechniqueId>();
  const otherIds: string[] = [];
  for (const object of ofType('attack-pattern').filter(inDomain)) {
    const id = attackId(object);
    if (!id || !isIndexedTechniqueId(id)) {
      otherIds.push(`${id ?? '(no ID)'} ${JSON.stringify(object.name ?? object.id)}`);
      continue;
    }
    techniqueIdByStix.set(object.id, id);
    const phases = (object.kill_chain_phases ?? [])
      .filter((phase) => phase.kill_chain_name === killChain && phase.phase_name)
      .map((phase) => phase.phase_name as string);
    const record: Building<TechniqueRecord> = {
      id,
      stixId: object.id,
      name: object.name ?? id,
      tactics: [...new Set(phases)].sort((a, b) => (tacticOrder.get(a) ?? 99) - (tacticOrder.get(b) ?? 99)),
      platforms: [...(object.x_mitre_platforms ?? [])],
      subtechnique: id.includes('.'),
      revoked: object.revoked === true,
      deprecated: object.x_mitre_deprecated === true,
      summary: summarize(object.description ?? ''),
    };
    const parent = parentTechniqueId(id);
    if (parent) record.parent = parent;
    if (object.created_by_ref && object.created_by_ref !== MITRE_IDENTITY) record.custom = true;
    const replacement = revokedBy.get(object.id);
    if (record.revoked && replacement) record.revokedBy = replacement;
    if (record.deprecated) record.deprecationPointers = deprecationPointers(object.description ?? '', id);
    const acronyms = descriptionAcronyms(object.description ?? '');
    if (acronyms.length) record.acronyms = acronyms;
    techniques.push(record);
  }
  techniques.sort((a, b) => compareIds(a.id, b.id) || compareText(a.stixId, b.stixId));
  notes.push(...leftOutNotes(domain, otherDomains, otherIds.sort(compareText), techniques));

  const actors = (types: readonly string[]): ActorRecord[] =>
    ofType(...types)
      .filter(inDomain)
      .flatMap((object): ActorRecord[] => {
        const id = attackId(object);
        if (!id) return [];
        const names = [...(object.aliases ?? []), ...(object.x_mitre_aliases ?? [])];
        const record: Building<ActorRecord> = {
          id,
          stixId: object.id,
          type: object.type as ActorRecord['type'],
          name: object.name ?? id,
          aliases: [...new Set(names)].filter((alias) => alias !== object.name),
          revoked: object.revoked === true,
          deprecated: object.x_mitre_deprecated === true,
          techniques: [...(uses.get(object.id) ?? [])]
            .map((stixId) => techniqueIdByStix.get(stixId))
            .filter((techniqueId): techniqueId is string => techniqueId !== undefined)
            .sort(compareIds),
        };
        const replacement = revokedBy.get(object.id);
        if (record.revoked && replacement) record.revokedBy = replacement;
        if (object.first_seen) record.firstSeen = object.first_seen;
        if (object.last_seen) record.lastSeen = object.last_seen;
        if (object.created_by_ref && object.created_by_ref !== MITRE_IDENTITY) record.custom = true;
        return [record];
      })
      .sort((a, b) => compareIds(a.id, b.id));

  return {
    format: INDEX_FORMAT,
    domain,
    release,
    stixVersion,
    source: hints.source,
    objectCounts,
    tactics,
    techniques,
    groups: actors(['intrusion-set']),
    software: actors(['malware', 'tool']),
    campaigns: actors(['campaign']),
    ...(notes.length ? { notes } : {}),
  };
}

/** The identity that creates every object of MITRE's releases (`created_by_ref`), STIX 2.0 and 2.1 alike. */
const MITRE_IDENTITY = 'identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5';

/** The names of MITRE's collections, one per domain, whose x_mitre_version is the ATT&CK release. */
const MITRE_COLLECTION = /^(enterprise|mobile|ics) att&ck$/i;

function isDomain(value: string): value is Domain {
  return (DOMAINS as readonly string[]).includes(value);
}

/** The notes saying which techniques a bundle holds that the index leaves out, or that are not MITRE's. */
function leftOutNotes(domain: Domain, otherDomains: ReadonlyMap<string, number>, otherIds: readonly string[], techniques: readonly TechniqueRecord[]): string[] {
  const notes: string[] = [];
  if (otherDomains.size) {
    const counts = [...otherDomains].sort(([a], [b]) => compareText(a, b)).map(([other, count]) => `${count} of ${other}`).join(', ');
    notes.push(`left out the techniques of other domains (${counts}, by their x_mitre_domains): this bundle is read as ${domain}'s; give each domain's objects in a file of its own`);
  }
  if (otherIds.length) {
    notes.push(
      `left out ${otherIds.length} technique${otherIds.length === 1 ? '' : 's'} whose ATT&CK ID is not of ATT&CK's form ` +
        `(T and ${TECHNIQUE_ID_FORMAT.digits} digits, such as ${TECHNIQUE_ID_FORMAT.example}, or of an ATT&CK Workbench organization namespace, such as ACME-T1000.001): ` +
        `${firstFew(otherIds, NAMED_IN_NOTE)}; attack-layers reads techniques by such IDs only, as campaigns and layers name them: give them IDs such as T9001`,
    );
  }
  const custom = techniques.filter((technique) => technique.custom && !technique.revoked && !technique.deprecated);
  if (custom.length) notes.push(notMitreText(custom, 'this bundle'));
  return notes;
}

/** Order ATT&CK IDs; they have fixed-width digits, so string order is numeric order (T1059 < T1059.001 < T1102). */
export const compareIds = compareText;

function indexTactics(objects: StixObject[], attackId: (object: StixObject) => string | undefined): TacticRecord[] {
  const byStix = new Map<string, TacticRecord>();
  for (const object of objects) {
    if (object.type !== 'x-mitre-tactic' || !object.x_mitre_shortname || object.x_mitre_deprecated || object.revoked) continue;
    byStix.set(object.id, {
      id: attackId(object) ?? '',
      stixId: object.id,
      shortname: object.x_mitre_shortname,
      name: object.name ?? object.x_mitre_shortname,
    });
  }
  const ordered: TacticRecord[] = [];
  const seen = new Set<string>();
  // The matrix lists tactics in the order Navigator shows them; mobile has two matrices, taken in bundle order.
  for (const matrix of objects.filter((object) => object.type === 'x-mitre-matrix' && !object.x_mitre_deprecated)) {
    for (const ref of matrix.tactic_refs ?? []) {
      const tactic = byStix.get(ref);
      if (tactic && !seen.has(tactic.shortname)) {
        seen.add(tactic.shortname);
        ordered.push(tactic);
      }
    }
  }
  for (const tactic of byStix.values()) {
    if (!seen.has(tactic.shortname)) {
      seen.add(tactic.shortname);
      ordered.push(tactic);
    }
  }
  return ordered;
}

function domainOf(objects: StixObject[], collection: StixObject | undefined): Domain {
  for (const [pattern, domain] of COLLECTION_NAMES) if (collection?.name && pattern.test(collection.name)) return domain;
  const votes = new Map<Domain, number>();
  // Techniques say their domain in x_mitre_domains (ATT&CK 9 on); mobile 18.1's and ICS 18.1's name their IDs'
  // source `mitre-attack` as enterprise's do, so that source names tell a domain only in older releases.
  for (const object of objects) for (const domain of object.x_mitre_domains ?? []) if (isDomain(domain)) votes.set(domain, (votes.get(domain) ?? 0) + 1);
  for (const object of votes.size ? [] : objects) {
    if (object.type !== 'attack-pattern') continue;
    for (const ref of object.external_references ?? []) {
      const domain = DOMAINS.find((d) => ATTACK_SOURCE_NAMES[d] === ref.source_name);
      if (domain) votes.set(domain, (votes.get(domain) ?? 0) + 1);
    }
  }
  return [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'enterprise-attack';
}

function deprecationPointers(description: string, self: string): TechniqueId[] {
  // The deprecation notice is the first paragraph ("This technique has been deprecated. Please use ..."); the
  // rest is the old text, whose links are examples rather than successors.
  const notice = description.split(/\n\s*\n/)[0] ?? '';
  const text = /deprecat/i.test(notice) ? notice : description;
  const found: string[] = [];
  for (const match of text.matchAll(POINTER_PATTERN)) {
    const id = match[1] ? (match[2] ? `${match[1]}.${match[2]}` : match[1]) : match[3];
    if (id && id !== self && !found.includes(id)) found.push(id);
  }
  return found;
}

/** The words of 2 to 6 capitals a description writes (`FTP, SMTP, HTTP/S, DNS, SMB`), outside its citations and links, sorted. */
function descriptionAcronyms(description: string): string[] {
  const prose = description.replace(/\(Citation:[^)]*\)/g, ' ').replace(/\]\([^)]*\)/g, ']');
  return [...new Set(prose.match(/(?<![\p{L}\p{N}])[A-Z]{2,6}(?![\p{L}\p{N}])/gu) ?? [])].sort();
}

/** The first sentence of an ATT&CK description as plain text, at most 240 characters. */
export function summarize(description: string): string {
  const plain = description
    .replace(/\(Citation:[^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(plain)?.[0] ?? plain;
  return sentence.length > 240 ? `${sentence.slice(0, 237)}...` : sentence;
}

/**
 * The object types of ATT&CK's own structure, which every release holds (a matrix and its tactics, in 3.0 to 18.1,
 * enterprise, mobile and ICS; a collection too in STIX 2.1) and threat intelligence does not copy.
 */
const RELEASE_TYPES: ReadonlySet<string> = new Set(['x-mitre-collection', 'x-mitre-matrix', 'x-mitre-tactic']);

/**
 * True for a bundle of threat intelligence rather than an ATT&CK release: it holds objects, none of them of ATT&CK's
 * structure (`RELEASE_TYPES`). Unit 42's playbooks, MISP and OpenCTI exports hold reports, intrusion sets, indicators
 * and attack-patterns, whose copies of ATT&CK's `x_mitre_*` fields (`x_mitre_version`, `x_mitre_platforms`) do not
 * make them a release. An empty bundle is neither: it is told by what reads it.
 */
export function isThreatIntelBundle(objects: readonly unknown[]): boolean {
  const typeOf = (object: unknown): unknown => (typeof object === 'object' && object !== null ? (object as { type?: unknown }).type : undefined);
  return objects.length > 0 && !objects.some((object) => RELEASE_TYPES.has(String(typeOf(object))));
}

/** What a reader of ATT&CK data says of a bundle of threat intelligence, and what to do with it instead. */
export const THREAT_INTEL_BUNDLE =
  'a STIX bundle of threat intelligence (none of its objects is an x-mitre-collection, x-mitre-matrix or x-mitre-tactic, as in an ATT&CK release)';
export const THREAT_INTEL_BUNDLE_USE =
  'to map the ATT&CK techniques it names, make a campaign file of them with `attack-layers extract <file>` and review it; ' +
  'for ATT&CK data, use a release such as enterprise-attack-18.1.json (`attack-layers data fetch` gets one)';

/**
 * A STIX bundle: an object with `type: bundle` and an `objects` array; or a TAXII 2.1 envelope (`isTaxiiEnvelope`),
 * which holds STIX objects the same way.
 */
export function isBundle(value: unknown): value is { type?: string; spec_version?: string; objects: unknown[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    ((value as { type?: unknown }).type === 'bundle' || isTaxiiEnvelope(value)) &&
    Array.isArray((value as { objects?: unknown }).objects)
  );
}

/**
 * A TAXII 2.1 envelope, as a TAXII server's objects endpoint answers (MITRE's: attack-taxii.mitre.org/api/v21/collections/
 * <id>/objects/): an object with no `type`, an `objects` array and a `more` flag (`next` names the following page).
 */
export function isTaxiiEnvelope(value: unknown): value is { objects: unknown[]; more?: boolean; next?: unknown } {
  if (typeof value !== 'object' || value === null || 'type' in value) return false;
  const { objects, more } = value as { objects?: unknown; more?: unknown };
  return Array.isArray(objects) && (typeof more === 'boolean' || (objects.length > 0 && objects.every(isStixObject)));
}

/** A STIX object: an object with a string `type` and `id`. */
export function isStixObject(value: unknown): value is StixObject {
  return typeof value === 'object' && value !== null && typeof (value as StixObject).type === 'string' && typeof (value as StixObject).id === 'string';
}

// The shape of each field of `StixObject` that indexing reads. A bundle is data from outside: a field of another
// shape (`description: 5`, `external_references: [null]`) is dropped, as if absent, rather than crash the reader.
const STIX_FIELDS: Readonly<Record<string, 'string' | 'boolean' | 'strings' | 'objects'>> = {
  name: 'string',
  description: 'string',
  spec_version: 'string',
  modified: 'string',
  x_mitre_shortname: 'string',
  x_mitre_version: 'string',
  first_seen: 'string',
  last_seen: 'string',
  created_by_ref: 'string',
  relationship_type: 'string',
  source_ref: 'string',
  target_ref: 'string',
  revoked: 'boolean',
  x_mitre_deprecated: 'boolean',
  x_mitre_is_subtechnique: 'boolean',
  x_mitre_platforms: 'strings',
  x_mitre_domains: 'strings',
  tactic_refs: 'strings',
  aliases: 'strings',
  x_mitre_aliases: 'strings',
  x_mitre_analytic_refs: 'strings',
  external_references: 'objects',
  kill_chain_phases: 'objects',
  x_mitre_log_source_references: 'objects',
};
const FIELD_SHAPES = Object.entries(STIX_FIELDS);
const NESTED_STRINGS = ['source_name', 'external_id', 'url', 'description', 'kill_chain_name', 'phase_name', 'name', 'channel'];

/**
 * A STIX object with the fields indexing reads in the shapes `StixObject` says (others dropped, in place), or
 * undefined when the value is not a STIX object at all.
 */
export function readStixObject(value: unknown): StixObject | undefined {
  if (!isStixObject(value)) return undefined;
  const object = value as unknown as Record<string, unknown>;
  for (const [field, shape] of FIELD_SHAPES) {
    const found = object[field];
    if (found === undefined) continue;
    if (shape === 'string' || shape === 'boolean') {
      if (typeof found !== shape) delete object[field];
    } else if (!Array.isArray(found)) delete object[field];
    else if (shape === 'strings') {
      if (!found.every((item) => typeof item === 'string')) object[field] = found.filter((item) => typeof item === 'string');
    } else {
      const isRecord = (item: unknown): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item);
      // Release files hold ~100,000 references: copy a list only when it has something to drop.
      const items = found.every(isRecord) ? found : (object[field] = found.filter(isRecord));
      for (const item of items as Record<string, unknown>[]) {
        for (const key of NESTED_STRINGS) if (item[key] !== undefined && typeof item[key] !== 'string') delete item[key];
      }
    }
  }
  return value;
}
