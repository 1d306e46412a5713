import { AttackDataError } from '../errors.js';
import type { Building } from './building.js';
import { plainDescription } from './attack-text.js';
import { compareIds, isBundle, readStixObject, type StixObject } from './index-bundle.js';
import {
  DETECTION_FORMAT,
  type AnalyticRecord,
  type DetectionIndexData,
  type DetectionStrategyRecord,
  type LogSourceRef,
  type MitigationRecord,
  type MitigationUse,
  type StixId,
} from './types.js';

/** The object's ATT&CK ID (`DET0103`, `AN0110`, `M1049`) and its page, from its mitre-* external reference. */
function attackReference(object: StixObject): { id?: string; url?: string } {
  const ref = (object.external_references ?? []).find((r) => r.source_name?.startsWith('mitre-') && r.external_id);
  return { ...(ref?.external_id ? { id: ref.external_id } : {}), ...(ref?.url?.trim() ? { url: ref.url.trim() } : {}) };
}

const live = (object: StixObject): boolean => object.revoked !== true && object.x_mitre_deprecated !== true;

/**
 * Collect what a parsed STIX bundle says about detecting and mitigating techniques: detection strategies (and the
 * techniques they `detect`), their analytics with platforms and log sources, and mitigations with the text of each
 * `mitigates` relationship. Revoked and deprecated objects and relationships are left out. Pure.
 * @throws AttackDataError when the value is not a STIX bundle.
 */
export function indexDetection(bundle: unknown, source: { file: string; sha256: string }): DetectionIndexData {
  if (!isBundle(bundle)) {
    throw new AttackDataError(`${source.file}: not a STIX bundle; use an ATT&CK release file such as enterprise-attack-18.1.json`, {
      file: source.file,
    });
  }
  const strategies = new Map<string, Building<DetectionStrategyRecord>>();
  const analyticsByStix = new Map<string, AnalyticRecord>();
  const mitigations = new Map<string, MitigationRecord>();
  const relationships: StixObject[] = [];
  for (const value of bundle.objects) {
    const object = readStixObject(value);
    if (!object || !live(object)) continue;
    if (object.type === 'relationship') {
      if (object.relationship_type === 'detects' || object.relationship_type === 'mitigates') relationships.push(object);
      continue;
    }
    const { id, url } = attackReference(object);
    if (!id) continue;
    const page = url ? { url } : {};
    if (object.type === 'x-mitre-detection-strategy') {
      strategies.set(object.id, { id, stixId: object.id, name: object.name ?? id, ...page, analytics: [...(object.x_mitre_analytic_refs ?? [])], techniques: [] });
    } else if (object.type === 'x-mitre-analytic') {
      const logSources = (object.x_mitre_log_source_references ?? [])
        .filter((ref): ref is { name: string; channel?: string } => typeof ref.name === 'string' && ref.name.trim() !== '')
        .map((ref): LogSourceRef => (namedChannel(ref.channel) ? { name: ref.name.trim(), channel: ref.channel!.trim() } : { name: ref.name.trim() }));
      analyticsByStix.set(object.id, {
        id,
        stixId: object.id,
        ...page,
        platforms: [...(object.x_mitre_platforms ?? [])],
        logSources,
        description: plainDescription(object.description ?? '').text,
      });
    } else if (object.type === 'course-of-action') {
      mitigations.set(object.id, { id, stixId: object.id, name: object.name ?? id, ...page });
    }
  }
  const mitigates: Record<StixId, MitigationUse[]> = {};
  for (const relationship of relationships) {
    const { source_ref: from, target_ref: to } = relationship;
    if (!from || !to?.startsWith('attack-pattern--')) continue;
    const strategy = strategies.get(from);
    if (relationship.relationship_type === 'detects' && strategy) strategy.techniques.push(to);
    const mitigation = mitigations.get(from);
    if (relationship.relationship_type === 'mitigates' && mitigation) {
      (mitigates[to] ??= []).push({ mitigation: mitigation.id, text: plainDescription(relationship.description ?? '').text });
    }
  }
  for (const uses of Object.values(mitigates)) uses.sort((a, b) => compareIds(a.mitigation, b.mitigation));
  // A strategy names its analytics by STIX id; the model names them by ATT&CK ID (a missing one is left out).
  for (const strategy of strategies.values()) {
    strategy.analytics = strategy.analytics.map((ref) => analyticsByStix.get(ref)?.id).filter((id): id is string => id !== undefined);
    strategy.techniques.sort();
  }
  const byId = <T extends { id: string }>(values: Iterable<T>): T[] => [...values].sort((a, b) => compareIds(a.id, b.id));
  return {
    format: DETECTION_FORMAT,
    sha256: source.sha256,
    strategies: byId(strategies.values()),
    analytics: byId(analyticsByStix.values()),
    mitigations: byId(mitigations.values()),
    mitigates,
  };
}

/**
 * Whether an analytic's log source names a channel: 18.1 writes the word `None` as the channel of 127 of its 4,126
 * log sources (`auditd:EXECVE`, `Domain Name`), meaning none; a report that printed it (`auditd:EXECVE (None)`) would
 * read as a log source that records nothing.
 */
function namedChannel(channel: string | undefined): boolean {
  const text = channel?.trim() ?? '';
  return text !== '' && text.toLowerCase() !== 'none';
}
