import { isThreatIntelBundle } from '../attack/index-bundle.js';
import type { ExtractedReference } from './extract-references.js';

/** The `source_name` of an ATT&CK ID in `external_references`, and the `kill_chain_name` of its tactics, per domain. */
const ATTACK_SOURCES = new Set(['mitre-attack', 'mitre-mobile-attack', 'mitre-ics-attack']);

/** The actor a bundle is about, by the first of these types it holds exactly one of (named). */
const ACTOR_TYPES = ['intrusion-set', 'campaign', 'threat-actor'];

/** A bundle of threat intelligence read as a report: its technique references and the actor it is about. */
export interface BundleReport {
  references: ExtractedReference[];
  /** The name of the bundle's one intrusion set (else campaign, else threat actor), when it has exactly one. */
  name?: string;
  /**
   * The actors of the first of those types the bundle holds, when it holds several (a feed's export of two groups), each
   * with the techniques its `uses` relationships point to (ATT&CK IDs, or names without one), in bundle order.
   */
  actors?: Array<{ type: string; name: string; techniques: string[] }>;
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/**
 * Read a STIX bundle of threat intelligence (`isThreatIntelBundle`: a Unit 42 playbook, a MISP or OpenCTI export) as
 * a report; undefined for any other text. Each attack-pattern object is a reference, in bundle order: its ATT&CK ID
 * (`external_id` of `source_name` mitre-attack, mitre-mobile-attack or mitre-ics-attack) with its name, or its name
 * alone when it has no ATT&CK ID; its tactics, the `phase_name`s of its ATT&CK `kill_chain_phases`; its line, where
 * the object's `"id"` is written, and the lines of the `uses` relationships that point to it, whose descriptions are
 * its evidence (Unit 42: `"Seen in emails sent from multiple countries"`). The attack-pattern's description, and
 * IDs cited in it (ATT&CK's own text, copied), are no reference. Pure.
 */
export function bundleReport(source: string): BundleReport | undefined {
  if (!/^\s*\{/.test(source)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return undefined;
  }
  if (!isObject(value) || value['type'] !== 'bundle' || !Array.isArray(value['objects']) || !isThreatIntelBundle(value['objects'])) return undefined;
  const objects = value['objects'].filter(isObject);
  const lineStarts = [0];
  for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  // Where `"id": "<id>"` is written: the object's own place, not a reference to it from a report's `object_refs`.
  const placeOf = (id: string): { line: number; start: number; end: number } | undefined => {
    const match = new RegExp(`"id"\\s*:\\s*"${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).exec(source);
    if (!match) return undefined;
    let line = lineStarts.length;
    while (lineStarts[line - 1]! > match.index) line--;
    const start = match.index - lineStarts[line - 1]!;
    return { line, start, end: start + match[0].length };
  };
  const usedAt = new Map<string, number[]>();
  const evidence = new Map<string, string[]>();
  for (const object of objects) {
    const [id, target, description] = [text(object['id']), text(object['target_ref']), text(object['description'])];
    if (object['type'] !== 'relationship' || object['relationship_type'] !== 'uses' || !id || !target) continue;
    const line = placeOf(id)?.line;
    if (line !== undefined) usedAt.set(target, [...(usedAt.get(target) ?? []), line]);
    if (description) evidence.set(target, [...(evidence.get(target) ?? []), `${line === undefined ? '' : `line ${line}: `}${JSON.stringify(description)}`]);
  }
  const references: ExtractedReference[] = [];
  const techniqueOf = new Map<string, string>();
  for (const object of objects) {
    const stixId = text(object['id']);
    if (object['type'] !== 'attack-pattern' || !stixId) continue;
    const refs = Array.isArray(object['external_references']) ? object['external_references'].filter(isObject) : [];
    const attackId = refs.map((ref) => (ATTACK_SOURCES.has(String(ref['source_name'])) ? text(ref['external_id'])?.toUpperCase() : undefined)).find(Boolean);
    const written = text(object['name']);
    if (!attackId && !written) continue;
    // Unit 42 writes the ID in the name (`T1505.003: Web Shell`); the name is what follows it.
    const name = written && attackId ? written.replace(new RegExp(`^${attackId.replace('.', '\\.')}\\s*[:\\-–]\\s*`, 'i'), '') : written;
    const place = placeOf(stixId) ?? { line: 1, start: 0, end: 0 };
    const phases = Array.isArray(object['kill_chain_phases']) ? object['kill_chain_phases'].filter(isObject) : [];
    const tactics = [...new Set(phases.flatMap((phase) => (ATTACK_SOURCES.has(String(phase['kill_chain_name'])) && text(phase['phase_name']) ? [text(phase['phase_name'])!] : [])))];
    if (attackId ?? name) techniqueOf.set(stixId, attackId ?? name!);
    const lines = [...new Set([place.line, ...(usedAt.get(stixId) ?? [])])].sort((a, b) => a - b);
    references.push({
      raw: attackId ? (name ? `${name} (${attackId})` : attackId) : name!,
      line: place.line,
      ...(lines.length > 1 ? { lines } : {}),
      ids: attackId ? [attackId] : [],
      ...(name ? { name } : {}),
      tactics,
      span: place,
      ...(evidence.has(stixId) ? { evidence: evidence.get(stixId)! } : {}),
    });
  }
  const named = (type: string): string[] => objects.flatMap((object) => (object['type'] === type && text(object['name']) ? [text(object['name'])!] : []));
  const name = ACTOR_TYPES.map(named).find((names) => names.length === 1)?.[0];
  // Several actors of one type: which technique each uses, by the relationships that say so.
  const type = ACTOR_TYPES.find((actorType) => named(actorType).length > 0);
  const several = type ? objects.filter((object) => object['type'] === type && text(object['name'])) : [];
  const actors =
    several.length > 1
      ? several.map((actor) => {
          const uses = objects.filter((object) => object['type'] === 'relationship' && object['relationship_type'] === 'uses' && object['source_ref'] === actor['id']);
          const techniques = [...new Set(uses.flatMap((use) => techniqueOf.get(String(use['target_ref'])) ?? []))];
          return { type: type!, name: text(actor['name'])!, techniques };
        })
      : undefined;
  return { references, ...(name ? { name } : {}), ...(actors ? { actors } : {}) };
}
