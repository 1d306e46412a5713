/**
 * The enterprise 18.1 matrix read straight from the STIX bundle, not through lib/: the tests' second opinion on
 * which tactics and techniques a picture should show.
 */
import { readRawBundle, stixFile, type RawStixObject } from '../helpers/attack.js';

export interface RawTechnique {
  id: string;
  name: string;
  tactics: string[];
  platforms: string[];
  parent?: string;
}

export interface RawMatrix {
  /** Tactics in the order of the matrix's tactic_refs. */
  tactics: { shortname: string; name: string; description: string }[];
  /** Techniques and sub-techniques that are neither revoked nor deprecated. */
  current: RawTechnique[];
  /** IDs of deprecated (not revoked) techniques. */
  deprecated: string[];
}

let cached: RawMatrix | undefined;

const attackId = (object: RawStixObject): string | undefined =>
  (object['external_references'] as { source_name: string; external_id?: string }[] | undefined)?.find((ref) => ref.source_name === 'mitre-attack')?.external_id;

/** enterprise-attack 18.1's matrix, read once per process. */
export function rawMatrix(): RawMatrix {
  if (cached) return cached;
  const { objects } = readRawBundle(stixFile('enterprise-attack-18.1.json.gz'));
  const byStix = new Map(objects.map((object) => [object.id, object]));
  const matrix = objects.find((object) => object.type === 'x-mitre-matrix' && !object['x_mitre_deprecated'] && !object['revoked'])!;
  const tactics = (matrix['tactic_refs'] as string[]).map((ref) => {
    const tactic = byStix.get(ref)!;
    return { shortname: tactic['x_mitre_shortname'] as string, name: tactic['name'] as string, description: tactic['description'] as string };
  });
  const patterns = objects.filter((object) => object.type === 'attack-pattern' && attackId(object));
  const current = patterns
    .filter((object) => !object['revoked'] && !object['x_mitre_deprecated'])
    .map((object): RawTechnique => {
      const id = attackId(object)!;
      return {
        id,
        name: object['name'] as string,
        tactics: ((object['kill_chain_phases'] as { kill_chain_name: string; phase_name: string }[] | undefined) ?? [])
          .filter((phase) => phase.kill_chain_name === 'mitre-attack')
          .map((phase) => phase.phase_name),
        platforms: (object['x_mitre_platforms'] as string[] | undefined) ?? [],
        ...(id.includes('.') ? { parent: id.split('.')[0]! } : {}),
      };
    });
  const deprecated = patterns.filter((object) => !object['revoked'] && object['x_mitre_deprecated']).map((object) => attackId(object)!);
  cached = { tactics, current, deprecated };
  return cached;
}

/** Techniques (not sub-techniques) shown under a tactic for a platform filter (any platform matches). */
export function techniquesUnder(raw: RawMatrix, tactic: string, platforms?: readonly string[]): RawTechnique[] {
  return raw.current.filter((t) => !t.parent && t.tactics.includes(tactic) && (!platforms || t.platforms.some((p) => platforms.includes(p))));
}
