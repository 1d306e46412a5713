import { AttackDataError } from '../errors.js';
import { plainDescription } from './attack-text.js';
import type { Building } from './building.js';
import { isBundle, readStixObject, summarize, type StixObject } from './index-bundle.js';
import { PROCEDURE_FORMAT, type CitedSource, type ObjectDetails, type ProcedureIndexData, type ProcedureRecord, type StixId } from './types.js';

const OBJECT_TYPES: ReadonlySet<string> = new Set(['intrusion-set', 'malware', 'tool', 'campaign']);

/**
 * Collect the procedures of a parsed STIX bundle: for every group, software and campaign, its `uses` relationships to
 * techniques with their descriptions and cited sources, its ATT&CK URL, version and summary, the software groups and
 * campaigns use, and for campaigns the groups they are attributed to. Descriptions are kept as plain text with their citations as sources. Pure. @throws AttackDataError when the value is not a STIX bundle.
 */
export function indexProcedures(bundle: unknown, source: { file: string; sha256: string }): ProcedureIndexData {
  if (!isBundle(bundle)) {
    throw new AttackDataError(`${source.file}: not a STIX bundle; use an ATT&CK release file such as enterprise-attack-18.1.json`, {
      file: source.file,
    });
  }
  const objects: Record<StixId, Building<ObjectDetails>> = {};
  const sources = new SourceTable();
  const relationships: StixObject[] = [];
  for (const value of bundle.objects) {
    const object = readStixObject(value);
    if (!object) continue;
    if (object.type === 'relationship') relationships.push(object);
    else if (OBJECT_TYPES.has(object.type)) objects[object.id] = details(object);
  }
  for (const relationship of relationships) {
    const { source_ref: from, target_ref: to } = relationship;
    const owner = from ? objects[from] : undefined;
    // A revoked or deprecated relationship is one ATT&CK withdrew; the index leaves it out of `techniques` too.
    if (!owner || !to || relationship.revoked || relationship.x_mitre_deprecated) continue;
    if (relationship.relationship_type === 'uses' && to.startsWith('attack-pattern--')) {
      owner.procedures.push(procedure(relationship, to, sources));
    } else if (relationship.relationship_type === 'attributed-to' && to.startsWith('intrusion-set--')) {
      (owner.attributedTo ??= []).push(to);
    } else if (relationship.relationship_type === 'uses' && (to.startsWith('malware--') || to.startsWith('tool--'))) {
      (owner.software ??= []).push(to);
    }
  }
  return { format: PROCEDURE_FORMAT, sha256: source.sha256, sources: sources.list, objects };
}

function details(object: StixObject): Building<ObjectDetails> {
  const page = (object.external_references ?? []).find((ref) => ref.external_id && ref.url && ref.source_name?.startsWith('mitre'));
  return {
    ...(page?.url?.trim() ? { url: page.url.trim() } : {}),
    ...(object.x_mitre_version ? { version: object.x_mitre_version } : {}),
    ...(object.modified ? { modified: object.modified.slice(0, 10) } : {}),
    summary: summarize(object.description ?? ''),
    procedures: [],
  };
}

/** Sources numbered in order of first use; the same name and URL is one source. */
class SourceTable {
  readonly list: CitedSource[] = [];
  private readonly numbers = new Map<string, number>();

  number(source: CitedSource): number {
    const key = `${source.name}\n${source.url ?? ''}`;
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.list.push(source) - 1;
      this.numbers.set(key, number);
    }
    return number;
  }
}

function procedure(relationship: StixObject, technique: StixId, table: SourceTable): ProcedureRecord {
  const { text, citations } = plainDescription(relationship.description ?? '');
  // Some releases write " https://..." or "Name " (10.1 does); the spaces are typing, not part of the source.
  const references: CitedSource[] = (relationship.external_references ?? [])
    .filter((ref): ref is { source_name: string; url?: string } => typeof ref.source_name === 'string' && ref.source_name.trim() !== '')
    .map((ref) => (ref.url?.trim() ? { name: ref.source_name.trim(), url: ref.url.trim() } : { name: ref.source_name.trim() }));
  // Cited sources first, in the order the text cites them; a citation with no reference of its name keeps its name.
  const cited = citations.map((name) => references.find((ref) => ref.name === name) ?? { name });
  const ordered = [...cited, ...references.filter((ref) => !citations.includes(ref.name))];
  return { relationship: relationship.id, technique, text, sources: [...new Set(ordered.map((ref) => table.number(ref)))] };
}
