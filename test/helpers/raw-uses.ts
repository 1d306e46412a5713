/**
 * The `uses` relationships of a release read straight from the bundle (not through lib/), for tests that compute
 * their expectations independently. Memoized per file: the bundle is parsed once per test run and only the parts
 * these tests need are kept.
 */
import { readRawBundle, type RawStixObject } from './attack.js';

/** What the tests need of a bundle: ATT&CK objects by STIX id, and the current uses relationships to techniques. */
export interface RawUses {
  /** Techniques, groups, software and campaigns by STIX id. */
  objects: Map<string, RawStixObject>;
  /** `uses` relationships to attack-patterns that are neither revoked nor deprecated, in bundle order. */
  uses: RawStixObject[];
  /** `attributed-to` relationships. */
  attributions: RawStixObject[];
  /** `uses` relationships to software (malware, tools) that are neither revoked nor deprecated, in bundle order. */
  softwareUses: RawStixObject[];
}

const cache = new Map<string, RawUses>();

/** Read (once) the uses relationships and objects of a release file. */
export function rawUses(file: string): RawUses {
  let found = cache.get(file);
  if (!found) {
    const objects = new Map<string, RawStixObject>();
    const uses: RawStixObject[] = [];
    const attributions: RawStixObject[] = [];
    const softwareUses: RawStixObject[] = [];
    for (const o of readRawBundle(file).objects) {
      if (['attack-pattern', 'intrusion-set', 'malware', 'tool', 'campaign'].includes(o.type)) objects.set(o.id, o);
      if (o.type !== 'relationship' || o['revoked'] || o['x_mitre_deprecated']) continue;
      if (o['relationship_type'] === 'uses' && String(o['target_ref']).startsWith('attack-pattern--')) uses.push(o);
      if (o['relationship_type'] === 'attributed-to') attributions.push(o);
      if (o['relationship_type'] === 'uses' && /^(malware|tool)--/.test(String(o['target_ref']))) softwareUses.push(o);
    }
    found = { objects, uses, attributions, softwareUses };
    cache.set(file, found);
  }
  return found;
}

/** The ATT&CK ID of a raw object (its `mitre-*` external reference). */
export function rawAttackId(object: RawStixObject | undefined): string | undefined {
  const refs = (object?.['external_references'] ?? []) as { source_name?: string; external_id?: string }[];
  return refs.find((ref) => ref.source_name?.startsWith('mitre') && ref.external_id)?.external_id;
}

/** The raw group, software or campaign with an ATT&CK ID. */
export function rawObjectById(raw: RawUses, id: string): RawStixObject {
  const found = [...raw.objects.values()].find((o) => o.type !== 'attack-pattern' && rawAttackId(o) === id && !o['revoked']);
  if (!found) throw new Error(`test setup: no object ${id} in the bundle`);
  return found;
}

/** The ATT&CK IDs of the techniques an object's current uses relationships name, sorted. */
export function rawTechniqueIds(raw: RawUses, objectStixId: string): string[] {
  return [...new Set(raw.uses.filter((r) => r['source_ref'] === objectStixId).map((r) => rawAttackId(raw.objects.get(String(r['target_ref'])))!))].sort();
}
